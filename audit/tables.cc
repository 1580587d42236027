// Tables: a header line of known column words and the rows that follow, each a name and one
// figure per column. Summary score tables (标准分值 评价得分 得分率) restate indicators and the
// total; sub-project tables (资金额度 自评分 权重 指标得分) recompute weights and points; every
// table with a total row (合计) has its columns summed.
#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "audit/outline.h"
#include "audit/scan.h"

namespace jixiao {

namespace {

enum class Col { kMax, kScore, kRate, kSelfScore, kWeight, kPoints, kAmount };

struct Row {
  Span line;
  std::string name;
  std::vector<Number> cells;  // one per numeric column
  bool total = false;
  // The level its name is written at: a 科目编码 (类 208, 款 20805, 项 2080505) gives
  // kCodeLevel + its length; a numbering marker its style (a group of structure.marker); 0 none.
  int level = 0;
};

constexpr int kCodeLevel = 1000;

// The length of the 科目编码 a row starts with ("2080505 机关事业单位…"): 3, 5 or 7 digits (类, 款,
// 项 of the functional and economic classifications), then a space and no 年 (a year is 4 digits,
// but "2021 年度…" must never be a code whatever its length).
int CodeLength(std::string_view row) {
  size_t i = 0;
  while (i < row.size() && row[i] == ' ') ++i;
  size_t d = i;
  while (d < row.size() && row[d] >= '0' && row[d] <= '9') ++d;
  const size_t n = d - i;
  if ((n != 3 && n != 5 && n != 7) || d >= row.size() || row[d] != ' ') return 0;
  if (row.substr(d + 1).rfind("年", 0) == 0) return 0;
  return static_cast<int>(n);
}

struct Table {
  Span header;
  std::vector<Col> cols;
  std::vector<std::string> names;  // the column words as written
  std::vector<Row> rows;
  // Rows with fewer figures than columns (an empty cell, whose column the text does not show): the
  // columns cannot be summed, and the rows are reported unread.
  std::vector<Span> short_rows;
};

bool IsNumericToken(std::string_view t) {
  bool digit = false;
  for (char c : t) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c != '.' && c != ',' && c != '%' && c != '-') {
      return false;
    }
  }
  return digit;
}

// The trailing figures of a line ("预算编制 10 10 100%"), up to `want` of them.
bool SplitRow(const std::string& text, Span line, size_t want, Row* row) {
  std::string_view s = View(text, line);
  std::vector<std::pair<size_t, size_t>> toks;  // [b, e) in s
  size_t i = s.size();
  while (i > 0 && toks.size() < want) {
    while (i > 0 && s[i - 1] == ' ') --i;
    size_t e = i;
    while (i > 0 && s[i - 1] != ' ') --i;
    if (e == i || !IsNumericToken(s.substr(i, e - i))) {
      i = e;
      break;
    }
    toks.emplace_back(i, e);
  }
  if (toks.size() != want) return false;
  std::reverse(toks.begin(), toks.end());
  row->line = line;
  row->name = CleanName(s.substr(0, toks.front().first));
  for (auto [b, e] : toks) {
    auto n = FigureAt(text, line.begin + b);
    if (!n) return false;
    row->cells.push_back(*n);
  }
  return true;
}

class TableParser {
 public:
  TableParser(const Document& doc, const Rules& rules, Outline* out)
      : doc_(doc), rules_(rules), out_(out) {}

  void Run() {
    auto lines = Lines(doc_.text);
    for (size_t li = 0; li < lines.size(); ++li) {
      Table t;
      if (!Header(lines[li], &t)) continue;
      std::string pending;
      size_t lj = li + 1;
      for (; lj < lines.size(); ++lj) {
        Table again;
        if (Header(lines[lj], &again) && again.cols == t.cols) continue;  // repeated on a new page
        Row r;
        if (SplitRow(doc_.text, lines[lj], t.cols.size(), &r)) {
          if (r.name.empty() || !pending.empty()) r.name = pending + r.name;
          pending.clear();
          r.total = RE2::PartialMatch(std::string(View(doc_.text, lines[lj])),
                                      rules_.One("table.total_row"));
          const std::string_view raw = View(doc_.text, lines[lj]);
          const int code = CodeLength(raw);
          r.level = code > 0 ? kCodeLevel + code : MarkerStyle(raw);
          t.rows.push_back(std::move(r));
          if (t.rows.back().total && t.rows.size() > 1) {
            ++lj;
            break;
          }
          continue;
        }
        // A name cell that wrapped onto its own line, before its row.
        std::string_view s = View(doc_.text, lines[lj]);
        if (s.size() <= 90 && FiguresIn(doc_.text, lines[lj]).size() <= 1 && !t.rows.empty() &&
            lj + 1 < lines.size()) {
          // Unless it ends in a figure: then it is a row with an empty cell ("甲项目 0.50" under
          // 预算数 决算数), not part of the next row's name.
          size_t last = s.find_last_of(' ');
          if (last != std::string_view::npos && IsNumericToken(s.substr(last + 1))) {
            t.short_rows.push_back(lines[lj]);
            continue;
          }
          pending += CleanName(s);
          continue;
        }
        break;
      }
      if (t.rows.size() >= 2) {
        for (const Row& r : t.rows) out_->read.push_back(r.line);
        out_->read.push_back(t.header);
        out_->unread.insert(out_->unread.end(), t.short_rows.begin(), t.short_rows.end());
        Check(t);
        li = lj - 1;
      }
    }
  }

 private:
  // A header: a name column word, then two or more column words.
  bool Header(Span line, Table* t) {
    if (out_->InTreeTable(line.begin)) return false;  // read as the tree (ReadTableTrees)
    std::string_view s = View(doc_.text, line);
    if (s.size() > 400) return false;
    // The first name-column word followed by column words only (a title may be joined before).
    for (const auto& n : FindAll(rules_.One("table.name_column"), doc_.text, line)) {
      if (Columns(Span{n.whole.end, line.end}, t)) {
        t->header = line;
        return true;
      }
    }
    return false;
  }

  bool Columns(Span rest, Table* t) {
    std::vector<Col> cols;
    std::vector<std::string> names;
    size_t pos = rest.begin;
    for (const auto& m : FindAll(rules_.One("table.column"), doc_.text, rest)) {
      // Only column words, nothing else, between them.
      if (m.whole.begin - pos > 3) return false;
      pos = m.whole.end;
      static const std::pair<const char*, Col> kRoles[] = {
          {"rate", Col::kRate},         {"points", Col::kPoints}, {"max", Col::kMax},
          {"score", Col::kScore},       {"selfscore", Col::kSelfScore},
          {"weight", Col::kWeight},     {"amount", Col::kAmount}};
      for (const auto& [g, c] : kRoles) {
        if (m.Has(g)) {
          cols.push_back(c);
          names.emplace_back(View(doc_.text, m.whole));
        }
      }
    }
    if (cols.size() < 2 || rest.end - pos > 3) return false;
    t->cols = std::move(cols);
    t->names = std::move(names);
    return true;
  }

  int ColOf(const Table& t, Col c) const {
    for (size_t i = 0; i < t.cols.size(); ++i) {
      if (t.cols[i] == c) return static_cast<int>(i);
    }
    return -1;
  }

  int FindIndicator(const std::string& name) const {
    int exact = out_->Find(name);
    if (exact >= 0) return exact;
    for (int i = static_cast<int>(out_->indicators.size()) - 1; i >= 0; --i) {
      const std::string& n = out_->indicators[static_cast<size_t>(i)].name;
      if (name.size() >= 6 && (n.find(name) != std::string::npos || name.find(n) != std::string::npos)) {
        return i;
      }
    }
    return -1;
  }

  // The indicator whose body holds the table, or -1.
  int Enclosing(const Table& t) const {
    for (int i = static_cast<int>(out_->indicators.size()) - 1; i >= 0; --i) {
      const Span b = out_->indicators[static_cast<size_t>(i)].body;
      if (b.begin <= t.header.begin && t.header.begin < b.end) return i;
    }
    return -1;
  }

  Relation Base(CheckId id, const Row& r, const Number& stated) const {
    Relation rel;
    rel.check = id;
    rel.stated = stated;
    rel.quote = r.line;
    rel.anchor = Span{stated.begin, stated.end};
    return rel;
  }

  void Check(const Table& t) {
    int cmax = ColOf(t, Col::kMax), cscore = ColOf(t, Col::kScore), crate = ColOf(t, Col::kRate);
    int camount = ColOf(t, Col::kAmount), cweight = ColOf(t, Col::kWeight);
    int cself = ColOf(t, Col::kSelfScore), cpoints = ColOf(t, Col::kPoints);
    const Row* total = nullptr;
    for (const Row& r : t.rows) {
      if (r.total) total = &r;
    }
    bool tree_empty = out_->indicators.empty();
    for (const Row& r : t.rows) {
      auto cell = [&](int c) { return r.cells[static_cast<size_t>(c)]; };
      // Score tables: restatements of the tree, and 得分率 = 评价得分 / 标准分值.
      if (cmax >= 0 && cscore >= 0) {
        Number mx = cell(cmax), sc = cell(cscore);
        mx.unit = sc.unit = Unit::kPoints;
        mx.measure = sc.measure = "分";
        if (r.total) {
          if (!out_->total) out_->total = Outline::Total{};
          Stated smax{mx, Span{mx.begin, mx.end}, r.line, "table"};
          Stated sscore{sc, Span{sc.begin, sc.end}, r.line, "table"};
          if (!out_->total->max) out_->total->max = smax;
          if (!out_->total->score) {
            out_->total->score = sscore;
            out_->total->where = r.line;
          } else {
            AddTotalRestated(*out_->total->score, sscore);
          }
        } else {
          int k = FindIndicator(r.name);
          if (k < 0 && tree_empty && !r.name.empty()) {
            Indicator ind;
            ind.name = r.name;
            ind.heading = r.line;
            out_->indicators.push_back(ind);
            k = static_cast<int>(out_->indicators.size()) - 1;
          }
          if (k >= 0) {
            Indicator& ind = out_->indicators[static_cast<size_t>(k)];
            Stated smax{mx, Span{mx.begin, mx.end}, r.line, "table"};
            Stated sscore{sc, Span{sc.begin, sc.end}, r.line, "table"};
            (ind.max ? ind.more_max.push_back(smax) : void(ind.max = smax));
            (ind.score ? ind.more_score.push_back(sscore) : void(ind.score = sscore));
          }
        }
        if (crate >= 0) {
          Relation rel = Base(CheckId::kRateRatio, r, cell(crate));
          rel.computed = Expr::Quotient(Expr::Figure(sc, true), Expr::Figure(mx, true));
          rel.note = r.name + " 得分率 = 评价得分 / 标准分值";
          out_->relations.push_back(std::move(rel));
        }
      }
      // Sub-project tables: 权重 = 资金额度 / 合计; 指标得分 = 自评分 × 权重 × 分值 / 100.
      if (total && !r.total && camount >= 0) {
        Expr share = Expr::Quotient(Expr::Figure(cell(camount)),
                                    Expr::Figure(total->cells[static_cast<size_t>(camount)]));
        if (cweight >= 0) {
          Relation rel = Base(CheckId::kTableRow, r, cell(cweight));
          rel.computed = share;
          rel.note = r.name + " 权重 = 资金额度 / 合计资金额度";
          out_->relations.push_back(std::move(rel));
        }
        int host = Enclosing(t);
        if (cself >= 0 && cpoints >= 0 && host >= 0 &&
            out_->indicators[static_cast<size_t>(host)].max) {
          const Number& hmax = out_->indicators[static_cast<size_t>(host)].max->value;
          Relation rel = Base(CheckId::kTableRow, r, cell(cpoints));
          rel.computed = Expr::Product(
              Expr::Quotient(Expr::Product(Expr::Figure(cell(cself), true), Expr::Figure(hmax, true)),
                             Expr::Const(100, "100")),
              share);
          rel.note = r.name + " 指标得分 = 自评分 × 分值 " + Written(hmax) + " / 100 × 权重";
          out_->relations.push_back(std::move(rel));
        }
      }
    }
    // Columns: the total row is the sum of the rows above it.
    if (!total || !t.short_rows.empty()) return;
    std::vector<const Row*> parts = TopLevel(t, total);
    if (parts.empty()) return;  // rows of several levels whose nesting the names do not show
    Outline::TableTotal cited{total->line, parts.size(), {}};
    for (size_t c = 0; c < t.cols.size() && c < t.names.size(); ++c) {
      cited.columns.emplace_back(t.names[c], total->cells[c]);
    }
    out_->tables.push_back(std::move(cited));
    for (size_t c = 0; c < t.cols.size(); ++c) {
      if (t.cols[c] == Col::kRate) continue;  // checked per row above
      std::vector<Expr> terms;
      for (const Row* r : parts) {
        bool exact = t.cols[c] == Col::kMax || t.cols[c] == Col::kScore || t.cols[c] == Col::kSelfScore;
        terms.push_back(Expr::Figure(r->cells[c], exact));
      }
      Relation rel = Base(CheckId::kTableColumn, *total, total->cells[c]);
      for (const Row* r : parts) rel.more_quotes.push_back(r->line);  // the column's figures
      rel.computed = Expr::Sum(std::move(terms));
      rel.stated_exact = t.cols[c] == Col::kMax || t.cols[c] == Col::kScore ||
                         t.cols[c] == Col::kSelfScore;
      rel.note = "column sum of " + std::to_string(parts.size()) + " rows" +
                 (parts.size() + 1 < t.rows.size() ? " (the outermost numbered level)" : "");
      out_->relations.push_back(std::move(rel));
    }
  }

  // The numbering style a row's name starts with ("2." arabic, "(1)" paren_arabic): the index of
  // the structure.marker group that matched, 0 for none.
  int MarkerStyle(std::string_view row) const {
    const RE2& marker = rules_.One("structure.marker");
    const int n = marker.NumberOfCapturingGroups();
    std::vector<re2::StringPiece> g(static_cast<size_t>(n) + 1);
    re2::StringPiece in(row.data(), row.size());
    while (!in.empty() && in[0] == ' ') in.remove_prefix(1);
    if (!marker.Match(in, 0, in.size(), RE2::ANCHOR_START, g.data(), n + 1)) return 0;
    for (int i = 1; i <= n; ++i) {
      if (g[static_cast<size_t>(i)].data() != nullptr) return i;
    }
    return 0;
  }

  // The rows a column total adds up: all rows but the total when their names are written at one
  // level; when at several (三公经费: "2．公务用车购置及运行费" then "（1）公务用车购置费",
  // "（2）公务用车运行费"; 功能分类: 类 208, its 款 20805, their 项 2080505), the rows of the first
  // row's level, each followed by its own sub-rows. Levels that the names do not nest (an
  // unnumbered row among numbered ones, a first row below the outermost code) give none: the sum
  // is not checked.
  static std::vector<const Row*> TopLevel(const Table& t, const Row* total) {
    std::vector<const Row*> rows;
    for (const Row& r : t.rows) {
      if (&r != total) rows.push_back(&r);
    }
    if (rows.empty()) return rows;
    const int top = rows.front()->level;
    bool mixed = false;
    for (const Row* r : rows) mixed = mixed || r->level != top;
    if (!mixed) return rows;
    if (top == 0) return {};
    std::vector<const Row*> parts;
    for (const Row* r : rows) {
      if (r->level == 0) return {};
      if ((r->level > kCodeLevel) != (top > kCodeLevel)) return {};  // codes among markers
      if (top > kCodeLevel && r->level < top) return {};             // a shorter code below
      if (r->level == top) parts.push_back(r);
    }
    return parts;
  }

  void AddTotalRestated(const Stated& first, const Stated& again) {
    CheckResult c = MakeResult(doc_, CheckId::kScoreRestated, again.context, again.at);
    c.stated = Written(first.value);
    c.recomputed = Written(again.value);
    bool same = ValueOf(first.value) == ValueOf(again.value);
    c.arithmetic = "total self-score: text states " + Written(first.value) + " (line " +
                   std::to_string(doc_.LineAt(first.at.begin)) + "); table states " +
                   Written(again.value) + (same ? " ✓" : " ✗");
    c.verdict = same ? Verdict::kPass : Verdict::kFail;
    c.severity = same ? Severity::kInfo : Severity::kError;
    out_->results.push_back(std::move(c));
  }

  const Document& doc_;
  const Rules& rules_;
  Outline* out_;
};

}  // namespace

void ParseTables(const Document& doc, const Rules& rules, Outline* out) {
  TableParser(doc, rules, out).Run();
}

}  // namespace jixiao
