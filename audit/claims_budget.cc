// claim.contradiction: a completion of the budget ("完成年初预算100%") against the gap between
// 决算 and 预算 the same sentence states ("决算数大于预算数55.93万元"). Patterns in
// rules/claims.rules (claim.budget_*).
#include <re2/re2.h>

#include <optional>

#include "audit/figures.h"
#include "audit/scan.h"

namespace jixiao {

void BudgetCompletion(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
                      Outline* out) {
  const std::string& t = doc.text;
  for (size_t si = 0; si < sentences.size(); ++si) {
    const Sentence& s = sentences[si];
    auto done = FindFirst(rules.Get("claim.budget_done"), t, s.span);
    auto gap = FindFirst(rules.Get("claim.budget_gap"), t, s.span);
    if (!done || !gap) continue;
    auto rate = FigureAt(t, done->Get("rate").begin);
    auto diff = FigureAt(t, gap->Get("diff").begin);
    if (!rate || !diff || rate->unit != Unit::kPercent || !IsMoney(*diff)) continue;
    // The 决算 amount: the last amount of the diff's unit stated before the rate in this
    // sentence or an earlier one of its line, that is not a change on another year.
    std::optional<Number> actual;
    for (size_t k = 0; k <= si; ++k) {
      if (sentences[k].line != s.line) continue;
      for (const Number& n : sentences[k].figures) {
        if (n.begin >= done->whole.begin || !SameKind(n, *diff)) continue;
        if (AnyMatch(rules.Get("fig.count_not"), View(t, ClauseBefore(t, n.begin, sentences[k].span.begin)))) {
          continue;
        }
        actual = n;
      }
    }
    if (!actual) continue;
    bool less = AnyMatch(rules.Get("claim.budget_gap_less"), View(t, gap->Get("dir")));
    Expr budget = less ? Expr::Sum({Fig(*actual), Fig(*diff)}) : Expr::Diff(Fig(*actual), Fig(*diff));
    Relation r;
    r.check = CheckId::kClaimContradiction;
    r.computed = Expr::Quotient(Fig(*actual), budget);
    r.stated = *rate;
    r.any_part = true;
    r.quote = Span{sentences[si > 0 && sentences[si - 1].line == s.line ? si - 1 : si].span.begin, s.span.end};
    r.anchor = Span{done->whole.begin, rate->end};
    r.note = "决算 " + Written(*actual) + " / 预算 (" + Written(*actual) + (less ? " + " : " − ") +
             Written(*diff) + ", as " + std::string(View(t, gap->whole)) + " says)";
    out->relations.push_back(std::move(r));
  }
}

}  // namespace jixiao
