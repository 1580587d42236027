// Tables as grids of cells, from every text shape (see TableShape), in one pass over the raw lines
// of all pages. A table starts at a header row: two or more column words (rules grid.column) and
// nothing else on the line (a title before them is allowed; column words on consecutive lines
// make a one-cell-per-line header; a header followed by more words on its line is a table
// flattened onto one line). The header fixes the columns; rows follow until a line that cannot be
// a row (prose, a heading, another header). Cells are found on the raw text (spaces and positions
// intact) and mapped back to Document::text, so every Cell::at is a span of it.
#include <algorithm>
#include <optional>

#include "structure/tables_grid.h"
#include "structure/tables_pdf.h"

namespace jixiao::internal {

namespace {

using grid::ColType;
using grid::Grid;
using grid::GridRules;
using grid::HeaderCol;
using grid::Mode;
using grid::RawLine;
using grid::View;

constexpr size_t kMinCellPerLine = 3;  // column words, one per line, before they are a header
constexpr size_t kMinOneLine = 3;      // column words of a header with rows on the same line

bool IsPipeToken(const Document& doc, const grid::Token& t) { return View(doc, t.at) == "|"; }

// A header cell token on its own (a note-only token counts when it follows one).
bool IsHeaderToken(const Document& doc, const GridRules& g, const RawLine& line, size_t i) {
  std::vector<HeaderCol> cols;
  return grid::ParseHeader(doc, g, line, i, i + 1, &cols) && !cols.empty();
}

class Reader {
 public:
  Reader(const Document& doc, const GridRules& g) : doc_(doc), g_(g) {}

  void Feed(const RawLine& line) {
    if (cur_) {
      if (cur_->Feed(line)) return;
      std::vector<RawLine> again = cur_->TakeHeld();
      Close();
      for (const RawLine& h : again) Idle(h);
    }
    Idle(line);
  }

  // A table read elsewhere (tables_pdf.cc) sits here: the open table ends before it.
  void Break() { Close(); }

  std::vector<Table> Done() {
    Close();
    return std::move(out_);
  }

 private:
  void Close() {
    if (!cur_) return;
    Table t;
    if (cur_->Finish(&t)) {
      t.at.begin = std::min(t.at.begin, start_);
      out_.push_back(std::move(t));
    }
    cur_.reset();
  }

  void Start(Mode mode, std::vector<HeaderCol> cols, const RawLine& header) {
    if (mode != Mode::kPipe && mode != Mode::kPositions) grid::DropTitleCell(g_, &cols);
    cur_.emplace(doc_, g_, mode, std::move(cols), header);
    start_ = header.at.begin;
    for (const HeaderCol& c : cur_->cols()) start_ = std::min(start_, c.at.begin);
    if (have_prev_ && (mode == Mode::kPositions || mode == Mode::kAligned) && prev_.page == header.page &&
        cur_->ContinueHeader(prev_, true))
      start_ = std::min(start_, prev_.at.begin);
  }

  void Idle(const RawLine& line) {
    if (line.tokens.empty()) {
      if (!cpl_.empty()) ++cpl_pending_blanks_;
      return;
    }
    const size_t n = line.tokens.size();
    // The runs of header tokens on the line.
    std::vector<std::pair<size_t, size_t>> runs;
    size_t pipes = 0;
    for (const grid::Token& t : line.tokens) pipes += IsPipeToken(doc_, t) ? 1 : 0;
    for (size_t i = 0; i < n;) {
      if (IsPipeToken(doc_, line.tokens[i])) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < n && (IsPipeToken(doc_, line.tokens[j]) || IsHeaderToken(doc_, g_, line, j) ||
                       (j > i && NoteOnly(line, j))))
        ++j;
      if (j > i) {
        runs.emplace_back(i, j);
        i = j;
      } else {
        ++i;
      }
    }
    if (!cpl_.empty() && pipes == n) {  // `|` between the cells of a header written one per line
      ++cpl_pipes_;
      return;
    }
    std::vector<HeaderCol> cols;
    if (!runs.empty() && runs.back().second == n) {
      // A header: the line's last run reaches its end; before it, at most a title.
      auto [b, e] = runs.back();
      bool whole = b == 0;
      std::vector<HeaderCol> classified;
      // A first cell that is not a column word ("资金情况(万元) 全年预算数 …") is the rows' name
      // column when the line reads as a header cell by cell.
      bool parsed = grid::ParseHeader(doc_, g_, line, b, e, &cols);
      bool named = false;
      for (const HeaderCol& c : cols) named = named || c.type == ColType::kName;
      bool title = !whole && !named && pipes == 0 && grid::ClassifyHeader(doc_, g_, line, 0, n, &classified);
      // "预算执行情况(10分) 年度预算数(万元) 年初预算 调整后预算数 …": the rows' name column, then a
      // group label spanning the amount columns (its unit note says so), as TitleColumn reads a
      // pipe header. The group label is no column of its own.
      if (title && parsed && cols.size() >= 2 && b == 2 && runs.size() == 1 && SpanningLabel(line, 1)) {
        FlushCellPerLine(nullptr);
        HeaderCol name;
        const grid::Token& t = line.tokens[0];
        name.type = ColType::kName;
        name.at = t.at;
        name.label = std::string(View(doc_, t.at));
        name.x0 = t.x0;
        name.x1 = t.x1;
        name.first_token = name.last_token = 0;
        cols.insert(cols.begin(), std::move(name));
        Mode mode = ModeOf(line, cols, pipes);
        Start(mode, std::move(cols), line);
        return;
      }
      if (!title && parsed && cols.size() >= 2 && (whole || runs.size() == 1)) {
        FlushCellPerLine(nullptr);
        Mode mode = ModeOf(line, cols, pipes);
        if (mode == Mode::kPipe) TitleColumn(line, &cols);
        Start(mode, std::move(cols), line);
        return;
      }
      cols.clear();
    }
    // Header cells outside the column words, classified by their words (pipe rows too: a header
    // with one cell of unknown words, "| 一级指标 | … | 采集数据项 | 指标值 |").
    if ((pipes == 0 || OneTokenCells(line)) && grid::ClassifyHeader(doc_, g_, line, 0, n, &cols)) {
      FlushCellPerLine(nullptr);
      Mode mode = ModeOf(line, cols, pipes);
      Start(mode, std::move(cols), line);
      return;
    }
    cols.clear();
    // Column words with rows after them on the same line: one-line tables, one per header run.
    bool one_line = false;
    for (size_t r = 0; r < runs.size(); ++r) {
      auto [b, e] = runs[r];
      std::vector<HeaderCol> hc;
      if (e == n || !grid::ParseHeader(doc_, g_, line, b, e, &hc) || hc.size() < kMinOneLine) continue;
      size_t to = n;
      for (size_t q = r + 1; q < runs.size(); ++q) {
        std::vector<HeaderCol> next;
        if (grid::ParseHeader(doc_, g_, line, runs[q].first, runs[q].second, &next) && next.size() >= kMinOneLine) {
          to = runs[q].first;
          break;
        }
      }
      if (!one_line) FlushCellPerLine(nullptr);
      one_line = true;
      grid::DropTitleCell(g_, &hc);
      NameColumnBefore(line, b, &hc);
      Grid grid(doc_, g_, Mode::kOneLine, std::move(hc), line);
      grid.FeedOneLine(line, e, to);
      Table t;
      if (grid.Finish(&t)) out_.push_back(std::move(t));
    }
    if (one_line) return;
    // One column word alone on its line: perhaps a header written one cell per line.
    HeaderCol word;
    bool whitelist = runs.size() == 1 && runs[0].first == 0 && runs[0].second == n &&
                     grid::ParseHeader(doc_, g_, line, 0, n, &cols) && cols.size() == 1;
    // A numbered heading ("二、绩效评价指标评分") is a title above the header, not one of its cells.
    // A name by its words ("产出指标") after the columns of figures is the first row's cell, not
    // a column: a header's name columns come before them.
    auto row_name = [&] {
      if (whitelist || word.type != ColType::kName) return false;
      for (const HeaderCol& c : cpl_)
        if (c.type != ColType::kName) return true;
      return false;
    };
    if ((whitelist || grid::HeaderWord(doc_, g_, line, &word)) && !NumberedHeading(line) && !row_name()) {
      if (whitelist) word = cols[0];
      // A level column ("一级指标") after words of no name column: the header starts here (the
      // words before it were cells of a block above, "实际完成情况").
      if (whitelist && word.type == ColType::kName && !cpl_.empty() &&
          std::none_of(cpl_.begin(), cpl_.end(), [](const HeaderCol& c) { return c.type == ColType::kName; }) &&
          RE2::PartialMatch(re2::StringPiece(word.label.data(), word.label.size()), g_.level_column)) {
        cpl_.clear();
        cpl_lines_.clear();
        cpl_pipes_ = cpl_gap_blanks_ = cpl_pending_blanks_ = 0;
        cpl_classified_ = false;
      }
      std::vector<HeaderCol> again;
      if (!grid::ParseHeader(doc_, g_, line, 0, n, &again)) cpl_classified_ = true;
      if (!cpl_.empty()) cpl_gap_blanks_ += cpl_pending_blanks_ > 0 ? 1 : 0;
      cpl_pending_blanks_ = 0;
      if (pipes > 0) ++cpl_pipes_;  // "一级指标 |": each cell ends at its `|`
      cpl_.push_back(word);
      cpl_lines_.push_back(line);
      return;
    }
    FlushCellPerLine(&line);
    if (!cur_) {
      prev_ = line;
      have_prev_ = true;
    }
  }

  // Pipe rows whose every cell is one token (a cell of several words is not one header cell).
  bool OneTokenCells(const RawLine& line) const {
    size_t in_cell = 0;
    for (const grid::Token& t : line.tokens) {
      if (IsPipeToken(doc_, t)) {
        in_cell = 0;
      } else if (++in_cell > 1) {
        return false;
      }
    }
    return true;
  }

  bool NumberedHeading(const RawLine& line) const {
    if (line.tokens.empty()) return false;
    std::string_view s = View(doc_, Span{line.tokens.front().at.begin, line.tokens.back().at.end});
    re2::StringPiece in(s.data(), s.size()), m;
    if (!g_.heading.Match(in, 0, in.size(), RE2::ANCHOR_START, &m, 1)) return false;
    return m.size() < s.size() && !(s[m.size()] >= '0' && s[m.size()] <= '9');
  }

  // Pipe rows: cells before the column words ("| 预算执行情况(10分) | 年初预算数 | …") are the
  // header cell of the rows' name column (the cells after the first are group labels spanning
  // the columns, "年度预算数(万元)"). The first of them becomes a name column.
  // Before name columns ("| 年度绩效指标完成情况 | 一级指标 | …") it is a block title merged down
  // beside the rows: a column of them, empty (dropped when the first row lacks its cell).
  void TitleColumn(const RawLine& line, std::vector<HeaderCol>* cols) const {
    if (cols->empty()) return;
    size_t b = 0;
    while (b < line.tokens.size() && IsPipeToken(doc_, line.tokens[b])) ++b;
    if (b >= (*cols)[0].first_token) return;
    size_t e = b;
    while (e < (*cols)[0].first_token && !IsPipeToken(doc_, line.tokens[e])) ++e;
    HeaderCol c;
    c.type = ColType::kName;
    c.at = Span{line.tokens[b].at.begin, line.tokens[e - 1].at.end};
    if (c.at.empty()) return;
    c.label = std::string(View(doc_, c.at));
    c.x0 = line.tokens[b].x0;
    c.x1 = line.tokens[e - 1].x1;
    c.first_token = b;
    c.last_token = e - 1;
    cols->insert(cols->begin(), std::move(c));
  }

  // One-line tables: a header whose column words start with a figure column takes the token
  // before them as the rows' name column ("部门预算执行情况(万元) 年初预算数 …"), when it is a
  // short label (no figure, no prose).
  void NameColumnBefore(const RawLine& line, size_t b, std::vector<HeaderCol>* cols) const {
    if (cols->empty() || (*cols)[0].type == ColType::kName || b == 0) return;
    const grid::Token& t = line.tokens[b - 1];
    std::string_view s = View(doc_, t.at);
    if (s.empty() || s.size() > 60 || IsPipeToken(doc_, t) || grid::IsFigure(g_, s) || grid::IsEmptyMarker(g_, s) ||
        RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), g_.prose) ||
        RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), g_.class_reject))
      return;
    HeaderCol c;
    c.type = ColType::kName;
    c.at = t.at;
    c.label = std::string(s);
    c.x0 = t.x0;
    c.x1 = t.x1;
    c.first_token = c.last_token = b - 1;
    cols->insert(cols->begin(), std::move(c));
  }

  bool NoteOnly(const RawLine& line, size_t i) const {
    std::string_view s = View(doc_, line.tokens[i].at);
    re2::StringPiece in(s.data(), s.size());
    return !s.empty() && RE2::FullMatch(in, g_.note);
  }

  // Column words on consecutive lines: a header if there are enough of them, and `next` (the line
  // after them) starts its first row.
  void FlushCellPerLine(const RawLine* next) {
    if (cpl_.size() >= kMinCellPerLine && next != nullptr && grid::LooksLikeHeader(cpl_, cpl_classified_)) {
      grid::DropTitleCell(g_, &cpl_);
      cur_.emplace(doc_, g_, Mode::kCellPerLine, cpl_, cpl_lines_.front());
      // The header's own delimiters say how the cells are delimited.
      cur_->SetStream(cpl_pipes_ > 0                      ? grid::Stream::kPipe
                      : cpl_gap_blanks_ + 1 == cpl_.size() ? grid::Stream::kBlank
                                                           : grid::Stream::kBare);
      start_ = cpl_.front().at.begin;
      if (!cur_->Feed(*next)) Close();
    }
    cpl_.clear();
    cpl_lines_.clear();
    cpl_pipes_ = cpl_gap_blanks_ = cpl_pending_blanks_ = 0;
    cpl_classified_ = false;
  }

  // Token i is a group label over amount columns: a label with a unit note ("年度预算数(万元)",
  // rule grid.group_label) whose words are an amount's (grid.amount_column).
  bool SpanningLabel(const RawLine& line, size_t i) const {
    if (i >= line.tokens.size() || g_.group_label == nullptr) return false;
    std::string_view s = View(doc_, line.tokens[i].at);
    re2::StringPiece in(s.data(), s.size());
    return RE2::FullMatch(in, *g_.group_label) && RE2::PartialMatch(in, g_.amount_column);
  }

  Mode ModeOf(const RawLine& line, const std::vector<HeaderCol>& cols, size_t pipes) const {
    if (pipes >= 2) return Mode::kPipe;
    if (line.positioned) return Mode::kPositions;
    // Aligned text has two or more spaces between the cells of its header; one space (or none)
    // says nothing about where the cells of a row are.
    for (size_t i = 0; i + 1 < cols.size(); ++i)
      if (cols[i + 1].x0 - cols[i].x1 < 2) return Mode::kCount;
    return Mode::kAligned;
  }

  const Document& doc_;
  const GridRules& g_;
  std::optional<Grid> cur_;
  size_t start_ = 0;
  std::vector<Table> out_;
  std::vector<HeaderCol> cpl_;
  std::vector<RawLine> cpl_lines_;
  size_t cpl_pipes_ = 0;           // `|` lines between them
  size_t cpl_gap_blanks_ = 0;      // gaps between them with blank lines
  size_t cpl_pending_blanks_ = 0;  // blank lines since the last of them
  bool cpl_classified_ = false;    // some of them are not column words of grid.column
  RawLine prev_;
  bool have_prev_ = false;
};

}  // namespace

std::vector<Table> FindTables(const Document& doc, const Rules& rules, const std::vector<Span>&) {
  if (!rules.Has("grid.column") || doc.text.empty()) return {};
  GridRules g(rules);
  grid::RawMap map(doc);
  Reader reader(doc, g);
  double index = 0;
  std::vector<Table> pdf_tables;
  grid::PdfOpen open;  // a PDF table left open at the end of a page
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    const std::string& text = doc.pages[p].text;
    std::vector<RawLine> lines;
    size_t pos = 0;
    while (pos < text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size();
      lines.push_back(grid::ReadLine(doc, map, p, pos, nl, index));
      index += 1;
      pos = nl + 1;
    }
    grid::JoinWrappedPipeRows(doc, map, p, &lines);
    // Ruled tables whose cells wrap are read from their words' positions first (tables_pdf.cc).
    std::vector<bool> consumed(lines.size(), false);
    if (doc.is_pdf) {
      std::vector<Table> found = grid::FindPdfTables(doc, g, lines, &consumed, &open);
      for (Table& t : found) pdf_tables.push_back(std::move(t));
    }
    for (size_t i = 0; i < lines.size(); ++i) {
      if (consumed[i]) {
        if (i == 0 || !consumed[i - 1]) reader.Break();
        continue;
      }
      reader.Feed(lines[i]);
    }
  }
  std::vector<Table> tables = reader.Done();
  for (Table& t : pdf_tables) tables.push_back(std::move(t));
  std::sort(tables.begin(), tables.end(), [](const Table& a, const Table& b) { return a.at.begin < b.at.begin; });
  return tables;
}

}  // namespace jixiao::internal
