// Quotes a reader can recognise (issue 14, defect 7): a finding's quote starts at the start of a
// sentence, a line, a table cell or a clause and ends at its end; where it has to be cut, the cut
// is marked "…" and never falls inside a word or a figure.
#include <catch2/catch.hpp>
#include <string>

#include "audit/relation.h"
#include "tests/audit_testing.h"

namespace {

using jixiao::Span;

// The text of ClauseAround(text, [b, e)), where b and e are where `from` and `to` start in `text`
// (`to` counted from its end).
std::string Around(const std::string& text, const std::string& from, const std::string& to) {
  const size_t b = text.find(from);
  const size_t e = text.find(to) + to.size();
  REQUIRE(b != std::string::npos);
  Span s = jixiao::ClauseAround(text, Span{b, e});
  return text.substr(s.begin, s.end - s.begin);
}

}  // namespace

TEST_CASE("ClauseAround widens a quote to the clauses it cuts", "[quote]") {
  struct Case {
    std::string text, from, to, want;
  } cases[] = {
      // Already a clause: unchanged.
      {"一是采购制度健全，自评得 10 分；二是采购程序合规。", "自评得", "10 分", "自评得 10 分"},
      // Starts at the unit of a figure, inside a heading's parenthesis: from the line start (the
      // heading), to where the reader ended it.
      {"2.预算执行(分值 5 分，自评得 4 分)本指标根据决算报表计算，差异率为 0。\n下一行", "分，自评",
       "计算", "2.预算执行(分值 5 分，自评得 4 分)本指标根据决算报表计算"},
      // A cell where its reader put it: kept.
      {"(4分)绩效指标明确性(6分)4.003.00\n", "4.003", "3.00", "4.003.00"},
      {"| 产出指标 | 4.003.00 | 10 |\n", "4.003", "3.00", "4.003.00"},
      // Inside a figure, and before its unit: never cut there; the clause holds the figure whole.
      {"全年预算数4,600.00万元，实际支出4,498.10万元。", "98.10", "98.10",
       "实际支出4,498.10万元。"},
      // A comma between digits is a thousands separator, not a clause mark.
      {"收入1,250,000.00元", "250,000", "250,000", "收入1,250,000.00元"},
      // Ends before the unit of its figure ("38.2" of "38.28%"): to the sentence's end.
      {"收、支各下降23.51%、38.28%。其他", "各下降", "38.2", "各下降23.51%、38.28%。"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(Around(c.text, c.from, c.to) == c.want);
  }
}

TEST_CASE("LineAround quotes the row of an unread cell", "[quote]") {
  struct Case {
    std::string text, span, want;
  } cases[] = {
      {"标题\n(4分)绩效指标明确性(6分)4.003.00\n下一行", "4.003.00", "(4分)绩效指标明确性(6分)4.003.00"},
      {"| 产出指标 | 4.003.00 | 10 |\n", "4.003.00", "| 产出指标 | 4.003.00 | 10 |"},
      {"  年度资金总额: 0 0 0 10 0 0  \n", "年度资金总额: 0", "年度资金总额: 0 0 0 10 0 0"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const size_t b = c.text.find(c.span);
    Span s = jixiao::LineAround(c.text, Span{b, b + c.span.size()});
    CHECK(c.text.substr(s.begin, s.end - s.begin) == c.want);
  }
}

TEST_CASE("ClauseAround stops off words and figures when no clause edge is near", "[quote]") {
  // 200 characters without a mark before the figure: the start is not found within reach, and
  // the edge stays where it was, or moves off the figure it fell in.
  std::string filler;
  for (int i = 0; i < 200; ++i) filler += "字";
  const std::string text = filler + "abc12345.67万元" + filler;
  const size_t b = text.find("345.67");
  Span s = jixiao::ClauseAround(text, Span{b, b + 3});
  const std::string got = text.substr(s.begin, s.end - s.begin);
  CHECK(got.find("12345.67") != std::string::npos);  // the whole figure, not "345.67"
  CHECK(s.begin > 0);
  CHECK(s.end < text.size());
}

TEST_CASE("MakeResult quotes whole clauses, with … where the quote is cut", "[quote]") {
  using jixiao::testing::DocumentOf;
  // A sentence much longer than the reach: the quote starts at a clause, never inside a figure.
  std::string lead;
  for (int i = 0; i < 120; ++i) lead += "某";
  const std::string text =
      lead + "，本年度财政拨款收入8025.61万元，其他收入0.43万元，合计8026.04万元。\n";
  const auto doc = DocumentOf(text);
  const size_t fig = doc.text.find("8026.04");
  REQUIRE(fig != std::string::npos);
  // A reader span that starts in the middle of "0.43".
  const size_t mid = doc.text.find(".43");
  auto c = jixiao::MakeResult(doc, jixiao::CheckId::kSumBreakdown, Span{mid, fig + 7},
                              Span{fig, fig + 7});
  CHECK(c.quote.rfind("其他收入0.43万元", 0) == 0);
  CHECK(c.quote.find("合计8026.04万元。") != std::string::npos);
  REQUIRE_FALSE(c.figure.empty());
  CHECK(c.quote.substr(c.figure.begin, 7) == "8026.04");

  // A quote over the limit is cut around its figure at clause edges, "…" on both sides.
  std::string longer;
  for (int i = 0; i < 80; ++i) longer += "第" + std::to_string(i) + "项支出12.5万元，";
  longer += "合计1000.00万元，";
  for (int i = 0; i < 80; ++i) longer += "第" + std::to_string(i) + "项收入7.5万元，";
  longer += "完毕。\n";
  const auto doc2 = DocumentOf(longer);
  const size_t t = doc2.text.find("1000.00");
  auto d = jixiao::MakeResult(doc2, jixiao::CheckId::kSumBreakdown, Span{0, doc2.text.size()},
                              Span{t, t + 7});
  REQUIRE(d.quote.size() < doc2.text.size());
  CHECK(d.quote.rfind("…第", 0) == 0);                 // starts at a clause: 第N项…
  CHECK(d.quote.substr(d.quote.size() - 3) == "…");   // ends cut, after a clause's end
  CHECK(d.quote.find("，…") != std::string::npos);
  CHECK(d.quote.substr(d.figure.begin, 7) == "1000.00");
}
