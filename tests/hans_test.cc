// Traditional characters read as simplified: the gate, the one-to-one conversion, offsets and
// quotes as written, and the audit of a filing in traditional characters against its simplified
// twin.
#include "extract/hans.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "audit/audit.h"
#include "extract/extract.h"
#include "extract/normalize.h"
#include "tests/audit_testing.h"
#include "tests/test_util.h"

namespace jixiao {

TEST_CASE("ToSimplified converts traditional characters one for one", "[hans]") {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"預算執行率 得分 萬元", "预算执行率 得分 万元"},
      {"部門整體支出績效自評報告", "部门整体支出绩效自评报告"},
      {"“三公”經費支出決算數為7.69萬元", "“三公”经费支出决算数为7.69万元"},
      {"總得分90分，評價等級為優", "总得分90分，评价等级为优"},
      {"模式成效顯著", "模式成效显著"},  // a phrase rule: 顯著 → 显著, not 显着
      {"低於100%", "低于100%"},
      {"预算执行率 98.5%", "预算执行率 98.5%"},  // simplified text is left as it is
      {"ABC 123 ，：；", "ABC 123 ，：；"},
      {"", ""},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    const std::string out = ToSimplified(c.in);
    CHECK(out == c.out);
    CHECK(out.size() == std::string(c.in).size());
  }
  // Bytes that are not UTF-8 are kept, and the length with them.
  const std::string bad = std::string("預\xff算");
  CHECK(ToSimplified(bad) == std::string("预\xff算"));
}

TEST_CASE("traditional-only characters and the gate", "[hans]") {
  struct Char {
    char32_t c;
    bool traditional;
  } chars[] = {
      {U'預', true}, {U'執', true}, {U'萬', true}, {U'績', true}, {U'於', false},  // 於 is in GB 2312
      {U'著', false}, {U'乾', false}, {U'预', false}, {U'分', false}, {U'A', false},
  };
  for (const auto& c : chars) {
    INFO(static_cast<uint32_t>(c.c));
    CHECK(IsTraditionalOnly(c.c) == c.traditional);
  }
  struct Text {
    const char* name;
    const char* text;
    bool traditional;
  } texts[] = {
      {"a traditional heading", "部門整體支出績效自評報告：預算執行率得分10分", true},
      {"a simplified report", "部门整体支出绩效自评报告：预算执行率得分10分，成效显著", false},
      {"simplified, naming a place in traditional characters",
       "本单位赴臺灣地区交流一次，因公出国(境)费支出决算为零，预算执行率为百分之百，完成全年工作任务，"
       "各项指标均达到预期目标，群众满意度较高，绩效自评等级为优，单位整体运行情况良好。",
       false},
      {"four traditional characters are not enough", "預算執行率 萬", false},
  };
  for (const auto& t : texts) {
    INFO(t.name);
    CHECK(CountHan(t.text).Traditional() == t.traditional);
  }
}

TEST_CASE("a traditional document is read in simplified characters, quoted as written", "[hans]") {
  const std::string trad =
      "部門整體支出績效自評報告\n"
      "一、預算執行率(分值10分，自評得分9.5分)\n"
      "本年度預算數為1,000.00萬元，支出數為950.00萬元，預算執行率為95.00%。\n";
  Document doc = test::DocFromText(trad, "trad");
  REQUIRE(doc.origins.size() == doc.text.size());
  REQUIRE(doc.written.size() == doc.text.size());
  CHECK(doc.text.find("预算执行率为95.00%") != std::string::npos);
  CHECK(doc.written.find("預算執行率為95.00%") != std::string::npos);
  // Offsets are shared: the same span is the same words in both, and its line is right.
  const size_t at = doc.text.find("支出数为950.00万元");
  REQUIRE(at != std::string::npos);
  CHECK(doc.written.substr(at, std::string("支出數為950.00萬元").size()) == "支出數為950.00萬元");
  CHECK(doc.LineAt(at) == 3);
  CHECK(doc.SourceText(at, at + 3) == "支");
  // Names back in the document's own characters.
  CHECK(doc.AsWritten("预算执行率") == "預算執行率");
  CHECK(doc.AsWritten("得分") == "得分");

  // A simplified document is not touched.
  Document simple = test::DocFromText("部门整体支出绩效自评报告\n成效显著，预算执行率为95.00%。\n", "simple");
  CHECK(simple.written.empty());
  CHECK(simple.written_chars.empty());
  CHECK(simple.text.find("成效显著") != std::string::npos);
  CHECK(simple.AsWritten("预算执行率") == "预算执行率");
}

// The same filing in simplified and in traditional characters gives the same audit, with the
// traditional one's quotes and paths in traditional characters.
TEST_CASE("a traditional filing is audited as its simplified twin", "[hans]") {
  auto simplified = LoadDocument(test::SourcePath("corpus/real/anhui-town-project-2022.txt"));
  auto traditional = LoadDocument(test::SourcePath("corpus/real/anhui-town-project-trad-2022.txt"));
  REQUIRE(simplified.ok());
  REQUIRE(traditional.ok());
  const Rules& rules = testing::BuiltinRules();
  const Document& ds = simplified.value();
  const Document& dt = traditional.value();
  REQUIRE(!dt.written.empty());
  AuditResult s = Audit(ds, rules), t = Audit(dt, rules);
  CHECK(t.kind == s.kind);
  REQUIRE(t.indicators.size() == s.indicators.size());
  REQUIRE(t.findings.size() == s.findings.size());
  CHECK(t.checks.size() == s.checks.size());
  CHECK(t.errors() == s.errors());
  REQUIRE(t.total.has_value() == s.total.has_value());
  if (t.total) CHECK(t.total->score == s.total->score);
  for (size_t i = 0; i < t.indicators.size(); ++i) {
    CHECK(t.indicators[i].score == s.indicators[i].score);
    CHECK(t.indicators[i].line == s.indicators[i].line);
    CHECK(dt.AsWritten(s.indicators[i].path.back()) == t.indicators[i].path.back());
  }
  for (size_t i = 0; i < t.findings.size(); ++i) {
    INFO(t.findings[i].quote);
    CHECK(t.findings[i].line == s.findings[i].line);
    CHECK(t.findings[i].stated == s.findings[i].stated);
    CHECK(ToSimplified(t.findings[i].quote) == s.findings[i].quote);
    CHECK(t.findings[i].quote.size() == s.findings[i].quote.size());
  }
}

}  // namespace jixiao
