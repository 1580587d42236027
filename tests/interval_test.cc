// Rounding as intervals: the worked examples of rounding.md, and edge cases.
#include "audit/interval.h"

#include <catch2/catch.hpp>

#include "audit/relation.h"
#include "extract/number.h"

namespace jixiao {

namespace {
Number N(const char* s) {
  auto n = ParseNumber(s);
  REQUIRE(n.has_value());
  return *n;
}
Expr F(const char* s, bool exact = false) { return Expr::Figure(N(s), exact); }
}  // namespace

TEST_CASE("rounding.md worked examples", "[interval]") {
  struct Case {
    const char* name;
    Expr computed;
    const char* stated;
    Agreement want;
  } cases[] = {
      {"按时分配率", Expr::Quotient(F("25100.43"), F("27600.43")), "90.94%", Agreement::kConsistent},
      {"score from rate", Expr::Product(F("3", true), F("90.94%")), "2.73", Agreement::kConsistent},
      {"完成率 8/12", Expr::Quotient(F("8项"), F("12项")), "67%", Agreement::kConsistent},
      {"合计 with rounded parts", Expr::Sum({F("1203.46"), F("5871.29")}), "7074.74",
       Agreement::kConsistent},
      {"truncated 2/3", Expr::Quotient(F("2项"), F("3项")), "66.66%", Agreement::kTruncated},
      {"truncated 64.60%", Expr::Quotient(F("3215.62"), F("4977.10")), "64.60%",
       Agreement::kTruncated},
      {"2.37 for 2.73", Expr::Product(F("3", true), F("90.94%")), "2.37", Agreement::kDifferent},
      {"division by zero", Expr::Quotient(F("5"), F("0.00")), "10%", Agreement::kUndefined},
      {"2.725 rounds to 2.73", F("2.725", true), "2.73", Agreement::kConsistent},
      {"2.7249 is not 2.73", F("2.7249", true), "2.73", Agreement::kLastDigit},
      {"結转结余率 2.19%", Expr::Quotient(F("1892499.62"), F("86559961.25")), "2.19%",
       Agreement::kConsistent},
      {"last digit", Expr::Sum({F("1.11", true), F("2.22", true)}), "3.34",
       Agreement::kLastDigit},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    CHECK(Compare(N(c.stated), false, c.computed.Eval()) == c.want);
  }
}

TEST_CASE("exact scores have no rounding band when whole", "[interval]") {
  // Children 2 + 1 + 1 = 4 against a stated 5: an error, not a last-digit warning.
  Interval sum = Expr::Sum({F("2", true), F("1", true), F("1", true)}).Eval();
  CHECK(Compare(N("5"), true, sum) == Agreement::kDifferent);
  CHECK(Compare(N("4"), true, sum) == Agreement::kConsistent);
  CHECK(Compare(N("4.00"), true, sum) == Agreement::kConsistent);
  // 52.71 for 52.72: one unit in the last place of an exact decimal score is a warning.
  Interval s2 = Expr::Sum({F("7", true), F("7.73", true), F("4", true), F("17.98", true),
                           F("8", true), F("8", true)})
                    .Eval();
  CHECK(Compare(N("52.72"), true, s2) == Agreement::kLastDigit);
}

TEST_CASE("intervals propagate through arithmetic", "[interval]") {
  Interval a = Interval::Of(N("2.73"), false);
  CHECK(FormatDecimal(a.lo, 3) == "2.725");
  CHECK(FormatDecimal(a.hi, 3) == "2.735");
  Interval pct = Interval::Of(N("67%"), false);
  CHECK(FormatDecimal(pct.lo, 3) == "0.665");
  Interval q = F("25100.43").Eval() / F("27600.43").Eval();
  CHECK(FormatDecimal(q.Mid() * 100, 4) == "90.9422");
  CHECK_FALSE((F("1").Eval() / F("0").Eval()).defined);
  CHECK(FormatDecimal(mpq_class(-1, 3), 2) == "-0.33");
  CHECK(FormatDecimal(mpq_class(1, 200), 2) == "0.01");
}

TEST_CASE("relations render their arithmetic", "[interval]") {
  Relation r;
  r.computed = Expr::Quotient(F("25,100.43万元"), F("27,600.43万元"));
  r.stated = N("90.94%");
  Document doc;
  CheckResult c = Evaluate(doc, r);
  CHECK(c.verdict == Verdict::kPass);
  CHECK(c.stated == "90.94%");
  CHECK(c.recomputed == "90.9422%");
  CHECK(c.arithmetic.find("25100.43 / 27600.43 = 90.9422%") == 0);
  r.stated = N("90.49%");
  c = Evaluate(doc, r);
  CHECK(c.verdict == Verdict::kFail);
  CHECK(c.severity == Severity::kError);
  CHECK(c.arithmetic.find("✗") != std::string::npos);
}

}  // namespace jixiao
