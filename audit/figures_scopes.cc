// sum.breakdown of a whole area split into the scopes it is made of, each stated on its own:
// "全盟一般公共预算收入中，盟本级累计完成33648万元…；旗级累计完成277034万元…", "分级次看，市本级支出完成
// 340687万元…；县区级支出完成927919万元…", "全省100个县区（含41个县和县级市、59个区）…收入完成503.7亿元" then
// "41个县的收支情况：一般公共预算收入完成151亿元" and "59个区的收支情况：…352.7亿元". The parts' amounts add up
// to the whole's, and their changes on last year to the whole's change.
//
// The split is bound by words only: a level split named (fig.partition_levels: 分级次看, 按支出级次分), a
// count split in brackets whose counts add up to the whole's (fig.partition_count), or the own level and
// the level below in one sentence (X本级 …；Y级 …), which may leave a level out and is a warning. The
// whole is the figure of the whole scope (全盟, 100个县区) whose account the parts name, the nearest
// before them on their line or the line before; a part that names no account is bound only where
// the words before it name the whole ("全盟一般公共预算收入中，"). Anything else is left alone.
#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "audit/figures.h"
#include "audit/scan.h"

namespace jixiao {
namespace {

// The subject of a sentence: its first level figure outside brackets and before any 其中, with the
// scope, account and change on last year its words give.
struct Subject {
  bool ok = false;
  Number n;
  std::string part;        // the one part scope named before it ("盟本级", "41个县"), or ""
  bool whole = false;      // a whole scope (全盟) named or carried, and no part scope
  bool named = false;      // scope words in its own sentence
  std::string account;     // its label without scope words and verbs ("一般公共预算收入")
  std::string label;       // its label as written
  std::optional<Number> change;
  bool change_up = false;
  bool qizhong_after = false;  // 其中 after it in its sentence (the list goes on one level down)
};

bool Level(const std::string& t, const Rules& rules, const Number& n, size_t floor) {
  if (!IsQuantity(n) || IsChangeFigure(t, rules, n, floor) || IsShareBase(t, n)) return false;
  return !AnyMatch(rules.Get("fig.rate_base_after"), View(t, Span{n.end, std::min(n.end + 16, t.size())}));
}

std::string Account(const Rules& rules, std::string label) {
  RE2::GlobalReplace(&label, rules.One("fig.scope"), "");
  for (const re2::RE2* re : rules.Get("fig.account_drop")) RE2::GlobalReplace(&label, *re, "");
  return label;
}

bool EndsWith(const std::string& a, const std::string& b) {
  return a.size() >= b.size() && a.compare(a.size() - b.size(), b.size(), b) == 0;
}

// The change on last year right after the subject in its sentence ("同比增加15412万元").
void ChangeOf(const std::string& t, const Rules& rules, const Sentence& s, Subject* x) {
  for (const Number& d : s.figures) {
    if (d.begin <= x->n.begin || !SameKind(d, x->n)) continue;
    if (ParenDepth(View(t, Span{s.span.begin, d.begin})) > 0) continue;
    Span clause = ClauseBefore(t, d.begin, s.span.begin);
    std::string_view words = View(t, clause);
    if (!IsChangeFigure(t, rules, d, s.span.begin) || !AnyMatch(rules.Get("fig.partition_yoy"), words)) return;
    if (AnyMatch(rules.Get("fig.partition_up"), words)) {
      x->change_up = true;
    } else if (!AnyMatch(rules.Get("fig.partition_down"), words)) {
      return;
    }
    x->change = d;
    return;
  }
}

}  // namespace

void ScopePartitions(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
                     Outline* out) {
  const std::string& t = doc.text;
  // The count splits: "100个县区（含41个县和县级市、59个区）", a whole scope word and its parts.
  struct CountSplit {
    std::string whole;
    std::vector<std::string> parts;
  };
  std::vector<CountSplit> counts;
  for (const Match& m : FindAll(rules.One("fig.partition_count"), t, Span{0, t.size()})) {
    auto total = FigureAt(t, m.Get("n").begin);
    if (!total) continue;
    Span inner = m.Get("parts");
    std::vector<Expr> terms;
    std::vector<std::string> words;
    std::vector<Number> ns;
    for (const Match& p : FindAll(rules.One("fig.scope"), t, inner)) {
      auto n = FigureAt(t, p.whole.begin);
      if (!n) continue;
      words.emplace_back(View(t, p.whole));
      ns.push_back(*n);
    }
    if (ns.size() < 2) continue;
    Relation r;
    r.check = CheckId::kSumBreakdown;
    mpq_class sum = 0;
    std::string names;
    for (size_t i = 0; i < ns.size(); ++i) {
      terms.push_back(Expr::Figure(ns[i], true));
      sum += ValueOf(ns[i]);
      names += (i ? " + " : "") + words[i];
    }
    // "含" may list only some: the parts are at most the whole, and are its split only if they fill it.
    r.computed = Expr::Sum(terms);
    r.stated = *total;
    r.stated_exact = true;
    r.compare = Relation::Compare::kAtMost;
    r.severity = Severity::kWarning;
    r.quote = m.whole;
    r.anchor = Span{total->begin, total->end};
    r.any_part = true;
    r.note = "counted parts in brackets: " + names + " of " + std::string(View(t, m.Get("whole")));
    out->relations.push_back(r);
    if (sum != ValueOf(*total)) continue;
    std::string whole(View(t, m.Get("whole")));
    counts.push_back(CountSplit{whole, words});
  }
  std::set<std::string> count_wholes;
  for (const CountSplit& c : counts) count_wholes.insert(c.whole);

  // Every sentence's subject, with the scope it names or carries.
  std::vector<Subject> subj(sentences.size());
  std::string heading_part;  // the part scope of the last heading that named one ("41个县的收支情况：")
  for (size_t si = 0; si < sentences.size(); ++si) {
    const Sentence& s = sentences[si];
    Subject& x = subj[si];
    for (const Number& n : s.figures) {
      std::string_view head = View(t, Span{s.span.begin, n.begin});
      if (ParenDepth(head) > 0 || head.find("其中") != std::string_view::npos) continue;
      if (!Level(t, rules, n, s.span.begin)) continue;
      // A count that names a scope ("100个县区") is not the subject's level.
      auto scope = FindAll(rules.One("fig.scope"), t, Span{n.begin, std::min(s.span.end, n.end + 24)});
      if (!scope.empty() && scope.front().whole.begin == n.begin) continue;
      x.ok = true;
      x.n = n;
      break;
    }
    // The scope words before the subject (or the whole sentence), outside brackets.
    size_t upto = x.ok ? x.n.begin : s.span.end;
    std::set<std::string> parts;
    bool whole = false;
    std::string last_heading;
    for (const Match& m : FindAll(rules.One("fig.scope"), t, Span{s.span.begin, upto})) {
      if (ParenDepth(View(t, Span{s.span.begin, m.whole.begin})) > 0) continue;
      std::string w(View(t, m.whole));
      if (AnyMatch(rules.Get("fig.scope_whole"), w) || count_wholes.count(w)) {
        whole = true;
      } else {
        parts.insert(w);
      }
    }
    for (size_t c = t.find("：", s.span.begin); c != std::string::npos && c < upto; c = t.find("：", c + 1)) {
      for (const Match& m : FindAll(rules.One("fig.scope"), t, ClauseBefore(t, c, s.span.begin))) {
        std::string w(View(t, m.whole));
        if (!AnyMatch(rules.Get("fig.scope_whole"), w) && !count_wholes.count(w)) last_heading = w;
      }
    }
    bool same_line = si > 0 && sentences[si - 1].line == s.line;
    if (parts.size() == 1) {
      x.part = *parts.begin();
      x.named = true;
    } else if (parts.empty() && whole) {
      x.whole = x.named = true;
    } else if (parts.empty()) {
      // Nothing named: the scope of the sentence before on the line (a whole goes on over 。, a part
      // only over ；), else that of the last heading.
      const Subject* p = same_line ? &subj[si - 1] : nullptr;
      std::string_view pv = same_line ? View(t, sentences[si - 1].span) : std::string_view{};
      bool semicolon = pv.ends_with("；") || pv.ends_with(";");
      if (p && p->whole) {
        x.whole = true;
      } else if (p && semicolon && !p->part.empty()) {
        x.part = p->part;
      } else if (!same_line && !heading_part.empty()) {
        x.part = heading_part;
      }
    }
    if (!last_heading.empty()) heading_part = last_heading;
    if (!x.ok) continue;
    x.label = LabelBefore(t, x.n.begin, 24);
    x.account = Account(rules, x.label);
    x.qizhong_after = View(t, Span{x.n.end, s.span.end}).find("其中") != std::string_view::npos;
    ChangeOf(t, rules, s, &x);
  }

  auto add = [&](const Subject& whole, const std::vector<const Subject*>& parts, Span quote,
                 Severity severity, const std::string& how) {
    for (int pass = 0; pass < 2; ++pass) {
      bool changes = pass == 1;
      if (changes) {
        if (!whole.change) return;
        for (const Subject* p : parts)
          if (!p->change) return;
      }
      std::vector<Expr> ups, downs;
      std::string names;
      for (const Subject* p : parts) {
        const Number& n = changes ? *p->change : p->n;
        bool up = !changes || p->change_up;
        bool plus = changes ? up == whole.change_up : true;
        (plus ? ups : downs).push_back(Fig(n));
        std::string scope = p->named && !p->part.empty() ? p->part : p->account;
        names += (names.empty() ? "" : plus ? " + " : " − ") + scope + " " + n.Plain();
      }
      if (ups.empty()) return;
      Relation r;
      r.check = CheckId::kSumBreakdown;
      Expr sum = ups.size() == 1 ? ups.front() : Expr::Sum(ups);
      r.computed = downs.empty() ? sum : Expr::Diff(sum, downs.size() == 1 ? downs.front() : Expr::Sum(downs));
      const Number& stated = changes ? *whole.change : whole.n;
      r.stated = stated;
      r.severity = severity;
      r.quote = quote;
      if (stated.begin < quote.begin || stated.begin >= quote.end) {
        r.more_quotes.push_back(SentenceAround(t, Span{stated.begin, stated.end}));
      }
      r.anchor = Span{stated.begin, stated.end};
      r.any_part = true;
      r.note = std::string(changes ? "changes on last year, " : "") + how + ": " + names + " = " +
               whole.account + " " + Written(stated) + " (line " + std::to_string(doc.LineAt(stated.begin)) + ")";
      out->relations.push_back(r);
    }
  };

  // Level splits in one run of sentences: opened by words naming a split by level, by the whole
  // ("全盟一般公共预算收入中，"), or the own level then the level below.
  for (size_t si = 0; si < sentences.size(); ++si) {
    const Subject& first = subj[si];
    if (!first.ok || !first.named || first.part.empty()) continue;
    const Sentence& s = sentences[si];
    std::string_view head = View(t, Span{s.span.begin, first.n.begin});
    size_t at = head.find(first.part);
    std::string_view before = head.substr(0, at == std::string_view::npos ? 0 : at);
    bool levels = AnyMatch(rules.Get("fig.partition_levels"), before);
    std::string opener;
    for (const Match& m : FindAll(rules.One("fig.partition_of"), t, Span{s.span.begin, s.span.begin + before.size()})) {
      opener = Account(rules, std::string(View(t, m.Get("whole"))));
    }
    bool own = AnyMatch(rules.Get("fig.scope_own"), first.part);
    if (!levels && opener.empty() && !own) continue;
    if (si > 0 && sentences[si - 1].line == s.line) {  // not the start of a run
      std::string_view pv = View(t, sentences[si - 1].span);
      if ((pv.ends_with("；") || pv.ends_with(";")) && subj[si - 1].ok && !subj[si - 1].part.empty()) continue;
    }
    std::string account = first.account.empty() ? opener : first.account;
    if (CharCount(account) < 2) continue;
    std::vector<const Subject*> parts{&first};
    std::set<std::string> seen{first.part};
    size_t last = si;
    bool qizhong = first.qizhong_after;
    for (size_t k = si + 1; !qizhong && k < sentences.size() && sentences[k].line == s.line; ++k) {
      std::string_view pv = View(t, sentences[k - 1].span);
      if (!(pv.ends_with("；") || pv.ends_with(";"))) break;
      const Subject& x = subj[k];
      if (!x.ok || !SameKind(x.n, first.n)) break;
      std::string acc = x.account.empty() ? opener : x.account;
      if (x.named && !x.part.empty()) {
        if (seen.count(x.part) || acc != account) break;
        seen.insert(x.part);
      } else if (levels && !x.named && EndsWith(x.account, account) && CharCount(x.account) > CharCount(account)) {
        // A named split by level: a part named by its own words ("苏木镇及开发区公共财政预算支出").
      } else {
        break;
      }
      parts.push_back(&x);
      last = k;
      qizhong = x.qizhong_after;
    }
    if (parts.size() < 2) continue;
    if (!levels && opener.empty()) {
      // The own level and the levels below it, each named: nothing else says the list is complete.
      bool below = true;
      for (size_t i = 1; i < parts.size(); ++i) below &= !parts[i]->part.empty() && !AnyMatch(rules.Get("fig.scope_own"), parts[i]->part);
      if (!below) continue;
    }
    // The whole: the nearest subject before of the whole scope whose account ends with the parts'.
    const Subject* whole = nullptr;
    for (size_t k = si; k-- > 0;) {
      if (sentences[k].line + 3 < s.line) break;
      const Subject& w = subj[k];
      if (!w.ok || !w.whole || !SameKind(w.n, first.n)) continue;
      if (opener.empty() ? !EndsWith(w.account, account) : w.account != opener) continue;
      whole = &w;
      break;
    }
    if (!whole) {
      out->unbound += 1;
      continue;
    }
    Severity sev = levels ? Severity::kError : Severity::kWarning;
    std::string how = levels          ? "split by level"
                      : opener.empty() ? "own level and levels below (a level not named would be missing)"
                                       : "split of the whole named before it";
    add(*whole, parts, Span{s.span.begin, sentences[last].span.end}, sev, how);
  }

  // Count splits: each account stated for the whole scope and once for every part.
  for (const CountSplit& c : counts) {
    for (size_t wi = 0; wi < sentences.size(); ++wi) {
      const Subject& w = subj[wi];
      if (!w.ok || !w.whole || CharCount(w.account) < 2) continue;
      // The whole scope this subject names or carries is the count's.
      bool ours = false;
      for (size_t k = wi + 1; k-- > 0 && sentences[k].line == sentences[wi].line;) {
        if (View(t, sentences[k].span).find(c.whole) != std::string_view::npos) ours = true;
        if (subj[k].named) break;
      }
      if (!ours) continue;
      std::vector<const Subject*> parts;
      for (const std::string& p : c.parts) {
        const Subject* found = nullptr;
        int n = 0;
        for (size_t k = wi + 1; k < sentences.size(); ++k) {
          const Subject& x = subj[k];
          if (x.ok && x.part == p && x.account == w.account && SameKind(x.n, w.n)) found = &x, ++n;
        }
        if (n != 1) break;
        parts.push_back(found);
      }
      if (parts.size() != c.parts.size()) continue;
      add(w, parts, sentences[wi].span, Severity::kError, c.whole + " split into its counted parts");
    }
  }
}

}  // namespace jixiao
