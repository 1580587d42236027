// Forms read end to end from text (structure + forms), the funds block and block titles: a
// Sichuan header whose group label (年度预算数(万元)) spans the amount columns, a funds block's
// rows placed by its conventions (scoring cells on the total row only, `-` on 其中 rows), empty
// 其中 cells (an empty cell is not a 0: never a false sum.breakdown), and a block title's max
// (绩效指标(90分)) over the rows of its block. Each case fails if its class breaks.
#include <catch2/catch.hpp>

#include "audit/forms.h"
#include "audit_testing.h"
#include "structure/structure.h"

namespace jixiao {
namespace {

using testing::BuiltinRules;

using testing::FormChecksOf;

std::vector<CheckResult> Of(const std::vector<CheckResult>& all, CheckId check) {
  std::vector<CheckResult> out;
  for (const auto& c : all)
    if (c.check == check) out.push_back(c);
  return out;
}

int Count(const std::vector<CheckResult>& v, Verdict verdict) {
  int n = 0;
  for (const auto& c : v) n += c.verdict == verdict;
  return n;
}

const char* kSichuanFunds =
    "部门预算项目支出绩效自评表（2023年度）\n"
    "项目名称 某项目\n"
    "预算执行情况（10分） 年度预算数（万元） 年初预算 调整后预算数 预算执行数 预算执行率 权重 得分 原因\n";

TEST_CASE("forms funds: a Sichuan block read by counting under a group label", "[forms][funds]") {
  struct Case {
    const char* name;
    std::string rows;
    int rate_fail, sum_fail, rate_pass;
  };
  const Case cases[] = {
      {"execution rate off, adjusted budget not the sum",
       "总额 0.00 3.36 3.36 96.00% 10 9.6 1.预算执行率=预算执行数/调整后预算数，未达到90%的需说明原因。\n"
       "其中：财政资金 0.00 3.16 3.36 106.33% / /\n财政专户管理资金 0.00 0.00 0.00 0.00% / /\n",
       1, 1, 2},  // 106.33% holds; 0.00% on an empty row is the Sichuan convention
      {"consistent",
       "总额 10.00 20.00 19.00 95.00% 10 9.5\n其中：财政资金 10.00 20.00 19.00 95.00% / /\n", 0, 0, 2},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    auto all = FormChecksOf(std::string(kSichuanFunds) + c.rows);
    auto rates = Of(all, CheckId::kRateRatio);
    CHECK(Count(rates, Verdict::kFail) == c.rate_fail);
    CHECK(Count(rates, Verdict::kPass) == c.rate_pass);
    CHECK(Count(Of(all, CheckId::kSumBreakdown), Verdict::kFail) == c.sum_fail);
    CHECK(Of(all, CheckId::kSumBreakdown).size() >= 3);
  }
}

TEST_CASE("forms funds: rows placed by the funds block's conventions", "[forms][funds]") {
  struct Case {
    const char* name;
    std::string block;
    size_t sums;        // sum.breakdown checks run (one per amount column)
    bool scored;        // the total row's 得分 read (score.from_rate)
  };
  const std::string head = "项目支出绩效自评表\n项目名称 某项目\n项目资金（万元） 年初预算数 全年预算数（A） 全年执行数（B） 分值 执行率（B/A） 得分\n";
  const Case cases[] = {
      {"执行率 left empty on the total row, - on the 其中 row",
       "年度资金总额： 880 880 880 10 10\n其中：本年财政拨款 880 880 880 - -\n上年结转资金 - -\n", 3, true},
      {"其中 row with its amounts only", "年度资金总额 43.2 43.2 37.24 10 86% 8.6\n其中：当年财政拨款 43.2 43.2 37.24\n上年结转资金\n",
       3, true},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    auto all = FormChecksOf(head + c.block + "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n产出指标 数量指标 完成数量 1 1 90 90\n");
    auto sums = Of(all, CheckId::kSumBreakdown);
    CHECK(sums.size() == c.sums);
    CHECK(Count(sums, Verdict::kFail) == 0);
    CHECK(Of(all, CheckId::kScoreFromRate).empty() != c.scored);
  }
}

TEST_CASE("forms funds: an empty 其中 cell is not a 0", "[forms][funds]") {
  const std::string head =
      "项目支出绩效自评表\n"
      "| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
      "| 年度资金总额 | 43.2 | 43.2 | 37.24 | 10 | 86% | 8.6 |\n";
  struct Case {
    const char* name;
    std::string parts;
    int fails, warnings;
  };
  const Case cases[] = {
      // The other 其中 rows state nothing in any column: the row filled falls short of 年初 (a
      // warning: the rows may just be unfilled), and makes 全年 and 执行数 (pass).
      {"rows empty throughout", "| 其中：当年财政拨款 | 40.2 | 43.2 | 37.24 | |\n| 上年结转资金 | | | | |\n| 其他资金 | | | | |\n", 0, 1},
      {"rows empty throughout, the row filled above the total",
       "| 其中：当年财政拨款 | 50 | 43.2 | 37.24 | |\n| 上年结转资金 | | | | |\n", 1, 0},
      // A row with amounts in other columns: its empty 年初 cell is not known, 40.2 is a lower bound.
      // One filled 其中 row, written to the total's decimals: rounding is monotone, so a 其中
      // figure one unit above the total exceeds it (not "within rounding"), in both layouts.
      {"one filled row, one unit above the total",
       "| 其中：当年财政拨款 | 43.3 | 43.2 | 37.24 | |\n| 上年结转资金 | | | | |\n| 其他资金 | | | | |\n", 1, 0},
      {"one filled row equal to the total", "| 其中：本年财政拨款 | 43.2 | 43.2 | 37.24 | |\n| 其他资金 | | | | |\n", 0, 0},
      {"an empty cell in a row with amounts",
       "| 其中：当年财政拨款 | 40.2 | 40.2 | 37.24 | |\n| 上年结转资金 | | 3 | 0 | |\n| 其他资金 | | | | |\n", 0, 0},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    auto all = FormChecksOf(head + c.parts);
    CHECK(Count(Of(all, CheckId::kSumBreakdown), Verdict::kFail) == c.fails);
    CHECK(Count(Of(all, CheckId::kSumBreakdown), Verdict::kWarning) == c.warnings);
  }
  // Rows read by counting: a 其中 row whose cells cannot be placed (年初 or 全年 blank?) is not
  // read, so the rows read are only a lower bound of the total.
  const std::string counted =
      "项目支出绩效自评表\n项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
      "年度资金总额 50 60 60 10 100% 10\n其中：本年财政拨款 50 50 50\n上年结转资金 10 10\n"
      "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n产出指标 数量指标 完成数量 1 1 90 90\n";
  auto all = FormChecksOf(counted);
  auto sums = Of(all, CheckId::kSumBreakdown);
  CHECK(sums.size() == 3);
  CHECK(Count(sums, Verdict::kFail) == 0);
}

TEST_CASE("forms funds: one filled 其中 row above an integer total", "[forms][funds]") {
  // Integer amounts (880 stands for [879.5, 880.5]): one 其中 row of 881 under a total of 880
  // exceeds it whatever the rounding; 880 under 880 holds. Rows with `-` only state no amount.
  for (const char* row : {"881 880 880 - -", "880 881 880 - -", "880 880 880 - -"}) {
    INFO(row);
    const std::string text = std::string(
        "项目支出绩效自评表\n项目资金（万元） 年初预算数 全年预算数（A） 全年执行数（B） 分值 执行率（B/A） 得分\n"
        "年度资金总额： 880 880 880 10 10\n其中：本年财政拨款 ") + row + "\n上年结转资金 - -\n其他资金 - -\n"
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n产出指标 数量指标 完成数量 1 1 90 90\n";
    auto sums = Of(FormChecksOf(text), CheckId::kSumBreakdown);
    CHECK(sums.size() == 3);
    CHECK(Count(sums, Verdict::kFail) == (std::string(row) == "880 880 880 - -" ? 0 : 1));
  }
}

TEST_CASE("forms funds: a block title's max over its rows", "[forms][funds]") {
  struct Case {
    const char* name;
    std::string text;
    Verdict verdict;
  };
  const Case cases[] = {
      {"row per line, the title before the header",
       "部门预算项目支出绩效自评表\n绩效指标（90分） 一级指标 二级指标 三级指标 指标性质 指标值 度量单位 完成值 权重 得分 未完成原因分析\n"
       "产出指标 数量指标 足额保障率 = 100 % 100 45 45\n产出指标 时效指标 按时发放率 = 100 % 100 45 45\n合计 100 100\n",
       Verdict::kPass},
      {"pipe rows, a weight too many",
       "部门预算项目支出绩效自评表\n| 绩效指标（90分） | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 |\n"
       "| 产出指标 | 数量指标 | 足额保障率 | = | 100 | % | 100 | 45 | 45 | |\n"
       "| 效益指标 | 社会效益指标 | 按时发放率 | = | 100 | % | 100 | 47.5 | 47.5 | |\n",
       Verdict::kFail},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Outline out;
    auto all = FormChecksOf(c.text, &out);
    std::vector<CheckResult> title;
    for (const auto& r : Of(all, CheckId::kScoreChildrenMax))
      if (!r.path.empty() && r.path.back() == "绩效指标") title.push_back(r);
    REQUIRE(title.size() == 1);
    CHECK(title[0].verdict == c.verdict);
    bool indicator = false;
    for (const auto& i : out.indicators) indicator = indicator || (i.name == "绩效指标" && i.max);
    CHECK(indicator);
  }
}

TEST_CASE("forms funds: a funds block of one row is named by its title", "[forms][funds]") {
  struct Case {
    const char* name;
    std::string text;
    const char* indicator;  // the name of the funds block's scored indicator
  };
  const Case cases[] = {
      {"department form, one row",
       "部门整体绩效自评表\n部门预算执行情况（万元） 年初预算数 全年（调整）预算数 全年执行数 执行率（%） 执行率权重 执行率得分（分）\n"
       "预算资金 76% 10 7.6\n",
       "部门预算执行情况"},
      {"project form with 其中 rows: the total row",
       "项目支出绩效自评表\n项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
       "年度资金总额 20 20 20 10 100% 10\n其中：本年财政拨款 20 20 20\n",
       "年度资金总额"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Outline out;
    FormChecksOf(c.text, &out);
    bool found = false;
    for (const auto& i : out.indicators) found = found || (i.name == c.indicator && i.max && i.score);
    CHECK(found);
  }
}

TEST_CASE("forms funds: a 序号 column is no block title", "[forms][funds]") {
  // The first row is one cell short (its last cells wrap onto the next line): with a 序号 column
  // first, the columns stay where the header puts them (指标分值 is one column).
  const std::string text =
      "2023年度部门整体支出绩效评价自评表\n"
      "| 序号 | 一级指标 | 二级指标 | 三级指标 | 指标分值 | 指标解释 | 指标说明及评分标准 | 自评得分 |\n"
      "| 1 | 规划（9分） | 工作计划（9分） | 年度工作计划完整性 | 5 | 年度工作安排是否完整。 | 计划完整可行\n（5分） | 5 |\n"
      "| 2 | | | 年度工作计划明确性 | 4 | 年度工作安排是否明确。 | 计划明确可操作（4分） | 4 |\n";
  Document doc = testing::DocumentOf(text);
  Structure s = BuildStructure(doc, BuiltinRules());
  REQUIRE(!s.tables.empty());
  const Table& t = s.tables.front();
  REQUIRE(t.columns.size() == 8);
  CHECK(t.columns[0].label == "序号");
  CHECK(t.columns[4].label == "指标分值");
}

}  // namespace
}  // namespace jixiao
