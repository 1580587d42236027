// Relations stated in the narrative: counts with their lists, parts with their asides, a total
// in 元 among totals in 万元, a completion of the budget against the gap the sentence states.
// Invented sentences, several wordings each.
#include <catch2/catch.hpp>

#include "audit/audit.h"
#include "audit/figures.h"
#include "audit_testing.h"
#include "extract/extract.h"

namespace jixiao {
namespace {

using testing::DocumentOf;
using testing::Pick;
using testing::Run;

using testing::Case;
using testing::CheckCases;

void Both(const Document& doc, const Rules& rules, Outline* out) {
  ParseFigures(doc, rules, out);
  ParseClaims(doc, rules, out);
}

TEST_CASE("narrative: counts, asides, units, budget claims", "[narrative]") {
  const Case cases[] = {
      // A count, a word or mark that binds it, and the names it counts.
      {"内设2个中队，即文秘中队、机要中队。", CheckId::kSumBreakdown, "2个", Verdict::kPass},
      {"下设3个科室，即办公室、财务科、业务科、信息科。", CheckId::kSumBreakdown, "3个", Verdict::kFail},
      {"直属事业单位三个,即甲服务中心、乙服务中心。", CheckId::kSumBreakdown, "三个", Verdict::kFail},
      {"纳入部门预算编制范围的单位共3个，分别为局机关本级、甲中心和乙中心。", CheckId::kSumBreakdown,
       "3个", Verdict::kPass},
      {"纳入决算编制范围的单位共4个,分别是:局机关、甲站、乙站、丙所。", CheckId::kSumBreakdown, "4个",
       Verdict::kPass},
      // Asides inside the names are not names; a colon binds; the count's noun may hold 、.
      {"设5个职能股、室：办公室、人事股(党建办、老干办)、财务股、法规股、项目股。", CheckId::kSumBreakdown,
       "5个", Verdict::kPass},
      {"本项目以全县4座(甲水库、乙水库、丙水库、丁水库)除险加固工程的批复为依据。", CheckId::kSumBreakdown,
       "4座", Verdict::kPass},
      {"以5宗（东坑、西坑、南坑、北坑）工程为依据。", CheckId::kSumBreakdown, "5宗", Verdict::kFail},
      // The list before its count, closed by 共; Chinese numerals.
      {"已向东城、西城、南城和北城共四个街道各拨付5万元。", CheckId::kSumBreakdown, "四个", Verdict::kPass},
      {"向甲、乙、丙、丁、戊、己、庚、辛、壬、癸、子和丑共十二个村下拨补助。", CheckId::kSumBreakdown,
       "十二个", Verdict::kPass},
      {"向东村、西村、南村、北村共五个村下拨补助。", CheckId::kSumBreakdown, "五个", Verdict::kFail},
      // A name may hold 和 itself, or 和 may join two: off by that, only a warning.
      {"向东城、西城和北城共四个街道拨付经费。", CheckId::kSumBreakdown, "四个", Verdict::kWarning},
      // A part with its own breakdown in an aside.
      {"现有人员120人，其中机关30人(在职20人、退休10人)，中心90人(在职60人、退休25人、临聘5人)。",
       CheckId::kSumBreakdown, "120人", Verdict::kPass},
      {"现有人员120人，其中机关30人(在职20人、退休10人)，中心90人(在职60人、退休25人、临聘5人)。",
       CheckId::kSumBreakdown, "90人", Verdict::kPass},
      {"现有人员120人，其中机关30人（在职20人、退休10人），中心90人（在职60人、退休25人、临聘7人）。",
       CheckId::kSumBreakdown, "90人", Verdict::kWarning},
      {"决算总收入500.00万元，其中财政拨款收入480.00万元(年初预算安排400.00万元，年中追加80.00万元)，其他收入20.00万元。",
       CheckId::kSumBreakdown, "480.00万元", Verdict::kPass},
      // A 其中 list of parts each followed by what it is used for, a sentence each.
      {"本年一般公共预算基本支出 911000.39 元,其中:\n人员经费 809961.19 元,主要包括:基本工资、津贴补贴、住房公积金。\n公用经费 101039.2 元,主要包括:办公费、工会经费。",
       CheckId::kSumBreakdown, "911000.39元", Verdict::kPass},
      {"本年一般公共预算基本支出 911000.39 元,其中:\n人员经费 809961.19 元,主要包括:基本工资、津贴补贴、住房公积金。\n公用经费 71339.2 元,主要包括:办公费、工会经费。",
       CheckId::kSumBreakdown, "911000.39元", Verdict::kFail},
      {"基本支出450.00万元，其中：人员经费400.00万元，主要用于在职人员工资。公用经费40.00万元，主要用于办公费。对个人和家庭的补助20.00万元，主要用于离退休费。",
       CheckId::kSumBreakdown, "450.00万元", Verdict::kFail},
      {"决算总收入500.00万元，其中财政拨款收入480.00万元(含上年结转30.00万元、代管资金10.00万元)，其他收入20.00万元。",
       CheckId::kSumBreakdown, "480.00万元", Verdict::kPass},
      // A department's total in 元 among its totals in 万元.
      {"决算总收入为1432.33万元，其中财政拨款1420.09万元。年度决算总支出2263.81元。", CheckId::kUnitScale,
       "2263.81元", Verdict::kWarning},
      {"本年收入总计980.50万元；本年支出总计1012.36元。", CheckId::kUnitScale, "1012.36元",
       Verdict::kWarning},
      // Changes of several subjects at once, in the order of their figures.
      {"2022年度收、支总计各是4125.49,4143.91万元。与2021年相比,收、支总计各减少1267.86,2570.97万元,各下降23.51%、38.28%。",
       CheckId::kChangeYoy, "23.51%", Verdict::kPass},
      {"2022年度收、支总计各是4125.49,4143.91万元。与2021年相比,收、支总计各减少1267.86,2570.97万元,各下降23.51%、38.28%。",
       CheckId::kChangeYoy, "38.28%", Verdict::kWarning},
      {"本年收入、支出分别为200.00、150.00万元，较上年分别增加20.00、30.00万元，分别增长11.11%、30.00%。",
       CheckId::kChangeYoy, "30.00%", Verdict::kFail},
      {"本年收入、支出分别为200.00、150.00万元，较上年分别增加20.00、30.00万元，分别增长11.11%、25.00%。",
       CheckId::kChangeYoy, "25.00%", Verdict::kPass},
      // A completion of the budget against the gap between 决算 and 预算.
      {"本单位支出总计1741.75万元，与上年相比减少53.7万元；完成年初预算100%，决算数大于预算数55.93万元。",
       CheckId::kClaimContradiction, "100%", Verdict::kFail},
      {"支出决算1000.00万元，完成年初预算的95.24%，决算数小于预算数50.00万元。", CheckId::kClaimContradiction,
       "95.24%", Verdict::kPass},
      {"支出决算1000.00万元，完成调整预算105.26%，决算支出超过预算50.00万元。", CheckId::kClaimContradiction,
       "105.26%", Verdict::kPass},
      // A part's change against the part's own level (the twins of the no-false-alarm cases below).
      {"公务接待费10.00万元，较上年同期减少0.60万元，减少9.00%。", CheckId::kChangeYoy, "9.00%", Verdict::kFail},
      // A share of a named base: the total that the base names.
      {"本年收入合计500.00万元，其中财政拨款收入400.00万元，占收入合计的70.00%；其他收入100.00万元，占收入合计的20.00%。",
       CheckId::kRateRatio, "70.00%", Verdict::kFail},
      {"本年支出合计800.00万元，其中基本支出200.00万元，占总支出的25.00%；项目支出600.00万元，占总支出的75.00%。",
       CheckId::kRateRatio, "25.00%", Verdict::kPass},
      // A completion rate whose base is stated.
      {"年初预算40.0亿元，上半年财政收入完成20.0亿元，完成年初预算的48.5%。", CheckId::kRateRatio, "48.5%",
       Verdict::kFail},
      // A saving rate that no reading of the figures gives.
      {"采购计划金额25.00亿元，实际采购金额20.00亿元，节约资金5.00亿元，节约率为30.00%。", CheckId::kRateRatio,
       "30.00%", Verdict::kFail},
      // Shares of a base the rate names, stated in the sentence before: the rate's own reading, no ambiguity.
      {"全市采购规模为40.00亿元。\n从结构上看，全市货物、工程、服务采购规模分别为10.00亿元、12.00亿元和18.00亿元，"
       "占全市采购规模比例为25.00%、30.00%和45.00%。",
       CheckId::kRateRatio, "25.00%", Verdict::kPass},
  };
  CheckCases(Both, cases);
}

TEST_CASE("narrative: no false alarms", "[narrative]") {
  const char* texts[] = {
      // Partial lists count nothing.
      "下设5个科室，包括办公室、财务股等。",
      "局机关设办公室、预算股、国库股等16个股室。",
      "内设机构5个，即办公室、财务股、人事股及其他业务股室。",
      // A list of amounts is a breakdown, not a list of names.
      "共3个项目，分别为：甲项目30万元、乙项目20万元和丙项目10万元。",
      "实施项目15个(含结转项目5个)，年中增加2个。",
      // A count followed by something else than its names.
      "完成3项:一是修订制度；二是开展培训；三是完善台账。",
      "共3个,均已完工。",
      // An aside with one figure, or figures of another kind, is no breakdown.
      "现有人员30人，其中机关20人(含借调2人)，中心10人(占33.3%)。",
      // A small expense in 元 next to totals in 万元, and totals in 元 far from them.
      "决算总收入为1432.33万元。差旅费总支出2263.81元。",
      "决算总收入为1432.33万元。年度决算总支出14323300.00元。",
      "决算总收入为1432.33万元。年度决算总支出12.50元。",
      // A completion rate without a stated gap, and a gap on another year.
      "支出决算1000.00万元，完成年初预算100%。",
      "支出决算1000.00万元，比上年增加50.00万元；完成年初预算100%。",
      // A list that names one twice, or is cut after it, counts nothing.
      "局内设4个科室，即办公室、财务科、业务科、办公室。",
      "局内设5个科室，即办公室、财务科、业务科、法规科\n（……以下从略）",
      // A 其中 in brackets breaks down the figure before the brackets, not the next one.
      "一期投资300.00万元(其中设备280.00万元)，二期投资120.00万元(其中设备100.00万元)，合计420.00万元。",
      // The whole and its parts by scope: not one account stated twice.
      "全县一般公共预算收入完成500.0万元。\n12个镇的收支情况：一般公共预算收入完成120.0万元。\n"
      "一般公共预算支出完成90.0万元。\n8个街道的收支情况：一般公共预算支出完成70.0万元。",
      "全旗一般公共预算支出累计完成1000万元。\n支出方面，旗本级一般公共预算支出累计完成300万元；"
      "苏木级一般公共预算支出累计完成700万元。",
      // A component after a 其中 that ends the sentence before it is a namesake, not a restatement.
      "1.基本支出800元。其中：\n商品和服务支出预算600元。\n2.项目支出0元。其中：\n商品和服务支出预算0元。",
      // A 其中 list goes on over a sentence only when both its last part and the next are described.
      "基本支出1000元，其中：人员经费800元。公用经费100元，主要用于办公费。",
      "基本支出1000元，其中：人员经费800元，主要用于工资。公用经费100元。",
      "基本支出1000元，其中：人员经费800元，主要用于工资。2.项目支出100元，主要用于设备。",
      // A change against a base: the figure outside the brackets, and never the change itself.
      "收入调整为290万元(其中：本级258万元，园区32万元)，较人代会批准的预算数增加60万元，增长26.1%。",
      // A change is no level: the rate after a part's change is on the part's own (unstated) level.
      "2023年度“三公”经费预算较2022年度增加2.40万元，其中公务接待较上年同期减少0.60万元，减少5.00%。",
      // Changes of different items against the same year's budget are not one account stated twice.
      "（一）接待费预算6万元，比2022年预算减少6万元，下降50%。\n（二）用车费预算80万元，比2022年预算减少40万元，下降33.33%。\n"
      "其中：用车运行费50万元，比2022年预算减少10万元，下降16.67%。",
      // A share of a base the document does not state (任务数, 年初预算) is not a share of the total.
      "全区收入累计完成50000万元，其中税务部门完成30000万元，占任务数的48.0%；财政部门完成20000万元，占任务数的52.5%。",
      "上半年，全县一般公共财政预算收入完成20.0亿元，同比增收3.0亿元，增长17.6%，完成年初预算的48.5%。",
      // 同比 and 比重 are no "比 P"; a percentage-point gap is no amount; an ASCII ; ends the clause.
      "全县一般公共预算收入完成12.6亿元,同比增收1.2亿元,增长10.5%,完成年初预算的55.0%,超序时进度2.5个百分点。",
      "全县一般公共预算收入完成12.6亿元，同比增收1.2亿元，增长10.5%，超序时进度2.5个百分点。",
      "税收收入36000万元,增加2000万元,增长5.88%,税收占收入的比重为60.00%;非税收入24000万元,增加3000万元,增长14.29%。",
      // A rate that some reading of the stated figures gives is no error, whichever reading the words bind
      // (the saving against the plan, which is the amount plus the saving).
      "全市政府采购规模为20.00亿元，较采购计划节约资金5.00亿元，资金节约率达20.00%。",
  };
  testing::CheckAllPass(Both, texts);
}

// A 其中 list in a text of no known kind (a statistics bulletin) is not known to be a partition: a sum
// that differs is a warning. The same list in a self-evaluation is an error. A change of a part
// (比年初增加 X) is no part at all.
TEST_CASE("narrative: 其中 lists of texts of no known kind are warnings", "[narrative]") {
  auto worst = [](const char* text, CheckId check) {
    AuditResult r = Audit(DocumentOf(text), testing::BuiltinRules());
    std::string out = "none";
    for (const auto& f : r.findings) {
      if (f.check != check) continue;
      if (f.severity == Severity::kError) return std::string("error");
      if (f.severity == Severity::kWarning) out = "warning";
    }
    return out;
  };
  CHECK(worst("年末全县金融机构贷款余额115.69亿元，同比增长10.6%，其中：短期贷款33.53亿元，中长期贷款71.74亿元。",
              CheckId::kSumBreakdown) == "warning");
  CHECK(worst("年末金融机构存款余额457.44亿元，比年初增加46.93亿元，其中城乡居民储蓄存款383.91亿元，比年初增加45.74亿元。",
              CheckId::kSumBreakdown) == "none");
  CHECK(worst("青石县水利局2022年度部门整体支出绩效自评报告\n一、部门基本情况\n"
              "2022年本年支出合计500.00万元，其中：基本支出300.00万元，项目支出150.00万元。",
              CheckId::kSumBreakdown) == "error");
}

// A scoring table flattened into one line of prose (a .docx preview): no reader takes it, so it must
// show as parse.unread, never as nothing. Prose that only mentions 分值 and 得分 is not such a table.
TEST_CASE("narrative: a flattened scoring table is unread, not silent", "[narrative]") {
  auto unread = [](const char* text) {
    AuditResult r = Audit(DocumentOf(text), testing::BuiltinRules());
    int n = 0;
    for (const auto& f : r.findings) n += f.check == CheckId::kParseUnread;
    return n;
  };
  CHECK(unread("白石区2022年度部门整体支出绩效评价指标表一级指标分值二级指标分值三级指标分值评价标准指标说明得分投入15"
               "预算配置15在职人员控制率5以100%为标准，每超过一个百分点扣0.5分。5三公经费变动率10三公经费变动率不超过0，"
               "计10分。10") >= 1);
  CHECK(unread("各项指标的分值和自评得分情况详见附表，本部门得分较上年有所提高。") == 0);
}

// A change against another year whose two levels the document states, each in a sentence opening
// with its year (audit/figures_years.cc). Only that reader runs here.
void Years(const Document& doc, const Rules& rules, Outline* out) {
  YearLevels(doc, rules, SplitSentences(doc.text), out);
}

TEST_CASE("narrative: a change against the other year's stated level", "[narrative][years]") {
  const Case cases[] = {
      {"2022年度“三公”经费预算合计21.8万元,其中:因公出国(境)经费0万元,公务接待11.8万元,公务用车运行费用10万元。\n"
       "2021年度“三公”经费合计支出20.12万元,其中:因公出国(境)经费0万元,公务接待12.39万元,公务用车运行费用7.73万元。\n"
       "2022年度“三公”经费预算较2021年度增加1.68万元,其中公务接待较上年同期减少0.58万元,减少4.68%。公务用车运行费用较上年同期增加2.27万元,增长29.37%。",
       CheckId::kChangeYoy, "29.37%", Verdict::kPass},
      {"2022年度“三公”经费预算合计21.8万元,其中:因公出国(境)经费0万元,公务接待11.8万元,公务用车运行费用10万元。\n"
       "2021年度“三公”经费合计支出20.12万元,其中:因公出国(境)经费0万元,公务接待12.39万元,公务用车运行费用7.73万元。\n"
       "2022年度“三公”经费预算较2021年度增加1.86万元。",
       CheckId::kChangeYoy, "1.86万元", Verdict::kFail},
      {"2023年部门收入合计500.00万元。\n2022年部门收入合计450.00万元。\n2023年部门收入较2022年增加60.00万元，增长13.33%。",
       CheckId::kChangeYoy, "60.00万元", Verdict::kFail},
      {"2023年部门收入合计500.00万元。\n2022年部门收入合计450.00万元。\n2023年部门收入较2022年增加50.00万元，增长13.33%。",
       CheckId::kChangeYoy, "13.33%", Verdict::kFail},
      // The direction: 减少 where the level rose.
      {"（一）2024年度公务接待费预算8.00万元。\n（二）2023年度公务接待费决算6.00万元。\n2024年度公务接待费预算比上年减少2.00万元。",
       CheckId::kChangeYoy, "2.00万元", Verdict::kFail},
      {"（一）2024年度公务接待费预算8.00万元。\n（二）2023年度公务接待费决算6.00万元。\n2024年度公务接待费预算比上年增加2.00万元。",
       CheckId::kChangeYoy, "2.00万元", Verdict::kPass},
  };
  CheckCases(Years, cases, /*exactly_one=*/true);
  const char* none[] = {
      // The earlier year's level not stated.
      "2023年部门收入合计500.00万元。\n2023年部门收入较2022年增加50.00万元，增长11.11%。",
      // An item stated twice in a year with two values: which one is meant is not written.
      "2023年部门收入合计500.00万元。\n2023年部门收入合计520.00万元。\n2022年部门收入合计450.00万元。\n2023年部门收入较2022年增加50.00万元。",
      // Items named otherwise (a scope, another account) are not the change's item.
      "2023年全县一般公共预算收入500.00万元。\n2022年本级一般公共预算收入450.00万元。\n2023年一般公共预算收入较2022年增加50.00万元。",
      // A level in a sentence that does not open with its year.
      "全年部门收入合计500.00万元(2023年)。\n2022年部门收入合计450.00万元。\n2023年部门收入较2022年增加60.00万元。",
  };
  for (const char* t : none) {
    INFO(t);
    CHECK(Run(Years, DocumentOf(t)).empty());
  }
}

}  // namespace
}  // namespace jixiao
