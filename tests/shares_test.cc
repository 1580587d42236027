// Figures stated in fiscal prose: shares that name their base (占X的 p%), the base written in the
// share (占年初预算数 N 万元的 p%), parts whose shares add up to 100%, 同比增长 Y%，增收 X 万元, and
// totals built up with 加上. Table-driven: each case passes, or is a finding, as an auditor would
// sign it; the last table holds readings that must give no finding at all.
#include <catch2/catch.hpp>

#include "audit/audit.h"
#include "audit_testing.h"

namespace jixiao {
namespace {

using testing::DocumentOf;
using testing::Pick;
using testing::Run;

using testing::Case;
using testing::CheckCases;

TEST_CASE("shares: the base a share names, stated before it", "[figures][shares]") {
  const Case cases[] = {
      // The base in the sentence before the 其中 list.
      {"一般公共预算收入完成151亿元，同比增加21亿元。其中：税收收入完成95.1亿元，占一般公共预算收入的63%；非税收入完成55.9亿元，占一般公共预算收入的37%。",
       CheckId::kRateRatio, "63%", Verdict::kPass},
      {"一般公共预算收入完成151亿元，同比增加21亿元。其中：税收收入完成95.1亿元，占一般公共预算收入的73%；非税收入完成55.9亿元，占一般公共预算收入的27%。",
       CheckId::kRateRatio, "73%", Verdict::kFail},
      // No 的; a last digit off is a warning.
      {"基本支出预算 881300.39 元。其中：工资福利支出预算 716052.51 元，占基本支出预算81.25%。商品和服务支出预算 165247.88 元，占基本支出预算18.76%。",
       CheckId::kRateRatio, "81.25%", Verdict::kPass},
      {"基本支出预算 881300.39 元。其中：工资福利支出预算 716052.51 元，占基本支出预算81.25%。商品和服务支出预算 165247.88 元，占基本支出预算18.76%。",
       CheckId::kRateRatio, "18.76%", Verdict::kWarning},
      // The figure that names the base best: 收入, not 支出; the whole, not a part's scope (旗级).
      {"全盟一般公共预算收入累计完成310682万元；一般公共预算支出累计完成1107315万元。按收入结构分，税收收入累计完成213251万元，占一般公共预算收入的68.6%。",
       CheckId::kRateRatio, "68.6%", Verdict::kPass},
      {"全盟一般公共预算支出累计完成1107315万元。旗级一般公共预算支出累计完成819317万元。全部支出中，民生支出797546万元，占一般公共预算支出的72.0%。",
       CheckId::kRateRatio, "72.0%", Verdict::kPass},
      // Parts whose shares add up to 100% partition the whole.
      {"一般公共预算收入完成151亿元。其中：税收收入完成95.1亿元，占一般公共预算收入的63%；非税收入完成55.9亿元，占一般公共预算收入的37%。",
       CheckId::kSumBreakdown, "151亿元", Verdict::kPass},
      {"基本支出预算 1000 元。其中：人员经费 700 元，占基本支出预算的70%；公用经费 200 元，占基本支出预算的30%。",
       CheckId::kSumBreakdown, "1000元", Verdict::kFail},
      // The base written in the share.
      {"全区一般公共预算收入累计完成61646万元，占年初预算数109466万元的56.3%。", CheckId::kRateRatio, "56.3%",
       Verdict::kPass},
      {"全区一般公共预算收入累计完成61646万元，占年初预算数109466万元的66.3%。", CheckId::kRateRatio, "66.3%",
       Verdict::kFail},
      // The percent before the amount; the base of a share is not the current level.
      {"地方一般公共预算收入完成28,583万元，占调整预算105.47%，同比增长10.85%，增收2,798万元。",
       CheckId::kChangeYoy, "10.85%", Verdict::kPass},
      {"地方一般公共预算收入完成30,161万元，同比增长14.6%，增收4,376万元。", CheckId::kChangeYoy, "14.6%",
       Verdict::kFail},
      {"全区一般公共预算收入累计完成61646万元，占年初预算数109466万元的56.3%，同比增长10.7%，增收5939万元。",
       CheckId::kChangeYoy, "10.7%", Verdict::kPass},
      // A total built up with 加上, after a 其中 sentence.
      {"一般公共预算收入完成147.1亿元，同比增长7.2%。加上转移性收入49.2亿元，收入合计196.3亿元。",
       CheckId::kSumBreakdown, "196.3亿元", Verdict::kPass},
      {"政府性基金预算收入完成130.2亿元。其中：国有土地使用权出让收入完成125.6亿元。加上转移性收入33.8亿元，收入合计165.0亿元。",
       CheckId::kSumBreakdown, "165.0亿元", Verdict::kFail},
      {"本级收入完成100万元，加上上级补助收入20万元、上年结余5万元，收入总计125万元。", CheckId::kSumBreakdown,
       "125万元", Verdict::kPass},
      // A trailing 预算 of the base names no other figure; the parts add up to the whole.
      {"2. 项目支出 469500 元，占一般公共预算支出的 19.62%。其中：工资福利支出 12000 元，占项目支出预算 2.56%；商品和服务支出 426000 元，占项目支出预算 90.73%；资本性支出 31500 元，占项目支出预算 6.71%。",
       CheckId::kSumBreakdown, "469500元", Verdict::kPass},
      {"2. 项目支出 469500 元。其中：工资福利支出 12000 元，占项目支出预算 2.56%；商品和服务支出 426000 元，占项目支出预算 91.73%。",
       CheckId::kRateRatio, "91.73%", Verdict::kWarning},  // across sentences: a warning
      // A whole split by a criterion it names.
      {"地方一般公共预算收入完成1720万元。地方收入按构成分：税收收入1035万元，同比下降28.7%；非税收入685万元，同比下降14.3%。",
       CheckId::kSumBreakdown, "1720万元", Verdict::kPass},
      {"地方一般公共预算收入完成1720万元。地方收入按部门分：税务部门完成1431万元，同比下降10.3%；财政部门完成389万元，同比下降55.9%。",
       CheckId::kSumBreakdown, "1720万元", Verdict::kFail},
      // Bases written in the parts' shares are neither parts nor a total of the 其中 list.
      {"全县财政总收入完成4348万元，占年初预算10065万元的43.2%。其中：税收收入3511万元，占年初预算8465万元的41.5%；非税收入837万元，占年初预算1600万元的52.3%。",
       CheckId::kSumBreakdown, "4348万元", Verdict::kPass},
      // A whole split into named parts, its figure not stated: the parts' shares of it are checked
      // against their sum ("分为基本支出预算和项目支出预算", then each part with its share).
      {"(二)按支出结构分类划分,分为基本支出预算和项目支出预算。\n1. 基本支出预算 2476260.58 元,占一般公共预算支出的84.06%,同比减少 4966.66 元,下降 0.2%。\n2. 项目支出 469500 元,占一般公共预算支出的 15.94%,同比增加 70100 元。",
       CheckId::kRateRatio, "84.06%", Verdict::kPass},
      {"(二)按支出结构分类划分,分为基本支出预算和项目支出预算。\n1. 基本支出预算 2476260.58 元,占一般公共预算支出的84.06%,同比减少 4966.66 元,下降 0.2%。\n2. 项目支出 469500 元,占一般公共预算支出的 19.62%,同比增加 70100 元。",
       CheckId::kRateRatio, "19.62%", Verdict::kFail},
      {"本年部门支出分为人员经费、公用经费及项目经费：人员经费 600 万元，占部门支出总额的 60%；公用经费 100 万元，占部门支出总额的 10%；项目经费 300 万元，占部门支出总额的 35%。",
       CheckId::kRateRatio, "35%", Verdict::kFail},
      {"本年部门支出分为人员经费、公用经费及项目经费：人员经费 600 万元，占部门支出总额的 60%；公用经费 100 万元，占部门支出总额的 10%；项目经费 300 万元，占部门支出总额的 30%。",
       CheckId::kRateRatio, "10%", Verdict::kPass},
      {"收入分为财政拨款收入与其他收入。财政拨款收入 95.00 万元，占部门收入合计的 95.00%；其他收入 5.00 万元，占部门收入合计的 4.50%。",
       CheckId::kRateRatio, "4.50%", Verdict::kFail},
      // A bare 占 in a list opened by its base ("…支出决算中,"), the base's figure stated before.
      {"2023年度“三公”经费财政拨款支出决算为62.07万元。\n2023年度“三公”经费财政拨款支出决算中,因公出国(境)费12.02万元,占19.4%;公务用车购置及运行维护费支出27.46万元,占44.2%;公务接待费支出22.59万元,占36.4%。",
       CheckId::kRateRatio, "36.4%", Verdict::kPass},
      {"2023年度“三公”经费财政拨款支出决算为62.07万元。\n2023年度“三公”经费财政拨款支出决算中,因公出国(境)费12.02万元,占19.4%;公务用车购置及运行维护费支出27.46万元,占44.2%;公务接待费支出22.59万元,占30.4%。",
       CheckId::kRateRatio, "30.4%", Verdict::kWarning},
      {"部门支出合计 500 万元。\n部门支出中，基本支出 400 万元，占 80%；项目支出 100 万元，占 20%。", CheckId::kSumBreakdown,
       "500万元", Verdict::kPass},
      {"部门支出合计 500 万元。\n部门支出中，基本支出 400 万元，占 70%；项目支出 100 万元，占 20%。", CheckId::kRateRatio,
       "70%", Verdict::kWarning},
  };
  CheckCases(ParseFigures, cases, /*exactly_one=*/true);
}

TEST_CASE("shares: readings that give no finding", "[figures][shares]") {
  const char* texts[] = {
      // Too few words to tell which figure is the base ("年初预算" keeps its 预算).
      "一般公共预算收入完成300万元。税收收入200万元，占年初预算 50%。",
      // Too few words to tell which figure is the base.
      "一般公共预算收入完成300万元。税收收入200万元，占预算的50%。",
      // No figure named as the base.
      "累计完成固定资产投资 8.28 亿元，占年度固定资产投资总额的 48.07%；",
      // Two figures named alike; the nearest does not fit, the other does: not known which is meant.
      "一般公共预算收入完成300万元。一般公共预算收入(同口径)完成400万元。税收收入完成200万元，占一般公共预算收入的66.7%。",
      // A change is no part of a share.
      "一般公共预算收入完成300万元。同比增加20万元，占一般公共预算收入的10%。",
      // A cell of a table row is no base.
      "一般公共预算支出 100万元 200万元\n民生支出完成80万元，占一般公共预算支出的50%。",
      // 加上 with a subtraction, or a partial list, or a subject of its own with no figure.
      "本级收入完成100万元，加上上级补助收入20万元，减去上解支出5万元，收入合计130万元。",
      "本级收入完成100万元，加上上级补助收入20万元等，收入合计130万元。",
      "本级收入完成100万元。上级补助加上调入资金20万元，收入合计130万元。",
      // The bases written in shares are of each figure's own budget: no restatement of one another.
      "全县财政总收入完成4348万元，占年初预算10065万元的43.2%。\n地方收入按构成分：税收收入1035万元，占年初预算2400万元的43.1%。",
      "政府性基金预算收入累计完成2236万元，完成年初预算数25200万元的8.9%。\n政府性基金支出累计完成5308万元，完成年初预算数24710万元的21.5%。",
      // A split whose whole is not named ("按征收部门分") is not read.
      "地方一般公共预算收入完成2000万元。按征收部门分：税务部门完成1431万元；财政部门完成289万元。",
      // Only some of the shares: 91.40% + 8.55% is not 100%.
      "本年收入合计6023.69万元，其中：财政拨款收入5505.38万元，占收入合计的91.40%；事业收入514.89万元，占收入合计的8.55%；……",
      // A bare 占 with no opener naming its base, or after 其中.
      "部门支出合计 500 万元。基本支出 400 万元，占 70%。",
      "部门支出合计 500 万元。其中，基本支出 400 万元，占 70%。",
      // The opener names the 决算; the figure before it is the 年初预算: not its base.
      "2017年度“三公”经费财政拨款支出年初预算为22.00万元，支出决算为8.77万元。\n2017年度“三公”经费财政拨款支出决算中，因公出国(境)费支出决算1.00万元，占11.40%；公务用车购置及运行维护费支出决算7.77万元，占88.60%。",
      // A split with a share of only one part: the base is not known to be their sum.
      "支出分为基本支出和项目支出。基本支出 800 元，占一般公共预算支出的 40%。项目支出 200 元。",
      // No share agrees with the parts' sum: the split is not of the base the shares name.
      "支出分为基本支出和项目支出。基本支出 800 元，占部门预算的 40%。项目支出 200 元，占部门预算的 10%。",
      // A name with 和 inside: the pieces do not each name one part.
      "基本支出分为工资福利支出和商品和服务支出。工资福利支出 700 元，占基本支出总额的 70%；商品和服务支出 300 元，占基本支出总额的 40%。",
      // A part stated before the split is not its part ("分为" looks forward only).
      "基本支出 800 元，占部门预算支出的 40%。支出分为基本支出和项目支出。项目支出 200 元，占部门预算支出的 20%。",
  };
  testing::CheckAllPass(ParseFigures, texts);
}

}  // namespace
}  // namespace jixiao
