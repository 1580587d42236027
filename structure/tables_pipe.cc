// Pipe rows (| a | b |): their cells by the bars, a row short of cells placed where exactly one
// placement fits, a header whose group cells span sub-columns, and rows whose cells wrap over lines.
//
// Pipe rows whose cells wrap over lines. An HTML table exported as `|` rows writes a cell that
// begins with a line break on the next line ("| 项目名称 |" / "2020年…自评表 |" / "|||||||||"): the
// row's bars are spread over several lines, and every line of it ends with a bar. Where a table's
// rows have one bar count (every full row pads to it), lines are joined into one row only when
// their bars add up to exactly that count, each ends with a bar, and one of the later lines does
// not start with one (a cell's text begins there) — else they stay as they are.
#include <algorithm>
#include <map>

#include "structure/tables_grid.h"

namespace jixiao::internal::grid {

namespace {

constexpr size_t kMinBars = 4;        // a table of three cells or more
constexpr size_t kMinFullRows = 2;    // lines with the table's bar count before it is one
constexpr size_t kMaxJoinedLines = 6; // lines of one row

struct Shape {
  size_t bars = 0;
  bool starts = false, ends = false;  // the first / last non-space character is a bar
  bool blank = true;
};

// 1 if raw byte i of s starts a bar (| ｜ │), with its length in *len.
bool BarAt(std::string_view s, size_t i, size_t* len) {
  if (s[i] == '|') return *len = 1, true;
  if (s.compare(i, 3, "\xEF\xBD\x9C") == 0 || s.compare(i, 3, "\xE2\x94\x82") == 0) return *len = 3, true;
  return false;
}

bool IsSpace(std::string_view s, size_t i, size_t* len) {
  if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') return *len = 1, true;
  if (s.compare(i, 3, "\xE3\x80\x80") == 0) return *len = 3, true;  // U+3000
  if (s.compare(i, 2, "\xC2\xA0") == 0) return *len = 2, true;      // U+00A0
  return false;
}

Shape ShapeOf(std::string_view s) {
  Shape sh;
  bool last_bar = false;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    if (IsSpace(s, i, &len)) {
      i += len;
      continue;
    }
    bool bar = BarAt(s, i, &len);
    if (sh.blank) sh.starts = bar;
    sh.blank = false;
    last_bar = bar;
    sh.bars += bar ? 1 : 0;
    i += bar ? len : 1;
  }
  sh.ends = last_bar;
  return sh;
}

}  // namespace

void JoinWrappedPipeRows(const Document& doc, const RawMap& map, size_t page, std::vector<RawLine>* lines) {
  if (doc.is_pdf || lines->empty()) return;
  const std::string& text = doc.pages[page].text;
  std::vector<Shape> shapes;
  for (const RawLine& l : *lines) shapes.push_back(ShapeOf(std::string_view(text).substr(l.b, l.e - l.b)));
  std::vector<RawLine> out;
  for (size_t i = 0; i < lines->size();) {
    // A run of lines that hold bars: one table.
    size_t end = i;
    while (end < lines->size() && shapes[end].bars > 0) ++end;
    if (end == i) {
      out.push_back((*lines)[i++]);
      continue;
    }
    std::map<size_t, size_t> counts;  // bars of a line that starts and ends with one → lines
    for (size_t k = i; k < end; ++k)
      if (shapes[k].starts && shapes[k].ends) ++counts[shapes[k].bars];
    size_t full = 0, most = 0;
    for (const auto& [bars, n] : counts)
      if (n > most || (n == most && bars > full)) full = bars, most = n;
    bool table = full >= kMinBars && most >= kMinFullRows;
    for (size_t k = i; k < end;) {
      const Shape& first = shapes[k];
      size_t j = k;
      if (table && first.starts && first.ends && first.bars < full) {
        size_t sum = first.bars;
        bool wrapped = false;
        size_t q = k + 1;
        for (; q < end && q < k + kMaxJoinedLines && sum < full; ++q) {
          if (!shapes[q].ends || shapes[q].bars >= full) break;
          wrapped = wrapped || !shapes[q].starts;
          sum += shapes[q].bars;
        }
        if (sum == full && wrapped) j = q - 1;
      }
      if (j == k) {
        out.push_back((*lines)[k++]);
        continue;
      }
      out.push_back(ReadLine(doc, map, page, (*lines)[k].b, (*lines)[j].e, (*lines)[k].y0));
      k = j + 1;
    }
    i = end;
  }
  *lines = std::move(out);
}

bool Grid::PipeCellFits(size_t c, std::string_view v) const {
  if (v.empty()) return true;
  if (!Fits(types_[c], v)) return false;
  auto match = [](const RE2* re, std::string_view s) {
    return re != nullptr && RE2::FullMatch(re2::StringPiece(s.data(), s.size()), *re);
  };
  auto partial = [](const RE2* re, std::string_view s) {
    return re != nullptr && RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), *re);
  };
  // A % figure in a number column only where the column is a rate (grid.percent_column).
  if (types_[c] == ColType::kNumber && IsFigure(g_, v) && v.back() == '%' && !partial(&g_.percent_column, cols_[c].label))
    return false;
  if (types_[c] != ColType::kValue) return true;
  // The forms' conventions (rules grid.flat.*): a unit word goes in no value column but the unit
  // column, which holds no figure (it may hold 是/否); a 指标性质 column holds a nature (≥, 定量)
  // and a nature no other.
  bool any_unit = false, any_nature = false;
  for (size_t k = 0; k < cols_.size(); ++k) {
    if (types_[k] != ColType::kValue) continue;
    any_unit = any_unit || partial(g_.flat_unit_column, cols_[k].label);
    any_nature = any_nature || partial(g_.flat_nature_column, cols_[k].label);
  }
  const bool unit_col = partial(g_.flat_unit_column, cols_[c].label);
  const bool nature_col = partial(g_.flat_nature_column, cols_[c].label);
  if (any_unit && (unit_col ? IsFigure(g_, v) : match(g_.flat_unit_cell, v))) return false;
  if (any_nature && nature_col != match(g_.flat_nature_cell, v)) return false;
  return true;
}

bool Grid::PipeRowFits(const PipeSegs& segs, size_t lead) const {
  for (size_t i = 0; i < segs.size(); ++i)
    for (const Token* t : segs[i])
      if (i + lead >= cols_.size() || !PipeCellFits(i + lead, View(doc_, t->at))) return false;
  return true;
}

bool Grid::PlacePipeRow(PipeSegs* segs) const {
  const size_t n = cols_.size(), have = segs->size();
  if (have == n) return true;
  if (have < 2 || have > n) return false;
  // The cells a row lacks are leading ones merged down from the rows above, as an HTML table's
  // rowspan leaves them (names, a level's max beside its name; never the last name column, and
  // only under a row), and trailing text cells (原因, 备注); in a funds block, under its total row,
  // also the scoring cells filled on the total row only, wherever they stand (分值 / 执行率 / 得分:
  // "| 其中：本年财政拨款 | 20 | 20 |", "| 其中:当年财政拨款 | 7.29 | 7.29 | 7.29 | 100% |").
  size_t last_name = n;
  for (size_t c = 0; c < n; ++c)
    if (types_[c] == ColType::kName) last_name = c;
  bool amounts = false;
  std::vector<bool> amount(n, false), total_only(n, false);
  for (size_t c = 0; c < n; ++c) {
    std::string_view l = cols_[c].label;
    re2::StringPiece in(l.data(), l.size());
    amount[c] = types_[c] == ColType::kNumber && g_.flat_amount != nullptr && RE2::PartialMatch(in, *g_.flat_amount);
    amounts = amounts || amount[c];
    total_only[c] = types_[c] == ColType::kNumber && !amount[c] && g_.flat_total_only != nullptr &&
                    RE2::PartialMatch(in, *g_.flat_total_only);
  }
  const bool funds = amounts && have >= 3 && !rows_.empty();
  // The placement: col[i] the column of cell i; counted up to two.
  std::vector<size_t> col(have), found;
  size_t solutions = 0;
  bool anywhere = false;  // second pass: total-only blanks between cells
  auto walk = [&](auto&& self, size_t c, size_t i) -> void {
    if (solutions > 1) return;
    if (c == n) {
      if (i == have && ++solutions == 1) found = col;
      return;
    }
    if (i < have && n - c >= have - i) {
      bool fits = true;
      for (const Token* t : (*segs)[i]) fits = fits && PipeCellFits(c, View(doc_, t->at));
      if (fits) col[i] = c, self(self, c + 1, i + 1);
    }
    // Left blank: a trailing text cell, or a funds block's total-only cell, trailing (every cell
    // placed) or, when no row of trailing blanks fits, anywhere.
    if (i == have && (types_[c] == ColType::kText || (funds && total_only[c]))) self(self, c + 1, i);
    else if (anywhere && funds && total_only[c]) self(self, c + 1, i);
  };
  auto pass = [&] {
    for (size_t lead = 0; lead < n - have + 1 && solutions <= 1; ++lead) {
      bool ok = lead == 0 || (any_row_ && types_[lead] == ColType::kName && !(*segs)[0].empty());
      for (size_t k = 0; k < lead && ok; ++k)
        ok = (types_[k] == ColType::kName && k != last_name) ||
             (k > 0 && types_[k] == ColType::kNumber && types_[k - 1] == ColType::kName);
      // The row's first cell is in the first column after the merged ones.
      for (const Token* t : (*segs)[0]) ok = ok && PipeCellFits(lead, View(doc_, t->at));
      if (!ok) continue;
      col[0] = lead;
      walk(walk, lead + 1, 1);
    }
  };
  pass();
  if (solutions == 0 && funds) anywhere = true, pass();
  if (solutions != 1) return false;
  PipeSegs placed(n);
  for (size_t i = 0; i < have; ++i) placed[found[i]] = std::move((*segs)[i]);
  *segs = std::move(placed);
  return true;
}

void Grid::InstallColumns(std::vector<HeaderCol> cols) {
  cols_ = std::move(cols);
  types_.clear();
  first_labels_.clear();
  for (const HeaderCol& c : cols_) types_.push_back(c.type), first_labels_.push_back(c.label);
  bounds_.clear();
  for (size_t i = 0; i + 1 < cols_.size(); ++i) bounds_.push_back((cols_[i].x1 + cols_[i + 1].x0) / 2);
}

bool Grid::SplitHeader(const PipeSegs& segs, const RawLine& line) {
  // Every cell one column word of grid.column (its notes allowed): class words alone say too
  // little (a row of names, "产出指标 | 数量指标", reads as words of a class).
  const int ngroups = g_.column.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> sub(static_cast<size_t>(ngroups));
  std::vector<HeaderCol> subs;
  for (const auto& seg : segs) {
    if (seg.empty()) return false;
    std::string label;
    Span at;
    for (const Token* t : seg) {
      std::string_view v = View(doc_, t->at);
      if (v.empty() || IsFigure(g_, v) || IsProse(v)) return false;
      label += v;
      at = at.empty() ? t->at : Span{std::min(at.begin, t->at.begin), std::max(at.end, t->at.end)};
    }
    re2::StringPiece in(label.data(), label.size());
    if (!g_.column.Match(in, 0, in.size(), RE2::ANCHOR_START, sub.data(), ngroups)) return false;
    HeaderCol c;
    for (const auto& [index, type] : g_.groups)
      if (sub[static_cast<size_t>(index)].data() != nullptr) c.type = type;
    size_t pos = sub[0].size();
    while (pos < label.size()) {
      re2::StringPiece rest = in.substr(pos), note;
      if (!g_.note.Match(rest, 0, rest.size(), RE2::ANCHOR_START, &note, 1) || note.empty()) return false;
      pos += note.size();
    }
    c.label = std::move(label);
    c.at = at;
    subs.push_back(std::move(c));
  }
  const size_t n1 = cols_.size(), n2 = subs.size();
  if (n2 < 2 || n1 < 2) return false;
  // Sub-labels under a cell, in order, two or more each; names only under a name cell and a name
  // cell over names only; number cells over numbers.
  auto fits_under = [&](size_t h, size_t b, size_t e) {
    for (size_t k = b; k < e; ++k) {
      ColType t = subs[k].type;
      if ((types_[h] == ColType::kName) != (t == ColType::kName)) return false;
      if (types_[h] == ColType::kNumber && t != ColType::kNumber) return false;
    }
    return true;
  };
  constexpr size_t kMaxWays = 32;
  std::vector<std::vector<HeaderCol>> ways;
  std::vector<HeaderCol> cur;
  bool too_many = false;
  auto walk = [&](auto&& self, size_t h, size_t s) -> void {
    if (too_many) return;
    if (h == n1) {
      if (s == n2) {
        if (ways.size() == kMaxWays) too_many = true;
        else ways.push_back(cur);
      }
      return;
    }
    cur.push_back(cols_[h]);
    self(self, h + 1, s);
    cur.pop_back();
    for (size_t e = s + 2; e <= n2; ++e) {
      if (!fits_under(h, s, e)) continue;
      for (size_t k = s; k < e; ++k) cur.push_back(subs[k]);
      self(self, h + 1, e);
      cur.resize(cur.size() - (e - s));
    }
  };
  walk(walk, 0, 0);
  if (ways.empty() || too_many) return false;
  split_ = std::move(ways);
  header_at_ = Span{std::min(header_at_.begin, line.at.begin), std::max(header_at_.end, line.at.end)};
  return true;
}

void Grid::ResolveSplit(const PipeSegs& segs) {
  std::vector<HeaderCol> header = cols_;
  std::vector<std::vector<HeaderCol>> ways = std::move(split_);
  split_.clear();
  size_t fitting = 0, which = 0;
  for (size_t w = 0; w < ways.size(); ++w) {
    InstallColumns(ways[w]);
    PipeSegs placed = segs;
    if (PlacePipeRow(&placed) && PipeRowFits(placed, 0)) ++fitting, which = w;
  }
  if (fitting == 1) {
    InstallColumns(std::move(ways[which]));
    split_done_ = true;
  } else {
    InstallColumns(std::move(header));
    split_failed_ = true;
  }
}

bool Grid::FeedPipe(const RawLine& line) {
  if (line.tokens.empty()) return true;
  PipeSegs segs(1);
  size_t pipes = 0;
  for (const Token& t : line.tokens) {
    std::string_view s = View(doc_, t.at);
    if (s == "|") {
      ++pipes;
      segs.emplace_back();
    } else if (!s.empty()) {
      segs.back().push_back(&t);
    }
  }
  if (pipes == 0) return false;
  if (segs.front().empty()) segs.erase(segs.begin());
  if (!segs.empty() && segs.back().empty()) segs.pop_back();
  bool rule = true;  // |---|:--| separator rows
  for (const auto& seg : segs)
    for (const Token* t : seg)
      for (char c : View(doc_, t->at))
        if (c != '-' && c != ':' && c != '=' && c != '+') rule = false;
  if (rule) return true;
  if (IsRepeatedHeader(line)) return true;
  const bool first = !any_row_ && rows_.empty();
  if (first && unread_.empty() && split_.empty() && !split_done_ && SplitHeader(segs, line)) return true;
  if (IsOtherHeader(line)) return false;
  if (first && split_.empty() && SubColumns(line)) return true;
  if (!split_.empty()) ResolveSplit(segs);
  if (split_failed_) {
    unread_.push_back(line.at);
    return true;
  }
  // The first row one cell short, under a header whose first two columns are names: the first
  // header cell is the block's title ("| 绩效指标(90分) | 一级指标 | …"), merged down the rows
  // beside it, not a column of them.
  // A 序号 column (rule grid.serial_column) is no title: its row is short of a wrapped cell.
  if (first && !split_done_ && cols_.size() >= 3 && segs.size() + 1 == cols_.size() &&
      types_[0] == ColType::kName && types_[1] == ColType::kName &&
      !(g_.serial_column != nullptr && RE2::FullMatch(cols_[0].label, *g_.serial_column))) {
    cols_.erase(cols_.begin());
    types_.erase(types_.begin());
    first_labels_.erase(first_labels_.begin());
    if (!bounds_.empty()) bounds_.erase(bounds_.begin());
  }
  if (!PlacePipeRow(&segs)) {
    unread_.push_back(line.at);
    return true;
  }
  PendingRow row = NewRow();
  for (size_t c = 0; c < segs.size(); ++c)
    for (const Token* t : segs[c]) AddToCell(&row, c, *t);
  if (row.at.empty()) row.at = line.at;
  row.y = line.y0;
  Push(std::move(row));
  return true;
}

}  // namespace jixiao::internal::grid
