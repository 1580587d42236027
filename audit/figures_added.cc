// sum.breakdown of a total built up in words: "一般公共预算收入完成147.1亿元…。加上转移性收入
// 49.2亿元，收入合计196.3亿元" (147.1 + 49.2 = 196.3). The figure added to is the subject's first
// figure: of the same sentence before 加上, or else of the paragraph's last sentence that is not a
// 其中 list. A figure in brackets among the parts is a piece of the part before it, not an addend.
#include <re2/re2.h>

#include "audit/figures.h"
#include "audit/scan.h"

namespace jixiao {
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string_view Trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
  return s;
}

// The first level figure of `s` of the kind of `like`, before `limit`.
const Number* FirstLevel(const std::string& t, const Rules& rules, const Sentence& s, const Number& like,
                         size_t limit) {
  for (const Number& n : s.figures) {
    if (n.begin >= limit) break;
    if (SameKind(n, like) && !IsChangeFigure(t, rules, n, s.span.begin)) return &n;
  }
  return nullptr;
}

}  // namespace

void AddedTotals(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
                 Outline* out) {
  const std::string& t = doc.text;
  for (size_t si = 0; si < sentences.size(); ++si) {
    const Sentence& s = sentences[si];
    for (const Match& m : FindAll(rules.One("fig.added_total"), t, s.span)) {
      auto total = FigureAt(t, m.Get("total").begin);
      if (!total || !IsQuantity(*total)) continue;
      std::string_view parts_text = View(t, m.Get("parts"));
      if (AnyMatch(rules.Get("fig.added_not"), parts_text)) continue;
      std::vector<Number> parts;
      bool other_kind = false;
      const Span ps = m.Get("parts");
      for (const Number& n : FiguresIn(t, ps)) {
        if (!IsQuantity(n)) continue;
        // A figure in brackets qualifies the part before it ("上级补助收入568709万元（含返还性收入
        // 9670万元）"): a piece of that part, never one more addend.
        if (ParenDepth(View(t, Span{ps.begin, n.begin})) > 0) continue;
        if (!SameKind(n, *total)) other_kind = true;
        parts.push_back(n);
      }
      if (parts.empty() || other_kind) continue;
      // The figure added to.
      const Number* base = FirstLevel(t, rules, s, *total, m.whole.begin);
      Span quote = s.span;
      if (!base) {
        // A subject of its own with no figure: not known what is added to.
        if (!Trimmed(View(t, Span{s.span.begin, m.whole.begin})).empty()) continue;
        for (size_t k = si; k-- > 0 && sentences[k].line == s.line;) {
          std::string_view words = Trimmed(View(t, sentences[k].span));
          if (StartsWith(words, "其中")) continue;
          base = FirstLevel(t, rules, sentences[k], *total, sentences[k].span.end);
          quote.begin = sentences[k].span.begin;
          break;
        }
      }
      if (!base || IsChangeFigure(t, rules, *base, 0)) continue;
      // "收入合计" adds to a 收入, "支出合计" to a 支出: the total's words, if any, name the base's kind.
      std::string tl = LabelBefore(t, total->begin);
      std::string_view kind = View(t, m.Has("kind") ? m.Get("kind") : m.Get("kind2"));  // 收入合计, 总收入
      if (!kind.empty() && LabelBefore(t, base->begin).find(kind) == std::string::npos) continue;
      std::vector<Expr> terms{Fig(*base)};
      std::string names = LabelBefore(t, base->begin, 10) + " " + base->Plain();
      for (const Number& n : parts) {
        terms.push_back(Fig(n));
        names += " + " + LabelBefore(t, n.begin, 10) + " " + n.Plain();
      }
      Relation r;
      r.check = CheckId::kSumBreakdown;
      r.computed = Expr::Sum(terms);
      r.stated = *total;
      r.stated_exact = total->IsCount();
      r.quote = quote;
      r.anchor = Span{total->begin, total->end};
      r.note = "sum built up with 加上: " + names + " = " + tl + " " + Written(*total);
      out->relations.push_back(r);
    }
  }
}

}  // namespace jixiao
