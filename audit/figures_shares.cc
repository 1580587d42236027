// Shares that name their base (rate.ratio): "税收收入完成95.1亿元，占一般公共预算收入的63%",
// "工资福利支出预算 2016908.34 元,占基本支出预算81.45%", with the base stated before, often in an
// earlier sentence ("一般公共预算收入完成151亿元…。其中：…"). And the parts whose shares of one
// base add up to 100% (sum.breakdown): they partition it.
#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "audit/figures.h"
#include "audit/scan.h"

namespace jixiao {
namespace {

bool Consistent(Agreement a) { return a == Agreement::kConsistent; }
bool Near(Agreement a) { return a == Agreement::kTruncated || a == Agreement::kLastDigit; }

// The part-scope words of `s` (fig.scope without fig.scope_whole: "旗级|", "41个县|"), or "".
std::string PartScope(const Rules& rules, std::string_view s) {
  std::string words, text(s);
  for (const Match& m : FindAll(rules.One("fig.scope"), text, Span{0, text.size()})) {
    std::string_view w = View(text, m.whole);
    if (!AnyMatch(rules.Get("fig.scope_whole"), w)) words += std::string(w) + "|";
  }
  return words;
}

// A bound or an estimate ("约15%", "近300人", "3000万元左右"): not an exact input.
bool Approximate(const std::string& t, const Rules& rules, const Number& n) {
  size_t from = n.begin > 12 ? n.begin - 12 : 0;
  while (from < n.begin && (static_cast<unsigned char>(t[from]) & 0xC0) == 0x80) ++from;
  if (AnyMatch(rules.Get("fig.approx_before"), View(t, Span{from, n.begin}))) return true;
  return AnyMatch(rules.Get("fig.approx_after"), View(t, Span{n.end, std::min(t.size(), n.end + 12)}));
}

// A figure that ends its clause: no digit before the next punctuation mark. A cell of a table row
// ("一般公共预算支出 100 200 300") is followed by the next cell, and is never a base.
bool EndsClause(const std::string& t, const Number& n) {
  for (size_t i = n.end; i < t.size() && i < n.end + 60; ++i) {
    char c = t[i];
    if (c >= '0' && c <= '9') return false;
    if (c == '\n' || c == ',' || c == ';' || c == ':' || c == '(' || c == ')') return true;
    if (t.compare(i, 3, "，") == 0 || t.compare(i, 3, "。") == 0 || t.compare(i, 3, "；") == 0 ||
        t.compare(i, 3, "：") == 0 || t.compare(i, 3, "（") == 0 || t.compare(i, 3, "、") == 0) {
      return true;
    }
  }
  return true;
}

std::string Named(const std::string& t, const Number& n) {
  std::string label = LabelBefore(t, n.begin, 10);
  return (label.empty() ? "" : label + " ") + Written(n);
}

struct Share {
  std::string base;
  Number part, rate;
  size_t whole_at;  // where the base figure begins
  Number whole;
  Span quote;
};

// "分为基本支出预算和项目支出预算。": the parts of a whole the split does not name, each with the
// first figure after the split whose words name it (within 3000 bytes). A name of fewer than two
// characters, a part with no figure, or two names of one figure: not a split read here.
struct SplitInto {
  std::vector<std::string> names;
  std::vector<Number> parts;  // one per name, in order
  Span quote;                 // the split's words
};

std::vector<SplitInto> SplitsInto(const std::string& t, const Rules& rules, const std::vector<Number>& all_figs) {
  std::vector<SplitInto> out;
  for (const Match& m : FindAll(rules.One("fig.split_into"), t, Span{0, t.size()})) {
    Span list = m.Get("parts");
    if (list.end <= list.begin) continue;
    SplitInto sp;
    sp.quote = m.whole;
    size_t from = list.begin;
    bool ok = true;
    auto add_name = [&](size_t b, size_t e) {
      std::string name;
      for (char c : View(t, Span{b, e}))
        if (c != ' ') name += c;
      std::string trimmed = name;
      for (const re2::RE2* re : rules.Get("fig.share_base_generic")) RE2::GlobalReplace(&trimmed, *re, "");
      if (Bigrams(trimmed).size() >= 1) name = trimmed;
      if (Bigrams(name).empty()) ok = false;
      sp.names.push_back(name);
    };
    for (const Match& sep : FindAll(rules.One("fig.split_into_sep"), t, list)) {
      if (sep.whole.end <= sep.whole.begin) {  // an empty separator cuts nothing
        ok = false;
        break;
      }
      add_name(from, sep.whole.begin);
      from = sep.whole.end;
    }
    if (!ok || from >= list.end) continue;
    add_name(from, list.end);
    if (!ok || sp.names.size() < 2) continue;
    auto it = std::lower_bound(all_figs.begin(), all_figs.end(), m.whole.end,
                               [](const Number& n, size_t at) { return n.begin < at; });
    for (const std::string& name : sp.names) {
      const Number* found = nullptr;
      for (auto f = it; f != all_figs.end() && f->begin < m.whole.end + 3000; ++f) {
        if (!IsQuantity(*f) || IsChangeFigure(t, rules, *f, 0) || IsShareBase(t, *f)) continue;
        if (LabelBefore(t, f->begin, 16).find(name) == std::string::npos) continue;
        found = &*f;
        break;
      }
      if (!found || (!sp.parts.empty() && !SameKind(*found, sp.parts.front()))) {
        ok = false;
        break;
      }
      for (const Number& p : sp.parts) ok &= p.begin != found->begin;
      sp.parts.push_back(*found);
    }
    if (ok) out.push_back(std::move(sp));
  }
  return out;
}

// The base a list's opener names ("2023年度“三公”经费财政拨款支出决算中,", rule fig.share_opener): at
// the start of sentence `i`, or of the sentence the list began with on the same line (joined by
// "；"); empty if none.
std::string ListOpener(const std::string& t, const Rules& rules, const std::vector<Sentence>& sentences, size_t i) {
  for (size_t k = i + 1; k-- > 0;) {
    const Sentence& s = sentences[k];
    auto m = FindFirst(rules.Get("fig.share_opener"), t, s.span);
    if (m && m->whole.begin == s.span.begin && m->Get("base").end > m->Get("base").begin) {
      std::string base;
      for (char c : View(t, m->Get("base")))
        if (c != ' ') base += c;
      return base;
    }
    if (k == 0 || sentences[k - 1].line != s.line) break;
    std::string_view prev = View(t, sentences[k - 1].span);
    if (prev.size() < 3 || prev.substr(prev.size() - 3) != "；") break;
  }
  return "";
}

// A share of a split's part whose base no figure is named for: checked against the parts' sum
// once every part of the split has a share of that base.
struct SplitShare {
  size_t split, part;
  std::string base;
  Number rate;
  Span quote;
};

// rate.ratio of each share of a split's parts against their sum: "分为基本支出预算和项目支出预算" and
// both parts' shares naming 一般公共预算支出, which no figure is named for. Read only when every part
// has exactly one share of one base, the base is none of the parts, and one share at least agrees
// with its part over the sum (the sum is then the base the shares mean); else unbound.
void SplitShares(const Document& doc, const Rules& rules, const std::vector<SplitInto>& splits,
                 const std::vector<SplitShare>& shares, Outline* out) {
  const std::string& t = doc.text;
  std::vector<bool> done(shares.size(), false);
  for (size_t i = 0; i < shares.size(); ++i) {
    if (done[i]) continue;
    const SplitInto& sp = splits[shares[i].split];
    std::vector<const SplitShare*> of(sp.parts.size(), nullptr);
    bool ok = true;
    for (size_t k = i; k < shares.size(); ++k) {
      if (shares[k].split != shares[i].split || shares[k].base != shares[i].base) continue;
      done[k] = true;
      ok &= of[shares[k].part] == nullptr;
      of[shares[k].part] = &shares[k];
    }
    for (size_t p = 0; p < of.size(); ++p) {
      ok &= of[p] != nullptr && !BaseNamed(rules, shares[i].base, sp.names[p]);
    }
    std::vector<Expr> terms;
    std::string names;
    for (const Number& n : sp.parts) {
      terms.push_back(Fig(n));
      names += (names.empty() ? "" : " + ") + Named(t, n);
    }
    Expr whole = Expr::Sum(terms);
    bool agrees = false;
    for (size_t p = 0; ok && p < of.size(); ++p) {
      Agreement a = Compare(of[p]->rate, false, Expr::Quotient(Fig(sp.parts[p]), whole).Eval());
      agrees |= Consistent(a) || Near(a);
    }
    if (!ok || !agrees) {
      for (const SplitShare* s : of) out->unbound += s ? 1 : 0;
      continue;
    }
    for (size_t p = 0; p < of.size(); ++p) {
      Relation r;
      r.check = CheckId::kRateRatio;
      r.computed = Expr::Quotient(Fig(sp.parts[p]), whole);
      r.stated = of[p]->rate;
      r.quote = of[p]->quote;
      r.anchor = Span{of[p]->rate.begin, of[p]->rate.end};
      r.more_quotes.push_back(sp.quote);
      r.note = Named(t, sp.parts[p]) + " / (" + names + "): " + shares[i].base + " is split into " +
               std::to_string(sp.parts.size()) + " parts (line " + std::to_string(doc.LineAt(sp.quote.begin)) +
               "), their sum the base the shares name";
      out->relations.push_back(r);
    }
  }
}

}  // namespace

bool IsShareBase(const std::string& t, const Number& n) {
  size_t i = n.end;
  while (i < t.size() && t[i] == ' ') ++i;
  if (t.compare(i, 3, "的") != 0) return false;
  i += 3;
  while (i < t.size() && t[i] == ' ') ++i;
  auto p = FigureAt(t, i);
  return p && p->unit == Unit::kPercent;
}

void NamedShares(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
                 const std::vector<Span>& used, const std::vector<Number>& all_figs, Outline* out) {
  const std::string& t = doc.text;
  std::vector<Share> shares;
  // Rates another reader already checks ("其中：A a，占收入合计的 p%" in figures_sums.cc).
  std::vector<size_t> checked, broken_down;
  for (const Relation& r : out->relations) {
    if (r.check == CheckId::kRateRatio) checked.push_back(r.anchor.begin);
    if (r.check == CheckId::kSumBreakdown) broken_down.push_back(r.anchor.begin);
  }
  const std::vector<SplitInto> splits = SplitsInto(t, rules, all_figs);
  std::vector<SplitShare> split_shares;
  for (const Sentence& s : sentences) {
    for (const Number& rate : s.figures) {
      if (rate.unit != Unit::kPercent) continue;
      bool inside = false;
      for (const Span& u : used) inside |= rate.begin >= u.begin && rate.begin < u.end;
      if (inside || std::find(checked.begin(), checked.end(), rate.begin) != checked.end()) continue;
      Span clause = ClauseBefore(t, rate.begin, s.span.begin);
      std::string_view before = View(t, clause);
      // Rates with a rate word are ProseRates' ("占比", "完成预算的"); changes are not shares.
      if (AnyMatch(rules.Get("fig.rate_context"), before) || AnyMatch(rules.Get("fig.rate_not"), before)) {
        continue;
      }
      auto ends_clause = [&](const Match& x) {
        return View(t, Span{x.whole.end, clause.end}).find_first_not_of(' ') == std::string_view::npos;
      };
      // "税收收入3511万元，占年初预算8465万元的41.5%": the base written out in the rate's clause.
      if (auto mi = FindFirst(rules.Get("fig.share_inline"), t, clause); mi && ends_clause(*mi)) {
        auto den = FigureAt(t, mi->Get("den").begin);
        const Number* part = nullptr;
        for (const Number& n : s.figures) {
          if (n.begin >= clause.begin) break;
          if (den && SameKind(n, *den)) part = &n;
        }
        if (!den || !part || den->scaled == 0 || IsChangeFigure(t, rules, *part, s.span.begin) ||
            Approximate(t, rules, *part) || Approximate(t, rules, *den)) {
          out->unbound += 1;
          continue;
        }
        Relation r;
        r.check = CheckId::kRateRatio;
        r.computed = Expr::Quotient(Fig(*part), Fig(*den));
        r.stated = rate;
        r.quote = s.span;
        r.anchor = Span{rate.begin, rate.end};
        r.note = Named(t, *part) + " / " + Named(t, *den) + ", the base written in the share's words";
        out->relations.push_back(r);
        continue;
      }
      auto m = FindFirst(rules.Get("fig.share_of"), t, clause);
      std::string base;
      if (m && ends_clause(*m)) {
        for (char c : View(t, m->Get("base")))
          if (c != ' ') base += c;
      } else {
        // "“三公”经费财政拨款支出决算中,因公出国(境)费12.02万元,占19.4%;…": a bare 占 whose base the
        // list's opener names.
        m = FindFirst(rules.Get("fig.share_bare"), t, clause);
        if (!m || !ends_clause(*m) || m->whole.end <= m->whole.begin) continue;
        if (View(t, Span{clause.begin, m->whole.begin}).find_first_not_of(' ') != std::string_view::npos) continue;
        base = ListOpener(t, rules, sentences, static_cast<size_t>(&s - sentences.data()));
        if (base.empty()) continue;
      }
      std::string core = base;
      for (const re2::RE2* re : rules.Get("fig.base_generic")) RE2::GlobalReplace(&core, *re, "");
      // "占预算的": too few words to tell which figure is meant.
      if (Bigrams(core).size() < 2) continue;
      // "占项目支出预算 2.56%" is a share of "项目支出 469500 元" in a budget: a trailing 预算 names no
      // other figure (fig.share_base_generic), when enough words are left ("占年初预算" keeps it).
      {
        std::string trimmed = base;
        for (const re2::RE2* re : rules.Get("fig.share_base_generic")) RE2::GlobalReplace(&trimmed, *re, "");
        std::string tcore = trimmed;
        for (const re2::RE2* re : rules.Get("fig.base_generic")) RE2::GlobalReplace(&tcore, *re, "");
        if (Bigrams(tcore).size() >= 2) base = trimmed, core = tcore;
      }
      // The part: the last amount or count of the sentence before the rate's clause, a level
      // (not "增加 X 万元"), stated exactly.
      // "税收收入完成66342万元，…增收10304万元，税收收入占地方财政收入66.19%": a change is skipped;
      // words before 占 in the rate's clause name the part.
      const Number* part = nullptr;
      for (const Number& n : s.figures) {
        if (n.begin >= clause.begin) break;
        if (IsQuantity(n) && !IsChangeFigure(t, rules, n, s.span.begin)) part = &n;
      }
      if (!part || Approximate(t, rules, *part)) {
        out->unbound += 1;
        continue;
      }
      std::string subject(View(t, Span{clause.begin, m->whole.begin}));
      if (Bigrams(subject).size() >= 1 && SharedBigrams(LabelBefore(t, part->begin), subject) == 0) {
        out->unbound += 1;
        continue;
      }
      // A part named as the base itself is the whole, not a part of it.
      if (BaseNamed(rules, base, LabelBefore(t, part->begin))) continue;
      std::string scope = PartScope(rules, View(t, Span{s.span.begin, rate.begin}));
      bool share_le_whole = ValueOf(rate) <= 1;  // ValueOf of a percent is the fraction
      // The base: the nearest figure before the part, of its kind, whose words name the base and
      // its scope; within the last 3000 bytes.
      std::vector<const Number*> named;
      auto stop = std::lower_bound(all_figs.begin(), all_figs.end(), part->begin,
                                   [](const Number& n, size_t at) { return n.begin < at; });
      for (auto it = stop; it != all_figs.begin();) {
        const Number& d = *--it;
        if (d.begin + 3000 < part->begin) break;
        if (!SameKind(d, *part) || d.scaled == 0) continue;
        if (share_le_whole && ValueOf(d) < ValueOf(*part)) continue;
        if (!BaseNamed(rules, base, LabelBefore(t, d.begin))) continue;
        if (PartScope(rules, LabelBefore(t, d.begin, 24)) != scope) continue;
        if (IsChangeFigure(t, rules, d, 0) || Approximate(t, rules, d) || !EndsClause(t, d)) continue;
        if (AnyMatch(rules.Get("fig.compared_label"), LabelBefore(t, d.begin, 24))) continue;
        named.push_back(&d);
      }
      if (named.empty()) {
        bool pending = false;
        for (size_t k = splits.size(); k-- > 0 && !pending;) {
          if (splits[k].quote.end > part->begin) continue;
          for (size_t p = 0; p < splits[k].parts.size(); ++p) {
            if (splits[k].parts[p].begin != part->begin) continue;
            split_shares.push_back(SplitShare{k, p, base, rate, s.span});
            pending = true;
          }
        }
        if (!pending) out->unbound += 1;
        continue;
      }
      // The figure whose words name the base best ("一般公共预算收入累计完成" over "一般公共预算支出
      // 累计完成" for 一般公共预算收入), the nearest of those.
      const Number* best = named.front();
      int best_shared = -1;
      for (const Number* d : named) {
        int n = SharedBigrams(LabelBefore(t, d->begin), core);
        if (n > best_shared) best = d, best_shared = n;
      }
      const Number& whole = *best;
      Expr e = Expr::Quotient(Fig(*part), Fig(whole));
      Agreement a = Compare(rate, false, e.Eval());
      bool same_sentence = whole.begin >= s.span.begin;
      if (!Consistent(a) && !Near(a)) {
        // Another figure so named gives the rate: the words do not tell which is meant.
        bool other = false;
        for (const Number* d : named)
          other |= d != best && Consistent(Compare(rate, false, Expr::Quotient(Fig(*part), Fig(*d)).Eval()));
        if (other) {
          out->unbound += 1;
          continue;
        }
      }
      Relation r;
      r.check = CheckId::kRateRatio;
      r.computed = e;
      r.stated = rate;
      r.quote = s.span;
      r.anchor = Span{rate.begin, rate.end};
      // The base's own clause ("2. 项目支出 469500 元"), not its sentence, which states other rates.
      if (!same_sentence) r.more_quotes.push_back(Span{ClauseBefore(t, whole.begin, 0).begin, whole.end});
      r.note = Named(t, *part) + " / " + Named(t, whole) + " (line " + std::to_string(doc.LineAt(whole.begin)) +
               "), the nearest figure named " + base + ", the base the share names";
      // Across sentences the nearest namesake is most likely, not certain, the base.
      if (!same_sentence) r.severity = Severity::kWarning;
      out->relations.push_back(r);
      shares.push_back(Share{base, *part, rate, whole.begin, whole, s.span});
    }
  }
  SplitShares(doc, rules, splits, split_shares, out);
  // Consecutive shares of one base figure that add up to 100% (within their rounding): the
  // parts partition the whole, so they add up to it.
  for (size_t i = 0; i < shares.size();) {
    auto same = [&](size_t k) { return shares[k].whole_at == shares[i].whole_at && shares[k].base == shares[i].base; };
    mpq_class sum = 0, slack = 0, unit = 0;
    size_t end = 0;  // one past the last share of a group adding up to 100%, or 0
    for (size_t k = i; k < shares.size() && same(k); ++k) {
      bool distinct = true;
      for (size_t l = i; l < k; ++l) distinct &= shares[l].part.begin != shares[k].part.begin;
      if (!distinct) break;
      sum += ValueOf(shares[k].rate) * 100;  // in percent
      // A share of 0 (a part of 0) is exact; the others stand for the interval they round from,
      // and one of them may be off by one in its last digit.
      if (shares[k].rate.scaled != 0) {
        mpq_class u = 1;
        for (int d = 0; d < shares[k].rate.decimals; ++d) u /= 10;
        slack += u / 2;
        unit = unit == 0 ? u : std::min(unit, u);
      }
      if (k > i && abs(sum - 100) <= slack + unit) {
        end = k + 1;
        break;
      }
      if (sum > 100 + slack + unit) break;
    }
    if (end == 0) {
      ++i;
      continue;
    }
    // A 其中 list already checked against this whole (figures_sums.cc).
    if (std::find(broken_down.begin(), broken_down.end(), shares[i].whole.begin) != broken_down.end()) {
      i = end;
      continue;
    }
    Relation r;
    r.check = CheckId::kSumBreakdown;
    std::vector<Expr> terms;
    std::string names;
    for (size_t k = i; k < end; ++k) {
      terms.push_back(Fig(shares[k].part));
      names += (names.empty() ? "" : " + ") + Named(t, shares[k].part);
    }
    r.computed = Expr::Sum(terms);
    r.stated = shares[i].whole;
    r.stated_exact = shares[i].whole.IsCount();
    r.quote = Span{ClauseBefore(t, shares[i].whole.begin, 0).begin, shares[i].whole.end};
    r.more_quotes.push_back(Span{shares[i].quote.begin, shares[end - 1].quote.end});
    r.anchor = Span{shares[i].whole.begin, shares[i].whole.end};
    r.note = "parts by their shares of " + shares[i].base + " (which add up to " + FormatDecimal(sum, 2) +
             "%): " + names + " = " + Named(t, shares[i].whole);
    out->relations.push_back(r);
    i = end;
  }
}

}  // namespace jixiao
