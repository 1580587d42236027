// The department's own accounts, however a report names them: the adjusted budget is
// "部门预算金额（含调增预算）" in one place, "含年中调增预算总收入" in another and "本年度预算数（含年中
// 调增）" in a third. Every statement of one account must agree (figure.restated), in whatever unit
// it is written; a rate's formula that uses the account ("（收入决算数-收入调整预算数）/收入调整预算数
// =（82800287.6-82800287.6）/82800287.6") must use the figure the report states for it, or the
// sum of its kinds (一般公共预算 + 政府性基金预算 + 国有资本经营预算 财政拨款收入).
#include <re2/re2.h>

#include <optional>

#include "audit/figures.h"
#include "audit/interval.h"
#include "audit/scan.h"

namespace jixiao {

namespace {

// The accounts, by the name of their rule in rules/accounts.rules.
const char* const kAccounts[] = {"acct.adjusted_budget", "acct.initial_budget", "acct.income",
                                 "acct.spending",        "acct.fiscal_income",  "acct.basic_spending",
                                 "acct.project_spending"};

// 元 万元 亿元: the units an account is kept in (万美元 is another currency).
bool IsYuan(const Number& n) {
  return n.unit == Unit::kYuan || n.unit == Unit::kWanYuan || n.unit == Unit::kYiYuan;
}

// Yuan per unit of `u` (1 for a bare figure).
long YuanPer(Unit u) {
  switch (u) {
    case Unit::kWanYuan: return 10000;
    case Unit::kYiYuan: return 100000000;
    default: return 1;
  }
}

// `label` without the words that do not tell accounts apart.
std::string Residue(const Rules& rules, const std::string& label) {
  std::string s;
  for (char c : label) {
    if (c != ' ') s += c;
  }
  for (const re2::RE2* re : rules.Get("acct.filler")) RE2::GlobalReplace(&s, *re, "");
  return s;
}

// The account `label` names, or nullptr.
const char* AccountOf(const Rules& rules, const std::string& label) {
  std::string r = Residue(rules, label);
  if (r.empty()) return nullptr;
  // "实际支出" alone may be any expense's ("“三公”经费预算数…，实际支出…"): only with 部门, 本年度…
  if (AnyMatch(rules.Get("acct.needs_scope"), r) && !AnyMatch(rules.Get("acct.scope"), label)) {
    return nullptr;
  }
  for (const char* a : kAccounts) {
    if (AnyMatch(rules.Get(a), r)) return a;
  }
  return nullptr;
}

// One statement of an account: a figure, or a sum of figures (its kinds).
struct Statement {
  std::vector<Number> parts;  // one figure, or the kinds summed
  std::string label;
  bool derived = false;       // a sum of kinds, which may leave a kind out
  std::string year;           // the year its sentence names before it (fig.year_named), or ""
  // The parts summed in unit `u`: as written when every part is in `u`, else converted through
  // yuan ("8025.61 × 10000 + 253.99 × 10000", divided back when `u` is 万元 or 亿元).
  Expr In(Unit u) const {
    bool as_written = true;
    for (const Number& n : parts) as_written &= n.unit == u;
    std::vector<Expr> terms;
    for (const Number& n : parts) {
      Number bare = n;
      bare.unit = Unit::kNone;
      long k = as_written ? 1 : YuanPer(n.unit);
      Expr e = Expr::Figure(bare);
      terms.push_back(k == 1 ? e : Expr::Product(e, Expr::Const(k, std::to_string(k))));
    }
    Expr sum = terms.size() == 1 ? terms.front() : Expr::Sum(std::move(terms));
    long k = as_written ? 1 : YuanPer(u);
    return k == 1 ? sum : Expr::Quotient(sum, Expr::Const(k, std::to_string(k)));
  }
  std::string Describe(const Document& doc) const {
    std::string s = label + " ";
    for (size_t i = 0; i < parts.size(); ++i) {
      s += (i ? " + " : "") + Written(parts[i]);
    }
    return s + " (line " + std::to_string(doc.LineAt(parts.front().begin)) + ")";
  }
};

// `stated` against `first`, compared in the unit `stated` is written in.
Relation Compare(const Document& doc, const Statement& first, const Number& stated,
                 const std::string& stated_label, Span quote) {
  Relation r;
  r.check = CheckId::kFigureRestated;
  r.computed = first.In(stated.unit);
  Number s = stated;
  s.unit = Unit::kNone;
  r.stated = s;
  r.quote = quote;
  r.anchor = Span{stated.begin, stated.end};
  r.more_quotes.push_back(SentenceAround(doc.text, Span{first.parts.front().begin,
                                                        first.parts.back().end}));
  r.note = stated_label + " " + Written(stated) + " (line " +
           std::to_string(doc.LineAt(stated.begin)) + ") is the account of " +
           first.Describe(doc);
  // A sum of kinds may leave out a kind the report does not name: a warning.
  if (first.derived) r.severity = Severity::kWarning;
  return r;
}

bool AlreadyChecked(const Outline& out, Span anchor) {
  for (const Relation& r : out.relations) {
    if (r.check == CheckId::kFigureRestated && r.anchor.begin == anchor.begin) return true;
  }
  return false;
}

// The name of a formula's operand in words, with the rate's subject before it: subject
// "财政拨款收入预决算差异", operand "收入决算数" → "财政拨款收入决算数".
std::string OperandName(std::string subject, std::string operand) {
  auto strip = [](std::string s) {
    std::string o;
    for (char c : s) {
      if (c != ' ' && c != '\n') o += c;
    }
    return o;
  };
  subject = strip(subject);
  operand = strip(operand);
  if (operand.size() < 6) return operand;
  size_t at = subject.find(operand.substr(0, 6));  // its first two characters
  return (at == std::string::npos ? std::string() : subject.substr(0, at)) + operand;
}

}  // namespace

void ParseAccounts(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
                   Outline* out) {
  const std::string& t = doc.text;
  std::map<std::string, std::vector<Statement>> stated;
  std::vector<Statement> fiscal_parts;
  for (const Sentence& s : sentences) {
    std::vector<Number> parts;
    for (const Number& n : s.figures) {
      if (!IsYuan(n)) continue;
      std::string label = LabelBefore(t, n.begin, 20);
      // Last year's figures, targets and plans are other accounts.
      if (AnyMatch(rules.Get("fig.prev_label"), label) ||
          AnyMatch(rules.Get("fig.restated_not"), View(t, ClauseBefore(t, n.begin, s.span.begin))) ||
          IsChangeFigure(t, rules, n, s.span.begin)) {
        continue;
      }
      if (AnyMatch(rules.Get("acct.fiscal_part"), Residue(rules, label))) parts.push_back(n);
      // A sentence about one expense, whose clause names no scope of its own ("…公务接待费预算为1万元，
      // 支出决算为0.53万元" but not "…“三公”经费数，本年度预算数(含年中调增)为1745.25万元").
      if (AnyMatch(rules.Get("acct.item_subject"), View(t, Span{s.span.begin, n.begin})) &&
          !AnyMatch(rules.Get("acct.scope"), View(t, ClauseBefore(t, n.begin, s.span.begin)))) {
        continue;
      }
      const char* a = AccountOf(rules, label);
      if (a == nullptr) continue;
      Statement st{{n}, label, false, {}};
      // "2022年度部门支出决算为300万元" and "2023年度部门支出决算为320万元": two years' accounts.
      auto years = FindAll(rules.One("fig.year_named"), t, Span{s.span.begin, n.begin});
      if (!years.empty()) st.year = std::string(View(t, years.back().whole));
      auto& list = stated[a];
      if (!list.empty()) {
        const Statement& first = list.front();
        Span anchor{n.begin, n.end};
        const bool other_year = !first.year.empty() && !st.year.empty() && first.year != st.year;
        if (doc.LineAt(first.parts.front().begin) != doc.LineAt(n.begin) && !other_year &&
            !AlreadyChecked(*out, anchor)) {
          out->relations.push_back(Compare(doc, first, n, label, s.span));
        }
      }
      list.push_back(std::move(st));
    }
    if (parts.size() >= 2 && fiscal_parts.empty()) {
      fiscal_parts.push_back(Statement{parts, "财政拨款收入 (sum of its kinds)", true, {}});
    }
  }
  if (stated["acct.fiscal_income"].empty() && !fiscal_parts.empty()) {
    stated["acct.fiscal_income"].push_back(fiscal_parts.front());
  }

  // Operands of rates written out in words and figures.
  for (const char* formula : {"fig.rate_formula_diff", "fig.rate_formula"}) {
    for (const Match& m : FindAll(rules.One(formula), t, Span{0, t.size()})) {
      size_t from = m.whole.begin > 400 ? m.whole.begin - 400 : 0;
      while (from < m.whole.begin && (static_cast<unsigned char>(t[from]) & 0xC0) == 0x80) ++from;
      auto words = FindAll(rules.One("acct.word_formula"), t, Span{from, m.whole.begin});
      if (words.empty()) continue;
      const Match& w = words.back();
      std::string subject(View(t, w.Get("subject")));
      std::vector<std::pair<Span, Span>> operands;  // (words, figure)
      if (m.Has("a") && w.Has("b")) {
        operands = {{w.Get("a"), m.Get("a")}, {w.Get("b"), m.Get("b")}, {w.Get("c"), m.Get("den")}};
      } else if (m.Has("num") && !w.Has("b")) {
        operands = {{w.Get("a"), m.Get("num")}, {w.Get("c"), m.Get("den")}};
      }
      for (const auto& [name_at, figure_at] : operands) {
        std::string name = OperandName(subject, std::string(View(t, name_at)));
        const char* a = AccountOf(rules, name);
        auto n = FigureAt(t, figure_at.begin);
        if (a == nullptr || !n || stated[a].empty() || AlreadyChecked(*out, figure_at)) continue;
        const Statement& first = stated[a].front();
        Number operand = *n;
        if (operand.unit == Unit::kNone) {
          // A bare operand is in the unit that puts it within 1% of the account.
          Number bare = operand;
          mpq_class yuan = first.In(Unit::kYuan).Eval().Mid();
          std::optional<Unit> unit;
          for (Unit u : {Unit::kYuan, Unit::kWanYuan, Unit::kYiYuan}) {
            mpq_class v = ValueOf(bare) * YuanPer(u);
            if (yuan != 0 && abs(v - yuan) * 100 <= abs(yuan)) unit = u;
          }
          if (!unit) continue;
          operand.unit = *unit;
        } else if (!IsYuan(operand)) {
          continue;
        }
        Relation r = Compare(doc, first, operand, name, SentenceAround(t, m.whole));
        r.severity = Severity::kWarning;  // the formula's words name the figure, not a label
        out->relations.push_back(std::move(r));
      }
    }
  }
}

}  // namespace jixiao
