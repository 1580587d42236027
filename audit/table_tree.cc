// ReadTableTrees: a report's scoring tables (一级指标 | 二级指标 | 三级指标 | 分值 | 得分, in any of
// the shapes the structure stage reads) as its indicator tree. Each name column is a level; a
// name cell left empty or merged down continues the node above it; a row's 得分 belongs to the
// deepest name it states, a 分值 column to the name column on its left. Maxima written inside a
// name ("投入(15分)") are the node's max. The nodes join Outline::indicators like headings do,
// so the tree checks (sums, ranges, total) run on them unchanged.
#include <re2/re2.h>

#include <algorithm>
#include <cstdint>

#include "audit/outline.h"
#include "audit/scan.h"

namespace jixiao {

namespace {

bool Overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

std::string NoSpace(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '|') out += c;
  return out;
}

struct Layout {
  std::vector<int> names;      // name columns, outermost level first
  std::vector<int> name_max;   // per level: its 分值 column, or -1
  int score = -1;              // the 得分 column, or -1
};

class TableTree {
 public:
  TableTree(const Document& doc, const Rules& rules, Outline* out)
      : doc_(doc), rules_(rules), out_(out), name_(rules.One("scoretable.name")),
        max_(rules.One("scoretable.max")), score_(rules.One("scoretable.score")),
        name_max_(rules.One("scoretable.name_max")), total_(rules.One("scoretable.total")),
        level_(rules.One("scoretable.level_marker")) {}

  // One name column (ReadListTables): the rows' levels come from their numbering.
  void SetList(bool list) { list_ = list; }

  // The columns' roles, or false when the table is not a scoring table.
  bool LayoutOf(const Table& t, Layout* l) const {
    // "一级指标 得分 二级指标 得分 三级指标 得分 评价标准 指标说明 得分": a 得分 column beside each
    // name and one more after the rule columns. The one at the end is the row's score; those
    // beside the names are the levels' points (a score column beside a name is its max only when
    // another score column stands apart from every name at the end).
    int last_score = -1;
    for (size_t i = 0; i < t.columns.size(); ++i)
      if (RE2::FullMatch(t.columns[i].label, score_)) last_score = static_cast<int>(i);
    auto is_name = [&](int c) { return c >= 0 && RE2::FullMatch(t.columns[static_cast<size_t>(c)].label, name_); };
    const bool paired = last_score > 0 && !is_name(last_score - 1);
    for (size_t i = 0; i < t.columns.size(); ++i) {
      const std::string& label = t.columns[i].label;
      const int c = static_cast<int>(i);
      if (RE2::FullMatch(label, name_)) {
        l->names.push_back(c);
        l->name_max.push_back(-1);
      } else if (RE2::FullMatch(label, max_)) {
        if (!l->names.empty() && l->name_max.back() < 0) l->name_max.back() = c;
      } else if (RE2::FullMatch(label, score_)) {
        if (paired && c != last_score && is_name(c - 1) && l->name_max.back() < 0)
          l->name_max.back() = c;
        else if (l->score < 0 && (!paired || c == last_score))
          l->score = c;
      }
    }
    // One name column is a list of indicators, not a tree: a summary that restates the headings
    // (ParseTables compares those). A tree table names two levels or more.
    if (l->names.size() < (list_ ? 1u : 2u) || (list_ && l->names.size() != 1)) return false;
    bool any_max = std::any_of(l->name_max.begin(), l->name_max.end(), [](int c) { return c >= 0; });
    return l->score >= 0 || any_max;
  }

  void Read(const Table& t) {
    Layout l;
    if (!LayoutOf(t, &l)) return;
    for (const TableRow& r : t.rows)
      for (const Span& read : out_->read)
        if (Overlaps(read, r.at)) return;  // another reader took this table
    std::vector<int> current(l.names.size(), -1);  // the open node of each level
    closed_ = false;
    suspect_ = false;
    styles_.clear();
    closed_at_ = SIZE_MAX;
    const size_t before = out_->indicators.size(), read_before = out_->read.size(),
                 unread_before = out_->unread.size();
    const std::optional<Outline::Total> total_before = out_->total;
    for (const TableRow& r : t.rows) {
      if (list_) ListRow(l, r, &current);
      else Row(l, r, &current);
    }
    // Unread lines after the total row are past the table's end.
    const bool unread_inside = std::any_of(t.unread.begin(), t.unread.end(),
                                           [&](const Span& u) { return u.begin < closed_at_; });
    if (list_ && (!closed_ || suspect_ || unread_inside)) {
      // A list of names with points is a scoring table only when a total row closes it and every
      // row was placed: else it is left to the other readers.
      out_->indicators.resize(before);
      out_->read.resize(read_before);
      out_->unread.resize(unread_before);
      out_->total = total_before;
      return;
    }
    if (out_->indicators.size() == before) return;
    out_->tree_tables.push_back(t.at);
    for (const Span& u : t.unread)
      if (!list_ || u.begin < closed_at_) out_->unread.push_back(u);
    if (!closed_) {
      // No total row ends the table: it may go on past a page, or say "此处从略". The nodes still
      // open at its end may miss children, and the first level may miss a node.
      for (int open : current)
        if (open >= 0) out_->indicators[static_cast<size_t>(open)].incomplete = true;
      out_->top_incomplete = true;
    }
    if ((list_ ? unread_inside : !t.unread.empty()) || suspect_) {
      // Rows the structure could not place: the nodes as read may miss children, so no sums.
      for (size_t i = before; i < out_->indicators.size(); ++i) out_->indicators[i].incomplete = true;
      out_->top_incomplete = true;
    }
  }

 private:
  std::string TextOf(const Cell& c) const {
    if (c.empty || c.at.empty()) return "";
    if (!c.parts.empty()) {  // a wrapped cell whose lines are apart in the text
      std::string s;
      for (const Span& p : c.parts) s += NoSpace(View(doc_.text, p));
      return s;
    }
    return NoSpace(View(doc_.text, c.at));
  }

  // A cell that is one figure (a 分 may follow), as points.
  std::optional<Stated> FigureOf(const Cell& c, Span row) {
    if (c.empty || c.carried || c.at.empty()) return std::nullopt;
    std::string_view v = View(doc_.text, c.at);
    size_t b = 0, e = v.size();
    while (b < e && (v[b] == ' ' || v[b] == '|')) ++b;
    while (e > b && (v[e - 1] == ' ' || v[e - 1] == '|')) --e;
    if (b == e) return std::nullopt;
    auto n = FigureAt(doc_.text, c.at.begin + b);
    if (n && n->end > c.at.begin + e) {
      // The parser read on into the next cell ("5 人员控制率": a count of 人): the cell alone.
      n = FigureAt(std::string(v.substr(0, e)), b);
      if (n) n->begin += c.at.begin, n->end += c.at.begin;
    }
    if (!n || n->end != c.at.begin + e || n->unit == Unit::kPercent ||
        (n->unit != Unit::kNone && n->unit != Unit::kPoints && n->unit != Unit::kCount)) {
      // Digits that are not one plain figure ("IO", "4.003.00": two rows in one cell) in a
      // points column: the table's rows are not where its grid says.
      if (std::any_of(v.begin() + static_cast<long>(b), v.begin() + static_cast<long>(e),
                      [](char ch) { return ch >= '0' && ch <= '9'; })) {
        out_->unread.push_back(c.at);
        suspect_ = true;
      }
      return std::nullopt;
    }
    if (n->unit == Unit::kCount && n->measure != "分") return std::nullopt;
    n->unit = Unit::kPoints;
    n->measure = "分";
    return Stated{*n, Span{n->begin, n->end}, row, "table"};
  }

  // The max written inside a name cell ("投入(15分)"), and the name without it.
  std::string NameOf(const Cell& c, Span row, std::optional<Stated>* max) const {
    std::string s = TextOf(c);
    re2::StringPiece m;
    if (RE2::PartialMatch(s, name_max_, &m)) {
      // A wrapped cell whose lines are apart in the text ("投 入" … "(15分)"): the max is in a part.
      std::vector<Span> pieces = c.parts.empty() ? std::vector<Span>{c.at} : c.parts;
      size_t at = std::string::npos;
      for (size_t k = pieces.size(); k-- > 0 && at == std::string::npos;) {
        size_t pos = View(doc_.text, pieces[k]).rfind(std::string_view(m.data(), m.size()));
        if (pos != std::string_view::npos) at = pieces[k].begin + pos;
      }
      if (at != std::string::npos) {
        if (auto n = FigureAt(doc_.text, at)) {
          n->unit = Unit::kPoints;
          n->measure = "分";
          *max = Stated{*n, Span{n->begin, n->end}, row, "table"};
        }
      }
      RE2::Replace(&s, name_max_, "");
    }
    return CleanName(s);
  }

  void Row(const Layout& l, const TableRow& r, std::vector<int>* current) {
    auto cell = [&](int c) -> const Cell* {
      return c >= 0 && static_cast<size_t>(c) < r.cells.size() ? &r.cells[static_cast<size_t>(c)] : nullptr;
    };
    // A total row: its first filled cell says so.
    for (const Cell& c : r.cells) {
      std::string s = TextOf(c);
      if (s.empty() || c.carried) continue;
      if (RE2::PartialMatch(s, total_)) {
        Total(l, r, cell);
        closed_ = true;
        return;
      }
      break;
    }
    // The deepest level with a name of its own in this row.
    int deepest = -1;
    for (size_t k = 0; k < l.names.size(); ++k) {
      const Cell* c = cell(l.names[k]);
      if (c && !c->carried && !TextOf(*c).empty()) deepest = static_cast<int>(k);
    }
    const Cell* score_cell = cell(l.score);
    if (deepest < 0) {
      if (score_cell && FigureOf(*score_cell, r.at)) out_->unread.push_back(r.at);  // a score with no name
      return;
    }
    for (size_t k = 0; k <= static_cast<size_t>(deepest); ++k) {
      const Cell* c = cell(l.names[k]);
      // A cell merged down from nothing above it: the grid's rows are misplaced.
      if (c != nullptr && c->carried && (*current)[k] < 0) suspect_ = true;
      if (c == nullptr || c->carried || TextOf(*c).empty()) continue;  // continues the node above
      std::optional<Stated> max;
      std::string name = NameOf(*c, r.at, &max);
      if (name.empty()) continue;
      if (const Cell* mc = cell(l.name_max[k])) {
        if (auto m = FigureOf(*mc, r.at)) max = m;
      }
      Indicator ind;
      ind.name = name;
      ind.level = static_cast<int>(k) + 1;
      for (size_t up = k; up-- > 0;) {
        if ((*current)[up] >= 0) {
          ind.parent = (*current)[up];
          break;
        }
      }
      if (ind.parent >= 0) ind.level = out_->indicators[static_cast<size_t>(ind.parent)].level + 1;
      else ind.level = 1;
      ind.max = max;
      if (static_cast<int>(k) == deepest && score_cell) ind.score = FigureOf(*score_cell, r.at);
      ind.heading = c->at;
      // A row has no body: its 评分标准 cell states the rule ("每超过1个百分点扣0.5分"), not
      // points taken.
      ind.body = Span{r.at.end, r.at.end};
      Add(std::move(ind), k, current);
    }
    out_->read.push_back(r.at);
    closed_ = false;
  }

  // The level of a name in a one-name-column table: numbering styles (一、 (一) 1. (1) ①) take
  // levels in the order they first appear below each other; a name without numbering is a style
  // of its own.
  size_t LevelOf(const std::string& name) {
    int style = 0;
    const int groups = level_.NumberOfCapturingGroups();
    std::vector<re2::StringPiece> sub(static_cast<size_t>(groups) + 1);
    re2::StringPiece in(name);
    if (level_.Match(in, 0, in.size(), RE2::ANCHOR_START, sub.data(), groups + 1))
      for (int g = 1; g <= groups; ++g)
        if (sub[static_cast<size_t>(g)].data() != nullptr) style = g;
    for (size_t k = 0; k < styles_.size(); ++k) {
      if (styles_[k] == style) {
        styles_.resize(k + 1);
        return k;
      }
    }
    styles_.push_back(style);
    return styles_.size() - 1;
  }

  void ListRow(const Layout& l, const TableRow& r, std::vector<int>* current) {
    auto cell = [&](int c) -> const Cell* {
      return c >= 0 && static_cast<size_t>(c) < r.cells.size() ? &r.cells[static_cast<size_t>(c)] : nullptr;
    };
    const Cell* c = cell(l.names[0]);
    if (c == nullptr || c->carried || TextOf(*c).empty()) {
      const Cell* sc = cell(l.score);
      if ((sc && FigureOf(*sc, r.at)) || (cell(l.name_max[0]) && FigureOf(*cell(l.name_max[0]), r.at)))
        suspect_ = true;  // points with no name
      return;
    }
    if (RE2::PartialMatch(TextOf(*c), total_)) {
      Total(l, r, cell);
      closed_ = true;
      closed_at_ = r.at.end;
      return;
    }
    if (closed_) {  // rows after the total row: another table
      suspect_ = true;
      return;
    }
    std::optional<Stated> max;
    const std::string raw = TextOf(*c);
    std::string name = NameOf(*c, r.at, &max);
    if (name.empty()) return;
    const size_t level = LevelOf(raw);
    if (current->size() <= level) current->resize(level + 1, -1);
    if (const Cell* mc = cell(l.name_max[0]))
      if (auto m = FigureOf(*mc, r.at)) max = m;
    Indicator ind;
    ind.name = name;
    ind.parent = level > 0 ? (*current)[level - 1] : -1;
    if (level > 0 && ind.parent < 0) suspect_ = true;
    ind.level = ind.parent >= 0 ? out_->indicators[static_cast<size_t>(ind.parent)].level + 1 : 1;
    ind.max = max;
    if (const Cell* sc = cell(l.score)) ind.score = FigureOf(*sc, r.at);
    ind.heading = c->at;
    ind.body = Span{r.at.end, r.at.end};
    Add(std::move(ind), level, current);
    out_->read.push_back(r.at);
  }

  // Appends `ind` under its parent and makes it the open node of `level` (deeper levels close).
  void Add(Indicator ind, size_t level, std::vector<int>* current) {
    const int index = static_cast<int>(out_->indicators.size());
    if (ind.parent >= 0) out_->indicators[static_cast<size_t>(ind.parent)].children.push_back(index);
    out_->indicators.push_back(std::move(ind));
    (*current)[level] = index;
    for (size_t deeper = level + 1; deeper < current->size(); ++deeper) (*current)[deeper] = -1;
  }

  template <typename CellFn>
  void Total(const Layout& l, const TableRow& r, CellFn cell) {
    out_->read.push_back(r.at);
    if (out_->total) return;
    Outline::Total total;
    for (size_t k = l.name_max.size(); k-- > 0;) {
      if (const Cell* mc = cell(l.name_max[k])) {
        if (auto m = FigureOf(*mc, r.at)) {
          total.max = m;
          break;
        }
      }
    }
    if (const Cell* sc = cell(l.score)) total.score = FigureOf(*sc, r.at);
    if (!total.max && !total.score) return;
    total.where = r.at;
    out_->total = total;
  }

  const Document& doc_;
  const Rules& rules_;
  Outline* out_;
  bool closed_ = false;  // the last row read was a total row
  bool suspect_ = false;  // a cell of the table is not where its grid says (no sums over it)
  bool list_ = false;     // one name column, levels by numbering
  size_t closed_at_ = SIZE_MAX;  // list tables: the end of the total row
  std::vector<int> styles_;  // list tables: the numbering style of each open level
  const re2::RE2 &name_, &max_, &score_, &name_max_, &total_, &level_;
};

}  // namespace

void ReadTableTrees(const Document& doc, const Structure& structure, const Rules& rules, Outline* out) {
  TableTree reader(doc, rules, out);
  for (const Table& t : structure.tables) {
    const Part& part = structure.PartAt(t.at.begin);
    if (part.kind == DocKind::kProjectForm || part.kind == DocKind::kDepartmentForm) continue;  // ReadForms
    if (!IsSelfEvaluation(part.kind) && part.kind != DocKind::kUnknown) continue;
    reader.Read(t);
  }
  // Outline::InTreeTable looks them up by position.
  std::sort(out->tree_tables.begin(), out->tree_tables.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
}

}  // namespace jixiao

namespace jixiao {

void ReadListTables(const Document& doc, const Structure& structure, const Rules& rules, Outline* out) {
  TableTree reader(doc, rules, out);
  reader.SetList(true);
  for (const Table& t : structure.tables) {
    const Part& part = structure.PartAt(t.at.begin);
    if (part.kind == DocKind::kProjectForm || part.kind == DocKind::kDepartmentForm) continue;  // ReadForms
    if (!IsSelfEvaluation(part.kind) && part.kind != DocKind::kUnknown) continue;
    if (!out->indicators.empty()) return;  // one list is the tree; a second table restates it
    // A row on one line each (aligned text, PDF lines): ParseTables reads those with the text
    // around them (the total stated in prose, the 得分率 column).
    if (t.shape == TableShape::kAligned || t.shape == TableShape::kPositions) continue;
    reader.Read(t);
  }
}

}  // namespace jixiao
