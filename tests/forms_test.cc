// ReadForms on hand-built grids (a Structure made here, independent of the table finder): each
// check with a pass, a fail and a false-alarm guard; identity; rule-set choice; end to end on
// corpus/styles/forms/.
#include <catch2/catch.hpp>

#include <re2/re2.h>

#include <iostream>
#include <map>

#include "audit/audit.h"
#include "audit/forms.h"
#include "audit_testing.h"
#include "structure/structure.h"

namespace jixiao {
namespace {

using testing::BuiltinRules;

// A grid: header labels, then rows of cells. "^" in a cell: carried down from the row above.
struct Grid {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

struct Built {
  Document doc;
  Structure s;
};

// Lines above the grids (`top`), the grids as pipe rows, lines below (`bottom`); one part of
// `kind` over all of it.
Built Build(const std::string& top, const std::vector<Grid>& grids, const std::string& bottom = "",
            DocKind kind = DocKind::kProjectForm) {
  std::string raw = top.empty() ? "" : top + "\n";
  for (const Grid& g : grids) {
    auto line = [](const std::vector<std::string>& cells) {
      std::string l = "|";
      for (const auto& c : cells) l += " " + (c == "^" ? std::string("") : c) + " |";
      return l;
    };
    raw += line(g.header) + "\n";
    for (const auto& r : g.rows) raw += line(r) + "\n";
  }
  raw += bottom;
  Built b{testing::DocumentOf(raw), {}};
  const std::string& t = b.doc.text;
  // Cells of a normalized pipe line: spans between the bars, trimmed.
  auto cells_of = [&](size_t begin, size_t end) {
    std::vector<Span> out;
    size_t p = t.find('|', begin);
    while (p != std::string::npos && p < end) {
      size_t q = t.find('|', p + 1);
      if (q == std::string::npos || q > end) break;
      size_t cb = p + 1, ce = q;
      while (cb < ce && t[cb] == ' ') ++cb;
      while (ce > cb && t[ce - 1] == ' ') --ce;
      out.push_back(Span{cb, ce});
      p = q;
    }
    return out;
  };
  size_t pos = top.empty() ? 0 : t.find('\n') + 1;
  if (!top.empty()) {
    // Skip the lines of `top` (it may hold several).
    size_t lines = static_cast<size_t>(std::count(top.begin(), top.end(), '\n')) + 1;
    pos = 0;
    for (size_t i = 0; i < lines; ++i) pos = t.find('\n', pos) + 1;
  }
  for (const Grid& g : grids) {
    Table tab;
    tab.shape = TableShape::kPipe;
    size_t e = t.find('\n', pos);
    auto hs = cells_of(pos, e);
    for (size_t i = 0; i < hs.size(); ++i) {
      Column c;
      c.at = hs[i];
      for (char ch : t.substr(hs[i].begin, hs[i].end - hs[i].begin))
        if (ch != ' ') c.label += ch;
      tab.columns.push_back(c);
    }
    tab.at.begin = pos;
    pos = e + 1;
    std::vector<Span> above;
    for (const auto& r : g.rows) {
      e = t.find('\n', pos);
      TableRow row;
      row.at = Span{pos, e};
      auto cs = cells_of(pos, e);
      for (size_t i = 0; i < cs.size(); ++i) {
        Cell c;
        c.column = static_cast<int>(i);
        c.at = cs[i];
        c.empty = cs[i].empty();
        if (i < r.size() && r[i] == "^" && i < above.size()) c.carried = true, c.at = above[i], c.empty = false;
        row.cells.push_back(c);
      }
      above.clear();
      for (const Cell& c : row.cells) above.push_back(c.at);
      tab.rows.push_back(row);
      pos = e + 1;
    }
    tab.at.end = pos;
    b.s.tables.push_back(tab);
  }
  Part p;
  p.kind = kind;
  p.at = Span{0, t.size()};
  b.s.parts.push_back(p);
  b.s.kind = kind;
  return b;
}

std::vector<CheckResult> Checks(const Built& b, const Rules& rules = BuiltinRules(), Outline* keep = nullptr) {
  Outline out;
  ReadForms(b.doc, b.s, rules, &out);
  std::vector<CheckResult> all = out.results;
  for (const auto& r : out.relations) all.push_back(Evaluate(b.doc, r));
  if (keep) *keep = std::move(out);
  return all;
}

std::vector<CheckResult> Of(const std::vector<CheckResult>& all, CheckId id) {
  std::vector<CheckResult> out;
  for (const auto& c : all)
    if (c.check == id) out.push_back(c);
  return out;
}

const Grid kFundsHeader{{"项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"}, {}};

Grid Funds(std::vector<std::vector<std::string>> rows) {
  Grid g = kFundsHeader;
  g.rows = std::move(rows);
  return g;
}

Grid Indicators(std::vector<std::vector<std::string>> rows) {
  Grid g{{"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"}, {}};
  g.rows = std::move(rows);
  return g;
}

struct Expect {
  const char* name;
  Built form;
  CheckId check;
  const char* stated;     // "" = any
  Verdict verdict;        // of the first matching result
  Severity severity;      // when not a pass
};

void RunCases(const std::vector<Expect>& cases) {
  for (const auto& e : cases) {
    INFO(e.name);
    auto all = Of(Checks(e.form), e.check);
    std::vector<CheckResult> hit;
    for (const auto& c : all)
      if (std::string(e.stated).empty() || c.stated == e.stated) hit.push_back(c);
    REQUIRE(!hit.empty());
    INFO(hit.front().arithmetic);
    CHECK(hit.front().verdict == e.verdict);
    if (e.verdict != Verdict::kPass) CHECK(hit.front().severity == e.severity);
  }
}

TEST_CASE("forms: funds block (sum.breakdown, rate.ratio, 执行率得分)", "[forms]") {
  RunCases({
      {"parts add up", Build("", {Funds({{"年度资金总额", "120", "120", "118.5", "10", "98.75%", "9.88"},
                                         {"其中:本年财政拨款", "100", "100", "98.5", "-", "-", "-"},
                                         {"上年结转资金", "20", "20", "20", "-", "-", "-"}})}),
       CheckId::kSumBreakdown, "118.5", Verdict::kPass, Severity::kInfo},
      {"a total of zeros above a 其中 row that is not",
       Build("", {Funds({{"年度资金总额", "0", "0", "0", "10", "", ""}, {"其中:本年财政拨款", "120", "120", "118.5", "", "", ""}})}),
       CheckId::kSumBreakdown, "0", Verdict::kFail, Severity::kError},
      {"a 其中 row empty in every column: the rows filled fall short (a warning, never an error)",
       Build("", {Funds({{"年度资金总额", "120", "120", "118.5", "", "", ""},
                         {"其中:本年财政拨款", "100", "100", "98.5", "", "", ""},
                         {"上年结转资金", "", "", "", "", "", ""}})}),
       CheckId::kSumBreakdown, "118.5", Verdict::kWarning, Severity::kWarning},
      {"an empty 其中 cell in a row with amounts: the parts may not exceed the total",
       Build("", {Funds({{"年度资金总额", "120", "120", "118.5", "", "", ""},
                         {"其中:本年财政拨款", "100", "100", "98.5", "", "", ""},
                         {"上年结转资金", "", "20", "", "", "", ""}})}),
       CheckId::kSumBreakdown, "118.5", Verdict::kPass, Severity::kInfo},
      {"执行率 = B/A", Build("", {Funds({{"年度资金总额", "120", "120", "118.5", "10", "98.75%", "9.88"}})}),
       CheckId::kRateRatio, "98.75%", Verdict::kPass, Severity::kInfo},
      {"执行率 shown 0 where the figures give 100%",
       Build("", {Funds({{"年度资金总额", "50", "50", "50", "10", "0", "10"}})}), CheckId::kRateRatio, "0%",
       Verdict::kFail, Severity::kError},
      {"执行率 without % is a percentage", Build("", {Funds({{"年度资金总额", "120", "120", "118.5", "10", "98.75", "9.88"}})}),
       CheckId::kRateRatio, "98.75%", Verdict::kPass, Severity::kInfo},
      {"0/0 written 0.00% on a national form: a warning, never an error",
       Build("", {Funds({{"年度资金总额", "10", "10", "10", "10", "100%", "10"}, {"其他资金", "0.00", "0.00", "0.00", "", "0.00%", ""}})}),
       CheckId::kRateRatio, "0.00%", Verdict::kWarning, Severity::kWarning},
      {"执行率得分 = 分值 × 执行率", Build("", {Funds({{"年度资金总额", "120", "120", "118.5", "10", "98.75%", "9.88"}})}),
       CheckId::kScoreFromRate, "9.88", Verdict::kPass, Severity::kInfo},
      {"执行率得分 off the rule: a warning (the form prints no rule)",
       Build("", {Funds({{"年度资金总额", "120", "120", "96", "10", "80%", "9"}})}), CheckId::kScoreFromRate, "9",
       Verdict::kWarning, Severity::kWarning},
      {"执行率 over 100% is capped", Build("", {Funds({{"年度资金总额", "100", "100", "105", "10", "105%", "10"}})}),
       CheckId::kScoreFromRate, "10", Verdict::kPass, Severity::kInfo},
  });
}

TEST_CASE("forms: Sichuan's empty row and 调整后预算数", "[forms]") {
  Grid g{{"项目", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"},
         {{"总额", "100.00", "80.00", "72.00", "90.00%", "10", "9", ""},
          {"其中:财政资金", "100.00", "80.00", "72.00", "90.00%", "", "", ""},
          {"财政专户管理资金", "0.00", "0.00", "0.00", "0.00%", "", "", ""},
          {"单位资金", "0.00", "0.00", "0.00", "0.00%", "", "", ""}}};
  auto all = Checks(Build("部门预算项目支出绩效自评表", {g}));
  auto rates = Of(all, CheckId::kRateRatio);
  REQUIRE(rates.size() == 4);
  for (const auto& c : rates) {
    INFO(c.arithmetic);
    CHECK(c.verdict == Verdict::kPass);  // 72/80 = 90%; 0/0 as 0.00% is the form's convention
  }
  CHECK(Of(all, CheckId::kSumBreakdown).size() == 3);
  for (const auto& c : Of(all, CheckId::kSumBreakdown)) CHECK(c.verdict == Verdict::kPass);
  CHECK(Of(all, CheckId::kScoreReasonMissing).empty());  // 90% is not below 90%
  // Below 90% without a reason: a warning.
  g.rows[0] = {"总额", "100.00", "80.00", "64.00", "80.00%", "10", "8", ""};
  g.rows[1] = {"其中:财政资金", "100.00", "80.00", "64.00", "80.00%", "", "", ""};
  auto again = Of(Checks(Build("部门预算项目支出绩效自评表", {g})), CheckId::kScoreReasonMissing);
  REQUIRE(!again.empty());
  CHECK(again.front().severity == Severity::kWarning);
  g.rows[0][7] = "项目进度滞后";
  g.rows[1][7] = "项目进度滞后";
  CHECK(Of(Checks(Build("部门预算项目支出绩效自评表", {g})), CheckId::kScoreReasonMissing).empty());
}

TEST_CASE("forms: indicator rows (score.range, score.from_rate, score.reason_missing)", "[forms]") {
  auto one = [](std::vector<std::string> row) { return Build("", {Indicators({std::move(row)})}); };
  RunCases({
      {"score within 分值", one({"产出指标", "数量指标", "新建服务站数量", "≥12个", "12个", "15", "15", ""}),
       CheckId::kScoreRange, "15", Verdict::kPass, Severity::kInfo},
      {"score above 分值", one({"产出指标", "数量指标", "新建服务站数量", "≥12个", "12个", "10", "12", ""}),
       CheckId::kScoreRange, "12", Verdict::kFail, Severity::kError},
      {"zero is within range", one({"产出指标", "数量指标", "新建服务站数量", "≥12个", "0个", "10", "0", "未实施"}),
       CheckId::kScoreRange, "0", Verdict::kPass, Severity::kInfo},
      {"met target at full marks", one({"产出指标", "数量指标", "新建服务站数量", "≥12个", "12个", "15", "15", ""}),
       CheckId::kScoreFromRate, "15", Verdict::kPass, Severity::kInfo},
      {"a met target scored 7 of 10", one({"产出指标", "质量指标", "验收合格率", "≥95%", "100%", "10", "7", "扣分"}),
       CheckId::kScoreFromRate, "7", Verdict::kWarning, Severity::kWarning},
      {"not met, proportional", one({"产出指标", "时效指标", "资金拨付及时率", "≥100%", "95%", "10", "9.5", "拨付滞后"}),
       CheckId::kScoreFromRate, "9.5", Verdict::kPass, Severity::kInfo},
      {"反向, linear", one({"产出指标", "成本指标", "单位成本", "≤90万元", "99万元", "10", "9", "超支"}),
       CheckId::kScoreFromRate, "9", Verdict::kPass, Severity::kInfo},
      {"反向, the older w × t / a", one({"产出指标", "成本指标", "单位成本", "≤90万元", "100万元", "10", "9", "超支"}),
       CheckId::kScoreFromRate, "9", Verdict::kPass, Severity::kInfo},
      {"定性 达成 in [0.8w, w]", one({"效益指标", "社会效益", "群众生活改善", "有效改善", "达成预期指标", "10", "9", "略有不足"}),
       CheckId::kScoreFromRate, "9", Verdict::kPass, Severity::kInfo},
      {"定性 达成 scored half", one({"效益指标", "社会效益", "群众生活改善", "有效改善", "达成预期指标", "10", "5", "不足"}),
       CheckId::kScoreFromRate, "5", Verdict::kWarning, Severity::kWarning},
      {"below weight without a reason", one({"产出指标", "时效指标", "资金拨付及时率", "≥100%", "95%", "10", "9.5", ""}),
       CheckId::kScoreReasonMissing, "9.5", Verdict::kWarning, Severity::kWarning},
  });
  // Guards: no rule check on a unit mismatch; no reason needed at full marks.
  CHECK(Of(Checks(one({"产出指标", "数量指标", "培训人次", "≥500人次", "98%", "10", "8", "x"})), CheckId::kScoreFromRate).empty());
  CHECK(Of(Checks(one({"产出指标", "数量指标", "培训人次", "≥500人次", "520人次", "10", "10", ""})), CheckId::kScoreReasonMissing).empty());
}

TEST_CASE("forms: 一级 max, 总分, grade, carried cells", "[forms]") {
  auto form = [](const std::string& s3, const std::string& total, const std::string& grade_line) {
    return Build("项目支出绩效自评表\n(2023年度)\n项目名称 | 村级服务站建设项目\n主管部门 | 某县农业农村局 | 实施单位 | 某县农村服务中心",
                 {Funds({{"年度资金总额", "120", "120", "120", "10", "100%", "10"}}),
                  Indicators({{"产出指标(50分)", "数量指标", "新建服务站数量", "≥12个", "12个", "20", "20", ""},
                              {"^", "质量指标", "验收合格率", "≥95%", "100%", "20", "20", ""},
                              {"^", "^", "群众参与率", "≥90%", "95%", "10", "10", ""},
                              {"效益指标", "社会效益指标", "服务覆盖率", "≥90%", "95%", "30", s3, s3 == "30" ? "" : "偏差"},
                              {"满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10", ""},
                              {"总分", "", "", "", "", "100", total, ""}})},
                 grade_line);
  };
  Outline out;
  auto all = Checks(form("30", "100", "自评等级:优"), BuiltinRules(), &out);
  // Carried cells: 群众参与率 is under 产出指标 › 质量指标.
  bool found = false;
  for (size_t i = 0; i < out.indicators.size(); ++i) {
    if (out.indicators[i].name != "群众参与率") continue;
    found = true;
    CHECK(out.PathOf(static_cast<int>(i)) == std::vector<std::string>{"产出指标", "质量指标", "群众参与率"});
    REQUIRE(out.indicators[i].max);
    CHECK(out.indicators[i].max->value.written == "10");
  }
  CHECK(found);
  auto maxes = Of(all, CheckId::kScoreChildrenMax);
  REQUIRE(maxes.size() == 2);  // 产出指标(50分), and Σ 分值 against 总分's 100
  for (const auto& c : maxes) CHECK(c.verdict == Verdict::kPass);
  auto totals = Of(all, CheckId::kScoreTotal);
  REQUIRE(totals.size() == 1);
  for (const auto& c : totals) CHECK(c.verdict == Verdict::kPass);
  auto grade = Of(all, CheckId::kScoreGrade);
  REQUIRE(grade.size() == 1);
  CHECK(grade[0].verdict == Verdict::kPass);
  // Identity.
  REQUIRE(out.forms.size() == 1);
  CHECK(out.forms[0].project == "村级服务站建设项目");
  CHECK(out.forms[0].department == "某县农业农村局");
  CHECK(out.forms[0].unit == "某县农村服务中心");
  CHECK(out.forms[0].year == 2023);
  CHECK(out.forms[0].rule_set == "national");

  // A total that cannot be reached, and a grade that does not fit it.
  auto bad = Checks(form("25", "100", "自评等级:优"));
  bool total_fail = false;
  for (const auto& c : Of(bad, CheckId::kScoreTotal)) total_fail = total_fail || c.verdict == Verdict::kFail;
  CHECK(total_fail);
  auto g2 = Of(Checks(form("30", "85", "自评等级:优")), CheckId::kScoreGrade);
  REQUIRE(g2.size() == 1);
  CHECK(g2[0].verdict == Verdict::kFail);
  // 90 is 优 (bands half-open at the lower bound).
  auto g3 = Of(Checks(form("10", "90", "自评等级:优")), CheckId::kScoreGrade);
  REQUIRE(g3.size() == 1);
  CHECK(g3[0].verdict == Verdict::kPass);
  // 产出指标(50分) over rows of 20 + 20 + 15.
  auto wrong = Build("", {Indicators({{"产出指标(50分)", "数量指标", "a数量", "≥1个", "1个", "20", "20", ""},
                                       {"^", "质量指标", "b质量", "≥1个", "1个", "20", "20", ""},
                                       {"^", "时效指标", "c时效", "≥1个", "1个", "15", "15", ""},
                                       {"满意度指标", "满意度", "d满意度", "≥90%", "95%", "10", "10", ""}})});
  auto w = Of(Checks(wrong), CheckId::kScoreChildrenMax);
  REQUIRE(w.size() == 1);
  CHECK(w[0].verdict == Verdict::kFail);
  // One 一级 name in the whole block (others glued into other cells?), or a sum short of the max
  // (a row not read?): a warning, never an error.
  auto short_sum = Build("", {Indicators({{"产出指标(50分)", "数量指标", "a数量", "≥1个", "1个", "20", "20", ""},
                                           {"满意度指标", "满意度", "d满意度", "≥90%", "95%", "10", "10", ""}})});
  auto ws = Of(Checks(short_sum), CheckId::kScoreChildrenMax);
  REQUIRE(ws.size() == 1);
  CHECK(ws[0].verdict == Verdict::kWarning);
  // Optional rows share their max: not summed.
  auto optional = Build("", {Indicators({{"效益指标(40分)", "经济效益(可选项)", "a收入", "≥1个", "1个", "40", "40", ""},
                                          {"^", "社会效益(可选项)", "b就业", "≥1个", "1个", "40", "40", ""}})});
  CHECK(Of(Checks(optional), CheckId::kScoreChildrenMax).empty());
}

TEST_CASE("forms: unfilled 得分 column is coverage, not zeros", "[forms]") {
  auto b = Build("", {Funds({{"年度资金总额", "120", "120", "118.5", "10", "98.75%", ""}}),
                      Indicators({{"产出指标", "数量指标", "新建服务站数量", "≥12个", "", "45", "", ""},
                                  {"^", "质量指标", "验收合格率", "≥95%", "", "45", "", ""},
                                  {"总分", "", "", "", "", "100", "", ""}})});
  auto all = Checks(b);
  for (const auto& c : Of(all, CheckId::kScoreTotal)) CHECK(c.stated == "100");  // the max only
  CHECK(Of(all, CheckId::kScoreRange).empty());
  CHECK(Of(all, CheckId::kScoreReasonMissing).empty());
  bool unfilled = false;
  for (const auto& c : Of(all, CheckId::kParseUnread)) {
    CHECK(c.severity == Severity::kInfo);
    unfilled = unfilled || c.arithmetic.find("not filled") != std::string::npos;
  }
  CHECK(unfilled);
  // OCR-glued digits under 分值: unread, not a figure.
  auto ocr = Checks(Build("", {Indicators({{"产出指标", "数量指标", "新建服务站数量", "≥12个", "12个", "52.352.3", "15", ""}})}));
  CHECK(Of(ocr, CheckId::kScoreRange).empty());
  CHECK(!Of(ocr, CheckId::kParseUnread).empty());
  // Template residue is not an indicator.
  Outline out;
  Checks(Build("", {Indicators({{"产出指标", "数量指标", "指标1:", "", "", "", "", ""},
                                {"^", "^", "……", "", "", "", "", ""}})}), BuiltinRules(), &out);
  CHECK(out.indicators.empty());
}

TEST_CASE("forms: department form (table.row, 执行率得分 = 执行率 × 权重)", "[forms]") {
  Grid funds{{"部门预算执行情况", "年初预算数", "全年(调整)预算数", "全年执行数", "执行率", "执行率权重", "执行率得分"},
             {{"合计", "1000", "1000", "820", "82%", "10", "8.2"}}};
  auto ind = [](const std::string& coef, const std::string& score) {
    return Grid{{"指标名称", "计量单位", "指标性质", "年初指标值", "调整指标值", "全年完成值", "得分系数(%)", "指标权重(分)", "指标得分(分)", "是否核心指标"},
                {{"培训人次", "人次", "≥", "500", "", "410", coef, "10", score, "是"}}};
  };
  RunCases({
      {"执行率得分 = 82% × 10", Build("部门整体支出绩效自评表", {funds, ind("82", "8.2")}, "", DocKind::kDepartmentForm),
       CheckId::kScoreFromRate, "8.2", Verdict::kPass, Severity::kInfo},
      {"指标得分 = 得分系数 × 权重", Build("部门整体支出绩效自评表", {funds, ind("82", "8.2")}, "", DocKind::kDepartmentForm),
       CheckId::kTableRow, "8.2", Verdict::kPass, Severity::kInfo},
      {"指标得分 off", Build("部门整体支出绩效自评表", {funds, ind("82", "8.5")}, "", DocKind::kDepartmentForm),
       CheckId::kTableRow, "8.5", Verdict::kFail, Severity::kError},
      {"a rounded coefficient", Build("部门整体支出绩效自评表", {funds, ind("93.33", "9.33")}, "", DocKind::kDepartmentForm),
       CheckId::kTableRow, "9.33", Verdict::kPass, Severity::kInfo},
  });
}

TEST_CASE("forms: the conclusion against the rows (claim.contradiction)", "[forms]") {
  auto form = [](const std::string& actual) {
    return Build("", {Indicators({{"产出指标", "数量指标", "新建服务站数量", "≥12个", actual, "10", "10", ""}})},
                 "自评结论:项目绩效目标全部完成。");
  };
  auto bad = Of(Checks(form("10个")), CheckId::kClaimContradiction);
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].severity == Severity::kWarning);
  CHECK(Of(Checks(form("12个")), CheckId::kClaimContradiction).empty());
}

TEST_CASE("forms: rule sets as data, chosen by family or forced", "[forms]") {
  const Rules& rules = BuiltinRules();
  CHECK(forms::ChooseRuleSet(rules, "部门预算项目支出绩效自评表 |年初预算|调整后预算数|预算执行数|预算执行率|").name == "sichuan");
  CHECK(forms::ChooseRuleSet(rules, "项目支出绩效自评表 |一级指标|项目决策(10分)|").name == "framework");
  CHECK(forms::ChooseRuleSet(rules, "项目支出绩效自评表 |年初预算数|全年预算数|").name == "national");
  for (const char* name : {"national", "sichuan", "framework"}) {
    auto set = forms::LoadRuleSet(rules, name);
    REQUIRE(set);
    CHECK(!set->title.empty());
    CHECK(set->bands.size() == 4);
  }
  CHECK(forms::LoadRuleSet(rules, "sichuan")->zero_over_zero_convention);
  CHECK(*forms::LoadRuleSet(rules, "sichuan")->reason_below_rate == mpq_class(9, 10));
  auto forced = Rules::Builtin();
  REQUIRE(forced.ok());
  REQUIRE(forced->AddText("forms.ruleset = sichuan\n", "test").ok());
  CHECK(forms::ChooseRuleSet(*forced, "项目支出绩效自评表 |全年预算数|").name == "sichuan");
  // Every finding names its rule set.
  auto all = Checks(Build("", {Funds({{"年度资金总额", "120", "120", "96", "10", "80%", "9"}})}));
  auto c = Of(all, CheckId::kScoreFromRate);
  REQUIRE(!c.empty());
  CHECK(c[0].arithmetic.find("rule set: national") != std::string::npos);
}

}  // namespace
}  // namespace jixiao

namespace jixiao {
namespace {

// Text through the structure stage (the table finder) and ReadForms.
std::vector<CheckResult> ChecksOfText(const std::string& text, Outline* keep = nullptr) {
  Built b{testing::DocumentOf(text), {}};
  b.s = BuildStructure(b.doc, BuiltinRules());
  return Checks(b, BuiltinRules(), keep);
}

// A department form in rows read by counting (blank cells not marked); `row` its one indicator row.
std::string CountedDepartmentForm(const std::string& total, const std::string& funds, const std::string& row) {
  return "部门整体绩效自评表\n"
         "主管部门 某区文化中心 财政处室 自评总分（分） " + total + "\n"
         "部门预算执行情况（万元） 年初预算数 全年（调整）预算数 全年执行数 执行率（%） 执行率权重 执行率得分（分）\n"
         "预算资金 " + funds + "\n"
         "当年绩效目标 年初绩效目标 全年（调整）绩效目标 全年目标实际完成情况\n"
         "指标名称 计量单位 指标性质 年初指标值 调整指标值 全年完成值 得分系数（%） 指标权重（分） 指标得分（分） 是否核心指标\n"
         "活动场次 次 定量指标 20次 24次 100% 60 60 是\n" + row + "\n";
}

TEST_CASE("forms: rows read by counting, blank cells not marked (family D)", "[forms]") {
  struct Case {
    const char* name;
    std::string text;
    CheckId check;
    const char* stated;
    Verdict verdict;
  };
  const Case cases[] = {
      {"执行率得分 from a rate placed by its %", CountedDepartmentForm("98", "80% 10 8", "满意度 % 90% 95% 100% 30 30 否"),
       CheckId::kScoreFromRate, "8", Verdict::kPass},
      {"执行率得分 off", CountedDepartmentForm("98", "80% 10 9", "满意度 % 90% 95% 100% 30 30 否"),
       CheckId::kScoreFromRate, "9", Verdict::kWarning},
      {"指标得分 = 得分系数 × 权重", CountedDepartmentForm("98", "80% 10 8", "满意度 % 90% 95% 100% 30 30 否"),
       CheckId::kTableRow, "30", Verdict::kPass},
      {"指标得分 off", CountedDepartmentForm("98", "80% 10 8", "满意度 % 90% 95% 50% 30 30 否"),
       CheckId::kTableRow, "30", Verdict::kFail},
      {"自评总分 = 执行率得分 + Σ 指标得分", CountedDepartmentForm("98", "80% 10 8", "满意度 % 90% 95% 100% 30 30 否"),
       CheckId::kScoreTotal, "98", Verdict::kPass},
      {"自评总分 off", CountedDepartmentForm("97", "80% 10 8", "满意度 % 90% 95% 100% 30 30 否"),
       CheckId::kScoreTotal, "97", Verdict::kFail},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    auto hit = testing::Pick(ChecksOfText(c.text), c.check, c.stated);
    REQUIRE(!hit.empty());
    INFO(hit.front().arithmetic);
    CHECK(hit.front().verdict == c.verdict);
  }
  // By the form's conventions (grid.flat.*: 调整指标值, 计量单位, 指标性质 may be empty, 年初指标值 and
  // 全年完成值 are filled, a unit word is the unit's) the row is placed one way: its 得分系数 is
  // checked against its target (met: 100%; 92 of 95: 96.84%).
  const Case coefs[] = {
      {"met, 系数 100%", CountedDepartmentForm("98", "80% 10 8", "满意度 % 90% 95% 100% 30 30 否"),
       CheckId::kScoreFromRate, "100%", Verdict::kPass},
      {"met, 系数 80%", CountedDepartmentForm("92", "80% 10 8", "满意度 % 90% 95% 80% 30 24 否"),
       CheckId::kScoreFromRate, "80%", Verdict::kWarning},
      {"not met, 系数 100%", CountedDepartmentForm("98", "80% 10 8", "满意度 % 95% 92% 100% 30 30 否"),
       CheckId::kScoreFromRate, "100%", Verdict::kWarning},
      {"not met, 系数 96.84%", CountedDepartmentForm("97.05", "80% 10 8", "满意度 % 95% 92% 96.84% 30 29.05 否"),
       CheckId::kScoreFromRate, "96.84%", Verdict::kPass},
      {"written target met word for word", CountedDepartmentForm("98", "80% 10 8", "制度健全性 定性指标 高 高 90% 30 27 否"),
       CheckId::kScoreFromRate, "90%", Verdict::kWarning},
  };
  for (const Case& c : coefs) {
    INFO(c.name);
    std::vector<CheckResult> hit;  // the second row's (the first, 活动场次, is met at 100%)
    for (const auto& r : testing::Pick(ChecksOfText(c.text), c.check, c.stated))
      if (!r.path.empty() && r.path.back() != "活动场次") hit.push_back(r);
    REQUIRE(!hit.empty());
    INFO(hit.front().arithmetic);
    CHECK(hit.front().verdict == c.verdict);
  }
  // One value for two value columns (target or actual?): unsure, coverage, and no rule check on a
  // guessed target; a 控制率 without 指标性质 (its direction not certain) is not checked either.
  auto all = ChecksOfText(CountedDepartmentForm("98", "80% 10 8", "满意度 % 95% 100% 30 30 否"));
  CHECK(!Of(all, CheckId::kParseUnread).empty());
  for (const auto& c : Of(all, CheckId::kScoreFromRate)) CHECK(c.path != std::vector<std::string>{"满意度"});
  auto control = ChecksOfText(CountedDepartmentForm("98", "80% 10 8", "公用经费控制率 % 100% 97% 100% 30 30 否"));
  for (const auto& c : Of(control, CheckId::kScoreFromRate)) CHECK(c.path != std::vector<std::string>{"公用经费控制率"});
}

TEST_CASE("forms: identity, an empty cell before the next label", "[forms]") {
  struct Case {
    const char* text;
    const char* department;
    const char* unit;
  };
  const Case cases[] = {
      {"| 主管部门 | | 实施单位 | 某县水利局 |", "", "某县水利局"},
      {"主管部门 实施单位 某县水利局", "", "某县水利局"},
      {"| 主管部门 | 某县水利局 | 实施单位 | 某县水务站 |", "某县水利局", "某县水务站"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    Outline out;
    ChecksOfText(std::string("项目支出绩效自评表\n（2022年度）\n| 项目名称 | 防汛经费 |\n") + c.text +
                     "\n| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
                     "| 年度资金总额 | 10 | 10 | 10 | 10 | 100% | 10 |\n",
                 &out);
    REQUIRE(out.forms.size() == 1);
    CHECK(out.forms[0].department == c.department);
    CHECK(out.forms[0].unit == c.unit);
  }
}

TEST_CASE("forms: a line left unread under a group makes its sum an upper bound", "[forms]") {
  const std::string text =
      "项目支出绩效自评表\n"
      "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n"
      "产出指标（50分） 数量指标 指标1：维修泵站数量 3座 3座 20 20\n"
      "20 20 18\n"  // no 三级 name: cannot be placed, left unread
      "效益指标（30分） 社会效益指标 指标1：受益人口 10万人 10万人 30 30\n";
  auto all = ChecksOfText(text);
  bool seen = false;
  for (const auto& c : Of(all, CheckId::kScoreChildrenMax)) {
    if (c.path.empty() || c.path[0] != "产出指标") continue;
    seen = true;
    CHECK(c.verdict == Verdict::kPass);  // 20 ≤ 50: rows may be missing
  }
  CHECK(seen);
}


// "一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分" (hainan, jilin forms): the 分值 beside a
// level's name is that level's max, the last one the row's.
TEST_CASE("forms: each level's max in its own column", "[forms]") {
  struct Case {
    const char* name;
    const char* l1_max;
    const char* l2_max;
    Verdict l1, l2;
  };
  const Case cases[] = {
      {"maxima add up", "20", "12", Verdict::kPass, Verdict::kPass},
      {"an 一级 max under the sum of its rows", "15", "12", Verdict::kFail, Verdict::kPass},
      {"a 二级 max under the sum of its rows", "20", "10", Verdict::kPass, Verdict::kFail},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Grid g{{"一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"},
           {{"项目决策", c.l1_max, "决策过程", c.l2_max, "决策依据", "4", "4"},
            {"^", "", "^", "", "决策程序", "8", "7"},
            {"^", "", "资金分配", "8", "分配办法", "8", "8"},
            {"项目绩效", "80", "项目产出", "80", "产出数量", "80", "75"}}};
    Outline out;
    auto all = Checks(Build("", {g}), BuiltinRules(), &out);
    std::map<std::string, Verdict> by;
    for (const auto& r : Of(all, CheckId::kScoreChildrenMax))
      if (!r.path.empty()) by[r.path.back()] = r.verdict;
    REQUIRE(by.count("项目决策") == 1);
    REQUIRE(by.count("决策过程") == 1);
    CHECK(by["项目决策"] == c.l1);
    CHECK(by["决策过程"] == c.l2);
    // The rows' own max is the last 分值 column, not the level's.
    bool row = false;
    for (const auto& ind : out.indicators) {
      if (ind.name != "决策依据") continue;
      row = true;
      REQUIRE(ind.max);
      CHECK(ind.max->value.written == "4");
    }
    CHECK(row);
  }
  // Two levels ("一级指标 | 分值 | 二级指标 | 分值 | 得分"): the 二级's 分值 is the rows' max.
  Grid two{{"一级指标", "分值", "二级指标", "分值", "得分"},
           {{"投入", "20", "预算编制", "12", "11"}, {"^", "", "预算执行", "8", "8"}}};
  Outline out;
  auto all = Checks(Build("", {two}), BuiltinRules(), &out);
  bool seen = false;
  for (const auto& ind : out.indicators)
    if (ind.name == "预算编制") seen = ind.max && ind.max->value.written == "12" && ind.score;
  CHECK(seen);
  auto sums = Of(all, CheckId::kScoreChildrenMax);
  REQUIRE(sums.size() == 1);
  CHECK(sums[0].verdict == Verdict::kPass);  // 12 + 8 = 投入's 20
}


// "一级指标 | 权重 | 二级指标 | 分值 | 三级指标 | 分值" (an older Jilin framework): the 一级's 权重 is its
// weight in the total, its rows' 分值 add up to 100 under it. A max column named otherwise than
// the rows' is read, never summed against them; the same words are (the twin must still fail).
// And a 二级 merged down across a change of 一级 (PDF labels placed on the wrong rows): no sum
// over a group whose rows are not known.
TEST_CASE("forms: a level's max on another scale, groups that contradict each other", "[forms]") {
  struct Case {
    const char* name;
    const char* l1_word;
    bool l1_checked;
  };
  const Case cases[] = {{"权重 over 分值: not summed", "权重", false}, {"分值 over 分值: summed", "分值", true}};
  for (const Case& c : cases) {
    INFO(c.name);
    Grid g{{"一级指标", c.l1_word, "二级指标", "分值", "三级指标", "分值", "得分"},
           {{"预算绩效", "50", "预算管理", "75", "执行进度", "40", "40"},
            {"^", "", "^", "", "调整次数", "35", "35"},
            {"^", "", "财务管理", "25", "差错率", "25", "25"},
            {"项目产出", "50", "产出数量", "100", "完成率", "100", "100"},
            {"总分", "", "", "", "", "100", ""}}};
    Outline out;
    auto all = Checks(Build("", {g}), BuiltinRules(), &out);
    std::map<std::string, Verdict> by;
    for (const auto& r : Of(all, CheckId::kScoreChildrenMax))
      if (!r.path.empty()) by[r.path.back()] = r.verdict;
    CHECK(by.count("预算绩效") == (c.l1_checked ? 1u : 0u));
    // The rows' 分值 (100 within each block) are not points of the 总分 when the blocks' weights
    // are on another scale: Σ 200 against 总分 100 is no finding.
    CHECK(by.count("总分") == (c.l1_checked ? 1u : 0u));
    if (c.l1_checked) CHECK(by["预算绩效"] == Verdict::kFail);  // 40 + 35 + 25 = 100 ≠ 50
    CHECK(by["预算管理"] == Verdict::kPass);                     // 40 + 35 = 75
    bool read = false;
    for (const auto& ind : out.indicators)
      if (ind.name == "预算绩效") read = ind.max && ind.max->value.written == "50";
    CHECK(read);  // the weight is still the 一级's stated max
  }
  // Rows before the 一级's label have none; the 二级 预算管理 goes on under it.
  Grid straddle{{"一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"},
                {{"", "", "预算管理", "20", "执行进度", "7", "7"},
                 {"预算绩效", "30", "^", "", "调整次数", "5", "5"},
                 {"^", "", "财务管理", "10", "差错率", "10", "10"}}};
  Outline out;
  auto all = Checks(Build("", {straddle}), BuiltinRules(), &out);
  for (const auto& r : Of(all, CheckId::kScoreChildrenMax)) {
    CHECK((r.path.empty() || r.path.back() != "预算管理"));
    CHECK(r.severity != Severity::kError);
  }
}

// One cell per line between blank lines (hainan): the 总分 row after the rows, the grade alone on
// the line after its label.
TEST_CASE("forms: one cell per line, 总分 and a grade on its own line", "[forms]") {
  for (const auto& [grade, verdict] : {std::pair{"优", Verdict::kPass}, std::pair{"良", Verdict::kFail}}) {
    INFO(grade);
    const std::string text = std::string(
        "项目绩效自评表\n一、项目基本情况\n主管部门\n\n某省商务厅\n\n二、绩效评价指标评分\n"
        "一级指标\n\n分值\n\n二级指标\n\n分值\n\n三级指标\n\n分值\n\n得分\n\n"
        "项目决策\n\n40\n\n决策过程\n\n40\n\n决策依据\n\n40\n\n38\n\n"
        "项目绩效\n\n60\n\n项目产出\n\n60\n\n产出数量\n\n60\n\n57\n\n"
        "总分\n\n100\n\n95\n\n评价等级\n\n") + grade + "\n\n三、评价结论\n资金使用规范，目标均已实现。\n经办人：某某\n";
    auto all = ChecksOfText(text);
    auto totals = Of(all, CheckId::kScoreTotal);
    REQUIRE(totals.size() == 1);
    CHECK(totals[0].verdict == Verdict::kPass);  // 38 + 57 = 95
    auto grades = Of(all, CheckId::kScoreGrade);
    REQUIRE(grades.size() == 1);
    CHECK(grades[0].verdict == verdict);
  }
}

}  // namespace
}  // namespace jixiao
