// Forms and scoring tables flattened onto one line (structure/tables_flat.cc): invented one-line
// forms of each family, cut into rows only where the cut is the only one. Each case gives the
// expected grid (carried cells `[^…]`, empty cells `[]`) and the unread stretches (a figure in
// each); the ambiguous and unplaceable ones must come out unread, never guessed.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "audit/audit.h"
#include "rules/rules.h"
#include "structure/structure.h"
#include "tests/audit_testing.h"
#include "tests/test_util.h"

namespace jixiao {
namespace {

using testing::BuiltinRules;

// The tables part of Structure::Dump without the "@line" anchors, then "unread: …" per stretch.
std::string Flat(const std::string& text) {
  Document doc = test::DocFromText(text);
  Structure s = BuildStructure(doc, BuiltinRules());
  std::string dump = s.Dump(doc), out;
  size_t at = dump.find("\ntable ");
  if (at != std::string::npos) {
    std::string rest = dump.substr(at + 1);
    size_t pos = 0;
    while (pos < rest.size()) {
      size_t nl = rest.find('\n', pos);
      if (nl == std::string::npos) nl = rest.size();
      std::string line = rest.substr(pos, nl - pos);
      if (line.rfind("table ", 0) == 0) line = line.substr(0, line.rfind(" @"));
      if (line.rfind("part ", 0) != 0 && line.rfind("kind ", 0) != 0) out += line + "\n";
      pos = nl + 1;
    }
  }
  for (const Table& t : s.tables)
    for (const Span& u : t.unread) out += "unread: " + doc.text.substr(u.begin, u.end - u.begin) + "\n";
  return out;
}

struct Case {
  const char* name;
  const char* text;
  const char* want;
};

const Case kCases[] = {
    {"national form: funds block, 其中 rows without scoring cells, indicators with carried groups",
     "项目支出绩效自评表 项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 "
     "年度资金总额: 50 50 45 10 90% 9 其中:财政拨款 50 50 45 其他资金 年度总体目标 完成建设任务。 "
     "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
     "产出指标(50分) 数量指标 新建站点数 ≥6个 6个 25 25 质量指标 验收合格率 100% 100% 25 25 "
     "效益指标(40分) 社会效益指标 群众知晓率 ≥90% 85% 40 37 未达目标，加强宣传。 总分 100 91\n",
     "table one_line page 1\n"
     "  columns: [项目资金(万元)] [年初预算数] [全年预算数] [全年执行数] [分值] [执行率] [得分]\n"
     "  row: [年度资金总额:] [50] [50] [45] [10] [90%] [9]\n"
     "  row: [其中:财政拨款] [50] [50] [45] [] [] []\n"
     "table one_line page 1\n"
     "  columns: [一级指标] [二级指标] [三级指标] [年度指标值] [实际完成值] [分值] [得分] [偏差原因分析及改进措施]\n"
     "  row: [产出指标(50分)] [数量指标] [新建站点数] [≥6个] [6个] [25] [25] []\n"
     "  row: [^产出指标(50分)] [质量指标] [验收合格率] [100%] [100%] [25] [25] []\n"
     "  row: [效益指标(40分)] [社会效益指标] [群众知晓率] [≥90%] [85%] [40] [37] [未达目标，加强宣传。]\n"
     "  total: [总分] [] [] [] [] [100] [91] []\n"},
    {"older framework: maxima in the names, an optional row without 得分, blank optional rows",
     "一级指标 二级指标 三级指标 分值 得分 项目决策(20分) 目标设定(20分) 明确性 10 10 合理性 10 9 "
     "项目绩效(80分) 项目效益(80分) 经济效益(可选项) 40 社会效益(可选项) 40 36 生态效益(可选项) "
     "服务对象满意度 40 40 总分 100 95\n",
     "table one_line page 1\n"
     "  columns: [一级指标] [二级指标] [三级指标] [分值] [得分]\n"
     "  row: [项目决策(20分)] [目标设定(20分)] [明确性] [10] [10]\n"
     "  row: [^项目决策(20分)] [^目标设定(20分)] [合理性] [10] [9]\n"
     "  row: [项目绩效(80分)] [项目效益(80分)] [经济效益(可选项)] [40] []\n"
     "  row: [^项目绩效(80分)] [^项目效益(80分)] [社会效益(可选项)] [40] [36]\n"
     "  row: [^项目绩效(80分)] [^项目效益(80分)] [生态效益(可选项)] [] []\n"
     "  row: [^项目绩效(80分)] [^项目效益(80分)] [服务对象满意度] [40] [40]\n"
     "  total: [总分] [] [] [100] [95]\n"},
    {"department form: a funds row with only its rate cells, merged unit and 指标性质 cells, 是否核心指标",
     "部门整体绩效自评表 部门预算执行情况(万元) 年初预算数 全年(调整)预算数 全年执行数 执行率(%) 执行率权重 "
     "执行率得分(分) 预算资金 80% 10 8 指标名称 计量单位 指标性质 年初指标值 调整指标值 全年完成值 得分系数(%) "
     "指标权重(分) 指标得分(分) 是否核心指标 培训人次 人次 定量指标 200人次 210人次 100% 20 20 是 "
     "宣传场次 场 10场 8场 80% 10 8 否 制度健全性 定性指标 健全 健全 100% 10 10 否\n",
     "table one_line page 1\n"
     "  columns: [部门预算执行情况(万元)] [年初预算数] [全年(调整)预算数] [全年执行数] [执行率(%)] [执行率权重] "
     "[执行率得分(分)]\n"
     "  row: [预算资金] [] [] [] [80%] [10] [8]\n"
     "table one_line page 1\n"
     "  columns: [指标名称] [计量单位] [指标性质] [年初指标值] [调整指标值] [全年完成值] [得分系数(%)] [指标权重(分)] "
     "[指标得分(分)] [是否核心指标]\n"
     "  row: [培训人次] [人次] [定量指标] [200人次] [] [210人次] [100%] [20] [20] [是]\n"
     "  row: [宣传场次] [场] [] [10场] [] [8场] [80%] [10] [8] [否]\n"
     "  row: [制度健全性] [] [定性指标] [健全] [] [健全] [100%] [10] [10] [否]\n"},
    // Five figures under six columns: which cell is empty is not written anywhere; three plain
    // figures on a first row could be the amounts or the scoring cells. Both are unread; reading
    // resumes at the next row that can be placed on its own.
    {"ambiguous: five figures for six funds columns; three plain figures on the total row",
     "项目支出绩效自评表 项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 120 120 118.5 10 9.88 "
     "其中:财政拨款 120 120 118.5 上年结转资金 0 0 0 0 0% 0\n",
     "table one_line page 1\n"
     "  columns: [项目资金(万元)] [年初预算数] [全年预算数] [全年执行数] [分值] [执行率] [得分]\n"
     "  row: [上年结转资金] [0] [0] [0] [0] [0%] [0]\n"
     "unread: 年度资金总额: 120 120 118.5 10 9.88 其中:财政拨款 120 120 118.5\n"},
    {"ambiguous: a row that lost a cell would read one column off under the carried groups",
     "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 产出指标 数量指标 培训人次 ≥100 120 10 10 "
     "质量指标 合格率 95% 10 效益指标 社会效益指标 知晓率 ≥90% 95% 10 10\n",
     "table one_line page 1\n"
     "  columns: [一级指标] [二级指标] [三级指标] [年度指标值] [实际完成值] [分值] [得分]\n"
     "  row: [产出指标] [数量指标] [培训人次] [≥100] [120] [10] [10]\n"
     "  row: [效益指标] [社会效益指标] [知晓率] [≥90%] [95%] [10] [10]\n"
     "unread: 质量指标合格率 95% 10\n"},
    {"ambiguous: a value missing and no carried name to tell which",
     "指标名称 年初指标值 全年完成值 指标权重 指标得分 培训人次 100 10 10 宣传场次 10场 8场 10 8\n",
     "table one_line page 1\n"
     "  columns: [指标名称] [年初指标值] [全年完成值] [指标权重] [指标得分]\n"
     "  row: [宣传场次] [10场] [8场] [10] [8]\n"
     "unread: 培训人次 100 10 10\n"},
    {"false alarm: column words in a sentence are not a one-line table",
     "一级指标、二级指标和三级指标的分值与得分见附表，年初预算数 全年预算数另行公开。\n", ""},
};

}  // namespace

TEST_CASE("One-line tables: rows cut only where the cut is unique", "[structure][tables][flat]") {
  for (const Case& c : kCases) {
    SECTION(c.name) { CHECK(Flat(c.text) == c.want); }
  }
}

TEST_CASE("One-line tables: every cell and unread stretch is a span of the line", "[structure][tables][flat]") {
  for (const Case& c : kCases) {
    Document doc = test::DocFromText(c.text);
    Structure s = BuildStructure(doc, BuiltinRules());
    for (const Table& t : s.tables) {
      for (const TableRow& r : t.rows) {
        REQUIRE(r.cells.size() == t.columns.size());
        for (const Cell& cell : r.cells) CHECK(cell.at.end <= doc.text.size());
      }
      for (const Span& u : t.unread) CHECK((u.begin < u.end && u.end <= doc.text.size()));
    }
  }
}

TEST_CASE("One-line forms: checked like any form; unread rows are coverage", "[audit][forms][flat]") {
  // The national case above: 年度资金总额 = 其中 rows holds, 执行率 45/50 = 90%, 得分 9 = 10 × 90%,
  // Σ 分值 = 100 and Σ 得分 = 9 + 25 + 25 + 37 = 96 ≠ 91.
  AuditResult r = Audit(test::DocFromText(kCases[0].text), BuiltinRules());
  int total_fail = 0, unread = 0, errors = 0;
  for (const auto& c : r.checks)
    if (c.check == CheckId::kScoreTotal && c.verdict == Verdict::kFail) ++total_fail;
  for (const auto& f : r.findings) {
    if (f.check == CheckId::kParseUnread) ++unread;
    if (f.severity == Severity::kError) ++errors;
  }
  CHECK(total_fail == 1);
  CHECK(errors == 1);
  // The ambiguous funds block: its rows are reported as not read, and nothing is checked on them.
  AuditResult a = Audit(test::DocFromText(kCases[3].text), BuiltinRules());
  bool reported = false;
  for (const auto& f : a.findings)
    if (f.check == CheckId::kParseUnread && f.quote.find("9.88") != std::string::npos) reported = true;
  for (const auto& f : a.findings) CHECK(f.severity != Severity::kError);
  CHECK(reported);
  (void)unread;
}

}  // namespace jixiao
