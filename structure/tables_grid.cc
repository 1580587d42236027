// The part of a table every shape shares: the columns, wrapped-cell fragments placed on their row,
// merged cells carried down, empty cells where they are, total rows, and the final Table.
#include "structure/tables_grid.h"

#include <algorithm>
#include <cmath>

namespace jixiao::internal::grid {

namespace {

Span Hull(Span a, Span b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return Span{std::min(a.begin, b.begin), std::max(a.end, b.end)};
}

std::string NoSpaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out += c;
  return out;
}

}  // namespace

Grid::Grid(const Document& doc, const GridRules& g, Mode mode, std::vector<HeaderCol> cols, const RawLine& header)
    : doc_(doc), g_(g), mode_(mode), cols_(std::move(cols)) {
  for (const HeaderCol& c : cols_) {
    types_.push_back(c.type);
    header_at_ = Hull(header_at_, c.at);
  }
  for (size_t i = 0; i + 1 < cols_.size(); ++i) bounds_.push_back((cols_[i].x1 + cols_[i + 1].x0) / 2);
  page_ = doc.pages[header.page].number;
  if (header.positioned && header.y1 > header.y0) line_height_ = header.y1 - header.y0;
  for (const HeaderCol& c : cols_) first_labels_.push_back(c.label);
}

bool Grid::Feed(const RawLine& line) {
  switch (mode_) {
    case Mode::kPositions:
    case Mode::kAligned: return FeedPositions(line);
    case Mode::kCount: return FeedCount(line);
    case Mode::kPipe: return FeedPipe(line);
    case Mode::kCellPerLine: return FeedCellPerLine(line);
    case Mode::kOneLine: return false;
  }
  return false;
}

bool Grid::IsHeading(std::string_view s) const {
  re2::StringPiece in(s.data(), s.size()), m;
  if (!g_.heading.Match(in, 0, in.size(), RE2::ANCHOR_START, &m, 1)) return false;
  return m.size() < s.size() && !(s[m.size()] >= '0' && s[m.size()] <= '9');
}

bool Grid::IsOcrFigure(std::string_view s) const {
  return g_.ocr_figure != nullptr && RE2::FullMatch(re2::StringPiece(s.data(), s.size()), *g_.ocr_figure);
}

bool Grid::IsProse(std::string_view s) const {
  return RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), g_.prose);
}

bool Grid::Fits(ColType t, std::string_view s) const {
  switch (t) {
    case ColType::kNumber:
      return IsFigure(g_, s) || IsEmptyMarker(g_, s) || (mode_ == Mode::kCount && IsOcrFigure(s));
    case ColType::kName: return !IsFigure(g_, s) && !(mode_ == Mode::kCount && IsProse(s));
    case ColType::kText:
    case ColType::kValue:  // an indicator's name by its words is not a value (rules grid.name_word)
      return !(t == ColType::kText && IsFigure(g_, s)) &&
             !RE2::FullMatch(re2::StringPiece(s.data(), s.size()), g_.name_word);
  }
  return true;
}

bool Grid::IsRepeatedHeader(const RawLine& line) const {
  std::vector<HeaderCol> again;
  if (line.tokens.empty() || !ParseHeader(doc_, g_, line, 0, line.tokens.size(), &again)) return false;
  if (again.size() != first_labels_.size()) return false;
  for (size_t i = 0; i < again.size(); ++i)
    if (again[i].label != first_labels_[i]) return false;
  return true;
}

bool Grid::ContinueHeader(const RawLine& line, bool above) {
  std::vector<const Token*> toks;
  for (const Token& t : line.tokens) {
    std::string_view s = View(doc_, t.at);
    if (s.empty() || s == "|") continue;
    if (IsFigure(g_, s) || IsProse(s) || s.size() > 24) return false;
    std::vector<HeaderCol> word;
    RawLine one = line;
    one.tokens = {t};
    bool header_word = ParseHeader(doc_, g_, one, 0, 1, &word);
    if (!header_word && !RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), g_.header_tail)) return false;
    toks.push_back(&t);
  }
  if (toks.empty()) return false;
  std::vector<int> at(toks.size());
  if (mode_ == Mode::kPositions || mode_ == Mode::kAligned) {
    for (size_t i = 0; i < toks.size(); ++i)
      if ((at[i] = ColumnAt(*toks[i])) < 0) return false;
  } else if (mode_ == Mode::kCount) {
    std::vector<HeaderCol> again;
    if (toks.size() != cols_.size() || !ParseHeader(doc_, g_, line, 0, line.tokens.size(), &again) ||
        again.size() != cols_.size())
      return false;
    for (size_t i = 0; i < toks.size(); ++i) at[i] = static_cast<int>(i);
  } else {
    return false;
  }
  // Labels joined top to bottom: a line above goes before, a line below after.
  std::vector<std::string> add(cols_.size());
  for (size_t i = 0; i < toks.size(); ++i) add[static_cast<size_t>(at[i])] += NoSpaces(View(doc_, toks[i]->at));
  for (size_t c = 0; c < cols_.size(); ++c) {
    if (add[c].empty()) continue;
    cols_[c].label = above ? add[c] + cols_[c].label : cols_[c].label + add[c];
  }
  header_at_ = Hull(header_at_, line.at);
  return true;
}

bool Grid::SubColumns(const RawLine& line) {
  // "采集数据项" over "数据项1 数据项2": a second header line, before any row, of fewer labels than
  // columns, that splits one column (the group) into sub-columns. The group is the one column
  // whose label holds a sub-label's stem (the label without a trailing number or letter); every
  // other sub-label is a column word, a classed header word, or a text column ("理由"), never a
  // name (a row's names are not labels of sub-columns). Text modes without
  // positions only: there the line says nothing about where its labels stand.
  if (mode_ != Mode::kCount && mode_ != Mode::kPipe) return false;
  std::vector<const Token*> toks;
  for (const Token& t : line.tokens) {
    std::string_view s = View(doc_, t.at);
    if (s.empty() || s == "|") continue;
    if (IsFigure(g_, s) || IsEmptyMarker(g_, s) || IsProse(s) || s.size() > 24) return false;
    toks.push_back(&t);
  }
  if (toks.size() < 2 || toks.size() >= cols_.size()) return false;
  int group = -1;
  std::vector<ColType> kinds;
  for (const Token* t : toks) {
    std::string_view s = View(doc_, t->at);
    std::string_view stem = s;
    while (!stem.empty() && ((stem.back() >= '0' && stem.back() <= '9') || (stem.back() >= 'A' && stem.back() <= 'Z') ||
                             (stem.back() >= 'a' && stem.back() <= 'z')))
      stem.remove_suffix(1);
    if (stem.size() < s.size() && stem.size() >= 6) {  // two Chinese characters and a number
      int found = -1;
      for (size_t c = 0; c < cols_.size(); ++c) {
        if (cols_[c].label.find(stem) == std::string::npos) continue;
        if (found >= 0) return false;  // in two columns: not known which
        found = static_cast<int>(c);
      }
      if (found < 0 || (group >= 0 && group != found)) return false;
      group = found;
      kinds.push_back(ColType::kValue);  // data cells: figures or words
      continue;
    }
    std::vector<HeaderCol> word;
    RawLine one = line;
    one.tokens = {*t};
    if (ParseHeader(doc_, g_, one, 0, 1, &word) && word.size() == 1) {
      kinds.push_back(word[0].type);
      continue;
    }
    if (Has(g_.class_reject, s) || Has(g_.class_name, s)) return false;
    // Other words ("理由") are a text column under the group, once a stem has named the group.
    if (Has(g_.class_number, s)) kinds.push_back(ColType::kNumber);
    else if (Has(g_.class_value, s)) kinds.push_back(ColType::kValue);
    else kinds.push_back(ColType::kText);
  }
  if (group < 0) return false;
  const size_t gc = static_cast<size_t>(group);
  if (types_[gc] == ColType::kName) return false;  // a name column is never a group of data
  std::vector<HeaderCol> cols;
  for (size_t i = 0; i < toks.size(); ++i) {
    HeaderCol c = cols_[gc];
    c.label += NoSpaces(View(doc_, toks[i]->at));
    c.type = kinds[i];
    cols.push_back(std::move(c));
  }
  cols_.erase(cols_.begin() + group);
  cols_.insert(cols_.begin() + group, cols.begin(), cols.end());
  types_.clear();
  for (const HeaderCol& c : cols_) types_.push_back(c.type);
  first_labels_.clear();
  for (const HeaderCol& c : cols_) first_labels_.push_back(c.label);
  bounds_.clear();
  for (size_t i = 0; i + 1 < cols_.size(); ++i) bounds_.push_back((cols_[i].x1 + cols_[i + 1].x0) / 2);
  header_at_ = Hull(header_at_, line.at);
  return true;
}

void Grid::Push(PendingRow row) {
  rows_.push_back(std::move(row));
  if (!rows_.back().fragment) any_row_ = true;
}

PendingRow Grid::NewRow() const {
  PendingRow r;
  r.cells.resize(cols_.size());
  r.marked.assign(cols_.size(), false);
  r.unsure.assign(cols_.size(), false);
  r.cell_y.assign(cols_.size(), {0.0, 0});
  return r;
}

void Grid::AddToCell(PendingRow* row, size_t c, const Token& t) const {
  std::string_view s = View(doc_, t.at);
  if (IsEmptyMarker(g_, s) && types_[c] != ColType::kValue) {
    row->marked[c] = true;
    if (row->cells[c].empty()) row->cells[c].push_back(Span{t.at.begin, t.at.begin});
  } else {
    if (row->marked[c] && !row->cells[c].empty() && row->cells[c].front().empty()) row->cells[c].clear();
    row->marked[c] = false;
    row->cells[c].push_back(t.at);
    if (t.y1 > t.y0) row->cell_y[c].first += (t.y0 + t.y1) / 2, ++row->cell_y[c].second;
  }
  row->at = Hull(row->at, t.at);
}

void Grid::DropEmptyTitleColumn() {
  // PDF tables keep it: their merged cells are placed by position (CentredSpans).
  if (mode_ == Mode::kPositions || mode_ == Mode::kPipe) return;
  if (cols_.size() < 3 || types_[0] != ColType::kName || types_[1] != ColType::kName) return;
  bool any = false;
  for (const PendingRow& r : rows_) {
    if (!r.cells[0].empty() || r.marked[0]) return;
    any = any || !r.fragment;
  }
  if (!any) return;
  cols_.erase(cols_.begin());
  types_.erase(types_.begin());
  first_labels_.erase(first_labels_.begin());
  if (!bounds_.empty()) bounds_.erase(bounds_.begin());
  for (PendingRow& r : rows_) {
    r.cells.erase(r.cells.begin());
    r.marked.erase(r.marked.begin());
    r.unsure.erase(r.unsure.begin());
    r.cell_y.erase(r.cell_y.begin());
  }
}

bool Grid::IsOtherHeader(const RawLine& line) const {
  std::vector<HeaderCol> other;
  if (ParseHeader(doc_, g_, line, 0, line.tokens.size(), &other) && other.size() >= 2) return true;
  return ClassifyHeader(doc_, g_, line, 0, line.tokens.size(), &other);
}

bool Grid::Finish(Table* out) {
  if (mode_ == Mode::kCellPerLine) Segment();
  DropEmptyTitleColumn();
  // Fragments (wrapped lines of a cell) go to the nearest full row; ties to the one above.
  std::vector<PendingRow> full;
  std::vector<size_t> order;  // index in rows_ of each full row
  for (size_t i = 0; i < rows_.size(); ++i)
    if (!rows_[i].fragment) order.push_back(i), full.push_back(rows_[i]);
  // A one-line table none of whose rows could be placed, or a pipe table under a split header
  // that no single way fits, is kept for its unread stretches.
  if (full.empty() && !((mode_ == Mode::kOneLine || split_failed_) && !unread_.empty())) return false;
  const double reach = mode_ == Mode::kPositions ? 2.5 * line_height_ : 2.0;
  size_t next = 0;  // the first full row after fragment i
  for (size_t i = 0; i < rows_.size(); ++i) {
    if (!rows_[i].fragment) {
      ++next;
      continue;
    }
    const PendingRow& f = rows_[i];
    double up = next > 0 ? std::fabs(f.y - full[next - 1].y) : INFINITY;
    double down = next < full.size() ? std::fabs(full[next].y - f.y) : INFINITY;
    size_t to = up <= down ? next - 1 : next;
    if (std::min(up, down) > reach) continue;  // not part of the table
    PendingRow& r = full[to];
    for (size_t c = 0; c < cols_.size(); ++c) {
      if (f.cells[c].empty()) continue;
      r.cell_y[c].first += f.cell_y[c].first, r.cell_y[c].second += f.cell_y[c].second;
      if (f.y < r.y)
        r.cells[c].insert(r.cells[c].begin(), f.cells[c].begin(), f.cells[c].end());
      else
        r.cells[c].insert(r.cells[c].end(), f.cells[c].begin(), f.cells[c].end());
    }
    r.at = Hull(r.at, f.at);
  }
  out->shape = mode_ == Mode::kPositions  ? TableShape::kPositions
               : mode_ == Mode::kPipe     ? TableShape::kPipe
               : mode_ == Mode::kCellPerLine ? TableShape::kCellPerLine
               : mode_ == Mode::kOneLine  ? TableShape::kOneLine
                                          : TableShape::kAligned;
  out->page = page_;
  for (const HeaderCol& h : cols_) {
    Column c;
    c.label = h.label;
    c.at = h.at;
    if (mode_ == Mode::kPositions) c.x0 = h.x0, c.x1 = h.x1;
    out->columns.push_back(c);
  }
  out->at = header_at_;
  std::vector<std::vector<int>> centred(cols_.size());
  if (mode_ == Mode::kPositions)
    for (size_t c = 0; c < cols_.size() && types_[c] == ColType::kName; ++c) centred[c] = CentredSpans(full, c);
  for (size_t ri = 0; ri < full.size(); ++ri) {
    PendingRow& p = full[ri];
    TableRow row;
    row.at = p.at;
    size_t where = p.at.begin;
    bool later_content = false;
    for (size_t c = 0; c < cols_.size(); ++c) {
      Cell cell;
      cell.column = static_cast<int>(c);
      Span hull;
      for (const Span& s : p.cells[c]) hull = s.empty() && hull.empty() ? s : Hull(hull, s);
      if (p.unsure[c]) {
        cell.empty = cell.unread = true;
        cell.at = Span{where, where};
      } else if (p.marked[c] || p.cells[c].empty()) {
        cell.empty = true;
        cell.at = p.marked[c] && !p.cells[c].empty() ? Span{p.cells[c].front().begin, p.cells[c].front().begin}
                                                     : Span{where, where};
      } else {
        cell.at = hull;
        where = hull.end;
        // Pieces around another cell's text: keep them apart.
        for (size_t o = 0; o < cols_.size() && p.cells[c].size() > 1; ++o) {
          if (o == c) continue;
          for (const Span& s : p.cells[o]) {
            if (!s.empty() && s.begin >= hull.begin && s.end <= hull.end && cell.parts.empty()) {
              cell.parts = p.cells[c];
              cell.at = p.cells[c].front();
            }
          }
        }
      }
      row.cells.push_back(cell);
    }
    // Merged cells carried down: empty leading name columns of a row with other cells take the
    // cell above.
    for (size_t c = 0; c < row.cells.size(); ++c) {
      if (!row.cells[c].empty || row.cells[c].unread) later_content = true;
    }
    if (ri > 0 && later_content && !p.no_carry) {
      const TableRow& above = out->rows.back();
      for (size_t c = 0; c < row.cells.size() && types_[c] == ColType::kName; ++c) {
        Cell& cell = row.cells[c];
        if (!cell.empty) break;
        if (!centred[c].empty()) continue;  // placed below
        if (p.marked[c] || above.cells[c].empty) break;
        cell = above.cells[c];
        cell.carried = true;
      }
    }
    for (const Cell& c : row.cells) {
      if (c.empty) continue;
      std::string_view s = View(doc_, c.at);
      row.total = RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), g_.total) && !c.carried;
      break;
    }
    out->at = Hull(out->at, row.at);
    out->rows.push_back(std::move(row));
  }
  for (size_t c = 0; c < centred.size(); ++c) {
    for (size_t ri = 0; ri < centred[c].size() && ri < out->rows.size(); ++ri) {
      int a = centred[c][ri];
      if (a < 0 || static_cast<size_t>(a) == ri || !out->rows[ri].cells[c].empty) continue;
      out->rows[ri].cells[c] = out->rows[static_cast<size_t>(a)].cells[c];
      out->rows[ri].cells[c].carried = true;
    }
  }
  out->unread = std::move(unread_);
  return true;
}

std::vector<int> Grid::CentredSpans(const std::vector<PendingRow>& rows, size_t c) const {
  const size_t n = rows.size();
  if (n < 2) return {};
  bool gaps = false;
  for (const PendingRow& r : rows)
    if (r.cells[c].empty() && !r.marked[c]) gaps = true;
  if (!gaps) return {};
  std::vector<int> owner(n, -1);
  double s = 0;  // first row of the next span
  for (size_t i = 0; i < n; ++i) {
    const PendingRow& r = rows[i];
    if (r.cells[c].empty() || r.marked[c]) continue;
    if (r.cell_y[c].second == 0) return {};
    double y = r.cell_y[c].first / r.cell_y[c].second;
    // The label's position in row units: between the centres of the rows around it.
    double f = -1;
    for (size_t j = 0; j + 1 < n; ++j) {
      if (rows[j].y <= y && y <= rows[j + 1].y && rows[j + 1].y > rows[j].y) {
        f = static_cast<double>(j) + (y - rows[j].y) / (rows[j + 1].y - rows[j].y);
        break;
      }
    }
    if (f < 0) f = y < rows[0].y ? 0 : static_cast<double>(n - 1);
    double span = std::round(2 * (f - s) + 1);
    if (span < 1 || s + span > static_cast<double>(n) || static_cast<double>(i) < s ||
        static_cast<double>(i) >= s + span)
      return {};
    for (size_t k = static_cast<size_t>(s); k < static_cast<size_t>(s + span); ++k) owner[k] = static_cast<int>(i);
    s += span;
  }
  if (static_cast<size_t>(s) != n) return {};
  return owner;
}

}  // namespace jixiao::internal::grid
