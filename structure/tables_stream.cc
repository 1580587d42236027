// One cell per line. The cells come as a stream — one per line (Stream::kBare), each ended by a
// `|` line (kPipe: a cell may wrap over lines before its `|`; `|` alone is an empty cell), or
// separated by blank lines (kBlank: further pairs of blank lines are empty cells) — and rows are
// not marked. A row is a run of the header's columns: it may start after leading name columns
// (merged cells, carried from the row above), start with empty leading cells (kPipe, kBlank), and
// lack trailing text columns (原因, 说明). The stream is cut into rows by the column types — a
// number column takes a figure, an empty marker or an empty cell; a name column a short
// non-figure; value and text columns anything — and a cut is accepted only where it is the only
// one: what follows the longest uniquely cut prefix is unread, never guessed. Linear in the
// stream (each cell is tried against each start and end column once).
#include <algorithm>

#include "structure/tables_grid.h"

namespace jixiao::internal::grid {

namespace {

constexpr size_t kMaxLineBytes = 300;   // a longer line is prose, not a cell
constexpr size_t kMaxNameBytes = 90;    // a name cell: 30 Chinese characters
constexpr size_t kMaxPipeLines = 12;    // lines of one cell before its `|`
constexpr size_t kMinHeaderRun = 3;     // column words alone on their lines: the next header

Span Hull(Span a, Span b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return Span{std::min(a.begin, b.begin), std::max(a.end, b.end)};
}

}  // namespace

void Grid::CloseStreamCell() {
  if (!open_) return;
  StreamCell c = std::move(open_cell_);
  std::string joined;
  for (const Span& s : c.spans)
    for (char ch : View(doc_, s))
      if (ch != ' ' && ch != '\n') joined += ch;
  c.bytes = joined.size();
  if (c.broken) {
    c.figure = true;  // normalization drops lines that read as page numbers
  } else if (joined.empty()) {
    c.empty = true;
  } else {
    c.figure = IsFigure(g_, joined);
    c.marked = IsEmptyMarker(g_, joined);
    c.prose = IsProse(joined);
  }
  stream_cells_.push_back(std::move(c));
  open_cell_ = StreamCell();
  open_ = false;
  open_lines_ = 0;
}

void Grid::EndBlankStream() {
  stream_done_ = true;
  if (stream_ != Stream::kBlank) return;
  // The cells before the next block are the table's: its blank lines there are empty cells too.
  CloseStreamCell();
  if (blanks_ >= 3 && blanks_ % 2 == 1)
    for (size_t k = 0; k < (blanks_ - 1) / 2; ++k) stream_cells_.emplace_back().empty = true;
  blanks_ = 0;
}

bool Grid::FeedCellPerLine(const RawLine& line) {
  if (stream_done_) return false;
  std::vector<const Token*> words;
  for (const Token& t : line.tokens) {
    std::string_view s = View(doc_, t.at);
    if (s != "|" && !(s.empty() && !line.dropped)) words.push_back(&t);
  }
  const bool blank = line.tokens.empty();
  // Column words alone on their lines, three in a row: the next table's header. The stream ends
  // before the first of them and the caller reads them again.
  std::vector<HeaderCol> word;
  const bool header_word = !blank && !line.dropped && ParseHeader(doc_, g_, line, 0, line.tokens.size(), &word) &&
                           word.size() == 1;
  if (header_word) {
    if (held_.empty()) {
      held_words_ = 0;
      held_state_ = StreamState{stream_cells_.size(), open_cell_, open_, open_lines_, blanks_};
    }
    if (++held_words_ >= kMinHeaderRun) {
      stream_cells_.resize(held_state_.cells);
      open_cell_ = held_state_.open_cell;
      open_ = held_state_.open;
      open_lines_ = held_state_.open_lines;
      blanks_ = held_state_.blanks;
      EndBlankStream();
      return false;
    }
    held_.push_back(line);
  } else if (blank && !held_.empty()) {
    held_.push_back(line);
  } else if (!blank) {
    held_.clear();
  }
  if (blank) {
    if (stream_ == Stream::kBlank) {
      CloseStreamCell();
      ++blanks_;
    }
    return true;
  }
  if (!words.empty() && !line.dropped) {
    Span at;
    for (const Token* t : words) at = Hull(at, t->at);
    std::string_view s = View(doc_, at);
    bool text_column = std::find(types_.begin(), types_.end(), ColType::kText) != types_.end();
    bool end = s.size() > kMaxLineBytes || (stream_ == Stream::kPipe && open_lines_ >= kMaxPipeLines) ||
               IsOtherHeader(line);
    if (!end && stream_ != Stream::kPipe && (IsHeading(s) || (IsProse(s) && !text_column))) end = true;
    if (!end && g_.stream_end != nullptr && RE2::FullMatch(re2::StringPiece(s.data(), s.size()), *g_.stream_end))
      end = true;
    if (end) {
      EndBlankStream();
      held_.clear();
      return false;
    }
  }
  switch (stream_) {
    case Stream::kBare:
      if (words.empty()) return true;
      CloseStreamCell();
      open_ = true;
      for (const Token* t : words) open_cell_.spans.push_back(t->at);
      open_cell_.broken = line.dropped;
      CloseStreamCell();
      return true;
    case Stream::kBlank:
      if (words.empty()) return true;
      if (!(open_ && blanks_ == 0)) {
        CloseStreamCell();
        if (blanks_ >= 2 && blanks_ % 2 == 0) {  // an odd number of empty lines: cells unknown
          stream_done_ = true;
          return false;
        }
        for (size_t k = 0; blanks_ > 0 && k < (blanks_ - 1) / 2; ++k) stream_cells_.emplace_back().empty = true;
        open_ = true;
      }
      blanks_ = 0;
      for (const Token* t : words) open_cell_.spans.push_back(t->at);
      open_cell_.broken = open_cell_.broken || line.dropped;
      ++open_lines_;
      return true;
    case Stream::kPipe: {
      bool content = false;
      for (const Token& t : line.tokens) {
        std::string_view s = View(doc_, t.at);
        if (s == "|") {
          if (!open_) open_ = true;  // `|` alone: an empty cell
          CloseStreamCell();
          continue;
        }
        if (s.empty() && !line.dropped) continue;
        open_ = true;
        if (!s.empty()) open_cell_.spans.push_back(t.at);
        open_cell_.broken = open_cell_.broken || line.dropped;
        content = true;
      }
      if (content && open_) ++open_lines_;
      return true;
    }
  }
  return true;
}

bool Grid::StreamFits(size_t c, const StreamCell& cell, bool leading) const {
  if (cell.empty) return leading || types_[c] != ColType::kName;
  switch (types_[c]) {
    case ColType::kName: return !cell.figure && !cell.marked && !cell.prose && !cell.broken && cell.bytes <= kMaxNameBytes;
    case ColType::kNumber: return cell.figure || cell.marked;
    case ColType::kValue:
    case ColType::kText: {  // an indicator's name by its words is not a value (rules grid.name_word)
      std::string joined;
      for (const Span& s : cell.spans) joined += std::string(View(doc_, s));
      return !RE2::FullMatch(re2::StringPiece(joined.data(), joined.size()), g_.name_word);
    }
  }
  return true;
}

void Grid::Segment() {
  if (stream_ != Stream::kPipe) CloseStreamCell();
  const std::vector<StreamCell>& cells = stream_cells_;
  const size_t n = types_.size(), total = cells.size();
  if (n == 0 || total == 0) return;
  const bool any_name = std::find(types_.begin(), types_.end(), ColType::kName) != types_.end();
  // A table of amounts (a funds block) fills its scoring columns on its total row only (rules
  // grid.flat.total_only): another row may end before them, and a row left blank is its name alone.
  auto label_matches = [&](size_t c, const RE2& re) {
    return RE2::PartialMatch(re2::StringPiece(cols_[c].label.data(), cols_[c].label.size()), re);
  };
  bool amounts = false;
  for (size_t c = 0; c < n; ++c) amounts = amounts || (types_[c] == ColType::kNumber && label_matches(c, g_.amount_column));
  auto total_only = [&](size_t c) {
    return amounts && g_.flat_total_only != nullptr && types_[c] == ColType::kNumber && label_matches(c, *g_.flat_total_only);
  };
  // A row of columns [k, end) on cells from i.
  auto fits = [&](size_t i, size_t k, size_t end) {
    if (i + (end - k) > total) return false;
    bool leading = k == 0, anchor = false;
    for (size_t c = k; c < end; ++c) {
      const StreamCell& cell = cells[i + c - k];
      if (leading && cell.empty) continue;  // merged cells written empty
      if (leading && any_name && types_[c] != ColType::kName) return false;  // a row starts at its name
      if (!StreamFits(c, cell, false)) return false;
      leading = false;
      if (!cell.empty && (types_[c] == ColType::kNumber || types_[c] == ColType::kValue)) anchor = true;
    }
    if (!anchor) {
      // A row of the blank template left in place ("指标2", "……"): its cells empty but that name.
      for (size_t c = k; c < end && !anchor; ++c) {
        const StreamCell& cell = cells[i + c - k];
        if (cell.empty || types_[c] != ColType::kName) continue;
        std::string name;
        for (const Span& sp : cell.spans) name += std::string(View(doc_, sp));
        anchor = RE2::FullMatch(re2::StringPiece(name.data(), name.size()), g_.residue_row);
        for (size_t o = c + 1; o < end && anchor; ++o) anchor = cells[i + o - k].empty;
      }
    }
    if (!anchor && amounts && k == 0 && types_[0] == ColType::kName && !cells[i].empty) {
      // A funds row left blank: its name, then nothing.
      anchor = true;
      for (size_t c = 1; c < end; ++c) anchor = anchor && cells[i + c].empty;
    }
    return anchor;
  };
  struct Way {
    int count = 0;
    size_t from = 0, k = 0, end = 0;
  };
  std::vector<Way> ways(total + 1);
  std::vector<int> cover(total + 2, 0);  // rows from reachable cells spanning over a cut
  ways[0].count = 1;
  for (size_t i = 0; i < total; ++i) {
    if (ways[i].count == 0) continue;
    for (size_t k = 0; k < n; ++k) {
      if (k > 0 && (i == 0 || types_[k - 1] != ColType::kName || types_[k] != ColType::kName)) break;
      for (size_t end = n; end > k; --end) {
        // Only trailing text columns may lack; in a bare stream (nothing marks an empty cell) also
        // a trailing value column (a grade written once, merged down the rows).
        if (end < n && types_[end] != ColType::kText &&
            !(stream_ == Stream::kBare && types_[end] == ColType::kValue) && !total_only(end))
          break;
        // A row short of its trailing text cells before an empty cell: that empty cell is its own
        // (the other cut, the empty cell leading the next row as a merged cell, reads the same
        // rows; taking one of them keeps the cut unique).
        const size_t next = i + end - k;
        if (end < n && next < total && cells[next].empty) continue;
        if (!fits(i, k, end)) continue;
        Way& w = ways[i + end - k];
        ++cover[i + 1], --cover[i + end - k];
        if (w.count == 0) w.from = i, w.k = k, w.end = end;
        w.count = std::min(2, w.count + ways[i].count);
      }
    }
  }
  // The furthest cell a cut reaches; if several cuts reach it, the furthest cut all of them make
  // (one way to reach it, no row of any cut spanning over it).
  size_t p = total;
  while (p > 0 && ways[p].count == 0) --p;
  if (ways[p].count > 1) {
    for (size_t i = 1; i <= total; ++i) cover[i] += cover[i - 1];
    while (p > 0 && (ways[p].count != 1 || cover[p] > 0)) --p;
  }
  std::vector<PendingRow> rows;
  for (size_t q = p; q > 0; q = ways[q].from) {
    const Way& w = ways[q];
    PendingRow row = NewRow();
    for (size_t c = w.k; c < w.end; ++c) {
      const StreamCell& cell = cells[w.from + c - w.k];
      row.broken = row.broken || cell.broken;
      if (cell.marked) {
        row.marked[c] = true;
        if (!cell.spans.empty()) row.cells[c].push_back(Span{cell.spans.front().begin, cell.spans.front().begin});
      } else {
        row.cells[c] = cell.spans;
      }
      for (const Span& s : cell.spans) row.at = Hull(row.at, s);
    }
    rows.push_back(std::move(row));
  }
  std::reverse(rows.begin(), rows.end());
  bool after_unread = false;
  double y = 0;
  for (PendingRow& r : rows) {
    r.y = ++y;
    if (r.broken) {
      if (!r.at.empty()) unread_.push_back(r.at);
      after_unread = true;
      continue;
    }
    r.no_carry = after_unread;
    after_unread = false;
    Push(std::move(r));
  }
  // A total row after the rows, shorter than them ("总分 | 100 | 96"): its name and two figures,
  // the max and the score, under the last two number columns when both are points columns
  // (grid.filled_column) and only text or value columns follow them.
  if (!rows.empty() && p + 2 < total && !cells[p].empty && !cells[p].figure && !cells[p].spans.empty() &&
      types_[0] == ColType::kName) {
    std::string name;
    for (const Span& s : cells[p].spans) name += std::string(View(doc_, s));
    std::vector<size_t> numbers;
    for (size_t c = 0; c < n; ++c)
      if (types_[c] == ColType::kNumber) numbers.push_back(c);
    auto points = [&](size_t c) {
      return RE2::PartialMatch(re2::StringPiece(cols_[c].label.data(), cols_[c].label.size()), g_.filled_column);
    };
    const bool figures = cells[p + 1].figure && !cells[p + 1].broken && cells[p + 2].figure && !cells[p + 2].broken &&
                         (p + 3 >= total || !cells[p + 3].figure);
    if (RE2::PartialMatch(re2::StringPiece(name.data(), name.size()), g_.total) && figures && numbers.size() >= 2 &&
        points(numbers[numbers.size() - 2]) && points(numbers.back())) {
      PendingRow row = NewRow();
      for (size_t k = 0; k < 3; ++k) {
        size_t c = k == 0 ? 0 : numbers[numbers.size() - 3 + k];
        row.cells[c] = cells[p + k].spans;
        for (const Span& s : cells[p + k].spans) row.at = Hull(row.at, s);
      }
      row.y = ++y;
      Push(std::move(row));
      p += 3;
    }
  }
  Span rest;
  for (size_t i = p; i < total; ++i)
    for (const Span& s : cells[i].spans) rest = Hull(rest, s);
  if (!rest.empty()) unread_.push_back(rest);
  stream_cells_.clear();
}

}  // namespace jixiao::internal::grid
