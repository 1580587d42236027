// Rows without positions: one space between cells (cells by counting, checked against the column
// types; pipe rows are in tables_pipe.cc); one cell per line is in tables_stream.cc, a whole table on
// one line in tables_flat.cc. Where the tokens do not say which cell is empty, the row is left
// out of the grid (Table::unread) rather than guessed.
#include <algorithm>
#include <cstdint>

#include "structure/tables_grid.h"

namespace jixiao::internal::grid {

namespace {

std::vector<const Token*> Cells(const Document& doc, const RawLine& line, size_t from, size_t to) {
  std::vector<const Token*> out;
  for (size_t i = from; i < to && i < line.tokens.size(); ++i) {
    std::string_view s = View(doc, line.tokens[i].at);
    if (!s.empty() && s != "|") out.push_back(&line.tokens[i]);
  }
  return out;
}

Span HullOf(const std::vector<const Token*>& toks) {
  Span h;
  for (const Token* t : toks) {
    if (h.empty()) h = t->at;
    h.begin = std::min(h.begin, t->at.begin);
    h.end = std::max(h.end, t->at.end);
  }
  return h;
}

}  // namespace

bool Grid::Assign(const std::vector<const Token*>& toks, bool may_carry, bool name_pending, PendingRow* row) const {
  const size_t n = cols_.size(), start = name_pending ? 1 : 0;
  if (n <= start) return false;
  const size_t avail = n - start, m = toks.size();
  // relax: a figure ending the line may sit in a last column of text (偏差原因 written "0" where
  // the form wanted no reason), and a sentence in the row's own name column (a 三级 indicator
  // written as a sentence, "使学生和老师…，做到…"); tried only when no placement fits strictly.
  size_t last_name = n;
  for (size_t c = 0; c < n; ++c)
    if (types_[c] == ColType::kName) last_name = c;
  bool relax = false;
  auto fits = [&](size_t c, const Token* t) {
    std::string_view v = View(doc_, t->at);
    if (Fits(types_[c], v)) return true;
    if (!relax) return false;
    if (c == n - 1 && t == toks.back() && types_[c] == ColType::kText && IsFigure(g_, v)) return true;
    return c == last_name && mode_ == Mode::kCount && IsProse(v) && !IsFigure(g_, v);
  };
  // col[i]: the column of token i.
  std::vector<size_t> found;
  int solutions = 0;
  auto consider = [&](const std::vector<size_t>& col) {
    for (size_t i = 0; i < m; ++i)
      if (!fits(col[i], toks[i])) return;
    if (++solutions == 1) found = col;
  };
  auto enumerate = [&] {
    if (m == avail) {
      std::vector<size_t> col(m);
      for (size_t i = 0; i < m; ++i) col[i] = start + i;
      consider(col);
    } else if (m < avail) {
      // c leading name columns carried from the row above, e trailing text columns empty.
      // The last name column (the row's own name: 三级, 指标名称) is never merged down.
      size_t d = avail - m;
      for (size_t c = 0; c <= d; ++c) {
        size_t e = d - c;
        bool ok = true;
        // A level's points merged down with its name ("一级指标 得分 二级指标 得分 …") are carried too;
        // the last name column (三级 / 指标名称) never is.
        for (size_t k = 0; k < c && ok; ++k)
          ok = may_carry && !name_pending &&
               ((types_[start + k] == ColType::kName && start + k != last_name) ||
                (mode_ == Mode::kCount && k > 0 && types_[start + k] == ColType::kNumber &&
                 types_[start + k - 1] == ColType::kName));
        for (size_t k = 0; k < e && ok; ++k) ok = types_[n - 1 - k] == ColType::kText;
        if (!ok) continue;
        std::vector<size_t> col(m);
        for (size_t i = 0; i < m; ++i) col[i] = start + c + i;
        consider(col);
      }
    } else {
      // Extra tokens: the words of one name or text cell with spaces inside.
      size_t s = m - avail;
      for (size_t j = start; j < n; ++j) {
        if (types_[j] != ColType::kName && types_[j] != ColType::kText) continue;
        std::vector<size_t> col(m);
        for (size_t i = 0; i < m; ++i) col[i] = i < j - start ? start + i : i <= j - start + s ? j : start + i - s;
        consider(col);
      }
    }
  };
  enumerate();
  if (solutions == 0 && m >= 3) {
    relax = true;
    enumerate();
  }
  if (solutions != 1) return false;
  for (size_t i = 0; i < m; ++i) AddToCell(row, found[i], *toks[i]);
  return true;
}

bool Grid::ProseRow(const std::vector<const Token*>& toks) {
  // Sentences belong only in text columns (评价标准, 指标说明) of a table counted by its tokens.
  if (mode_ != Mode::kCount || std::find(types_.begin(), types_.end(), ColType::kText) == types_.end()) return false;
  if (!IsProse(View(doc_, toks.front()->at))) {
    // A row: Fits keeps sentences out of names. Its sentences stand between figures (评价标准 |
    // 指标说明 | 得分): a sentence ending the line may run on into lines the grid cannot place.
    size_t last = 0;
    for (size_t i = 0; i < toks.size(); ++i)
      if (IsProse(View(doc_, toks[i]->at))) last = i;
    for (size_t i = last + 1; i < toks.size(); ++i)
      if (IsFigure(g_, View(doc_, toks[i]->at))) return true;
    // A sentence that ends the line in the table's last column (偏差原因分析及改进措施), after the
    // row's figures: a row whose reason is written out (if it wraps, the next line is its end).
    if (last + 1 == toks.size() && types_.back() == ColType::kText) {
      size_t figures = 0;
      for (size_t i = 0; i < last; ++i) figures += IsFigure(g_, View(doc_, toks[i]->at));
      if (figures >= 2) return true;
    }
    return false;
  }
  // A line of sentences alone, right after a row: the wrapped end of that row's text cells.
  for (const Token* t : toks)
    if (IsFigure(g_, View(doc_, t->at))) return false;
  if (rows_.empty() || rows_.back().fragment || !fragments_.empty() || !carry_ok_) return false;
  PendingRow& above = rows_.back();
  above.at = HullOf(toks).empty() ? above.at : Span{std::min(above.at.begin, HullOf(toks).begin),
                                                     std::max(above.at.end, HullOf(toks).end)};
  continued_ = true;
  return true;
}

bool Grid::AssignCertain(const std::vector<const Token*>& toks, bool may_carry, PendingRow* row,
                         std::vector<Span>* unsure_spans) const {
  const size_t n = cols_.size(), m = toks.size();
  if (m == 0 || m >= n || n > 40) return false;
  size_t last_name = n, first_other = n;
  for (size_t c = 0; c < n; ++c) {
    if (types_[c] == ColType::kName) last_name = c;
    if (types_[c] != ColType::kName && first_other == n) first_other = c;
  }
  auto label = [&](size_t c) { return re2::StringPiece(cols_[c].label.data(), cols_[c].label.size()); };
  // A total row (合计 …) names itself in its first column and carries nothing from above.
  std::string_view first = View(doc_, toks[0]->at);
  const bool total = RE2::PartialMatch(re2::StringPiece(first.data(), first.size()), g_.total);
  // A table of amounts (a funds block) fills its points columns on its total row only.
  bool amounts = false;
  for (size_t c = 0; c < n; ++c)
    amounts = amounts || (types_[c] == ColType::kNumber && RE2::PartialMatch(label(c), g_.amount_column));
  auto match = [](const RE2* re, std::string_view v) {
    return re != nullptr && RE2::PartialMatch(re2::StringPiece(v.data(), v.size()), *re);
  };
  // A 其中 row of a funds block: its `-` cells are blanks ("其中：本年财政拨款 880 880 880 - -"),
  // wherever they stand among the scoring columns.
  if (amounts && match(g_.funds_part, first) && g_.flat_total_only != nullptr) {
    std::vector<const Token*> kept;
    for (const Token* t : toks)
      if (!IsEmptyMarker(g_, View(doc_, t->at))) kept.push_back(t);
    if (kept.size() != toks.size() && kept.size() >= 2) return AssignCertain(kept, may_carry, row, unsure_spans);
  }
  // The forms' conventions (rules grid.flat.*, as the one-line reader reads them): a value column
  // a row may leave empty (调整指标值, 计量单位, 指标性质), the others filled on a scored row; a unit
  // column holds a unit word and a unit word goes nowhere else; a 指标性质 column holds a nature.
  std::vector<bool> may_lack(n, false), unit_col(n, false), nature_col(n, false);
  bool any_lack = false, any_nature = false;
  for (size_t c = 0; c < n; ++c) {
    if (types_[c] != ColType::kValue) continue;
    std::string_view l = cols_[c].label;
    may_lack[c] = match(g_.flat_may_lack, l);
    unit_col[c] = match(g_.flat_unit_column, l);
    nature_col[c] = match(g_.flat_nature_column, l);
    any_lack = any_lack || may_lack[c];
    any_nature = any_nature || nature_col[c];
  }
  bool conventional = false;
  // A funds block's conventions (forms.md), tried first: its scoring columns (grid.flat.total_only:
  // 分值 / 执行率 / 得分) hold figures on the total row only, a 其中 row (grid.funds_part) leaves
  // them blank or `-`; the total row fills its points columns (grid.filled_column: 分值 / 得分 /
  // 权重), with points (no %, at most 100).
  bool funds = false;
  const bool part_row = match(g_.funds_part, first);
  std::vector<bool> scoring(n, false), points(n, false);
  for (size_t c = 0; c < n && amounts; ++c) {
    if (types_[c] != ColType::kNumber || RE2::PartialMatch(label(c), g_.amount_column)) continue;
    scoring[c] = match(g_.flat_total_only, cols_[c].label);
    points[c] = RE2::PartialMatch(label(c), g_.filled_column);
  }
  auto is_points = [](std::string_view v) {
    if (v.empty() || v.back() == '%') return false;
    size_t digits = 0;
    while (digits < v.size() && v[digits] >= '0' && v[digits] <= '9') ++digits;
    if (digits == 0 || digits > 3) return false;
    return digits < 3 || v.substr(0, 3) == "100";
  };
  // Column c may be blank with i tokens placed before it.
  auto blank = [&](size_t i, size_t c) {
    switch (types_[c]) {
      case ColType::kName:
        if (total) return i == 1 && c < first_other;
        return i == 0 && may_carry && c != last_name && c < first_other;
      case ColType::kNumber:
        if (funds && !part_row && points[c]) return false;
        return amounts || !RE2::PartialMatch(label(c), g_.filled_column);
      case ColType::kValue: return !conventional || may_lack[c];
      case ColType::kText: return true;
    }
    return false;
  };
  auto fits = [&](size_t i, size_t c) {
    std::string_view v = View(doc_, toks[i]->at);
    if (!Fits(types_[c], v)) return false;
    if (types_[c] == ColType::kNumber && !v.empty() && v.back() == '%' &&
        !RE2::PartialMatch(label(c), g_.percent_column))
      return false;
    if (funds && part_row && scoring[c] && IsFigure(g_, v)) return false;
    if (funds && !part_row && points[c] && !is_points(v)) return false;
    if (conventional && types_[c] == ColType::kValue) {
      if (unit_col[c] != match(g_.flat_unit_cell, v)) return false;
      if (nature_col[c] != match(g_.flat_nature_cell, v) && (nature_col[c] || any_nature)) return false;
    }
    return true;
  };
  // fw[i][c]: ways to place tokens [0, i) in columns [0, c); bw[i][c]: tokens [i, m) in [c, n).
  constexpr uint64_t kCap = uint64_t{1} << 60;
  auto add = [&](uint64_t a, uint64_t b) { return std::min(kCap, a + b); };
  std::vector<std::vector<uint64_t>> fw, bw;
  auto count = [&] {
    fw.assign(m + 1, std::vector<uint64_t>(n + 1, 0));
    bw = fw;
    fw[0][0] = 1;
    for (size_t c = 0; c < n; ++c)
      for (size_t i = 0; i <= m; ++i) {
        if (fw[i][c] == 0) continue;
        if (blank(i, c)) fw[i][c + 1] = add(fw[i][c + 1], fw[i][c]);
        if (i < m && fits(i, c)) fw[i + 1][c + 1] = add(fw[i + 1][c + 1], fw[i][c]);
      }
    bw[m][n] = 1;
    for (size_t c = n; c-- > 0;)
      for (size_t i = 0; i <= m; ++i) {
        uint64_t w = 0;
        if (blank(i, c)) w = add(w, bw[i][c + 1]);
        if (i < m && fits(i, c)) w = add(w, bw[i + 1][c + 1]);
        bw[i][c] = w;
      }
  };
  // First by the conventions, used only when they leave one placement; else by the types alone.
  if (amounts && g_.funds_part != nullptr && g_.flat_total_only != nullptr) {
    funds = true;
    count();
    if (bw[0][0] != 1) funds = false;
  }
  if (any_lack && !funds) {
    conventional = true;
    count();
    if (bw[0][0] != 1) conventional = false;
  }
  if (!conventional && !funds) count();
  const uint64_t all = bw[0][0];
  if (all == 0 || all >= kCap) return false;
  std::vector<int> at(m, -1);     // the column of token i in every assignment, or -1
  std::vector<bool> used(n, false);  // some assignment puts a token in column c
  for (size_t i = 0; i < m; ++i)
    for (size_t c = 0; c < n; ++c) {
      if (!fits(i, c)) continue;
      unsigned __int128 ways = static_cast<unsigned __int128>(fw[i][c]) * bw[i + 1][c + 1];
      if (ways == 0) continue;
      used[c] = true;
      if (ways == all) at[i] = static_cast<int>(c);
    }
  std::vector<bool> certain(n, false);
  size_t figures = 0;
  for (size_t i = 0; i < m; ++i) {
    if (at[i] < 0) continue;
    certain[static_cast<size_t>(at[i])] = true;
    if (types_[static_cast<size_t>(at[i])] == ColType::kNumber && IsFigure(g_, View(doc_, toks[i]->at))) ++figures;
  }
  for (size_t c = 0; c < n; ++c)
    if (types_[c] == ColType::kName && used[c] && !certain[c]) return false;
  if (figures < 2) return false;
  for (size_t i = 0; i < m; ++i) {
    if (at[i] >= 0) {
      AddToCell(row, static_cast<size_t>(at[i]), *toks[i]);
    } else {
      unsure_spans->push_back(toks[i]->at);
      row->at = Span{std::min(row->at.empty() ? toks[i]->at.begin : row->at.begin, toks[i]->at.begin),
                     std::max(row->at.end, toks[i]->at.end)};
    }
  }
  for (size_t c = 0; c < n; ++c) row->unsure[c] = used[c] && !certain[c];
  return true;
}

bool Grid::GroupLine(const std::vector<const Token*>& toks) {
  // An 一级 name (rules grid.flat.level1: "效益指标（20分）") and the next level's names alone on a
  // line, fewer than the name columns: a group's line above its rows (its 二级 has no rows, or
  // they follow). Its names are the leading name columns; the rows below carry them.
  if (g_.flat_level1 == nullptr || !fragments_.empty()) return false;
  size_t names = 0;
  while (names < types_.size() && types_[names] == ColType::kName) ++names;
  if (toks.size() >= names || names < 2) return false;
  std::string_view first = View(doc_, toks[0]->at);
  if (!RE2::FullMatch(re2::StringPiece(first.data(), first.size()), *g_.flat_level1)) return false;
  for (const Token* t : toks)
    if (!Fits(ColType::kName, View(doc_, t->at)) || IsHeading(View(doc_, t->at))) return false;
  PendingRow row = NewRow();
  for (size_t c = 0; c < toks.size(); ++c) AddToCell(&row, c, *toks[c]);
  Push(std::move(row));
  carry_ok_ = true;
  return true;
}

bool Grid::ResidueRow(const std::vector<const Token*>& toks) {
  // "项目效益（35分） 经济效益指标 指标1：", "生态效益指标 指标1": the names of the levels above a
  // template row left blank, its 三级 cell the template's residue. The residue takes the last name
  // column, the names the name columns before it; the columns before those are carried from the
  // row above (so the rows below carry these names, not a wrapped name of theirs).
  if (toks.size() < 2 || !fragments_.empty()) return false;
  std::string_view tail = View(doc_, toks.back()->at);
  if (!RE2::FullMatch(re2::StringPiece(tail.data(), tail.size()), g_.residue_row)) return false;
  size_t last_name = types_.size();
  for (size_t c = 0; c < types_.size(); ++c)
    if (types_[c] == ColType::kName) last_name = c;
  if (last_name == types_.size() || toks.size() > last_name + 1) return false;
  size_t first = last_name + 1 - toks.size();
  for (size_t c = 0; c < last_name; ++c)
    if (types_[c] != ColType::kName) return false;
  if (first > 0 && !(any_row_ && carry_ok_)) return false;
  for (size_t i = 0; i + 1 < toks.size(); ++i) {
    std::string_view v = View(doc_, toks[i]->at);
    if (!Fits(ColType::kName, v) || IsHeading(v) ||
        RE2::FullMatch(re2::StringPiece(v.data(), v.size()), g_.residue_row))
      return false;
  }
  PendingRow row = NewRow();
  for (size_t i = 0; i < toks.size(); ++i) AddToCell(&row, first + i, *toks[i]);
  Push(std::move(row));
  carry_ok_ = true;
  return true;
}

bool Grid::FeedCount(const RawLine& line) {
  std::vector<const Token*> toks = Cells(doc_, line, 0, line.tokens.size());
  if (toks.empty()) return true;
  std::string_view s = View(doc_, HullOf(toks));
  continued_ = false;
  if (IsProse(s) && !ProseRow(toks)) return false;
  if (continued_) return true;
  if (IsRepeatedHeader(line)) return true;
  if (IsOtherHeader(line)) return false;
  if (!any_row_ && rows_.empty() && fragments_.empty() && SubColumns(line)) return true;
  if (!any_row_ && rows_.empty() && fragments_.empty() && ContinueHeader(line, false)) return true;
  // A template row left blank ("……", "指标2："): a row of nothing, not the start of a wrapped name.
  if (RE2::FullMatch(re2::StringPiece(s.data(), s.size()), g_.residue_row)) return true;
  size_t figures = 0;
  for (const Token* t : toks) {
    std::string_view v = View(doc_, t->at);
    if (IsFigure(g_, v) || IsEmptyMarker(g_, v)) ++figures;
  }
  if (figures == 0 && ResidueRow(toks)) return true;
  if (figures == 0 && GroupLine(toks)) return true;
  if (figures == 0) {
    // The name of a row wrapped onto lines before its figures.
    if (IsHeading(s) || s.size() > 150 || fragments_.size() >= 3) return false;
    PendingRow f = NewRow();
    f.at = HullOf(toks);
    f.cells[0].push_back(f.at);
    fragments_.push_back(f);
    return true;
  }
  if (IsHeading(s) && figures < 2) return false;
  PendingRow row = NewRow();
  std::vector<Span> unsure;  // tokens AssignCertain could not place
  bool named = false;
  // Lines of a name before its figures: only when the figures' line names nothing itself (a line
  // with its own names is a row of its own, and the lines above it are not its name).
  auto names_nothing = [&](const PendingRow& r) {
    for (size_t c = 1; c < cols_.size(); ++c)
      if (types_[c] == ColType::kName && !r.cells[c].empty()) return false;
    return true;
  };
  if (!fragments_.empty() && types_[0] != ColType::kNumber && Assign(toks, false, true, &row) &&
      names_nothing(row)) {
    for (const PendingRow& f : fragments_) {
      row.cells[0].push_back(f.at);
      row.at = Span{std::min(row.at.begin, f.at.begin), std::max(row.at.end, f.at.end)};
    }
    named = true;
  } else {
    row = NewRow();
    // Carried cells come from the row above only when no line between was left unread.
    bool may_carry = any_row_ && carry_ok_ && fragments_.empty();
    if (!Assign(toks, may_carry, false, &row) &&
        !(figures >= 2 && (row = NewRow(), AssignCertain(toks, may_carry, &row, &unsure)))) {
      if (figures < 2) {
        // A wrapped name that starts with a figure ("2021 年度…工作经费"), before its row.
        if (IsHeading(s) || s.size() > 150 || fragments_.size() >= 3 || toks.size() < 2) return false;
        PendingRow f = NewRow();
        f.at = HullOf(toks);
        f.cells[0].push_back(f.at);
        fragments_.push_back(f);
        return true;
      }
      for (const PendingRow& f : fragments_) unread_.push_back(f.at);
      fragments_.clear();
      unread_.push_back(HullOf(toks));
      carry_ok_ = false;
      return true;
    }
  }
  // A garbled figure placed in a number column: the place is certain, the figure is not.
  for (size_t c = 0; c < cols_.size(); ++c) {
    if (types_[c] != ColType::kNumber || row.cells[c].size() != 1) continue;
    std::string_view v = View(doc_, row.cells[c].front());
    if (IsFigure(g_, v) || !IsOcrFigure(v)) continue;
    unsure.push_back(row.cells[c].front());
    row.cells[c].clear();
    row.unsure[c] = true;
  }
  for (const Span& u : unsure) unread_.push_back(u);
  if (!named)
    for (const PendingRow& f : fragments_) unread_.push_back(f.at);
  fragments_.clear();
  row.y = line.y0;
  Push(std::move(row));
  carry_ok_ = true;
  return true;
}

}  // namespace jixiao::internal::grid
