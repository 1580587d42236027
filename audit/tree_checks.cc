// Checks that follow from the indicator tree: children sums (score.children_sum, .children_max),
// the total (score.total), restatements (score.restated), ranges (score.range), the grade
// (score.grade) and scores that follow from a stated rate (score.from_rate).
#include <re2/re2.h>

#include <algorithm>

#include "audit/outline.h"
#include "audit/scan.h"

namespace jixiao {

namespace {

std::string JoinNames(const Outline& o, const std::vector<int>& idx) {
  std::string s;
  for (size_t i = 0; i < idx.size(); ++i) {
    s += (i ? "、" : "") + o.indicators[static_cast<size_t>(idx[i])].name;
  }
  return s;
}

Span Cover(Span a, Span b) { return Span{std::min(a.begin, b.begin), std::max(a.end, b.end)}; }

class TreeCheck {
 public:
  TreeCheck(const Document& doc, const Rules* rules, const Outline& o,
            std::vector<Relation>* rel, std::vector<CheckResult>* res)
      : doc_(doc), rules_(rules), o_(o), rel_(rel), res_(res) {}

  void Run() {
    for (size_t i = 0; i < o_.indicators.size(); ++i) {
      if (o_.indicators[i].form) continue;  // a form's rows: ReadForms checks them
      Children(static_cast<int>(i));
      Items(static_cast<int>(i));
      Restated(static_cast<int>(i));
      Range(static_cast<int>(i));
      if (rules_ != nullptr) FromRate(static_cast<int>(i));
    }
    Total();
    Grade();
  }

 private:
  const Indicator& At(int i) const { return o_.indicators[static_cast<size_t>(i)]; }

  // r->computed = the sum of the indicators' max points (or scores), exact; each statement is
  // quoted too, since any of them may be the wrong figure. False if one is not stated.
  bool SumOf(const std::vector<int>& indices, bool max, Relation* r) const {
    std::vector<Expr> terms;
    for (int k : indices) {
      const auto& v = max ? At(k).max : At(k).score;
      if (!v) return false;
      terms.push_back(Expr::Figure(v->value, true));
      r->more_quotes.push_back(v->context);
    }
    r->computed = Expr::Sum(std::move(terms));
    return true;
  }

  void Children(int i) {
    const Indicator& p = At(i);
    if (p.children.empty() || p.incomplete) return;
    for (bool max : {false, true}) {
      const auto& parent = max ? p.max : p.score;
      if (!parent) continue;
      Relation r;
      if (!SumOf(p.children, max, &r)) {
        if (!max) Descendants(i);
        continue;
      }
      r.check = max ? CheckId::kScoreChildrenMax : CheckId::kScoreChildrenSum;
      r.stated = parent->value;
      r.stated_exact = true;
      r.path = o_.PathOf(i);
      r.quote = p.heading;
      r.anchor = parent->at;
      r.note = std::string(max ? "分值 of " : "self-scores of ") + JoinNames(o_, p.children) +
               " → " + p.name + (max ? " 分值 " : " 自评得 ") + Written(parent->value);
      if (p.bonus && !max) r.compare = Relation::Compare::kAtLeast;
      rel_->push_back(std::move(r));
    }
  }

  // The nearest scored indicators under `k`: `k` itself if its score is stated, else those under
  // each of its children. False if a leaf on the way has no score, or a level may be partial.
  bool Scored(int k, std::vector<int>* out) const {
    const Indicator& n = At(k);
    if (n.score) {
      out->push_back(k);
      return true;
    }
    if (n.children.empty() || n.incomplete) return false;
    for (int c : n.children) {
      if (!Scored(c, out)) return false;
    }
    return true;
  }

  // "投入得分13.10分" over 目标设定 and 预算配置, which state only their 分值, and their leaves' scores
  // 4.00 + 3.00 + 4.00 + 2.10 + 0.00: a parent's score is the sum of the nearest scores under it
  // when a level between states none. Quoted where the parent's score is stated.
  void Descendants(int i) {
    const Indicator& p = At(i);
    std::vector<int> held;
    for (int c : p.children) {
      if (!Scored(c, &held)) return;
    }
    bool deeper = false;
    for (int k : held) deeper |= std::find(p.children.begin(), p.children.end(), k) == p.children.end();
    Relation r;
    if (!deeper || !SumOf(held, false, &r)) return;
    r.check = CheckId::kScoreChildrenSum;
    r.stated = p.score->value;
    r.stated_exact = true;
    r.path = o_.PathOf(i);
    r.quote = p.score->context;
    r.more_quotes.push_back(p.heading);
    r.anchor = p.score->at;
    r.note = "self-scores of " + JoinNames(o_, held) + " (the levels between state none) → " + p.name +
             " 自评得 " + Written(p.score->value);
    if (p.bonus) r.compare = Relation::Compare::kAtLeast;
    rel_->push_back(std::move(r));
  }

  // Sub-item points ("一是…自评得 1 分；二是…自评得 1 分") add up to the indicator's score.
  void Items(int i) {
    const Indicator& p = At(i);
    if (p.items.empty() || !p.score) return;
    std::vector<Expr> terms;
    std::string parts;
    Span quote = p.items.front().context;
    for (const auto& it : p.items) {
      terms.push_back(Expr::Figure(it.value, true));
      quote = Cover(quote, it.context);
    }
    Relation r;
    r.check = CheckId::kScoreChildrenSum;
    r.computed = Expr::Sum(std::move(terms));
    r.stated = p.score->value;
    r.stated_exact = true;
    r.path = o_.PathOf(i);
    r.quote = quote.end - quote.begin < 1200 ? quote : p.items.back().context;
    r.anchor = p.score->at;
    r.note = "points of the " + std::to_string(p.items.size()) + " sub-items → " + p.name +
             " 自评得 " + Written(p.score->value);
    rel_->push_back(std::move(r));
  }

  bool ItemsSumTo(const Indicator& p, const Number& n) const {
    if (p.items.size() < 2) return false;
    std::vector<Expr> terms;
    for (const auto& it : p.items) terms.push_back(Expr::Figure(it.value, true));
    Interval s = Expr::Sum(std::move(terms)).Eval();
    return s.Contains(ValueOf(n));
  }

  void Restated(int i) {
    const Indicator& p = At(i);
    for (bool max : {false, true}) {
      const auto& first = max ? p.max : p.score;
      const auto& more = max ? p.more_max : p.more_score;
      if (!first) continue;
      for (const auto& s : more) {
        CheckResult c = MakeResult(doc_, CheckId::kScoreRestated, s.context, s.at);
        c.path = o_.PathOf(i);
        c.stated = Written(first->value);
        c.recomputed = Written(s.value);
        bool same = ValueOf(first->value) == ValueOf(s.value);
        std::string what = max ? "分值" : "自评得分";
        c.arithmetic = first->source + " states " + what + " " + Written(first->value) + " (line " +
                       std::to_string(doc_.LineAt(first->at.begin)) + "); " + s.source +
                       " states " + Written(s.value) + " (line " +
                       std::to_string(doc_.LineAt(s.at.begin)) + ")" + (same ? " ✓" : " ✗");
        if (same) {
          c.verdict = Verdict::kPass;
        } else if (!max && ItemsSumTo(p, first->value)) {
          // "二是…，故此项指标自评得 1 分": the closing clause may be the last item's points.
          c.verdict = Verdict::kWarning;
          c.severity = Severity::kWarning;
          c.arithmetic += "; the sub-items add up to the " + first->source +
                          "'s figure, so the closing clause may be the last item's points";
        } else {
          c.verdict = Verdict::kFail;
          c.severity = Severity::kError;
        }
        res_->push_back(std::move(c));
      }
    }
  }

  void Range(int i) {
    const Indicator& p = At(i);
    if (!p.max) return;
    std::vector<const Stated*> scores;
    if (p.score) scores.push_back(&*p.score);
    for (const auto& s : p.more_score) scores.push_back(&s);
    for (const Stated* s : scores) {
      bool bad = ValueOf(s->value) > ValueOf(p.max->value) || ValueOf(s->value) < 0;
      if (!bad && s != scores.front()) continue;  // one passing record per indicator
      CheckResult c = MakeResult(doc_, CheckId::kScoreRange, s->context, s->at);
      c.path = o_.PathOf(i);
      c.stated = Written(s->value);
      c.recomputed = "0 ≤ score ≤ " + Written(p.max->value);
      c.arithmetic = "0 ≤ " + s->value.written + " ≤ " + p.max->value.written +
                     (bad ? " ✗ (" + s->source + " score outside 分值)" : " ✓");
      c.verdict = bad ? Verdict::kFail : Verdict::kPass;
      c.severity = bad ? Severity::kError : Severity::kInfo;
      res_->push_back(std::move(c));
    }
  }

  void Total() {
    if (!o_.total || o_.total->form) return;
    // A score stated outside the first-level indicators went unread: the sum may miss it.
    if (o_.top_incomplete) return;
    std::vector<int> top;
    for (size_t i = 0; i < o_.indicators.size(); ++i) {
      if (o_.indicators[i].parent < 0 && !o_.indicators[i].form) top.push_back(static_cast<int>(i));
    }
    if (top.empty()) return;
    for (bool max : {false, true}) {
      const auto& stated = max ? o_.total->max : o_.total->score;
      if (!stated) continue;
      Relation r;
      if (!SumOf(top, max, &r)) continue;
      r.check = CheckId::kScoreTotal;
      r.stated = stated->value;
      r.stated_exact = true;
      r.quote = stated->context;
      r.anchor = stated->at;
      r.note = std::string(max ? "分值" : "self-scores") + " of the first level (" +
               JoinNames(o_, top) + ") → total " + Written(stated->value);
      rel_->push_back(std::move(r));
    }
  }

  static std::string Canonical(const std::string& g) {
    if (g == "优秀" || g == "优") return "优";
    if (g == "良好" || g == "良") return "良";
    if (g == "中等" || g == "中" || g == "合格") return "中";
    return "差";
  }

  void Grade() {
    if (!o_.total || o_.total->form || o_.total->grade.empty() || !o_.total->score) return;
    mpq_class score = ValueOf(o_.total->score->value);
    std::string expected;
    std::string rule;
    if (!o_.bands.empty()) {
      auto bands = o_.bands;
      std::sort(bands.begin(), bands.end(), [](const auto& a, const auto& b) {
        return ValueOf(a.first) > ValueOf(b.first);
      });
      for (const auto& [lo, g] : bands) {
        rule += (rule.empty() ? "" : ", ") + Canonical(g) + " ≥ " + lo.written;
        if (expected.empty() && score >= ValueOf(lo)) expected = Canonical(g);
      }
      if (expected.empty()) expected = "差";
      rule = "bands stated in the report: " + rule;
    } else {
      expected = score >= 90 ? "优" : score >= 80 ? "良" : score >= 60 ? "中" : "差";
      rule = "usual bands: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below";
    }
    Span grade_at = o_.total->grade_at;
    CheckResult c = MakeResult(doc_, CheckId::kScoreGrade,
                               Cover(o_.total->where, SentenceAround(doc_.text, grade_at)),
                               grade_at);
    c.stated = o_.total->grade;
    c.recomputed = expected;
    bool ok = Canonical(o_.total->grade) == expected;
    c.arithmetic = "score " + Written(o_.total->score->value) + " → " + expected + " (" + rule +
                   ") → stated " + o_.total->grade + (ok ? " ✓" : " ✗");
    c.verdict = ok ? Verdict::kPass : Verdict::kFail;
    c.severity = ok ? Severity::kInfo : Severity::kError;
    res_->push_back(std::move(c));
  }

  // score.from_rate: proportional (score = 分值 × rate), a threshold, or deductions.
  void FromRate(int i) {
    const Indicator& p = At(i);
    if (!p.max || !p.score || p.body.empty() || !p.children.empty()) return;
    const Stated& score = p.more_score.empty() ? *p.score : p.more_score.back();
    Span search{p.body.begin, std::max(p.body.begin, std::min(p.body.end, score.at.begin))};
    if (score.source == "heading") search = p.body;
    // Deductions.
    std::vector<Expr> deductions;
    Span ded_quote{};
    for (const auto& m : FindAll(rules_->One("score.deduction"), doc_.text, search)) {
      if (auto n = FigureAt(doc_.text, m.Get("points").begin)) {
        deductions.push_back(Expr::Figure(*n, true));
        ded_quote = ded_quote.empty() ? SentenceAround(doc_.text, m.whole)
                                      : Cover(ded_quote, SentenceAround(doc_.text, m.whole));
      }
    }
    if (!deductions.empty()) {
      Relation r;
      r.check = CheckId::kScoreFromRate;
      r.computed = Expr::Diff(Expr::Figure(p.max->value, true), Expr::Sum(std::move(deductions)));
      r.stated = score.value;
      r.stated_exact = true;
      r.path = o_.PathOf(i);
      r.quote = Cover(ded_quote, score.context);
      r.anchor = score.at;
      r.note = "分值 " + Written(p.max->value) + " less the deductions stated";
      rel_->push_back(std::move(r));
      return;
    }
    // The rate: one named like the indicator, else the last one before the score.
    Comparisons(i, search);
    std::optional<Match> rate;
    bool named_found = false;
    for (const re2::RE2* re : rules_->Get("score.rate")) {
      for (const auto& m : FindAll(*re, doc_.text, search)) {
        std::string name(View(doc_.text, m.Get("name")));
        bool named = name.size() > 3 && (p.name.find(name) != std::string::npos ||
                                         name.find(p.name) != std::string::npos);
        if (named_found && !named) continue;
        if (!rate || named || m.whole.begin > rate->whole.begin) rate = m;
        named_found = named_found || named;
      }
    }
    if (!rate) return;
    auto pct = FigureAt(doc_.text, rate->Get("pct").begin);
    if (pct && pct->unit != Unit::kPercent && pct->scaled == 0) {
      pct->unit = Unit::kPercent;  // "控制率=0"
      pct->measure = "%";
    }
    if (!pct || pct->unit != Unit::kPercent) return;
    std::string rate_name(View(doc_.text, rate->Get("name")));
    Span rate_sentence = SentenceAround(doc_.text, rate->whole);
    Span quote = score.at.begin >= rate_sentence.begin && score.at.end - rate_sentence.begin < 900
                     ? Cover(rate_sentence, score.context)
                     : rate_sentence;
    bool full = ValueOf(score.value) == ValueOf(p.max->value);
    bool lower_better = RE2::PartialMatch(rate_name, rules_->One("score.rate_lower_better"));
    Span after{rate->Get("pct").end, std::min(rate_sentence.end, rate->Get("pct").end + 24)};
    bool threshold = !FindAll(rules_->One("score.threshold"), doc_.text, after).empty();
    Relation r;
    r.check = CheckId::kScoreFromRate;
    r.computed = Expr::Product(Expr::Figure(p.max->value, true), Expr::Figure(*pct));
    r.stated = score.value;
    r.path = o_.PathOf(i);
    r.quote = quote;
    r.anchor = score.at;
    r.note = "分值 " + Written(p.max->value) + " × " + rate_name + " " + Written(*pct);
    Interval prop = r.computed.Eval();
    bool prop_ok = Compare(score.value, false, prop) == Agreement::kConsistent;
    if (prop_ok && !lower_better) {
      rel_->push_back(std::move(r));
      return;
    }
    // A rate above 100% ("完成率124%，得分17分"): 分值 × rate exceeds the 分值, so the rule is not the plain
    // proportional one. Full marks fit it capped at the 分值; another score follows a rule the report
    // does not state, and is not checked.
    if (!lower_better && ValueOf(*pct) > 1) {
      if (!full) return;
      CheckResult c = MakeResult(doc_, CheckId::kScoreFromRate, quote, score.at);
      c.path = r.path;
      c.stated = Written(score.value);
      c.recomputed = Written(p.max->value);
      c.arithmetic = rate_name + " " + Written(*pct) + " ≥ 100% → full marks " + Written(p.max->value) +
                     " = stated " + Written(score.value) + " ✓";
      c.verdict = Verdict::kPass;
      res_->push_back(std::move(c));
      return;
    }
    if (full && (lower_better || threshold)) {
      CheckResult c = MakeResult(doc_, CheckId::kScoreFromRate, quote, score.at);
      c.path = r.path;
      c.stated = Written(score.value);
      c.recomputed = Written(p.max->value);
      c.arithmetic = rate_name + " " + Written(*pct) +
                     (lower_better ? " (lower is better)" : " meets the stated threshold") +
                     " → full marks " + Written(p.max->value) + " = stated " +
                     Written(score.value) + " ✓";
      c.verdict = Verdict::kPass;
      res_->push_back(std::move(c));
      return;
    }
    if (lower_better) return;  // no rule we can recompute
    if (full) {
      // Full marks although 分值 × rate is less: a threshold rule the report does not state.
      r.severity = Severity::kWarning;
      r.note += "; full marks although the proportional rule gives less, and no threshold is stated";
    } else if (FindAll(rules_->One("score.rule_proportional"), doc_.text, Cover(p.heading, p.body))
                   .empty()) {
      // The report writes no rule: 分值 × rate is an assumption, and a threshold or deductions it
      // does not write down would give another score. Only a warning.
      r.severity = Severity::kWarning;
      r.note += "; the report states no scoring rule: proportional assumed";
    }
    rel_->push_back(std::move(r));
  }

  // "实际支出 118966.46 元<预算安排的三公经费 37 万元,自评得 2 分": the comparison that earns the
  // points must hold.
  void Comparisons(int i, Span body) {
    for (const auto& m : FindAll(rules_->One("score.compare"), doc_.text, body)) {
      auto a = FigureAt(doc_.text, m.Get("a").begin);
      auto b = FigureAt(doc_.text, m.Get("b").begin);
      if (!a || !b) continue;
      std::string op(View(doc_.text, m.Get("op")));
      auto yuan = [](const Number& n) {
        mpq_class v = ValueOf(n);
        if (n.unit == Unit::kWanYuan) v *= 10000;
        if (n.unit == Unit::kYiYuan) v *= 100000000;
        return v;
      };
      mpq_class va = yuan(*a), vb = yuan(*b);
      bool holds = op == "<" || op == "小于" || op == "低于" ? va < vb
                   : op == ">"                              ? va > vb
                   : op == "=" || op == "等于"               ? va == vb
                   : op == "≥"                              ? va >= vb
                                                            : va <= vb;
      Span clause = SentenceAround(doc_.text, m.whole);
      CheckResult c = MakeResult(doc_, CheckId::kScoreFromRate, clause, Span{a->begin, a->end});
      c.path = o_.PathOf(i);
      c.stated = Written(*a) + " " + op + " " + Written(*b);
      c.recomputed = FormatDecimal(va, 2) + " 元 vs " + FormatDecimal(vb, 2) + " 元";
      c.arithmetic = a->Plain() + a->measure + " " + op + " " + b->Plain() + b->measure + " → " +
                     c.recomputed + (holds ? " ✓ (the rule that earns the points holds)"
                                           : " ✗ (the stated comparison is false)");
      c.verdict = holds ? Verdict::kPass : Verdict::kFail;
      c.severity = holds ? Severity::kInfo : Severity::kError;
      res_->push_back(std::move(c));
    }
  }

  const Document& doc_;
  const Rules* rules_;
  const Outline& o_;
  std::vector<Relation>* rel_;
  std::vector<CheckResult>* res_;
};

}  // namespace

void TreeChecks(const Document& doc, const Rules& rules, const Outline& outline,
                std::vector<Relation>* relations, std::vector<CheckResult>* results) {
  TreeCheck(doc, &rules, outline, relations, results).Run();
}

}  // namespace jixiao
