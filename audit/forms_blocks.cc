// ReadForm: the blocks of one form from the tables of its part. A block starts at a header (the
// table's columns, or a row inside the table that reads as a header): a funds block has budget /
// executed columns, an indicator block 一级/二级/三级 (or 指标名称) with 分值/权重 or 得分. Cells
// are read by their column's role; 一级 / 二级 cells carry down to the rows below.
#include <re2/re2.h>

#include <algorithm>

#include "audit/forms_reader.h"
#include "audit/scan.h"

namespace jixiao::forms {

namespace {

// In the order the roles are tried (the most specific first).
const std::pair<const char*, Role> kRoles[] = {
    {"forms.column.coef", Role::kCoef},       {"forms.column.reason", Role::kReason},
    {"forms.column.core", Role::kCore},       {"forms.column.nature", Role::kNature},
    {"forms.column.unit", Role::kUnit},       {"forms.column.fscore", Role::kFScore},
    {"forms.column.max", Role::kMax},         {"forms.column.rate", Role::kRate},
    {"forms.column.initial", Role::kInitial}, {"forms.column.budget", Role::kBudget},
    {"forms.column.spent", Role::kSpent},     {"forms.column.actual", Role::kActual},
    {"forms.column.target2", Role::kTarget2}, {"forms.column.target", Role::kTarget},
    {"forms.column.l1", Role::kL1},           {"forms.column.l2", Role::kL2},
    {"forms.column.l3", Role::kL3},           {"forms.column.score", Role::kScore},
};

// The figure at the start of text[b, e): parsed within the cell, so a unit-like word of the next
// cell ("5 项目管理" on a one-line form) is not taken as its measure.
std::optional<Number> FigureWithin(const std::string& text, size_t b, size_t e) {
  if (b >= e || e > text.size()) return std::nullopt;
  auto n = ParseNumber(std::string_view(text).substr(b, e - b));
  if (!n) return std::nullopt;
  n->begin += b;
  n->end += b;
  return n;
}

}  // namespace

bool Matches(const Rules& rules, const std::string& name, std::string_view s) {
  for (const re2::RE2* re : rules.Get(name))
    if (RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), *re)) return true;
  return false;
}

std::string NoSpace(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '|') out += c;
  return out;
}

std::vector<Role> RolesOf(const Rules& rules, const std::vector<std::string>& labels) {
  std::vector<Role> out(labels.size(), Role::kNone);
  std::vector<bool> taken(static_cast<size_t>(Role::kL2Max) + 1, false);
  // "一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分": a max column right after a level's
  // name column, with a lower level's name column further on, is that level's max (the rows' own
  // max is the one after the last level).
  auto later_level = [&](size_t i, bool l3_only) {
    for (size_t j = i + 1; j < labels.size(); ++j)
      if (Matches(rules, "forms.column.l3", labels[j]) || (!l3_only && Matches(rules, "forms.column.l2", labels[j])))
        return true;
    return false;
  };
  for (size_t i = 0; i < labels.size(); ++i) {
    if (labels[i].empty()) continue;
    if (i > 0 && Matches(rules, "forms.column.max", labels[i]) && !Matches(rules, "forms.column.fscore", labels[i])) {
      Role level = out[i - 1] == Role::kL1 && later_level(i, false) ? Role::kL1Max
                   : out[i - 1] == Role::kL2 && later_level(i, true) ? Role::kL2Max
                                                                     : Role::kNone;
      if (level != Role::kNone && !taken[static_cast<size_t>(level)]) {
        out[i] = level;
        taken[static_cast<size_t>(level)] = true;
        continue;
      }
    }
    for (const auto& [rule, role] : kRoles) {
      if (!Matches(rules, rule, labels[i])) continue;
      if (!taken[static_cast<size_t>(role)]) {
        out[i] = role;
        taken[static_cast<size_t>(role)] = true;
      }
      break;
    }
  }
  return out;
}

bool HasFigureToken(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '|')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\n' && s[j] != '|') ++j;
    if (j > i && ParseNumber(s.substr(i, j - i))) return true;
    i = j;
  }
  return false;
}

bool Has(const std::vector<Role>& roles, Role r) { return std::find(roles.begin(), roles.end(), r) != roles.end(); }

Block BlockOf(const std::vector<Role>& roles) {
  int named = 0, figures = 0;
  for (Role r : roles) {
    named += r == Role::kL1 || r == Role::kL2 || r == Role::kL3;
    figures += r == Role::kMax || r == Role::kScore || r == Role::kTarget || r == Role::kActual;
  }
  if ((Has(roles, Role::kBudget) || Has(roles, Role::kInitial)) && Has(roles, Role::kSpent)) return Block::kFunds;
  if (named >= 1 && figures >= 2) return Block::kIndicators;
  return Block::kNone;
}

Reader::Reader(const Document& doc, const Structure& s, const Rules& rules, const Part& part)
    : doc_(doc), s_(s), rules_(rules), part_(part) {
  form_.part = &part;
  form_.kind = part.kind;
}

std::string Reader::TextOf(const Cell& c) const {
  if (c.empty || c.at.empty()) return "";
  if (!c.parts.empty()) {  // a wrapped cell whose lines are apart in the text
    std::string s;
    for (const Span& p : c.parts) s += NoSpace(View(doc_.text, p));
    return s;
  }
  return NoSpace(View(doc_.text, c.at));
}

// A cell's figure: the whole cell is one figure (a unit or 分 may follow). A cell with digits
// that is not one figure ("52.352.352.3", "约10") is unread.
std::optional<Fig> Reader::FigureOf(const Cell& c, bool allow_text) {
  if (c.empty || c.carried || c.at.empty()) return std::nullopt;
  std::string_view v = View(doc_.text, c.at);
  size_t b = 0, e = v.size();
  while (b < e && (v[b] == ' ' || v[b] == '|')) ++b;
  while (e > b && (v[e - 1] == ' ' || v[e - 1] == '|')) --e;
  v = v.substr(b, e - b);
  if (v.empty() || v == "-" || v == "—" || v == "/" || v == "——" || v == "--") return std::nullopt;
  auto n = FigureWithin(doc_.text, c.at.begin + b, c.at.begin + e);
  if (n && n->end == c.at.begin + e && n->unit != Unit::kNone && n->measure == "年") n.reset();
  if (n && n->end == c.at.begin + e) return Fig{*n, Span{n->begin, n->end}};
  if (!allow_text && std::any_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
    form_.unread.push_back(c.at);
  return std::nullopt;
}

// A header row inside a table: three or more cells with a role, none of them a figure.
bool Reader::HeaderRow(const TableRow& r, std::vector<std::string>* labels) const {
  labels->clear();
  for (const Cell& c : r.cells) labels->push_back(c.carried ? "" : TextOf(c));
  int roles = 0;
  for (const std::string& l : *labels) {
    if (l.empty()) continue;
    if (ParseNumber(l)) return false;
    for (const auto& kv : kRoles) {
      if (Matches(rules_, kv.first, l)) {
        ++roles;
        break;
      }
    }
  }
  return roles >= 3;
}

// The first cell that is not a figure: the row's name.
std::string Reader::NameOf(const TableRow& r) const {
  for (const Cell& c : r.cells) {
    std::string s = TextOf(c);
    if (!s.empty() && !ParseNumber(s)) return s;
  }
  return "";
}

const Cell* Reader::CellWith(const TableRow& r, const std::vector<Role>& roles, Role role) const {
  for (size_t i = 0; i < roles.size() && i < r.cells.size(); ++i)
    if (roles[i] == role) return &r.cells[i];
  return nullptr;
}

// The row has a token that may be in this column (Cell::unread).
bool Reader::Unsure(const TableRow& r, const std::vector<Role>& roles, Role role) const {
  const Cell* c = CellWith(r, roles, role);
  return c != nullptr && c->unread;
}

std::optional<Fig> Reader::FigureIn(const TableRow& r, const std::vector<Role>& roles, Role role) {
  const Cell* c = CellWith(r, roles, role);
  return c ? FigureOf(*c) : std::nullopt;
}

bool Reader::Filled(const TableRow& r, const std::vector<Role>& roles, Role role) const {
  const Cell* c = CellWith(r, roles, role);
  if (c == nullptr || c->empty) return false;
  std::string s = TextOf(*c);
  return !s.empty() && s != "-" && s != "/" && s != "无" && !RE2::FullMatch(s, rules_.One("forms.residue")) &&
         !RE2::PartialMatch(s, rules_.One("forms.reason_template"));
}

// The word of the column of `role` ("权重", "分值"), empty if none.
std::string Reader::WordOf(const std::vector<Role>& roles, Role role) const {
  for (size_t i = 0; i < roles.size() && i < labels_.size(); ++i)
    if (roles[i] == role) return NoSpace(labels_[i]);
  return "";
}

Form Reader::Run() {
  for (const Table& t : s_.tables) {
    if (t.at.begin < part_.at.begin || t.at.begin >= part_.at.end) continue;
    ReadTable(t);
  }
  ReadLines();
  // A line the table left unread but the form read otherwise (a 总分 line) is not missing.
  auto read_elsewhere = [&](const Span& m) {
    return std::any_of(form_.read.begin(), form_.read.end(),
                       [&](const Span& r) { return r.begin < m.end && m.begin < r.end; });
  };
  form_.missing_rows.erase(std::remove_if(form_.missing_rows.begin(), form_.missing_rows.end(), read_elsewhere),
                           form_.missing_rows.end());
  return std::move(form_);
}

void Reader::ReadTable(const Table& t) {
  std::vector<std::string> labels;
  for (const Column& c : t.columns) labels.push_back(c.label);
  std::vector<Role> roles = RolesOf(rules_, labels);
  Block block = BlockOf(roles);
  if (block != Block::kNone) form_.read.push_back(t.columns.empty() ? t.at : t.columns.front().at);
  // One-line tables: what could not be cut into rows is coverage. (Other shapes' unread rows are
  // not reported here yet.)
  if (t.shape == TableShape::kOneLine) form_.unread_rows.insert(form_.unread_rows.end(), t.unread.begin(), t.unread.end());
  signature_ += " ";
  for (const auto& l : labels) signature_ += l + "|";
  if (block != Block::kNone || !t.rows.empty()) {
    std::vector<Span> unsure(t.rows.size());  // per row: the hull of its unsure tokens
    for (const Span& u : t.unread) {
      auto row = std::find_if(t.rows.begin(), t.rows.end(),
                              [&](const TableRow& r) { return r.at.begin <= u.begin && u.end <= r.at.end; });
      if (row != t.rows.end()) {
        Span& h = unsure[static_cast<size_t>(row - t.rows.begin())];
        h = h.empty() ? u : Span{std::min(h.begin, u.begin), std::max(h.end, u.end)};
      } else if (HasFigureToken(View(doc_.text, u))) {  // a line without a figure hides no points
        form_.missing_rows.push_back(u);
      }
    }
    for (const Span& h : unsure)
      if (!h.empty()) form_.unsure_cells.push_back(h);
  }
  FundsTableUnread(t, block);
  carry_ = {};
  above_label_.clear();
  labels_ = labels;
  if (block == Block::kIndicators && !t.columns.empty()) BlockTitle(t.columns.front().at.begin);
  for (const TableRow& r : t.rows) {
    std::vector<std::string> row_labels;
    if (HeaderRow(r, &row_labels)) {
      std::vector<Role> again = RolesOf(rules_, row_labels);
      Block b = BlockOf(again);
      if (b != Block::kNone) {
        roles = again;
        block = b;
        carry_ = {};
        labels_ = row_labels;
        for (const auto& l : row_labels) signature_ += l + "|";
        form_.read.push_back(r.at);
        CloseTitle();
        if (b == Block::kIndicators && !r.cells.empty()) BlockTitle(r.cells.front().at.begin);
        continue;
      }
    }
    if (TotalRow(r, roles)) continue;
    if (block == Block::kFunds) FundsLine(r, roles);
    if (block == Block::kIndicators) IndicatorRow(r, roles);
  }
  CloseTitle();
}

// The title of an indicator block with its max, written before its header on the header's line
// or alone on the line above it ("绩效指标(90分) 一级指标 …", "| 绩效指标（90分） | 一级指标 |"):
// a group over the block's rows (level 0, rule forms.block_title).
void Reader::BlockTitle(size_t header) {
  const std::string& text = doc_.text;
  if (header == 0 || header > text.size()) return;
  size_t ls = text.rfind('\n', header - 1);
  ls = ls == std::string::npos ? 0 : ls + 1;
  std::string prefix = NoSpace(std::string_view(text).substr(ls, header - ls));
  Span at{ls, header};
  for (int back = 0; prefix.empty() && ls > 0 && back < 3; ++back) {  // the line above (blank lines skipped)
    size_t e = ls - 1;
    size_t b = e == 0 ? std::string::npos : text.rfind('\n', e - 1);
    b = b == std::string::npos ? 0 : b + 1;
    prefix = NoSpace(std::string_view(text).substr(b, e - b));
    at = Span{b, e};
    ls = b;
  }
  // Normalization joins wrapped lines: the title may end a line of the block above's cells.
  std::string name, max;
  if (!RE2::PartialMatch(prefix, rules_.One("forms.block_title"), &name, &max)) return;
  size_t pos = std::string_view(text).substr(at.begin, at.end - at.begin).rfind(max);
  if (pos == std::string::npos) return;
  auto n = FigureAt(text, at.begin + pos);
  if (!n) return;
  // The title itself: from its name to the end of "(90分)".
  size_t name_at = std::string_view(text).substr(at.begin, pos).rfind(name);
  size_t close = text.find(')', n->end);
  if (name_at != std::string::npos && close != std::string::npos && close < header)
    at = Span{at.begin + name_at, close + 1};
  form_.read.push_back(at);
  Number pts = *n;
  pts.unit = Unit::kPoints;
  pts.measure = "分";
  Group g;
  g.name = name;
  g.level = 0;
  g.at = at;
  g.max = Fig{pts, Span{n->begin, n->end}};
  g.max_source = "title";
  g.rows_from = g.rows_to = form_.rows.size();
  form_.groups.push_back(std::move(g));
  title_open_ = form_.groups.size();
}

void Reader::CloseTitle() {
  if (title_open_ > 0) form_.groups[title_open_ - 1].rows_to = form_.rows.size();
  title_open_ = 0;
}

// A 总分 / 合计 row, in any block: the figures under 分值 and 得分, else the row's two figures.
bool Reader::TotalRow(const TableRow& r, const std::vector<Role>& roles) {
  std::string name = NameOf(r);
  if (!RE2::PartialMatch(name, rules_.One("forms.total"))) return false;
  if (RE2::PartialMatch(name, rules_.One("forms.funds.total")) && BlockOf(roles) == Block::kFunds &&
      !RE2::PartialMatch(name, "^(?:自评)?总分")) {
    return false;  // 合计 of the funds block is its total row
  }
  std::optional<Fig> max = FigureIn(r, roles, Role::kMax), score = FigureIn(r, roles, Role::kScore);
  if (!max && !score) {
    std::vector<Fig> figs;
    for (const Cell& c : r.cells)
      if (auto f = FigureOf(c)) figs.push_back(*f);
    if (figs.size() == 2) max = figs[0], score = figs[1];
    if (figs.size() == 1 && ValueOf(figs[0].value) == 100) max = figs[0];
    if (figs.size() == 1 && !max) form_.unread.push_back(figs[0].at);
  }
  for (const Cell& c : r.cells) {
    std::string s = TextOf(c);
    if (RE2::FullMatch(s, rules_.One("forms.grade_cell"))) form_.grade = s, form_.grade_at = c.at;
  }
  if (!form_.total_max && !form_.total_score) {
    form_.total_max = max;
    form_.total_score = score;
    form_.total_row = r.at;
  }
  form_.read.push_back(r.at);
  return true;
}

// A name cleaned: numbering and 指标1： removed, a "(10分)" taken as the max.
std::string Reader::Clean(std::string s, std::optional<Fig>* max, const Cell* cell, bool* optional) {
  RE2::Replace(&s, rules_.One("forms.name_prefix"), "");
  re2::StringPiece m;
  if (RE2::PartialMatch(s, rules_.One("forms.name_max"), &m)) {
    if (max != nullptr && cell != nullptr) {
      // The figure's span in the document: find it inside the cell (in one of its pieces, when
      // it wraps: "项目决策(10" / "分)").
      std::vector<Span> pieces = cell->parts.empty() ? std::vector<Span>{cell->at} : cell->parts;
      std::string digits;
      for (char ch : std::string_view(m.data(), m.size()))
        if ((ch >= '0' && ch <= '9') || ch == '.') digits += ch;
      for (const Span& piece : pieces) {
        std::string_view cv = View(doc_.text, piece);
        size_t pos = cv.find(std::string_view(m.data(), m.size()));
        if (pos == std::string_view::npos && !digits.empty() && pieces.size() > 1) {
          // The figure alone at the end of a piece whose "分)" is on the next line.
          size_t open = cv.rfind('(');
          if (open != std::string_view::npos && cv.substr(open + 1).find(digits) != std::string_view::npos)
            pos = open + 1 + cv.substr(open + 1).find(digits);
        }
        if (pos == std::string_view::npos) continue;
        if (auto n = FigureAt(doc_.text, piece.begin + pos)) *max = Fig{*n, Span{n->begin, n->end}};
        break;
      }
    }
    RE2::Replace(&s, rules_.One("forms.name_max"), "");
  }
  if (optional != nullptr) *optional = Matches(rules_, "forms.optional", s);
  return CleanName(s);
}

Group* Reader::GroupNamed(const std::string& name, int level, const std::string& parent) {
  for (Group& g : form_.groups)
    if (g.name == name && g.level == level && g.parent == parent) return &g;
  return nullptr;
}

void Reader::AddGroup(const std::string& name, int level, const std::string& parent, const Cell* cell,
                      std::optional<Fig> max, bool optional, const char* source) {
  if (name.empty()) return;
  Group* g = GroupNamed(name, level, parent);
  if (g == nullptr) {
    Group ng;
    ng.name = name;
    ng.level = level;
    ng.parent = parent;
    ng.at = cell ? cell->at : Span{};
    form_.groups.push_back(ng);
    g = &form_.groups.back();
  }
  g->optional = g->optional || optional;
  if (max && !g->max) g->max = max, g->max_source = source;
}

Nature Reader::NatureOf(std::string_view s, size_t* consumed) const {
  const std::pair<const char*, Nature> kNatures[] = {
      {"forms.nature.at_least", Nature::kAtLeast}, {"forms.nature.at_most", Nature::kAtMost},
      {"forms.nature.equal", Nature::kEqual}, {"forms.nature.qualitative", Nature::kQualitative}};
  for (const auto& [rule, n] : kNatures) {
    for (const re2::RE2* re : rules_.Get(rule)) {
      re2::StringPiece in(s.data(), s.size()), m;
      if (re->Match(in, 0, in.size(), RE2::ANCHOR_START, &m, 1)) {
        if (consumed) *consumed = m.size();
        return n;
      }
    }
  }
  return Nature::kUnknown;
}

// A target or actual cell: comparator, figure, unit (from the unit column when separate).
std::optional<Fig> Reader::ValueCell(const Cell* c, const std::string& unit, Nature* nature) {
  if (c == nullptr || c->empty || c->at.empty()) return std::nullopt;
  std::string_view v = View(doc_.text, c->at);
  size_t b = 0;
  while (b < v.size() && (v[b] == ' ' || v[b] == '|')) ++b;
  size_t used = 0;
  Nature n = NatureOf(v.substr(b), &used);
  if (n != Nature::kUnknown && nature != nullptr) *nature = n;
  b += used;
  while (b < v.size() && v[b] == ' ') ++b;
  size_t e = v.size();
  while (e > 0 && (v[e - 1] == ' ' || v[e - 1] == '|')) --e;
  auto fig = FigureWithin(doc_.text, c->at.begin + b, c->at.begin + std::max(e, b));
  if (!fig) return std::nullopt;
  if (fig->end != c->at.begin + e) return std::nullopt;  // "≥95%且无事故": not one figure
  if (fig->unit == Unit::kNone && !unit.empty()) {
    if (auto with = ParseNumber(fig->written + unit)) {
      with->begin = fig->begin;
      with->end = fig->end;
      fig = with;
    }
  }
  return Fig{*fig, Span{fig->begin, fig->end}};
}

void Reader::IndicatorRow(const TableRow& r, const std::vector<Role>& roles) {
  const Cell *c1 = CellWith(r, roles, Role::kL1), *c2 = CellWith(r, roles, Role::kL2),
             *c3 = CellWith(r, roles, Role::kL3);
  if (c3 != nullptr && c3->carried) form_.misplaced = true;  // a 三级 name is never merged down
  // A name cell that cannot be read (a PDF merged cell whose span is not known): the row's group
  // is not known, so the row is missing from every sum (they are checked as upper bounds).
  for (const Cell* c : {c1, c2, c3}) {
    if (c != nullptr && c->unread) {
      form_.missing_rows.push_back(r.at);
      return;
    }
  }
  std::optional<Fig> max1, max2, max3;
  bool opt1 = false, opt2 = false, opt3 = false;
  std::string l1 = c1 ? Clean(TextOf(*c1), &max1, c1->carried ? nullptr : c1, &opt1) : "";
  std::string l2 = c2 ? Clean(TextOf(*c2), &max2, c2->carried ? nullptr : c2, &opt2) : "";
  std::string l3 = c3 ? Clean(TextOf(*c3), &max3, c3, &opt3) : "";
  if (l1.empty()) {
    l1 = carry_.l1;
  } else {
    // Rows of the table above its first 一级 label: a label centred on its merged cell (or one
    // whose cell begins on the page before) leaves them without one, and which 一级 they are
    // under is not known. They stay rows; a sum over an 一级 beside them is only an upper bound.
    for (size_t i : above_label_) form_.ungrouped.push_back(form_.rows[i].row);
    above_label_.clear();
    if (l1 != carry_.l1) {
      // A 二级 cell merged down across a change of 一级: the merged cells' spans contradict each
      // other (a PDF label placed on the wrong rows), so no row's group is certain.
      if (c2 != nullptr && c2->carried && !carry_.l2.empty()) form_.misplaced = true;
      carry_.l2.clear();
    }
  }
  if (l2.empty()) l2 = carry_.l2;
  carry_.l1 = l1;
  carry_.l2 = l2;
  // A level's max in its own column beside the level's name (not carried: written once).
  const char *src1 = "name", *src2 = "name";
  // A level's max column named otherwise than the rows' ("一级指标 权重 … 三级指标 分值"): it may
  // be on another scale (a weight of the total over maxima that add up to 100 under it), so it
  // is read but not compared with the rows' sum (max_source "cell_scale").
  std::string row_word = WordOf(roles, Role::kMax);
  auto source = [&](Role level) { return WordOf(roles, level) == row_word ? "cell" : "cell_scale"; };
  if (c1 && !c1->carried && !max1) {
    if (const Cell* m = CellWith(r, roles, Role::kL1Max)) max1 = FigureOf(*m), src1 = source(Role::kL1Max);
  }
  if (c2 && !c2->carried && !max2 && !TextOf(*c2).empty()) {
    if (const Cell* m = CellWith(r, roles, Role::kL2Max)) max2 = FigureOf(*m), src2 = source(Role::kL2Max);
  }
  if (c1) AddGroup(l1, 1, "", c1, max1, opt1, src1);
  if (c2 && !l2.empty()) AddGroup(l2, 2, l1, c2, max2, opt2, src2);

  IndicatorLine line;
  line.row = r.at;
  line.l1 = l1;
  line.l2 = l2;
  line.l3 = l3;
  line.name_at = c3 ? c3->at : c2 ? c2->at : r.at;
  line.optional_row = opt1 || opt2 || opt3;
  line.max = FigureIn(r, roles, Role::kMax);
  line.score = FigureIn(r, roles, Role::kScore);
  if (!line.score) {
    // A score cell that is not one figure: the cell is there, its figure unread (not empty).
    const Cell* sc = CellWith(r, roles, Role::kScore);
    std::string t = sc ? TextOf(*sc) : "";
    line.score_unread = sc != nullptr && !sc->carried &&
                        (sc->unread || std::any_of(t.begin(), t.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) ||
                         RE2::FullMatch(t, rules_.One("grid.ocr_figure")));
  }
  line.coef = FigureIn(r, roles, Role::kCoef);
  line.has_reason_column = Has(roles, Role::kReason) && !Unsure(r, roles, Role::kReason);
  line.reason = Filled(r, roles, Role::kReason);
  if (max3 && !line.max) line.max = max3;
  std::string unit;
  if (const Cell* u = CellWith(r, roles, Role::kUnit)) unit = TextOf(*u);
  if (unit == "-" || unit == "/") unit.clear();
  if (const Cell* n = CellWith(r, roles, Role::kNature)) {
    std::string nt = TextOf(*n);
    if (!nt.empty()) {
      Nature nat = NatureOf(nt, nullptr);
      if (nat != Nature::kUnknown) line.nature = nat, line.nature_printed = true;
    }
  }
  const Cell* target = CellWith(r, roles, Role::kTarget2);
  if (target == nullptr || (TextOf(*target).empty() && !target->unread)) target = CellWith(r, roles, Role::kTarget);
  if (target != nullptr && target->unread) target = nullptr;  // which target applies is not known
  Nature from_target = Nature::kUnknown;
  line.target = ValueCell(target, unit, &from_target);
  if (target) line.target_text = TextOf(*target);
  if (from_target != Nature::kUnknown && !line.nature_printed) line.nature = from_target, line.nature_printed = true;
  const Cell* actual = CellWith(r, roles, Role::kActual);
  line.actual = ValueCell(actual, unit, nullptr);
  if (actual) line.actual_text = TextOf(*actual);
  if (line.nature == Nature::kUnknown && !line.target && !line.target_text.empty()) line.nature = Nature::kQualitative;

  if (l3.empty() && c3 != nullptr) {
    // An 一级 / 二级 row of its own: its figure is the group's max.
    if (line.max && !line.score) {
      Group* g = !l2.empty() && c2 && !c2->carried ? GroupNamed(l2, 2, l1) : GroupNamed(l1, 1, "");
      if (g && !g->max) g->max = line.max, g->max_source = "cell";
      form_.read.push_back(r.at);
    } else if (!line.max && !line.score) {
      ++form_.residue;
    }
    return;
  }
  if (c3 == nullptr && l2.empty()) return;
  if (RE2::FullMatch(l3, rules_.One("forms.residue")) && !line.max && !line.score) {
    ++form_.residue;
    return;
  }
  if (l3.empty() && !line.max && !line.score) return;
  form_.read.push_back(r.at);
  if (c1 != nullptr && line.l1.empty()) above_label_.push_back(form_.rows.size());
  form_.rows.push_back(std::move(line));
}

const char* NatureName(Nature n) {
  switch (n) {
    case Nature::kAtLeast: return "≥";
    case Nature::kAtMost: return "≤";
    case Nature::kEqual: return "=";
    case Nature::kQualitative: return "定性";
    case Nature::kUnknown: return "?";
  }
  return "?";
}

Form ReadForm(const Document& doc, const Structure& s, const Rules& rules, const Part& part, std::string* signature) {
  Reader r(doc, s, rules, part);
  Form f = r.Run();
  if (signature) *signature = r.signature_;
  return f;
}

}  // namespace jixiao::forms
