// Forms read end to end from text (structure + forms), one table per class of issue 12's misses:
// rows read by counting (a group line ending in template residue, a reason sentence or a figure
// ending the row, a sentence as the 三级 name), web-page pipe rows with glued trailing bars and
// 其中 rows short of the scoring cells, and the checks that depend on them (a word-for-word target
// met, 预算执行率 rows, 总分 bounded over unread 得分 cells, the conclusion's claims, a grade after
// " | "). Each case fails if its class breaks.
#include <catch2/catch.hpp>

#include "audit/forms.h"
#include "audit_testing.h"
#include "structure/structure.h"

namespace jixiao {
namespace {

using testing::BuiltinRules;

using testing::FormChecksOf;

// Results of `check` on the row (or group) whose path ends in `leaf` ("" = any).
std::vector<CheckResult> On(const std::vector<CheckResult>& all, CheckId check, const std::string& leaf) {
  std::vector<CheckResult> out;
  for (const auto& c : all)
    if (c.check == check && (leaf.empty() || (!c.path.empty() && c.path.back() == leaf))) out.push_back(c);
  return out;
}

const char* kHead =
    "项目支出绩效自评表\n"
    "项目名称 某项目\n"
    "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n";

TEST_CASE("forms shapes: rows read by counting that used to end the table", "[forms][shapes]") {
  struct Case {
    const char* name;
    std::string rows;
    const char* leaf;  // a row after the hard line: read only if the table went on
  };
  const Case cases[] = {
      {"a group line ending in template residue",
       "产出指标 数量指标 指标1：完成数量 10 10 50 50\n效益指标 经济效益指标 指标1：\n社会效益指标 群众受益 100 100 40 40\n",
       "群众受益"},
      {"a 二级 name and its residue",
       "产出指标 数量指标 指标1：完成数量 10 10 50 50\n生态效益指标 指标1\n社会效益指标 群众受益 100 100 40 40\n", "群众受益"},
      {"a reason sentence ending the row",
       "产出指标 数量指标 完成数量 10 9 50 45 工程已完工，尚有尾款未付；今后提高预算编制准确性。\n"
       "质量指标 验收合格率 100 100 40 40\n",
       "验收合格率"},
      {"a figure in the reason column",
       "产出指标 数量指标 完成数量 10 10 50 50 0\n质量指标 验收合格率 100 100 40 40 0\n", "验收合格率"},
      {"a sentence as the 三级 name",
       "产出指标 数量指标 使学生和老师有更好的环境，做到社会认可 达到 达到 50 50\n质量指标 验收合格率 100 100 40 40\n",
       "验收合格率"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    auto all = FormChecksOf(std::string(kHead) + c.rows);
    CHECK(!On(all, CheckId::kScoreRange, c.leaf).empty());
  }
}

TEST_CASE("forms shapes: pipe rows of a web page", "[forms][shapes]") {
  const std::string text =
      "部门整体支出绩效自评表 | |||||||\n"
      "| 预算资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | |||||||\n"
      "| 年度资金总额 | 300 | 300 | 240 | 10 | 80% | 8 | |||||||\n"
      "| 其中：当年财政拨款 | 200 | 300 | 240 | — | 80% | — | |||||||\n"
      "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | |||||\n"
      "| 产出指标 | 数量指标 | 完成数量 | ≥200 | 202 | 90 | 80 | | |||||||\n";
  auto all = FormChecksOf(text);
  // Glued bars dropped: the funds block and the rows are read.
  auto sums = On(all, CheckId::kSumBreakdown, "");
  REQUIRE(!sums.empty());
  bool initial_off = false;
  for (const auto& s : sums) initial_off = initial_off || (s.stated == "300" && s.verdict == Verdict::kFail);
  CHECK(initial_off);  // 年初: 200 != 300
  auto met = On(all, CheckId::kScoreFromRate, "完成数量");
  REQUIRE(!met.empty());
  CHECK(met.front().verdict == Verdict::kWarning);  // ≥200, 202: met, 80 of 90
  // A 其中 row short of the scoring cells ("| 其中 | 20 | 20 |") is padded, not unread.
  auto short_row = FormChecksOf(
      "项目支出绩效自评表\n"
      "| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
      "| 年度资金总额 | 43.2 | 43.2 | 37.24 | 10 | 86.2% | 8.62 |\n"
      "| 其中：当年财政拨款 | 40.2 | 43.2 | 37.24 |\n");
  bool off = false;
  for (const auto& s : On(short_row, CheckId::kSumBreakdown, ""))
    off = off || (s.stated == "43.2" && s.verdict == Verdict::kFail);
  CHECK(off);
}

TEST_CASE("forms shapes: checks on rows read by counting", "[forms][shapes]") {
  struct Case {
    const char* name;
    std::string text;
    CheckId check;
    const char* leaf;
    Verdict verdict;
  };
  const std::string framework =
      "部门项目支出绩效自评表\n项目名称 某经费 自评得分 98\n"
      "一级指标 二级指标 三级指标 分值 指标值（A） 全年实际值（B） 得分 未完成原因分析及改进措施\n";
  const Case cases[] = {
      {"a written target met word for word, not at full marks",
       std::string(kHead) + "产出指标 时效指标 完成时间 2021年12月完成 2021年12月完成 50 40\n质量指标 合格率 100 100 50 50\n",
       CheckId::kScoreFromRate, "完成时间", Verdict::kWarning},
      {"... at full marks",
       std::string(kHead) + "产出指标 时效指标 完成时间 2021年12月完成 2021年12月完成 50 50\n质量指标 合格率 100 100 50 50\n",
       CheckId::kScoreFromRate, "完成时间", Verdict::kPass},
      {"预算执行率 100% scored 9 of 10",
       framework + "项目管理（10分） 投入管理 预算执行率 10 — 100% 9\n项目产出（90分） 数量指标 保障人数 90 2370人 2370人 89\n",
       CheckId::kScoreFromRate, "预算执行率", Verdict::kWarning},
      {"预算执行率 80% scored 8 of 10",
       framework + "项目管理（10分） 投入管理 预算执行率 10 — 80% 8\n项目产出（90分） 数量指标 保障人数 90 2370人 2370人 90\n",
       CheckId::kScoreFromRate, "预算执行率", Verdict::kPass},
      {"总分 above what the rows can reach, one 得分 unread (OCR IO)",
       framework + "项目管理（10分） 投入管理 管理规范 10 — 规范 IO\n项目产出（90分） 数量指标 保障人数 90 2370人 2370人 80\n",
       CheckId::kScoreTotal, "总分", Verdict::kFail},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    auto hit = On(FormChecksOf(c.text), c.check, c.leaf);
    REQUIRE(!hit.empty());
    INFO(hit.front().arithmetic);
    CHECK(hit.front().verdict == c.verdict);
  }
  // 总分 within what the rows can reach: no finding (IO may be anything up to 10).
  auto within = On(FormChecksOf(framework +
                            "项目管理（10分） 投入管理 管理规范 10 — 规范 IO\n"
                            "项目产出（90分） 数量指标 保障人数 90 2370人 2370人 90\n"),
                   CheckId::kScoreTotal, "总分");
  for (const auto& c : within) CHECK(c.verdict == Verdict::kPass);
}

TEST_CASE("forms shapes: the conclusion's claims and the grade", "[forms][shapes]") {
  const std::string funds =
      "项目支出绩效自评表\n"
      "| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
      "| 年度资金总额 | 43.2 | 43.2 | X | 10 | R | S |\n"
      "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n"
      "| 产出指标 | 数量指标 | 完成数量 | 100 | 100 | 90 | G |\n"
      "| 总分 | 100 | T |\n";
  auto form = [&](const char* spent, const char* rate, const char* fs, const char* g, const char* t,
                  const std::string& bottom) {
    std::string s = funds;
    auto put = [&](const char* key, const char* v) { s.replace(s.find(key) + 2, 1, v); };
    put("| X |", spent), put("| R |", rate), put("| S |", fs), put("| G |", g), put("| T |", t);
    return s + bottom;
  };
  struct Case {
    const char* name;
    std::string text;
    CheckId check;
    bool found;
  };
  const Case cases[] = {
      {"funds spent in full, 37.24 of 43.2",
       form("37.24", "86.2%", "8.62", "90", "98.62", "评价结论：本项目预算资金已全部执行完毕。\n"),
       CheckId::kClaimContradiction, true},
      {"funds spent in full, 43.2 of 43.2",
       form("43.2", "100%", "10", "90", "100", "评价结论：本项目预算资金已全部执行完毕。\n"),
       CheckId::kClaimContradiction, false},
      {"every row at full marks, one is not",
       form("43.2", "100%", "10", "80", "90", "自评结论：项目各项指标均获满分。\n"), CheckId::kClaimContradiction, true},
      {"grade after ' | ': 良 for 98.62",
       form("37.24", "86.2%", "8.62", "90", "98.62", "| 自评等级 | 良 |\n"), CheckId::kScoreGrade, true},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    auto all = FormChecksOf(c.text);
    bool bad = false;
    for (const auto& r : On(all, c.check, "")) bad = bad || r.verdict != Verdict::kPass;
    CHECK(bad == c.found);
  }
}

TEST_CASE("forms shapes: Sichuan's 原因 cell, the template's note is not a reason", "[forms][shapes]") {
  auto form = [](const std::string& reason) {
    return "部门预算项目支出绩效自评表（2023年度）\n"
           "| 预算执行情况（10分） | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 |\n"
           "| 总额 | 186.40 | 192.75 | 168.32 | 87.33% | 10 | 8.73 | " + reason + " |\n"
           "| 其中：财政资金 | 186.40 | 192.75 | 168.32 | 87.33% | / | / |\n";
  };
  struct Case {
    const char* name;
    std::string reason;
    bool warned;
  };
  const Case cases[] = {
      {"the template's note only", "1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因（100字以内）", true},
      {"a reason written", "部分设备年底到货，尾款次年支付", false},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    auto all = FormChecksOf(form(c.reason));
    auto on_total = On(all, CheckId::kScoreReasonMissing, "总额");
    CHECK(!on_total.empty() == c.warned);
    // The 其中 row has no 原因 cell of its own (the column is the total row's).
    CHECK(On(all, CheckId::kScoreReasonMissing, "其中：财政资金").empty());
  }
}

// An 一级 label centred on its merged cell (anhui-town-project-2022.pdf): the rows above it have
// an empty 一级 cell, and which 一级 they are under is not known. The sum under the label is then
// only an upper bound (8 + 8 + 10 = 26 of 50 was a false warning), each such row is coverage, and
// the next 一级, whose label is on its own first row, is still summed exactly.
TEST_CASE("forms shapes: rows above a centred 一级 label have no certain 一级", "[forms][shapes]") {
  struct Case {
    const char* name;
    std::string text;
    Verdict second;  // the 效益 sum
  };
  const Case cases[] = {
      {"pipe rows, 分值",
       "项目支出绩效自评表\n项目名称 某项目\n| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
       "|  | 数量指标 | 完成数量 | 10 | 10 | 20 | 20 |\n|  | 质量指标 | 合格率 | 100% | 100% | 20 | 20 |\n"
       "| 产出指标(50分) | 时效指标 | 及时率 | 100% | 100% | 10 | 10 |\n"
       "| 效益指标(30分) | 社会效益指标 | 受益人数 | 100 | 100 | 30 | 30 |\n",
       Verdict::kPass},
      {"pipe rows, 权重, a wrong 效益 sum",
       "项目支出绩效自评表\n项目名称 另一项目\n| 一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 权重 | 得分 |\n"
       "|  | 数量指标 | 培训人次 | 300 | 310 | 15 | 15 |\n|  | 成本指标 | 人均成本 | 500 | 480 | 15 | 15 |\n"
       "|  | 时效指标 | 完成时间 | 12 | 12 | 10 | 10 |\n| 产出指标（60分） | 质量指标 | 结业率 | 95% | 96% | 20 | 20 |\n"
       "| 效益指标（40分） | 社会效益指标 | 就业人数 | 100 | 100 | 25 | 25 |\n|  | 满意度指标 | 满意度 | 90% | 95% | 20 | 20 |\n",
       Verdict::kFail},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    auto all = FormChecksOf(c.text);
    auto output = On(all, CheckId::kScoreChildrenMax, "产出指标");
    REQUIRE(output.size() == 1);
    CHECK(output.front().verdict == Verdict::kPass);  // the rows read under it: at most its max
    auto benefit = On(all, CheckId::kScoreChildrenMax, "效益指标");
    REQUIRE(benefit.size() == 1);
    CHECK(benefit.front().verdict == c.second);
    int above = 0;
    for (const auto& u : On(all, CheckId::kParseUnread, ""))
      above += u.arithmetic.find("above the first 一级 label") != std::string::npos;
    CHECK(above >= 2);
  }
}

}  // namespace
}  // namespace jixiao

namespace jixiao {
namespace {

// Σ of the 一级 maxima stated in their names (+ the funds row's 分值) against the 总分 max, where a
// line of the table is unread (Σ of the rows' 分值 only a bound): a warning when they differ.
TEST_CASE("forms shapes: 一级 maxima against the 总分 max beside an unread line", "[forms]") {
  const std::string funds =
      "项目支出绩效自评表\n项目资金（万元） 年初预算数 全年预算数（A） 全年执行数（B） 分值 执行率（B/A） 得分\n"
      "年度资金总额： 200 200 200 10 10\n其中：本年财政拨款 200 200 200 - -\n"
      "年度绩效指标完成情况 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n";
  const std::string a =
      "产出指标（60分） 数量指标 指标1：培训人数 100 100 30 30\n质量指标 指标1：培训合格率 30 30\n"
      "效益指标（20分） 社会效益指标 指标1：群众知晓度提高 10 10\n生态效益指标 指标1：/ / /\n"
      "可持续影响指标 指标1：长效机制建立 10 10\n"
      "满意度指标（10分） 服务对象满意度指标 指标1：学员满意度 90% 95% 10 10\n";
  const std::string b =
      "产出指标（50分） 数量指标 指标1：完成改造项目数量 2 2 25 25\n时效指标 指标1：按期完工率 25 25\n"
      "效益指标（30分） 经济效益指标 指标1：节约用水 15 15\n生态效益指标 指标1：/ / /\n"
      "可持续影响指标 指标1：工程良性运行 15 15\n"
      "满意度指标（10分） 服务对象满意度指标 指标1：受益群众满意度 ≥90% 96% 10 10\n";
  struct Case {
    const char* name;
    std::string text;
    int warnings, passes;
  };
  const Case cases[] = {
      {"a: 总分 max 101 against 10 + 60 + 20 + 10", funds + a + "总分 101 100\n", 1, 0},
      {"a: 总分 max 100", funds + a + "总分 100 100\n", 0, 1},
      {"b: 总分 max 99 against 10 + 50 + 30 + 10", funds + b + "总分 99 100\n", 1, 0},
      {"b: 总分 max 100", funds + b + "总分 100 100\n", 0, 1},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    int warnings = 0, passes = 0;
    for (const auto& r : FormChecksOf(c.text)) {
      if (r.check != CheckId::kScoreChildrenMax || r.path != std::vector<std::string>{"总分"}) continue;
      if (r.arithmetic.find("一级") == std::string::npos && r.arithmetic.find("+ 60 +") == std::string::npos &&
          r.arithmetic.find("+ 50 +") == std::string::npos)
        continue;
      warnings += r.verdict == Verdict::kWarning;
      passes += r.verdict == Verdict::kPass;
    }
    CHECK(warnings == c.warnings);
    CHECK(passes == c.passes);
  }
  // Every line read: Σ of the rows' 分值 is exact and the 一级 maxima are not summed again.
  int level_one = 0;
  for (const auto& r : FormChecksOf(funds + "产出指标（60分） 数量指标 指标1：培训人数 100 100 30 30\n质量指标 指标1：培训合格率 30 30\n"
                                            "效益指标（20分） 社会效益指标 指标1：群众知晓度提高 20 20\n"
                                            "满意度指标（10分） 服务对象满意度指标 指标1：学员满意度 90% 95% 10 10\n总分 101 100\n"))
    level_one += r.check == CheckId::kScoreChildrenMax && r.arithmetic.find("10 + 60 + 20 + 10") != std::string::npos;
  CHECK(level_one == 0);
}

}  // namespace
}  // namespace jixiao
