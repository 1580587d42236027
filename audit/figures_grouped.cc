// sum.breakdown of a whole split by a criterion it names: "地方收入按构成分：税收收入1035万元，…；
// 非税收入685万元，…。" The whole (地方收入) is the figure before it that names it best, the nearest of
// those (as for shares, figures_shares.cc); the parts are the first level figure of each clause
// group (up to ；) of the sentence, which ends the split.
#include <re2/re2.h>

#include <algorithm>

#include "audit/figures.h"
#include "audit/scan.h"

namespace jixiao {
namespace {

bool Level(const std::string& t, const Rules& rules, const Number& n, size_t floor) {
  return IsQuantity(n) && !IsChangeFigure(t, rules, n, floor) && !IsShareBase(t, n);
}

}  // namespace

void GroupedSplits(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
                   const std::vector<Number>& all_figs, Outline* out) {
  const std::string& t = doc.text;
  for (size_t si = 0; si < sentences.size(); ++si) {
    const Sentence& s = sentences[si];
    auto m = FindFirst(rules.Get("fig.split_by"), t, s.span);
    if (!m) continue;
    std::string whole;
    for (char c : View(t, m->Get("whole")))
      if (c != ' ') whole += c;
    std::string core = whole;
    for (const re2::RE2* re : rules.Get("fig.base_generic")) RE2::GlobalReplace(&core, *re, "");
    if (Bigrams(core).size() < 2) continue;
    // The parts: the first level figure of this sentence after the marker, and of each sentence
    // after it on the line while they end in "；".
    std::vector<Number> parts;
    Span list{m->whole.end, s.span.end};
    for (size_t k = si; k < sentences.size() && sentences[k].line == s.line; ++k) {
      const Sentence& g = sentences[k];
      for (const Number& n : g.figures) {
        if (n.begin < m->whole.end || !Level(t, rules, n, g.span.begin)) continue;
        if (!parts.empty() && !SameKind(parts.front(), n)) break;
        parts.push_back(n);
        break;
      }
      list.end = g.span.end;
      std::string_view gv = View(t, g.span);
      if (gv.size() < 3 || gv.substr(gv.size() - 3) != "；") break;
    }
    if (parts.size() < 2) continue;
    // Every part is the subject of its group: the words before it name no whole ("其中", "占").
    std::vector<const Number*> named;
    auto stop = std::lower_bound(all_figs.begin(), all_figs.end(), s.span.begin,
                                 [](const Number& n, size_t at) { return n.begin < at; });
    for (auto it = stop; it != all_figs.begin();) {
      const Number& d = *--it;
      if (d.begin + 3000 < s.span.begin) break;
      if (!SameKind(d, parts.front()) || !Level(t, rules, d, 0)) continue;
      if (!BaseNamed(rules, whole, LabelBefore(t, d.begin))) continue;
      named.push_back(&d);
    }
    if (named.empty()) {
      out->unbound += 1;
      continue;
    }
    const Number* best = named.front();
    int best_shared = -1;
    for (const Number* d : named) {
      int n = SharedBigrams(LabelBefore(t, d->begin), core);
      if (n > best_shared) best = d, best_shared = n;
    }
    Relation r;
    r.check = CheckId::kSumBreakdown;
    std::vector<Expr> terms;
    std::string names;
    for (const Number& n : parts) {
      terms.push_back(Fig(n));
      names += (names.empty() ? "" : " + ") + LabelBefore(t, n.begin, 8) + " " + n.Plain();
    }
    r.computed = Expr::Sum(terms);
    r.stated = *best;
    r.stated_exact = best->IsCount();
    r.quote = Span{s.span.begin, list.end};
    if (best->begin < s.span.begin) r.more_quotes.push_back(SentenceAround(t, Span{best->begin, best->end}));
    r.anchor = Span{best->begin, best->end};
    r.note = "breakdown: " + whole + " split " + std::string(View(t, m->Get("by"))) + ": " + names + " = " +
             LabelBefore(t, best->begin, 10) + " " + Written(*best) + " (line " +
             std::to_string(doc.LineAt(best->begin)) + ")";
    out->relations.push_back(r);
  }
}

}  // namespace jixiao
