// Ruled PDF tables from synthetic word boxes (structure/pdf_grid.h): wrapped header and name
// cells, empty cells, merged cells centred on the rows they span, and what cannot be placed.
#include "structure/pdf_grid.h"

#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

namespace jixiao::internal::pdfgrid {
namespace {

// A word whose vertical centre is `cy`: 10 points a Chinese character, 5 an ASCII one, 10 high.
Word W(const std::string& text, double x0, double cy) {
  double width = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) width += 5;
    else if ((c & 0xC0) != 0x80) width += 10;
  }
  Word w;
  w.text = text;
  w.x0 = x0, w.x1 = x0 + width, w.y0 = cy - 5, w.y1 = cy + 5;
  w.figure = !text.empty() && text.find_first_not_of("0123456789.%") == std::string::npos;
  return w;
}

Tests Dictionary() {
  static const std::map<std::string, Kind> kKinds = {
      {"一级指标", Kind::kName}, {"二级指标", Kind::kName}, {"三级指标", Kind::kName},
      {"分值", Kind::kNumber},   {"得分", Kind::kNumber},   {"指标值", Kind::kValue}};
  Tests t;
  t.header = [](const std::vector<std::string>& labels, const std::vector<int>&, std::vector<Kind>* kinds) {
    kinds->clear();
    for (const std::string& l : labels) {
      auto it = kKinds.find(l);
      if (it == kKinds.end()) return false;
      kinds->push_back(it->second);
    }
    return true;
  };
  t.total = [](std::string_view s) { return s == "合计"; };
  return t;
}

// Columns, then one line per row: cells joined by '|', "^" before a carried cell, "?" unread.
std::vector<std::string> Render(const std::vector<Word>& words, const std::vector<Table>& tables) {
  std::vector<std::string> out;
  for (const Table& t : tables) {
    std::string h = "columns:";
    for (const Column& c : t.columns) h += " " + c.label;
    out.push_back(h);
    for (const Row& r : t.rows) {
      std::string line;
      for (size_t c = 0; c < r.cells.size(); ++c) {
        if (c > 0) line += "|";
        const Cell& cell = r.cells[c];
        if (cell.unread) {
          line += "?";
          continue;
        }
        if (cell.carried) line += "^";
        for (size_t w : cell.words) line += words[w].text;
      }
      out.push_back(line);
    }
  }
  return out;
}

// Header at x: 一级指标 0, 三级指标 50, 分值 110, 得分 140.
std::vector<Word> Header() {
  return {W("一级指", 0, 0), W("三级指标", 50, 5), W("分值", 110, 5), W("得分", 140, 5), W("标", 0, 12)};
}

TEST_CASE("pdf_grid: cells from word boxes", "[pdf_grid]") {
  struct Case {
    const char* name;
    std::vector<Word> body;
    std::vector<std::string> want;
  };
  const std::vector<Case> cases = {
      {"wrapped header and name cells, figures centred between the name's lines",
       {W("产出指", 0, 30), W("指标1工程资", 50, 30), W("10", 110, 36), W("9", 140, 36), W("标", 0, 42),
        W("金金额", 50, 42), W("指标2", 50, 60), W("质量", 50, 78), W("10", 110, 78), W("10", 140, 78)},
       {"columns: 一级指标 三级指标 分值 得分", "产出指标|指标1工程资金金额|10|9", "^产出指标|指标2||",
        "^产出指标|质量|10|10"}},
      {"an empty cell stays empty where it is",
       {W("产出", 0, 30), W("甲", 50, 30), W("10", 110, 30), W("乙", 50, 48), W("8", 140, 48)},
       {"columns: 一级指标 三级指标 分值 得分", "产出|甲|10|", "^产出|乙||8"}},
      {"a word across two columns: both cells unread, the row kept",
       {W("产出", 0, 30), W("甲", 50, 30), W("10", 110, 30), W("10", 140, 30), W("乙", 50, 48),
        W("10.510", 116, 48)},
       {"columns: 一级指标 三级指标 分值 得分", "产出|甲|10|10", "^产出|乙|?|?"}},
      {"two figures in one cell of a number column: unread",
       {W("产出指", 0, 30), W("甲", 50, 36), W("10", 110, 36), W("8", 122, 36), W("9", 140, 36), W("标", 0, 42),
        W("乙", 50, 60), W("10", 110, 60), W("10", 140, 60), W("丙", 50, 78), W("5", 110, 78), W("5", 140, 78)},
       {"columns: 一级指标 三级指标 分值 得分", "产出指标|甲|?|9", "^产出指标|乙|10|10", "^产出指标|丙|5|5"}},
      {"labels centred on the two rows they span (merged cells)",
       {W("甲", 50, 20), W("1", 110, 20), W("1", 140, 20), W("产出", 0, 29), W("乙", 50, 38), W("2", 110, 38),
        W("2", 140, 38), W("丙", 50, 56), W("3", 110, 56), W("3", 140, 56), W("效益", 0, 65), W("丁", 50, 74),
        W("4", 110, 74), W("4", 140, 74)},
       {"columns: 一级指标 三级指标 分值 得分", "产出|甲|1|1", "^产出|乙|2|2", "效益|丙|3|3", "^效益|丁|4|4"}},
      // A label centred on three rows of one line each reaches over no cut; the first row has no
      // label of its own, so the rows do not continue the label above: each label owns its span,
      // written at its first row.
      {"labels centred on rows of one line, the first row without a label",
       {W("甲", 50, 20), W("1", 110, 20), W("1", 140, 20), W("产出", 0, 38), W("乙", 50, 38), W("2", 110, 38),
        W("2", 140, 38), W("丙", 50, 56), W("3", 110, 56), W("3", 140, 56), W("丁", 50, 74), W("4", 110, 74),
        W("4", 140, 74), W("效益", 0, 92), W("戊", 50, 92), W("5", 110, 92), W("5", 140, 92), W("己", 50, 110),
        W("6", 110, 110), W("6", 140, 110)},
       {"columns: 一级指标 三级指标 分值 得分", "产出|甲|1|1", "^产出|乙|2|2", "^产出|丙|3|3", "效益|丁|4|4",
        "^效益|戊|5|5", "^效益|己|6|6"}},
      // Rows of unequal height (a name over three lines): a label's span is found by the rows'
      // edges, not by counting rows (产出 is centred on rows 1-3, below the middle of the second).
      {"a label centred on rows of unequal height",
       {W("甲", 50, 20), W("1", 110, 20), W("1", 140, 20), W("乙", 50, 38), W("2", 110, 38), W("2", 140, 38),
        W("产出", 0, 46), W("丙一", 50, 56), W("丙二", 50, 64), W("3", 110, 64), W("3", 140, 64), W("丙三", 50, 72),
        W("效益", 0, 90), W("丁", 50, 90), W("4", 110, 90), W("4", 140, 90)},
       {"columns: 一级指标 三级指标 分值 得分", "产出|甲|1|1", "^产出|乙|2|2", "^产出|丙一丙二丙三|3|3",
        "效益|丁|4|4"}},
      {"a total row ends the table; text across the table is not read",
       {W("产出", 0, 30), W("甲", 50, 30), W("10", 110, 30), W("9", 140, 30), W("合计", 0, 48), W("10", 110, 48),
        W("9", 140, 48), W("说明", 0, 66), W("本表数据", 50, 66)},
       {"columns: 一级指标 三级指标 分值 得分", "产出|甲|10|9", "合计||10|9"}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      std::vector<Word> words = Header();
      words.insert(words.end(), c.body.begin(), c.body.end());
      CHECK(Render(words, ReadTables(words, Dictionary())) == c.want);
    }
  }
}

TEST_CASE("pdf_grid: a table the page ends goes on at the top of the next page", "[pdf_grid]") {
  std::vector<Word> page1 = Header();
  for (const Word& w : {W("产出", 0, 30), W("甲", 50, 30), W("10", 110, 30), W("9", 140, 30)}) page1.push_back(w);
  std::vector<Column> open;
  std::vector<Table> first = ReadTables(page1, Dictionary(), nullptr, &open);
  REQUIRE(first.size() == 1);
  REQUIRE(open.size() == 4);
  std::vector<Word> page2 = {W("乙", 50, 20), W("8", 110, 20), W("8", 140, 20), W("合计", 0, 38), W("18", 110, 38),
                             W("17", 140, 38)};
  std::vector<Column> still_open;
  std::vector<Table> second = ReadTables(page2, Dictionary(), &open, &still_open);
  CHECK(Render(page2, second) == std::vector<std::string>{"columns: 一级指标 三级指标 分值 得分", "|乙|8|8", "合计||18|17"});
  REQUIRE(second.size() == 1);
  CHECK(second[0].continued);
  CHECK(still_open.empty());  // the total row ended it
  // A table ended by its total row is not open.
  page1.push_back(W("合计", 0, 48));
  page1.push_back(W("10", 110, 48));
  ReadTables(page1, Dictionary(), nullptr, &open);
  CHECK(open.empty());
}

TEST_CASE("pdf_grid: a one-line header is read here only when its rows wrap", "[pdf_grid]") {
  const std::vector<Word> header = {W("一级指标", 0, 5), W("三级指标", 50, 5), W("分值", 110, 5), W("得分", 140, 5)};
  // Rows of one line each: the line-by-line reader reads them (tables_positions.cc), not this one.
  std::vector<Word> flat = header;
  for (const Word& w : {W("产出", 0, 30), W("甲", 50, 30), W("10", 110, 30), W("9", 140, 30), W("效益", 0, 48),
                        W("乙", 50, 48), W("8", 110, 48), W("8", 140, 48)})
    flat.push_back(w);
  CHECK(ReadTables(flat, Dictionary()).empty());
  // A name over two lines with its figures between them: no line alone is a row.
  std::vector<Word> wrapped = header;
  for (const Word& w : {W("产出", 0, 30), W("甲一", 50, 26), W("10", 110, 30), W("9", 140, 30), W("甲二", 50, 34),
                        W("效益", 0, 56), W("乙", 50, 56), W("8", 110, 56), W("8", 140, 56)})
    wrapped.push_back(w);
  CHECK(Render(wrapped, ReadTables(wrapped, Dictionary())) ==
        std::vector<std::string>{"columns: 一级指标 三级指标 分值 得分", "产出|甲一甲二|10|9", "效益|乙|8|8"});
  // Without the rule (Tests::one_line_when_wrapped = false) it is left to the line reader too.
  Tests strict = Dictionary();
  strict.one_line_when_wrapped = false;
  CHECK(ReadTables(wrapped, strict).empty());
}

TEST_CASE("pdf_grid: no header, no table", "[pdf_grid]") {
  // Header words that do not read as a header (one unknown label), and a page of prose.
  std::vector<Word> words = {W("一级指", 0, 0), W("备注栏", 50, 5), W("分值", 110, 5), W("标", 0, 12),
                             W("产出", 0, 30), W("10", 110, 30)};
  CHECK(ReadTables(words, Dictionary()).empty());
  CHECK(ReadTables({}, Dictionary()).empty());
  CHECK(ReadTables({W("本年度项目按计划实施完毕。", 0, 0)}, Dictionary()).empty());
}

}  // namespace
}  // namespace jixiao::internal::pdfgrid
