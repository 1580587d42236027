// Private to structure/tables*.cc: the raw side of a table. Cell boundaries are found on the raw
// page text (RawPage::text, where the spaces between cells are still there, and RawPage::boxes for
// PDFs) and mapped back to spans of Document::text through Document::origins.
#ifndef JIXIAO_STRUCTURE_TABLES_INTERNAL_H_
#define JIXIAO_STRUCTURE_TABLES_INTERNAL_H_

#include <re2/re2.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "structure/internal.h"

namespace jixiao::internal::grid {

// What a column holds (the named groups of rules grid.column).
enum class ColType { kName, kNumber, kValue, kText };

// A run of non-space characters on one raw line.
struct Token {
  size_t raw_b = 0, raw_e = 0;  // offsets in RawPage::text
  Span at;                      // in Document::text; empty if normalization dropped it
  double x0 = 0, x1 = 0;        // PDF: points; text: display columns (a Chinese character is 2)
  double y0 = 0, y1 = 0;        // PDF: vertical extent; 0 for text
};

// One line of a raw page.
struct RawLine {
  size_t page = 0;              // index in Document::pages
  size_t b = 0, e = 0;          // offsets in RawPage::text, '\n' excluded
  double y0 = 0, y1 = 0;        // PDF: vertical extent; text: the line's index on its page
  std::vector<Token> tokens;
  Span at;                      // hull of the tokens' spans in Document::text
  bool positioned = false;      // x/y are PDF points
  bool dropped = false;         // text that normalization dropped (a page-number-like line)
};

// Raw offsets to normalized offsets, for every page.
class RawMap {
 public:
  explicit RawMap(const Document& doc);
  // The first normalized byte that came from raw byte `off` of page index `page`, or npos.
  size_t Begin(size_t page, size_t off) const;
  // The normalized span of raw bytes [b, e) of a page (empty if none of them was kept).
  Span SpanOf(size_t page, size_t b, size_t e) const;

 private:
  const Document& doc_;
  std::vector<std::vector<uint32_t>> first_;  // per page, per raw byte: normalized offset + 1
};

// Splits a raw line into tokens (spaces, tabs, U+3000 and U+00A0 separate them); `pipe` also
// splits at '|' and keeps every '|' as a token of its own.
RawLine ReadLine(const Document& doc, const RawMap& map, size_t page, size_t b, size_t e, double index);

// Text pages: a pipe row whose cells wrap over lines (a cell that begins with a line break) read
// as one line, where the lines' bars add up to the table's bar count (tables_pipe.cc).
void JoinWrappedPipeRows(const Document& doc, const RawMap& map, size_t page, std::vector<RawLine>* lines);

// The x extent of raw bytes [b, e) of a line (see Token::x0).
void ExtentOf(const Document& doc, const RawLine& line, size_t b, size_t e, double* x0, double* x1);

// The normalized text of a span.
inline std::string_view View(const Document& doc, Span s) {
  if (s.end > doc.text.size() || s.empty()) return {};
  return std::string_view(doc.text).substr(s.begin, s.end - s.begin);
}

// A column of a header being read.
struct HeaderCol {
  ColType type = ColType::kName;
  std::string label;
  Span at;
  double x0 = 0, x1 = 0;
  size_t first_token = 0, last_token = 0;  // tokens of the header line it came from
};

// The compiled rules the table reader uses.
struct GridRules {
  explicit GridRules(const Rules& rules);
  const RE2& column;
  const RE2& note;
  const RE2& prose;
  const RE2& marker;
  const RE2& figure;
  const RE2& total;
  const RE2& heading;
  const RE2& header_tail;
  const RE2& class_text;
  const RE2& class_number;
  const RE2& class_value;
  const RE2& class_name;
  const RE2& class_reject;
  const RE2& title_cell;
  const RE2& level_column;
  // One-line tables (tables_flat.cc); nullptr when the rules do not define them.
  const RE2* flat_level1 = nullptr;      // grid.flat.level1: an 一级 name
  const RE2* flat_amount = nullptr;      // grid.flat.amount: a budget amount column
  const RE2* flat_total_only = nullptr;  // grid.flat.total_only: filled on the funds total row only
  const RE2* flat_may_lack = nullptr;    // grid.flat.may_lack: a value column often left empty
  const RE2* flat_unscored = nullptr;    // grid.flat.unscored: a row whose 得分 may be empty
  const RE2* flat_text_word = nullptr;   // grid.flat.text_word: a one-word text cell (是 / 否)
  const RE2* flat_unit_column = nullptr; // grid.flat.unit_column / unit_cell: a unit column and its cells
  const RE2* flat_unit_cell = nullptr;
  const RE2* flat_nature_column = nullptr;  // grid.flat.nature_column / nature_cell: 指标性质 and its cells
  const RE2* flat_nature_cell = nullptr;
  const RE2* flat_group_name = nullptr;  // grid.flat.group_name: an 一级 / 二级 name by its shape
  const RE2* ocr_figure = nullptr;       // grid.ocr_figure: a figure garbled by OCR ("IO")
  const RE2* stream_end = nullptr;
  const RE2* group_label = nullptr;
  const RE2* funds_part = nullptr;
  const RE2* serial_column = nullptr;    // grid.serial_column: a row-number column (序号)       // grid.funds_part: a 其中 row of a funds block      // grid.group_label: a label spanning amount columns ("年度预算数(万元)")       // grid.stream_end: a block title that ends a one-cell-per-line table
  const RE2& filled_column;
  const RE2& percent_column;
  const RE2& residue_row;
  const RE2& amount_column;
  const RE2& name_word;
  std::vector<std::pair<int, ColType>> groups;  // capturing group index → type
};

// Reads tokens [from, to) of a line as header cells: every token one or more column words, each
// optionally followed by notes; a token that is only a note belongs to the column before it.
// False if some token is not a header cell.
bool ParseHeader(const Document& doc, const GridRules& g, const RawLine& line, size_t from, size_t to,
                 std::vector<HeaderCol>* cols);

// Header cells by what their words say (tables_header.cc), for headers grid.column does not
// read: every token of [from, to) one cell (its notes removed, classified by rules
// grid.class_*). True if the cells look like a header: three or more, a number column and a name
// column among them, at most one of unknown words besides the first, none with figures or prose;
// text lines only (a PDF line of header words is pieces of wrapped cells).
bool ClassifyHeader(const Document& doc, const GridRules& g, const RawLine& line, size_t from, size_t to,
                    std::vector<HeaderCol>* cols);
// One cell of a header written one cell per line: a column word of grid.column, or a token whose
// words have a class (not the catch-all). Pipe tokens are ignored.
bool HeaderWord(const Document& doc, const GridRules& g, const RawLine& line, HeaderCol* col);
// Drops a first cell that is a block title over the level columns (rules grid.title_cell).
void DropTitleCell(const GridRules& g, std::vector<HeaderCol>* cols);
// Validates cells collected one per line (as ClassifyHeader; `classified`: some came from classes).
bool LooksLikeHeader(const std::vector<HeaderCol>& cols, bool classified);

// Token kinds for rows read by counting.
// Whether `re` matches somewhere in `s`; a header label without its trailing notes ("全年实际值(B)"
// → "全年实际值", notes by rule). In tables_header.cc; the line and the PDF header readers share them.
bool Has(const RE2& re, std::string_view s);
std::string_view Stem(const GridRules& g, std::string_view s);
bool IsFigure(const GridRules& g, std::string_view s);
bool IsEmptyMarker(const GridRules& g, std::string_view s);

}  // namespace jixiao::internal::grid

#endif  // JIXIAO_STRUCTURE_TABLES_INTERNAL_H_
