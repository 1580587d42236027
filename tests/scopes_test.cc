// A whole area split into the scopes it is made of (audit/figures_scopes.cc): a split by level named,
// the whole named before its parts, counted parts in brackets, the own level and the levels below.
// Invented sentences, several wordings each.
#include <catch2/catch.hpp>

#include "audit/audit.h"
#include "audit_testing.h"

namespace jixiao {
namespace {

using testing::DocumentOf;
using testing::Pick;
using testing::Run;

struct Case {
  const char* text;
  const char* stated;  // the whole's figure, as written
  Verdict verdict;
  Severity severity;   // of a failure
};

// The scope splits among the sum.breakdown checks: their notes say which split.
std::vector<CheckResult> Splits(const std::vector<CheckResult>& all, const std::string& stated, bool counts = true) {
  std::vector<CheckResult> out;
  for (const CheckResult& c : Pick(all, CheckId::kSumBreakdown, stated)) {
    const std::string& a = c.arithmetic;
    if (a.find("split by level") != std::string::npos || a.find("own level") != std::string::npos ||
        a.find("split of the whole") != std::string::npos || a.find("split into its counted parts") != std::string::npos ||
        (counts && a.find("counted parts in brackets") != std::string::npos)) {
      out.push_back(c);
    }
  }
  return out;
}

TEST_CASE("scopes: a whole area and the scopes it is split into", "[scopes]") {
  const Case cases[] = {
      // A split by level named: 分级次看 / 按支出级次分, the parts' account named in their words.
      {"1-6月，全市一般公共预算支出完成5000.00万元，增长2.0%。分级次看，市本级支出完成1800.00万元，增长1.0%；"
       "县区级支出完成3200.00万元，增长3.0%，其中：区级支出完成1200.00万元；县级支出完成2000.00万元。",
       "5000.00万元", Verdict::kPass, Severity::kError},
      {"1-6月，全市一般公共预算支出完成5000.00万元，增长2.0%。分级次看，市本级支出完成1800.00万元，增长1.0%；"
       "县区级支出完成3100.00万元，增长3.0%。",
       "5000.00万元", Verdict::kFail, Severity::kError},
      {"上半年，全县公共财政预算支出累计完成12.40亿元，增长5.1%。\n按支出级次分，县本级公共财政预算支出完成9.10亿元，"
       "同比增长6.3%；乡镇及园区公共财政预算支出完成3.30亿元，同比减少2.6%。",
       "12.40亿元", Verdict::kPass, Severity::kError},
      {"上半年，全县公共财政预算支出累计完成12.40亿元，增长5.1%。\n按支出级次分，县本级公共财政预算支出完成9.10亿元，"
       "同比增长6.3%；乡镇及园区公共财政预算支出完成3.50亿元，同比减少2.6%。",
       "12.40亿元", Verdict::kFail, Severity::kError},
      // The whole named before its parts, which name no account; their changes on last year too.
      {"2023年全州一般公共预算收入完成80000万元，同比增加3000万元，增长3.9%。\n"
       "全州一般公共预算收入中，州本级完成20000万元，同比增加1000万元；县市级完成60000万元，同比增加2500万元。",
       "3000万元", Verdict::kWarning, Severity::kWarning},
      {"2023年全州一般公共预算收入完成80000万元，同比增加3000万元，增长3.9%。\n"
       "全州一般公共预算收入中，州本级完成20000万元，同比减少1000万元；县市级完成60000万元，同比增加4000万元。",
       "3000万元", Verdict::kPass, Severity::kWarning},
      // The own level and the level below, each naming the account: a level may be left out (warning).
      {"全区一般公共预算支出完成36.52亿元，同比减少1.20亿元。\n支出方面，区本级一般公共预算支出完成10.02亿元，"
       "同比减少2.00亿元；街道级一般公共预算支出完成26.50亿元，同比增加0.80亿元。",
       "36.52亿元", Verdict::kPass, Severity::kWarning},
      {"全区一般公共预算支出完成36.52亿元，同比减少1.20亿元。\n支出方面，区本级一般公共预算支出完成10.02亿元，"
       "同比减少2.00亿元；街道级一般公共预算支出完成25.50亿元，同比增加0.80亿元。",
       "36.52亿元", Verdict::kWarning, Severity::kWarning},
      // Counted parts in brackets that fill the whole, then each part's own section.
      {"全省60个县市(含25个县、35个市，下同)一般公共预算收入完成300.5亿元，同比增加20.5亿元。\n"
       "25个县的情况：一般公共预算收入完成100.2亿元，同比增加8.1亿元。\n"
       "35个市的情况：一般公共预算收入完成200.3亿元，同比增加12.4亿元。",
       "300.5亿元", Verdict::kPass, Severity::kError},
      {"全省60个县市(含25个县、35个市，下同)一般公共预算收入完成300.5亿元，同比增加20.5亿元。\n"
       "25个县的情况：一般公共预算收入完成100.2亿元，同比增加8.1亿元。\n"
       "35个市的情况：一般公共预算收入完成200.3亿元，同比增加13.4亿元。",
       "20.5亿元", Verdict::kFail, Severity::kError},
      {"全市12个区县（包括5个区和7个县）完成固定资产投资812.3亿元。\n5个区：完成固定资产投资402.1亿元。\n"
       "7个县：完成固定资产投资410.2亿元。",
       "812.3亿元", Verdict::kPass, Severity::kError},
      // The counts in brackets themselves: at most the whole.
      {"全市12个区县（包括5个区和8个县）完成固定资产投资812.3亿元。", "12个", Verdict::kWarning,
       Severity::kWarning},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    Document doc = DocumentOf(c.text);
    auto all = Run(ParseFigures, doc);
    for (const auto& x : all) UNSCOPED_INFO(x.stated << " " << x.arithmetic);
    auto got = Splits(all, c.stated);
    REQUIRE(got.size() == 1);
    CHECK(VerdictName(got.front().verdict) == std::string(VerdictName(c.verdict)));
    if (got.front().verdict != Verdict::kPass) CHECK(got.front().severity == c.severity);
  }
}

TEST_CASE("scopes: no split where the words do not make one", "[scopes]") {
  const char* texts[] = {
      // A split by level whose parts name no account, and no whole named before them.
      "1-6月，全市一般公共预算收入完成5000.00万元；税收收入完成3000.00万元。分级次看，市本级完成1800.00万元；"
      "县区级完成3100.00万元。",
      // Parts of no named split: two places, not levels.
      "全市一般公共预算支出完成5000.00万元。\n甲区一般公共预算支出完成1800.00万元；乙区一般公共预算支出完成3100.00万元。",
      // The own level alone.
      "全市一般公共预算支出完成5000.00万元。\n市本级一般公共预算支出完成1800.00万元，增长1.0%。",
      // Another account than the whole's.
      "全区一般公共预算收入完成36.52亿元。\n区本级一般公共预算支出完成10.02亿元；街道级一般公共预算支出完成25.50亿元。",
      // Counted parts that do not fill the whole: no split of its amounts.
      "全市12个区县（包括5个区、6个县）完成固定资产投资812.3亿元。\n5个区：完成固定资产投资402.1亿元。\n"
      "6个县：完成固定资产投资300.2亿元。",
      // The whole three lines away or more.
      "全市一般公共预算支出完成5000.00万元。\n一。\n二。\n三。\n分级次看，市本级支出完成1800.00万元；县区级支出完成3100.00万元。",
  };
  for (const char* t : texts) {
    INFO(t);
    auto all = Run(ParseFigures, DocumentOf(t));
    for (const auto& x : all) UNSCOPED_INFO(x.stated << " " << x.arithmetic);
    CHECK(Splits(all, "", false).empty());
  }
}

}  // namespace
}  // namespace jixiao
