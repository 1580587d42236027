// ParseClaims: claims in prose checked against the report's own figures (claim.contradiction):
// full marks beside rates below 100%, "大部分" beside a rate ≤ 50%, "全部完成" beside unfinished
// items, targets against actuals, "不存在超编制" against staff counts.
#include <re2/re2.h>

#include <algorithm>

#include "audit/figures.h"
#include "audit/outline.h"
#include "audit/scan.h"
#include "audit/sentences.h"

namespace jixiao {
namespace {

std::optional<Number> At(const std::string& text, Span s) {
  if (s.empty()) return std::nullopt;
  return FigureAt(text, s.begin);
}

CheckResult Claim(const Document& doc, const Outline& outline, Span quote, Span anchor, Verdict v,
                  Severity sev) {
  CheckResult c = MakeResult(doc, CheckId::kClaimContradiction, quote, anchor);
  c.path = PathAt(outline, anchor.empty() ? quote.begin : anchor.begin);
  c.verdict = v;
  c.severity = v == Verdict::kPass ? Severity::kInfo : sev;
  return c;
}

// A total self-score at full marks while a higher-is-better rate indicator is below 100%.
void FullMarks(const Document& doc, const Rules& rules, Outline* out) {
  const std::string& t = doc.text;
  Span all{0, t.size()};
  std::optional<Number> score;
  Span score_at;
  for (const re2::RE2* re : rules.Get("claim.total_score")) {
    for (const Match& m : FindAll(*re, t, all)) {
      auto n = At(t, m.Get("score"));
      if (n && (!score || n->begin < score->begin)) {
        score = n;
        score_at = m.whole;
      }
    }
  }
  if (!score) return;
  mpq_class max = 100;
  if (out->total && out->total->max) max = ValueOf(out->total->max->value);
  if (ValueOf(*score) != max) return;
  for (const Match& m : FindAll(rules.One("claim.rate_indicator"), t, all)) {
    auto rate = At(t, m.Get("rate"));
    if (!rate || ValueOf(*rate) >= 1) continue;
    std::string_view after = View(t, Span{rate->end, std::min(rate->end + 9, t.size())});
    if (after.find("以上") == 0 || after.find("以下") == 0) continue;
    if (AnyMatch(rules.Get("claim.rate_not"), View(t, ClauseBefore(t, rate->begin, 0)))) continue;
    Span quote = SentenceAround(t, m.whole);
    // 完成率 is scored in proportion as a rule; 执行率 and the like often by thresholds
    // (≥ 95% full marks), so below 100% they only make full marks doubtful.
    bool proportional = AnyMatch(rules.Get("claim.rate_proportional"), View(t, m.Get("name")));
    CheckResult c = Claim(doc, *out, quote, Span{rate->begin, rate->end},
                          proportional ? Verdict::kFail : Verdict::kWarning,
                          proportional ? Severity::kError : Severity::kWarning);
    c.stated = Written(*score);
    c.recomputed = "< " + FormatDecimal(max, 0);
    c.arithmetic = "total self-score " + Written(*score) + " (line " +
                   std::to_string(doc.LineAt(score_at.begin)) + ") is full marks, but " +
                   std::string(View(t, m.Get("name"))) + " is " + Written(*rate) +
                   ": under a proportional rule its score is max × " + Written(*rate) +
                   " < max, so the total cannot be " + FormatDecimal(max, 0);
    out->results.push_back(std::move(c));
  }
}

// "大部分/大多数" in a sentence whose rate is ≤ 50%.
void Majority(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
              Outline* out) {
  const std::string& t = doc.text;
  for (const Sentence& s : sentences) {
    auto m = FindFirst(rules.Get("claim.majority"), t, s.span);
    if (!m) continue;
    for (const Number& n : s.figures) {
      if (n.unit != Unit::kPercent || ValueOf(n) > mpq_class(1, 2)) continue;
      if (!AnyMatch(rules.Get("fig.rate_context"), View(t, ClauseBefore(t, n.begin, s.span.begin)))) {
        continue;
      }
      CheckResult c = Claim(doc, *out, s.span, m->whole, Verdict::kWarning, Severity::kWarning);
      c.stated = std::string(View(t, m->whole));
      c.recomputed = Written(n);
      c.arithmetic = "'" + c.stated + "' claims a majority, but the rate stated with it is " +
                     Written(n) + " (≤ 50%)";
      out->results.push_back(std::move(c));
      break;
    }
  }
}

// "全部完成/均已完成" in a sentence that also counts unfinished items.
void AllDone(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
             Outline* out) {
  const std::string& t = doc.text;
  for (const Sentence& s : sentences) {
    auto claim = FindFirst(rules.Get("claim.all_done"), t, s.span);
    if (!claim) continue;
    for (const Match& m : FindAll(rules.One("claim.not_done"), t, s.span)) {
      auto n = At(t, m.Has("n") ? m.Get("n") : m.Get("n2"));
      if (!n || n->scaled == 0) continue;
      CheckResult c = Claim(doc, *out, s.span, claim->whole, Verdict::kFail, Severity::kError);
      c.stated = std::string(View(t, claim->whole));
      c.recomputed = Written(*n) + " 未完成";
      c.arithmetic = "'" + c.stated + "' but the same sentence counts " + Written(*n) + " unfinished";
      out->results.push_back(std::move(c));
      break;
    }
  }
}

// "预计…108.47 亿元，实际为 117.91 亿元，该指标已完成".
void TargetActualPairs(const Document& doc, const Rules& rules,
                       const std::vector<Sentence>& sentences, Outline* out) {
  const std::string& t = doc.text;
  for (const Sentence& s : sentences) {
    for (const Match& m : FindAll(rules.One("claim.target_actual"), t, s.span)) {
      auto target = At(t, m.Get("target")), actual = At(t, m.Get("actual"));
      if (!target || !actual || target->unit == Unit::kNone || !SameKind(*target, *actual)) continue;
      if (AnyMatch(rules.Get("claim.lower_better"), View(t, m.Get("what")))) continue;
      bool met = ValueOf(*actual) >= ValueOf(*target);
      std::string_view rest = View(t, Span{m.whole.end, s.span.end});
      bool claims_done = rest.find("已完成") != std::string_view::npos &&
                         rest.find("未完成") == std::string_view::npos;
      Verdict v = met ? Verdict::kPass : claims_done ? Verdict::kFail : Verdict::kWarning;
      CheckResult c = Claim(doc, *out, s.span, Span{actual->begin, actual->end}, v,
                            claims_done ? Severity::kError : Severity::kWarning);
      c.stated = Written(*actual);
      c.recomputed = Written(*target);
      c.arithmetic = "target " + Written(*target) + " vs actual " + Written(*actual) + ": " +
                     (met ? "met" : "not met") + (claims_done ? "; the report says 已完成" : "");
      out->results.push_back(std::move(c));
    }
  }
}

// Targets stated as counts ("培育5家专精特新企业") against actual counts stated later.
struct Item {
  Number n;
  std::string name;   // noun after the count, or label before it
  std::string label;  // label before the count
  size_t sentence;
};

int GroupOf(const std::vector<std::vector<std::string>>& groups, const std::string& s) {
  for (size_t g = 0; g < groups.size(); ++g) {
    for (const auto& w : groups[g]) {
      if (s.find(w) != std::string::npos) return static_cast<int>(g);
    }
  }
  return -1;
}

void Targets(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
             Outline* out) {
  const std::string& t = doc.text;
  std::vector<std::vector<std::string>> groups;
  for (std::string_view text : rules.Texts("claim.synonyms")) {
    std::vector<std::string> g;
    std::string p(text);
    size_t b = 0;
    for (size_t e = p.find('|'); ; e = p.find('|', b)) {
      g.push_back(p.substr(b, e == std::string::npos ? std::string::npos : e - b));
      if (e == std::string::npos) break;
      b = e + 1;
    }
    groups.push_back(g);
  }
  // Section headings: short lines without a full stop.
  std::vector<Span> lines = Lines(t);
  std::vector<bool> target_line(lines.size(), false);
  bool in_target = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view l = View(t, lines[i]);
    if (CharCount(l) <= 30 && l.find("。") == std::string_view::npos &&
        l.find("，") == std::string_view::npos) {
      in_target = AnyMatch(rules.Get("claim.target_word"), l);
    }
    target_line[i] = in_target;
  }
  std::vector<Item> targets, actuals;
  for (size_t si = 0; si < sentences.size(); ++si) {
    const Sentence& s = sentences[si];
    bool in_target = AnyMatch(rules.Get("claim.target_word"), View(t, s.span));
    for (const Match& m : FindAll(rules.One("claim.count"), t, s.span)) {
      auto n = At(t, m.Get("n"));
      if (!n || !n->IsCount()) continue;
      // In a sentence that states targets, only the clauses with a target word are targets
      // ("预计…增长 8%，全市 505 家规上工业企业…" states an actual count); an actual count is
      // never read from such a sentence.
      // A target word before a colon governs the list after it ("目标及任务…企业培育：培育5家…").
      std::string_view head = View(t, Span{s.span.begin, n->begin});
      size_t colon = head.rfind("：");
      bool listed = colon != std::string_view::npos &&
                    AnyMatch(rules.Get("claim.target_word"), head.substr(0, colon));
      bool is_target =
          target_line[s.line] || listed ||
          (in_target && AnyMatch(rules.Get("claim.target_word"),
                                 View(t, ClauseBefore(t, n->begin, s.span.begin))));
      if (!is_target && in_target) continue;
      Item it{*n, "", LabelBefore(t, n->begin, 12), si};
      std::string_view after = View(t, Span{n->end, s.span.end});
      size_t stop = after.size();
      for (const char* p : {"，", "；", "。", "、", "(", ",", " "}) stop = std::min(stop, after.find(p));
      std::string noun(after.substr(0, stop));
      if (noun.rfind("以上", 0) == 0) noun.clear();
      it.name = CharCount(noun) >= 2 ? noun : it.label;
      (is_target ? targets : actuals).push_back(it);
    }
  }
  for (const Item& tg : targets) {
    int g = GroupOf(groups, tg.name);
    if (g < 0 && CharCount(tg.name) < 4) continue;
    // The first later sentence with matching actual counts; their sum is the actual.
    std::vector<const Item*> hits;
    for (const Item& a : actuals) {
      if (a.sentence <= tg.sentence) continue;
      if (!hits.empty() && a.sentence != hits.front()->sentence) break;
      bool match = g >= 0 ? GroupOf(groups, a.label) == g || GroupOf(groups, a.name) == g
                          : a.label.find(tg.name) != std::string::npos ||
                                a.name.find(tg.name) != std::string::npos;
      if (match && SameKind(a.n, tg.n)) hits.push_back(&a);
    }
    if (hits.empty()) continue;
    int64_t sum = 0;
    std::string names;
    for (const Item* h : hits) {
      sum += h->n.scaled;
      names += (names.empty() ? "" : " + ") + h->label + " " + Written(h->n);
    }
    bool met = sum >= tg.n.scaled;
    const Item& last = *hits.back();
    CheckResult c = Claim(doc, *out, sentences[last.sentence].span, Span{last.n.begin, last.n.end},
                          met ? Verdict::kPass : Verdict::kWarning, Severity::kWarning);
    c.stated = Written(last.n);
    c.recomputed = Written(tg.n);
    // Quote the target's clause too: the auditor sees both figures, and two targets checked
    // against one sentence of actuals stay two distinct findings.
    Span target_clause = SentenceAround(doc.text, Span{tg.n.begin, tg.n.end}, 60);
    c.quote = std::string(View(doc.text, target_clause)) + " … " + c.quote;
    std::string target = tg.name == tg.label ? tg.label + Written(tg.n)
                                             : tg.label + Written(tg.n) + tg.name;
    c.arithmetic = "target '" + target + "' (line " +
                   std::to_string(doc.LineAt(tg.n.begin)) + ") vs actual " + names + " = " +
                   std::to_string(sum) + ": " + (met ? "met" : "target not met");
    out->results.push_back(std::move(c));
  }
}

// The post a staff count is for, so that the quota and the actual count of one post meet:
// "核定我局行政编制" and "现实有行政编制人员" → "行政编制"; any head count ("编制人数", "实有在职人数")
// → "人数".
std::string PostKey(const Rules& rules, std::string label) {
  // Brackets say whose post it is ("(乐昌市科学技术协会)"), written on either side of the figure.
  for (size_t open; (open = label.find('(')) != std::string::npos;) {
    size_t close = label.find(')', open);
    label.erase(open, close == std::string::npos ? std::string::npos : close - open + 1);
  }
  for (const Match& m : FindAll(rules.One("claim.staff_prefix"), label, Span{0, label.size()})) {
    label.erase(0, m.whole.end);
    break;
  }
  auto ends = [&](const std::string& tail) {
    return label.size() > tail.size() && label.compare(label.size() - tail.size(), tail.size(), tail) == 0;
  };
  if (ends("人数") || ends("总数") || AnyMatch(rules.Get("claim.staff_headcount"), label)) {
    return "人数";
  }
  for (const char* tail : {"人员数", "人员", "数"}) {
    std::string t(tail);
    if (ends(t) && CharCount(label) - CharCount(t) >= 2) label.erase(label.size() - t.size());
  }
  return label;
}

// "不存在超编制问题", "没有超职数配备干部": each post's actual count against its quota, both stated
// in the claim's paragraph before it ("核定…行政编制48名…局长1名。现实有行政编制人员47名…局长1名").
// The quota comes first; a word like 实有 switches to actual counts, 核定 back to quotas.
void Overstaff(const Document& doc, const Rules& rules, Outline* out) {
  const std::string& t = doc.text;
  std::vector<Span> lines = Lines(t);
  for (size_t li = 0; li < lines.size(); ++li) {
    const Span& line = lines[li];
    for (const Match& m : FindAll(rules.One("claim.no_overstaff"), t, line)) {
      // The quotas may end the paragraph before (a PDF line that ends with "；" at the margin).
      Span scope{line.begin, m.whole.begin};
      if (li > 0 && !FindFirst(rules.Get("claim.staff_quota_start"), t, scope)) {
        scope.begin = lines[li - 1].begin;
      }
      struct Post {
        Number n;
        std::string key;
        bool used = false;
      };
      std::vector<Post> quotas, actuals;
      enum { kNone, kQuota, kActual } mode = kNone;
      size_t gap_begin = scope.begin;
      for (const Number& n : FiguresIn(t, scope)) {
        std::string_view gap = View(t, Span{gap_begin, n.begin});
        gap_begin = n.end;
        if (!n.IsCount()) continue;
        if (AnyMatch(rules.Get("claim.staff_actual"), gap)) {
          mode = kActual;
        } else if (AnyMatch(rules.Get("claim.staff_quota_start"), gap) ||
                   (mode == kNone && AnyMatch(rules.Get("claim.staff_quota"), gap))) {
          mode = kQuota;
        }
        if (mode == kNone) continue;
        Post p{n, PostKey(rules, LabelBefore(t, n.begin, 24))};
        if (p.key.empty()) continue;
        (mode == kQuota ? quotas : actuals).push_back(std::move(p));
      }
      for (Post& a : actuals) {
        Post* q = nullptr;
        for (Post& c : quotas) {
          if (!c.used && c.key == a.key) {
            q = &c;
            break;
          }
        }
        if (q == nullptr) continue;
        q->used = true;
        Relation r;
        r.check = CheckId::kClaimContradiction;
        r.computed = Fig(a.n);
        r.stated = q->n;
        r.stated_exact = true;
        r.compare = Relation::Compare::kAtMost;
        r.quote = SentenceAround(t, m.whole);
        r.anchor = m.whole;
        r.more_quotes.push_back(SentenceAround(t, Span{a.n.begin, a.n.end}));
        r.more_quotes.push_back(SentenceAround(t, Span{q->n.begin, q->n.end}));
        r.note = "'" + std::string(View(t, m.whole)) + "': " + a.key + " " +
                 LabelBefore(t, a.n.begin, 10) + " " + Written(a.n) + " ≤ " +
                 LabelBefore(t, q->n.begin, 10) + " " + Written(q->n);
        out->relations.push_back(r);
      }
    }
  }
}

// "支出占比最大的是项目支出": the named figure is at least every other part of its sentence.
void Largest(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
             Outline* out) {
  const std::string& t = doc.text;
  for (const Sentence& s : sentences) {
    for (const Match& m : FindAll(rules.One("claim.largest"), t, s.span)) {
      std::string name(View(t, m.Get("name")));
      std::optional<Number> named, other;
      for (const Number& n : s.figures) {
        if (!IsQuantity(n) || n.begin > m.whole.begin) continue;
        if (LabelBefore(t, n.begin, 12).find(name) != std::string::npos) {
          named = n;
        } else if (!other || ValueOf(n) > ValueOf(*other)) {
          other = n;
        }
      }
      if (!named || !other || !SameKind(*named, *other)) continue;
      Relation r;
      r.check = CheckId::kClaimContradiction;
      r.computed = Fig(*other);
      r.stated = *named;
      r.compare = Relation::Compare::kAtMost;
      r.quote = s.span;
      r.anchor = m.whole;
      r.note = "'" + std::string(View(t, m.whole)) + "': every other part (largest " +
               LabelBefore(t, other->begin, 10) + " " + Written(*other) + ") ≤ " + name + " " +
               Written(*named);
      out->relations.push_back(r);
    }
  }
}

// Two words compared ("实际支出数≤预算安排数", "不存在实际采购金额大于计划采购金额的情况"): find
// the amounts the paragraph names with those words and compare them.
void WordComparisons(const Document& doc, const Rules& rules, Outline* out) {
  const std::string& t = doc.text;
  // How well an amount's label names a side: the share of two-character pairs they have in
  // common, of the shorter of the two ("实际支出" names "“三公”经费实际支出数" fully).
  auto pairs = [](const std::string& s) {
    std::vector<std::string> chars, out;
    for (size_t i = 0; i < s.size();) {
      size_t n = (static_cast<unsigned char>(s[i]) >= 0xE0) ? 3 : 1;
      std::string ch = s.substr(i, n);
      if (ch != "“" && ch != "”" && ch != "的") chars.push_back(ch);
      i += n;
    }
    for (size_t i = 0; i + 1 < chars.size(); ++i) out.push_back(chars[i] + chars[i + 1]);
    return out;
  };
  auto score = [&](const std::string& label, const std::string& side) {
    auto lp = pairs(label), sp = pairs(side);
    if (lp.empty()) return 0.0;
    int common = 0;
    for (const auto& p : lp) common += std::find(sp.begin(), sp.end(), p) != sp.end();
    if (common < 2) return 0.0;
    return static_cast<double>(common) / static_cast<double>(std::min(lp.size(), sp.size()));
  };
  for (const Span& line : Lines(t)) {
    for (const char* rule : {"claim.word_compare", "claim.word_compare_negated"}) {
      for (const Match& m : FindAll(rules.One(rule), t, line)) {
        std::string a(View(t, m.Get("a"))), b(View(t, m.Get("b")));
        std::optional<Number> na, nb;
        double best_a = 0.5, best_b = 0.5;  // at least half the label must name the side
        for (const Number& n : FiguresIn(t, Span{line.begin, m.whole.begin})) {
          if (!IsQuantity(n)) continue;
          std::string label = LabelBefore(t, n.begin, 16);
          double sa = score(label, a), sb = score(label, b);
          if (sa >= best_a && sa > sb) best_a = sa, na = n;
          if (sb >= best_b && sb > sa) best_b = sb, nb = n;
        }
        if (!na || !nb || na->begin == nb->begin || !SameKind(*na, *nb)) continue;
        auto yuan = [](const Number& n) {
          mpq_class v = ValueOf(n);
          if (n.unit == Unit::kWanYuan) v *= 10000;
          if (n.unit == Unit::kYiYuan) v *= 100000000;
          return v;
        };
        std::string op = rule == std::string("claim.word_compare") ? std::string(View(t, m.Get("op")))
                                                                   : "≤";
        bool strict = op == "<" || op == "小于" || op == "低于";
        bool holds = strict ? yuan(*na) < yuan(*nb) : yuan(*na) <= yuan(*nb);
        CheckResult c = MakeResult(doc, CheckId::kClaimContradiction,
                                   Span{SentenceAround(t, Span{na->begin, na->end}).begin,
                                        SentenceAround(t, m.whole).end},
                                   m.whole);
        c.stated = std::string(View(t, m.whole));
        c.recomputed = Written(*na) + (holds ? (strict ? " < " : " ≤ ") : " > ") + Written(*nb);
        c.arithmetic = "'" + c.stated + "': " + LabelBefore(t, na->begin, 16) + " " + Written(*na) +
                       " vs " + LabelBefore(t, nb->begin, 16) + " " + Written(*nb) +
                       (holds ? " ✓" : " ✗ (the comparison the report states is false)");
        c.verdict = holds ? Verdict::kPass : Verdict::kFail;
        c.severity = holds ? Severity::kInfo : Severity::kError;
        out->results.push_back(std::move(c));
      }
    }
  }
}

}  // namespace

void ParseClaims(const Document& doc, const Rules& rules, Outline* out) {
  size_t first_relation = out->relations.size();
  std::vector<Sentence> sentences = SplitSentences(doc.text);
  FullMarks(doc, rules, out);
  Majority(doc, rules, sentences, out);
  AllDone(doc, rules, sentences, out);
  TargetActualPairs(doc, rules, sentences, out);
  Targets(doc, rules, sentences, out);
  Overstaff(doc, rules, out);
  WordComparisons(doc, rules, out);
  Largest(doc, rules, sentences, out);
  BudgetCompletion(doc, rules, sentences, out);
  AssignPaths(out, first_relation);
}

}  // namespace jixiao
