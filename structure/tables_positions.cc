// Rows by position: PDF words by their x extent on the page, aligned text by display column
// (pdftotext -layout). The header's cells fix the columns; a word belongs to the column whose
// span between the midpoints to its neighbours holds its centre (the "stream" approach of
// pdfplumber and Camelot). A word reaching over another column's header is not a cell (a line of
// prose across the table ends it). An empty cell is empty where it is, never shifted.
#include <cmath>

#include "structure/tables_grid.h"

namespace jixiao::internal::grid {

int Grid::ColumnAt(const Token& t) const {
  double centre = (t.x0 + t.x1) / 2;
  size_t k = 0;
  while (k < bounds_.size() && bounds_[k] <= centre) ++k;
  for (size_t j = 0; j < cols_.size(); ++j) {
    if (j == k) continue;
    double w = cols_[j].x1 - cols_[j].x0;
    double overlap = std::min(t.x1, cols_[j].x1) - std::max(t.x0, cols_[j].x0);
    if (w > 0 && overlap > 0.5 * w) return -1;
  }
  return static_cast<int>(k);
}

bool Grid::FeedPositions(const RawLine& line) {
  std::vector<const Token*> toks;
  for (const Token& t : line.tokens) {
    std::string_view s = View(doc_, t.at);
    if (!s.empty() && s != "|") toks.push_back(&t);
  }
  if (toks.empty()) return true;
  if (IsRepeatedHeader(line)) return true;
  if (IsOtherHeader(line)) return false;
  if (!any_row_ && rows_.empty() && ContinueHeader(line, false)) return true;
  PendingRow row = NewRow();
  bool has_values = false, any_values_column = false;
  for (ColType t : types_)
    if (t == ColType::kNumber || t == ColType::kValue) any_values_column = true;
  // Text that flows across the columns (a name wider than its column, figures starting at the
  // left margin): this line is not laid out by position; read it by counting instead.
  std::vector<int> figures_in(cols_.size(), 0);
  for (const Token* t : toks) {
    int c = ColumnAt(*t);
    bool figure = IsFigure(g_, View(doc_, t->at));
    if (c < 0 || (types_[static_cast<size_t>(c)] == ColType::kName && figure)) return FeedCount(line);
    if (figure && types_[static_cast<size_t>(c)] == ColType::kNumber && ++figures_in[static_cast<size_t>(c)] > 1)
      return FeedCount(line);
  }
  if (!fragments_.empty()) return FeedCount(line);
  for (const Token* t : toks) {
    int c = ColumnAt(*t);
    AddToCell(&row, static_cast<size_t>(c), *t);
    if (types_[static_cast<size_t>(c)] == ColType::kNumber || types_[static_cast<size_t>(c)] == ColType::kValue)
      has_values = true;
  }
  row.fragment = any_values_column && !has_values;
  std::string_view s = View(doc_, line.at);
  if (row.fragment) {
    if (IsHeading(s) || IsProse(s)) return false;
    // A long run of lines with no figures is text after the table, not wrapped cells.
    size_t run = 0;
    for (size_t i = rows_.size(); i-- > 0 && rows_[i].fragment;) ++run;
    if (run >= 6) return false;
  }
  row.y = (line.y0 + line.y1) / 2;
  row.height = line.positioned ? line.y1 - line.y0 : 1;
  Push(std::move(row));
  return true;
}

}  // namespace jixiao::internal::grid
