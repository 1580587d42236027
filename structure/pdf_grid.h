// Private to structure/: ruled PDF tables read from the positions of their words, for tables whose
// cells are narrow enough to wrap (a header cell in two or three lines, "一级指" / "标"; a name cell
// in two lines around the row's figures). The line-by-line reader (tables_positions.cc) cannot read
// them: no single line of such a header is a header, and no single line of such a row is a row.
//
// Pure geometry on plain structs (no Document, no rules): the caller says which joined texts are a
// header and which words are figures, so it is tested without PDFs.
//
// How a table is read (the "stream" approach, with the wrapped cells joined):
// - Header band: one to six lines close together whose words, grouped into columns by their x
//   extents (words that overlap horizontally are one cell, read top to bottom), all read as header
//   cells (HeaderTest). The columns' boundaries are the middles of the gaps between header cells.
// - Body: the lines below, while their words stay inside the columns (a word across a boundary is
//   unplaced: its cells are unread, and a line of several such words is text after the table), up
//   to a total row (RowTests::total), a new header, or a vertical gap of several lines.
// - Cells: in each column, lines closer than the table's line pitch (the smallest distance between
//   two lines of one column, when some distance is clearly larger) are one wrapped cell.
// - Rows: cut where the lines of all columns leave a gap wider than the line pitch, and wherever a
//   column holds two cells with no cut between them (at the widest gap between). A cell whose lines
//   lie in several rows is a merged cell: it belongs to the first and is carried to the others.
// - Empty leading name cells of a row with other cells carry the name above (a merged or
//   continued cell), except where labels are centred on the rows they span (vertically centred
//   merged cells): there each label owns the rows around it.
// - Certainty: a number column's cell holding two figures, or a word placed in no column, leaves
//   the cell unread (PdfCell::unread), never guessed.
#ifndef JIXIAO_STRUCTURE_PDF_GRID_H_
#define JIXIAO_STRUCTURE_PDF_GRID_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::internal::pdfgrid {

enum class Kind { kName, kNumber, kValue, kText };

// One word of a page: its box (PDF points, y down) and its text.
struct Word {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::string text;
  bool figure = false;  // a figure (a number column's content), as the caller's rules say
  double Cx() const { return (x0 + x1) / 2; }
  double Cy() const { return (y0 + y1) / 2; }
};

// The caller's rules. `header`: the texts of the candidate header cells, left to right, each
// joined top to bottom, and per cell the index of the first cell of its group (cells under one
// group label, "采集数据项" over "数据项1" "数据项2"; -1 outside groups) → their kinds (true), or
// false when they are not a table's header.
// `total`: a row name that ends a table (合计, 总分).
struct Tests {
  std::function<bool(const std::vector<std::string>& labels, const std::vector<int>& groups,
                     std::vector<Kind>* kinds)>
      header;
  std::function<bool(std::string_view name)> total;
  // Tables whose header takes fewer lines are left to the line-by-line reader (a one-line header
  // is read there); another header of any height still ends a table.
  size_t min_header_lines = 2;
  // A one-line header is read here too when its table's rows wrap (a cell over two or more lines,
  // which the line-by-line reader cannot join) and every name cell is known.
  bool one_line_when_wrapped = true;
};

struct Column {
  std::string label;           // joined top to bottom, no spaces
  Kind kind = Kind::kName;
  double x0 = 0, x1 = 0;       // extent of the header cell's words
  std::vector<size_t> words;   // header words in reading order
};

struct Cell {
  std::vector<size_t> words;   // in reading order (lines top to bottom, words left to right)
  bool unread = false;         // something is here but cannot be read with certainty
  bool carried = false;        // merged from above: `words` are the owning cell's
};

struct Row {
  std::vector<Cell> cells;     // one per column
  std::vector<size_t> words;   // every word of the row (own cells and unplaced words)
  double y0 = 0, y1 = 0;       // vertical extent of its lines' centres
};

struct Table {
  std::vector<Column> columns;
  std::vector<Row> rows;
  std::vector<size_t> unplaced;  // body words in no column (across a boundary)
  std::vector<size_t> words;     // every word the table holds (header and body; a continued
                                 // table's header words are the page before's: not in here)
  double y0 = 0, y1 = 0;         // from the header's top to the last row's bottom
  bool continued = false;        // the rows of the page before's open table (its columns)
};

// The tables among one page's words (any order). Words not in a table are not returned.
// `continued`: the columns of a table the page before left open (its rows go on at the top of this
// page); `open`: set to the columns of this page's last table when the page, not the table, ended
// it (no total row, no text after it), else cleared.
std::vector<Table> ReadTables(const std::vector<Word>& words, const Tests& tests,
                              const std::vector<Column>* continued = nullptr, std::vector<Column>* open = nullptr);

}  // namespace jixiao::internal::pdfgrid

#endif  // JIXIAO_STRUCTURE_PDF_GRID_H_
