// Tables as grids (structure/tables*.cc): one case per text shape with the expected grid (column
// labels, each row's cells, empty cells `[]`, carried cells `[^…]`), false-alarm guards, and the
// ruled PDF fixtures of corpus/styles/tables/.
#include <catch2/catch.hpp>

#include "extract/extract.h"
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
    // pieces apart (Cell::parts), `at` is the first.
    {"aligned columns: a wrapped name on the line below joins its cell; prose ends the table",
     "资金项目              资金额度    自评分    指标得分\n"
     "股权投资第三方服务      253.99      96        2.42\n"
     "管理费用\n"
     "阿里云创新中心项目      175.00      96        1.66\n"
     "\n\n"
     "经计算，故此项指标自评得 9.66 分，具体如上表所示。\n",
     "table aligned page 1\n  columns: [资金项目] [资金额度] [自评分] [指标得分]\n"
     "  row: [股权投资第三方服务] [253.99] [96] [2.42]\n"
     "  row: [阿里云创新中心项目] [175.00] [96] [1.66]\n"},
    {"one space between cells: cells by counting; five figures under six columns left out",
     "项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
     "年度资金总额： 120 120 118.5 10 9.88\n"
     "其中：本年财政拨款 120 120 118.5 - - -\n"
     "上年结转资金 0 0 0 0 0.00% 0\n",
     "table aligned page 1\n"
     "  columns: [项目资金(万元)] [年初预算数] [全年预算数] [全年执行数] [分值] [执行率] [得分]\n"
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
    {"false alarm: a prose paragraph with numbers and column words",
     "本年度分值 100 分，得分 95 分，得分率 95%。\n项目支出 120 万元，执行 118.5 万元。\n", ""},
    {"false alarm: a numbered heading list",
     "一、基本情况\n二、绩效自评结果\n1.预算编制 20 分\n2.预算执行 40 分\n三、存在问题\n", ""},
    {"false alarm: column words in a sentence",
     "一级指标包括预算编制、预算执行，分值和得分见下文。\n", ""},
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
  CHECK(u.find("9.88") != std::string_view::npos);
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
       "  row: [其中：本年财政拨款] [120] [120] [118.5] [] [] []\n"
       "  row: [上年结转资金] [0] [0] [0] [] [] []\n"},
      {"corpus/styles/tables/ruled-merged.pdf",  // rowspan 3 and 2, labels centred on their rows
       "table positions page 1\n"
       "  columns: [一级指标] [二级指标] [分值] [得分]\n"
       "  row: [决策] [目标设置] [10] [9]\n"
       "  row: [^产出指标] [数量指标] [15] [15]\n"
       "  row: [产出指标] [质量指标] [10] [10]\n"
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
  std::string text = "一级指标 分值 得分\n";
  for (int i = 0; i < 200000; ++i) text += "指标" + std::to_string(i % 7) + "项 10 9\n";
  Document doc = test::DocFromText(text);
  Structure s = BuildStructure(doc, BuiltinRules());
  REQUIRE(s.tables.size() == 1);
  CHECK(s.tables[0].rows.size() == 200000);
}

}  // namespace
}  // namespace jixiao
