// CheckForm: the consistency checks on one form (../shared/docs/forms.md), under the report's
// check ids: the funds block's (forms_funds.cc), a row's 得分 from its rule (score.from_rate),
// 得分系数 × 权重 = 得分 (table.row), 0 ≤ 得分 ≤ 分值 (score.range), Σ 分值 under an 一级
// (score.children_max), 总分 (score.total), grade (score.grade), missing reasons
// (score.reason_missing), the conclusion against the rows (claim.contradiction); what cannot be
// read is parse.unread. Every finding names the rule set it assumed.
#include <re2/re2.h>

#include <algorithm>

#include "audit/forms.h"
#include "audit/scan.h"

namespace jixiao::forms {

// A rate cell as a fraction-valued Number: "98.75%" as is; "98.75" (no %) is a percentage;
// "0.9875" (≤ 1 with decimals) a fraction.
Number AsRate(const Number& n, bool* percent_shown) {
  Number r = n;
  *percent_shown = false;
  if (n.unit == Unit::kPercent) return r;
  mpq_class v = ValueOf(n);
  if (v <= 1 && n.decimals >= 2 && v != 0) return r;
  r.unit = Unit::kPercent;
  r.measure = "%";
  *percent_shown = true;
  return r;
}

// At most `bytes` bytes of `s`, cut at a character boundary (never inside a UTF-8 sequence).
std::string Prefix(std::string_view s, size_t bytes) {
  if (s.size() <= bytes) return std::string(s);
  size_t e = bytes;
  while (e > 0 && (static_cast<unsigned char>(s[e]) & 0xC0) == 0x80) --e;
  return std::string(s.substr(0, e));
}

CheckResult FormResult(const Document& doc, CheckId id, Span quote, Span anchor, const std::vector<std::string>& path) {
  CheckResult c = MakeResult(doc, id, quote, anchor);
  c.path = path;
  return c;
}

void SetVerdict(CheckResult* c, bool ok, Severity bad) {
  c->verdict = ok ? Verdict::kPass : (bad == Severity::kError ? Verdict::kFail : Verdict::kWarning);
  c->severity = ok ? Severity::kInfo : bad;
}

void CheckRange(const Document& doc, Span quote, const Fig& max, const Fig& score, const std::vector<std::string>& path,
                Outline* out) {
  mpq_class s = ValueOf(score.value), m = ValueOf(max.value);
  bool ok = s >= 0 && s <= m;
  CheckResult c = FormResult(doc, CheckId::kScoreRange, quote, score.at, path);
  c.stated = Written(score.value);
  c.recomputed = "0 ≤ score ≤ " + Written(max.value);
  c.arithmetic = "0 ≤ " + score.value.written + " ≤ " + max.value.written + (ok ? " ✓" : " ✗ (得分 outside 分值)");
  SetVerdict(&c, ok, Severity::kError);
  out->results.push_back(std::move(c));
}

const FundsRow* FundsTotal(const Form& f) {
  for (const FundsRow& r : f.funds)
    if (r.total) return &r;
  return nullptr;
}

namespace {

Span Cover(Span a, Span b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return Span{std::min(a.begin, b.begin), std::max(a.end, b.end)};
}

bool SameUnit(const Number& a, const Number& b) {
  // A bare figure takes the other's unit ("12" for "≥12个"), except a percentage.
  if (a.unit == Unit::kNone || b.unit == Unit::kNone)
    return a.unit == b.unit || (a.unit != Unit::kPercent && b.unit != Unit::kPercent);
  if (a.unit != b.unit) return false;
  return a.unit != Unit::kCount || a.measure == b.measure;
}

class Checker {
 public:
  Checker(const Document& doc, const Rules& rules, const RuleSet& set, const Form& f, Outline* out)
      : doc_(doc), rules_(rules), set_(set), f_(f), out_(out) {}

  void Run() {
    CheckFunds(doc_, rules_, set_, f_, out_);
    bool scored = std::any_of(f_.rows.begin(), f_.rows.end(), [](const IndicatorLine& l) { return l.score.has_value(); });
    bool maxed = std::any_of(f_.rows.begin(), f_.rows.end(), [](const IndicatorLine& l) { return l.max.has_value(); });
    for (const IndicatorLine& l : f_.rows) Row(l);
    Groups();
    Total();
    LevelOneMaxima();
    Grade();
    Claims();
    Coverage(scored, maxed);
    FormIndicators(f_, out_);
  }

 private:
  std::string RuleNote() const { return "rule set: " + set_.title; }

  void Push(CheckResult c) { out_->results.push_back(std::move(c)); }

  CheckResult Result(CheckId id, Span quote, Span anchor, const std::vector<std::string>& path) {
    return FormResult(doc_, id, quote, anchor, path);
  }

  static void Verdict(CheckResult* c, bool ok, Severity bad) { SetVerdict(c, ok, bad); }

  // ---- indicator rows ----
  std::vector<std::string> PathOf(const IndicatorLine& l) const {
    std::vector<std::string> p;
    for (const std::string* s : {&l.l1, &l.l2, &l.l3})
      if (!s->empty() && (p.empty() || p.back() != *s)) p.push_back(*s);
    return p;
  }

  void Row(const IndicatorLine& l) {
    auto path = PathOf(l);
    if (l.max && l.score) CheckRange(doc_, l.row, *l.max, *l.score, path, out_);
    if (l.coef && l.max && l.score) {
      bool bare = false;
      Relation r;
      r.check = CheckId::kTableRow;
      r.computed = Expr::Product(Expr::Figure(AsRate(l.coef->value, &bare)), Expr::Figure(l.max->value, true));
      r.stated = l.score->value;
      r.quote = l.row;
      r.anchor = l.score->at;
      r.path = path;
      r.note = "指标得分 = 得分系数 × 指标权重";
      out_->relations.push_back(std::move(r));
      FromRule(l, path, true);  // the coefficient itself against the row's rule
    } else if (l.max && l.score && !ExecutionRow(l, path)) {
      FromRule(l, path, false);
    }
    if (set_.reason_below_weight && l.has_reason_column && l.max && l.score && !l.reason &&
        ValueOf(l.score->value) < ValueOf(l.max->value)) {
      CheckResult c = Result(CheckId::kScoreReasonMissing, l.row, l.score->at, path);
      c.stated = Written(l.score->value);
      c.recomputed = "a reason";
      c.arithmetic = "得分 " + l.score->value.written + " < 分值 " + l.max->value.written +
                     " and the 偏差原因 cell is empty; " + RuleNote();
      Verdict(&c, false, Severity::kWarning);
      Push(std::move(c));
    }
  }

  enum class Met { kUnknown, kMet, kPartly, kNot };

  Met Qualitative(const std::string& actual) const {
    if (actual.empty()) return Met::kUnknown;
    if (RE2::PartialMatch(actual, rules_.One("forms.qual.not_met"))) return Met::kNot;
    if (RE2::PartialMatch(actual, rules_.One("forms.qual.partly"))) return Met::kPartly;
    if (RE2::PartialMatch(actual, rules_.One("forms.qual.met"))) return Met::kMet;
    return Met::kUnknown;
  }

  // Whether a numeric target is met; kUnknown when the row cannot say.
  Met Numeric(const IndicatorLine& l, Nature n) const {
    if (!l.target || !l.actual || !SameUnit(l.target->value, l.actual->value)) return Met::kUnknown;
    mpq_class t = ValueOf(l.target->value), a = ValueOf(l.actual->value);
    if (n == Nature::kAtMost) return a <= t ? Met::kMet : Met::kNot;
    if (n == Nature::kAtLeast || n == Nature::kEqual) return a >= t ? Met::kMet : Met::kNot;
    return Met::kUnknown;
  }

  // An 执行率 row among the indicators (the older framework's 预算执行率 under 过程): no target, the
  // rate as its actual; 得分 = min(执行率, 100%) × 分值 under the rule set's execution rule.
  bool ExecutionRow(const IndicatorLine& l, const std::vector<std::string>& path) {
    if (set_.execution != "proportional" || !l.actual || l.actual->value.unit != Unit::kPercent) return false;
    if (l.target || !RE2::FullMatch(l.l3, rules_.One("forms.row.execution_rate"))) return false;
    mpq_class a = ValueOf(l.actual->value);
    bool capped = a >= 1;
    Relation r;
    r.check = CheckId::kScoreFromRate;
    r.computed = capped ? Expr::Figure(l.max->value, true)
                        : Expr::Product(Expr::Figure(l.max->value, true), Expr::Figure(l.actual->value));
    r.stated = l.score->value;
    r.stated_exact = true;
    r.quote = l.row;
    r.anchor = l.score->at;
    r.path = path;
    r.severity = f_.rate_rule_printed ? Severity::kError : Severity::kWarning;
    r.note = "得分 = min(执行率, 100%) × 分值 (" + l.l3 + " " + Written(l.actual->value) +
             (capped ? ", capped at 100%" : "") + "); " + RuleNote() +
             (f_.rate_rule_printed ? ", as printed on the form" : ", assumed: the form prints no rule");
    out_->relations.push_back(std::move(r));
    return true;
  }

  // A qualitative or written target the actual repeats word for word ("2021年12月完成" /
  // "2021年12月完成", "高" / "高"): the target is met as stated.
  static bool SameText(const IndicatorLine& l) {
    const std::string& t = l.target_text;
    if (t.empty() || t != l.actual_text) return false;
    return t != "-" && t != "—" && t != "/" && t != "——" && t != "--" && t != "无";
  }

  // The row's 得分 (or, with `coef`, its 得分系数) against the rule its target and actual imply.
  void FromRule(const IndicatorLine& l, const std::vector<std::string>& path, bool coef) {
    Nature n = l.nature;
    bool assumed = !l.nature_printed;
    if (n == Nature::kUnknown && SameText(l)) n = Nature::kQualitative;
    if (n == Nature::kUnknown && l.target && l.actual) {
      // No 指标性质 printed and a name whose direction is not certain ("…控制率", "…调整率" are
      // usually ≤): not checked.
      if (RE2::PartialMatch(l.l3, rules_.One("forms.nature.direction_unknown"))) return;
      n = Nature::kAtLeast;
    }
    const Fig& stated = coef ? *l.coef : *l.score;
    bool bare = false;
    Number sv = coef ? AsRate(l.coef->value, &bare) : l.score->value;
    mpq_class w = coef ? mpq_class(1) : ValueOf(l.max->value), s = ValueOf(sv);
    if (!coef && (s > w || s < 0)) return;  // outside [0, 分值]: score.range says so
    std::string full = coef ? "100%" : l.max->value.written, what = coef ? "得分系数" : "得分";
    auto show = [&](const mpq_class& v) { return coef ? FormatDecimal(v * 100, 2) + "%" : FormatDecimal(v, 2); };
    std::string head = "目标 " + l.target_text + ", 实际 " + l.actual_text + " (" + NatureName(n) +
                       (assumed ? ", assumed: no 指标性质 printed" : "") + ")";
    CheckResult c = Result(CheckId::kScoreFromRate, l.row, stated.at, path);
    c.stated = Written(sv);
    // A written target the actual repeats word for word, also when a comparator stands before a
    // figure that is not read as one ("≥50厘米" / "≥50厘米").
    if (SameText(l) && (n == Nature::kQualitative || Numeric(l, n) == Met::kUnknown)) {
      bool ok = s == w;
      c.recomputed = full;
      c.arithmetic = head + " → 实际 = 目标 word for word → target met → full marks " + (coef ? what + " " : "") + full +
                     " → stated " + c.stated +
                     (ok ? " ✓" : " ✗ (a met target not at full marks)") + "; " + RuleNote();
      Verdict(&c, ok, Severity::kWarning);
      Push(std::move(c));
      return;
    }
    if (n == Nature::kQualitative) {
      Met m = Qualitative(l.actual_text);
      if (m == Met::kUnknown) return;
      mpq_class lo = m == Met::kMet ? set_.qual_met : m == Met::kPartly ? set_.qual_partly : mpq_class(0);
      mpq_class hi = m == Met::kMet ? mpq_class(1) : m == Met::kPartly ? set_.qual_met : set_.qual_partly;
      bool ok = s >= lo * w && (m == Met::kMet ? s <= w : s < hi * w);
      c.recomputed = "[" + show(lo * w) + ", " + show(hi * w) + "]";
      c.arithmetic = head + " → " + (m == Met::kMet ? "达成" : m == Met::kPartly ? "部分达成" : "未达成") + ": " +
                     what + " in " + c.recomputed + " of " + (coef ? "" : "分值 ") + full + " → stated " + c.stated +
                     (ok ? " ✓" : " ✗") + "; " + RuleNote();
      Verdict(&c, ok, Severity::kWarning);
      Push(std::move(c));
      return;
    }
    Met m = Numeric(l, n);
    if (m == Met::kUnknown) return;
    mpq_class t = ValueOf(l.target->value), a = ValueOf(l.actual->value);
    if (m == Met::kMet) {
      bool ok = s == w;
      c.recomputed = full;
      c.arithmetic = head + " → target met → full marks " + (coef ? what + " " : "") + full + " → stated " + c.stated +
                     (ok ? " ✓" : " ✗ (a met target not at full marks)") + "; " + RuleNote();
      Verdict(&c, ok, Severity::kWarning);
      Push(std::move(c));
      return;
    }
    // Not met: proportional (正向 / 等于), linear or inverse (反向).
    std::vector<std::pair<mpq_class, std::string>> expected;
    if (n == Nature::kAtMost) {
      if (t <= 0) return;
      if (a >= 2 * t) expected.emplace_back(0, "a ≥ 2t → 0");
      else if (set_.reverse_linear) expected.emplace_back(w * (1 - (a - t) / t), "w × (1 − (a − t)/t)");
      if (set_.reverse_inverse && a > 0) expected.emplace_back(w * t / a, "w × t / a");
    } else {
      if (t <= 0) return;
      expected.emplace_back(w * a / t, "w × a / t");
    }
    bool ok = false;
    std::string shown;
    // The stated figure as written against the rule's value rounded the same way (2 decimals of
    // points; a coefficient to its own last digit, at least 0.01%).
    Interval si = Interval::Of(sv, false);
    mpq_class half = coef ? mpq_class(1, 20000) : mpq_class(1, 200);
    for (const auto& [v, how] : expected) {
      ok = ok || (si.lo <= v + half && v - half <= si.hi);
      shown += (shown.empty() ? "" : " or ") + how + " = " + show(v);
    }
    c.recomputed = show(expected.front().first);
    bool at_full = s == w;
    c.arithmetic = head + " → target not met → " + shown + " → stated " + c.stated +
                   (ok ? " ✓" : at_full ? " ✗ (full marks although the target is not met)" : " ✗") + "; " + RuleNote();
    Verdict(&c, ok, Severity::kWarning);
    Push(std::move(c));
  }

  // ---- tree, total, grade ----
  // A sum of rows against a stated figure is an error only when the table's rows can be trusted
  // to be all there and in their places: the sum is not short of the figure (a row not read would
  // explain that), and the 一级 column holds at least two names (else cells of the first level
  // were glued into others and rows may sit under the wrong one). Otherwise a warning.
  // `all_read`: the rows' 分值 are known to add up to the form's 100 (no row missing).
  Severity SumSeverity(const Relation& r, bool all_read = false) const {
    Interval v = r.computed.Eval();
    if (!v.defined || f_.misplaced || (v.hi < ValueOf(r.stated) && !all_read)) return Severity::kWarning;
    std::vector<std::string> l1;
    for (const IndicatorLine& l : f_.rows)
      if (!l.l1.empty() && std::find(l1.begin(), l1.end(), l.l1) == l1.end()) l1.push_back(l.l1);
    bool flat = std::all_of(f_.rows.begin(), f_.rows.end(), [](const IndicatorLine& l) { return l.l1.empty(); });
    return flat || l1.size() >= 2 ? Severity::kError : Severity::kWarning;
  }

  void Groups() {
    for (const Group& g : f_.groups) {
      if (!g.max || g.optional || g.max_source == "cell_scale") continue;
      // Merged cells that contradict each other put one 二级 under two 一级 (one of them often
      // empty): which rows are under it is not known.
      if (f_.misplaced && g.level == 2 &&
          std::any_of(f_.groups.begin(), f_.groups.end(), [&](const Group& o) {
            return o.level == 2 && o.name == g.name && o.parent != g.parent;
          }))
        continue;
      std::vector<Expr> terms;
      Relation r;
      bool complete = true;
      for (size_t i = 0; i < f_.rows.size(); ++i) {
        const IndicatorLine& l = f_.rows[i];
        bool under = g.level == 0   ? i >= g.rows_from && i < g.rows_to
                     : g.level == 1 ? l.l1 == g.name
                                    : l.l2 == g.name && l.l1 == g.parent;
        if (!under) continue;
        if (!l.max || l.optional_row) {
          complete = false;
          break;
        }
        terms.push_back(Expr::Figure(l.max->value, true));
        r.more_quotes.push_back(l.row);
      }
      if (!complete || terms.empty()) continue;
      if (MayMissRows(g)) r.compare = Relation::Compare::kAtMost;
      r.check = CheckId::kScoreChildrenMax;
      r.computed = Expr::Sum(std::move(terms));
      r.stated = g.max->value;
      r.stated_exact = true;
      r.quote = g.max_source == "footnote" ? SentenceAround(doc_.text, g.max->at) : g.at;
      r.anchor = g.max->at;
      r.path = g.level <= 1 ? std::vector<std::string>{g.name} : std::vector<std::string>{g.parent, g.name};
      r.severity = g.max_source == "footnote" ? Severity::kWarning : SumSeverity(r);
      r.note = "分值 of the rows under " + g.name + " → its max " + Written(g.max->value) + " (stated in the " +
               g.max_source + ")";
      out_->relations.push_back(std::move(r));
    }
  }

  // A line left unread next to a row under `g` (the rows of a group are contiguous: a line between
  // two other groups' rows is not one of its rows).
  bool MayMissRows(const Group& g) const {
    if (g.level == 0) return !f_.missing_rows.empty() || !f_.unsure_cells.empty();
    auto under = [&](const IndicatorLine& l) {
      return g.level == 1 ? l.l1 == g.name : l.l2 == g.name && l.l1 == g.parent;
    };
    for (const Span& m : f_.missing_rows) {
      const IndicatorLine *before = nullptr, *after = nullptr;
      for (const IndicatorLine& l : f_.rows) {
        if (l.row.end <= m.begin) before = &l;
        if (l.row.begin >= m.end && after == nullptr) after = &l;
      }
      if ((before && under(*before)) || (after && under(*after)) || (!before && !after)) return true;
    }
    // Rows above a table's first 一级 label: under the 一级 of the rows after them or before them.
    for (const Span& m : f_.ungrouped) {
      if (g.level != 1) break;
      const IndicatorLine *before = nullptr, *after = nullptr;
      for (const IndicatorLine& l : f_.rows) {
        if (l.l1.empty()) continue;
        if (l.row.end <= m.begin) before = &l;
        if (l.row.begin >= m.end && after == nullptr) after = &l;
      }
      if ((before && under(*before)) || (after && under(*after))) return true;
    }
    return false;
  }

  // Σ 分值 of the funds row and every indicator row equals the stated 总分 max.
  bool AllRowsRead() const {
    // No 总分 max printed: the form's scale of 100 (every template's).
    mpq_class total = f_.total_max ? ValueOf(f_.total_max->value) : mpq_class(100);
    mpq_class sum = 0;
    const FundsRow* ft = FundsTotal(f_);
    if (ft != nullptr && ft->max) sum += ValueOf(ft->max->value);
    for (const IndicatorLine& l : f_.rows) {
      if (!l.max) return false;
      sum += ValueOf(l.max->value);
    }
    return sum == total;
  }

  void Total() {
    // A level's max on another scale than its rows' (一级 权重 over 三级 分值 that add up to 100 in
    // each block): the rows' figures are not points of the 总分, so they are not summed into it.
    if (std::any_of(f_.groups.begin(), f_.groups.end(), [](const Group& g) { return g.max_source == "cell_scale"; }))
      return;
    const FundsRow* ft = FundsTotal(f_);
    for (bool max : {false, true}) {
      const auto& stated = max ? f_.total_max : f_.total_score;
      if (!stated || f_.rows.empty()) continue;
      std::vector<Expr> terms;
      Relation r;
      if (ft != nullptr) {
        const auto& v = max ? ft->max : ft->score;
        if (v) {
          terms.push_back(Expr::Figure(v->value, true));
          r.more_quotes.push_back(ft->row);
        } else if (max ? ft->score.has_value() : ft->max.has_value()) {
          continue;  // the funds row states one and not the other: unfilled
        }
      }
      bool complete = true;
      std::vector<const IndicatorLine*> unread;  // 得分 cells not read, each within [0, 分值]
      for (const IndicatorLine& l : f_.rows) {
        const auto& v = max ? l.max : l.score;
        if (!v) {
          if (!max && l.score_unread && l.max) {
            unread.push_back(&l);
            continue;
          }
          complete = false;
          break;
        }
        terms.push_back(Expr::Figure(v->value, true));
      }
      if (!complete) continue;
      if (!unread.empty()) {
        TotalBounds(std::move(terms), std::move(r.more_quotes), unread, *stated);
        continue;
      }
      if (!f_.missing_rows.empty()) r.compare = Relation::Compare::kAtMost;  // rows may be missing
      // Σ 分值 = 总分's max is a children's-max relation; Σ 得分 = 总分 the total.
      r.check = max ? CheckId::kScoreChildrenMax : CheckId::kScoreTotal;
      r.computed = Expr::Sum(std::move(terms));
      r.stated = stated->value;
      r.stated_exact = true;
      r.severity = SumSeverity(r, !max && AllRowsRead());
      r.quote = f_.total_row;
      r.anchor = stated->at;
      r.path = {"总分"};
      r.note = std::string(max ? "分值" : "得分") + " of " + (ft != nullptr && (max ? ft->max : ft->score) ? "预算执行 + " : "") +
               std::to_string(f_.rows.size()) + " indicator rows → 总分 " + Written(stated->value);
      out_->relations.push_back(std::move(r));
    }
  }

  // Σ of the 一级 maxima stated in their names or cells (+ the funds row's 分值) against the 总分
  // max, where a line of the table was left unread so Σ of the rows' 分值 is only a bound. Every
  // row read is under a 一级 with a stated max, every unread line lies between rows read; such a
  // line could still hold a 一级 of its own, so a difference is a warning.
  void LevelOneMaxima() {
    if (!f_.total_max || f_.rows.empty() || f_.missing_rows.empty() || f_.misplaced || !f_.ungrouped.empty()) return;
    const FundsRow* ft = FundsTotal(f_);
    if (ft == nullptr || !ft->max) return;
    for (const Span& m : f_.missing_rows)
      if (m.begin < f_.rows.front().row.begin || m.end > f_.rows.back().row.end) return;
    Relation r;
    std::vector<Expr> terms{Expr::Figure(ft->max->value, true)};
    r.more_quotes.push_back(ft->row);
    std::vector<std::string> seen;
    for (const IndicatorLine& l : f_.rows) {
      if (l.l1.empty()) return;
      if (std::find(seen.begin(), seen.end(), l.l1) != seen.end()) continue;
      seen.push_back(l.l1);
      auto g = std::find_if(f_.groups.begin(), f_.groups.end(), [&](const Group& x) { return x.level == 1 && x.name == l.l1; });
      if (g == f_.groups.end() || !g->max || g->optional || (g->max_source != "name" && g->max_source != "cell")) return;
      terms.push_back(Expr::Figure(g->max->value, true));
      r.more_quotes.push_back(g->at);
    }
    r.check = CheckId::kScoreChildrenMax;
    r.computed = Expr::Sum(std::move(terms));
    r.stated = f_.total_max->value;
    r.stated_exact = true;
    r.severity = Severity::kWarning;
    r.quote = f_.total_row;
    r.anchor = f_.total_max->at;
    r.path = {"总分"};
    r.note = "分值 of 预算执行 + the maxima of " + std::to_string(seen.size()) +
             " 一级 (stated in their names) → 总分 " + Written(f_.total_max->value) +
             " (a line of the table unread: Σ of the rows' 分值 is only a bound)";
    out_->relations.push_back(std::move(r));
  }

  // 总分 over rows some of whose 得分 cells could not be read (OCR "IO"): each lies in [0, 分值],
  // so the stated 总分 lies between Σ of the scores read and that plus the unread rows' 分值. Only
  // the bound the stated figure breaks is reported (an upper bound only when no row is missing).
  void TotalBounds(std::vector<Expr> terms, std::vector<Span> quotes, const std::vector<const IndicatorLine*>& unread,
                   const Fig& stated) {
    mpq_class known = 0;
    for (const Expr& e : terms) known += e.Eval().lo;
    mpq_class room = 0;
    std::string which;
    for (const IndicatorLine* l : unread) {
      room += ValueOf(l->max->value);
      which += (which.empty() ? "" : ", ") + (l->l3.empty() ? l->l2 : l->l3) + " ≤ " + l->max->value.written;
    }
    mpq_class s = ValueOf(stated.value);
    bool upper = s > known + room && f_.missing_rows.empty();
    Relation r;
    r.more_quotes = std::move(quotes);
    for (const IndicatorLine* l : unread) {
      terms.push_back(upper ? Expr::Figure(l->max->value, true) : Expr::Const(0, "0"));
      r.more_quotes.push_back(l->row);
    }
    r.check = CheckId::kScoreTotal;
    r.computed = Expr::Sum(std::move(terms));
    r.stated = stated.value;
    r.stated_exact = true;
    r.compare = upper ? Relation::Compare::kAtLeast : Relation::Compare::kAtMost;
    r.severity = upper && AllRowsRead() ? Severity::kError : Severity::kWarning;
    r.quote = f_.total_row;
    r.anchor = stated.at;
    r.path = {"总分"};
    r.note = std::string("得分 of ") + std::to_string(f_.rows.size()) + " indicator rows → 总分 " + Written(stated.value) +
             "; unread 得分 cells (" + which + ") taken as " + (upper ? "their 分值 (the most they can be)" : "0 (the least)");
    out_->relations.push_back(std::move(r));
  }

  void Grade() {
    if (f_.grade.empty() || !f_.total_score) return;
    auto canonical = [](const std::string& g) -> std::string {
      if (g == "优秀" || g == "优") return "优";
      if (g == "良好" || g == "良") return "良";
      if (g == "中等" || g == "中" || g == "合格") return "中";
      return "差";
    };
    mpq_class score = ValueOf(f_.total_score->value);
    std::string expected = "差", rule;
    for (const auto& [lo, g] : set_.bands) {
      rule += (rule.empty() ? "" : ", ") + g + " ≥ " + FormatDecimal(lo, 0);
      if (expected == "差" && score >= lo && g != "差") {
        expected = canonical(g);
        break;
      }
    }
    bool ok = canonical(f_.grade) == expected;
    CheckResult c = Result(CheckId::kScoreGrade, Cover(f_.total_row, SentenceAround(doc_.text, f_.grade_at)), f_.grade_at, {"总分"});
    c.stated = f_.grade;
    c.recomputed = expected;
    c.arithmetic = "总分 " + Written(f_.total_score->value) + " → " + expected + " (" + RuleNote() + ") → stated " +
                   f_.grade + (ok ? " ✓" : " ✗");
    Verdict(&c, ok, Severity::kError);
    Push(std::move(c));
  }

  void Claims() {
    CheckSpentClaim(doc_, rules_, set_, f_, out_);
    FullMarksClaim();
    if (!f_.claims_all_met) return;
    for (const IndicatorLine& l : f_.rows) {
      if (!l.nature_printed || Numeric(l, l.nature) != Met::kNot) continue;
      CheckResult c = Result(CheckId::kClaimContradiction, f_.claim_at, l.actual->at, PathOf(l));
      c.quote += " … " + std::string(View(doc_.text, l.row));
      c.stated = Prefix(View(doc_.text, f_.claim_at), 60);
      c.recomputed = "目标 " + l.target_text + ", 实际 " + l.actual_text;
      c.arithmetic = "the conclusion says every target was met; " + l.l3 + ": 实际 " + l.actual_text +
                     " does not meet " + l.target_text + " ✗";
      Verdict(&c, false, Severity::kWarning);
      Push(std::move(c));
      break;
    }
  }

  // "各项指标均获满分" against a row (or the funds row) scored below its 分值.
  void FullMarksClaim() {
    if (f_.claim_full_at.empty()) return;
    for (const IndicatorLine& l : f_.rows) {
      if (!l.max || !l.score || ValueOf(l.score->value) >= ValueOf(l.max->value)) continue;
      CheckResult c = Result(CheckId::kClaimContradiction, f_.claim_full_at, f_.claim_full_at, PathOf(l));
      c.quote += " … " + std::string(View(doc_.text, l.row));
      c.stated = Prefix(View(doc_.text, f_.claim_full_at), 90);
      c.recomputed = "得分 " + l.score->value.written + " of 分值 " + l.max->value.written;
      c.arithmetic = "the conclusion says every indicator got full marks; " + (l.l3.empty() ? l.l2 : l.l3) + ": 得分 " +
                     l.score->value.written + " < 分值 " + l.max->value.written + " ✗";
      Verdict(&c, false, Severity::kWarning);
      Push(std::move(c));
      return;
    }
  }

  // ---- coverage ----
  void Info(Span at, const std::string& what) {
    CheckResult c = MakeResult(doc_, CheckId::kParseUnread, at, at);
    c.verdict = Verdict::kWarning;
    c.severity = Severity::kInfo;
    c.arithmetic = what;
    Push(std::move(c));
  }

  void Coverage(bool scored, bool maxed) {
    for (const Span& s : f_.unread) Info(s, "a cell under a figure column that is not one figure (OCR?): not read");
    for (const Span& s : f_.unread_rows)
      Info(s, "table cells that cannot be placed under the header's columns one way only (empty cells lost?): not read");
    for (const Span& s : f_.missing_rows)
      Info(s, "a line of the form's table whose cells cannot be placed in its columns: not read (sums over its block "
              "are checked only as upper bounds)");
    for (const Span& s : f_.ungrouped)
      Info(s, "a row above the first 一级 label of its table (a label centred on its merged cell?): its 一级 not "
              "known (sums over the 一级 beside it are checked only as upper bounds)");
    for (const Span& s : f_.unsure_cells)
      Info(s, "cells of a row read by counting that fit more than one of its columns (blank cells not marked): "
              "not read");
    Span at = f_.part->at;
    Span first{at.begin, std::min(at.end, doc_.text.find('\n', at.begin))};
    if (f_.Empty()) {
      Info(first, std::string("a ") + DocKindName(f_.kind) + " whose funds and indicator blocks could not be read");
      return;
    }
    if (!f_.rows.empty() && maxed && !scored)
      Info(f_.rows.front().row, "the 得分 column is not filled in (an unfilled form): no score checked");
    if (f_.residue > 0)
      Info(first, std::to_string(f_.residue) + " template row(s) left blank (指标1：, ……): not indicators");
  }

  const Document& doc_;
  const Rules& rules_;
  const RuleSet& set_;
  const Form& f_;
  Outline* out_;
};

}  // namespace

void CheckForm(const Document& doc, const Rules& rules, const RuleSet& set, const Form& form, Outline* out) {
  Checker(doc, rules, set, form, out).Run();
}

}  // namespace jixiao::forms
