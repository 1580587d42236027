// Tables as grids (structure/tables*.cc): one case per text shape with the expected grid (column
// labels, each row's cells, empty cells `[]`, carried cells `[^…]`), false-alarm guards, and the
// ruled PDF fixtures of corpus/styles/tables/.
#include <catch2/catch.hpp>

#include "extract/extract.h"
#include "extract/normalize.h"
#include "rules/rules.h"
#include "structure/structure.h"
#include "tests/test_util.h"

namespace jixiao {
namespace {

const Rules& BuiltinRules() {
  static const Rules rules = [] {
    auto r = Rules::Builtin();
    return std::move(r.value());
  }();
  return rules;
}

// The tables part of Structure::Dump, without the "@line" anchors.
std::string TablesOf(const Document& doc) {
  Structure s = BuildStructure(doc, BuiltinRules());
  std::string dump = s.Dump(doc), out;
  size_t at = dump.find("\ntable ");
  if (at == std::string::npos) return "";
  out = dump.substr(at + 1);
  // "table aligned page 1 @2" → "table aligned page 1"
  std::string clean;
  size_t pos = 0;
  while (pos < out.size()) {
    size_t nl = out.find('\n', pos);
    if (nl == std::string::npos) nl = out.size();
    std::string line = out.substr(pos, nl - pos);
    if (line.rfind("table ", 0) == 0) line = line.substr(0, line.rfind(" @"));
    clean += line + "\n";
    pos = nl + 1;
  }
  return clean;
}

struct Case {
  const char* name;
  const char* text;
  const char* want;  // TablesOf, "" for no table
};

const Case kCases[] = {
    {"aligned columns, an empty cell kept in place",
     "表1 部门整体支出绩效自评得分表\n"
     "一级指标          分值      得分      得分率\n"
     "预算编制           20        19        95.00%\n"
     "使用效益           40                  68.75%\n"
     "合计              100        85        85.00%\n"
     "三、存在问题\n",
     "table aligned page 1\n  columns: [一级指标] [分值] [得分] [得分率]\n"
     "  row: [预算编制] [20] [19] [95.00%]\n  row: [使用效益] [40] [] [68.75%]\n"
     "  total: [合计] [100] [85] [85.00%]\n"},
    {"aligned columns, merged first column carried down, two-line header",
     "一级指标    二级指标        分值    得分\n"
     "            (名称)          (分)    (分)\n"
     "预算编制    目标设置        10      9\n"
     "            绩效管理        5       5\n"
     "三、存在问题\n",
     "table aligned page 1\n  columns: [一级指标] [二级指标(名称)] [分值(分)] [得分(分)]\n"
     "  row: [预算编制] [目标设置] [10] [9]\n  row: [^预算编制] [绩效管理] [5] [5]\n"},
    // The name's second line comes after the row's figures in Document::text: the cell keeps its
    // pieces apart (Cell::parts), `at` is the first; the dump joins them.
    {"aligned columns: a wrapped name on the line below joins its cell; prose ends the table",
     "资金项目              资金额度    自评分    指标得分\n"
     "股权投资第三方服务      253.99      96        2.42\n"
     "管理费用\n"
     "阿里云创新中心项目      175.00      96        1.66\n"
     "\n\n"
     "经计算，故此项指标自评得 9.66 分，具体如上表所示。\n",
     "table aligned page 1\n  columns: [资金项目] [资金额度] [自评分] [指标得分]\n"
     "  row: [股权投资第三方服务管理费用] [253.99] [96] [2.42]\n"
     "  row: [阿里云创新中心项目] [175.00] [96] [1.66]\n"},
    // A funds block read by its conventions (forms.md): the total row fills 分值 and 得分 with
    // points (no %, at most 100), so five figures under six columns leave 执行率 empty; a 其中 row
    // leaves the scoring cells blank, so two amounts under three amount columns are left out.
    {"one space between cells: cells by counting; a funds block by its conventions",
     "项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
     "年度资金总额： 120 120 118.5 10 9.88\n"
     "其中：本年财政拨款 120 120 118.5 - - -\n"
     "上年结转资金 0 0 0 0 0.00% 0\n"
     "其他资金 5 5\n",
     "table aligned page 1\n"
     "  columns: [项目资金(万元)] [年初预算数] [全年预算数] [全年执行数] [分值] [执行率] [得分]\n"
     "  row: [年度资金总额：] [120] [120] [118.5] [10] [] [9.88]\n"
     "  row: [其中：本年财政拨款] [120] [120] [118.5] [] [] []\n"
     "  row: [上年结转资金] [0] [0] [0] [0] [0.00%] [0]\n"},
    {"one space between cells: carried 一级指标 and an empty trailing reason by the column types",
     "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因\n"
     "产出指标 数量指标 新建村级服务站数量 ≥12个 12个 15 15\n"
     "质量指标 验收合格率 100% 100% 10 10\n",
     "table aligned page 1\n"
     "  columns: [一级指标] [二级指标] [三级指标] [年度指标值] [实际完成值] [分值] [得分] [偏差原因]\n"
     "  row: [产出指标] [数量指标] [新建村级服务站数量] [≥12个] [12个] [15] [15] []\n"
     "  row: [^产出指标] [质量指标] [验收合格率] [100%] [100%] [10] [10] []\n"},
    {"one space between cells: a name wrapped before its figures",
     "资金项目 资金额度 自评分 权重 指标得分\n"
     "股权投资第三方服务管理费用 253.99 96 25.16% 2.42\n"
     "加大中小微企业信贷风险补偿资金本金等项\n"
     "81.30 96 8.06% 0.77\n"
     "合计 335.29 192 33.22% 3.19\n",
     "table aligned page 1\n  columns: [资金项目] [资金额度] [自评分] [权重] [指标得分]\n"
     "  row: [股权投资第三方服务管理费用] [253.99] [96] [25.16%] [2.42]\n"
     "  row: [加大中小微企业信贷风险补偿资金本金等项] [81.30] [96] [8.06%] [0.77]\n"
     "  total: [合计] [335.29] [192] [33.22%] [3.19]\n"},
    {"pipe rows: empty cells by the pipes, merged cell carried",
     "| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 |\n"
     "|---|---|---|---|---|---|---|---|---|---|\n"
     "| 产出指标 | 数量指标 | 新建服务站 | ≥ | 12 | 个 | 12 | 10 | 10 | |\n"
     "| | 时效指标 | 资金拨付及时率 | ≥ | 95 | % | 100% | 10 | | 未评分 |\n",
     "table pipe page 1\n"
     "  columns: [一级指标] [二级指标] [三级指标] [指标性质] [指标值] [度量单位] [完成值] [权重] [得分] [未完成原因分析]\n"
     "  row: [产出指标] [数量指标] [新建服务站] [≥] [12] [个] [12] [10] [10] []\n"
     "  row: [^产出指标] [时效指标] [资金拨付及时率] [≥] [95] [%] [100%] [10] [] [未评分]\n"},
    {"pipe rows: a title cell before the column words is the name column, a merged reason cell",
     "| 资金执行（10分） | 资金数（万元） | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 |\n"
     "| 总额 | 5.00 | 8.00 | 6.00 | 75.00% | 10 | 7.5 | 说明见附注 |\n"
     "| 其中：财政资金 | 5.00 | 8.00 | 6.00 | 75.00% | / | / |\n",
     "table pipe page 1\n"
     "  columns: [资金执行(10分)] [年初预算] [调整后预算数] [预算执行数] [预算执行率] [权重] [得分] [原因]\n"
     "  total: [总额] [5.00] [8.00] [6.00] [75.00%] [10] [7.5] [说明见附注]\n"
     "  row: [其中：财政资金] [5.00] [8.00] [6.00] [75.00%] [] [] []\n"},
    {"pipe rows: a title cell before the level columns is an empty column of the rows",
     "| 年度绩效指标完成情况 | 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |\n"
     "| | 产出指标（50分） | 数量指标 | 指标1：完成项目数量 | 10 | 10 |\n"
     "| | | 质量指标 | 指标1：工程质量合格 | 10 | 9 |\n",
     "table pipe page 1\n"
     "  columns: [年度绩效指标完成情况] [一级指标] [二级指标] [三级指标] [分值] [得分]\n"
     "  row: [] [产出指标(50分)] [数量指标] [指标1：完成项目数量] [10] [10]\n"
     "  row: [] [] [质量指标] [指标1：工程质量合格] [10] [9]\n"},
    {"pipe rows: a block title over the name columns is not a column",
     "| 绩效指标（80分） | 一级指标 | 二级指标 | 三级指标 | 权重 | 得分 |\n"
     "| 产出指标 | 数量指标 | 培训人次 | 40 | 40 |\n"
     "| 效益指标 | 社会效益 | 群众知晓率 | 40 | 36 |\n",
     "table pipe page 1\n"
     "  columns: [一级指标] [二级指标] [三级指标] [权重] [得分]\n"
     "  row: [产出指标] [数量指标] [培训人次] [40] [40]\n"
     "  row: [效益指标] [社会效益] [群众知晓率] [40] [36]\n"},
    {"one cell per line",
     "一级指标\n分值\n得分\n预算编制\n20.00\n19.5 |\n预算执行\n40.00\n38.5\n说明：以上。\n",
     "table cell_per_line page 1\n  columns: [一级指标] [分值] [得分]\n"
     "  row: [预算编制] [20.00] [19.5]\n  row: [预算执行] [40.00] [38.5]\n"},
    {"a whole table on one line: rows cut by the header's columns",
     "项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 120 120 118.5 10 98.75% 9.88 "
     "其中:本年财政拨款 120 120 118.5 - - - 上年结转资金 0 0 0 - -\n",
     "table one_line page 1\n"
     "  columns: [项目资金(万元)] [年初预算数] [全年预算数] [全年执行数] [分值] [执行率] [得分]\n"
     "  row: [年度资金总额:] [120] [120] [118.5] [10] [98.75%] [9.88]\n"
     "  row: [其中:本年财政拨款] [120] [120] [118.5] [] [] []\n"},
    {"header words outside the column words, classified; a block title over the levels dropped",
     "绩效指标 一级指标 二级指标 三级指标 分值 年度目标值 全年实际值 得分 未完成原因及拟采取的改进措施\n"
     "产出指标（60分） 数量指标 新建站点数 20 ≥8个 9个 20\n"
     "建成道路长度 20 ≥3公里 3公里 20\n"
     "时效指标 按期完工率 20 100% 100% 18 天气原因\n",
     "table aligned page 1\n"
     "  columns: [一级指标] [二级指标] [三级指标] [分值] [年度目标值] [全年实际值] [得分] [未完成原因及拟采取的改进措施]\n"
     "  row: [产出指标(60分)] [数量指标] [新建站点数] [20] [≥8个] [9个] [20] []\n"
     "  row: [^产出指标(60分)] [^数量指标] [建成道路长度] [20] [≥3公里] [3公里] [20] []\n"
     "  row: [^产出指标(60分)] [时效指标] [按期完工率] [20] [100%] [100%] [18] [天气原因]\n"},
    {"a first header cell of other words is the rows' name column",
     "资金情况（万元） 全年预算数（A） 全年执行数（B） 分值 执行率（B/A） 得分\n"
     "年度资金总额： 30 27 10 90.00% 9\n",
     "table aligned page 1\n"
     "  columns: [资金情况(万元)] [全年预算数(A)] [全年执行数(B)] [分值] [执行率(B/A)] [得分]\n"
     "  row: [年度资金总额：] [30] [27] [10] [90.00%] [9]\n"},
    // A line with names of its own is a row, not the name of the next one; after a line left
    // unread, nothing is carried from the row above it (the unread line may start a new group).
    // A line of names led by an 一级 name is that new group's line: the rows below carry it.
    {"one space between cells: no carried cells across an unread line",
     "一级指标 二级指标 三级指标 分值 指标值 实际值 得分 偏差原因\n"
     "产出指标 数量指标 培训人次 10 ≥100 120 10\n"
     "经济效益 收入类\n"
     "社会效益指标 群众知晓率 10 ≥90% 95% 10\n",
     "table aligned page 1\n"
     "  columns: [一级指标] [二级指标] [三级指标] [分值] [指标值] [实际值] [得分] [偏差原因]\n"
     "  row: [产出指标] [数量指标] [培训人次] [10] [≥100] [120] [10] []\n"},
    {"one space between cells: a group's line (一级 name first) carries; no carried cells across an unread line",
     "一级指标 二级指标 三级指标 分值 指标值 实际值 得分 偏差原因\n"
     "产出指标 数量指标 培训人次 10 ≥100 120 10\n"
     "效益指标 经济效益指标\n"
     "社会效益指标 群众知晓率 10 ≥90% 95% 10\n",
     "table aligned page 1\n"
     "  columns: [一级指标] [二级指标] [三级指标] [分值] [指标值] [实际值] [得分] [偏差原因]\n"
     "  row: [产出指标] [数量指标] [培训人次] [10] [≥100] [120] [10] []\n"
     "  row: [效益指标] [经济效益指标] [] [] [] [] [] []\n"
     "  row: [^效益指标] [社会效益指标] [群众知晓率] [10] [≥90%] [95%] [10] []\n"},
    {"one cell per line ended by |: a wrapped cell, prose in a text column",
     "一级指标\n|\n二级指标\n|\n三级指标\n|\n评分标准\n|\n分值\n|\n得分\n|\n扣分原因\n|\n"
     "投入\n|\n预算配置\n|\n人员\n控制率\n|\n控制率不超过100%计满分。\n|\n5 |\n4.5 |\n超编\n|\n",
     "table cell_per_line page 1\n"
     "  columns: [一级指标] [二级指标] [三级指标] [评分标准] [分值] [得分] [扣分原因]\n"
     "  row: [投入] [预算配置] [人员\n控制率] [控制率不超过100%计满分。] [5] [4.5] [超编]\n"},
    {"one cell per line between blank lines: two more blank lines are an empty cell",
     "一级指标\n\n分值\n\n二级指标\n\n分值\n\n得分\n\n"
     "项目决策\n\n20.0\n\n目标设定\n\n8.0\n\n7.5\n\n\n\n\n\n资金分配\n\n12.0\n\n12.0\n\n说明：以上。\n",
     "table cell_per_line page 1\n"
     "  columns: [一级指标] [分值] [二级指标] [分值] [得分]\n"
     "  row: [项目决策] [20.0] [目标设定] [8.0] [7.5]\n"
     "  row: [^项目决策] [] [资金分配] [12.0] [12.0]\n"},
    {"one cell per line, bare: rows start after the merged names",
     "一级指标\n二级指标\n三级指标\n得分\n"
     "投入(20分)\n目标设定(10分)\n目标合理性(4分)\n4.00\n目标明确性(6分)\n3.00\n"
     "预算配置(10分)\n人员控制率(4分)\n4.00\n（其余从略。）\n",
     "table cell_per_line page 1\n"
     "  columns: [一级指标] [二级指标] [三级指标] [得分]\n"
     "  row: [投入(20分)] [目标设定(10分)] [目标合理性(4分)] [4.00]\n"
     "  row: [^投入(20分)] [^目标设定(10分)] [目标明确性(6分)] [3.00]\n"
     "  row: [^投入(20分)] [预算配置(10分)] [人员控制率(4分)] [4.00]\n"},
    {"one cell per line, bare: two cuts fit, so nothing is read",
     "一级指标\n二级指标\n得分\n原因说明\n"
     "产出\n数量\n5.50\n质量\n时效\n6.50\n",
     ""},
    // Sentences stand in the text columns between figures; a line of sentences alone is the
    // wrapped end of the row above; a level's points are merged down with its name.
    {"one space between cells: sentences in text columns, level points carried with the name",
     "一级指标 得分 二级指标 得分 三级指标 得分 评价标准 指标说明 得分\n"
     "投入 10 预算配置 10 人员控制率 5 以100%为标准。控制率≤100%,计5分; 实有人员40人,编制42人。 5\n"
     "每超过一个百分点扣0.5分。\n"
     "公用经费控制率 5 公用经费控制率≤100%,计5分; 本年公用经费控制率为98%。 4\n",
     "table aligned page 1\n"
     "  columns: [一级指标] [得分] [二级指标] [得分] [三级指标] [得分] [评价标准] [指标说明] [得分]\n"
     "  row: [投入] [10] [预算配置] [10] [人员控制率] [5] [以100%为标准。控制率≤100%,计5分;] [实有人员40人,编制42人。] [5]\n"
     "  row: [^投入] [] [] [] [公用经费控制率] [5] [公用经费控制率≤100%,计5分;] [本年公用经费控制率为98%。] [4]\n"},
    // A sentence ending a counted row, after its figures, in the table's last column (a text
    // column): the row's reason (its wrapped end, if any, is a line of sentences alone).
    {"a sentence ending a counted row is its reason",
     "一级指标 二级指标 三级指标 分值 得分 偏差原因\n"
     "产出指标 数量指标 完成户数 10 9 尚有2户未完工，明年完成。\n",
     "table aligned page 1\n  columns: [一级指标] [二级指标] [三级指标] [分值] [得分] [偏差原因]\n"
     "  row: [产出指标] [数量指标] [完成户数] [10] [9] [尚有2户未完工，明年完成。]\n"},
    {"false alarm: a sentence before the row's figures is not a reason",
     "一级指标 二级指标 三级指标 分值 得分 偏差原因\n"
     "产出指标 尚有2户未完工，明年完成。 完成户数 10 9\n",
     ""},
    // The empty cell after a row short of its 原因 either ends that row or leads the next as a
    // merged cell: both read the same rows, so the cut is taken.
    {"one cell per line ended by |: an empty cell between rows, the next row a new 二级",
     "一级指标\n|\n二级指标\n|\n三级指标\n|\n评分标准\n|\n分值\n|\n得分\n|\n扣分原因\n|\n"
     "投入\n|\n预算配置\n|\n人员控制率\n|\n控制率不超过100%计满分。\n|\n5\n|\n5\n|\n|\n"
     "预算执行\n|\n执行率\n|\n执行率达到100%计满分。\n|\n5\n|\n4\n|\n|\n",
     "table cell_per_line page 1\n"
     "  columns: [一级指标] [二级指标] [三级指标] [评分标准] [分值] [得分] [扣分原因]\n"
     "  row: [投入] [预算配置] [人员控制率] [控制率不超过100%计满分。] [5] [5] []\n"
     "  row: [^投入] [预算执行] [执行率] [执行率达到100%计满分。] [5] [4] []\n"},
    // Blank-line streams as a Word table leaves them (hainan, hebei forms): a numbered heading
    // above the header is not one of its cells; the levels' maxima in their own columns; a short
    // total row after the rows.
    {"one cell per line between blank lines: a numbered title above, a 总分 row short of the columns",
     "二、绩效评价指标评分\n一级指标\n\n分值\n\n二级指标\n\n分值\n\n三级指标\n\n分值\n\n得分\n\n"
     "项目决策\n\n20\n\n项目目标\n\n4\n\n目标内容\n\n4\n\n4\n\n\n\n\n\n决策过程\n\n16\n\n决策依据\n\n16\n\n15\n\n"
     "总分\n\n20\n\n19\n\n评价等级\n\n优\n\n三、评价结论\n",
     "table cell_per_line page 1\n"
     "  columns: [一级指标] [分值] [二级指标] [分值] [三级指标] [分值] [得分]\n"
     "  row: [项目决策] [20] [项目目标] [4] [目标内容] [4] [4]\n"
     "  row: [^项目决策] [] [决策过程] [16] [决策依据] [16] [15]\n"
     "  total: [总分] [] [] [] [] [20] [19]\n"},
    {"one cell per line between blank lines: funds rows short of the total-only columns, a blank row, "
     "the block ends at 年度总体目标; the next header one cell per line; template rows",
     "项目资金（万元）\n\n年初预算数\n\n全年预算数\n\n全年执行数\n\n分值\n\n执行率\n\n得分\n\n"
     "年度资金总额\n\n50\n\n50\n\n40\n\n10\n\n80%\n\n8\n\n其中：当年财政拨款\n\n50\n\n50\n\n40\n\n\n\n"
     "上年结转资金\n\n\n\n\n\n\n\n\n\n年度总体目标\n\n预期目标\n\n实际完成情况\n\n"
     "一级指标\n\n二级指标\n\n三级指标\n\n年度指标值\n\n实际完成值\n\n分值\n\n得分\n\n偏差原因\n\n"
     "产出指标\n\n数量指标\n\n指标1改造面积\n\n500\n\n500\n\n20\n\n20\n\n\n\n\n\n\n\n指标2\n\n\n\n\n\n\n\n\n\n\n\n\n\n"
     "质量指标\n\n指标1验收合格率\n\n100\n\n100\n\n20\n\n20\n\n三、自评结论\n改造按期完成，资金使用规范。\n下一步加强预算编制。\n",
     "table cell_per_line page 1\n"
     "  columns: [项目资金(万元)] [年初预算数] [全年预算数] [全年执行数] [分值] [执行率] [得分]\n"
     "  row: [年度资金总额] [50] [50] [40] [10] [80%] [8]\n"
     "  row: [其中：当年财政拨款] [50] [50] [40] [] [] []\n"
     "  row: [上年结转资金] [] [] [] [] [] []\n"
     "table cell_per_line page 1\n"
     "  columns: [一级指标] [二级指标] [三级指标] [年度指标值] [实际完成值] [分值] [得分] [偏差原因]\n"
     "  row: [产出指标] [数量指标] [指标1改造面积] [500] [500] [20] [20] []\n"
     "  row: [^产出指标] [^数量指标] [指标2] [] [] [] [] []\n"
     "  row: [^产出指标] [质量指标] [指标1验收合格率] [100] [100] [20] [20] []\n"},
    {"false alarm: a blank-line stream whose 总分 row sits under no points columns is not guessed",
     "一级指标\n\n指标值\n\n完成值\n\n得分\n\n产出\n\n≥5个\n\n6个\n\n10\n\n效益\n\n≥90%\n\n95%\n\n10\n\n"
     "总分\n\n90\n\n20\n\n三、结论\n",
     "table cell_per_line page 1\n"
     "  columns: [一级指标] [指标值] [完成值] [得分]\n"
     "  row: [产出] [≥5个] [6个] [10]\n  row: [效益] [≥90%] [95%] [10]\n"},
    // OCR letters for digits ("IO" for 10): the cell holds its place, unread; the rows after it
    // still carry their merged names.
    {"one space between cells: a figure garbled by OCR holds its place, unread",
     "一级指标 二级指标 三级指标 分值 指标值 实际值 得分 偏差原因\n"
     "产出指标 数量指标 培训人次 10 ≥100 120 IO\n"
     "质量指标 合格率 10 ≥90% 95% 10\n",
     "table aligned page 1\n"
     "  columns: [一级指标] [二级指标] [三级指标] [分值] [指标值] [实际值] [得分] [偏差原因]\n"
     "  row: [产出指标] [数量指标] [培训人次] [10] [≥100] [120] [?] []\n"
     "  row: [^产出指标] [质量指标] [合格率] [10] [≥90%] [95%] [10] []\n"},
    // An 一级 name and its first 二级 alone on a line (the 二级 without rows): a group's line; the
    // rows below carry the 一级 (not read as the wrapped name of the next row).
    {"one space between cells: a group's names alone on a line above its rows",
     "一级指标 二级指标 三级指标 分值 年度指标值 全年实际值 得分 偏差原因\n"
     "产出指标（70分） 数量指标 安装水标尺 70 ≥266米 ≥266米 70\n"
     "效益指标（20分） 经济效益指标\n"
     "社会效益指标 受益人口数 20 ≥1000人 ≥1000人 20\n",
     "table aligned page 1\n"
     "  columns: [一级指标] [二级指标] [三级指标] [分值] [年度指标值] [全年实际值] [得分] [偏差原因]\n"
     "  row: [产出指标(70分)] [数量指标] [安装水标尺] [70] [≥266米] [≥266米] [70] []\n"
     "  row: [效益指标(20分)] [经济效益指标] [] [] [] [] [] []\n"
     "  row: [^效益指标(20分)] [社会效益指标] [受益人口数] [20] [≥1000人] [≥1000人] [20] []\n"},
    {"false alarm: a line of names not led by an 一级 name stays a wrapped name",
     "一级指标 二级指标 三级指标 分值 年度指标值 全年实际值 得分 偏差原因\n"
     "产出指标 数量指标 安装水标尺 70 ≥266米 ≥266米 70\n"
     "受益脱贫户\n"
     "人口数 20 ≥1000人 ≥1000人 20\n",
     "table aligned page 1\n"
     "  columns: [一级指标] [二级指标] [三级指标] [分值] [年度指标值] [全年实际值] [得分] [偏差原因]\n"
     "  row: [产出指标] [数量指标] [安装水标尺] [70] [≥266米] [≥266米] [70] []\n"
},
    {"one cell per line, bare: a grade written once, merged down the rows",
     "评价准则\n分值\n实际得分\n绩效评价等级\n投入\n20\n18.5\n优(90分以上)\n过程\n80\n70\n评价结果\n100\n88.5\n"
     "经自评，总分88分。\n",
     "table cell_per_line page 1\n"
     "  columns: [评价准则] [分值] [实际得分] [绩效评价等级]\n"
     "  row: [投入] [20] [18.5] [优(90分以上)]\n  row: [过程] [80] [70] []\n"
     "  row: [评价结果] [100] [88.5] []\n"},
    {"false alarm: short lines of words are not a header",
     "项目\n说明\n备注\n以上情况属实。\n", ""},
    {"false alarm: a prose paragraph with numbers and column words",
     "本年度分值 100 分，得分 95 分，得分率 95%。\n项目支出 120 万元，执行 118.5 万元。\n", ""},
    {"false alarm: a numbered heading list",
     "一、基本情况\n二、绩效自评结果\n1.预算编制 20 分\n2.预算执行 40 分\n三、存在问题\n", ""},
    {"false alarm: column words in a sentence",
     "一级指标包括预算编制、预算执行，分值和得分见下文。\n", ""},
    // Rows read by counting with blank cells not marked (one space between cells): a token is
    // placed only where every assignment that fits the columns places it; the others are unsure
    // ([?], Table::unread).
    // By the form's conventions (grid.flat.may_lack: 调整指标值, 计量单位, 指标性质 may be empty; a unit
    // word is the unit's, a nature word the nature's) the value cells are placed one way.
    {"counted rows: blank value cells placed by the form's conventions",
     "部门整体绩效自评表\n"
     "指标名称 计量单位 指标性质 年初指标值 调整指标值 全年完成值 得分系数（%） 指标权重（分） 指标得分（分） 是否核心指标\n"
     "培训覆盖率 % 定量指标 95% 98% 100% 4 4 是\n"
     "档案管理规范性 定性指标 规范 规范 80% 5 4 否\n"
     "评价结论：较好。\n",
     "table aligned page 1\n  columns: [指标名称] [计量单位] [指标性质] [年初指标值] [调整指标值] [全年完成值] "
     "[得分系数(%)] [指标权重(分)] [指标得分(分)] [是否核心指标]\n"
     "  row: [培训覆盖率] [%] [定量指标] [95%] [] [98%] [100%] [4] [4] [是]\n"
     "  row: [档案管理规范性] [] [定性指标] [规范] [] [规范] [80%] [5] [4] [否]\n"},
    {"counted rows: one value for two value columns stays unsure",
     "部门整体绩效自评表\n"
     "指标名称 计量单位 指标性质 年初指标值 调整指标值 全年完成值 得分系数（%） 指标权重（分） 指标得分（分） 是否核心指标\n"
     "培训覆盖率 % 95% 100% 4 4 是\n"
     "评价结论：较好。\n",
     "table aligned page 1\n  columns: [指标名称] [计量单位] [指标性质] [年初指标值] [调整指标值] [全年完成值] "
     "[得分系数(%)] [指标权重(分)] [指标得分(分)] [是否核心指标]\n"
     "  row: [培训覆盖率] [?] [?] [?] [?] [?] [100%] [4] [4] [是]\n"},
    {"counted rows: a rate placed by its %, the amounts before it blank",
     "部门整体绩效自评表\n"
     "部门预算执行情况（万元） 年初预算数 全年（调整）预算数 全年执行数 执行率（%） 执行率权重 执行率得分（分）\n"
     "预算资金 88% 10 8.8\n"
     "当年绩效目标\n",
     "table aligned page 1\n  columns: [部门预算执行情况(万元)] [年初预算数] [全年(调整)预算数] [全年执行数] "
     "[执行率(%)] [执行率权重] [执行率得分(分)]\n"
     "  row: [预算资金] [] [] [] [88%] [10] [8.8]\n"},
    {"counted rows: two figures under five funds columns are not placed",
     "项目支出绩效自评表\n"
     "项目资金（万元） 年初预算数 全年预算数（A） 全年执行数（B） 分值 执行率（B/A） 得分\n"
     "年度资金总额： 50 50 50 10 100% 10\n"
     "其中：本年财政拨款 50 50\n"
     "年度总体目标 预期目标 实际完成情况\n",
     "table aligned page 1\n  columns: [项目资金(万元)] [年初预算数] [全年预算数(A)] [全年执行数(B)] [分值] "
     "[执行率(B/A)] [得分]\n"
     "  row: [年度资金总额：] [50] [50] [50] [10] [100%] [10]\n"},
    {"counted rows: template residue skipped, the 三级 name never carried, level names are names",
     "项目支出绩效自评表\n"
     "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n"
     "产出指标 数量指标 指标1：维修泵站数量 3座 3座 20 20\n"
     "……\n"
     "质量指标 指标1：验收合格率 20 18\n"
     "效益指标 社会效益指标 指标1：受益人口 10 10\n"
     "生态效益指标 指标1：水质改善 10 10\n"
     "总分 100 58\n",
     "table aligned page 1\n  columns: [一级指标] [二级指标] [三级指标] [年度指标值] [实际完成值] [分值] [得分] "
     "[偏差原因分析及改进措施]\n"
     "  row: [产出指标] [数量指标] [指标1：维修泵站数量] [3座] [3座] [20] [20] []\n"
     "  row: [^产出指标] [质量指标] [指标1：验收合格率] [] [] [20] [18] []\n"
     "  row: [效益指标] [社会效益指标] [指标1：受益人口] [] [] [10] [10] []\n"
     "  row: [^效益指标] [生态效益指标] [指标1：水质改善] [] [] [10] [10] []\n"
     "  total: [总分] [] [] [] [] [100] [58] []\n"},
    // A group label over sub-columns on the next line (Jilin's 采集数据项 over 数据项1 / 数据项2): the
    // group's column becomes one per sub-label, so the rows' cells count right.
    {"one space between cells: a group column split by the sub-labels on the next line",
     "一级指标 权重 二级指标 分值 三级指标 计量单位 目标值(标准) 分值 采集数据项 指标值\n"
     "数据项1 数据项2\n"
     "预算绩效 100 预算管理 75 预算执行进度(7月) % 40% 7 312.6 700 44.66%\n"
     "预算调整次数 次 0 5 1 / 1\n"
     "财务管理 25 用款计划差错率 % -0% 7 0 12 0%\n",
     "table aligned page 1\n  columns: [一级指标] [权重] [二级指标] [分值] [三级指标] [计量单位] [目标值(标准)] [分值] "
     "[采集数据项数据项1] [采集数据项数据项2] [指标值]\n"
     "  row: [预算绩效] [100] [预算管理] [75] [预算执行进度(7月)] [%] [40%] [7] [312.6] [700] [44.66%]\n"
     "  row: [^预算绩效] [] [] [] [预算调整次数] [次] [0] [5] [1] [/] [1]\n"
     "  row: [^预算绩效] [] [财务管理] [25] [用款计划差错率] [%] [-0%] [7] [0] [12] [0%]\n"},
    {"sub-labels whose stem no column holds do not split a column",
     "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因\n"
     "数据项1 数据项2\n"
     "产出指标 数量指标 新建村级服务站数量 ≥12个 12个 15 15\n",
     "table aligned page 1\n  columns: [一级指标] [二级指标] [三级指标] [年度指标值] [实际完成值] [分值] [得分] [偏差原因]\n"
     "  row: [产出指标] [数量指标] [新建村级服务站数量] [≥12个] [12个] [15] [15] []\n"},
    // Pipe rows: a header with one cell of unknown words is still a header; an HTML rowspan leaves
    // the rows below without their leading merged cells (carried when the cells then fit).
    {"pipe rows: a classified header, sub-labels, rows short of their merged leading cells",
     "| 一级指标 | 权重 | 二级指标 | 分值 | 三级指标 | 目标值 | 分值 | 采集数据项 |\n"
     "| 数据项1 | 理由 |\n"
     "| 项目效果 | 25 | 经济效益 | 20 | 是否作出贡献 | 是 | 5 |  | ① |\n"
     "| 社会效益 | 20 | 是否有效防止传播 | 是 | 5 |  | ① |\n"
     "| 是否保护生态 | 是 | 5 | 是 | ① |\n"
     "| 5 | ② |\n",
     "table pipe page 1\n  columns: [一级指标] [权重] [二级指标] [分值] [三级指标] [目标值] [分值] [采集数据项数据项1] "
     "[采集数据项理由]\n"
     "  row: [项目效果] [25] [经济效益] [20] [是否作出贡献] [是] [5] [] [①]\n"
     "  row: [^项目效果] [] [社会效益] [20] [是否有效防止传播] [是] [5] [] [①]\n"
     "  row: [^项目效果] [] [] [] [是否保护生态] [是] [5] [是] [①]\n"},
};

TEST_CASE("Tables in every text shape", "[structure][tables]") {
  for (const Case& c : kCases) {
    SECTION(c.name) {
      Document doc = test::DocFromText(c.text);
      CHECK(TablesOf(doc) == c.want);
    }
  }
}

TEST_CASE("Every cell is a span of Document::text", "[structure][tables]") {
  for (const Case& c : kCases) {
    Document doc = test::DocFromText(c.text);
    Structure s = BuildStructure(doc, BuiltinRules());
    for (const Table& t : s.tables) {
      CHECK(t.at.end <= doc.text.size());
      for (const TableRow& r : t.rows) {
        REQUIRE(r.cells.size() == t.columns.size());
        for (size_t i = 0; i < r.cells.size(); ++i) {
          CHECK(r.cells[i].column == static_cast<int>(i));
          CHECK(r.cells[i].at.end <= doc.text.size());
          CHECK(r.cells[i].at.begin <= r.cells[i].at.end);
        }
      }
    }
  }
}

TEST_CASE("Rows that cannot be placed are kept as unread", "[structure][tables]") {
  Document doc = test::DocFromText(kCases[3].text);
  Structure s = BuildStructure(doc, BuiltinRules());
  REQUIRE(s.tables.size() == 1);
  REQUIRE(s.tables[0].unread.size() == 1);
  std::string_view u(doc.text.data() + s.tables[0].unread[0].begin,
                     s.tables[0].unread[0].end - s.tables[0].unread[0].begin);
  CHECK(u.find("其他资金") != std::string_view::npos);
}

// Pipe rows of a web page whose cells begin with a line break (the row's bars spread over lines,
// joined where they add up to the table's bar count), and a header whose group cells span
// sub-columns written on a second line: the way the sub-labels sit is the one under which the
// first row's cells fit (a 指标性质 cell holds ≥ / 定量, a unit column 人次 / %, a % figure goes
// to a rate column), in two differently worded forms; where two ways fit, no row is read.
TEST_CASE("Pipe rows wrapped over lines under a split header", "[structure][tables][pipe]") {
  Document one = test::DocFromText(
      "| 2021年度项目支出绩效自评表 | ||||||||||\n"
      "| 项目资金 (万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | ||||\n"
      "| 年度资金总额 | 12.50 | 12.50 | 12.00 | 10 | 96% | 9.6 | ||||\n"
      "| 其中:当年财政拨款 | 12.50 | 12.50 | 12.00 | 96% | ||||||\n"
      "| 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | |||||\n"
      "|\n"
      "一级指标 |\n"
      "二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | |||||\n"
      "| 产出指标 | 数量指标 | 培训人次 | ≥ | 300 | 人次 | 320 | 20 | 20 | ||\n"
      "| 质量指标 | 培训合格率 | ≥ | 95 | % | 90 | 20 | 18 | |||\n"
      "| 效益指标 | 社会效益指标 | 群众知晓率 | ≥ | 80 | % | 85 | 30 | 30 | ||\n");
  CHECK(TablesOf(one) ==
        "table pipe page 1\n"
        "  columns: [项目资金(万元)] [年初预算数] [全年预算数] [全年执行数] [分值] [执行率] [得分]\n"
        "  row: [年度资金总额] [12.50] [12.50] [12.00] [10] [96%] [9.6]\n"
        "  row: [其中:当年财政拨款] [12.50] [12.50] [12.00] [] [96%] []\n"
        "table pipe page 1\n"
        "  columns: [一级指标] [二级指标] [三级指标] [指标性质] [指标值] [度量单位] [实际完成值] [分值] [得分] "
        "[偏差原因分析及改进措施]\n"
        "  row: [产出指标] [数量指标] [培训人次] [≥] [300] [人次] [320] [20] [20] []\n"
        "  row: [^产出指标] [质量指标] [培训合格率] [≥] [95] [%] [90] [20] [18] []\n"
        "  row: [效益指标] [社会效益指标] [群众知晓率] [≥] [80] [%] [85] [30] [30] []\n");
  Document two = test::DocFromText(
      "某县2022年项目绩效自评\n"
      "| 评价指标 | 指标值 |\n"
      "实际值 | 分值 | 得分 | 备注 | |||\n"
      "| 一级指标 | 二级指标 | 计量单位 | 目标值 | 指标性质 | |||\n"
      "| 产出 | 完成道路里程 | 公里 | 12 | 定量 | 12 | 40 | 40 | |\n"
      "| 时效 | 按期完工率 | % | 100 | 定量 | 90 | 30 | 27 | |\n");
  CHECK(TablesOf(two) ==
        "table pipe page 1\n"
        "  columns: [一级指标] [二级指标] [计量单位] [目标值] [指标性质] [实际值] [分值] [得分] [备注]\n"
        "  row: [产出] [完成道路里程] [公里] [12] [定量] [12] [40] [40] []\n"
        "  row: [时效] [按期完工率] [%] [100] [定量] [90] [30] [27] []\n");
  // 年初指标值 / 调整指标值 may sit under 指标值 or under 实际值, and the figures fit both: unread.
  Document both = test::DocFromText(
      "项目支出绩效自评表\n"
      "| 评价指标 | 指标值 | 实际值 | 分值 | 得分 |\n"
      "| 一级指标 | 二级指标 | 年初指标值 | 调整指标值 |\n"
      "| 产出 | 完成道路里程 | 12 | 12 | 12 | 40 | 40 |\n"
      "| 时效 | 按期完工率 | 100 | 100 | 90 | 30 | 27 |\n");
  Structure s = BuildStructure(both, BuiltinRules());
  REQUIRE(s.tables.size() == 1);
  CHECK(s.tables[0].rows.empty());
  CHECK(s.tables[0].unread.size() == 2);
  // A second header line only directly under its header: after a line left unread it is the
  // header of a table of its own.
  Document apart = test::DocFromText(
      "| 绩效指标 | 分值 | 得分 |\n"
      "说明 | 另起一行 |\n"
      "| 一级指标 | 二级指标 | 分值 | 得分 |\n"
      "| 产出指标 | 数量指标 | 20 | 18 |\n"
      "| 效益指标 | 社会效益 | 30 | 30 |\n");
  CHECK(TablesOf(apart).find("[产出指标] [数量指标] [20] [18]") != std::string::npos);
}

TEST_CASE("A wrapped cell around other cells keeps its pieces", "[structure][tables]") {
  Document doc = test::DocFromText(kCases[2].text);
  Structure s = BuildStructure(doc, BuiltinRules());
  REQUIRE(s.tables.size() == 1);
  REQUIRE(s.tables[0].rows.size() == 2);
  const Cell& name = s.tables[0].rows[0].cells[0];
  REQUIRE(name.parts.size() == 2);
  CHECK(doc.text.substr(name.parts[1].begin, name.parts[1].end - name.parts[1].begin) == "管理费用");
  CHECK(s.tables[0].rows[1].cells[0].parts.empty());
}

TEST_CASE("Ruled PDF tables: columns by position", "[structure][tables][pdf]") {
  struct Pdf {
    const char* file;
    const char* want;
  };
  const Pdf kPdfs[] = {
      {"corpus/styles/tables/ruled-indicators.pdf",
       "table positions page 1\n"
       "  columns: [一级指标] [二级指标] [三级指标] [年度指标值] [实际完成值] [分值] [得分] [偏差原因]\n"
       "  row: [产出指标] [数量指标] [新建服务站数量] [≥12个] [12个] [15] [15] []\n"
       "  row: [^产出指标] [时效指标] [资金拨付及时率] [≥95%] [100%] [10] [] [未评分]\n"
       "  row: [效益指标] [社会效益] [服务群众人次] [≥5000人次] [4800人次] [30] [28.8] [部分未完成]\n"
       "  total: [合计] [] [] [] [] [55] [53.8] []\n"},
      {"corpus/styles/tables/ruled-funds.pdf",
       "table positions page 1\n"
       "  columns: [项目资金(万元)] [年初预算数] [全年预算数(A)] [全年执行数(B)] [分值] [执行率(B/A)] [得分]\n"
       "  row: [年度资金总额] [120] [120] [118.5] [10] [] [9.88]\n"
       "  row: [其中：本年财政拨款] [120] [120] [118.5] [-] [-] [-]\n"
       "  row: [上年结转资金] [0] [0] [0] [-] [-] [-]\n"},
      // rowspan 3 and 2, labels centred on their rows: each owned by the first row of its span
      {"corpus/styles/tables/ruled-merged.pdf",
       "table positions page 1\n"
       "  columns: [一级指标] [二级指标] [分值] [得分]\n"
       "  row: [决策] [目标设置] [10] [9]\n"
       "  row: [产出指标] [数量指标] [15] [15]\n"
       "  row: [^产出指标] [质量指标] [10] [10]\n"
       "  row: [^产出指标] [时效指标] [5] [4]\n"
       "  row: [效益指标] [社会效益] [20] [18]\n"
       "  row: [^效益指标] [满意度] [10] [10]\n"},
  };
  for (const Pdf& p : kPdfs) {
    SECTION(p.file) {
      auto doc = LoadDocument(test::SourcePath(p.file));
      REQUIRE(doc.ok());
      CHECK(TablesOf(doc.value()) == p.want);
      Structure s = BuildStructure(doc.value(), BuiltinRules());
      REQUIRE(!s.tables.empty());
      CHECK(s.tables[0].columns[0].x1 > s.tables[0].columns[0].x0);
    }
  }
}

TEST_CASE("A long table is read in one pass", "[structure][tables]") {
  // 200000 rows: a quadratic reader would not finish; this is a bound on shape, not on speed.
  // Under AddressSanitizer, where each row costs ten times more, 50000 rows make the same point.
#if defined(__SANITIZE_ADDRESS__)
  const int kRows = 50000;
#else
  const int kRows = 200000;
#endif
  std::string text = "一级指标 分值 得分\n";
  for (int i = 0; i < kRows; ++i) text += "指标" + std::to_string(i % 7) + "项 10 9\n";
  Document doc = test::DocFromText(text);
  Structure s = BuildStructure(doc, BuiltinRules());
  REQUIRE(s.tables.size() == 1);
  CHECK(s.tables[0].rows.size() == static_cast<size_t>(kRows));
}

TEST_CASE("A form's kind from its title, a special fund's form included", "[structure][parts]") {
  struct Title {
    const char* title;
    DocKind kind;
  };
  const std::string body =
      "\n一级指标 权重 二级指标 分值 三级指标 计量单位 目标值(标准) 分值\n"
      "预算绩效 100 预算管理 75 预算执行进度(7月) % 40% 7\n";
  const Title kTitles[] = {
      {"长吉图发展战略专项经费绩效评价表", DocKind::kProjectForm},
      {"提升口岸核心能力达标建设专项经费支出绩效评价表", DocKind::kProjectForm},
      {"2022年度农村饮水安全专项资金绩效自评表", DocKind::kProjectForm},
      {"疫情疫病项目支出绩效评价表", DocKind::kProjectForm},
      {"部门整体支出绩效自评表", DocKind::kDepartmentForm},
      // Not a form: a report.
      {"2022年度部门整体支出绩效自评报告", DocKind::kDepartmentReport},
  };
  for (const Title& t : kTitles) {
    SECTION(t.title) {
      Document doc = test::DocFromText(std::string(t.title) + body);
      Structure s = BuildStructure(doc, BuiltinRules());
      REQUIRE(!s.parts.empty());
      CHECK(s.parts[0].kind == t.kind);
    }
  }
}

// A 部门决算's table of contents lists its self-evaluation forms ("十三、部门整体支出绩效自评表"): entries of a
// list of headings, no forms; a numbered form title that its rows follow is still a form.
TEST_CASE("Contents entries naming forms start no form part", "[structure][parts]") {
  const char* contents[] = {
      "某县政务服务管理局2022年度部门决算\n目录\n十一、国有资产使用情况表\n十二、部门整体支出绩效自评情况\n"
      "十三、部门整体支出绩效自评表\n十四、项目支出绩效自评表\n第三部分 2022年度部门决算情况说明\n一、收入决算情况说明\n",
      "某区档案馆2023年度单位决算\n目 录\n4.部门整体支出绩效自评表\n5.项目支出绩效自评表\n6.名词解释\n"
      "第一部分 单位概况\n",
  };
  for (const char* t : contents) {
    INFO(t);
    Structure s = BuildStructure(test::DocFromText(t), BuiltinRules());
    REQUIRE(s.parts.size() == 1);
    CHECK(s.parts[0].kind == DocKind::kFinalAccounts);
  }
  // An appendix form: its title numbered, its rows after it.
  Structure s = BuildStructure(test::DocFromText("某县农业农村局2023年度部门决算\n第三部分 附件\n"
                                                 "1.项目支出绩效自评表\n项目名称 高标准农田建设\n"
                                                 "年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"),
                               BuiltinRules());
  REQUIRE(s.parts.size() == 2);
  CHECK(s.parts[1].kind == DocKind::kProjectForm);
}

// A 决算 whose page title is cut off (the text opens with 目录) is named by its part heading
// "第二部分2024年度单位决算情况说明"; a self-evaluation report's sections are not.
TEST_CASE("A 决算 without its title, named by its part heading", "[structure][parts]") {
  struct Text {
    const char* text;
    DocKind kind;
  } texts[] = {
      {"目录\n第一部分单位概况\n一、主要职责\n第二部分2024年度单位决算情况说明\n一、收入支出决算总体情况说明\n",
       DocKind::kFinalAccounts},
      {"目 录\n第一部分 部门概况\n第二部分 2023年度部门决算情况说明\n第三部分 名词解释\n", DocKind::kFinalAccounts},
      {"第二部分 部门决算公开说明\n一、收入支出决算总体情况说明\n收入总计120.00万元。\n", DocKind::kFinalAccounts},
      // Not a part heading of a 决算.
      {"一、部门基本情况\n（一）2023年度部门决算情况\n全年自评得分95分。\n", DocKind::kDepartmentReport},
      {"第二部分 决算收支情况的分析\n一、收入情况\n收入总计120.00万元。\n", DocKind::kUnknown},
  };
  for (const Text& t : texts) {
    INFO(t.text);
    Structure s = BuildStructure(test::DocFromText(t.text), BuiltinRules());
    REQUIRE(s.parts.size() == 1);
    CHECK(s.parts[0].kind == t.kind);
  }
}

TEST_CASE("Forms one after another, their repeated title dropped as a running header", "[structure][parts]") {
  // Each page opens with the same title (normalization drops it as a running header); each form
  // has its own funds table: one part per funds table, from the first line of its page.
  const std::string form =
      "部门预算项目支出绩效自评表（2024年度）\n"
      "| 项目名称 | 示例项目 |\n"
      "| 资金执行（10分） | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 |\n"
      "| 总额 | 5.00 | 8.00 | 6.00 | 75.00% | 10 | 7.5 |\n"
      "| 一级指标 | 二级指标 | 三级指标 | 权重 | 得分 |\n"
      "| 产出指标 | 数量指标 | 培训人次 | 90 | 90 |\n";
  struct Pages {
    int pages;
    size_t parts;
  };
  for (const Pages& c : {Pages{1, 1}, Pages{2, 2}, Pages{3, 3}}) {
    Document doc;
    doc.path = "forms.txt";
    doc.name = "forms";
    for (int p = 1; p <= c.pages; ++p) {
      RawPage page;
      page.number = p;
      page.text = form;
      doc.pages.push_back(page);
    }
    Normalize(&doc);
    Structure s = BuildStructure(doc, BuiltinRules());
    CHECK(s.parts.size() == c.parts);
  }
}

}  // namespace
}  // namespace jixiao
