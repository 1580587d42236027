// A whole table flattened onto one line (a .doc converter's or a document-sharing site's text): the
// header's cells, then every row's cells, all separated by single spaces, empty cells gone. The
// tokens after the header are cut into rows by the column types, as a one-cell-per-line stream is
// (tables_stream.cc), one token a cell: a row is a run of the header's columns that may start after
// leading name columns (merged cells, carried from the row above) and may lack the cells the form
// leaves empty by its own conventions (rules grid.flat.*): trailing text columns (原因, 是否), an
// adjusted-value column nothing was adjusted in, the funds block's scoring cells on its 其中 rows
// (filled on the total row only), the budget amounts on a department form's single funds row, the
// 得分 of an optional (可选项) row. A cut is used only where it is the only one; what cannot be cut
// uniquely is unread, and reading resumes at the next row that starts a new 一级 group (nothing
// carried across the gap). Linear in the tokens, apart from a bounded search after each gap.
#include <algorithm>
#include <cctype>

#include "structure/tables_grid.h"

namespace jixiao::internal::grid {

namespace {

constexpr size_t kMaxNameBytes = 90;  // a name cell: 30 Chinese characters
constexpr size_t kMaxGap = 40;        // tokens skipped looking for the next row after an unread stretch

bool Match(const RE2* re, std::string_view s) {
  return re != nullptr && RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), *re);
}

Span HullOf(Span a, Span b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return Span{std::min(a.begin, b.begin), std::max(a.end, b.end)};
}

// What a token can be.
struct Tok {
  const Token* t = nullptr;
  bool figure = false, marker = false, prose = false, percent = false;
  bool total = false, level1 = false, unscored = false, text_word = false;
  bool unit = false, nature = false, wordless = true;
  bool group = false;  // reads as the name of a group (数量指标, 项目执行(3分)), not of a 三级 row  // wordless: no letter or Chinese character
  size_t bytes = 0;
};

// One way a row can lie on the columns: the columns it fills, in order.
struct Layout {
  size_t k = 0;                 // first column (k > 0: leading name columns carried)
  std::vector<size_t> cols;     // filled columns
  bool first_only = false;      // only the block's first row may have it
  bool later_only = false;      // only rows after the first
  bool unscored = false;        // only a row whose name is 可选项
  bool total = false;           // a 合计 / 总分 row: its name, then figures
};

}  // namespace

void Grid::FeedOneLine(const RawLine& line, size_t from, size_t to) {
  std::vector<Tok> toks;
  for (size_t i = from; i < to && i < line.tokens.size(); ++i) {
    std::string_view s = View(doc_, line.tokens[i].at);
    if (s.empty() || s == "|") continue;
    Tok k;
    k.t = &line.tokens[i];
    k.figure = IsFigure(g_, s);
    k.marker = IsEmptyMarker(g_, s);
    k.prose = IsProse(s);
    k.percent = k.figure && s.back() == '%';
    k.total = RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), g_.total);
    k.level1 = Match(g_.flat_level1, s);
    k.unscored = Match(g_.flat_unscored, s);
    k.text_word = Match(g_.flat_text_word, s);
    k.group = Match(g_.flat_group_name, s);
    k.unit = Match(g_.flat_unit_cell, s);
    k.nature = Match(g_.flat_nature_cell, s);
    for (unsigned char ch : s)
      if (ch >= 0x80 || std::isalpha(ch)) k.wordless = false;
    k.bytes = s.size();
    toks.push_back(k);
  }
  const size_t n = types_.size(), m = toks.size();
  if (n == 0 || m == 0) return;

  // Column roles by their labels.
  std::vector<bool> amount(n, false), total_only(n, false), may_lack(n, false), unit_col(n, false), nature_col(n, false);
  bool any_amount = false, any_unit = false, any_nature = false;
  std::vector<size_t> numbers;
  for (size_t c = 0; c < n; ++c) {
    const std::string& l = cols_[c].label;
    if (types_[c] == ColType::kNumber) {
      numbers.push_back(c);
      amount[c] = Match(g_.flat_amount, l);
      total_only[c] = !amount[c] && Match(g_.flat_total_only, l);
      any_amount = any_amount || amount[c];
    }
    may_lack[c] = types_[c] == ColType::kValue && Match(g_.flat_may_lack, l);
    unit_col[c] = types_[c] == ColType::kValue && Match(g_.flat_unit_column, l);
    nature_col[c] = types_[c] == ColType::kValue && Match(g_.flat_nature_column, l);
    any_unit = any_unit || unit_col[c];
    any_nature = any_nature || nature_col[c];
  }
  const bool levels = n >= 3 && types_[0] == ColType::kName && types_[1] == ColType::kName &&
                      RE2::PartialMatch(cols_[0].label, g_.level_column);
  size_t last_name = 0;
  while (last_name + 1 < n && types_[last_name + 1] == ColType::kName) ++last_name;
  const bool named = types_[0] == ColType::kName;

  // The layouts a row may take; one per way of placing its cells (the first of equal ones kept).
  std::vector<Layout> layouts;
  auto add = [&](Layout L) {
    for (const Layout& o : layouts)
      if (o.k == L.k && o.cols == L.cols && o.total == L.total) return;
    layouts.push_back(std::move(L));
  };
  for (size_t k = 0; k < n; ++k) {
    if (k > 0 && !(types_[k - 1] == ColType::kName && types_[k] == ColType::kName)) break;
    size_t lackable = 0;
    std::vector<size_t> lack_cols;
    for (size_t c = k; c < n; ++c)
      if (may_lack[c]) lack_cols.push_back(c);
    lackable = lack_cols.size();
    if (lackable > 3) lackable = 3, lack_cols.resize(3);
    for (size_t end = n; end > k; --end) {
      if (end < n && types_[end] != ColType::kText) break;  // only trailing text columns may lack
      for (size_t mask = 0; mask < (size_t{1} << lackable); ++mask) {
        for (int variant = 0; variant < 4; ++variant) {
          Layout L;
          L.k = k;
          for (size_t c = k; c < end; ++c) {
            bool lacks = false;
            for (size_t b = 0; b < lackable; ++b)
              if ((mask >> b & 1) && lack_cols[b] == c) lacks = true;
            if (variant == 1 && total_only[c]) lacks = true;
            if (variant == 2 && amount[c]) lacks = true;
            if (variant == 3 && types_[c] == ColType::kNumber && c == numbers.back()) lacks = true;
            if (!lacks) L.cols.push_back(c);
          }
          if (variant == 1) {
            if (!any_amount || std::none_of(total_only.begin(), total_only.end(), [](bool b) { return b; })) continue;
            L.later_only = true;
          }
          if (variant == 2) {
            if (!any_amount || k > 0) continue;
            L.first_only = true;
          }
          if (variant == 3) {
            if (numbers.size() < 2 || numbers.back() >= end) continue;
            L.unscored = true;
          }
          if (L.cols.size() <= 1 && named) continue;
          add(std::move(L));
        }
      }
    }
  }
  // An optional row left blank: its name alone, under the last name column.
  if (named && levels) {
    Layout L;
    L.k = last_name;
    L.cols = {last_name};
    L.unscored = true;
    add(L);
  }
  // A 合计 / 总分 row: its name and its figures under the number columns (all of them, or the last
  // one or two: 分值 and 得分).
  if (named && !numbers.empty()) {
    for (size_t f = 1; f <= numbers.size(); ++f) {
      if (f != numbers.size() && f > 2) continue;
      Layout L;
      L.total = true;
      L.cols.push_back(0);
      for (size_t j = numbers.size() - f; j < numbers.size(); ++j) L.cols.push_back(numbers[j]);
      add(std::move(L));
    }
  }

  auto fits = [&](size_t c, const Tok& x, bool first_cell, const Layout& L) {
    if (x.prose && types_[c] != ColType::kText) return false;
    if (first_cell && x.total != L.total) return false;
    switch (types_[c]) {
      case ColType::kName:
        if (x.figure || x.marker || x.wordless || x.bytes > kMaxNameBytes) return false;
        if (x.text_word) return false;  // 是 / 否 is the text cell of the row before
        if (first_cell && c == 0 && levels && !x.level1 && !L.total) return false;
        if (L.unscored && c == last_name && !x.unscored) return false;  // the row's own name says 可选项
        if (levels && c < last_name && x.unscored) return false;  // an optional row is not a group
        // A row under carried groups starts at its 三级 name; a group's name there means the row
        // lost cells (its 得分, a value) and would be read one column off.
        if (first_cell && levels && c == last_name && c > 0 && x.group) return false;
        return true;
      case ColType::kNumber: return (x.figure && !(amount[c] && x.percent)) || x.marker;
      case ColType::kValue:
        // A unit column takes a unit, a 指标性质 column a comparator or 定量 / 定性; those words go
        // nowhere else when the table has such a column.
        if (unit_col[c]) return x.unit;
        if (nature_col[c]) return x.nature;
        if ((any_unit && x.unit) || (any_nature && x.nature)) return false;
        return !x.total;
      case ColType::kText: return x.prose || x.marker || x.text_word;
    }
    return false;
  };
  // Does layout L fit the tokens from i? (row_index: rows cut before it in this run)
  auto fit = [&](size_t i, const Layout& L, bool first_row) {
    if (i + L.cols.size() > m) return false;
    if (L.first_only && !first_row) return false;
    if (L.later_only && first_row) return false;
    bool anchor = L.cols.size() == 1;  // a name alone (可选项)
    // The amounts left empty on the funds row: only when its rate is written as a rate (76%);
    // three plain figures there are the amounts with the scoring cells empty, not the reverse.
    if (L.first_only) {
      bool percent = false;
      for (size_t j = 0; j < L.cols.size() && i + j < m; ++j) percent = percent || toks[i + j].percent;
      if (!percent) return false;
    }
    for (size_t j = 0; j < L.cols.size(); ++j) {
      size_t c = L.cols[j];
      const Tok& x = toks[i + j];
      if (!fits(c, x, j == 0, L)) return false;
      if (types_[c] == ColType::kNumber || types_[c] == ColType::kValue) anchor = true;
    }
    // The next token starts a row: it is not a figure (a row's cells are not cut short).
    size_t e = i + L.cols.size();
    if (e < m && (toks[e].figure || toks[e].marker) && named) return false;
    return anchor;
  };

  struct Way {
    int count = 0;
    size_t from = 0;
    const Layout* layout = nullptr;
  };
  // Cuts tokens from `start` into rows; returns the furthest token reached by exactly one cut
  // (start if none) and the rows of that cut.
  auto cut = [&](size_t start, bool block_start, std::vector<std::pair<size_t, const Layout*>>* rows) {
    // Indexed from `start`, grown as cuts reach further: a probe that finds no row costs a row's length.
    std::vector<Way> ways(1);
    std::vector<int> cover(2, 0);
    auto grow = [&](size_t e) {
      if (e - start + 2 > cover.size()) ways.resize(e - start + 1), cover.resize(e - start + 2, 0);
    };
    ways[0].count = 1;
    size_t reach = start;
    for (size_t i = start; i < m && i <= reach; ++i) {
      if (ways[i - start].count == 0) continue;
      for (const Layout& L : layouts) {
        if (L.k > 0 && i == start) continue;  // nothing to carry from
        if (!fit(i, L, block_start && i == start)) continue;
        size_t e = i + L.cols.size();
        grow(e);
        Way& w = ways[e - start];
        ++cover[i - start + 1], --cover[e - start];
        if (w.count == 0) w.from = i, w.layout = &L;
        w.count = std::min(2, w.count + ways[i - start].count);
        reach = std::max(reach, e);
      }
    }
    size_t p = reach;
    while (p > start && ways[p - start].count == 0) --p;
    if (ways[p - start].count > 1) {
      for (size_t i = 1; i < cover.size(); ++i) cover[i] += cover[i - 1];
      while (p > start && (ways[p - start].count != 1 || cover[p - start] > 0)) --p;
    }
    rows->clear();
    for (size_t q = p; q > start; q = ways[q - start].from) rows->emplace_back(ways[q - start].from, ways[q - start].layout);
    std::reverse(rows->begin(), rows->end());
    return p;
  };

  auto unread_span = [&](size_t b, size_t e) {
    Span s;
    bool figures = false;
    for (size_t i = b; i < e; ++i) {
      s = HullOf(s, toks[i].t->at);
      figures = figures || toks[i].figure;
    }
    if (figures && !s.empty()) unread_.push_back(s);
  };

  size_t pos = 0;
  bool block_start = true, after_gap = false;
  std::vector<std::pair<size_t, const Layout*>> rows;
  while (pos < m) {
    size_t p = cut(pos, block_start, &rows);
    for (size_t r = 0; r < rows.size(); ++r) {
      auto [i, L] = rows[r];
      PendingRow row = NewRow();
      for (size_t j = 0; j < L->cols.size(); ++j) AddToCell(&row, L->cols[j], *toks[i + j].t);
      row.y = line.y0;
      row.no_carry = after_gap && r == 0;
      Push(std::move(row));
      after_gap = false;
      block_start = false;
    }
    if (p >= m) break;
    if (toks[p].prose) {  // the block ends in prose
      unread_span(p, m);
      break;
    }
    // Not a row: skip to the next token from which a cut starts afresh (k = 0).
    size_t q = p + 1;
    bool found = false;
    for (; q < m && q <= p + kMaxGap && !toks[q].prose; ++q) {
      std::vector<std::pair<size_t, const Layout*>> probe;
      if (cut(q, block_start, &probe) > q) {
        found = true;
        break;
      }
    }
    if (!found) {
      unread_span(p, m);
      break;
    }
    unread_span(p, q);
    pos = q;
    after_gap = true;
  }
}

}  // namespace jixiao::internal::grid
