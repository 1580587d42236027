// The funds block of a form (项目资金 / 预算执行情况 / 部门预算执行情况): its rows as read from the
// block's table (ReadForm), and its checks (CheckForm): the 其中 rows add up to the total per column
// (sum.breakdown), 执行率 = B/A (rate.ratio), 执行率得分 from the rule set's execution rule
// (score.from_rate, score.range), "资金全部执行完毕" against the block (claim.contradiction).
#include <re2/re2.h>

#include <algorithm>

#include "audit/forms_reader.h"
#include "audit/scan.h"

namespace jixiao::forms {

// The lines a table holding a funds block left unread (its columns, or a header row inside it,
// read as a funds block): a 其中 row may be among them.
void Reader::FundsTableUnread(const Table& t, Block block) {
  bool funds_table = block == Block::kFunds;
  for (const TableRow& r : t.rows) {
    std::vector<std::string> row_labels;
    funds_table = funds_table || (HeaderRow(r, &row_labels) && BlockOf(RolesOf(rules_, row_labels)) == Block::kFunds);
  }
  if (funds_table)
    for (const Span& u : t.unread)
      if (HasFigureToken(View(doc_.text, u))) form_.funds_missing.push_back(u);
}

void Reader::FundsLine(const TableRow& r, const std::vector<Role>& roles) {
  FundsRow f;
  f.row = r.at;
  f.name = NameOf(r);
  f.total = RE2::PartialMatch(f.name, rules_.One("forms.funds.total"));
  f.part = !f.total && Matches(rules_, "forms.funds.part", f.name);
  // The first row of a funds block that is not a 其中 row is its total ("预算资金").
  bool have_total = std::any_of(form_.funds.begin(), form_.funds.end(), [](const FundsRow& x) { return x.total; });
  if (!f.total && !f.part && !have_total && !f.name.empty()) f.total = true;
  f.initial = FigureIn(r, roles, Role::kInitial);
  f.budget = FigureIn(r, roles, Role::kBudget);
  f.spent = FigureIn(r, roles, Role::kSpent);
  f.max = FigureIn(r, roles, Role::kMax);
  f.rate = FigureIn(r, roles, Role::kRate);
  f.score = FigureIn(r, roles, Role::kFScore);
  if (!f.score) f.score = FigureIn(r, roles, Role::kScore);
  // The 原因 cell of a funds block is the total row's (merged over the block, or "/" below it).
  f.has_reason_column = Has(roles, Role::kReason) && !Unsure(r, roles, Role::kReason) && f.total;
  f.reason = Filled(r, roles, Role::kReason);
  if (!f.total && !f.part) return;
  for (size_t i = 0; i < roles.size(); ++i)
    if (roles[i] == Role::kBudget && form_.denominator.empty()) form_.denominator = "A";
  if (form_.funds.empty() && !labels_.empty()) {
    std::string title = NoSpace(labels_.front());
    RE2::GlobalReplace(&title, rules_.One("grid.column_note"), "");  // "(万元)", "(10分)"
    if (!ParseNumber(title)) form_.funds_title = title;
  }
  form_.read.push_back(r.at);
  form_.funds.push_back(std::move(f));
}

namespace {

class FundsChecker {
 public:
  FundsChecker(const Document& doc, const Rules& rules, const RuleSet& set, const Form& f, Outline* out)
      : doc_(doc), rules_(rules), set_(set), f_(f), out_(out) {}

  void Funds() {
    const FundsRow* total = nullptr;
    std::vector<const FundsRow*> parts, uses;
    static const RE2 kUse("基本支出|项目支出|人员经费|公用经费");
    for (const FundsRow& r : f_.funds) {
      if (r.total && total == nullptr) total = &r;
      if (r.part && total != nullptr) (RE2::PartialMatch(r.name, kUse) ? uses : parts).push_back(&r);
    }
    if (total != nullptr) {
      Breakdown(*total, parts);
      Breakdown(*total, uses);
    }
    for (const FundsRow& r : f_.funds) Rate(r);
    if (total != nullptr) ExecutionScore(*total);
  }

  // A line of the funds block's table left unread (a 其中 row whose cells cannot be placed): after
  // the total row and before the first indicator row that follows it.
  bool FundsMayMissRows(const FundsRow& total) const {
    size_t end = std::string::npos;
    for (const IndicatorLine& l : f_.rows)
      if (l.row.begin > total.row.begin) end = std::min(end, l.row.begin);
    // The block after the funds ends them ("| 年度总体目标 | 预期目标 | …", rule forms.funds.end).
    if (end != std::string::npos && end > total.row.end) {
      re2::StringPiece in(doc_.text.data() + total.row.end, end - total.row.end), m;
      if (rules_.One("forms.funds.end").Match(in, 0, in.size(), RE2::UNANCHORED, &m, 1))
        end = static_cast<size_t>(m.data() - doc_.text.data());
    }
    for (const Span& m : f_.funds_missing)
      if (m.begin > total.row.begin && m.begin < end) return true;
    return false;
  }

  void Breakdown(const FundsRow& total, const std::vector<const FundsRow*>& parts) {
    if (parts.empty()) return;
    const bool missing = FundsMayMissRows(total);
    using Member = std::optional<Fig> FundsRow::*;
    const std::pair<Member, const char*> kCols[] = {
        {&FundsRow::initial, "年初预算数"}, {&FundsRow::budget, "全年预算数"}, {&FundsRow::spent, "全年执行数"}};
    for (const auto& [col, label] : kCols) {
      const auto& stated = total.*col;
      if (!stated) continue;
      std::vector<Expr> terms;
      Relation r;
      bool empties = false, blank_rows = false;
      const Number* one_value = nullptr;  // the last 其中 figure of the column
      for (const FundsRow* p : parts) {
        // An empty cell is not a 0. In a row that has other amounts it is not known: the sum is
        // only a lower bound of the total. A 其中 row with no amount in any column ("| 上年结转资金
        // | | | |") states no source: the rows filled should make the total, and where they fall
        // short the remainder is unaccounted for (a warning, never an error: the row may just be
        // unfilled).
        if (!p->initial && !p->budget && !p->spent) {
          blank_rows = true;
          continue;
        }
        if (const auto& v = p->*col) {
          one_value = &v->value;
          terms.push_back(Expr::Figure(v->value));
          r.more_quotes.push_back(p->row);
        } else {
          empties = true;
        }
      }
      if (terms.empty()) continue;
      // One filled 其中 row against a total written to the same decimals: rounding is monotone
      // (x ≤ T ⇒ round(x) ≤ round(T), x = T ⇒ round(x) = round(T)), so the printed figures are
      // compared as written ("其中 881" under "总额 880" exceeds it, whatever the rounding).
      const bool one_term = terms.size() == 1 && one_value != nullptr &&
                            one_value->decimals == stated->value.decimals;
      if (one_term) terms = {Expr::Figure(*one_value, true)};
      r.stated_exact = one_term;
      r.check = CheckId::kSumBreakdown;
      r.computed = Expr::Sum(std::move(terms));
      r.stated = stated->value;
      r.quote = total.row;
      r.anchor = stated->at;
      r.path = {total.name};
      r.compare = empties || missing ? Relation::Compare::kAtMost : Relation::Compare::kEqual;
      bool short_of = false;
      if (blank_rows && r.compare == Relation::Compare::kEqual) {
        Interval v = r.computed.Eval();
        short_of = v.defined && v.hi < ValueOf(stated->value);
        if (short_of) r.severity = Severity::kWarning;
        else r.compare = Relation::Compare::kAtMost;
      }
      r.note = std::string("其中 rows of ") + label + " → " + total.name +
               (empties ? " (some 其中 cells empty: their sum may not exceed the total)"
                : missing ? " (a 其中 row not read: their sum may not exceed the total)"
                : short_of ? " (the other 其中 rows are empty in every column: the rows filled leave part of the total unaccounted for)"
                : blank_rows ? " (the other 其中 rows are empty in every column: their sum may not exceed the total)"
                           : "");
      out_->relations.push_back(std::move(r));
    }
  }

  void Rate(const FundsRow& row) {
    if (!row.rate) return;
    const auto& a = row.budget ? row.budget : row.initial;
    if (!a || !row.spent) return;
    bool shown_bare = false;
    Number rate = AsRate(row.rate->value, &shown_bare);
    bool zero_den = ValueOf(a->value) == 0;
    if (zero_den && ValueOf(row.spent->value) == 0 && ValueOf(rate) == 0) {
      // 0/0 printed as 0.00%: the Sichuan form's "nothing", elsewhere a rate of nothing.
      CheckResult c = Result(CheckId::kRateRatio, row.row, row.rate->at, {row.name});
      c.stated = Written(row.rate->value);
      c.recomputed = "undefined (0 / 0)";
      c.arithmetic = row.spent->value.Plain() + " / " + a->value.Plain() + " = 0 / 0 → stated " + c.stated +
                     (set_.zero_over_zero_convention ? " ✓ (an empty row printed 0.00%, the form's convention)"
                                                     : " ✗ (0 / 0 is not a rate)") +
                     "; " + RuleNote();
      Verdict(&c, set_.zero_over_zero_convention, Severity::kWarning);
      Push(std::move(c));
      return;
    }
    Relation r;
    r.check = CheckId::kRateRatio;
    r.computed = Expr::Quotient(Expr::Figure(row.spent->value), Expr::Figure(a->value));
    r.stated = rate;
    r.as_percent = true;
    r.quote = row.row;
    r.anchor = row.rate->at;
    r.path = {row.name};
    r.note = std::string("执行率 = 全年执行数 (B) / ") + (row.budget ? "全年预算数 (A)" : "年初预算数") +
             (shown_bare ? ", the rate written without %" : "");
    out_->relations.push_back(std::move(r));
    if (set_.reason_below_rate && row.has_reason_column && !row.reason && ValueOf(rate) < *set_.reason_below_rate) {
      CheckResult c = Result(CheckId::kScoreReasonMissing, row.row, row.rate->at, {row.name});
      c.stated = Written(row.rate->value);
      c.recomputed = "a reason";
      c.arithmetic = "执行率 " + Written(row.rate->value) + " < " + FormatDecimal(*set_.reason_below_rate * 100, 0) +
                     "% and the reason cell is empty; " + RuleNote();
      Verdict(&c, false, Severity::kWarning);
      Push(std::move(c));
    }
  }

  void ExecutionScore(const FundsRow& t) {
    if (!t.score) return;
    if (t.max) CheckRange(doc_, t.row, *t.max, *t.score, {t.name}, out_);
    if (!t.max || set_.execution != "proportional") return;
    Expr rate;
    std::string rate_text;
    bool capped = false;
    if (t.rate) {
      bool bare = false;
      Number n = AsRate(t.rate->value, &bare);
      capped = ValueOf(n) >= 1;
      rate = Expr::Figure(n);
      rate_text = "执行率 " + Written(n);
    } else if (t.spent && (t.budget || t.initial)) {
      const auto& a = t.budget ? t.budget : t.initial;
      if (ValueOf(a->value) == 0) return;
      rate = Expr::Quotient(Expr::Figure(t.spent->value), Expr::Figure(a->value));
      Interval v = rate.Eval();
      capped = v.defined && v.lo >= 1;
      rate_text = "执行率 B/A";
    } else {
      return;
    }
    Relation r;
    r.check = CheckId::kScoreFromRate;
    r.computed = capped ? Expr::Figure(t.max->value, true) : Expr::Product(Expr::Figure(t.max->value, true), rate);
    r.stated = t.score->value;
    r.quote = t.row;
    r.anchor = t.score->at;
    r.path = {t.name};
    r.severity = f_.rate_rule_printed ? Severity::kError : Severity::kWarning;
    r.note = "得分 = min(执行率, 100%) × 分值 (" + rate_text + (capped ? ", capped at 100%" : "") + "); " + RuleNote() +
             (f_.rate_rule_printed ? ", as printed on the form" : ", assumed: the form prints no rule");
    out_->relations.push_back(std::move(r));
  }


  // "资金全部执行完毕" against the funds block: a 执行率 stated below 100%, or 全年执行数 short of
  // the 全年预算数 beyond rounding.
  void SpentClaim() const {
    const FundsRow* t = FundsTotal(f_);
    if (f_.claim_spent_at.empty() || t == nullptr) return;
    std::string why;
    Span at;
    if (t->spent && (t->budget || t->initial)) {
      const auto& a = t->budget ? t->budget : t->initial;
      Interval b = Interval::Of(t->spent->value, false), den = Interval::Of(a->value, false);
      if (ValueOf(a->value) > 0 && b.hi < den.lo)
        why = "全年执行数 " + Written(t->spent->value) + " of " + Written(a->value) + " (" +
              FormatDecimal(ValueOf(t->spent->value) / ValueOf(a->value) * 100, 2) + "%)", at = t->spent->at;
    } else if (t->rate) {
      bool bare = false;
      Number r = AsRate(t->rate->value, &bare);
      if (Interval::Of(r, false).hi < 1) why = "执行率 " + Written(r), at = t->rate->at;
    }
    if (why.empty()) return;
    CheckResult c = Result(CheckId::kClaimContradiction, f_.claim_spent_at, f_.claim_spent_at, {t->name});
    c.quote += " … " + std::string(View(doc_.text, t->row));
    c.stated = Prefix(View(doc_.text, f_.claim_spent_at), 90);
    c.recomputed = why;
    c.arithmetic = "the conclusion says the funds were spent in full; the funds block states " + why + " ✗";
    Verdict(&c, false, Severity::kWarning);
    Push(std::move(c));
  }


 private:
  std::string RuleNote() const { return "rule set: " + set_.title; }
  void Push(CheckResult c) const { out_->results.push_back(std::move(c)); }
  CheckResult Result(CheckId id, Span quote, Span anchor, const std::vector<std::string>& path) const {
    return FormResult(doc_, id, quote, anchor, path);
  }
  static void Verdict(CheckResult* c, bool ok, Severity bad) { SetVerdict(c, ok, bad); }

  const Document& doc_;
  const Rules& rules_;
  const RuleSet& set_;
  const Form& f_;
  Outline* out_;
};

}  // namespace

void CheckFunds(const Document& doc, const Rules& rules, const RuleSet& set, const Form& form, Outline* out) {
  FundsChecker(doc, rules, set, form, out).Funds();
}

void CheckSpentClaim(const Document& doc, const Rules& rules, const RuleSet& set, const Form& form, Outline* out) {
  FundsChecker(doc, rules, set, form, out).SpentClaim();
}

}  // namespace jixiao::forms
