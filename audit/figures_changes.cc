// change.yoy: year-over-year changes and targets derived from a base.
#include <re2/re2.h>

#include <algorithm>
#include <optional>

#include "audit/figures.h"
#include "audit/scan.h"

namespace jixiao {
namespace {

bool Up(std::string_view dir) { return dir == "增加" || dir == "增长" || dir == "增收" || dir == "增支"; }

// The 比 / 较 at `at` compares with a base: not the 比 of 比重 / 比例 / 同比, nor 较 of 较好.
bool Compares(const std::string& t, const Rules& rules, size_t at, size_t floor) {
  size_t after = at + 3;
  std::string_view next = View(t, Span{after, std::min(after + 3, t.size())});
  std::string_view prev = View(t, Span{at >= floor + 3 ? at - 3 : floor, at});
  return !AnyMatch(rules.Get("fig.compare_not_after"), next) &&
         !AnyMatch(rules.Get("fig.compare_not_before"), prev);
}

// The span cut at its first clause end: ，。；, or an ASCII ; or , that is no thousands separator
// ("…比重为53.79%;累计完成非税收入31397万元,增加4155万元" ends at the ;).
Span CutAtClause(const std::string& t, Span s) {
  for (size_t i = s.begin; i < s.end; ++i) {
    char c = t[i];
    bool digit_after = i + 1 < t.size() && t[i + 1] >= '0' && t[i + 1] <= '9';
    bool digit_before = i > 0 && t[i - 1] >= '0' && t[i - 1] <= '9';
    if (c == ';' || (c == ',' && !(digit_before && digit_after))) return Span{s.begin, i};
    if (t.compare(i, 3, "，") == 0 || t.compare(i, 3, "；") == 0 || t.compare(i, 3, "。") == 0) {
      return Span{s.begin, i};
    }
  }
  return s;
}


Relation Change(const Number& stated, Expr computed, Span quote, std::string note,
                Severity severity = Severity::kError) {
  // "其他收入 0.00 万元，较上年增加 0.00 万元，增长 0%": nothing before, nothing now, no change; the
  // rate is 0 / 0, and 0% is how a filing writes "no change". Only when the change itself is 0.
  std::vector<const Number*> figs;
  computed.Figures(&figs);
  if (!computed.Eval().defined && ValueOf(stated) == 0 && !figs.empty() && ValueOf(*figs.front()) == 0) {
    computed = Expr::Const(0, "0");
    note = "nothing before and no change: " + note + " is 0 / 0, written 0";
  }
  Relation r;
  r.check = CheckId::kChangeYoy;
  r.computed = std::move(computed);
  r.stated = stated;
  r.quote = quote;
  r.anchor = Span{stated.begin, stated.end};
  r.note = std::move(note);
  r.severity = severity;
  return r;
}

std::vector<Number> Quantities(const std::string& t, Span s, bool percent) {
  std::vector<Number> out;
  for (const Number& n : FiguresIn(t, s)) {
    if (percent ? n.unit == Unit::kPercent : IsQuantity(n)) out.push_back(n);
  }
  return out;
}

// The figure is the base of a rate ("完成全年预算84.82万元的73.2%"), not a level.
bool IsRateBase(const std::string& t, const Rules& rules, const Number& n) {
  return AnyMatch(rules.Get("fig.rate_base_after"), View(t, Span{n.end, std::min(n.end + 16, t.size())}));
}

// "比上年决算数增加 X 万元，增长 Y%", "同比增长 Y%，增收 X 万元": Y = X / (current − X).
void AmountAndPercent(const Document& doc, const Rules& rules, const Sentence& s,
                      const Sentence* previous, Outline* out) {
  const std::string& t = doc.text;
  std::vector<Match> found = FindAll(rules.One("fig.yoy_amount"), t, s.span);
  // "同比增长10.85%，增收2,798万元": the percent first.
  for (const re2::RE2* re : rules.Get("fig.yoy_pct_amount")) {
    for (const Match& m : FindAll(*re, t, s.span)) found.push_back(m);
  }
  for (const Match& m : found) {
    auto diff = FigureAt(t, m.Get("diff").begin);
    auto pct = FigureAt(t, m.Get("pct").begin);
    if (!diff || !pct) continue;
    std::optional<Number> cur;
    Span quote = s.span;
    // A change before it is no level ("较上年增加1.68万元，其中甲较上年同期减少0.58万元，减少
    // 4.68%": 4.68% is the part's own change, whose level is not stated).
    for (const Number& n : s.figures) {
      if (n.begin < m.whole.begin && SameKind(n, *diff) && !IsChangeFigure(t, rules, n, s.span.begin) &&
          !IsShareBase(t, n) && !IsRateBase(t, rules, n)) {
        cur = n;
      }
    }
    // "支出 2300 万元。比上年增加 150 万元，增长 6.98%。": the figure of the sentence before.
    // Only when the sentence has no subject of its own before the change ("同比上年度增加…"):
    // "“三公”经费支出决算数比2016年度减少…" is about its own subject, not the figure before.
    if (!cur && previous && CharCount(View(t, Span{s.span.begin, m.whole.begin})) <= 2) {
      for (const Number& n : previous->figures) {
        if (SameKind(n, *diff) && !IsChangeFigure(t, rules, n, previous->span.begin) && !IsRateBase(t, rules, n)) cur = n;
      }
      quote.begin = previous->span.begin;
    }
    if (!cur) continue;
    bool up = Up(View(t, m.Get("dir")));
    Expr prev = up ? Expr::Diff(Fig(*cur), Fig(*diff)) : Expr::Sum({Fig(*cur), Fig(*diff)});
    std::string note = std::string("previous year = ") + cur->Plain() + (up ? " − " : " + ") +
                       diff->Plain() + "; change " + Written(*diff) + " / previous";
    out->relations.push_back(Change(*pct, Expr::Quotient(Fig(*diff), prev), quote, note));
  }
}

// "X1、X2，分别比 2020 年的 P1、P2 增加约 D1、D2，同比增长 R1、R2".
void Parallel(const Document& doc, const Rules& rules, const Sentence& s, Outline* out) {
  const std::string& t = doc.text;
  for (const Match& m : FindAll(rules.One("fig.yoy_parallel"), t, s.span)) {
    size_t word = m.whole.begin;
    if (t.compare(word, 6, "分别") == 0) word += 6;
    if (!Compares(t, rules, word, s.span.begin)) continue;
    Span prev_span = m.Get("prevs");
    if (CutAtClause(t, prev_span).end != prev_span.end) continue;  // runs past its clause
    std::vector<Number> prevs = Quantities(t, prev_span, false);
    if (prevs.empty()) continue;
    std::vector<Number> before;
    for (const Number& n : s.figures) {
      if (n.begin < m.whole.begin && SameKind(n, prevs.front()) &&
          !IsChangeFigure(t, rules, n, s.span.begin)) {
        before.push_back(n);
      }
    }
    if (before.size() < prevs.size()) continue;
    std::vector<Number> curs(before.end() - static_cast<long>(prevs.size()), before.end());
    // The differences are of the kind of the figures they change ("超序时进度3.5个百分点" is none),
    // within their clause.
    std::vector<Number> diffs;
    for (const Number& d : Quantities(t, CutAtClause(t, m.Get("diffs")), false)) {
      if (SameKind(d, prevs.front())) diffs.push_back(d);
    }
    std::vector<Number> pcts = m.Has("pcts") ? Quantities(t, CutAtClause(t, m.Get("pcts")), true)
                                             : std::vector<Number>{};
    // "比上年的 4.8 亿元增长 8.3%": the change itself is a percentage.
    if (diffs.empty() && pcts.empty()) pcts = Quantities(t, m.Get("diffs"), true);
    bool up = Up(View(t, m.Get("dir")));
    for (size_t i = 0; i < curs.size(); ++i) {
      const Number &c = curs[i], &p = prevs[i];
      std::string label = LabelBefore(t, c.begin, 10);
      if (diffs.size() == curs.size()) {
        Expr e = up ? Expr::Diff(Fig(c), Fig(p)) : Expr::Diff(Fig(p), Fig(c));
        out->relations.push_back(Change(diffs[i], e, s.span,
                                        label + " " + Written(c) + " vs " + Written(p)));
      }
      if (pcts.size() == curs.size()) {
        bool up2 = m.Has("dir2") ? Up(View(t, m.Get("dir2"))) : up;
        Expr ratio = Expr::Quotient(Fig(c), Fig(p));
        Expr e = up2 ? Expr::Diff(ratio, Expr::Const(1, "1")) : Expr::Diff(Expr::Const(1, "1"), ratio);
        out->relations.push_back(Change(
            pcts[i], e, s.span,
            label + " " + Written(c) + " vs " + Written(p) +
                "; 同比 growth is often at comparable prices, so a difference is a warning",
            Severity::kWarning));
      }
    }
  }
}

// "以 2020 年预测值(工业投资 113.88 亿元、技改投资 31.8 亿元)为基数，工业投资预计下降 4.75%":
// the target 113.88 × (1 − 4.75%) is compared with the figure stated for it elsewhere.
void Based(const Document& doc, const Rules& rules, const Sentence& s,
           const std::vector<Sentence>& sentences, Outline* out) {
  const std::string& t = doc.text;
  for (const Match& m : FindAll(rules.One("fig.base"), t, s.span)) {
    Span where = m.Has("bases") ? m.Get("bases") : m.Get("base1");
    std::vector<Number> bases = Quantities(t, where, false);
    for (const Match& c : FindAll(rules.One("fig.base_change"), t, Span{m.whole.end, s.span.end})) {
      std::string name(View(t, c.Get("name")));
      auto pct = FigureAt(t, c.Get("pct").begin);
      if (!pct) continue;
      for (const Number& b : bases) {
        std::string label = LabelBefore(t, b.begin, 10);
        for (const char* cut : {"(", "、"}) {
          size_t p = label.rfind(cut);
          if (p != std::string::npos) label = label.substr(p + std::char_traits<char>::length(cut));
        }
        if (CharCount(label) < 2 || name.find(label) == std::string::npos) continue;
        bool up = Up(View(t, c.Get("dir")));
        Expr factor = up ? Expr::Sum({Expr::Const(1, "1"), Fig(*pct)})
                         : Expr::Diff(Expr::Const(1, "1"), Fig(*pct));
        Expr target = Expr::Product(Fig(b), factor);
        Interval v = target.Eval();
        // The target as stated elsewhere: a figure of the same kind named with the label, within
        // 2% of the computed value.
        for (const Sentence& o : sentences) {
          if (o.span.begin == s.span.begin) continue;
          bool done = false;
          for (const Number& n : o.figures) {
            if (!SameKind(n, b)) continue;
            if (LabelBefore(t, n.begin, 12).find(label) == std::string::npos) continue;
            mpq_class x = ValueOf(n);
            if (x < v.lo * mpq_class(98, 100) || x > v.hi * mpq_class(102, 100)) continue;
            out->relations.push_back(Change(n, target, o.span,
                                            label + ": base " + Written(b) + " (line " +
                                                std::to_string(doc.LineAt(b.begin)) + ") " +
                                                (up ? "增长 " : "下降 ") + Written(*pct)));
            done = true;
            break;
          }
          if (done) break;
        }
      }
    }
  }
}

// "本年度预算数为 1745.25 万元，预算数相比年初预算调增额为 817.81 万元": the change is the
// current figure minus the base, which is named and stated elsewhere.
void AgainstBase(const Document& doc, const Rules& rules, const Sentence& s,
                 const std::vector<Sentence>& sentences, Outline* out) {
  const std::string& t = doc.text;
  for (const Match& m : FindAll(rules.One("fig.change_vs"), t, s.span)) {
    std::string base(View(t, m.Get("base")));
    if (AnyMatch(rules.Get("fig.change_vs_not"), base)) continue;
    auto diff = FigureAt(t, m.Get("diff").begin);
    if (!diff) continue;
    // The current figure: the last before the change outside brackets ("调整为290000万元(其中：
    // 旗本级257800万元…)，较…增加60000万元" compares 290000, not a part in the brackets).
    std::optional<Number> cur;
    for (const Number& n : s.figures) {
      if (n.begin < m.whole.begin && SameKind(n, *diff) &&
          ParenDepth(View(t, Span{s.span.begin, n.begin})) == 0 &&
          !IsChangeFigure(t, rules, n, s.span.begin)) {
        cur = n;
      }
    }
    if (!cur) continue;
    // The base stated by its own name: not the change itself, nor another change against it
    // ("较人代会批准的预算数增加60000万元" names the base but states a difference).
    std::optional<Number> b;
    for (const Sentence& o : sentences) {
      for (const Number& n : o.figures) {
        if (!SameKind(n, *diff) || n.begin == cur->begin || n.begin == diff->begin) continue;
        std::string label = LabelBefore(t, n.begin, 16);
        size_t at = label.find(base);
        if (at == std::string::npos || AnyMatch(rules.Get("fig.change_vs_word"), label.substr(0, at))) {
          continue;
        }
        b = n;
        break;
      }
      if (b) break;
    }
    if (!b) continue;
    std::string_view dir = View(t, m.Get("dir"));
    bool up = dir == "调增" || dir == "增加";
    Expr e = up ? Expr::Diff(Fig(*cur), Fig(*b)) : Expr::Diff(Fig(*b), Fig(*cur));
    Relation r = Change(*diff, e, s.span,
                        LabelBefore(t, cur->begin, 10) + " " + Written(*cur) + " vs " + base + " " +
                            Written(*b) + " (line " + std::to_string(doc.LineAt(b->begin)) + ")");
    r.check = CheckId::kSumBreakdown;
    out->relations.push_back(r);
  }
}

// "2023年支出 2,300.00 万元，上年支出 2,150.00 万元，较上年增长 6.98%": Y = X / P − 1. A 同比
// rate may be at comparable prices: a difference is then a warning.
void PercentWithPrev(const Document& doc, const Rules& rules, const Sentence& s, Outline* out) {
  const std::string& t = doc.text;
  for (const Match& m : FindAll(rules.One("fig.yoy_pct"), t, s.span)) {
    auto pct = FigureAt(t, m.Get("pct").begin);
    if (!pct) continue;
    std::optional<Number> prev, cur;
    for (const Number& n : s.figures) {
      if (n.begin >= m.whole.begin || !IsQuantity(n) || IsChangeFigure(t, rules, n, s.span.begin)) continue;
      if (AnyMatch(rules.Get("fig.prev_label"), LabelBefore(t, n.begin, 8))) {
        prev = n;
      } else if (!prev) {
        cur = n;
      }
    }
    if (!prev || !cur || !SameKind(*prev, *cur)) continue;
    bool up = Up(View(t, m.Get("dir")));
    Expr ratio = Expr::Quotient(Fig(*cur), Fig(*prev));
    Expr e = up ? Expr::Diff(ratio, Expr::Const(1, "1")) : Expr::Diff(Expr::Const(1, "1"), ratio);
    bool tongbi = m.Has("tongbi");
    out->relations.push_back(Change(*pct, e, s.span,
                                    LabelBefore(t, cur->begin, 10) + " " + Written(*cur) + " vs " +
                                        LabelBefore(t, prev->begin, 10) + " " + Written(*prev) +
                                        (tongbi ? "; 同比 growth may be at comparable prices" : ""),
                                    tongbi ? Severity::kWarning : Severity::kError));
  }
}

// Next year's plan against next year's growth target on this year's actual: "2022 年的主要预期目标
// 是：…工业投资增长 10%" with "预计全市工业投资额 108.47 亿元，实际为 117.91 亿元" before it and
// "全年力争完成工业投资 127 亿元以上" after it: 117.91 × 1.10 = 129.70, not 127. The names must be
// the same words; the actual is the last figure labelled 实际 in a sentence naming it before the
// targets, the plan the first planned amount so named after them. A warning: plans are often set
// on another statistical basis than the growth targets.
void PlanVsTarget(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
                  Outline* out) {
  const std::string& t = doc.text;
  for (size_t i = 0; i < sentences.size(); ++i) {
    auto head = FindAll(rules.One("fig.next_targets"), t, sentences[i].span);
    if (head.empty()) continue;
    // The targets run from the heading to the end of its line (paragraph).
    Span list{head.front().whole.end, t.find('\n', head.front().whole.end)};
    if (list.end == std::string::npos) list.end = t.size();
    for (const Match& g : FindAll(rules.One("fig.target_growth"), t, list)) {
      std::string name(View(t, g.Get("name")));
      auto pct = FigureAt(t, g.Get("pct").begin);
      if (!pct) continue;
      std::optional<Number> actual, plan;
      Span actual_sentence, plan_sentence;
      for (size_t j = 0; j < i; ++j) {
        const Sentence& s = sentences[j];
        for (const Number& n : s.figures) {
          if (n.unit != Unit::kYiYuan && n.unit != Unit::kWanYuan && n.unit != Unit::kYuan) continue;
          std::string_view before = View(t, Span{s.span.begin, n.begin});
          if (LabelBefore(t, n.begin, 8).find("实际") == std::string::npos ||
              before.find(name) == std::string_view::npos) {
            continue;
          }
          actual = n;
          actual_sentence = s.span;
        }
      }
      if (!actual) continue;
      for (size_t j = i + 1; j < sentences.size() && !plan; ++j) {
        for (const Match& p : FindAll(rules.One("fig.plan_amount"), t, sentences[j].span)) {
          if (View(t, p.Get("name")) != name) continue;
          auto n = FigureAt(t, p.Get("amount").begin);
          if (!n || n->unit != actual->unit) continue;
          plan = n;
          plan_sentence = sentences[j].span;
          break;
        }
      }
      if (!plan) continue;
      Expr growth = Expr::Sum({Expr::Const(1, "1"), Expr::Figure(*pct)});
      Relation r = Change(*plan, Expr::Product(Fig(*actual), growth), plan_sentence,
                          name + ": this year's actual " + Written(*actual) + " (line " +
                              std::to_string(doc.LineAt(actual->begin)) + ") × (1 + the target " +
                              Written(*pct) + ", line " + std::to_string(doc.LineAt(pct->begin)) +
                              ") against the plan " + Written(*plan),
                          Severity::kWarning);
      r.more_quotes = {head.front().whole.begin < g.whole.begin
                           ? Span{head.front().whole.begin, g.whole.end}
                           : g.whole,
                       actual_sentence};
      out->relations.push_back(std::move(r));
    }
  }
}

// The figures of a list written "4125.49,4143.91万元" or "23.51%、38.28%": each with the unit
// the list ends in (or its own), spans in `t`.
std::vector<Number> ListFigures(const std::string& t, Span list, std::string_view unit) {
  std::vector<Number> out;
  static const RE2 kToken(R"((\d+(?:\.\d+)?)\s*(%?))");
  std::string_view v = View(t, list);
  re2::StringPiece in(v.data(), v.size());
  re2::StringPiece tok, pct;
  while (RE2::FindAndConsume(&in, kToken, &tok, &pct)) {
    std::string text(tok.data(), tok.size());
    text += pct.empty() ? std::string(unit) : "%";
    auto n = ParseNumber(text);
    if (!n) return {};
    n->begin = list.begin + static_cast<size_t>(tok.data() - v.data());
    n->end = n->begin + tok.size() + pct.size();
    out.push_back(*n);
  }
  return out;
}

// "收、支总计各是 A,B 万元。与上年相比，收、支总计各减少 C,D 万元，各下降 P%、Q%": P = C / (A + C).
void Each(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences, size_t i,
          Outline* out) {
  const std::string& t = doc.text;
  const Sentence& s = sentences[i];
  for (const Match& m : FindAll(rules.One("fig.yoy_each"), t, s.span)) {
    std::vector<Number> diffs = ListFigures(t, m.Get("diffs"), View(t, m.Get("unit")));
    std::vector<Number> pcts = ListFigures(t, m.Get("pcts"), "%");
    if (diffs.size() < 2 || pcts.size() != diffs.size()) continue;
    // The current figures: the last list "各是 …" before, in this sentence or one before on its line.
    std::vector<Number> curs;
    Span quote = s.span;
    for (size_t k = 0; k <= i; ++k) {
      if (sentences[k].line != s.line) continue;
      Span within{sentences[k].span.begin, std::min(sentences[k].span.end, m.whole.begin)};
      for (const Match& c : FindAll(rules.One("fig.yoy_each_cur"), t, within)) {
        if (View(t, c.Get("unit")) != View(t, m.Get("unit"))) continue;
        curs = ListFigures(t, c.Get("list"), View(t, c.Get("unit")));
        quote.begin = sentences[k].span.begin;
      }
    }
    if (curs.size() != diffs.size()) continue;
    bool up = Up(View(t, m.Get("dir")));
    for (size_t k = 0; k < curs.size(); ++k) {
      Expr prev = up ? Expr::Diff(Fig(curs[k]), Fig(diffs[k])) : Expr::Sum({Fig(curs[k]), Fig(diffs[k])});
      std::string note = "item " + std::to_string(k + 1) + " of the lists: previous year = " + curs[k].Plain() +
                         (up ? " − " : " + ") + diffs[k].Plain() + "; change " + Written(diffs[k]) + " / previous";
      out->relations.push_back(Change(pcts[k], Expr::Quotient(Fig(diffs[k]), prev), quote, note));
    }
  }
}

}  // namespace

bool IsChangeFigure(const std::string& t, const Rules& rules, const Number& n, size_t floor) {
  return AnyMatch(rules.Get("fig.change_before"), View(t, ClauseBefore(t, n.begin, floor)));
}

void ParseChanges(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
                  Outline* out) {
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    const Sentence* previous =
        i > 0 && sentences[i - 1].line == s.line ? &sentences[i - 1] : nullptr;
    AmountAndPercent(doc, rules, s, previous, out);
    Parallel(doc, rules, s, out);
    Based(doc, rules, s, sentences, out);
    AgainstBase(doc, rules, s, sentences, out);
    PercentWithPrev(doc, rules, s, out);
    Each(doc, rules, sentences, i, out);
  }
  PlanVsTarget(doc, rules, sentences, out);
}

}  // namespace jixiao
