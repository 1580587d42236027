// The audit core on small texts and on the project's own style documents: the outline Dump(),
// the findings each planted error must raise, and a naive reference recomputation of the sums.
#include "audit/audit.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "extract/extract.h"
#include "tests/test_util.h"

namespace jixiao {

namespace {

const Rules& TheRules() {
  static Rules* r = [] {
    auto b = Rules::Builtin();
    REQUIRE(b.ok());
    return new Rules(std::move(b).value());
  }();
  return *r;
}

AuditResult AuditFile(const std::string& rel) {
  auto doc = LoadDocument(test::SourcePath(rel));
  REQUIRE(doc.ok());
  return Audit(*doc, TheRules());
}

// (check, severity, last path element or "") of every error and warning.
std::set<std::tuple<std::string, std::string, std::string>> Findings(const AuditResult& r) {
  std::set<std::tuple<std::string, std::string, std::string>> out;
  for (const auto& f : r.findings) {
    if (f.severity == Severity::kInfo) continue;
    out.emplace(CheckName(f.check), SeverityName(f.severity), f.path.empty() ? "" : f.path.back());
  }
  return out;
}

}  // namespace

TEST_CASE("outline of a report in sentence form with 一、(一) A. numbering", "[audit]") {
  auto doc = LoadDocument(test::SourcePath("corpus/styles/tree-sentence-form.txt"));
  REQUIRE(doc.ok());
  CHECK(DumpOutline(*doc, TheRules()) ==
        "预算编制 max=20分 score=18分\n"
        "  目标设置 max=10分 score=9分 restated(body)=9分 restated_max(body)=10分\n"
        "  预算编制规范性 max=10分 score=9分 restated(body)=9分\n"
        "预算执行 max=50分 score=47.5分 restated(sentence)=47.5分 restated_max(sentence)=50分\n"
        "  资金管理 max=30分 score=29.5分 restated(sentence)=29.5分\n"
        "    预算执行率 max=20分 score=19.5分 restated(body)=19.5分\n"
        "    结转结余率 max=10分 score=10分 restated(body)=10分\n"
        "  信息公开 max=10分 score=8分 restated(sentence)=8分 restated(body)=8分\n"
        "  资产管理 max=10分 score=10分 restated(sentence)=10分 restated(body)=10分\n"
        "预算使用效益 max=30分 score=26分\n"
        "  效益指标 max=30分 score=26分 restated(body)=26分\n"
        "TOTAL max=- score=91.5分 grade=优秀\n");
  AuditResult r = Audit(*doc, TheRules());
  CHECK(r.errors() == 0);
  CHECK(r.warnings() == 0);
  CHECK(r.coverage.unread == 0);
}

TEST_CASE("every planted error is found, nothing else", "[audit]") {
  AuditResult r = AuditFile("corpus/styles/tree-planted-errors.txt");
  std::set<std::tuple<std::string, std::string, std::string>> want = {
      {"score.grade", "error", ""},                     // 93 is 优 under the usual bands
      {"score.restated", "error", "目标设置"},           // heading 10, body 9
      {"score.children_sum", "error", "资金管理"},       // 16 + 22 ≠ 35
      {"score.from_rate", "warning", "预算执行率"},      // 20 × 90% = 18 ≠ 16, no rule stated
      {"score.range", "error", "结转结余率"},            // 22 > 20
      {"score.children_sum", "error", "采购管理"},       // 10 + 20 + 9 ≠ 38
  };
  CHECK(Findings(r) == want);
  CHECK(r.total.has_value());
  CHECK(r.total->score == "93");
}

TEST_CASE("a report with only a summary table", "[audit]") {
  AuditResult r = AuditFile("corpus/styles/tree-table-only.txt");
  REQUIRE(r.indicators.size() == 3);
  CHECK(r.indicators[1].path == std::vector<std::string>{"预算执行"});
  CHECK(r.indicators[1].max == "40");
  CHECK(r.indicators[1].score == "38.5");
  REQUIRE(r.total.has_value());
  CHECK(r.total->max == "100");
  // 85 is 良 under the usual bands, and the report says 优.
  CHECK(Findings(r) == std::set<std::tuple<std::string, std::string, std::string>>{
                           {"score.grade", "error", ""}});
  int rates = 0;
  for (const auto& c : r.checks) rates += c.check == CheckId::kRateRatio;
  CHECK(rates == 4);  // 得分率 of three rows and the total
}

TEST_CASE("heading, body and item forms in one indicator", "[audit]") {
  Document doc = test::DocFromText(
      "1.预算执行(分值 10 分，自评得 10 分)\n"
      "(1)资金管理(分值 10 分，自评得 10 分)\n"
      "一是制度健全，自评得 4 分；二是执行到位，自评0.5 分；三是公开及时，自评得 5 分；"
      "综上，故此项指标自评得 10 分。\n");
  AuditResult r = Audit(doc, TheRules());
  // 4 + 0.5 + 5 = 9.5 ≠ 10.
  CHECK(Findings(r) == std::set<std::tuple<std::string, std::string, std::string>>{
                           {"score.children_sum", "error", "资金管理"}});
}

TEST_CASE("本项不得分 is a score of 0", "[audit]") {
  Document doc = test::DocFromText(
      "1.信息公开(分值 4 分，自评得 2 分)\n"
      "(1)预算公开(分值 2 分，自评得 2 分)\n本项得 2 分。\n"
      "(2)绩效公开(分值 2 分，自评得 2 分)\n未按时公开，本项不得分。\n");
  AuditResult r = Audit(doc, TheRules());
  CHECK(Findings(r) == std::set<std::tuple<std::string, std::string, std::string>>{
                           {"score.restated", "error", "绩效公开"},
                           {"score.children_sum", "error", "信息公开"}});
}

// A naive reference: re-add every parent's children from the JSON-level indicator rows with
// doubles, and compare with the verdicts of score.children_sum.
TEST_CASE("children sums agree with a naive recomputation on the corpus", "[audit][reference]") {
  for (const char* f : {"corpus/meizhou-city-2024.txt", "corpus/meizhou-city-2021.txt",
                        "corpus/styles/tree-planted-errors.txt"}) {
    INFO(f);
    AuditResult r = AuditFile(f);
    std::map<std::vector<std::string>, double> score;
    std::map<std::vector<std::string>, double> child_sum;
    std::map<std::vector<std::string>, bool> has_child;
    for (const auto& row : r.indicators) {
      if (row.score.empty()) continue;
      score[row.path] = std::stod(row.score);
      if (row.path.size() > 1) {
        auto parent = row.path;
        parent.pop_back();
        child_sum[parent] += std::stod(row.score);
        has_child[parent] = true;
      }
    }
    int compared = 0;
    for (const auto& c : r.checks) {
      if (c.check != CheckId::kScoreChildrenSum || c.arithmetic.find("self-scores") == std::string::npos) {
        continue;
      }
      REQUIRE(has_child.count(c.path));
      bool naive_ok = std::fabs(child_sum[c.path] - score[c.path]) < 1e-9;
      CHECK(naive_ok == (c.verdict == Verdict::kPass));
      ++compared;
    }
    CHECK(compared > 0);
  }
}

}  // namespace jixiao

namespace jixiao {

TEST_CASE("user rules (--rules) add a heading style without recompiling", "[audit][rules]") {
  const std::string text =
      "【预算编制】满分20分，得分18分\n"
      "【预算执行】满分80分，得分75分\n"
      "自评总得分为 93 分。\n";
  Document doc = test::DocFromText(text);
  AuditResult before = Audit(doc, TheRules());
  CHECK(before.indicators.empty());
  auto rules = Rules::Builtin();
  REQUIRE(rules.ok());
  REQUIRE(rules->AddText("score.heading += ^【(?P<name>[^】]+)】满分(?P<max>\\d+(?:\\.\\d+)?)分，"
                         "得分(?P<score>\\d+(?:\\.\\d+)?)分\n",
                         "local.rules")
              .ok());
  AuditResult after = Audit(doc, *rules);
  REQUIRE(after.indicators.size() == 2);
  CHECK(after.indicators[0].path == std::vector<std::string>{"预算编制"});
  CHECK(after.indicators[1].score == "75");
  // 18 + 75 = 93: the total checks out.
  bool total_checked = false;
  for (const auto& c : after.checks) {
    if (c.check == CheckId::kScoreTotal && c.verdict == Verdict::kPass) total_checked = true;
  }
  CHECK(total_checked);
}

TEST_CASE("department and year come from the report's own text", "[audit][identity]") {
  AuditResult r = AuditFile("corpus/styles/tree-sentence-form.txt");
  CHECK(r.department == "某县农业农村局");
  CHECK(r.department_source == "title");
  CHECK(r.year == 2023);
  CHECK(r.year_source == "title");
  AuditResult m = AuditFile("corpus/meizhou-city-2024.txt");
  CHECK(m.department == "梅州市工业和信息化局");
  CHECK(m.department_source == "text");
  CHECK(m.year == 2024);
}

}  // namespace jixiao

namespace jixiao {

TEST_CASE("comparisons in words and 即 restatements", "[audit][claims]") {
  struct Case {
    const char* text;
    const char* check;
    Verdict want;
  } cases[] = {
      {"本年政府采购计划金额为6.53万元，实际采购金额为6.56万元，不存在实际采购金额大于计划采购金额的情况。",
       "claim.contradiction", Verdict::kFail},
      {"本年政府采购计划金额为6.53万元，实际采购金额为6.50万元，不存在实际采购金额大于计划采购金额的情况。",
       "claim.contradiction", Verdict::kPass},
      {"“三公”经费预算数 222200 元，实际支出 231,838.83 元，“三公”经费实际支出数≤预算安排的“三公”经费数。",
       "claim.contradiction", Verdict::kFail},
      {"考核结果为 96.69，即群众满意度为 96.62%，经计算得 1.93 分。", "figure.restated",
       Verdict::kFail},
      {"考核结果为 96.69，即群众满意度为 96.69%。", "figure.restated", Verdict::kPass},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    AuditResult r = Audit(test::DocFromText(c.text), TheRules());
    int seen = 0;
    for (const auto& k : r.checks) {
      if (CheckName(k.check) != std::string(c.check)) continue;
      ++seen;
      CHECK(k.verdict == c.want);
    }
    CHECK(seen == 1);
  }
}

}  // namespace jixiao
