// Statements read over a whole paragraph, across the ；and brackets that split its sentences:
// - change.yoy of a change against a named base followed by its rate, a bracket of parts between
//   them: "调整为290000万元（其中：…），较人代会批准的预算数增加60000万元（其中：…），增长26.1%" —
//   the rate is the change over the base, 60000 / (290000 − 60000);
// - sum.breakdown of a balance: "总收入为898487万元。…年度支出总额为856832万元。收支相抵后，年末结转
//   结余41655万元" — the balance is the total income less the total spending stated before it.
#include <re2/re2.h>

#include <algorithm>
#include <optional>

#include "audit/figures.h"
#include "audit/scan.h"

namespace jixiao {
namespace {

bool Rises(std::string_view dir) { return dir == "增加" || dir == "增长" || dir == "增收" || dir == "增幅"; }

// The statements of a paragraph: spans ended by 。 or ；at bracket depth 0 (a ；inside "（其中：
// 甲…；乙…）" does not end the statement around the bracket).
std::vector<Span> Statements(const std::string& t, Span line) {
  std::vector<Span> out;
  int depth = 0;
  size_t from = line.begin;
  for (size_t i = line.begin; i < line.end; ++i) {
    if (OpenBracketAt(t, i)) ++depth;
    if (CloseBracketAt(t, i) && depth > 0) --depth;
    if (depth == 0 && (t.compare(i, 3, "。") == 0 || t.compare(i, 3, "；") == 0 || t[i] == ';')) {
      size_t end = t[i] == ';' ? i + 1 : i + 3;
      out.push_back(Span{from, end});
      from = end;
    }
  }
  if (from < line.end) out.push_back(Span{from, line.end});
  return out;
}

// The end of the bracket that opens at `at` (its closing bracket's end), or `at` when none opens
// there or it is not closed before `limit`.
size_t PastBracket(const std::string& t, size_t at, size_t limit) {
  if (at >= limit || !OpenBracketAt(t, at)) return at;
  int depth = 0;
  for (size_t i = at; i < limit; ++i) {
    if (OpenBracketAt(t, i)) ++depth;
    if (const size_t close = CloseBracketAt(t, i); close && --depth == 0) return i + close;
  }
  return at;
}

// The level figures of `s` before `limit` outside brackets: of the kind of `like`, no change, no
// base of a share or a rate.
std::vector<Number> Levels(const std::string& t, const Rules& rules, Span s, size_t limit, const Number& like) {
  std::vector<Number> out;
  for (const Number& n : FiguresIn(t, Span{s.begin, limit})) {
    if (!SameKind(n, like) || ParenDepth(View(t, Span{s.begin, n.begin})) > 0) continue;
    if (IsChangeFigure(t, rules, n, s.begin) || IsShareBase(t, n)) continue;
    if (AnyMatch(rules.Get("fig.rate_base_after"), View(t, Span{n.end, std::min(n.end + 16, t.size())}))) continue;
    out.push_back(n);
  }
  return out;
}

void ChangesWithRates(const Document& doc, const Rules& rules, Span line, std::vector<size_t>* anchored,
                      Outline* out) {
  const std::string& t = doc.text;
  std::optional<Number> previous_cur;  // the current level of the statement before, on this line
  for (const Span& st : Statements(t, line)) {
    std::optional<Number> statement_cur;
    for (const Match& m : FindAll(rules.One("fig.vs_change"), t, st)) {
      auto diff = FigureAt(t, m.Get("diff").begin);
      if (!diff || ParenDepth(View(t, Span{st.begin, m.whole.begin})) > 0) continue;
      size_t after = PastBracket(t, m.whole.end, st.end);
      if (after == m.whole.end) {
        // "增加60000万元，（其中：…）": a comma before the bracket.
        size_t c = m.whole.end;
        if (t.compare(c, 3, "，") == 0) c += 3; else if (c < st.end && t[c] == ',') c += 1;
        after = PastBracket(t, c, st.end);
      }
      auto tail = FindAll(rules.One("fig.vs_change_rate"), t, Span{after, st.end});
      if (tail.empty() || tail.front().whole.begin != after) continue;
      auto pct = FigureAt(t, tail.front().Get("pct").begin);
      if (!pct || pct->unit != Unit::kPercent) continue;
      if (std::find(anchored->begin(), anchored->end(), pct->begin) != anchored->end()) continue;
      bool up = Rises(View(t, m.Get("dir")));
      if (up != Rises(View(t, tail.front().Get("dir")))) continue;  // the rate of something else
      // The current level: the last level before the change in its statement; a statement that opens
      // with the comparison ("；较2021年实际完成数减少…") continues the subject of the one before.
      std::vector<Number> levels = Levels(t, rules, st, m.whole.begin, *diff);
      std::optional<Number> cur;
      if (!levels.empty()) {
        cur = levels.back();
      } else if (CharCount(View(t, Span{st.begin, m.whole.begin})) <= 2) {
        cur = statement_cur ? statement_cur : previous_cur;
      }
      if (!cur) continue;
      statement_cur = cur;
      Expr base = up ? Expr::Diff(Fig(*cur), Fig(*diff)) : Expr::Sum({Fig(*cur), Fig(*diff)});
      Relation r;
      r.check = CheckId::kChangeYoy;
      r.computed = Expr::Quotient(Fig(*diff), base);
      r.stated = *pct;
      r.quote = Span{st.begin, tail.front().whole.end};
      r.anchor = Span{pct->begin, pct->end};
      r.note = "against " + std::string(View(t, m.Get("base"))) + " = " + cur->Plain() + (up ? " − " : " + ") +
               diff->Plain() + "; change " + Written(*diff) + " / that base";
      out->relations.push_back(r);
      anchored->push_back(pct->begin);
    }
    std::optional<Number> last;
    for (const Number& n : FiguresIn(t, st)) {
      if (IsQuantity(n) && ParenDepth(View(t, Span{st.begin, n.begin})) == 0 &&
          !IsChangeFigure(t, rules, n, st.begin)) {
        last = n;
      }
    }
    previous_cur = statement_cur ? statement_cur : last;
  }
}

// The balance after "收支相抵": the last total income of the paragraph before it (rule
// fig.balance_income) less the spending after that income — the one labelled a total
// (fig.balance_spending_total), or the only spending figure there.
void Balances(const Document& doc, const Rules& rules, Span line, std::vector<size_t>* anchored, Outline* out) {
  const std::string& t = doc.text;
  for (const Match& m : FindAll(rules.One("fig.balance"), t, line)) {
    auto rest = FigureAt(t, m.Get("amount").begin);
    if (!rest || !IsMoney(*rest)) continue;
    if (std::find(anchored->begin(), anchored->end(), rest->begin) != anchored->end()) continue;
    std::optional<Number> income;
    std::vector<Number> spending, totals;
    for (const Number& n : FiguresIn(t, Span{line.begin, m.whole.begin})) {
      if (!SameKind(n, *rest) || ParenDepth(View(t, Span{line.begin, n.begin})) > 0) continue;
      if (IsChangeFigure(t, rules, n, line.begin)) continue;
      std::string label = LabelBefore(t, n.begin, 12);
      if (AnyMatch(rules.Get("fig.balance_income"), label)) {
        income = n;
        spending.clear();
        totals.clear();
      } else if (income && label.find("支出") != std::string::npos) {
        spending.push_back(n);
        if (AnyMatch(rules.Get("fig.balance_spending_total"), label)) totals.push_back(n);
      }
    }
    if (!income) continue;
    std::optional<Number> spent;
    if (!totals.empty()) spent = totals.back();
    else if (spending.size() == 1) spent = spending.front();
    if (!spent) continue;
    Relation r;
    r.check = CheckId::kSumBreakdown;
    r.computed = Expr::Diff(Fig(*income), Fig(*spent));
    r.stated = *rest;
    r.quote = Span{ClauseBefore(t, m.whole.begin, line.begin).begin, rest->end};
    r.more_quotes = {Span{ClauseBefore(t, income->begin, line.begin).begin, income->end},
                     Span{ClauseBefore(t, spent->begin, line.begin).begin, spent->end}};
    r.anchor = Span{rest->begin, rest->end};
    r.note = "balance: " + LabelBefore(t, income->begin, 10) + " " + Written(*income) + " − " +
             LabelBefore(t, spent->begin, 10) + " " + Written(*spent);
    out->relations.push_back(r);
    anchored->push_back(rest->begin);
  }
}

}  // namespace

void ParagraphStatements(const Document& doc, const Rules& rules, Outline* out) {
  std::vector<size_t> anchored;
  for (const Relation& r : out->relations) anchored.push_back(r.anchor.begin);
  for (const Span& line : Lines(doc.text)) {
    ChangesWithRates(doc, rules, line, &anchored, out);
    Balances(doc, rules, line, &anchored, out);
  }
}

}  // namespace jixiao
