// ParseFigures: rates stated as formulas and in prose (rate.ratio), units (unit.scale), and the
// calls of the other figure readers. Restated figures are in figures_restated.cc, breakdowns in
// figures_sums.cc, year-over-year changes in figures_changes.cc.
#include "audit/figures.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <optional>

#include "audit/outline.h"
#include "audit/scan.h"
#include "audit/sentences.h"

namespace jixiao {
namespace {

bool Consistent(Agreement a) { return a == Agreement::kConsistent; }
bool Near(Agreement a) { return a == Agreement::kTruncated || a == Agreement::kLastDigit; }

std::optional<Number> At(const std::string& text, Span s) {
  if (s.empty()) return std::nullopt;
  return FigureAt(text, s.begin);
}

// "突破9000亿元", "超过7400亿元", "3000万元左右": a bound or an estimate, no exact figure.
bool Approximate(const std::string& t, const Rules& rules, const Number& n) {
  size_t from = n.begin > 12 ? n.begin - 12 : 0;
  while (from < n.begin && (static_cast<unsigned char>(t[from]) & 0xC0) == 0x80) ++from;
  if (AnyMatch(rules.Get("fig.approx_before"), View(t, Span{from, n.begin}))) return true;
  return AnyMatch(rules.Get("fig.approx_after"), View(t, Span{n.end, std::min(t.size(), n.end + 12)}));
}

// "1000 1000 100%" extracted without its spaces ("10001000100%"): a percent whose whole part has
// more digits than any stated rate is cells run together, not a figure to check.
bool GluedPercent(const Number& n) {
  if (n.unit != Unit::kPercent) return false;
  size_t digits = 0;
  for (char c : n.written) {
    if (c == '.') break;
    digits += c >= '0' && c <= '9';
  }
  return digits > 5;
}

std::string Named(const std::string& text, const Number& n) {
  std::string label = LabelBefore(text, n.begin, 10);
  return (label.empty() ? "" : label + " ") + Written(n);
}

// A stated rate: a percent or a bare number after a rate word ("结转结余率为0").
Relation RateRelation(const Number& rate, Expr computed, Span quote) {
  Relation r;
  r.check = CheckId::kRateRatio;
  r.computed = std::move(computed);
  r.stated = rate;
  if (rate.unit != Unit::kPercent) {
    r.as_percent = true;
    r.stated_exact = rate.scaled == 0;
  }
  r.quote = quote;
  r.anchor = Span{rate.begin, rate.end};
  return r;
}

// A formula's operand is a figure its paragraph states before it ("…=86559961.25 元，结转结余率=
// 1892499.62/86559961.25=2.19%"). An operand that equals no figure there but lies within 1% of
// exactly one of the same precision is that figure copied wrongly, one way or the other
// (figure.restated); an operand with no such neighbour is not a restatement of anything.
void OperandRestated(const Document& doc, Span formula, const Number& operand, Outline* out) {
  const std::string& t = doc.text;
  size_t para = t.rfind('\n', formula.begin);
  para = para == std::string::npos ? 0 : para + 1;
  auto written = [](Number n) {
    n.unit = Unit::kNone;
    return ValueOf(n);
  };
  mpq_class v = written(operand);
  std::optional<Number> near;
  for (const Number& n : FiguresIn(t, Span{para, formula.begin})) {
    if (n.unit == Unit::kPercent || n.measure == "年") continue;
    mpq_class w = written(n);
    if (w == v) return;  // stated as used
    if (n.decimals != operand.decimals || w == 0 || abs(v - w) * 100 > abs(w)) continue;
    if (near && near->scaled != n.scaled) return;  // two candidates: say nothing
    near = n;
  }
  if (!near) return;
  Number first = *near;
  first.unit = Unit::kNone;
  Relation r;
  r.check = CheckId::kFigureRestated;
  r.computed = Expr::Figure(first, first.decimals == 0);
  r.stated = operand;
  r.stated_exact = operand.decimals == 0;
  r.quote = SentenceAround(t, formula);
  r.anchor = Span{operand.begin, operand.end};
  r.more_quotes.push_back(SentenceAround(t, Span{near->begin, near->end}));
  r.note = "the formula uses " + Written(operand) + " for " + LabelBefore(t, near->begin, 12) + " " +
           Written(*near) + " (line " + std::to_string(doc.LineAt(near->begin)) + ")";
  out->relations.push_back(std::move(r));
}

// Formulas written out: "a/b=p%", "(a-b)/b=p%". Marks the rates they state in `used`.
void FormulaRates(const Document& doc, const Rules& rules, Outline* out, std::vector<Span>* used) {
  const std::string& t = doc.text;
  Span all{0, t.size()};
  for (const Match& m : FindAll(rules.One("fig.rate_formula_diff"), t, all)) {
    auto a = At(t, m.Get("a")), b = At(t, m.Get("b")), d = At(t, m.Get("den")),
         p = At(t, m.Get("rate"));
    if (!a || !b || !d || !p) continue;
    Relation r = RateRelation(*p, Expr::Quotient(Expr::Diff(Fig(*a), Fig(*b)), Fig(*d)),
                              SentenceAround(t, m.whole));
    r.note = "formula as written";
    out->relations.push_back(r);
    used->push_back(m.whole);
    for (const Number* x : {&*a, &*b, &*d}) OperandRestated(doc, m.whole, *x, out);
  }
  for (const Match& m : FindAll(rules.One("fig.rate_formula"), t, all)) {
    bool inside = false;
    for (const Span& u : *used) inside |= m.whole.begin < u.end && u.begin < m.whole.end;
    if (inside) continue;
    auto a = At(t, m.Get("num")), d = At(t, m.Get("den")), p = At(t, m.Get("rate"));
    if (!a || !d || !p) continue;
    // "1/2" inside a date or a ratio of words is not a rate: require a percent, a 0, or a rate
    // word in the clause.
    Span clause = ClauseBefore(t, m.whole.begin, 0);
    if (p->unit != Unit::kPercent && p->scaled != 0 &&
        !AnyMatch(rules.Get("fig.rate_context"), View(t, Span{clause.begin, m.whole.begin}))) {
      continue;
    }
    Relation r = RateRelation(*p, Expr::Quotient(Fig(*a), Fig(*d)), SentenceAround(t, m.whole));
    r.note = "formula as written";
    out->relations.push_back(r);
    used->push_back(m.whole);
    for (const Number* x : {&*a, &*d}) OperandRestated(doc, m.whole, *x, out);
  }
}

struct Candidate {
  Expr expr;
  std::string note;
  Agreement agreement;
  mpq_class distance;  // |mid − stated|, to pick the closest when none fits
  size_t a, b;         // where the operands begin: a / b, (a − b) / b, a / (a + b); (a + b) / c
  int form = 0;
};


// The words that name a figure ("执行数" in "执行数950.00万元"), without 为/是/达.
// LabelBefore drops a trailing 共 / 计, which here says the figure is a whole: keep it.
std::string LabelOf(const std::string& t, size_t at) {
  std::string label = LabelBefore(t, at);
  size_t b = at;
  while (b > 0 && t[b - 1] == ' ') --b;
  if (b >= 3 && (t.compare(b - 3, 3, "共") == 0 || t.compare(b - 3, 3, "计") == 0)) label += "共";
  return label;
}

bool ShareBigram(std::string_view a, std::string_view b) { return SharedBigrams(a, b) > 0; }

// Certainty before recall: a rate is checked against its figures only when the words bind them
// to it. The numerator's label shares a word with the rate's stem ("执行数" for 预算执行率, "已完成"
// for 完成率, "按时分配的上级资金" for 按时分配率); the denominator's names a whole (rules
// fig.rate_denominator: 预算, 计划, 共, 编制, …) and does not share the stem, or shares it as the
// whole of it ("计划完成" against "实际完成"). With exactly these two figures of the kind in the
// sentence, a denominator that names a whole and a numerator that does not also bind. The same
// bound pair may be read as a/b, (a − b)/b or a/(a + b); (a + b)/c needs a bound and c whole.
// Anything else is unbound: counted in coverage, never checked.
// The words of one rate that Bound compares its candidates' figures with, read once per rate, and
// each figure's own words, read once per figure (a sentence of n figures has ~3n² candidates).
class RateWords {
 public:
  RateWords(const std::string& t, const Rules& rules, const Number& rate) : t_(t), rules_(rules) {
    base_ = NamedBase(t, rules, rate, 0);
    static const RE2 kTail("(?:率|比例|比重|占比|比率)$");
    stem_ = LabelBefore(t, rate.begin);
    RE2::Replace(&stem_, kTail, "");
  }
  struct Figure {
    std::string label;
    bool whole = false;      // names a whole (fig.rate_denominator), not a compared base
    int stem_shared = 0;     // character pairs shared with the rate's stem
    bool base_named = true;  // is the base the rate's words name ("完成年初预算的…"), if any
  };
  const std::string& base() const { return base_; }
  const Figure& Of(size_t at) {  // the figure that begins at `at`
    auto it = figures_.find(at);
    if (it != figures_.end()) return it->second;
    Figure f;
    f.label = LabelOf(t_, at);
    // A figure compared with a base ("较采购计划节约资金5.51亿元") is a difference: the whole it
    // names is its base, not itself.
    f.whole = AnyMatch(rules_.Get("fig.rate_denominator"), f.label) &&
              !AnyMatch(rules_.Get("fig.compared_label"), f.label);
    f.stem_shared = stem_.empty() ? 0 : SharedBigrams(f.label, stem_);
    if (!base_.empty()) f.base_named = BaseNamed(rules_, base_, f.label);
    return figures_.emplace(at, std::move(f)).first->second;
  }

 private:
  const std::string& t_;
  const Rules& rules_;
  std::string base_, stem_;
  std::map<size_t, Figure> figures_;
};

// Certainty before recall: a rate is checked against its figures only when the words bind them
// to it. The numerator's label shares a word with the rate's stem ("执行数" for 预算执行率, "已完成"
// for 完成率, "按时分配的上级资金" for 按时分配率); the denominator's names a whole (rules
// fig.rate_denominator: 预算, 计划, 共, 编制, …) and does not share the stem, or shares it as the
// whole of it ("计划完成" against "实际完成"). With exactly these two figures of the kind in the
// sentence, a denominator that names a whole and a numerator that does not also bind. The same
// bound pair may be read as a/b, (a − b)/b or a/(a + b); (a + b)/c needs a bound and c whole.
// Anything else is unbound: counted in coverage, never checked.
bool Bound(RateWords& words, const Candidate& c, size_t kind_count) {
  const RateWords::Figure& a = words.Of(c.a);
  const RateWords::Figure& b = words.Of(c.b);
  // "完成年初预算的53.5%": the denominator is the figure named 年初预算, or none.
  if (!words.base().empty() && (c.form == 2 || !b.base_named)) return false;
  int na = a.stem_shared, nb = b.stem_shared;
  bool wa = a.whole, wb = b.whole;
  if (c.form == 3) return na > 0 && !wa && wb;
  if (wb && na > 0 && (nb == 0 || !wa || na > nb)) return true;
  return kind_count == 2 && !a.label.empty() && wb && !wa;
}

// Candidate computations of `rate` from figures of one kind: a/b, (a−b)/b, a/(a+b), (a+b)/c.
std::vector<Candidate> Candidates(const std::string& t, const Number& rate,
                                  const std::vector<Number>& figs) {
  std::vector<Candidate> out;
  // A table flattened into one line can hold hundreds of figures: pairs are tried up to 40
  // figures, sums of two up to 10 (the search is cubic).
  if (figs.size() > 40) return out;
  std::vector<std::string> named;
  for (const Number& n : figs) named.push_back(Named(t, n));
  out.reserve(3 * figs.size() * figs.size() + (figs.size() <= 10 ? figs.size() * figs.size() * figs.size() / 2 : 0));
  const Number* x = nullptr;
  const Number* y = nullptr;
  int form = 0;
  auto add = [&](Expr e, std::string note) {
    Interval v = e.Eval();
    if (!v.defined) return;
    Agreement a = Compare(rate, rate.unit != Unit::kPercent && rate.scaled == 0, v);
    mpq_class d = v.Mid() - ValueOf(rate);
    if (rate.unit != Unit::kPercent && rate.scaled != 0) d = v.Mid() - ValueOf(rate) / 100;
    out.push_back(Candidate{std::move(e), std::move(note), a, abs(d), x->begin, y->begin, form});
  };
  // Plain ratios first, then differences, then shares of a sum: the first that fits is taken.
  for (form = 0; form < 3; ++form) {
    for (size_t i = 0; i < figs.size(); ++i) {
      for (size_t j = 0; j < figs.size(); ++j) {
        if (i == j || !SameKind(figs[i], figs[j])) continue;
        const Number &a = figs[i], &b = figs[j];
        x = &a, y = &b;
        const std::string &na = named[i], &nb = named[j];
        if (form == 0) add(Expr::Quotient(Fig(a), Fig(b)), na + " / " + nb);
        if (form == 1) add(Expr::Quotient(Expr::Diff(Fig(a), Fig(b)), Fig(b)), "(" + na + " − " + nb + ") / " + nb);
        if (form == 2) add(Expr::Quotient(Fig(a), Expr::Sum({Fig(a), Fig(b)})), na + " / (" + na + " + " + nb + ")");
      }
    }
  }
  for (size_t i = 0; i < figs.size() && figs.size() <= 10; ++i) {
    for (size_t j = i + 1; j < figs.size(); ++j) {
      for (size_t k = 0; k < figs.size(); ++k) {
        if (k == i || k == j || !SameKind(figs[i], figs[j]) || !SameKind(figs[i], figs[k])) continue;
        x = &figs[i], y = &figs[k], form = 3;
        add(Expr::Quotient(Expr::Sum({Fig(figs[i]), Fig(figs[j])}), Fig(figs[k])),
            "(" + named[i] + " + " + named[j] + ") / " + named[k]);
      }
    }
  }
  return out;
}

const Candidate* Best(const std::vector<Candidate>& cs, bool near_ok) {
  for (const auto& c : cs) {
    if (Consistent(c.agreement)) return &c;
  }
  if (!near_ok) return nullptr;
  for (const auto& c : cs) {
    if (Near(c.agreement)) return &c;
  }
  return nullptr;
}

// Figures of the kinds a rate can be computed from, from `figs` (in text order), before `limit`:
// the last 128 of them, so that a sentence of thousands of figures costs each rate a bounded scan
// (Candidates gives up beyond 40 of one kind anyway).
std::vector<std::vector<Number>> ByKind(const std::vector<Number>& figs, const Number& rate,
                                        size_t limit) {
  std::vector<std::vector<Number>> groups;
  auto stop = std::lower_bound(figs.begin(), figs.end(), limit,
                               [](const Number& n, size_t at) { return n.begin < at; });
  auto start = stop - std::min<std::ptrdiff_t>(stop - figs.begin(), 128);
  for (auto it = start; it != stop; ++it) {
    const Number& n = *it;
    if (n.begin == rate.begin || n.begin >= limit) continue;
    if (!IsQuantity(n) && n.unit != Unit::kPercent && n.unit != Unit::kPoints) continue;
    bool placed = false;
    for (auto& g : groups) {
      if (SameKind(g.front(), n)) {
        g.push_back(n);
        placed = true;
        break;
      }
    }
    if (!placed) groups.push_back({n});
  }
  return groups;
}

// Prose rates: a rate word and a percent with amounts or counts around it.
void ProseRates(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
                const std::vector<Span>& used, const std::vector<Number>& all_figs, Outline* out) {
  const std::string& t = doc.text;
  std::vector<Span> lines = Lines(t);
  for (size_t si = 0; si < sentences.size(); ++si) {
    const Sentence& s = sentences[si];
    std::vector<Number> rates;
    for (const Number& n : s.figures) {
      if (n.unit == Unit::kPercent) rates.push_back(n);
    }
    for (const Match& m : FindAll(rules.One("fig.rate_bare"), t, s.span)) {
      if (auto n = At(t, m.Get("rate"))) rates.push_back(*n);
    }
    for (const Number& rate : rates) {
      bool inside = false;
      for (const Span& u : used) inside |= rate.begin >= u.begin && rate.begin < u.end;
      if (inside) continue;
      Span clause = ClauseBefore(t, rate.begin, s.span.begin);
      std::string_view before = View(t, clause);
      if (rate.unit == Unit::kPercent) {
        if (!AnyMatch(rules.Get("fig.rate_context"), before)) continue;
        if (AnyMatch(rules.Get("fig.rate_not"), before)) continue;
      }
      // 1. The sentence; 2. the paragraph up to the rate. Only candidates whose figures the words
      // bind to the rate count (Bound); a fitting pair the words do not bind is "unbound".
      bool suspected = false;
      // Some reading of the stated figures gives the rate, though the words do not bind it
      // ("规模32.72亿元，较采购计划节约资金5.51亿元，节约率14.41%" is 5.51 / (32.72 + 5.51)): then no
      // other reading is an error.
      bool unbound_fits = false;
      RateWords words(t, rules, rate);
      auto bound_only = [&](std::vector<Candidate> c, size_t kind_count) {
        std::vector<Candidate> kept;
        for (auto& x : c) {
          if (Bound(words, x, kind_count)) {
            kept.push_back(std::move(x));
          } else {
            suspected = true;
            unbound_fits |= Consistent(x.agreement);
          }
        }
        return kept;
      };
      std::vector<std::vector<Number>> in_sentence = ByKind(s.figures, rate, s.span.end);
      // A figure the rate's own words name as its numerator: only then may a denominator found
      // elsewhere make the reading ambiguous (step 3).
      bool numerator_named = false;
      {
        std::string stem = LabelBefore(t, rate.begin);
        static const RE2 kTail("(?:率|比例|比重|占比|比率)$");
        RE2::Replace(&stem, kTail, "");
        for (const auto& g : in_sentence)
          for (const Number& x : g)
            numerator_named |= IsQuantity(x) && x.begin < rate.begin && !stem.empty() && ShareBigram(LabelOf(t, x.begin), stem);
      }
      const Candidate* found = nullptr;
      std::vector<Candidate> cands;
      Span quote = s.span;
      for (const auto& g : in_sentence) {
        if (g.size() < 2) continue;
        bool exact_kind = g.front().unit == Unit::kPercent || g.front().unit == Unit::kPoints;
        auto c = bound_only(Candidates(t, rate, g), g.size());
        if (Best(c, !exact_kind)) {
          cands = std::move(c);
          found = Best(cands, !exact_kind);
          break;
        }
        if (!exact_kind)
          for (auto& x : c) cands.push_back(std::move(x));
      }
      if (!found && cands.empty()) {
        // The paragraph up to the rate, at most its last 1500 bytes: a paragraph of thousands of
        // rates would otherwise be scanned again for each of them (quadratic).
        size_t from = std::max(lines[s.line].begin, rate.begin > 1500 ? rate.begin - 1500 : 0);
        while (from < rate.begin && (static_cast<unsigned char>(t[from]) & 0xC0) == 0x80) ++from;
        Span para{from, rate.begin};
        std::vector<Number> pf;
        for (const Number& n : FiguresIn(t, para)) {
          if (n.unit != Unit::kNone) pf.push_back(n);
        }
        for (const auto& g : ByKind(pf, rate, rate.begin)) {
          if (g.size() < 2 || !IsQuantity(g.front())) continue;
          auto c = bound_only(Candidates(t, rate, g), g.size());
          if (Best(c, false)) {
            cands = std::move(c);
            found = Best(cands, false);
            quote = Span{std::min(SentenceAround(t, Span{g.front().begin, g.front().end}).begin,
                                  s.span.begin),
                         s.span.end};
            break;
          }
        }
      }
      if (found) {
        Relation r = RateRelation(rate, found->expr, quote);
        r.note = found->note;
        out->relations.push_back(r);
        continue;
      }
      if (cands.empty()) {
        // "无财政拨款结转结余额，结转结余率为0": the numerator is nil by the sentence's words.
        auto stem = FindAll(rules.One("fig.rate_stem"), t, clause);
        if (!stem.empty()) {
          std::string st(View(t, stem.back().Get("stem")));
          bool nil = false;
          // A nil word with the stem soon after it.
          // A nil word in the last 1500 bytes before the clause (a scan of the whole sentence for
          // every rate would be quadratic).
          size_t from = std::max(s.span.begin, clause.begin > 1500 ? clause.begin - 1500 : 0);
          while (from < clause.begin && (static_cast<unsigned char>(t[from]) & 0xC0) == 0x80) ++from;
          for (const Match& w : FindAll(rules.One("fig.nil_word"), t, Span{from, clause.begin})) {
            nil |= View(t, Span{w.whole.end, std::min(w.whole.end + 48, clause.begin)}).find(st) !=
                   std::string_view::npos;
          }
          if (nil) {
            Relation r = RateRelation(rate, Expr::Const(0, "0"), s.span);
            r.as_percent = true;
            r.note = "the sentence says there is no " + st + ", so the rate is 0";
            out->relations.push_back(r);
            continue;
          }
        }
      }
      if (cands.empty() && GluedPercent(rate)) {
        out->unbound += 1;
        continue;
      }
      if (cands.empty() && rate.unit == Unit::kPercent &&
          AnyMatch(rules.Get("fig.share_word"), before)) {
        // No figures to recompute it from: a share still cannot exceed 100%.
        Relation r = RateRelation(rate, Expr::Const(1, "100%"), s.span);
        r.compare = Relation::Compare::kAtLeast;
        r.as_percent = true;
        r.note = "a share cannot exceed 100%; no figures are stated to recompute it";
        out->relations.push_back(r);
        continue;
      }
      // An error needs two figures of one kind before the rate in its own sentence: the usual
      // "a …，b …，率为 p%"; figures after the rate may belong to something else.
      int before_rate = 0;
      for (const auto& g : in_sentence) {
        if (!IsQuantity(g.front())) continue;
        int n = 0;
        for (const Number& x : g) n += x.begin < rate.begin;
        before_rate = std::max(before_rate, n);
      }
      if (!numerator_named || before_rate < 2) {
        out->unbound += suspected;
        continue;
      }
      if (unbound_fits) {
        out->unbound += 1;
        continue;
      }
      // 3. A denominator elsewhere in the document: holds only under another reading.
      std::vector<Number> nums;
      for (const auto& g : in_sentence) {
        if (IsQuantity(g.front())) nums.insert(nums.end(), g.begin(), g.end());
      }
      bool warned = false;
      for (const Number& a : nums) {
        for (const Number& d : all_figs) {
          if (!SameKind(a, d) || (d.begin >= s.span.begin && d.begin < s.span.end)) continue;
          if (d.scaled == 0 || d.scaled == a.scaled) continue;
          Expr e = Expr::Quotient(Fig(a), Fig(d));
          Interval v = e.Eval();
          if (!Consistent(Compare(rate, false, v))) continue;
          // "占全市政府采购规模比例为44.96%" with "全市政府采购规模为32.72亿元" above: the rate names
          // this denominator, so the reading is the rate's own, not an ambiguity.
          std::string base = NamedBase(t, rules, rate, s.span.begin);
          // "完成调整预算的99.7%" with no 调整预算 stated: a figure elsewhere labelled otherwise
          // ("一般债务还本支出38.47亿元") is not the base the rate names, not even ambiguously.
          if (!base.empty() && !BaseNamed(rules, base, LabelOf(t, d.begin))) continue;
          if (!base.empty()) {
            Relation r = RateRelation(rate, e, s.span);
            r.note = Named(t, a) + " / " + Named(t, d) + " (line " + std::to_string(doc.LineAt(d.begin)) +
                     "), the base the rate names";
            out->relations.push_back(r);
            warned = true;
            break;
          }
          Relation r = RateRelation(rate, e, s.span);
          r.note = "no pair of figures in the sentence gives " + Written(rate) +
                   "; holds only if the denominator is " + Named(t, d) + " (line " +
                   std::to_string(doc.LineAt(d.begin)) + ")";
          r.path = PathAt(*out, rate.begin);
          CheckResult c = Evaluate(doc, r);
          c.verdict = Verdict::kWarning;
          c.severity = Severity::kWarning;
          c.arithmetic = c.arithmetic.substr(0, c.arithmetic.find(" ✓")) + " ✗ (ambiguous) ; " + r.note;
          std::string alt;
          for (const auto& x : cands) {
            if (x.note.find(" − ") == std::string::npos && x.note.find(" + ") == std::string::npos) {
              Interval xv = x.expr.Eval();
              alt += "; in the sentence: " + x.expr.Render() + " = " +
                     FormatDecimal(xv.Mid() * 100, 4) + "%";
              break;
            }
          }
          c.arithmetic += alt;
          out->results.push_back(std::move(c));
          warned = true;
          break;
        }
        if (warned) break;
      }
      if (warned) continue;
      if (cands.empty()) {
        out->unbound += suspected;
        continue;
      }
      // 4. Nothing fits: the reading in the sentence whose numerator the rate's words name best
      // ("实际支付资金" for 资金支付率 over "核拨资金", which shares only 资金), the closest of those,
      // an error.
      const Candidate* closest = &cands.front();
      auto named_by = [&](const Candidate& c) { return words.Of(c.a).stem_shared; };
      for (const auto& c : cands) {
        if (c.form != 0) continue;
        if (closest->form != 0 || named_by(c) > named_by(*closest) ||
            (named_by(c) == named_by(*closest) && c.distance < closest->distance)) {
          closest = &c;
        }
      }
      if (closest->form != 0) continue;
      // "突破9000亿元 … 超过7400亿元 … 占比81.8%": bounds, not the rate's exact inputs.
      {
        std::vector<const Number*> used_figs;
        closest->expr.Figures(&used_figs);
        bool approx = false;
        for (const Number* x : used_figs) approx |= Approximate(t, rules, *x);
        if (approx) {
          out->unbound += 1;
          continue;
        }
      }
      Relation r = RateRelation(rate, closest->expr, s.span);
      r.note = closest->note + " (closest reading; no pair of stated figures gives " +
               Written(rate) + ")";
      // "支出 1000 万元，其中项目支出 600 万元，项目支出执行率为 95%": the rate's own
      // denominator may be unstated when the figures are a total and its part.
      size_t first = rate.begin;
      for (const Number& x : nums) first = std::min(first, x.begin);
      if (AnyMatch(rules.Get("fig.rate_unsure"), View(t, Span{first, rate.begin}))) {
        r.severity = Severity::kWarning;
        r.note += "; the figures may not be this rate's inputs";
      }
      out->relations.push_back(r);
    }
  }
}

// unit.scale: an amount in 元 that is an amount in 万元 elsewhere; the same digits in 元 and 万元.
void UnitScale(const Document& doc, const std::vector<Number>& figs, Outline* out) {
  const std::string& t = doc.text;
  std::vector<const Number*> yuan, wan;
  // Large bare figures in formulas ("(82800287.6-82800287.6)/82800287.6") are amounts in 元.
  std::vector<Number> bare;
  for (const Number& n : FiguresIn(t, Span{0, t.size()})) {
    if (n.unit == Unit::kNone && n.measure.empty() && n.decimals > 0 && ValueOf(n) >= 1000000) {
      bare.push_back(n);
    }
  }
  for (const Number& n : bare) yuan.push_back(&n);
  for (const Number& n : figs) {
    if (n.unit == Unit::kYuan && n.scaled != 0) yuan.push_back(&n);
    if (n.unit == Unit::kWanYuan && n.scaled != 0) wan.push_back(&n);
  }
  std::vector<std::pair<int64_t, int>> seen;
  for (const Number* y : yuan) {
    // 82800287.6 元 = 8280.0288 万元: compare with 万元 figures written with ≥ 2 decimals.
    // A unit slip: the same digits written with 元 here and 万元 there.
    for (const Number* w : wan) {
      if (y->unit != Unit::kYuan) break;
      if (w->decimals < 2 || w->scaled != y->scaled || w->decimals != y->decimals) continue;
      CheckResult c = MakeResult(doc, CheckId::kUnitScale, SentenceAround(t, Span{y->begin, y->end}),
                                 Span{y->begin, y->end});
      c.path = PathAt(*out, y->begin);
      c.verdict = Verdict::kFail;
      c.severity = Severity::kError;
      c.stated = Written(*y);
      c.recomputed = Written(*w);
      c.arithmetic = "the same digits " + y->Plain() + " are written in 元 (line " +
                     std::to_string(doc.LineAt(y->begin)) + ") and in 万元 (line " +
                     std::to_string(doc.LineAt(w->begin)) + "): a factor of 10000 apart";
      out->results.push_back(std::move(c));
      break;
    }
    mpq_class wv = ValueOf(*y) / 10000;
    if (wv < 1) continue;
    bool again = false;
    for (const auto& [v, d] : seen) again |= v == y->scaled && d == y->decimals;
    if (again) continue;
    seen.emplace_back(y->scaled, y->decimals);
    for (const Number* w : wan) {
      if (w->decimals < 2) continue;
      Expr e = Expr::Quotient(Fig(*y), Expr::Const(10000, "10000"));
      if (!Consistent(Compare(*w, false, e.Eval()))) continue;
      Relation r;
      r.check = CheckId::kUnitScale;
      r.computed = e;
      r.stated = *w;
      r.quote = SentenceAround(t, Span{y->begin, y->end});
      r.anchor = Span{y->begin, y->end};
      r.note = Named(t, *y) + " (line " + std::to_string(doc.LineAt(y->begin)) + ") = " +
               Named(t, *w) + " (line " + std::to_string(doc.LineAt(w->begin)) + ")";
      out->relations.push_back(r);
      break;
    }
  }
}

}  // namespace

std::vector<std::string> PathAt(const Outline& outline, size_t offset) {
  int best = -1;
  for (size_t i = 0; i < outline.indicators.size(); ++i) {
    const Indicator& ind = outline.indicators[i];
    size_t end = std::max(ind.body.end, ind.heading.end);
    if (ind.heading.empty() || offset < ind.heading.begin || offset >= end) continue;
    if (best < 0 || ind.level >= outline.indicators[static_cast<size_t>(best)].level) {
      best = static_cast<int>(i);
    }
  }
  return best < 0 ? std::vector<std::string>{} : outline.PathOf(best);
}

void AssignPaths(Outline* out, size_t from) {
  for (size_t i = from; i < out->relations.size(); ++i) {
    Relation& r = out->relations[i];
    if (r.path.empty()) r.path = PathAt(*out, r.anchor.empty() ? r.quote.begin : r.anchor.begin);
  }
}

void ParseFigures(const Document& doc, const Rules& rules, Outline* out) {
  RestatedIe(doc, rules, out);
  size_t first_relation = out->relations.size();
  std::vector<Sentence> sentences = SplitSentences(doc.text);
  std::vector<Number> figs;
  for (const Sentence& s : sentences) figs.insert(figs.end(), s.figures.begin(), s.figures.end());
  std::vector<Span> used;
  FormulaRates(doc, rules, out, &used);
  ProseRates(doc, rules, sentences, used, figs, out);
  ParseSums(doc, rules, sentences, out);
  AddedTotals(doc, rules, sentences, out);
  GroupedSplits(doc, rules, sentences, figs, out);
  NamedShares(doc, rules, sentences, used, figs, out);
  ParseLists(doc, rules, sentences, out);
  ParseChanges(doc, rules, sentences, out);
  YearLevels(doc, rules, sentences, out);
  PointChanges(doc, rules, sentences, out);
  ScopePartitions(doc, rules, sentences, out);
  ParagraphStatements(doc, rules, out);
  UnitScale(doc, figs, out);
  Restated(doc, rules, sentences, out);
  ParseAccounts(doc, rules, sentences, out);
  NilRestated(doc, rules, sentences, out);
  TableCitations(doc, rules, sentences, out);
  AssignPaths(out, first_relation);
}

std::string NamedBase(const std::string& t, const Rules& rules, const Number& rate, size_t floor) {
  Span clause = ClauseBefore(t, rate.begin, floor);
  for (const re2::RE2* re : rules.Get("fig.rate_named_base")) {
    auto found = FindAll(*re, t, clause);
    if (found.empty() || !found.back().Has("base")) continue;
    std::string out;
    for (char c : View(t, found.back().Get("base"))) {
      if (c != ' ') out += c;
    }
    return out;
  }
  return "";
}

bool BaseNamed(const Rules& rules, const std::string& base, const std::string& label) {
  std::string core = base;
  for (const re2::RE2* re : rules.Get("fig.base_generic")) RE2::GlobalReplace(&core, *re, "");
  std::vector<std::string> pairs = Bigrams(core);
  if (pairs.empty()) return true;  // "占总数的": any whole
  int shared = SharedBigrams(label, core);
  return shared * 3 >= static_cast<int>(pairs.size()) * 2;
}

}  // namespace jixiao
