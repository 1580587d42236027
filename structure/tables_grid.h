// Private to structure/tables*.cc: a table being read, row by row, in one of the text shapes.
// Each shape has its own Feed (tables_positions.cc: PDF positions and aligned text;
// tables_text.cc: rows read by counting, pipe rows, one cell per line, one-line tables); the
// common part — fragments of wrapped cells, merged cells carried down, empty cells, total rows,
// the final Table — is here and in tables_grid.cc.
#ifndef JIXIAO_STRUCTURE_TABLES_GRID_H_
#define JIXIAO_STRUCTURE_TABLES_GRID_H_

#include <vector>

#include "structure/tables_internal.h"

namespace jixiao::internal::grid {

enum class Mode {
  kPositions,  // PDF: columns by x in points
  kAligned,    // text: columns by display column
  kCount,      // text with one space between cells: cells by counting, typed
  kPipe,       // | a | b |
  kCellPerLine,
  kOneLine,
};

// How the cells of a one-cell-per-line table are delimited.
enum class Stream {
  kBare,   // every line one cell (no empty cells)
  kPipe,   // lines up to a `|` line are one cell; `|` with nothing before it is an empty cell
  kBlank,  // cells separated by a blank line; each further two blank lines an empty cell
};

// A cell of a one-cell-per-line stream.
struct StreamCell {
  std::vector<Span> spans;
  bool empty = false;
  bool marked = false;  // an empty marker (`-`)
  bool broken = false;  // normalization dropped its text (no span of Document::text)
  bool figure = false;
  bool prose = false;
  size_t bytes = 0;
};

// A row, or a fragment of one (a line holding only the wrapped text of some cells).
struct PendingRow {
  std::vector<std::vector<Span>> cells;  // per column, the spans of its text in reading order
  std::vector<bool> marked;              // per column: an empty marker (`-`) was there
  std::vector<bool> unsure;              // per column: a token may be here (Cell::unread)
  std::vector<std::pair<double, int>> cell_y;  // per column: sum and count of its words' y centres (PDF)
  Span at;
  double y = 0;          // vertical centre (PDF points or line index)
  double height = 1;
  bool fragment = false;
  bool broken = false;   // a cell of it is not in Document::text (kCellPerLine): unread
  bool no_carry = false; // rows were left unread above it: its empty leading cells are not carried
};

class Grid {
 public:
  Grid(const Document& doc, const GridRules& g, Mode mode, std::vector<HeaderCol> cols, const RawLine& header);

  Mode mode() const { return mode_; }
  size_t size() const { return types_.size(); }
  ColType type(size_t c) const { return types_[c]; }
  const std::vector<HeaderCol>& cols() const { return cols_; }

  // Feeds the next raw line; false if the line cannot belong to the table (the table ends before
  // it and the caller reads the line again).
  bool Feed(const RawLine& line);
  // For one-cell-per-line tables: how the cells are delimited (the header's own delimiters).
  void SetStream(Stream s) { stream_ = s; }
  // For one-line tables: reads tokens [from, to) of the header's line as rows.
  void FeedOneLine(const RawLine& line, size_t from, size_t to);

  // kCellPerLine: the lines fed since the start of a run of column words that ended the table
  // (another header written one cell per line): the caller reads them again, before the line
  // Feed refused.
  std::vector<RawLine> TakeHeld() { return std::move(held_); }

  // The finished table, or false if it has no rows.
  bool Finish(Table* out);

 private:
  bool FeedPositions(const RawLine& line);
  bool FeedCount(const RawLine& line);
  // kCount: a line with sentences under a header with text columns — a row (true: read it on) or
  // the wrapped end of the row above's text cells (true, continued_ set); false: not the table's.
  bool ProseRow(const std::vector<const Token*>& toks);
  bool FeedPipe(const RawLine& line);
  // kPipe (tables_pipe.cc): a row's cells between its bars, placed under the columns: a row short
  // of cells takes empty leading (merged down) or trailing (text, a funds block's total-only)
  // cells where exactly one placement fits the columns (PipeRowFits); false: unread.
  using PipeSegs = std::vector<std::vector<const Token*>>;
  bool PlacePipeRow(PipeSegs* segs) const;
  bool PipeRowFits(const PipeSegs& segs, size_t lead) const;
  bool PipeCellFits(size_t c, std::string_view v) const;
  // kPipe: a second header line of sub-column labels under some cells of the first (the group
  // cells of an HTML header: "绩效指标" over "一级指标 二级指标 三级指标"): every way they can sit
  // under its cells is kept (split_) until the first row, which decides (ResolveSplit).
  bool SplitHeader(const PipeSegs& segs, const RawLine& line);
  void ResolveSplit(const PipeSegs& segs);
  void InstallColumns(std::vector<HeaderCol> cols);
  // kCount: a line of a group's names alone (an 一级 name first, fewer names than the name
  // columns): a row of those names, carried down to the rows below; false if not one.
  bool GroupLine(const std::vector<const Token*>& toks);
  // kCount: the names of a template row left blank, its last name cell the residue ("经济效益指标
  // 指标1："): a row of those names (carried down), its residue in the last name column.
  bool ResidueRow(const std::vector<const Token*>& toks);
  bool FeedCellPerLine(const RawLine& line);
  // kCellPerLine: closes the cell being read (kPipe: only by its `|`).
  void CloseStreamCell();
  // kCellPerLine: the stream ends before a line of another block (kBlank: the blank lines before
  // it are the last row's empty cells).
  void EndBlankStream();
  // kCellPerLine: cuts the stream of cells into rows by the column types, the one way it can be
  // cut (see tables_stream.cc); what follows the longest uniquely cut prefix is unread.
  void Segment();
  bool StreamFits(size_t c, const StreamCell& cell, bool leading) const;
  // A second header line (labels joined top to bottom), before any row; `above`: a line above
  // the header (vertically centred labels put the first line of a two-line label there).
 public:
  bool ContinueHeader(const RawLine& line, bool above);

  // A second header line of sub-column labels under one group column ("采集数据项" over "数据项1
  // 数据项2"), before any row (kCount, kPipe): the group's column becomes one per sub-label.
  bool SubColumns(const RawLine& line);

 private:
  // The same header again (a table continued on a new page).
  bool IsRepeatedHeader(const RawLine& line) const;
  bool IsHeading(std::string_view s) const;
  bool IsProse(std::string_view s) const;
  // A figure garbled by OCR (rules grid.ocr_figure): holds a number column's place, read as unread.
  bool IsOcrFigure(std::string_view s) const;
  // Assigns typed tokens to columns when their count alone does not (kCount, kOneLine): the one
  // assignment that fits the column types, with merged cells carried and trailing notes empty;
  // false if none or several fit.
  bool Assign(const std::vector<const Token*>& toks, bool may_carry, bool name_pending, PendingRow* row) const;
  // When Assign finds no single assignment of a row with fewer tokens than columns: places the
  // tokens every fitting assignment places in the same column, where blank cells may be any value,
  // text, amount or rate cell (not a points / weight / coefficient column: rules
  // grid.filled_column, unless the table has amount columns, grid.amount_column; nor the last
  // name column), and a % figure goes only to a rate column (grid.percent_column). The other cells are unsure, their tokens in `unsure_spans`. False
  // (nothing placed) when no assignment fits, a name cell is unsure, or fewer than two figures
  // are placed.
  bool AssignCertain(const std::vector<const Token*>& toks, bool may_carry, PendingRow* row,
                     std::vector<Span>* unsure_spans) const;
  bool Fits(ColType t, std::string_view s) const;
  int ColumnAt(const Token& t) const;
  void Push(PendingRow row);
  // A leading name column no row fills, before another name column (a block title over the
  // level columns, "绩效指标 一级指标 二级指标 …"): not a column of the rows.
  void DropEmptyTitleColumn();
  // Another table's header (column words, or cells classified as a header).
  bool IsOtherHeader(const RawLine& line) const;
  // PDF merged cells: a label centred on the rows it spans. For name column c, the row of the
  // label each row belongs to, or an empty vector if the labels' positions do not fit centred spans.
  std::vector<int> CentredSpans(const std::vector<PendingRow>& rows, size_t c) const;
  PendingRow NewRow() const;
  // Adds a token's text to cell c (an empty marker marks the cell empty).
  void AddToCell(PendingRow* row, size_t c, const Token& t) const;

  const Document& doc_;
  const GridRules& g_;
  Mode mode_;
  std::vector<HeaderCol> cols_;
  std::vector<ColType> types_;
  std::vector<std::string> first_labels_;  // the header line's labels, before continuation lines
  std::vector<double> bounds_;  // x boundaries between columns (positional modes)
  std::vector<PendingRow> rows_;
  std::vector<Span> unread_;
  std::vector<PendingRow> fragments_;  // kCount: name lines waiting for their figures
  Stream stream_ = Stream::kBare;      // kCellPerLine
  std::vector<StreamCell> stream_cells_;
  StreamCell open_cell_;               // the cell being read
  bool open_ = false;
  size_t open_lines_ = 0;              // lines of open_cell_
  size_t blanks_ = 0;                  // blank lines since the last cell's line
  bool stream_done_ = false;
  // kCellPerLine: a run of lines that are column words alone (perhaps the next table's header),
  // and the stream's state before its first line, restored if the run is a header.
  std::vector<RawLine> held_;
  size_t held_words_ = 0;
  struct StreamState {
    size_t cells = 0;
    StreamCell open_cell;
    bool open = false;
    size_t open_lines = 0, blanks = 0;
  } held_state_;
  std::vector<std::vector<HeaderCol>> split_;  // kPipe: the ways a split header's sub-labels sit
  bool split_done_ = false;            // kPipe: the columns came from a split header
  bool split_failed_ = false;          // kPipe: no single way fits the first row: rows unread
  bool carry_ok_ = true;               // kCount: no unread line since the last row
  bool continued_ = false;             // kCount: the line fed last continued the row above
  Span header_at_;
  int page_ = 0;
  bool any_row_ = false;
  double line_height_ = 1;
};

}  // namespace jixiao::internal::grid

#endif  // JIXIAO_STRUCTURE_TABLES_GRID_H_
