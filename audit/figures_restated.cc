// Figures stated twice (figure.restated): the same specific label with two figures of a kind,
// nil words after a figure that is not 0, a table's total row cited in the text, and "即" between a
// figure and its restatement. Called by ParseFigures (figures.cc).
#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <optional>

#include "audit/figures.h"
#include "audit/outline.h"
#include "audit/scan.h"
#include "audit/sentences.h"

namespace jixiao {

namespace {

// The months `span` names last (fig.month_named, a date such as 6月15日 left out), written one way
// ("1—5月份" and "1-5月" are one period), or "".
std::string MonthsNamed(const std::string& t, const Rules& rules, Span span) {
  std::string last;
  for (const Match& m : FindAll(rules.One("fig.month_named"), t, span)) {
    std::string_view w = View(t, m.whole);
    if (w.ends_with("日")) continue;
    std::string out;
    for (size_t i = 0; i < w.size();) {
      size_t len = 1;
      unsigned char c = static_cast<unsigned char>(w[i]);
      if (c >= 0xF0) len = 4; else if (c >= 0xE0) len = 3; else if (c >= 0xC0) len = 2;
      std::string_view ch = w.substr(i, len);
      i += len;
      if (ch == " " || ch == "份") continue;
      out += (ch == "—" || ch == "–" || ch == "~" || ch == "～" || ch == "至" || ch == "到") ? std::string("-")
                                                                                           : std::string(ch);
    }
    last = out;
  }
  return last;
}

// The place a paragraph's first sentence begins with ("泽川市" in "泽川市一般公共预算收入完成93.7亿元"), or "".
std::string PlaceNamed(const std::string& t, const Rules& rules, Span sentence) {
  for (const Match& m : FindAll(rules.One("fig.scope_place"), t, sentence)) {
    if (m.whole.begin != sentence.begin) break;
    std::string_view place = View(t, m.Get("place"));
    if (AnyMatch(rules.Get("fig.scope_place_not"), place)) return "";
    return std::string(place);
  }
  return "";
}

}  // namespace

// figure.restated: the same specific label stated twice with a figure of the same kind.
void Restated(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
              Outline* out) {
  const std::string& t = doc.text;
  struct Labelled {
    std::string label;
    Number n;
    size_t line;
    std::string scope;
    std::string budget;  // the budget the text was last speaking of (fig.budget_kind), or ""
    std::string year;    // the year its sentence names before it (fig.year_named), or ""
    bool period = false;  // its sentence names a span of years before it (fig.period_named: 10年来)
    std::string months;   // the months its paragraph names before it (fig.month_named: 1—5月份), or ""
    std::string place;    // the place its paragraph begins with (fig.scope_place), or ""
  };
  std::vector<Labelled> all;
  // The scope a figure is stated for (fig.scope: 全省, 41个县, 盟本级, 旗级 …): the scope words
  // of its sentence before it, or else those of the last heading that named one ("41个县的收支
  // 情况：…" goes on over the sentences after it, up to the next such heading). Figures of
  // different scopes are a total and its parts, not one account stated twice.
  // The whole area (fig.scope_whole: 全省, 全市) is the scope of an unqualified figure too.
  std::string scope_carried;
  auto scope_of = [&](Span before, bool* named) {
    std::string words;
    for (const Match& m : FindAll(rules.One("fig.scope"), t, before)) {
      *named = true;
      std::string_view w = View(t, m.whole);
      if (!AnyMatch(rules.Get("fig.scope_whole"), w)) words += std::string(w) + "|";
    }
    return words;
  };
  size_t paragraph_begin = 0;  // where the logical line of the sentence begins
  std::string place;           // the place the paragraph begins with
  for (size_t si = 0; si < sentences.size(); ++si) {
    const Sentence& s = sentences[si];
    if (si == 0 || sentences[si - 1].line != s.line) {
      paragraph_begin = s.span.begin;
      place = PlaceNamed(t, rules, s.span);
    }
    // A sentence after one that ends in "其中：" is a component too ("2.项目支出0元…其中：" then
    // "商品和服务支出预算0元", a namesake of the 基本支出 item).
    bool after_qizhong = false;
    if (si > 0) {
      std::string_view prev = View(t, sentences[si - 1].span);
      while (!prev.empty() && (prev.back() == ' ' || prev.back() == '\n')) prev.remove_suffix(1);
      after_qizhong = prev.ends_with("其中：") || prev.ends_with("其中:");
    }
    // The last heading of the sentence that names a scope: a clause before a colon.
    bool heading_names = false;
    std::string heading_scope;
    for (size_t c = t.find("：", s.span.begin); c != std::string::npos && c < s.span.end;
         c = t.find("：", c + 1)) {
      bool named = false;
      std::string words = scope_of(ClauseBefore(t, c, s.span.begin), &named);
      if (named) {
        heading_names = true;
        heading_scope = words;
      }
    }
    for (const Number& n : s.figures) {
      if (!IsQuantity(n)) continue;
      // A component of a breakdown is named by its total too ("编制…其中行政编制 21 人" vs
      // "实有…其中行政编制 18 人"): left out.
      std::string_view head = View(t, Span{s.span.begin, n.begin});
      if (after_qizhong || head.find("其中") != std::string_view::npos ||
          head.find("分别") != std::string_view::npos) {
        continue;
      }
      std::string label = LabelBefore(t, n.begin, 12);
      // Cut the label at its last verb-like connective so that "共实现规上工业增加值" and
      // "规上工业增加值" meet as suffixes.
      if (CharCount(label) < 4 || AnyMatch(rules.Get("fig.label_generic"), label)) continue;
      // Targets, plans and last year's figures (by the words of their clause) are not
      // restatements of this year's.
      if (AnyMatch(rules.Get("fig.restated_not"), View(t, ClauseBefore(t, n.begin, s.span.begin))) ||
          IsChangeFigure(t, rules, n, s.span.begin) || IsShareBase(t, n)) {
        continue;
      }
      if (label.find("(") != std::string::npos && label.find(")") == std::string::npos) continue;
      bool named = false;
      std::string scope = scope_of(Span{s.span.begin, n.begin}, &named);
      // "一般公共预算…加上转移性收入49.2亿元" and "政府性基金预算…加上转移性收入33.8亿元": namesakes
      // in two budgets. The budget last named in the 1500 bytes before the figure.
      std::string budget;
      {
        size_t from = n.begin > 1500 ? n.begin - 1500 : 0;
        while (from < n.begin && (static_cast<unsigned char>(t[from]) & 0xC0) == 0x80) ++from;
        auto kinds = FindAll(rules.One("fig.budget_kind"), t, Span{from, n.begin});
        if (!kinds.empty()) budget = std::string(View(t, kinds.back().whole));
      }
      // "2010年…运行费1229.65万元" and "2011年…运行费1205.06万元": namesakes of two years.
      std::string year;
      {
        auto years = FindAll(rules.One("fig.year_named"), t, Span{s.span.begin, n.begin});
        if (!years.empty()) year = std::string(View(t, years.back().whole));
      }
      // "10年来…完成实际采购支出459亿元" and "…完成实际采购支出116.4亿元": a span and one year.
      const bool period = AnyMatch(rules.Get("fig.period_named"), View(t, Span{s.span.begin, n.begin}));
      all.push_back(Labelled{label, n, s.line, named ? scope : scope_carried, budget, year, period,
                             MonthsNamed(t, rules, Span{paragraph_begin, n.begin}), place});
    }
    if (heading_names) scope_carried = heading_scope;
  }
  auto suffix = [](const std::string& a, const std::string& b) {  // b ends with a
    return b.size() >= a.size() && b.compare(b.size() - a.size(), a.size(), a) == 0;
  };
  std::vector<bool> done(all.size(), false);
  for (size_t j = 0; j < all.size(); ++j) {
    for (size_t i = 0; i < j; ++i) {
      const Labelled &a = all[i], &b = all[j];
      if (done[j] || a.line == b.line || !SameKind(a.n, b.n) || a.scope != b.scope) continue;
      if (!a.budget.empty() && !b.budget.empty() && a.budget != b.budget) continue;
      if (!a.year.empty() && !b.year.empty() && a.year != b.year) continue;
      if (a.period != b.period) continue;
      if (!a.months.empty() && !b.months.empty() && a.months != b.months) continue;
      if (!a.place.empty() && !b.place.empty() && a.place != b.place) continue;
      const std::string& shorter = a.label.size() <= b.label.size() ? a.label : b.label;
      const std::string& longer = a.label.size() <= b.label.size() ? b.label : a.label;
      if (CharCount(shorter) < 5 || !suffix(shorter, longer)) continue;
      done[j] = true;
      Relation r;
      r.check = CheckId::kFigureRestated;
      r.computed = Fig(a.n);
      r.stated = b.n;
      r.stated_exact = b.n.IsCount();
      r.quote = SentenceAround(t, Span{b.n.begin, b.n.end});
      r.anchor = Span{b.n.begin, b.n.end};
      r.note = b.label + " " + Written(b.n) + " (line " + std::to_string(doc.LineAt(b.n.begin)) +
               ") restates " + a.label + " " + Written(a.n) + " (line " +
               std::to_string(doc.LineAt(a.n.begin)) + ")";
      out->relations.push_back(r);
    }
  }
}


namespace {

// Length in characters of the longest run of characters `a` and `b` share.
size_t CommonRun(std::string_view a, std::string_view b) {
  auto x = Chars(a), y = Chars(b);
  size_t best = 0;
  std::vector<size_t> prev(y.size() + 1, 0), cur(y.size() + 1, 0);
  for (size_t i = 1; i <= x.size(); ++i) {
    for (size_t j = 1; j <= y.size(); ++j) {
      cur[j] = x[i - 1] == y[j - 1] ? prev[j - 1] + 1 : 0;
      best = std::max(best, cur[j]);
    }
    std::swap(prev, cur);
  }
  return best;
}

}  // namespace

// "结转结余存量资金为0元，未发生年末结转结余存量资金": the words after the figure say there is none of
// what it names, so it must be 0 (figure.restated). The nil words (fig.nil_amount: not a bare 无,
// which starts names such as 无线电监测站) must be followed, within their clause, by four or more
// characters of the figure's label.
void NilRestated(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
                 Outline* out) {
  const std::string& t = doc.text;
  for (const Sentence& s : sentences) {
    for (const Number& n : s.figures) {
      if (!IsQuantity(n)) continue;
      std::string label = LabelBefore(t, n.begin, 16);
      if (CharCount(label) < 4) continue;
      for (const Match& w : FindAll(rules.One("fig.nil_amount"), t, Span{n.end, s.span.end})) {
        Span after{w.whole.end, std::min(s.span.end, w.whole.end + 48)};
        for (const char* mark : {"，", "。", "；"}) after.end = std::min(after.end, t.find(mark, after.begin));
        // "不存在实际采购金额大于计划采购金额的情况" denies a comparison, not the amount.
        if (CommonRun(label, View(t, after)) < 4 || AnyMatch(rules.Get("fig.nil_not"), View(t, after))) {
          continue;
        }
        Relation r;
        r.check = CheckId::kFigureRestated;
        r.computed = Expr::Const(0, "0");
        r.stated = n;
        r.stated_exact = true;
        r.quote = s.span;
        r.anchor = Span{n.begin, n.end};
        r.note = label + " " + Written(n) + ", and the sentence says '" +
                 std::string(View(t, Span{w.whole.begin, after.end})) + "': nil, so 0";
        out->relations.push_back(std::move(r));
        break;
      }
    }
  }
}


// Text that cites a table's total row: "共计 19 个，…各专项自评得分合计 1864.00 分" after a table
// whose 合计 row has 自评分 1864 and 19 rows above it. The figure must be labelled a total and share
// a word with the column, and lie within 2% of the total (a citation, right or wrong, not another
// figure); the count of the same sentence is then the table's number of rows (table.row).
void TableCitations(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
                    Outline* out) {
  const std::string& t = doc.text;
  for (const Sentence& s : sentences) {
    for (auto it = out->tables.rbegin(); it != out->tables.rend(); ++it) {
      const Outline::TableTotal& table = *it;
      if (s.span.begin < table.total_row.end) continue;
      bool cited = false;
      for (const Number& f : s.figures) {
        std::string label(View(t, ClauseBefore(t, f.begin, s.span.begin)));
        if (!AnyMatch(rules.Get("fig.total_word"), label)) continue;
        for (const auto& [column, total] : table.columns) {
          if (f.unit != total.unit && !(f.unit == Unit::kPoints && total.unit == Unit::kNone)) continue;
          bool shares = false;
          for (const std::string& b : Bigrams(column)) shares |= label.find(b) != std::string::npos;
          mpq_class a = ValueOf(f), b = ValueOf(total);
          if (!shares || b == 0 || abs(a - b) * 50 > abs(b)) continue;
          Relation r;
          r.check = CheckId::kTableColumn;
          Number tot = total;
          tot.unit = f.unit;
          tot.measure = f.measure;
          r.computed = Expr::Figure(tot, f.unit == Unit::kPoints || f.IsCount());
          r.stated = f;
          r.quote = s.span;
          r.anchor = Span{f.begin, f.end};
          r.more_quotes.push_back(table.total_row);
          r.note = label + " " + Written(f) + " cites the table's 合计 " + column + " " +
                   Written(total) + " (line " + std::to_string(doc.LineAt(total.begin)) + ")";
          out->relations.push_back(std::move(r));
          cited = true;
          break;
        }
        if (cited) break;
      }
      if (!cited) continue;
      for (const Match& m : FindAll(rules.One("fig.count_cited"), t, s.span)) {
        auto n = m.Get("n").empty() ? std::nullopt : FigureAt(t, m.Get("n").begin);
        if (!n) continue;
        Relation r;
        r.check = CheckId::kTableRow;
        r.computed = Expr::Const(static_cast<long>(table.rows), std::to_string(table.rows));
        r.stated = *n;
        r.stated_exact = true;
        r.quote = s.span;
        r.anchor = Span{n->begin, n->end};
        r.more_quotes.push_back(table.total_row);
        r.note = "the table cited (合计 line " + std::to_string(doc.LineAt(table.total_row.begin)) +
                 ") has " + std::to_string(table.rows) + " rows above its total";
        out->relations.push_back(std::move(r));
        break;
      }
      break;  // the nearest earlier table that the sentence cites
    }
  }
}

// "考核结果为 96.69，即群众满意度为 96.69%": the figure after 即 restates the one before it.
void RestatedIe(const Document& doc, const Rules& rules, Outline* out) {
  const std::string& t = doc.text;
  for (const Match& m : FindAll(rules.One("fig.restated_ie"), t, Span{0, t.size()})) {
    auto a = FigureAt(t, m.Get("a").begin), b = FigureAt(t, m.Get("b").begin);
    if (!a || !b) continue;
    // Compare the digits as written: "96.69" and "96.69%" are one figure stated twice.
    Number x = *a, y = *b;
    x.unit = y.unit = Unit::kNone;
    Relation r;
    r.check = CheckId::kFigureRestated;
    r.computed = Expr::Figure(x, x.decimals == 0);
    r.stated = y;
    r.stated_exact = y.decimals == 0;
    r.quote = SentenceAround(t, m.whole);
    r.anchor = Span{b->begin, b->end};
    r.note = "即: " + Written(*a) + " restated as " + Written(*b);
    out->relations.push_back(std::move(r));
  }
}

}  // namespace jixiao
