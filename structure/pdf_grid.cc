// Ruled PDF tables from word positions: header band, columns, wrapped cells, rows (see pdf_grid.h).
#include "structure/pdf_grid.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace jixiao::internal::pdfgrid {

namespace {

constexpr size_t kMaxHeaderLines = 6;
constexpr size_t kMinColumns = 3;

// A visual line: words whose vertical centres are within a third of an em of its first word's.
struct Line {
  double y = 0;
  std::vector<size_t> words;  // left to right
};

// Lines of one column inside the table, grouped into cells.
struct Block {
  size_t column = 0;
  std::vector<Line> lines;
  double Top() const { return lines.front().y; }
  double Bottom() const { return lines.back().y; }
};

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

// Code points of a UTF-8 string, and whether all are wide (CJK) characters.
size_t CodePoints(std::string_view s, bool* wide) {
  size_t n = 0;
  *wide = !s.empty();
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) == 0x80) continue;
    ++n;
    if (c < 0xE3 || c > 0xE9) *wide = false;  // U+3000..U+9FFF
  }
  return n;
}

// The page's em: the median width of a Chinese character (a wide glyph is one em wide).
double EmOf(const std::vector<Word>& words) {
  std::vector<double> w, h;
  for (const Word& x : words) {
    bool wide = false;
    size_t n = CodePoints(x.text, &wide);
    if (wide && n > 0 && x.x1 > x.x0) w.push_back((x.x1 - x.x0) / static_cast<double>(n));
    if (x.y1 > x.y0) h.push_back(x.y1 - x.y0);
  }
  double em = !w.empty() ? Median(w) : 0.6 * Median(h);
  return em > 0.5 ? em : 10.0;
}

std::vector<Line> LinesOf(const std::vector<Word>& words, std::vector<size_t> idx, double tol) {
  std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
    return words[a].Cy() != words[b].Cy() ? words[a].Cy() < words[b].Cy() : words[a].x0 < words[b].x0;
  });
  std::vector<Line> out;
  for (size_t i : idx) {
    if (out.empty() || words[i].Cy() - out.back().y > tol) out.push_back(Line{words[i].Cy(), {}});
    out.back().words.push_back(i);
  }
  for (Line& l : out)
    std::sort(l.words.begin(), l.words.end(), [&](size_t a, size_t b) { return words[a].x0 < words[b].x0; });
  return out;
}

// Two or more Chinese characters and no digit: words, not a figure or an empty marker.
bool IsWords(std::string_view s) {
  size_t wide = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= '0' && c <= '9') return false;
    if (c >= 0xE3 && c <= 0xE9) ++wide;
  }
  return wide >= 2;
}

std::string NoSpaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out += c;
  return out;
}

class PageReader {
 public:
  PageReader(const std::vector<Word>& words, const Tests& tests) : w_(words), tests_(tests) {
    em_ = EmOf(words);
    std::vector<size_t> all(words.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    lines_ = LinesOf(words, all, LineTol());
  }

  std::vector<Table> Run(const std::vector<Column>* continued, std::vector<Column>* open) {
    std::vector<Table> out;
    size_t i = 0;
    bool last_open = false;
    // A table the page before ended open: its rows go on at the top of this page, under the same
    // columns, unless the page starts with a header.
    if (continued != nullptr && !continued->empty() && !lines_.empty()) {
      Table t;
      t.columns = *continued;
      t.continued = true;
      size_t next = 0;
      if (Body(0, 0, &t, &next)) {
        out.push_back(std::move(t));
        i = next;
        last_open = open_;
      }
    }
    while (i < lines_.size()) {
      Table t;
      size_t next = i + 1;
      size_t band = HeaderAt(i, &t.columns);
      bool read = band > 0 && (band >= tests_.min_header_lines || tests_.one_line_when_wrapped) && Body(i, band, &t, &next);
      if (read && band < tests_.min_header_lines && !WrappedAndKnown(t)) read = false;
      if (read) {
        out.push_back(std::move(t));
        i = next;
        last_open = open_;
      } else {
        ++i;
      }
    }
    if (open != nullptr) *open = last_open && !out.empty() ? out.back().columns : std::vector<Column>{};
    return out;
  }

 private:
  double LineTol() const { return 0.3 * em_; }

  // Some cell of the table spans two or more lines (its rows wrap, so no line alone is a row) and
  // every name cell is known: a table with a one-line header that only this reader can read.
  bool WrappedAndKnown(const Table& t) const {
    bool wrapped = false;
    for (const Row& r : t.rows) {
      for (size_t c = 0; c < r.cells.size(); ++c) {
        const Cell& cell = r.cells[c];
        if (cell.unread && t.columns[c].kind == Kind::kName) return false;
        wrapped = wrapped || (cell.carried && !cell.words.empty());  // a merged cell: rows the line reader splits
        for (size_t w : cell.words)
          if (!cell.carried && std::abs(w_[w].Cy() - w_[cell.words.front()].Cy()) > LineTol()) wrapped = true;
      }
    }
    return wrapped;
  }

  // Header cells over lines [i, i + n): words grouped by horizontal overlap.
  bool Header(size_t i, size_t n, std::vector<Column>* cols) const {
    std::vector<std::pair<size_t, size_t>> ws;  // word, line
    for (size_t k = i; k < i + n; ++k)
      for (size_t w : lines_[k].words) ws.emplace_back(w, k);
    std::sort(ws.begin(), ws.end(), [&](auto a, auto b) { return w_[a.first].x0 < w_[b.first].x0; });
    std::vector<std::vector<std::pair<size_t, size_t>>> groups;
    double right = -std::numeric_limits<double>::infinity();
    for (auto p : ws) {
      const Word& x = w_[p.first];
      if (groups.empty() || x.x0 >= right) {
        groups.emplace_back();
        right = x.x1;
      }
      right = std::max(right, x.x1);
      groups.back().push_back(p);
    }
    // A group label over sub-columns ("采集数据项" over "数据项1" "数据项2"): its one top word spans
    // two or more cells below it, each a column of its own, labelled group + sub-label.
    std::vector<std::vector<std::pair<size_t, size_t>>> cells;
    std::vector<int> group_of;
    for (auto& g : groups) {
      size_t top = g.front().second;
      for (auto p : g) top = std::min(top, p.second);
      std::vector<std::pair<size_t, size_t>> head, rest;
      for (auto p : g) (p.second == top ? head : rest).push_back(p);
      std::vector<std::vector<std::pair<size_t, size_t>>> subs;
      double r = -std::numeric_limits<double>::infinity();
      for (auto p : rest) {  // already in x order
        if (subs.empty() || w_[p.first].x0 >= r) subs.emplace_back(), r = w_[p.first].x1;
        r = std::max(r, w_[p.first].x1);
        subs.back().push_back(p);
      }
      // (A title over the whole table is no group label: at most four sub-columns, and fewer than
      // half of the header's cells.)
      if (head.size() == 1 && subs.size() >= 2 && subs.size() <= 4 && subs.size() + 1 < groups.size()) {
        const int id = static_cast<int>(cells.size());
        for (auto& sub : subs) {
          sub.insert(sub.begin(), head.front());
          cells.push_back(sub);
          group_of.push_back(id);
        }
      } else {
        cells.push_back(g);
        group_of.push_back(-1);
      }
    }
    if (cells.size() < kMinColumns) return false;
    // The lines of one cell follow each other at the line pitch; a cell whose lines are further
    // apart than the band's smallest pitch is two rows' cells (a row above the header).
    double pitch = std::numeric_limits<double>::infinity(), widest = 0;
    for (size_t k = 0; k < cells.size(); ++k) {
      std::vector<double> ys;
      for (size_t q = group_of[k] >= 0 ? 1 : 0; q < cells[k].size(); ++q) ys.push_back(lines_[cells[k][q].second].y);
      std::sort(ys.begin(), ys.end());
      ys.erase(std::unique(ys.begin(), ys.end()), ys.end());
      for (size_t q = 1; q < ys.size(); ++q) pitch = std::min(pitch, ys[q] - ys[q - 1]), widest = std::max(widest, ys[q] - ys[q - 1]);
    }
    if (std::isfinite(pitch) && widest > 1.2 * pitch) return false;
    cols->clear();
    std::vector<std::string> labels;
    for (auto& g : cells) {
      std::sort(g.begin(), g.end(), [&](auto a, auto b) {
        return a.second != b.second ? a.second < b.second : w_[a.first].x0 < w_[b.first].x0;
      });
      Column c;
      c.x0 = std::numeric_limits<double>::infinity();
      c.x1 = -c.x0;
      bool first = true;
      for (auto p : g) {
        const Word& x = w_[p.first];
        // A figure is no header word, except a wrapped label's end ("数据项" / "1").
        if (x.figure && (g.size() == 1 || p.second == g.front().second)) return false;
        c.label += NoSpaces(x.text);
        c.words.push_back(p.first);
        // A group label's extent is its sub-column's, not the group's.
        if (!first || g.size() == 1 || group_of[cols->size()] < 0) {
          c.x0 = std::min(c.x0, x.x0);
          c.x1 = std::max(c.x1, x.x1);
        }
        first = false;
      }
      labels.push_back(c.label);
      cols->push_back(std::move(c));
    }
    std::vector<Kind> kinds;
    if (!tests_.header || !tests_.header(labels, group_of, &kinds) || kinds.size() != cols->size()) return false;
    bool number = false;
    for (size_t c = 0; c < kinds.size(); ++c) {
      (*cols)[c].kind = kinds[c];
      number = number || kinds[c] == Kind::kNumber;
    }
    return number;
  }

  // The number of lines of the header band starting at line i (the most that read as a header),
  // 0 if none.
  size_t HeaderAt(size_t i, std::vector<Column>* cols) const {
    size_t best = 0;
    std::vector<Column> tmp;
    for (size_t n = 1; n <= kMaxHeaderLines && i + n <= lines_.size(); ++n) {
      if (n > 1 && lines_[i + n - 1].y - lines_[i + n - 2].y > 2.2 * em_) break;
      if (Header(i, n, &tmp)) best = n, *cols = tmp;
    }
    // A line above a header that reads as part of it ("产出成本" over "二级指标": the last row of
    // the table above) is not the header's when the header reads without it.
    bool one_cell = lines_[i].words.size() == 1;
    if (best >= 2 && one_cell && Header(i + 1, best - 1, &tmp) && tmp.size() == cols->size()) return 0;
    return best;
  }

  // The column holding word w, or -1 when it reaches across a boundary.
  int ColumnOf(const std::vector<double>& bounds, const Word& x) const {
    const double tol = 0.3 * em_;
    for (double b : bounds)
      if (x.x0 < b - tol && x.x1 > b + tol) return -1;
    size_t k = 0;
    while (k < bounds.size() && bounds[k] <= x.Cx()) ++k;
    return static_cast<int>(k);
  }

  bool StartsHeader(size_t j) const {
    std::vector<Column> tmp;
    return HeaderAt(j, &tmp) > 0;
  }

  // The boundaries between columns: in the gap between two header cells, where the fewest words
  // of the lines below cross it (the longest such stretch, its middle). A header narrower than
  // its column leaves the column's words reaching past it; the cells' border is where none do.
  // The lines read: up to the first line with a word across three header gaps (text across the
  // table), the next header, or 80 lines.
  std::vector<double> Bounds(size_t from, const std::vector<Column>& cols) const {
    std::vector<size_t> body;
    for (size_t j = from; j < lines_.size() && j < from + 80; ++j) {
      bool wide = false;
      for (size_t w : lines_[j].words) {
        size_t gaps = 0;
        for (size_t c = 0; c + 1 < cols.size(); ++c)
          if (w_[w].x0 < cols[c].x1 && w_[w].x1 > cols[c + 1].x0) ++gaps;
        wide = wide || gaps >= 3;
      }
      if (wide || (j > from && StartsHeader(j))) break;
      body.insert(body.end(), lines_[j].words.begin(), lines_[j].words.end());
    }
    std::vector<double> bounds;
    for (size_t c = 0; c + 1 < cols.size(); ++c) {
      double a = cols[c].x1, b = cols[c + 1].x0;
      if (b <= a) {
        bounds.push_back((a + b) / 2);
        continue;
      }
      // Coverage of [a, b] by the words: +1 at each word's left end, -1 at its right end.
      std::vector<std::pair<double, int>> ev{{a, 0}, {b, 0}};
      for (size_t w : body) {
        double x0 = std::max(a, w_[w].x0), x1 = std::min(b, w_[w].x1);
        if (x1 > x0) ev.emplace_back(x0, 1), ev.emplace_back(x1, -1);
      }
      std::sort(ev.begin(), ev.end());
      int depth = 0, best_depth = 1 << 30;
      double best_len = -1, best_at = (a + b) / 2;
      for (size_t k = 0; k + 1 < ev.size(); ++k) {
        depth += ev[k].second;
        double len = ev[k + 1].first - ev[k].first;
        if (len <= 0) continue;
        if (depth < best_depth || (depth == best_depth && len > best_len))
          best_depth = depth, best_len = len, best_at = (ev[k].first + ev[k + 1].first) / 2;
      }
      bounds.push_back(best_at);
    }
    return bounds;
  }

  // Reads the body below the header band [i, i + band); *next: the first line after the table.
  bool Body(size_t i, size_t band, Table* t, size_t* next) {
    std::vector<Column>& cols = t->columns;
    std::vector<double> bounds = Bounds(i + band, cols);
    const double width = cols.back().x1 - cols.front().x0;
    std::vector<std::vector<size_t>> in(cols.size());  // body words per column
    std::vector<size_t> unplaced;
    double last_y = band > 0 ? lines_[i + band - 1].y : lines_[i].y;
    double total_y = -1;
    size_t j = i + band;
    for (; j < lines_.size(); ++j) {
      const Line& l = lines_[j];
      if (l.y - last_y > 3.5 * em_) break;
      if (total_y >= 0 && l.y - total_y > 0.6 * em_) break;
      if (StartsHeader(j)) break;
      std::vector<int> at;
      size_t across = 0;
      bool wide = false;
      for (size_t w : l.words) {
        at.push_back(ColumnOf(bounds, w_[w]));
        if (at.back() < 0) ++across, wide = wide || w_[w].x1 - w_[w].x0 > 0.4 * width;
      }
      if (across > 0 && (wide || across >= 2 || across == l.words.size())) break;  // text across the table
      // Words under two or more number columns: another table's header or text rows.
      size_t words_in_numbers = 0;
      for (size_t k = 0; k < l.words.size(); ++k)
        if (at[k] >= 0 && cols[static_cast<size_t>(at[k])].kind == Kind::kNumber && IsWords(w_[l.words[k]].text))
          ++words_in_numbers;
      if (words_in_numbers >= 2) break;
      for (size_t k = 0; k < l.words.size(); ++k) {
        if (at[k] < 0)
          unplaced.push_back(l.words[k]);
        else
          in[static_cast<size_t>(at[k])].push_back(l.words[k]);
      }
      // A total row ends the table.
      if (total_y < 0 && tests_.total && j > i + band) {
        for (size_t k = 0; k < l.words.size(); ++k) {
          if (at[k] < 0) continue;
          if (cols[static_cast<size_t>(at[k])].kind == Kind::kName && tests_.total(w_[l.words[k]].text)) total_y = l.y;
          break;
        }
      }
      last_y = l.y;
    }
    *next = j;
    open_ = j == lines_.size() && total_y < 0;  // the page ended the table, not the table itself
    bool any = false;
    for (const auto& v : in) any = any || !v.empty();
    if (!any) return false;
    t->unplaced = unplaced;
    Rows(in, t);
    if (t->rows.empty()) return false;
    if (band > 0)
      for (const Column& c : cols) t->words.insert(t->words.end(), c.words.begin(), c.words.end());
    for (const auto& v : in) t->words.insert(t->words.end(), v.begin(), v.end());
    t->words.insert(t->words.end(), unplaced.begin(), unplaced.end());
    t->y0 = lines_[i].y;
    t->y1 = last_y;
    for (size_t w : t->words) t->y0 = std::min(t->y0, w_[w].y0), t->y1 = std::max(t->y1, w_[w].y1);
    return true;
  }

  // The cut positions between rows, and the blocks (cells) of every column.
  void Rows(const std::vector<std::vector<size_t>>& in, Table* t) const {
    const std::vector<Column>& cols = t->columns;
    const double tol = LineTol();
    std::vector<std::vector<Line>> col_lines(cols.size());
    std::vector<double> pitches;
    double fig_pitch = std::numeric_limits<double>::infinity();
    for (size_t c = 0; c < cols.size(); ++c) {
      col_lines[c] = LinesOf(w_, in[c], tol);
      const auto& ls = col_lines[c];
      for (size_t k = 1; k < ls.size(); ++k) {
        double p = ls[k].y - ls[k - 1].y;
        if (p < 3 * em_) pitches.push_back(p);
        bool figs = cols[c].kind == Kind::kNumber && ls[k].words.size() == 1 && ls[k - 1].words.size() == 1 &&
                    w_[ls[k].words[0]].figure && w_[ls[k - 1].words[0]].figure;
        if (figs) fig_pitch = std::min(fig_pitch, p);
      }
    }
    // The line pitch inside wrapped cells: the smallest distance between lines of one column, when
    // it is clearly smaller than some other such distance or than the distance between two rows'
    // figures. Otherwise no cell wraps and every line of a column is a cell of its own.
    double intra = 0;
    if (!pitches.empty()) {
      double p_min = *std::min_element(pitches.begin(), pitches.end());
      bool two = std::any_of(pitches.begin(), pitches.end(), [&](double p) { return p >= 1.15 * p_min; });
      if (std::isfinite(fig_pitch) ? p_min < 0.9 * fig_pitch : two) intra = std::min(1.1 * p_min, 0.95 * fig_pitch);
    }
    std::vector<Block> blocks;
    for (size_t c = 0; c < cols.size(); ++c) {
      for (const Line& l : col_lines[c]) {
        if (blocks.empty() || blocks.back().column != c || l.y - blocks.back().Bottom() > intra)
          blocks.push_back(Block{c, {}});
        blocks.back().lines.push_back(l);
      }
    }
    // Cuts: gaps in the lines of all columns wider than the pitch, and between two cells of one
    // column (at the widest gap between them).
    std::vector<double> ys;
    for (const Block& b : blocks)
      for (const Line& l : b.lines) ys.push_back(l.y);
    std::sort(ys.begin(), ys.end());
    const double gap = std::max(intra, 0.5 * em_);
    std::vector<double> cuts;
    for (size_t k = 1; k < ys.size(); ++k)
      if (ys[k] - ys[k - 1] > gap) cuts.push_back((ys[k] + ys[k - 1]) / 2);
    for (size_t b = 1; b < blocks.size(); ++b) {
      if (blocks[b].column != blocks[b - 1].column) continue;
      double top = blocks[b - 1].Bottom(), bottom = blocks[b].Top();
      if (std::any_of(cuts.begin(), cuts.end(), [&](double y) { return y > top && y < bottom; })) continue;
      double best = 0, at = (top + bottom) / 2;
      for (size_t k = 1; k < ys.size(); ++k) {
        if (ys[k - 1] < top - 1e-9 || ys[k] > bottom + 1e-9) continue;
        if (ys[k] - ys[k - 1] > best) best = ys[k] - ys[k - 1], at = (ys[k] + ys[k - 1]) / 2;
      }
      cuts.push_back(at);
      std::sort(cuts.begin(), cuts.end());
    }
    std::sort(cuts.begin(), cuts.end());
    auto row_of = [&](double y) {
      return static_cast<size_t>(std::lower_bound(cuts.begin(), cuts.end(), y) - cuts.begin());
    };
    const size_t n = cuts.size() + 1;
    std::vector<Row> rows(n);
    std::vector<bool> own(n, false);
    for (Row& r : rows) {
      r.cells.resize(cols.size());
      r.y0 = std::numeric_limits<double>::infinity();
      r.y1 = -r.y0;
    }
    // Per row and column: the centre of its owned block (for centred merged cells); per column:
    // a block of it does not fit in one row (it reaches over a cut by more than half a line), so
    // its labels are merged cells.
    std::vector<std::vector<double>> centre(n, std::vector<double>(cols.size(), NAN));
    std::vector<bool> merged(cols.size(), false);
    const double half = 0.4 * (intra > 0 ? intra / 1.1 : em_);
    for (const Block& b : blocks) {
      size_t r0 = row_of(b.Top()), r1 = row_of(b.Bottom());
      Cell cell;
      size_t figures = 0;
      for (const Line& l : b.lines) {
        for (size_t w : l.words) {
          cell.words.push_back(w);
          figures += w_[w].figure ? 1 : 0;
        }
        Row& r = rows[row_of(l.y)];
        r.y0 = std::min(r.y0, l.y), r.y1 = std::max(r.y1, l.y);
        r.words.insert(r.words.end(), l.words.begin(), l.words.end());
      }
      // Two figures in one cell of a number column: which one is the cell's is not known.
      if (cols[b.column].kind == Kind::kNumber && figures >= 2) cell.unread = true;
      rows[r0].cells[b.column] = cell;
      own[r0] = true;
      centre[r0][b.column] = (b.Top() + b.Bottom()) / 2;
      bool over = r1 > r0 || (r0 > 0 && b.Top() - half < cuts[r0 - 1]) || (r1 + 1 < n && b.Bottom() + half > cuts[r1]);
      if (over) merged[b.column] = true;
      for (size_t r = r0 + 1; r <= r1; ++r) {
        rows[r].cells[b.column] = cell;
        rows[r].cells[b.column].carried = true;
      }
    }
    for (size_t w : t->unplaced) {
      size_t r = row_of(w_[w].Cy());
      rows[r].words.push_back(w);
      // The word's cells are unknown: every column it overlaps is unread.
      for (size_t c = 0; c < cols.size(); ++c) {
        double lo = c == 0 ? -INFINITY : (cols[c - 1].x1 + cols[c].x0) / 2;
        double hi = c + 1 == cols.size() ? INFINITY : (cols[c].x1 + cols[c + 1].x0) / 2;
        if (w_[w].x1 > lo && w_[w].x0 < hi) rows[r].cells[c].unread = true;
      }
    }
    // Row centres for the labels' positions: the middle between the cuts around each row.
    std::vector<double> mids(n), lo(n), hi(n);
    for (size_t r = 0; r < n; ++r) {
      lo[r] = r > 0 ? cuts[r - 1] : rows[r].y0 - (n > 1 ? cuts[0] - rows[r].y1 : 0);
      hi[r] = r + 1 < n ? cuts[r] : rows[r].y1 + (n > 1 ? rows[r].y0 - cuts[r - 1] : 0);
      mids[r] = (lo[r] + hi[r]) / 2;
    }
    // A row closer to both its neighbours than two rows of figures ever are is no row: labels
    // centred on the border between two rows (merged cells over an even number of rows).
    std::vector<bool> between(n, false);
    if (std::isfinite(fig_pitch)) {
      for (size_t r = 1; r + 1 < n; ++r) {
        if (mids[r] - mids[r - 1] >= 0.75 * fig_pitch || mids[r + 1] - mids[r] >= 0.75 * fig_pitch) continue;
        between[r] = true;
        for (size_t c = 0; c < cols.size(); ++c)
          if (!std::isnan(centre[r][c])) merged[c] = true;
      }
    }
    Carry(centre, lo, hi, merged, &rows, cols);
    // Such a row's labels belong to the rows they span: the first of them owns each label, and
    // the row itself is dropped when all its cells went to rows it spans.
    for (size_t r = 0; r < n; ++r) {
      if (!between[r]) continue;
      bool all_given = true;
      for (size_t c = 0; c < cols.size(); ++c) {
        if (std::isnan(centre[r][c])) continue;
        bool given = false;
        for (size_t k = 0; k < n && !given; ++k) {
          Cell& o = rows[k].cells[c];
          if (k != r && !between[k] && o.carried && o.words == rows[r].cells[c].words) {
            o.carried = false, given = true;
            rows[k].words.insert(rows[k].words.end(), o.words.begin(), o.words.end());
          }
        }
        all_given = all_given && given;
      }
      if (all_given) own[r] = false;
    }
    FirstRowOwns(own, &rows, cols);
    for (size_t r = 0; r < n; ++r) {
      if (!own[r]) continue;
      t->rows.push_back(std::move(rows[r]));
    }
  }

  // Empty leading name cells take the label of their merged cell: the label above, or, when the
  // labels are centred on the rows they span, the label whose span holds the row.
  void Carry(const std::vector<std::vector<double>>& centre, const std::vector<double>& lo, const std::vector<double>& hi,
             const std::vector<bool>& merged, std::vector<Row>* rows, const std::vector<Column>& cols) const {
    std::vector<Row>& rs = *rows;
    // Every name column but the last (a 三级 name is never merged down).
    size_t last_name = cols.size();
    for (size_t c = 0; c < cols.size(); ++c)
      if (cols[c].kind == Kind::kName) last_name = c;
    // The last name column merged over rows (one 三级 name over several rows of figures): the rows
    // without their own name are not known.
    if (last_name < cols.size() && merged[last_name]) {
      for (Row& r : rs) {
        bool content = false;
        for (const Cell& o : r.cells) content = content || (!o.words.empty() && !o.carried);
        if (content && r.cells[last_name].words.empty()) r.cells[last_name].unread = true;
      }
    }
    for (size_t c = 0; c < last_name; ++c) {
      if (cols[c].kind != Kind::kName) continue;
      // Labels centred on the rows they span: where one reaches over a cut, or where the first
      // row has no label of its own for the rows below to continue (a label of one or two lines
      // centred on rows of one line each reaches over no cut, but leaves the first row empty).
      std::vector<int> owner;
      if (merged[c] || (!rs.empty() && rs.front().cells[c].words.empty() && !rs.front().cells[c].unread))
        owner = Centred(centre, lo, hi, rs, c);
      for (size_t r = 0; r < rs.size(); ++r) {
        Cell& cell = rs[r].cells[c];
        if (!cell.words.empty() || cell.unread) continue;
        // Without centred labels, only a leading cell continues the one above: the name cells
        // before it in this row are continued too.
        bool leading = true;
        for (size_t k = 0; k < c; ++k)
          if (cols[k].kind == Kind::kName && !rs[r].cells[k].words.empty() && !rs[r].cells[k].carried) leading = false;
        if (owner.empty() && !leading) continue;
        bool content = false;
        for (const Cell& o : rs[r].cells) content = content || (!o.words.empty() && !o.carried);
        if (!content) continue;
        // Merged cells whose spans the labels' positions do not tell: not known.
        if (merged[c] && owner.empty()) {
          cell.unread = true;
          continue;
        }
        int from = owner.empty() ? static_cast<int>(r) - 1 : owner[r];
        if (from < 0 || static_cast<size_t>(from) == r) continue;
        const Cell& src = rs[static_cast<size_t>(from)].cells[c];
        if (src.words.empty()) continue;
        cell = src;
        cell.carried = true;
      }
    }
  }

  // A merged name cell belongs to the first row of its span, as when its text is written at its
  // top: where a centred label sits lower, in a row of the span it was given to, that row carries
  // it and the first row owns it (readers take a row's own name as the start of a group).
  static void FirstRowOwns(const std::vector<bool>& keep, std::vector<Row>* rows, const std::vector<Column>& cols) {
    std::vector<Row>& rs = *rows;
    for (size_t c = 0; c < cols.size(); ++c) {
      if (cols[c].kind != Kind::kName) continue;
      for (size_t r = 0; r < rs.size();) {
        if (!keep[r] || rs[r].cells[c].words.empty()) {
          ++r;
          continue;
        }
        std::vector<size_t> span{r};
        size_t e = r + 1;
        for (; e < rs.size(); ++e) {
          if (!keep[e]) continue;
          if (rs[e].cells[c].words != rs[r].cells[c].words) break;
          span.push_back(e);
        }
        size_t owners = 0, owner = 0;
        for (size_t k : span)
          if (!rs[k].cells[c].carried) ++owners, owner = k;
        if (owners == 1 && owner != r && !rs[r].cells[c].unread) {
          rs[r].cells[c].carried = false;
          rs[owner].cells[c].carried = true;
          rs[r].words.insert(rs[r].words.end(), rs[r].cells[c].words.begin(), rs[r].cells[c].words.end());
        }
        // The label's points beside it (权重 / 分值 between this name column and the next) are
        // merged over the same rows: the only cell of their column in the span goes to its first row.
        for (size_t k = c + 1; owners == 1 && span.size() > 1 && k < cols.size() && cols[k].kind != Kind::kName; ++k) {
          size_t filled = 0, at = r;
          for (size_t q : span)
            if (!rs[q].cells[k].words.empty() || rs[q].cells[k].unread) ++filled, at = q;
          Cell& cell = rs[at].cells[k];
          if (filled != 1 || at == r || cell.carried || cell.unread) continue;
          rs[r].cells[k] = cell;
          rs[r].words.insert(rs[r].words.end(), cell.words.begin(), cell.words.end());
          cell = Cell{};
        }
        r = e;
      }
    }
  }

  // Labels of name column c centred on the rows they span: per row, the row of the label that
  // spans it; empty when the labels' positions do not fit such spans. Rows differ in height (a
  // row whose text wraps over six lines beside rows of one), so a span is found by the rows'
  // edges, not by counting rows: the label that follows a span ending at row s-1 spans rows s..e
  // for the e whose block [lo(s), hi(e)] is centred on the label, within half an em.
  std::vector<int> Centred(const std::vector<std::vector<double>>& centre, const std::vector<double>& lo,
                           const std::vector<double>& hi, const std::vector<Row>& rs, size_t c) const {
    const size_t n = rs.size();
    bool gaps = false;
    for (size_t r = 0; r < n; ++r)
      if (rs[r].cells[c].words.empty()) gaps = true;
    if (!gaps || n < 2) return {};
    std::vector<int> owner(n, -1);
    size_t s = 0;
    for (size_t i = 0; i < n; ++i) {
      if (std::isnan(centre[i][c]) || rs[i].cells[c].carried) continue;
      if (i < s) return {};
      const double y = centre[i][c];
      size_t best = n;
      double err = std::numeric_limits<double>::infinity();
      for (size_t e = i; e < n; ++e) {
        double d = std::abs((lo[s] + hi[e]) / 2 - y);
        if (d < err) err = d, best = e;
      }
      if (best == n || err > 0.5 * em_) return {};
      for (size_t k = s; k <= best; ++k) owner[k] = static_cast<int>(i);
      s = best + 1;
    }
    if (s != n) return {};
    return owner;
  }

  const std::vector<Word>& w_;
  const Tests& tests_;
  double em_ = 10;
  std::vector<Line> lines_;
  bool open_ = false;  // the last body read ran to the end of the page
};

}  // namespace

std::vector<Table> ReadTables(const std::vector<Word>& words, const Tests& tests, const std::vector<Column>* continued,
                              std::vector<Column>* open) {
  if (open != nullptr) open->clear();
  if (words.empty()) return {};
  return PageReader(words, tests).Run(continued, open);
}

}  // namespace jixiao::internal::pdfgrid
