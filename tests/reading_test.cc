// Reading reports jixiao has never seen (the structure-first issue): sections by numbering,
// statements of points bound to the innermost heading, rates checked only where the words bind
// their figures, the wording families of other provinces, and document kinds. Each case is a
// small text in the shape real filings use; each has a pass, a fail or a false-alarm guard.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "structure/structure.h"
#include "tests/audit_testing.h"

namespace jixiao {
namespace {

using testing::BuiltinRules;
using testing::DocumentOf;

// "check verdict stated" of every check of `id` run on `text`.
std::vector<std::string> ChecksOf(const std::string& text, CheckId id) {
  AuditResult r = Audit(DocumentOf(text), BuiltinRules());
  std::vector<std::string> out;
  for (const auto& c : r.checks)
    if (c.check == id) out.push_back(std::string(VerdictName(c.verdict)) + " " + c.stated);
  return out;
}

std::string Indicators(const std::string& text) {
  AuditResult r = Audit(DocumentOf(text), BuiltinRules());
  std::string out;
  for (const auto& i : r.indicators) {
    for (size_t k = 0; k < i.path.size(); ++k) out += (k ? ">" : "") + i.path[k];
    out += " " + (i.max.empty() ? std::string("-") : i.max) + "/" + (i.score.empty() ? std::string("-") : i.score) + "\n";
  }
  return out;
}

int UnreadLines(const std::string& text) {
  int n = 0;
  for (const auto& f : Audit(DocumentOf(text), BuiltinRules()).findings) n += f.check == CheckId::kParseUnread;
  return n;
}

}  // namespace

TEST_CASE("sections: numbering styles nest as they appear; figures are not headings", "[structure]") {
  const std::string text =
      "一、部门概况\n"
      "（一）职能\n"
      "1.预算编制\n"
      "1.5分的说明不是标题。\n"
      "3.预算执行\n"  // skipped number
      "（1）资金管理\n"
      "①合规性\n"
      "（二）机构\n"
      "二、自评情况\n"
      "2.73%的比率也不是标题。\n";
  Document doc = DocumentOf(text);
  Structure s = BuildStructure(doc, BuiltinRules());
  std::vector<std::string> got;
  for (const auto& sec : s.sections)
    got.push_back(std::to_string(sec.level) + " " + NumberingName(sec.style) + " " + std::to_string(sec.ordinal));
  CHECK(got == std::vector<std::string>{"1 cn 1", "2 paren_cn 1", "3 arabic 1", "3 arabic 3", "4 paren_arabic 1",
                                        "5 circled 1", "2 paren_cn 2", "1 cn 2"});
  // The innermost section of a statement; a parent's body holds its children.
  size_t at = doc.text.find("合规性");
  REQUIRE(s.SectionAt(at) >= 0);
  CHECK(s.sections[static_cast<size_t>(s.SectionAt(at))].style == Numbering::kCircled);
  CHECK(s.sections[0].body.end >= doc.text.find("二、自评情况"));
}

TEST_CASE("a numbered heading without points takes the points its own body states", "[reading][tree]") {
  struct Case {
    const char* text;
    const char* want;
  } cases[] = {
      // The body statement belongs to 预算调整率, not to its parent 投入.
      {"（一）投入（满分20分，得分18分）\n1.预算编制\n本指标满分4分，得4分。\n2.预算调整率\n调整率5.00%，本指标满分16分，得14分。\n",
       "投入 20/18\n投入>预算编制 4/4\n投入>预算调整率 16/14\n"},
      {"（一）过程（满分12分，得分10.5分）\n1.目标设置\n得分1.5分（满分2分）。目标合理。\n2.资金使用\n（权重10分，得分9分）资金使用合规。\n",
       "过程 12/10.5\n过程>目标设置 2/1.5\n过程>资金使用 10/9\n"},
      {"（一）管理（满分10分，得分8.5分）\n1.制度建设\n该项满分10分，扣1.5分，得8.5分。\n", "管理 10/8.5\n管理>制度建设 10/8.5\n"},
      // The max inside the name, the score as the first words below it.
      {"1.部门决策(25分)\n得分23分。\n", "部门决策 25/23\n"},
      // ... or right after it on its line; a child's score later on the line is not the parent's.
      {"1.部门决策（20分）：得分19分。\n（1）绩效目标合理性（5分）：得分5分。\n（2）绩效指标明确性（15分），得14分。\n",
       "部门决策 20/19\n部门决策>绩效目标合理性 5/5\n部门决策>绩效指标明确性 15/14\n"},
      {"1.部门管理（30分）：共3项指标，其中预算执行率得分9分。\n", "部门管理 30/-\n"},
      // ... or as the last words of its line, when nothing before them states other points.
      {"1.预算编制合理性（10分）：预算编制科学合理，得10分。\n2.目标设置明确性（10分）：个别指标未量化，扣1分，得9分。\n"
       "3.预算执行率（20分）：预算执行率=12000.00/12345.67=97.20%，得分19.44分（20×97.20%）。\n",
       "预算编制合理性 10/10\n目标设置明确性 10/9\n预算执行率 20/19.44\n"},
      {"1.项目管理（20分）：下设2项，项目实施得8分，项目验收得9分。\n", "项目管理 20/-\n"},
      // A table of contents lists the headings with their points and pages: no indicators of its own.
      {"目 录\n（一）投入（20分）……………………3\n（二）过程（30分）.........( 4 )\n（一）投入（20分）：得分18分。\n"
       "（二）过程（30分）：得分28分。\n",
       "投入 20/18\n过程 30/28\n"},
      // A numbered line with no statement of points stays prose.
      {"（一）部门职责\n1.贯彻执行有关法律法规。\n2.拟订发展规划并组织实施。\n", ""},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(Indicators(c.text) == c.want);
  }
  // No false restatement of the parent from its children's bodies.
  CHECK(ChecksOf(cases[0].text, CheckId::kScoreRestated).empty());
  CHECK(ChecksOf(cases[0].text, CheckId::kScoreChildrenSum) == std::vector<std::string>{"pass 18"});
}

TEST_CASE("unread points below a parent: its children's sums are not checked, the line is unread", "[reading][tree]") {
  const std::string text =
      "（一）投入（满分20分，得分18分）\n1.预算编制\n本指标满分4分，得4分。\n2.目标设置\n经评审，目标设置给予14分。\n";
  AuditResult r = Audit(DocumentOf(text), BuiltinRules());
  CHECK(r.errors() == 0);
  CHECK(r.coverage.unread == 1);
  CHECK(ChecksOf(text, CheckId::kScoreChildrenSum).empty());
  // Once read, the same children are summed.
  const std::string read = "（一）投入（满分20分，得分18分）\n1.预算编制\n本指标满分4分，得4分。\n2.目标设置\n本指标满分16分，得15分。\n";
  CHECK(ChecksOf(read, CheckId::kScoreChildrenSum) == std::vector<std::string>{"fail 18"});
}

// Sub-items of the 广东 template written "（3）名称：该指标分值为10分，自评为10分。", "（1）名称得分：9分（满分10分）",
// "（2）名称，权重10分，本项得10分。"; and a sibling line whose points no pattern reads ends the body before it: its
// "本项得10分" is never the previous indicator's restatement, and the parent is not summed.
TEST_CASE("sub-items of the 广东 template, and sibling lines of unread points", "[reading][tree]") {
  struct Case {
    const char* text;
    const char* want;
  } cases[] = {
      {"1.预算编制（分值20分，自评得分19分）\n（1）重点保障：本项满分10分，得9分，扣1分。\n"
       "（2）预算资金安排：该指标分值为10分，自评为10分。\n",
       "预算编制 20/19\n预算编制>重点保障 10/9\n预算编制>预算资金安排 10/10\n"},
      {"2.预算执行（分值20分，自评得分19分）\n（1）预算执行率得分：9分（满分10分）。\n（2）结转结余率（分值10分，自评得分10分）\n",
       "预算执行 20/19\n预算执行>预算执行率 10/9\n预算执行>结转结余率 10/10\n"},
      {"3.资产管理（分值10分，自评得分10分）\n资产管理规范性指标得分10分(满分10分)。\n",
       "资产管理 10/10\n资产管理>资产管理规范性 10/10\n"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(Indicators(c.text) == c.want);
    CHECK(Audit(DocumentOf(c.text), BuiltinRules()).errors() == 0);
  }
  CHECK(ChecksOf(cases[1].text, CheckId::kScoreChildrenSum) == std::vector<std::string>{"pass 19"});
  // A sibling whose points are unread: no restatement of the one before, no sum of the parent, one unread line.
  const std::string unread =
      "2.预算执行（分值30分，自评得分29分）\n（1）预算执行率（分值10分，自评得分9分）\n"
      "（2）结转结余率，经评定本项计10分。\n（3）政府采购执行率　10分　10分\n";
  AuditResult r = Audit(DocumentOf(unread), BuiltinRules());
  CHECK(r.errors() == 0);
  CHECK(ChecksOf(unread, CheckId::kScoreRestated).empty());
  CHECK(ChecksOf(unread, CheckId::kScoreChildrenSum).empty());
  CHECK(UnreadLines(unread) == 2);
  // A wrapped line opening with a figure ("0.5 分；…") is no sibling heading: the body goes on.
  const std::string wrapped =
      "1.资产管理（分值2分，自评得分2分）\n①资产管理合规性(分值 2 分，自评得 2 分)一是制度健全，自评得 0.5 分；二是执行到位，自评得\n"
      "0.5 分；三是账实相符，自评得 1 分；综上所述，故此项指标自评得 2 分。\n";
  CHECK(Audit(DocumentOf(wrapped), BuiltinRules()).errors() == 0);
}

TEST_CASE("a rate is checked only where the words bind its figures", "[reading][rates]") {
  struct Case {
    const char* text;
    std::vector<std::string> want;  // rate.ratio checks: "verdict stated"
  } cases[] = {
      {"全年预算数1000.00万元，执行数950.00万元，预算执行率95.00%。", {"pass 95.00%"}},
      {"全年预算数1000.00万元，执行数950.00万元，预算执行率96.00%。", {"fail 96.00%"}},
      {"重点工作共12项，完成8项，未完成4项，重点工作完成率67%。", {"pass 67%"}},
      {"计划完成12项，实际完成9项，完成率80%。", {"fail 80%"}},
      // Two amounts whose ratio happens to fit a percent that names neither: never paired.
      {"培训投入1200.00万元，配套投入150.00万元，目标满意度85%。", {}},
      {"资金1200.00万元，其他150.00万元，合格率88.89%。", {}},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(ChecksOf(c.text, CheckId::kRateRatio) == c.want);
  }
  // The unbound one is counted in coverage.
  AuditResult r = Audit(DocumentOf(cases[5].text), BuiltinRules());
  CHECK(r.coverage.unbound == 1);
}

TEST_CASE("wording families of other provinces", "[reading][figures]") {
  struct Case {
    const char* text;
    CheckId check;
    std::vector<std::string> want;
  } cases[] = {
      {"收入792.22万元。同比上年度增加189.25万元,增加31.39%。", CheckId::kChangeYoy, {"pass 31.39%"}},
      {"收入792.22万元。同比上年度增加189.25万元,增加33.39%。", CheckId::kChangeYoy, {"fail 33.39%"}},
      {"本单位财政拨款收入总计1516.64万元，与上年相比减少58.49万元，降低3.71%。", CheckId::kChangeYoy, {"pass 3.71%"}},
      {"支出806.17万元。同比上年度减少104.71万元,减幅11.50%。", CheckId::kChangeYoy, {"pass 11.50%"}},
      // A sentence with its own subject does not take the figure of the sentence before.
      {"公务接待费决算为0.30万元。“三公”经费决算数比2016年度减少0.28万元，降低3.09%。", CheckId::kChangeYoy, {}},
      // 其中 over ；with 占 shares.
      {"本单位收入为1687.45万元，其中：财政拨款收入1516.64万元，占89.88%；事业收入170.81万元，占10.12%。",
       CheckId::kRateRatio, {"pass 89.88%", "pass 10.12%"}},
      {"本单位收入为1687.45万元，其中：财政拨款收入1516.64万元，占89.88%；事业收入170.81万元，占12.12%。",
       CheckId::kRateRatio, {"pass 89.88%", "fail 12.12%"}},
      {"本单位收入为1687.45万元，其中：财政拨款收入1516.64万元，占89.88%；事业收入170.81万元，占10.12%。",
       CheckId::kSumBreakdown, {"pass 1687.45万元"}},
      // A list cut with …… is partial.
      {"收入合计6023.69万元，其中：财政拨款收入5505.38万元；事业收入514.89万元；……", CheckId::kSumBreakdown,
       {"pass 6023.69万元"}},
      // Parts past an exact prefix belong to something else.
      {"实际正式教职工62人，其中副高级职称4人，中级职称25人，初级职称33人，退休职工28人。", CheckId::kSumBreakdown,
       {"pass 62"}},
      // 等 after fewer names than the count: a partial list, not a count to check.
      {"设有办公室、财务股等12个股室。", CheckId::kSumBreakdown, {}},
      {"年初预算为22.00万元，支出决算为8.77万元，完成预算的39.86%。", CheckId::kRateRatio, {"pass 39.86%"}},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(ChecksOf(c.text, c.check) == c.want);
  }
}

TEST_CASE("document kinds: a 决算 is named and not checked as a self-evaluation", "[reading][kinds]") {
  const std::string juesuan =
      "青石县教育局2023年度部门决算\n"
      "一、部门基本情况\n"
      "教育支出(类)年初预算为1200.00万元，支出决算为1190.00万元，完成年初预算的99.17%。\n"
      "本年度部门整体支出决算1190.00万元，与部门预算金额1500.00万元不同。\n";
  AuditResult r = Audit(DocumentOf(juesuan), BuiltinRules());
  CHECK(r.kind == "final_accounts");
  CHECK_FALSE(r.assessed);
  CHECK(r.note.find("部门决算") != std::string::npos);
  CHECK(r.errors() == 0);

  // Titles a 决算 is published under, the file name among them ("…决算公开说明-堤防处.pdf").
  const char* const juesuan_titles[] = {
      "青石县教育局2023年度部门决算\n",
      "2021年度部门决算公开说明-堤防处.pdf\n",
      "2021年度部门决算公开说明.pdf\n",
  };
  for (const char* title : juesuan_titles) {
    INFO(title);
    AuditResult t = Audit(DocumentOf(std::string(title) + "一、部门基本情况\n本部门主要负责全区河道堤防的建设与管理。\n"),
                          BuiltinRules());
    CHECK(t.kind == "final_accounts");
  }

  // A report whose section is about its 决算 stays a report.
  const std::string report =
      "青石县教育局2023年度部门整体支出绩效自评报告\n"
      "（二）部门决算情况\n"
      "二、自评情况\n"
      "1.预算编制（分值10分，自评得10分）\n";
  AuditResult k = Audit(DocumentOf(report), BuiltinRules());
  CHECK(k.kind == "department_report");
  CHECK(k.assessed);
  REQUIRE(k.parts.size() == 1);

  // Titles as they are written: 评价自评报告, and wrapped over two short lines. A body text with
  // no scores and such a title is a department report.
  const char* titles[] = {
      "东湖县2021年度部门整体支出绩效评价自评报告\n部门(单位)名称:东湖县某局\n本年支出100万元。\n",
      "附件2-1\n东湖县2018年度部门整体支出\n绩效评价自评报告\n部门(单位)名称: 东湖县某局\n本年支出100万元。\n",
      "2021 年海滨市某局整体支出\n绩效自评报告\n按照通知要求开展自评。\n",
  };
  for (const char* t : titles) {
    INFO(t);
    CHECK(Audit(DocumentOf(t), BuiltinRules()).kind == "department_report");
  }
  // A numbered heading after a short line is not the second line of a title.
  AuditResult heading = Audit(DocumentOf("单位名称\n(二)部门整体支出绩效评价情况\n本年支出100万元。\n"), BuiltinRules());
  CHECK(heading.kind != "department_report");

  // A text with nothing of a self-evaluation in it is never clean.
  AuditResult none = Audit(DocumentOf("这是一封普通的通知。\n请各单位按时报送材料。\n"), BuiltinRules());
  CHECK_FALSE(none.assessed);
  CHECK_FALSE(none.note.empty());
}

}  // namespace jixiao

namespace jixiao {
namespace {

// A report's scoring table with 一级/二级/三级 columns; `config` is the 预算配置 max as written.
std::string TreeTable(const std::string& config) {
  return "青石县文化局2023年度部门整体支出绩效自评报告\n"
         "二、绩效自评得分情况\n"
         "| 一级指标 | 二级指标 | 三级指标 | 分值 | 自评得分 |\n"
         "| 投入(20分) | 预算编制(10分) | 目标合理性 | 5 | 5 |\n"
         "| | | 编制科学性 | 5 | 4 |\n"
         "| | 预算配置(" + config + "分) | 人员控制率 | 10 | 10 |\n"
         "| 过程(80分) | 预算执行(80分) | 执行率 | 80 | 70 |\n"
         "| 合计 | | | 100 | 89 |\n";
}

}  // namespace

TEST_CASE("a report's scoring table is its indicator tree", "[reading][tables]") {
  CHECK(Indicators(TreeTable("10")) ==
        "投入 20/-\n投入>预算编制 10/-\n投入>预算编制>目标合理性 5/5\n投入>预算编制>编制科学性 5/4\n"
        "投入>预算配置 10/-\n投入>预算配置>人员控制率 10/10\n过程 80/-\n过程>预算执行 80/-\n"
        "过程>预算执行>执行率 80/70\n");
  // Merged cells carry the 一级 and 二级 down: 预算编制's children are its two rows.
  CHECK(ChecksOf(TreeTable("10"), CheckId::kScoreChildrenMax) ==
        std::vector<std::string>{"pass 20", "pass 10", "pass 10", "pass 80", "pass 80"});
  // A wrong max in a name cell is found, with the parent that no longer adds up.
  CHECK(ChecksOf(TreeTable("12"), CheckId::kScoreChildrenMax) ==
        std::vector<std::string>{"fail 20", "pass 10", "fail 12", "pass 80", "pass 80"});
  AuditResult r = Audit(DocumentOf(TreeTable("10")), BuiltinRules());
  REQUIRE(r.total.has_value());
  CHECK(r.total->score == "89");
  CHECK(r.total->max == "100");
}

TEST_CASE("a tree table without a total row may go on: its open nodes are not summed", "[reading][tables]") {
  std::string cut = TreeTable("12");
  cut = cut.substr(0, cut.find("| 合计"));  // the table ends at the page ("此处从略")
  // 预算配置 is closed by 过程, so its sum is checked; 过程 and 预算执行 are open at the end.
  CHECK(ChecksOf(cut, CheckId::kScoreChildrenMax) == std::vector<std::string>{"fail 20", "pass 10", "fail 12"});
  CHECK(ChecksOf(cut, CheckId::kScoreTotal).empty());
}

TEST_CASE("lone figures inside a page are cells, not page numbers", "[reading][tables]") {
  // One cell per line: the 分值 and 得分 cells stand alone on their lines.
  const std::string text =
      "绩效评价指标体系明细表\n一级指标\n二级指标\n三级指标\n分值\n得分\n"
      "投入(20分)\n目标设定(20分)\n绩效目标合理性\n12\n10\n绩效指标明确性\n8\n8\n合计\n20\n18\n";
  CHECK(Indicators(text) == "投入 20/-\n投入>目标设定 20/-\n投入>目标设定>绩效目标合理性 12/10\n"
                            "投入>目标设定>绩效指标明确性 8/8\n");
}

TEST_CASE("a table with one name column restates the headings; a tree in both is not summed", "[reading][tables]") {
  // One name column: a summary, not a tree (the tables reader compares it with the headings).
  const std::string summary =
      "一、投入（分值20分，自评得分18分）\n"
      "二、过程（分值80分，自评得分70分）\n"
      "| 二级指标 | 分值 | 得分 |\n"
      "| 投入 | 20 | 18 |\n"
      "| 过程 | 80 | 70 |\n";
  CHECK(Indicators(summary) == "投入 20/18\n过程 80/70\n");
  // Headings and a tree table both: the table may be cut short, so its sums are not checked.
  const std::string both = TreeTable("12") + "三、产出（分值30分，自评得分30分）\n";
  CHECK(ChecksOf(both, CheckId::kScoreChildrenMax).empty());
  CHECK(ChecksOf(both, CheckId::kScoreTotal).empty());
}

namespace {

// A scoring table with one name column: its levels by the names' numbering.
std::string ListTable(const std::string& second) {
  return "| 指标名称 | 分值 | 得分 |\n"
         "| 一、投入 | 20 | 18 |\n"
         "| (一)预算编制 | 10 | 9 |\n"
         "| (二)预算执行 | 10 | " + second + " |\n"
         "| 二、过程 | 80 | 70 |\n"
         "| 合计 | 100 | 88 |\n";
}

}  // namespace

TEST_CASE("a scoring table with one name column is the tree when nothing else is", "[reading][tables]") {
  CHECK(Indicators(ListTable("9")) == "投入 20/18\n投入>预算编制 10/9\n投入>预算执行 10/9\n过程 80/70\n");
  CHECK(ChecksOf(ListTable("9"), CheckId::kScoreChildrenSum) == std::vector<std::string>{"pass 18"});
  CHECK(ChecksOf(ListTable("8"), CheckId::kScoreChildrenSum) == std::vector<std::string>{"fail 18"});
  CHECK(ChecksOf(ListTable("9"), CheckId::kScoreTotal) == std::vector<std::string>{"pass 88", "pass 100"});
  // No total row closes it: a list of names with figures, not known to be a scoring table.
  std::string open = ListTable("9");
  open = open.substr(0, open.find("| 合计"));
  CHECK(Indicators(open).empty());  // (ParseTables reads no pipe rows)
  // Levels without numbering: one level; the total row 评价结果.
  const std::string bare = "评价准则\n分值\n实际得分\n绩效评价等级\n投入\n20\n18.5\n优(90分以上)\n过程\n80\n70\n"
                           "评价结果\n100\n88.5\n经自评，总分88.5分。\n";
  CHECK(Indicators(bare) == "投入 20/18.5\n过程 80/70\n");
  CHECK(ChecksOf(bare, CheckId::kScoreTotal) == std::vector<std::string>{"pass 100", "pass 88.5"});
  // Headings give the tree: the table restates it and adds no node.
  CHECK(Indicators("一、投入（分值20分，自评得分18分）\n二、过程（分值80分，自评得分70分）\n" + ListTable("9")) ==
        "投入 20/18\n过程 80/70\n");
}

TEST_CASE("a 得分 column beside each name is that level's points when the score stands apart", "[reading][tables]") {
  const std::string text =
      "一级指标 得分 二级指标 得分 三级指标 得分 评价标准 指标说明 得分\n"
      "投入 10 预算配置 10 人员控制率 5 以100%为标准。控制率≤100%,计5分; 实有人员40人,编制42人。 5\n"
      "每超过一个百分点扣0.5分。\n"
      "公用经费控制率 5 公用经费控制率≤100%,计5分; 本年公用经费控制率为98%。 4\n";
  CHECK(Indicators(text) == "投入 10/-\n投入>预算配置 10/-\n投入>预算配置>人员控制率 5/5\n"
                            "投入>预算配置>公用经费控制率 5/4\n");
}

TEST_CASE("a scoring table extracted as one stream of cells in row order is the tree where its rows are certain",
          "[reading][tables][stream]") {
  // Each name carries its max; a row's score follows its names; a merged name is written once.
  const std::string head = "部门整体支出绩效评价得分表 一级指标 二级指标 三级指标 得分 ";
  struct Case {
    const char* what;
    std::string body;
    const char* indicators;  // "" = no score read from the stream (its lines are unread)
    std::vector<std::string> children_max;
  };
  const Case cases[] = {
      {"the maxima add up: the tree and its sums",
       "决策(25 分) 目标(15 分) 相关性(5 分)\n5 明确性(5 分)\n5 合理性(5 分)\n4 预算编制(10 分) 测算依据(5 分)\n"
       "2 目标管理(5 分)\n4 管理(30 分) 资金分配(2 分) 分配时限(1 分)\n1 中央专款分配合规……(以下略)\n",
       "决策 25/-\n决策>目标 15/-\n决策>目标>相关性 5/5\n决策>目标>明确性 5/5\n决策>目标>合理性 5/4\n"
       "决策>预算编制 10/-\n决策>预算编制>测算依据 5/2\n决策>预算编制>目标管理 5/4\n管理 30/-\n"
       "管理>资金分配 2/-\n管理>资金分配>分配时限 1/1\n",
       {"pass 25", "pass 15", "pass 10"}},
      {"a group whose maxima do not add up: the parents are not certain, no sums",
       "决策(25 分) 目标(15 分) 相关性(5 分)\n5 明确性(5 分)\n5 预算编制(10 分) 测算依据(5 分)\n2 目标管理(5 分)\n4 ",
       "决策 25/-\n决策>目标 15/-\n决策>目标>相关性 5/5\n决策>目标>明确性 5/5\n"
       "决策>预算编制 10/-\n决策>预算编制>测算依据 5/2\n决策>预算编制>目标管理 5/4\n",
       {}},
      {"a score above its leaf's max: the reading is not certain, nothing read",
       "决策(25 分) 目标(15 分) 相关性(5 分)\n5 明确性(5 分)\n8 合理性(5 分)\n5 ", "", {}},
      {"the first row does not open every level: nothing read",
       "目标(15 分) 相关性(5 分)\n5 明确性(5 分)\n5 ", "", {}},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    const std::string got = Indicators(head + c.body);
    CHECK(ChecksOf(head + c.body, CheckId::kScoreChildrenMax) == c.children_max);
    if (std::string(c.indicators).empty()) {
      // Names may still be read as headings (max only), but no row's score is taken.
      CHECK(got.find("/-\n") != std::string::npos);
      CHECK(std::count(got.begin(), got.end(), '\n') == std::count(got.begin(), got.end(), '-'));
      CHECK(UnreadLines(head + c.body) > 0);
    } else {
      CHECK(got == c.indicators);
    }
  }
}

TEST_CASE("the stream's score column and its names' maxima in other words", "[reading][tables][stream]") {
  // The score column takes scoretable.score's words; a name's max may name itself (分值, 满分, 权重).
  struct Case {
    const char* what;
    std::string text;
    const char* indicators;
    std::vector<std::string> children_max;
  };
  const std::string tree = "决策 20/-\n决策>目标 10/-\n决策>目标>相关性 5/5\n决策>目标>明确性 5/4\n"
                           "决策>预算编制 10/-\n决策>预算编制>测算依据 10/8\n管理 5/-\n管理>资金 5/-\n管理>资金>分配 5/5\n";
  // The last group may go on past the table's end: only the closed ones are summed.
  const std::vector<std::string> kSums = {"pass 20", "pass 10", "pass 10"};
  const Case cases[] = {
      {"自评分 column, (分值N分) maxima",
       "绩效评价得分表 一级指标 二级指标 三级指标 自评分 决策(分值20分) 目标(分值10分) 相关性(分值5分)\n5 "
       "明确性(分值5分)\n4 预算编制(分值10分) 测算依据(分值10分)\n8 管理(分值5分) 资金(分值5分) 分配(分值5分)\n5 ",
       tree.c_str(), kSums},
      {"实际得分 column, full-width (满分N) and (权重：N分) maxima",
       "一级指标 二级指标 三级指标 实际得分\n决策（满分20） 目标（满分10） 相关性（权重：5分）\n5 "
       "明确性（权重：5分）\n4 预算编制（满分10） 测算依据（满分10）\n8 管理（满分5） 资金（满分5） 分配（权重：5分）\n5\n",
       tree.c_str(), kSums},
      {"pipe rows under a 评分 column, (分值N分) maxima",
       "| 一级指标 | 二级指标 | 三级指标 | 评分 |\n| 决策(分值20分) | 目标(分值10分) | 相关性(分值5分) | 5 |\n"
       "| 明确性(分值5分) | 4 |\n| 预算编制(分值10分) | 测算依据(分值10分) | 8 |\n"
       "| 管理(分值5分) | 资金(分值5分) | 分配(分值5分) | 5 |\n",
       tree.c_str(), kSums},
      {"a named max still bounds the score: a score above it, nothing read",
       "一级指标 二级指标 三级指标 自评分 决策(满分20分) 目标(满分10分) 相关性(满分5分)\n6 明确性(满分5分)\n4 ",
       "", {}},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    CHECK(ChecksOf(c.text, CheckId::kScoreChildrenMax) == c.children_max);
    const std::string got = Indicators(c.text);
    if (std::string(c.indicators).empty()) {
      CHECK(got.find("/5\n") == std::string::npos);  // no row's score taken
      CHECK(got.find("/6\n") == std::string::npos);
      CHECK(UnreadLines(c.text) > 0);
    } else {
      CHECK(got == c.indicators);
      CHECK(UnreadLines(c.text) == 0);
    }
  }
}

TEST_CASE("a scrambled scoring table (a row's points before the next name) is unread coverage", "[reading][tables][stream]") {
  const std::string text = "项目支出绩效评价得分表\n20 分)项目决策(10 分)科学决策必要性\n5 5 可行性\n5 5 绩效目标明确性\n";
  CHECK(Indicators(text).empty());
  CHECK(UnreadLines(text) >= 1);
}

TEST_CASE("the total's sentence broken down by the first level gives its scores", "[reading][tree][breakdown]") {
  const std::string table = "一级指标\n二级指标\n三级指标\n得分\n投入(20分)\n目标设定(10分)\n绩效目标合理性(4分)\n4.00\n"
                            "绩效指标明确性(6分)\n3.00\n预算配置(10)\n在职人员控制率(10分)\n6.10\n"
                            "过程(40分)\n预算执行(40分)\n预算完成率(40分)\n25.41\n";
  struct Case {
    const char* what;
    std::string sentence;
    const char* first_level;            // the first-level rows of Indicators()
    std::vector<std::string> total;     // score.total checks
  };
  const Case cases[] = {
      {"the parts join the table's first level; parts the table lacks are nodes of their own",
       "总得分为72.21分，其中：投入得分13.10分、过程得分25.41分、产出得分16.70分、效果得分17.00分。\n",
       "投入 20/13.10\n过程 40/25.41\n产出 -/16.70\n效果 -/17.00\n", {"pass 72.21"}},
      {"parts that do not add up to the total: a warning (a 其中 list may leave a part out)",
       "总得分为72.21分，其中：投入得分13.10分、过程得分25.41分、产出得分16.70分、效果得分16.00分。\n",
       "投入 20/13.10\n过程 40/25.41\n产出 -/16.70\n效果 -/16.00\n", {"warning 72.21"}},
      {"a list that does not name every first-level node of the tree is not the first level",
       "总得分为72.21分，其中：投入得分13.10分、产出得分16.70分。\n", "投入 20/-\n过程 40/-\n", {}},
      {"the breakdown in the sentence after the total's, opening with 其中",
       "总得分为72.21分，等级为“中”。其中：投入得分13.10分、过程得分25.41分、产出得分16.70分、效果得分17.00分。\n",
       "投入 20/13.10\n过程 40/25.41\n产出 -/16.70\n效果 -/17.00\n", {"pass 72.21"}},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    std::string first;
    std::string all = Indicators(c.sentence + table);
    for (size_t b = 0; b < all.size();) {
      size_t e = all.find('\n', b);
      std::string line = all.substr(b, e - b);
      if (line.find('>') == std::string::npos) first += line + "\n";
      b = e + 1;
    }
    CHECK(first == c.first_level);
    CHECK(ChecksOf(c.sentence + table, CheckId::kScoreTotal) == c.total);
    for (const auto& f : Audit(DocumentOf(c.sentence + table), BuiltinRules()).findings)
      CHECK(f.severity != Severity::kError);  // never an error: the list is not known complete
  }
}

TEST_CASE("a parent's score against its leaves when the level between states only its 分值", "[reading][tree]") {
  auto text = [](const char* parent, const char* leaf) {
    return std::string("一、投入（满分20分，得分") + parent + "分）\n（一）目标设定（10分）\n1.绩效目标合理性（分值4分，自评得4分）\n" +
           "2.绩效指标明确性（分值6分，自评得3分）\n（二）预算配置（10分）\n1.在职人员控制率（分值4分，自评得4分）\n" +
           "2.公用经费变动率（分值6分，" + leaf + "）\n";
  };
  struct Case {
    std::string text;
    std::vector<std::string> sums;  // score.children_sum checks, "verdict stated"
  };
  const Case cases[] = {
      {text("13.10", "自评得2.10分"), {"pass 13.10"}},
      {text("14.10", "自评得2.10分"), {"fail 14.10"}},
      // A leaf whose score is not stated: the sum is not known.
      {text("13.10", "未说明"), {}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(ChecksOf(c.text, CheckId::kScoreChildrenSum) == c.sums);
  }
}

TEST_CASE("the same table as pipe rows whose merged cells split each row over lines", "[reading][tables][stream]") {
  const std::string head = "| 一级指标 | 二级指标 | 三级指标 | 得分 |\n";
  struct Case {
    const char* what;
    std::string body;
    const char* indicators;
    std::vector<std::string> children_max;
  };
  const Case cases[] = {
      {"blank 得分 cells: the tree and its maxima",
       "| 决策(25分) | 目标(15分) | 相关性(5分) |\n|\n| 明确性(5分) |\n| ||\n| 合理性(5分) |\n| ||\n"
       "| 预算编制(10分) | 测算依据(5分) |\n| |\n| 目标管理(5分) |\n| ||\n| 绩效(10分) | 履职成效(10分) | 特性指标 |\n|\n",
       "决策 25/-\n决策>目标 15/-\n决策>目标>相关性 5/-\n决策>目标>明确性 5/-\n决策>目标>合理性 5/-\n"
       "决策>预算编制 10/-\n决策>预算编制>测算依据 5/-\n决策>预算编制>目标管理 5/-\n绩效 10/-\n绩效>履职成效 10/-\n"
       "绩效>履职成效>特性指标 -/-\n",
       {"pass 25", "pass 15", "pass 10"}},
      {"a score in the row's last cell",
       "| 决策(10分) | 目标(10分) | 相关性(5分) | 4 |\n| 明确性(5分) | 5 |\n",
       "决策 10/-\n决策>目标 10/-\n决策>目标>相关性 5/4\n决策>目标>明确性 5/5\n", {}},
      {"a wrong group max: no sums (the parents are not certain)",
       "| 决策(25分) | 目标(12分) | 相关性(5分) |\n| 明确性(5分) |\n| 预算编制(10分) | 测算依据(5分) |\n| 目标管理(5分) |\n"
       "| 管理(5分) | 资金(5分) | 分配(5分) |\n",
       "决策 25/-\n决策>目标 12/-\n决策>目标>相关性 5/-\n决策>目标>明确性 5/-\n决策>预算编制 10/-\n"
       "决策>预算编制>测算依据 5/-\n决策>预算编制>目标管理 5/-\n管理 5/-\n管理>资金 5/-\n管理>资金>分配 5/-\n",
       {}},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    CHECK(Indicators(head + c.body) == c.indicators);
    CHECK(ChecksOf(head + c.body, CheckId::kScoreChildrenMax) == c.children_max);
    CHECK(UnreadLines(head + c.body) == 0);
  }
}

}  // namespace jixiao

namespace jixiao {
namespace {

// A rate above 100% is not scored in plain proportion (分值 × 124% exceeds the 分值): full marks fit the
// rule capped at the 分值, another score follows a rule the report does not state and is not checked.
TEST_CASE("score.from_rate: a rate above 100% is not scored in plain proportion", "[reading][rates]") {
  struct Case {
    const char* text;
    std::vector<std::string> want;  // score.from_rate checks: "verdict stated"
  } cases[] = {
      {"1.绩效指标完成情况（20分）：目标500人次，实际完成620人次，完成率124%，得分17分。\n", {}},
      {"1.绩效指标完成情况（20分）：目标500人次，实际完成620人次，完成率124%，得分20分。\n", {"pass 20"}},
      {"1.重点工作完成率（20分）：全年重点工作12项，完成11项，完成率91.67%，得分18.33分。\n", {"pass 18.33"}},
      {"1.重点工作完成率（20分）：全年重点工作12项，完成11项，完成率91.67%，得分16分。\n", {"warning 16"}},  // no rule stated
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(ChecksOf(c.text, CheckId::kScoreFromRate) == c.want);
  }
}

// A score that 分值 × rate does not give is an error only where the report writes the proportional
// rule down; otherwise the rule is an assumption (a threshold or deductions the report does not
// state would give another score), and the mismatch is a warning.
TEST_CASE("score.from_rate: an error only where the report states the proportional rule", "[reading][rates]") {
  struct Case {
    const char* text;
    const char* want;  // the score.from_rate finding: "severity stated", or "" for none
  } cases[] = {
      {"①预算执行率(分值 20 分，自评得 16 分)\n预算执行率为 90.00%，此项指标自评得 16 分。\n", "warning 16"},
      {"①预算执行率(分值 20 分，自评得 16 分)\n得分=预算执行率×分值。预算执行率为 90.00%，此项指标自评得 16 分。\n",
       "error 16"},
      {"①预算执行率(分值 20 分，自评得 16 分)\n按实际执行比例计分，预算执行率为 90.00%，此项指标自评得 16 分。\n",
       "error 16"},
      {"①预算执行率(分值 20 分，自评得 16 分)\n预算执行率为 90.00%，以分值乘以执行率计算，此项指标自评得 16 分。\n",
       "error 16"},
      // A rule that gives the stated score is no finding, stated or not.
      {"①预算执行率(分值 20 分，自评得 18 分)\n预算执行率为 90.00%，此项指标自评得 18 分。\n", ""},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    AuditResult r = Audit(DocumentOf(c.text), BuiltinRules());
    std::string got;
    for (const auto& f : r.findings) {
      if (f.check == CheckId::kScoreFromRate) got = std::string(SeverityName(f.severity)) + " " + f.stated;
    }
    CHECK(got == c.want);
  }
}

}  // namespace
}  // namespace jixiao
