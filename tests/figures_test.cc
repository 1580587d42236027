// ParseFigures: rates, breakdowns, changes and units, table-driven, with rounding edge cases.
#include <catch2/catch.hpp>

#include "audit/audit.h"
#include "audit_testing.h"
#include "extract/extract.h"

namespace jixiao {
namespace {

using testing::DocumentOf;
using testing::Pick;
using testing::Run;

using testing::Case;
using testing::CheckCases;

TEST_CASE("figures: rates, sums, changes, units", "[figures]") {
  const Case cases[] = {
      // Prose rate: a pair of amounts in the sentence.
      {"上级资金规模总计 27,600.43万元，按时分配的上级资金规模总计 25,100.43 万元，按时分配率为90.94%。",
       CheckId::kRateRatio, "90.94%", Verdict::kPass},
      {"上级资金规模总计 27,600.43万元，按时分配的上级资金规模总计 25,100.43 万元，按时分配率为92.94%。",
       CheckId::kRateRatio, "92.94%", Verdict::kFail},
      // Completion rates from counts: 8/12 = 66.67% → 67% passes; 2/3 written 66.66% is truncated.
      {"重点工作共 12项，完成 8项，未完成 4项，重点工作完成率 67%。", CheckId::kRateRatio, "67%",
       Verdict::kPass},
      {"重点工作共 3项，完成 2项，未完成 1项，重点工作完成率 66.66%。", CheckId::kRateRatio,
       "66.66%", Verdict::kWarning},
      {"重点工作共 3项，完成 2项，未完成 1项，重点工作完成率 66.67%。", CheckId::kRateRatio,
       "66.67%", Verdict::kPass},
      // (a + b) / c: on-plan tasks counted as done.
      {"重点工作任务共计 7 项，已完成 4 项，正在推进(符合既定计划)1 项，正在推进 2 项，重点工作完成率 71.43%。",
       CheckId::kRateRatio, "71.43%", Verdict::kPass},
      // Formulas as written; a denominator of 0 is an error whatever the rate.
      {"结转结余率=1892499.62/86559961.25=2.19%<10%。", CheckId::kRateRatio, "2.19%", Verdict::kPass},
      {"结转结余率=1892499.62/0=2.19%。", CheckId::kRateRatio, "2.19%", Verdict::kFail},
      // ÷ written for /: "(a-b)÷b" and "a÷b".
      {"三公经费变动率=(本年度预算数-上年度预算数)÷上年度=(63.46-32)÷32=98.31%。", CheckId::kRateRatio, "98.31%",
       Verdict::kPass},
      {"三公经费变动率=(63.46-32)÷32=89.31%。", CheckId::kRateRatio, "89.31%", Verdict::kFail},
      {"执行率=251.89÷251.89=100.00%。", CheckId::kRateRatio, "100.00%", Verdict::kPass},
      {"差异率=(82800287.6-82800287.6)/82800287.6=0。", CheckId::kRateRatio, "0", Verdict::kPass},
      // One account, named in other words, in other units.
      {"含年中调增预算总收入为1745.25万元。\n本年度预算数(含调增)为1745.25万元。", CheckId::kFigureRestated,
       "1745.25万元", Verdict::kPass},
      {"含年中调增预算总收入为1745.25万元。\n本年度预算数(含调增)为1754.25万元。", CheckId::kFigureRestated,
       "1754.25万元", Verdict::kFail},
      {"部门整体支出决算数1745.25万元。\n本年度实际支付金额为17452500.00元。", CheckId::kFigureRestated,
       "17452500.00元", Verdict::kPass},
      {"部门整体支出决算数1745.25万元。\n本年度实际支付金额为17425500.00元。", CheckId::kFigureRestated,
       "17425500.00元", Verdict::kFail},
      // A formula's operand named in words: the sum of the kinds of 财政拨款收入 (a warning: a kind
      // may be left out).
      {"整体收入决算8280.03万元，其中一般公共预算财政拨款收入8025.61万元，国有资本经营预算财政拨款收入253.99万元，其他收入0.43万元。\n财政拨款收入预决算差异率=(收入决算数-收入调整预算数)/收入调整预算数*100%=(82800287.6-82800287.6)/82800287.6=0。",
       CheckId::kFigureRestated, "82800287.6", Verdict::kWarning},
      {"整体收入决算8280.03万元，其中一般公共预算财政拨款收入8025.61万元，国有资本经营预算财政拨款收入253.99万元。\n财政拨款收入预决算差异率=(收入决算数-收入调整预算数)/收入调整预算数*100%=(82796000.0-82796000.0)/82796000.0=0。",
       CheckId::kFigureRestated, "82796000.0", Verdict::kPass},
      // A figure the sentence says there is none of.
      {"本部门结转结余存量资金为0元，未发生年末结转结余存量资金。", CheckId::kFigureRestated, "0元",
       Verdict::kPass},
      {"本部门结转结余存量资金为12元，未发生年末结转结余存量资金。", CheckId::kFigureRestated, "12元",
       Verdict::kFail},
      // A formula's operand against the figure its paragraph states before it.
      {"结余资金为 51234.5 元，扣除后的支出数=7460021.35 元，结余率=51234.5/7460021.38=0.69%。",
       CheckId::kFigureRestated, "7460021.38", Verdict::kFail},
      // A share whose total is stated in the previous sentence of the paragraph.
      {"部门整体支出决算数1745.25万元。分为2类，分别为：基本支出769.02万元和项目支出976.23万元，支出占比最大的是项目支出(55.94%)。",
       CheckId::kRateRatio, "55.94%", Verdict::kPass},
      // Only another denominator of the document fits: a warning, not an error.
      {"年初预算数为927.44万元。\n本年度预算数为1745.25万元，预算数相比年初预算调增额为817.81万元，预算调整数与预算数的比率88.18%。",
       CheckId::kRateRatio, "88.18%", Verdict::kWarning},
      // Breakdowns: money, staff, partial, error, previous sentence, inline sums.
      {"整体支出决算 5,481.38万元，其中基本支出 4,310.21万元，项目支出 1,171.17万元。",
       CheckId::kSumBreakdown, "5,481.38万元", Verdict::kPass},
      {"共有编制人数29人，其中行政编制21人，参照公务员法管理人员4人，事业编制人员4人。",
       CheckId::kSumBreakdown, "29人", Verdict::kPass},
      {"共有编制人数29人，其中行政编制22人，参照公务员法管理人员4人，事业编制人员4人。",
       CheckId::kSumBreakdown, "29人", Verdict::kFail},
      {"完成工业投资 27.5 亿元，其中完成技改投资 3 亿元，完成制造业投资 14 亿元。",
       CheckId::kSumBreakdown, "27.5亿元", Verdict::kPass},
      {"决算收入为1745.25万元。其中基本支出决算收入为769.02万元，项目决算收入为976.23万元。",
       CheckId::kSumBreakdown, "1745.25万元", Verdict::kPass},
      {"核算 1200.00+350.50=1550.50。", CheckId::kSumBreakdown, "1550.50", Verdict::kPass},
      // 2.725 is the lower bound of 2.73: consistent; 2.724 is a last-digit slip: a warning.
      {"核算 1.365+1.36=2.73。", CheckId::kSumBreakdown, "2.73", Verdict::kPass},
      {"核算 1.364+1.356=2.73。", CheckId::kSumBreakdown, "2.73", Verdict::kWarning},
      {"重点工作共 12项，完成 8项，未完成 4项。", CheckId::kSumBreakdown, "12项", Verdict::kPass},
      {"重点工作共 12项，完成 8项，未完成 5项。", CheckId::kSumBreakdown, "12项", Verdict::kFail},
      {"共 3项，分别是：甲工作、乙工作和丙工作。", CheckId::kSumBreakdown, "3项", Verdict::kPass},
      {"共 3项，分别是：甲工作、乙工作、丙工作、丁工作。", CheckId::kSumBreakdown, "3项", Verdict::kWarning},
      {"我局直属2个正科级事业单位。\n①甲中心，参公管理事业单位。\n②乙中心，公益二类事业单位。",
       CheckId::kSumBreakdown, "2个", Verdict::kPass},
      // A nil numerator by the sentence's own words.
      {"2024年度本部门无财政拨款结转结余额，结转结余率为0，部门控制较好。", CheckId::kRateRatio, "0",
       Verdict::kPass},
      {"2024年度本部门无财政拨款结转结余额，结转结余率为2%，部门控制较好。", CheckId::kRateRatio, "2%",
       Verdict::kFail},
      // A share with no figures to recompute it still cannot exceed 100%.
      {"本部门无固定资产闲置情况，固定资产使用率为100%。", CheckId::kRateRatio, "100%", Verdict::kPass},
      {"本部门无固定资产闲置情况，固定资产使用率为101%。", CheckId::kRateRatio, "101%", Verdict::kFail},
      // A total and its part before an unmatched rate: the rate's inputs may be unstated.
      {"全年支出1000万元，其中项目支出600万元，项目支出执行率为95%。", CheckId::kRateRatio, "95%",
       Verdict::kWarning},
      // Year over year.
      {"本单位支出合计2,300.00万元，较上年增加150.00万元，增长6.98%。", CheckId::kChangeYoy,
       "6.98%", Verdict::kPass},
      {"本单位支出合计2,300.00万元，比上年决算数减少150.00万元，减少6.98%。", CheckId::kChangeYoy,
       "6.98%", Verdict::kFail},
      {"2023年支出2,300.00万元。比上年增加150.00万元(增长6.98%)。", CheckId::kChangeYoy, "6.98%",
       Verdict::kPass},
      {"2023年支出2,300.00万元，上年支出2,150.00万元，较上年增长6.98%。", CheckId::kChangeYoy,
       "6.98%", Verdict::kPass},
      {"2023年支出2,300.00万元，上年支出2,150.00万元，较上年增长7.98%。", CheckId::kChangeYoy,
       "7.98%", Verdict::kFail},
      // The base of a completion rate ("完成全年预算X的P%") is not the level that changed.
      {"“三公”经费支出决算为62.07万元，完成全年预算84.82万元的73.2%，比上年决算数增加38.97万元，增长168.7%。",
       CheckId::kChangeYoy, "168.7%", Verdict::kPass},
      {"“三公”经费支出决算为62.07万元，完成全年预算84.82万元的73.2%，比上年决算数增加38.97万元，增长150.7%。",
       CheckId::kChangeYoy, "150.7%", Verdict::kFail},
      {"公务用车运行维护费支出决算为27.46万元,完成预算29.6万元的92.8%,比上年决算数增加6.32万元,增长29.9%。",
       CheckId::kChangeYoy, "29.9%", Verdict::kPass},
      {"新认定高新技术企业8家，较上年的6家增加2家。", CheckId::kChangeYoy, "2家", Verdict::kPass},
      {"实现营业收入5.20亿元，比上年的4.80亿元增长8.3%。", CheckId::kChangeYoy, "8.3%", Verdict::kPass},
      {"实现营业收入5.20亿元，比上年的4.80亿元增长9.3%。", CheckId::kChangeYoy, "9.3%", Verdict::kWarning},
      {"全市实现工业总产值 822.82 亿元、规上工业增加值 271.22 亿元，分别比 2020 年的 702.62 亿元、227.94 亿元增加约 120 亿元、43 亿元，同比增长 15.2%、10.8%。",
       CheckId::kChangeYoy, "120亿元", Verdict::kPass},
      {"全市实现工业总产值 822.82 亿元、规上工业增加值 271.22 亿元，分别比 2020 年的 702.62 亿元、227.94 亿元增加约 120 亿元、43 亿元，同比增长 15.2%、10.8%。",
       CheckId::kChangeYoy, "15.2%", Verdict::kWarning},
      {"以 2020 年预测值(工业投资 113.88 亿元、技改投资 31.8 亿元)为基数，全市工业投资预计下降 4.75%，技改投资预计下降 15.94%。\n预计全市工业投资额 108.47 亿元。",
       CheckId::kChangeYoy, "108.47亿元", Verdict::kPass},
      // Next year's plan against next year's growth target on this year's actual.
      {"预计全区供水投资 10.00 亿元，实际为 12.00 亿元。\n2026年主要目标是：供水投资增长 5%；用水总量下降 2%。\n全年力争完成供水投资 12.60 亿元。",
       CheckId::kChangeYoy, "12.60亿元", Verdict::kPass},
      {"预计全区供水投资 10.00 亿元，实际为 12.00 亿元。\n2026年主要目标是：供水投资增长 5%；用水总量下降 2%。\n全年力争完成供水投资 11.60 亿元。",
       CheckId::kChangeYoy, "11.60亿元", Verdict::kWarning},
      // Units.
      {"整体收入决算8280.03万元。\n财政拨款收入决算数为82800287.6元。", CheckId::kUnitScale,
       "8280.03万元", Verdict::kPass},
      {"整体收入决算8280.03万元。\n财政拨款收入决算数为8280.03元。", CheckId::kUnitScale,
       "8280.03元", Verdict::kFail},
      // Restated figures.
      {"年末本部门实有在职人数29人。\n人员管理：年末本部门实有在职人数29人。", CheckId::kFigureRestated,
       "29人", Verdict::kPass},
      {"年末本部门实有在职人数29人。\n人员管理：年末本部门实有在职人数31人。", CheckId::kFigureRestated,
       "31人", Verdict::kFail},
      // The same name in the same year, stated twice: a restatement.
      {"2011年本署财政拨款预算中，公务用车购置及运行费1229.65万元。\n2011年本署财政拨款预算中，公务用车购置及运行费1205.06万元。",
       CheckId::kFigureRestated, "1205.06万元", Verdict::kFail},
  };
  CheckCases(ParseFigures, cases);
}

// Namesakes in two named years ("2010年…1229.65万元", "2011年…1205.06万元") are no restatement.
TEST_CASE("figures: the same name in two named years is not restated", "[figures]") {
  const char* const texts[] = {
      "2010年本署财政拨款预算中，公务用车购置及运行费1229.65万元。\n2011年本署财政拨款预算中，公务用车购置及运行费1205.06万元。",
      "2022年度部门支出决算为300.00万元。\n2023年度部门支出决算为320.00万元。",
      // The 支出决算 of one expense is not the department's account.
      "本中心“三公”经费支出预算为3万元，支出决算为1.71万元。\n1.公务接待费预算为1万元，支出决算为0.53万元。",
  };
  for (const char* text : texts) {
    INFO(text);
    Document doc = DocumentOf(text);
    CHECK(Pick(Run(ParseFigures, doc), CheckId::kFigureRestated, "").empty());
  }
}

// A 其中 inside a 其中 list nests parts of one item; where they end is not written, so the list is
// not read as groups of two totals (决算 and 预算 of each item).
TEST_CASE("figures: a list with a nested 其中 is not read as groups", "[figures]") {
  const char* const text =
      "支出决算为62.07万元,完成全年预算84.82万元的73.2%。其中:因公出国(境)费支出决算为12.02万元,完成预算12.02万元的100%;"
      "公务用车购置及运行维护费支出决算为27.46万元,完成预算29.6万元的92.8%;其中:公务用车购置支出决算为0万元,完成预算0万元;"
      "公务用车运行维护费支出决算为27.46万元,完成预算29.6万元的92.8%;公务接待费支出决算为22.59万元,完成预算43.2万元的52.3%。";
  Document doc = DocumentOf(text);
  for (const CheckResult& c : Pick(Run(ParseFigures, doc), CheckId::kSumBreakdown, "")) {
    INFO(c.arithmetic);
    CHECK(c.verdict == Verdict::kPass);
  }
}

// A rate none of whose bound readings fits is an error shown with the reading whose numerator the
// rate's words name best, not the one that happens to come closest; funds arrived (到位) are a whole.
TEST_CASE("figures: the error of a rate shows the numerator its words name", "[figures]") {
  struct Named {
    const char* text;
    const char* stated;
    const char* arithmetic;  // how the recomputation begins
  };
  const Named cases[] = {
      // 核拨资金 and 实际支付资金 both share 资金 with 资金支付率; only 实际支付资金 shares 支付, though
      // 18 / 20 comes closer to 88%.
      {"累计到位资金20.00亿元，核拨资金18.00亿元、核拨率95.00%，实际支付资金17.00亿元，资金支付率88.00%。", "88.00%",
       "17.00 / 20.00 ="},
      {"累计到位资金20.00亿元，核拨资金18.00亿元、核拨率95.00%，实际支付资金17.00亿元，资金支付率88.00%。", "95.00%",
       "18.00 / 20.00 ="},
      // The same with the closer figure first: still the named one.
      {"到位资金500.00万元，使用资金460.00万元，已支付资金400.00万元，资金支付率91.00%。", "91.00%",
       "400.00 / 500.00 ="},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    Document doc = DocumentOf(c.text);
    auto got = Pick(Run(ParseFigures, doc), CheckId::kRateRatio, c.stated);
    REQUIRE(got.size() == 1);
    CHECK(got.front().verdict == Verdict::kFail);
    INFO(got.front().arithmetic);
    CHECK(got.front().arithmetic.rfind(c.arithmetic, 0) == 0);
  }
}

// Several totals broken down together, group by group: each part goes to the total whose label
// ends as its own does; a total is checked only when every group names one part of it.
TEST_CASE("figures: totals broken down group by group", "[figures]") {
  struct Grouped {
    const char* text;
    const char* stated;  // the total checked, or "" for none
    Verdict verdict;
  };
  const char* kLead = "到位资金30.00亿元，拨付资金27.00亿元，支付资金25.00亿元。";
  const Grouped cases[] = {
      // Both groups name all three: three sums, all holding.
      {"其中：东县到位资金10.00亿元，拨付资金9.00亿元，支付资金8.00亿元；西县到位资金20.00亿元，拨付资金18.00亿元，支付资金17.00亿元。",
       "30.00亿元", Verdict::kPass},
      {"其中：东县到位资金10.00亿元，拨付资金9.00亿元，支付资金8.00亿元；西县到位资金20.00亿元，拨付资金18.00亿元，支付资金17.00亿元。",
       "25.00亿元", Verdict::kPass},
      // ASCII semicolons between the groups, and one sum off.
      {"其中:东县到位资金10.00亿元,拨付资金9.00亿元,支付资金8.00亿元;西县到位资金19.00亿元,拨付资金18.00亿元,支付资金17.00亿元。",
       "30.00亿元", Verdict::kFail},
      {"其中:东县到位资金10.00亿元,拨付资金9.00亿元,支付资金8.00亿元;西县到位资金19.00亿元,拨付资金18.00亿元,支付资金17.00亿元。",
       "27.00亿元", Verdict::kPass},
  };
  for (const auto& c : cases) {
    std::string text = std::string(kLead) + c.text;
    INFO(text);
    Document doc = DocumentOf(text);
    auto got = Pick(Run(ParseFigures, doc), CheckId::kSumBreakdown, c.stated);
    REQUIRE(got.size() == 1);
    INFO(got.front().arithmetic);
    CHECK(got.front().verdict == c.verdict);
  }
  // A group that names no part of a total leaves that total unchecked; a part that no total's
  // words name leaves the shape to the plain reading (nothing is summed across the totals).
  // One value stated twice before the list is one total, still checked.
  {
    Document doc = DocumentOf("预算总收入1745.25万元，决算收入1745.25万元。其中基本支出769.02万元，项目支出976.26万元。");
    auto got = Pick(Run(ParseFigures, doc), CheckId::kSumBreakdown, "");
    REQUIRE(got.size() == 1);
    CHECK(got.front().verdict == Verdict::kFail);
  }
  const char* unchecked[] = {
      "其中：东县到位资金10.00亿元，拨付资金9.00亿元；西县到位资金20.00亿元，支付资金17.00亿元。",
      "其中：东县到位资金10.00亿元，其他收入3.00亿元；西县到位资金20.00亿元，其他收入1.00亿元。",
  };
  for (const char* u : unchecked) {
    std::string text = std::string(kLead) + u;
    INFO(text);
    Document doc = DocumentOf(text);
    for (const auto& c : Pick(Run(ParseFigures, doc), CheckId::kSumBreakdown, "")) {
      INFO(c.arithmetic);
      CHECK(c.stated != "27.00亿元");
      CHECK(c.stated != "25.00亿元");
      CHECK(c.verdict != Verdict::kFail);
    }
  }
}

TEST_CASE("figures: no false alarms", "[figures]") {
  const char* texts[] = {
      // Overlapping categories are not a partition.
      "全市园区共引进 96 个项目，其中亿元以上项目 58 个，新动工项目 89 个，新投产项目 60 个；",
      // A share of a total that is not stated: no rate word, nothing to check.
      "累计完成固定资产投资 8.28 亿元，占年度固定资产投资总额的 48.07%；",
      // Same words, different clauses of one paragraph.
      "目前已动工项目 7 个，其余项目正谋划；另一批目前已动工项目 11 个。",
      // A target and its actual are not a restatement.
      "力争新增规上工业企业40家。\n新增规上工业企业42家。",
      // Formula operands stated as used, or two figures near the operand: no restatement to check.
      "结余资金为 51234.5 元，扣除后的支出数=7460021.35 元，结余率=51234.5/7460021.35=0.69%。",
      "预算数 7460021.35 元，调整数 7460029.35 元，差异率=(7460025.35-7460021.35)/7460021.35=0.00%。",
      // A figure over a span of years is no restatement of one year's.
      "10年来本市政府采购预算总量达到523亿元，完成实际采购支出459亿元，节约资金64亿元。\n"
      "2009年实施政府采购预算130.3亿元。完成实际采购支出116.4亿元，节约资金13.9亿元。",
      // A second 其中 among the parts nests parts of one part: where they end is not written.
      "三公经费支出决算为62.07万元。其中:因公出国(境)费12.02万元;公务用车购置及运行维护费27.46万元;"
      "其中:公务用车购置0万元;公务用车运行维护费27.46万元;公务接待费22.59万元。",
      // A denied comparison, and 无 inside a name, are not nil amounts.
      "计划采购金额为6.53万元，实际采购金额为6.53万元，不存在实际采购金额大于计划采购金额的情况。",
      "监测站设备租赁收入 16800 元，无线电监测站设备租赁收入已上缴。",
      // A plan for another quantity than the target's is not checked against it.
      "预计全区供水投资 10.00 亿元，实际为 12.00 亿元。\n2026年主要目标是：供水投资增长 5%。\n全年力争完成排水投资 11.60 亿元。",
      // Another expense's actual spending is not the department's.
      "部门整体支出决算数1745.25万元。\n“三公”经费预算数 222200 元，实际支出 201,838.83 元。",
      // Last year's and planned figures are other accounts.
      "部门整体支出决算数1745.25万元。\n上年支出决算数1600.00万元，计划支出决算数1800.00万元。",
  };
  testing::CheckAllPass(ParseFigures, texts);
}

// Readings an auditor would not sign, each beside a control that is still an error: an aside that
// names some of a count, a change from nothing to nothing, bounds as a rate's inputs, table cells
// run together into one percent; and a change in the sentence before a 其中 list is not its total.
TEST_CASE("figures: asides, nil changes, bounds and glued cells", "[figures]") {
  struct Row {
    const char* text;
    CheckId check;
    bool flagged;  // an error or a warning of `check` is expected
  };
  const Row rows[] = {
      // "(含…)" names two of the eighteen, not the list of them.
      {"对全市18个乡镇(含城关镇、河口镇)的农田水利资金开展了评价。", CheckId::kSumBreakdown, false},
      {"对全市3个乡镇(城关镇、河口镇)开展了评价。", CheckId::kSumBreakdown, true},
      // 0 before, 0 now, "增长 0%": no change; from 0 to 5 it is no 0% growth.
      {"经营收入 0.00 万元，较上年增加 0.00 万元，增长 0%。", CheckId::kChangeYoy, false},
      {"经营收入 5.00 万元，较上年增加 5.00 万元，增长 0%。", CheckId::kChangeYoy, true},
      // "突破"/"超过" give bounds: 58.2% cannot be recomputed from them.
      {"全年完成采购规模突破 500 亿元，其中工程类采购超过 300 亿元，工程类占比 58.2%。", CheckId::kRateRatio, false},
      {"全年完成采购规模 500 亿元，其中工程类采购 300 亿元，工程类占比 58.2%。", CheckId::kRateRatio, true},
      // "2000 2000 100%" extracted without spaces is no share above 100%.
      {"预算执行情况(万元)(20分)预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)年度财政资金总额20002000100%20",
       CheckId::kRateRatio, false},
      {"本项目资金执行率为100%，占比为180%。", CheckId::kRateRatio, true},
      // The total of a 其中 list in the sentence before is its level, not its change: 600 + 200 is
      // checked against 850 (an error), not dropped against 50.
      {"本年收入850.00万元，比上年增加50.00万元。其中：财政拨款收入600.00万元，事业收入200.00万元。",
       CheckId::kSumBreakdown, true},
      {"本年收入800.00万元，比上年增加50.00万元。其中：财政拨款收入600.00万元，事业收入200.00万元。",
       CheckId::kSumBreakdown, false},
      // Namesakes in two budgets are two accounts; in one budget, one account stated twice.
      {"1. 一般公共预算执行情况\n全区一般公共预算收入完成100.0亿元，完成年度预算的100.2%。加上转移性收入40.0亿元，收入合计140.0亿元。\n"
       "2. 政府性基金预算执行情况\n全区政府性基金预算收入完成80.0亿元，完成年度预算的96.6%。加上转移性收入20.0亿元，收入合计100.0亿元。",
       CheckId::kFigureRestated, false},
      {"1. 一般公共预算执行情况\n全区一般公共预算收入完成100.0亿元，完成年度预算的100.2%。加上转移性收入40.0亿元，收入合计140.0亿元。\n"
       "2. 平衡情况\n全区一般公共预算收支平衡，加上转移性收入42.0亿元，收入合计142.0亿元。",
       CheckId::kFigureRestated, true},
      // "完成调整预算的99.7%" names its base; a figure labelled otherwise elsewhere is not it.
      {"财政总收入66.46亿元，比上年增长20.8%，其中：一般公共预算收入38.33亿元，完成调整预算的99.7%，比上年增长16.1%。\n"
       "转移性支出等55.55亿元(包括体制上解支出14.17亿元，地方政府一般债务还本支出38.47亿元)。",
       CheckId::kRateRatio, false},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    Document doc = DocumentOf(row.text);
    bool flagged = false;
    for (const auto& c : Run(ParseFigures, doc)) {
      INFO(c.arithmetic);
      flagged |= c.check == row.check && c.verdict != Verdict::kPass;
    }
    CHECK(flagged == row.flagged);
  }
}

// Text that cites a table's total row: the figure against the 合计 cell, the count against the rows.
TEST_CASE("figures: text citing a table's total", "[figures][tables]") {
  const std::string table =
      "资金项目 资金额度 自评分 权重 指标得分\n"
      "甲项目 60.00 90 60.00% 5.40\n"
      "乙项目 30.00 100 30.00% 3.00\n"
      "丙项目 10.00 80 10.00% 0.80\n"
      "合计 100.00 270 100% 9.20\n";
  testing::Parser both = [](const Document& doc, const Rules& rules, Outline* out) {
    ParseTables(doc, rules, out);
    ParseFigures(doc, rules, out);
  };
  struct Case {
    const char* sentence;
    CheckId check;
    const char* stated;
    Verdict verdict;
  };
  const Case cases[] = {
      {"专项资金共计 3 个，满分为 300 分，各项目自评得分合计 270.00 分。", CheckId::kTableRow, "3个",
       Verdict::kPass},
      {"专项资金共计 4 个，满分为 400 分，各项目自评得分合计 270.00 分。", CheckId::kTableRow, "4个",
       Verdict::kFail},
      {"专项资金共计 3 个，各项目自评得分合计 270.00 分。", CheckId::kTableColumn, "270.00分",
       Verdict::kPass},
      {"专项资金共计 3 个，各项目自评得分合计 272.00 分。", CheckId::kTableColumn, "272.00分",
       Verdict::kFail},
  };
  for (const Case& c : cases) {
    INFO(c.sentence);
    Document doc = DocumentOf(table + "\n" + c.sentence);
    auto got = Pick(Run(both, doc), c.check, c.stated);
    REQUIRE(got.size() == 1);
    CHECK(VerdictName(got.front().verdict) == std::string(VerdictName(c.verdict)));
  }
  // A total of another kind (no shared word with any column) is not a citation.
  Document other = DocumentOf(table + "\n全年培训共计 3 个班次，参训人员合计 270.00 万元。");
  CHECK(Pick(Run(both, other), CheckId::kTableRow, "3个").empty());
}

// A total row over rows of two numbering levels (the 三公经费 table of every 决算: "2．" and its
// parts "（1）" "（2）"): the column adds up the outermost level only; levels the names do not nest
// leave the column unchecked.
TEST_CASE("tables: a column total over nested numbered rows", "[figures][tables]") {
  struct Case {
    const char* table;
    const char* stated;  // the total cell
    int checked;         // table.column relations on it (0: not summed)
    Verdict verdict;
  };
  const Case cases[] = {
      {"项目 预算数 决算数\n合计 4.00 3.50\n1.因公出国(境)费 0.00 0.00\n2.公务用车购置及运行费 2.50 2.00\n"
       "(1)公务用车购置费 0.00 0.00\n(2)公务用车运行费 2.50 2.00\n3.公务接待费 1.50 1.50\n",
       "4.00", 1, Verdict::kPass},
      {"项目 预算数 决算数\n合计 5.00 3.50\n1.因公出国(境)费 0.00 0.00\n2.公务用车购置及运行费 2.50 2.00\n"
       "(1)公务用车购置费 0.00 0.00\n(2)公务用车运行费 2.50 2.00\n3.公务接待费 1.50 1.50\n",
       "5.00", 1, Verdict::kFail},
      // One level: every row is a part.
      {"项目 预算数 决算数\n因公出国(境)费 0.00 0.00\n公务用车购置及运行费 2.50 2.00\n公务接待费 1.50 1.50\n"
       "合计 4.00 3.50\n",
       "4.00", 1, Verdict::kPass},
      // 功能分类科目 by code: 类 (3 digits) add up to the total, their 款 and 项 are their parts.
      {"项目 预算数 决算数\n合计 826.58 825.47\n208 社会保障和就业支出 18.62 18.62\n"
       "20805 行政事业单位养老支出 18.62 18.62\n2080505 机关事业单位基本养老保险缴费支出 12.41 12.41\n"
       "2080506 机关事业单位职业年金缴费支出 6.21 6.21\n213 农林水支出 795.61 795.61\n"
       "21301 农业农村 795.61 795.61\n2130104 事业运行 109.68 109.68\n221 住房保障支出 11.24 11.24\n"
       "2210201 住房公积金 11.24 11.24\n",
       "825.47", 1, Verdict::kPass},
      {"项目 预算数 决算数\n合计 826.58 825.47\n208 社会保障和就业支出 18.62 18.62\n"
       "20805 行政事业单位养老支出 18.62 18.62\n213 农林水支出 795.61 795.61\n221 住房保障支出 11.24 11.24\n",
       "826.58", 1, Verdict::kFail},
      // A name that starts with a year is no 科目编码.
      {"资金项目 资金额度 自评分\n甲项目经费 10.00 96\n2021 年度园区评价工作经费 5.00 100\n合计 15.00 196\n",
       "15.00", 1, Verdict::kPass},
      // A row with an empty cell: which column is empty the text does not show. Not summed.
      {"项目 预算数 决算数\n合计 4.00 4.00\n甲项目 0.50\n乙项目 2.50 2.00\n丙项目 1.50 1.50\n", "4.00", 0,
       Verdict::kPass},
      // A 款 before any 类 (the table went on from another page): not summed.
      {"项目 预算数 决算数\n合计 832.82 832.82\n20805 行政事业单位养老支出 18.62 18.62\n"
       "213 农林水支出 795.61 795.61\n221 住房保障支出 11.24 11.24\n",
       "832.82", 0, Verdict::kPass},
      // An unnumbered row among numbered ones: which level it belongs to is not written.
      {"项目 预算数 决算数\n合计 4.00 3.50\n1.因公出国(境)费 0.00 0.00\n2.公务用车购置及运行费 2.50 2.00\n"
       "其中：公务用车运行费 2.50 2.00\n3.公务接待费 1.50 1.50\n",
       "4.00", 0, Verdict::kPass},
  };
  testing::Parser tables = [](const Document& doc, const Rules& rules, Outline* out) {
    ParseTables(doc, rules, out);
  };
  for (const Case& c : cases) {
    INFO(c.table);
    auto got = Pick(Run(tables, DocumentOf(c.table)), CheckId::kTableColumn, c.stated);
    REQUIRE(static_cast<int>(got.size()) == c.checked);
    if (c.checked > 0) CHECK(VerdictName(got.front().verdict) == std::string(VerdictName(c.verdict)));
  }
}

// The documents in corpus/styles are written in other styles than the corpus; each has planted
// errors that must be found, and nothing else.
TEST_CASE("figures and claims on documents in other styles", "[figures][claims][styles]") {
  struct Expected {
    const char* file;
    std::vector<std::pair<CheckId, std::string>> findings;  // check, stated
  } docs[] = {
      {"county-science-bureau-2023.txt", {{CheckId::kRateRatio, "96.00%"}}},
      {"city-economy-bureau-2022.txt",
       {{CheckId::kSumBreakdown, "4,512.36万元"},
        {CheckId::kRateRatio, "97.79%"},
        {CheckId::kClaimContradiction, "均已完成"},
        {CheckId::kClaimContradiction, "25"},
        {CheckId::kClaimContradiction, "100"}}},
      // Accounts named in other words and units, a formula's operand, staff post by post, text
      // citing a table.
      {"district-water-bureau-2025.txt",
       {{CheckId::kClaimContradiction, "2"},
        {CheckId::kFigureRestated, "32540000.00元"},
        {CheckId::kFigureRestated, "702021.50"},
        {CheckId::kTableRow, "5"}}},
  };
  auto rules = Rules::Builtin();
  REQUIRE(rules.ok());
  for (const auto& e : docs) {
    INFO(e.file);
    auto doc = LoadDocument(std::string(JIXIAO_SOURCE_DIR) + "/corpus/styles/" + e.file);
    REQUIRE(doc.ok());
    AuditResult r = Audit(*doc, *rules);
    for (const auto& [check, stated] : e.findings) {
      INFO(CheckName(check) << " " << stated);
      bool found = false;
      for (const auto& f : r.findings) found |= f.check == check && f.stated == stated;
      CHECK(found);
    }
    for (const auto& f : r.findings) {
      bool expected = false;
      for (const auto& [check, stated] : e.findings) expected |= f.check == check && f.stated == stated;
      INFO(CheckName(f.check) << " " << f.stated << ": " << f.arithmetic);
      CHECK(expected);
    }
  }
}

}  // namespace
}  // namespace jixiao

namespace jixiao {
namespace {

// Relations inside an indicator's heading and body carry its path.
TEST_CASE("figures: relations take the path of their indicator", "[figures]") {
  std::string text = "(4)政府采购执行率\n计划金额为6.53万元，实际采购金额为6.53万元，政府采购执行率为 100%。";
  Document doc = testing::DocumentOf(text);
  Outline out;
  Indicator parent, leaf;
  parent.name = "资金管理";
  parent.heading = Span{0, 1};
  parent.body = Span{0, doc.text.size()};
  leaf.name = "政府采购执行率";
  leaf.level = 2;
  leaf.parent = 0;
  leaf.heading = Span{0, doc.text.find('\n')};
  leaf.body = Span{doc.text.find('\n'), doc.text.size()};
  out.indicators = {parent, leaf};
  ParseFigures(doc, testing::BuiltinRules(), &out);
  REQUIRE(!out.relations.empty());
  CHECK(out.relations.front().path == std::vector<std::string>{"资金管理", "政府采购执行率"});
}

}  // namespace
}  // namespace jixiao
