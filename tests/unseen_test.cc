// False findings seen on filings of provinces corpus/real had not held before (山西, 河南, 天津, 黑龙江,
// 西藏): each class is a row here, in invented sentences, several wordings each. Every check the
// figures and claims readers run on these texts must pass; where a reading is expected, it must run.
#include <catch2/catch.hpp>

#include "audit/audit.h"
#include "audit_testing.h"

namespace jixiao {
namespace {

using testing::DocumentOf;
using testing::Pick;
using testing::Run;

void Both(const Document& doc, const Rules& rules, Outline* out) {
  ParseFigures(doc, rules, out);
  ParseClaims(doc, rules, out);
}

struct Case {
  const char* text;
  CheckId check;        // a check that must run on the text and pass (kParseUnread: none required)
  const char* stated;   // its stated figure, as written with unit
};

TEST_CASE("unseen provinces: no false findings", "[unseen]") {
  const Case cases[] = {
      // 超收 is the gap to the budget, not the level a change is on (山西, 财政账单).
      {"全市一般公共预算收入累计完成194.57亿元，完成调整预算的101.49%，超收2.85亿元；同比增长4.02%，增收7.51亿元。",
       CheckId::kChangeYoy, "4.02%"},
      {"全县一般公共预算收入完成52.40亿元，超收1.20亿元，比上年增收4.00亿元，增长8.26%。", CheckId::kChangeYoy,
       "8.26%"},
      {"全区税收收入完成30.00亿元，短收0.50亿元；同比增长5.26%，增收1.50亿元。", CheckId::kChangeYoy, "5.26%"},
      // One paragraph per place, each with the same accounts (全市 = that city): no restatement.
      {"甲川市一般公共预算收入完成148.36亿元，同比增长2.4%。全市一般公共预算支出执行195.42亿元，同比增长14.1%。\n"
       "乙原市一般公共预算收入完成93.7亿元，同比增长83.2%。全市一般公共预算支出执行128.9亿元，同比增长34.9%。\n"
       "丙阳市一般公共预算收入33.2亿元，同比增长78.95%，增收14.65亿元。一般公共预算支出执行43.73亿元。\n"
       "丁川市一般公共预算收入完成139.42亿元，同比增长84.07%。",
       CheckId::kParseUnread, ""},
      {"东河县一般公共预算收入完成12.30亿元。\n西河县一般公共预算收入完成9.80亿元。\n南岭旗一般公共预算收入完成7.10亿元。",
       CheckId::kParseUnread, ""},
      // One month and the months to date: two periods, no restatement.
      {"5月份，全市财政总收入完成115329万元，增长11.7%。一般公共预算收入完成65026万元，下降8.5%。\n"
       "1—5月份，全市财政总收入完成731197万元，增长0.7%。一般公共预算收入完成458795万元，下降5.2%。",
       CheckId::kParseUnread, ""},
      {"一季度，全县一般公共预算收入完成3.20亿元。\n上半年，全县一般公共预算收入完成6.90亿元。\n"
       "1-9月，全县一般公共预算收入完成10.40亿元。",
       CheckId::kParseUnread, ""},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    Document doc = DocumentOf(c.text);
    auto all = Run(Both, doc);
    for (const auto& r : all) {
      INFO(r.arithmetic);
      CHECK(r.verdict == Verdict::kPass);
    }
    if (c.check != CheckId::kParseUnread) CHECK_FALSE(Pick(all, c.check, c.stated).empty());
  }
}

// Wordings of these filings now read, each checked both ways.
TEST_CASE("unseen provinces: wordings read", "[unseen]") {
  struct Read {
    const char* text;
    CheckId check;
    const char* stated;
    Verdict verdict;
  } cases[] = {
      // A change without a comparator at a clause start, its amount in 增收 / 减收 / 增支.
      {"其中，税收收入完成1036.5亿元，增长55.4%，增收369.4亿元。", CheckId::kChangeYoy, "55.4%", Verdict::kPass},
      {"非税收入完成225.1亿元，下降0.3%，减收0.7亿元。", CheckId::kChangeYoy, "0.3%", Verdict::kPass},
      {"民生支出1702.7亿元，占全省一般公共预算支出的79.2%，增长7.6%，增支120.4亿元。", CheckId::kChangeYoy, "7.6%",
       Verdict::kPass},
      {"税收收入完成1036.5亿元，增长50.4%，增收369.4亿元。", CheckId::kChangeYoy, "50.4%", Verdict::kFail},
      // The amount first, then the rate, joined by 、 (福建, 财政 news).
      {"一季度，全市一般公共预算总收入312.74亿元，增收34.96亿元、增长12.6%，高于年度目标增幅5.6个百分点。",
       CheckId::kChangeYoy, "12.6%", Verdict::kPass},
      {"地方一般公共预算收入193.29亿元，增收29.04亿元，增长17.7%。", CheckId::kChangeYoy, "17.7%", Verdict::kPass},
      {"全县税收收入完成20.00亿元，减收2.00亿元、下降9.1%。", CheckId::kChangeYoy, "9.1%", Verdict::kPass},
      {"地方一般公共预算收入193.29亿元，增收29.04亿元、增长15.7%。", CheckId::kChangeYoy, "15.7%", Verdict::kFail},
      // The budget from the amount collected over it (超收 / 短收).
      {"全市一般公共预算收入累计完成194.57亿元，完成调整预算的101.49%，超收2.85亿元。", CheckId::kClaimContradiction,
       "101.49%", Verdict::kPass},
      {"全县税收收入完成30.00亿元，完成年初预算的98.36%，短收0.50亿元。", CheckId::kClaimContradiction, "98.36%",
       Verdict::kPass},
      {"全市一般公共预算收入累计完成194.57亿元，完成调整预算的103.49%，超收2.85亿元。", CheckId::kClaimContradiction,
       "103.49%", Verdict::kFail},
      // A completion of a budget whose name is long (the session that approved it) before its amount.
      {"2023年区级一般公共预算收入预计完成39.1亿元，完成区第十八届人大常委会第十九次会议批准收入调整预算37.5亿元的104.3%。",
       CheckId::kRateRatio, "104.3%", Verdict::kPass},
      {"2023年区级一般公共预算支出预计完成76.14亿元，完成区第十八届人大常委会第十九次会议批准支出调整预算76.35亿元的98.7%。",
       CheckId::kRateRatio, "98.7%", Verdict::kFail},
      // A total built up with 加上 whose parts are named "…等资金", the total "总收入预计为".
      {"2023年区级一般公共预算收入预计完成39.1亿元，完成调整预算37.5亿元的104.3%。加上税收返还和转移支付等资金27.23亿元，"
       "上年结转5.45亿元，调入资金12.79亿元，2023年一般公共预算总收入预计为84.57亿元。",
       CheckId::kSumBreakdown, "84.57亿元", Verdict::kPass},
      {"本级收入完成100万元，加上上级补助收入20万元，调入资金5万元，总收入135万元。", CheckId::kSumBreakdown, "135万元",
       Verdict::kFail},
      // A part's piece in brackets is no addend (四川, 财政总决算): 251510 + 568709 + 44377 + … = 898487, the 9670
      // inside 上级补助收入 (含返还性收入9670万元); the total after 、 as 支出总额.
      {"全县地方一般公共预算收入251510万元，加上级补助收入568709万元（含返还性收入9670万元）、债务转贷收入44377万元、"
       "调入资金1396万元、动用预算稳定调节基金10767万元、上年结转结余21728万元，总收入为898487万元。",
       CheckId::kSumBreakdown, "898487万元", Verdict::kPass},
      {"本级收入完成100万元，加上上级补助收入20万元(含专项补助8万元)，调入资金5万元，收入合计125万元。",
       CheckId::kSumBreakdown, "125万元", Verdict::kPass},
      {"本级收入完成100万元，加上上级补助收入20万元（含专项补助8万元），调入资金5万元，收入合计133万元。",
       CheckId::kSumBreakdown, "133万元", Verdict::kFail},
      {"全县一般公共预算支出782634万元，加上解上级支出40088万元、债务还本支出33988万元、补充预算稳定调节基金122万元、"
       "年度支出总额为856832万元。",
       CheckId::kSumBreakdown, "856832万元", Verdict::kPass},
      {"全区一般公共预算支出50.00亿元，加上上解支出2.00亿元、结转下年1.50亿元，支出总额为54.50亿元。",
       CheckId::kSumBreakdown, "54.50亿元", Verdict::kFail},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto found = Pick(Run(Both, DocumentOf(c.text)), c.check, c.stated);
    REQUIRE(found.size() == 1);
    CHECK(found.front().verdict == c.verdict);
  }
}

// The same account stated twice differently is still found when the place or the period is the same,
// or named for only one of the two.
TEST_CASE("unseen provinces: restatements within one place and period are still found", "[unseen]") {
  const char* texts[] = {
      "甲川市一般公共预算收入完成148.36亿元。\n甲川市一般公共预算收入完成150.36亿元。",
      "1—5月份，全市财政总收入完成731197万元。\n1-5月份，全市财政总收入完成731597万元。",
      "全县一般公共预算收入完成52.40亿元。\n上半年，全县一般公共预算收入完成52.90亿元。",
  };
  for (const char* t : texts) {
    INFO(t);
    auto found = Pick(Run(Both, DocumentOf(t)), CheckId::kFigureRestated, "");
    REQUIRE(found.size() == 1);
    CHECK(found.front().verdict == Verdict::kFail);
  }
}

}  // namespace
}  // namespace jixiao
