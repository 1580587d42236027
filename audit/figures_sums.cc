// sum.breakdown: totals and their components as the report states them.
#include <charconv>
#include <re2/re2.h>

#include <algorithm>
#include <optional>

#include "audit/figures.h"
#include "audit/scan.h"

namespace jixiao {
namespace {

std::string Names(const std::string& t, const std::vector<Number>& ns) {
  std::string s;
  for (const Number& n : ns) {
    if (!s.empty()) s += " + ";
    std::string label = LabelBefore(t, n.begin, 8);
    s += (label.empty() ? "" : label + " ") + n.Plain();
  }
  return s;
}

void AddBreakdown(const Document& doc, const Number& total, const std::vector<Number>& parts,
                  Span quote, const std::string& what, Outline* out) {
  const std::string& t = doc.text;
  Relation r;
  r.check = CheckId::kSumBreakdown;
  std::vector<Expr> terms;
  for (const Number& n : parts) terms.push_back(Fig(n));
  r.computed = Expr::Sum(terms);
  r.stated = total;
  r.stated_exact = total.IsCount();
  r.quote = quote;
  r.anchor = Span{total.begin, total.end};
  std::string label = LabelBefore(t, total.begin, 10);
  r.note = what + ": " + Names(t, parts) + " = " + (label.empty() ? "" : label + " ") +
           Written(total);
  // A partial breakdown (the parts well below the total) is not an error.
  Interval v = r.computed.Eval();
  Interval s = Interval::Of(total, r.stated_exact);
  // Parts far above the total are overlapping categories ("其中亿元以上项目 58 个，新动工项目
  // 89 个"), not a partition: nothing to add up.
  if (v.lo > s.hi * mpq_class(3, 2)) return;
  if (v.hi < s.lo * mpq_class(4, 5)) {
    r.compare = Relation::Compare::kAtMost;
    r.note += " (partial breakdown)";
  }
  out->relations.push_back(r);
}

// How many characters `a` and `b` end with in common ("红岩市到位资金", "累计到位资金": 4).
size_t CommonSuffixChars(std::string_view a, std::string_view b) {
  size_t i = a.size(), j = b.size(), chars = 0;
  while (i > 0 && j > 0) {
    size_t pa = i - 1, pb = j - 1;
    while (pa > 0 && (static_cast<unsigned char>(a[pa]) & 0xC0) == 0x80) --pa;
    while (pb > 0 && (static_cast<unsigned char>(b[pb]) & 0xC0) == 0x80) --pb;
    if (a.substr(pa, i - pa) != b.substr(pb, j - pb)) break;
    i = pa, j = pb;
    ++chars;
  }
  return chars;
}

// Several totals broken down together, group by group: "累计到位资金17.87亿元，核拨资金15.99亿元，实际
// 支付资金15.82亿元。其中：甲县到位资金6.02亿元，核拨资金5.59亿元，实际支付资金5.55亿元；乙县到位资金
// 8.20亿元，…". A part belongs to the total whose label ends as its own does (at least two
// characters, strictly more than with any other total); a total is checked only when every group
// (；) names exactly one part of it, and the shape is this one only when two totals are. Anything
// else is left to the plain reading. Returns whether the breakdowns were read here.
bool Interleaved(const Document& doc, const Rules& rules, const std::vector<Number>& totals,
                 const std::vector<Number>& figs, Span list, Span quote, Outline* out) {
  const std::string& t = doc.text;
  if (totals.size() < 2) return false;
  // A 其中 inside the list nests parts of one group ("…运行维护费27.46万元；其中：公务用车购置0万元；
  // 公务用车运行维护费27.46万元；公务接待费…"): where the nested parts end is not written.
  if (View(t, Span{list.begin + 1, list.end}).find("其中") != std::string_view::npos) return false;
  std::vector<std::string> labels;
  for (const Number& n : totals) {
    labels.push_back(LabelBefore(t, n.begin));
    if (labels.back().empty()) return false;
    for (size_t k = 0; k + 1 < labels.size(); ++k) {
      if (labels[k] == labels.back()) return false;
    }
  }
  // The groups: the list cut at each "；" / ";".
  std::vector<size_t> cuts;
  for (size_t i = list.begin; i < list.end; ++i) {
    if (t[i] == ';' || t.compare(i, 3, "；") == 0) cuts.push_back(i);
  }
  auto group_of = [&](size_t at) {
    return static_cast<size_t>(std::upper_bound(cuts.begin(), cuts.end(), at) - cuts.begin());
  };
  const size_t groups = group_of(list.end - 1) + 1;
  if (groups < 2) return false;
  // parts[k][g]: the part of total k in group g.
  std::vector<std::vector<std::optional<Number>>> parts(totals.size(),
                                                        std::vector<std::optional<Number>>(groups));
  for (const Number& n : figs) {
    if (n.begin < list.begin || n.begin >= list.end || !IsQuantity(n)) continue;
    if (!SameKind(n, totals.front()) || IsChangeFigure(t, rules, n, list.begin)) continue;
    if (ParenDepth(View(t, Span{list.begin, n.begin})) > 0) continue;
    std::string label = LabelBefore(t, n.begin);
    size_t best = 0, second = 0, which = 0;
    for (size_t k = 0; k < totals.size(); ++k) {
      size_t c = CommonSuffixChars(label, labels[k]);
      if (c > best) {
        second = best, best = c, which = k;
      } else if (c > second) {
        second = c;
      }
    }
    if (best < 2 || best == second) return false;  // a part no total's words name: not this shape
    auto& slot = parts[which][group_of(n.begin)];
    if (slot) return false;  // two parts of one total in one group
    slot = n;
  }
  // Two totals at least, each named in every group; one alone is the plain breakdown (read by the
  // caller, with its shares and asides).
  std::vector<std::pair<size_t, std::vector<Number>>> complete;
  for (size_t k = 0; k < totals.size(); ++k) {
    std::vector<Number> ps;
    for (const auto& p : parts[k]) {
      if (p) ps.push_back(*p);
    }
    if (ps.size() == groups) complete.emplace_back(k, std::move(ps));
  }
  if (complete.size() < 2) return false;
  for (const auto& [k, ps] : complete) AddBreakdown(doc, totals[k], ps, quote, "breakdown by group", out);
  return true;
}

// Whether `s` closes a bracket it did not open.
bool Closes(std::string_view s) {
  int depth = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (OpenBracketAt(s, i)) ++depth;
    if (CloseBracketAt(s, i) && --depth < 0) return true;
  }
  return false;
}

// A part with its own breakdown in an aside right after it: "局本级187人(在职在编139人、退休人员8
// 人、协管员40人)", "财政拨款收入1420.09万元(年初预算安排1161.21万元,年中追加258.88万元)".
void Aside(const Document& doc, const Rules& rules, const Number& part, const std::vector<Number>& figs,
           Span quote, Outline* out) {
  const std::string& t = doc.text;
  size_t open = part.end;
  while (open < t.size() && t[open] == ' ') ++open;
  const size_t opener = OpenBracketAt(t, open);
  if (opener == 0) return;
  const size_t body = open + opener;
  size_t close = std::string::npos;
  for (size_t i = body; i < t.size() && t[i] != '\n'; ++i) {
    if (OpenBracketAt(t, i)) return;  // nested: not read
    if (CloseBracketAt(t, i)) {
      close = i;
      break;
    }
  }
  if (close == std::string::npos) return;
  std::vector<Number> sub;
  for (const Number& n : figs) {
    if (n.begin >= body && n.end <= close && SameKind(n, part)) sub.push_back(n);
  }
  if (sub.size() < 2) return;
  std::string_view aside = View(t, Span{body, close});
  size_t before = out->relations.size();
  AddBreakdown(doc, part, sub, quote, "breakdown in an aside", out);
  if (out->relations.size() == before) return;
  Relation& r = out->relations.back();
  // "(含…)", "(其中…)", "(…等)": the aside names some of the part, not all of it.
  if (AnyMatch(rules.Get("fig.aside_partial"), aside) && r.compare == Relation::Compare::kEqual) {
    r.compare = Relation::Compare::kAtMost;
    r.note += " (the aside names some parts: partial)";
  }
  // An aside is a looser statement than a list after 其中: a sum that does not fit is a warning.
  r.severity = Severity::kWarning;
}

// Whether the words after `n` say what it is used for ("元，主要包括：基本工资、…", rule
// fig.part_described).
bool Described(const std::string& t, const Rules& rules, const Number& n) {
  std::string_view after = View(t, Span{n.end, std::min(t.size(), n.end + 40)});
  for (const re2::RE2* re : rules.Get("fig.part_described")) {
    re2::StringPiece in(after.data(), after.size());
    re2::StringPiece whole;
    if (re->Match(in, 0, in.size(), RE2::ANCHOR_START, &whole, 1) && !whole.empty()) return true;
  }
  return false;
}

// "其中：人员经费 809961.19 元，主要包括：基本工资、…。公用经费 71339.2 元，主要包括：办公费…。": each
// part followed by what it is used for, a sentence each. The list goes on over the next sentence
// (or starts there, after a marker that ends its line) while the list's last part is so described
// and the next sentence opens with a name (Han characters only) and a part so described; only that
// part is taken from it.
void DescribedParts(const std::string& t, const Rules& rules, const std::vector<Sentence>& sentences,
                    size_t after_marker, size_t* last, std::vector<Number>* figs, Span* list_span) {
  for (;;) {
    const Number* tail = nullptr;
    for (const Number& n : *figs) {
      if (n.begin >= after_marker && IsQuantity(n)) tail = &n;
    }
    // "…基本支出 911000.39 元,其中:" ending its line: the parts are on the lines after it.
    bool opens = !tail && View(t, Span{after_marker, list_span->end}).find_first_not_of(" :：") == std::string_view::npos;
    if (!opens && (!tail || !Described(t, rules, *tail))) return;
    if (*last + 1 >= sentences.size()) return;
    const Sentence& next = sentences[*last + 1];
    if (next.figures.empty() || !IsQuantity(next.figures.front())) return;
    if (tail && !SameKind(next.figures.front(), *tail)) return;
    const Number& head = next.figures.front();
    std::string name;
    for (std::string_view ch : Chars(View(t, Span{next.span.begin, head.begin}))) {
      if (ch == " " || ch == "\n") continue;
      if (ch.size() != 3 || static_cast<unsigned char>(ch[0]) < 0xE4 || static_cast<unsigned char>(ch[0]) > 0xE9) return;
      name += ch;
    }
    if (Bigrams(name).empty() || AnyMatch(rules.Get("fig.breakdown_stop"), name) ||
        AnyMatch(rules.Get("fig.breakdown"), name) || !Described(t, rules, head)) {
      return;
    }
    figs->push_back(head);
    list_span->end = next.span.end;
    ++*last;
  }
}

// "X，其中 a，b，c" and "分为 2 类，分别为：a 和 b".
void Qizhong(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
             Outline* out) {
  const std::string& t = doc.text;
  for (size_t si = 0; si < sentences.size(); ++si) {
    const Sentence& s = sentences[si];
    for (const re2::RE2* re : rules.Get("fig.breakdown")) {
      for (const Match& m : FindAll(*re, t, s.span)) {
        // "其中：A X万元，占p%；B Y万元，占q%。": the list goes on over "；" on the same line.
        std::vector<Number> figs = s.figures;
        Span list_span = s.span;
        size_t last = si;  // the list's last sentence
        for (size_t k = si; k + 1 < sentences.size() && sentences[k + 1].line == s.line &&
                            View(t, sentences[k].span).size() >= 3 &&
                            View(t, sentences[k].span).substr(View(t, sentences[k].span).size() - 3) == "；";
             ++k) {
          figs.insert(figs.end(), sentences[k + 1].figures.begin(), sentences[k + 1].figures.end());
          list_span.end = sentences[k + 1].span.end;
          last = k + 1;
        }
        DescribedParts(t, rules, sentences, m.whole.end, &last, &figs, &list_span);
        // Several totals before the marker (or in the sentence before it on the same line), each
        // broken down group by group.
        {
          const bool aside = ParenDepth(View(t, Span{s.span.begin, m.whole.begin})) > 0;
          std::vector<Number> totals;
          Span quote = s.span;
          auto collect = [&](const Sentence& from, size_t until) {
            for (const Number& n : from.figures) {
              if (n.begin >= until || !IsQuantity(n)) continue;
              if (!totals.empty() && !SameKind(totals.front(), n)) continue;
              if (IsChangeFigure(t, rules, n, from.span.begin) || IsShareBase(t, n)) continue;
              totals.push_back(n);
            }
          };
          collect(s, m.whole.begin);
          if (totals.empty() && si > 0 && sentences[si - 1].line == s.line) {
            collect(sentences[si - 1], sentences[si - 1].span.end);
            quote.begin = sentences[si - 1].span.begin;
          }
          quote.end = std::max(quote.end, list_span.end);
          if (!aside && Interleaved(doc, rules, totals, figs, Span{m.whole.end, list_span.end}, quote, out)) {
            continue;
          }
        }
        std::vector<Number> parts;
        // "二批总投资2069.51万元(其中建筑工程1975.775万元)，三批…778.59万元": a 其中 inside
        // brackets breaks down the figure before them; its parts end where the brackets close.
        const bool in_aside = ParenDepth(View(t, Span{s.span.begin, m.whole.begin})) > 0;
        for (const Number& n : figs) {
          if (n.begin < m.whole.end) continue;
          if (in_aside && Closes(View(t, Span{m.whole.end, n.begin}))) break;
          if (!IsQuantity(n)) continue;
          // A figure in an aside is a part of a part ("局本级187人(在职139人、退休8人)"): read below.
          if (ParenDepth(View(t, Span{m.whole.end, n.begin})) > 0) continue;
          if (!parts.empty() && !SameKind(parts.front(), n)) continue;
          // "其中城乡居民储蓄存款383.91亿元，比年初增加45.74亿元": a change of a part is no part.
          if (IsChangeFigure(t, rules, n, m.whole.end)) continue;
          // "税收收入3511万元，占年初预算8465万元的41.5%": the base of a part's share is no part.
          if (IsShareBase(t, n)) continue;
          Span clause = ClauseBefore(t, n.begin, m.whole.end);
          std::string_view cv = View(t, clause);
          if (!parts.empty() && (AnyMatch(rules.Get("fig.breakdown_stop"), cv) ||
                                 AnyMatch(rules.Get("fig.breakdown"), cv))) {
            break;
          }
          parts.push_back(n);
        }
        if (parts.size() < 2) continue;
        // A second 其中 among the parts nests parts of one part ("…运行维护费27.46万元;其中:公务用车
        // 购置0万元;公务用车运行维护费27.46万元;公务接待费22.59万元"): where the nested parts end
        // and the list goes on is not written. Not read. (One after the last part starts another
        // list: "…其他收入0.43万元；整体支出决算8720.74万元，其中…".)
        if (!in_aside) {
          bool nested = false;
          for (const re2::RE2* again : rules.Get("fig.breakdown")) {
            for (const Match& n : FindAll(*again, t, Span{m.whole.end, parts.back().begin})) {
              nested |= ParenDepth(View(t, Span{m.whole.end, n.whole.begin})) == 0;
            }
          }
          if (nested) continue;
        }
        // The total: the last figure of that kind before the marker in this sentence, else in
        // the previous sentence of the same line.
        // A change ("比上年增加 418.47 万元") is not the total its parts add up to.
        auto is_change = [&](const Number& n) {
          return AnyMatch(rules.Get("fig.count_not"), View(t, ClauseBefore(t, n.begin, s.span.begin)));
        };
        std::optional<Number> total;
        for (const Number& n : s.figures) {
          if (n.begin < m.whole.begin && SameKind(n, parts.front()) && !is_change(n) && !IsShareBase(t, n)) total = n;
        }
        Span quote = s.span;
        if (!total && si > 0 && sentences[si - 1].line == s.line) {
          // The previous sentence may state several figures ("支出 2300 万元，较上年增加 150
          // 万元"): the one the parts add up to, else the last.
          // Several totals of different values, none of which the parts add up to ("到位资金…，拨付
          // 资金…，支付资金…。其中…"): which one they break down is not stated, so nothing is
          // checked. ("预算总收入1745.25万元，决算收入1745.25万元。其中…": one value, checked.)
          std::vector<Expr> terms;
          for (const Number& n : parts) terms.push_back(Fig(n));
          Interval sum = Expr::Sum(terms).Eval();
          std::vector<mpq_class> candidates;  // the values of the totals it could be
          for (const Number& n : sentences[si - 1].figures) {
            if (!SameKind(n, parts.front()) || IsShareBase(t, n)) continue;
            // "收入6838.86元，比上年增加661.69元。其中：…": the change is no total here either.
            if (AnyMatch(rules.Get("fig.count_not"),
                         View(t, ClauseBefore(t, n.begin, sentences[si - 1].span.begin)))) {
              continue;
            }
            mpq_class v = ValueOf(n);
            if (!IsChangeFigure(t, rules, n, sentences[si - 1].span.begin) &&
                std::find(candidates.begin(), candidates.end(), v) == candidates.end()) {
              candidates.push_back(v);
            }
            if (!total || Compare(*total, total->IsCount(), sum) != Agreement::kConsistent) total = n;
          }
          if (total && candidates.size() > 1 && Compare(*total, total->IsCount(), sum) != Agreement::kConsistent) {
            ++out->unbound;
            continue;
          }
          quote.begin = sentences[si - 1].span.begin;
        }
        if (!total) continue;
        quote.end = std::max(quote.end, list_span.end);
        // Parts past the total whose first ones add up to it exactly belong to something else
        // ("实际正式教职工62人，其中…中级工1人，退休职工28人"): the breakdown ends there.
        {
          std::vector<Expr> terms;
          for (const Number& n : parts) terms.push_back(Fig(n));
          Interval all = Expr::Sum(terms).Eval();
          Interval st = Interval::Of(*total, total->IsCount());
          if (all.lo > st.hi) {
            std::vector<Expr> prefix;
            for (size_t k = 0; k + 1 < parts.size(); ++k) {
              prefix.push_back(Fig(parts[k]));
              if (k >= 1 && Compare(*total, total->IsCount(), Expr::Sum(prefix).Eval()) == Agreement::kConsistent) {
                parts.resize(k + 1);
                break;
              }
            }
          }
        }
        size_t before = out->relations.size();
        AddBreakdown(doc, *total, parts, quote, "breakdown", out);
        if (out->relations.size() == before) continue;  // not a breakdown of this total
        // A list that ends in "……" or "等" leaves parts out: the parts can only be at most the total.
        {
          std::string_view rest = View(t, Span{parts.back().end, list_span.end});
          if (rest.find("…") != std::string_view::npos || rest.find("等") != std::string_view::npos) {
            Relation& r = out->relations.back();
            if (r.compare == Relation::Compare::kEqual) {
              r.compare = Relation::Compare::kAtMost;
              r.note += " (the list ends in … or 等: partial)";
            }
          }
        }
        for (const Number& part : parts) Aside(doc, rules, part, figs, quote, out);
        // "A X万元，占p%" / "占收入合计的p%": the share of the total the list breaks down.
        for (const Number& part : parts) {
          std::string_view after = View(t, Span{part.end, std::min(part.end + 40, list_span.end)});
          static const RE2 kShare(R"(^\s*[，,(]?\s*占(?:([^，。；\d%]{0,12}?)的)?\s*(\d+(?:\.\d+)?)\s*%)");
          re2::StringPiece in(after.data(), after.size());
          re2::StringPiece base, pct;
          if (!RE2::PartialMatch(in, kShare, &base, &pct)) continue;
          // "其中税务部门完成28684万元，占任务数的56.4%": a share of another base than the total.
          if (!base.empty() &&
              !BaseNamed(rules, std::string(base.data(), base.size()), LabelBefore(t, total->begin, 10))) {
            ++out->unbound;
            continue;
          }
          auto p = FigureAt(t, part.end + static_cast<size_t>(pct.data() - after.data()));
          if (!p || p->unit != Unit::kPercent) continue;
          Relation r;
          r.check = CheckId::kRateRatio;
          r.computed = Expr::Quotient(Fig(part), Fig(*total));
          r.stated = *p;
          r.quote = quote;
          r.anchor = Span{p->begin, p->end};
          r.note = "share: " + LabelBefore(t, part.begin, 8) + " " + Written(part) + " / " +
                   LabelBefore(t, total->begin, 10) + " " + Written(*total);
          out->relations.push_back(r);
        }
      }
    }
  }
}

// "共 12 项，完成 8 项，未完成 4 项"; and "13 个…，已动工 7 个，6 个正…" when it adds up.
void CountTotals(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
                 Outline* out) {
  const std::string& t = doc.text;
  for (const Sentence& s : sentences) {
    if (AnyMatch(rules.Get("fig.breakdown"), View(t, s.span))) continue;  // Qizhong reads it
    bool matched = false;
    for (const Match& m : FindAll(rules.One("fig.count_total"), t, s.span)) {
      auto total = FigureAt(t, m.Get("total").begin);
      if (!total || !total->IsCount()) continue;
      std::vector<Number> parts;
      for (const Number& n : s.figures) {
        if (n.begin < m.whole.end || !SameKind(n, *total) || !n.IsCount()) continue;
        Span clause = ClauseBefore(t, n.begin, m.whole.end);
        // The part's own words: its clause, or the few characters after the figure.
        std::string_view after = View(t, Span{n.end, std::min(n.end + 24, s.span.end)});
        if (!AnyMatch(rules.Get("fig.count_part"), View(t, clause)) &&
            !AnyMatch(rules.Get("fig.count_part"), after.substr(0, after.find("，")))) {
          break;
        }
        parts.push_back(n);
      }
      if (parts.size() < 2) continue;
      matched = true;
      AddBreakdown(doc, *total, parts, s.span, "counted parts", out);
    }
    if (matched || AnyMatch(rules.Get("fig.count_not"), View(t, s.span))) continue;
    // A leading count whose later counts of the same measure add up to it exactly.
    std::vector<Number> counts;
    for (const Number& n : s.figures) {
      if (n.IsCount()) counts.push_back(n);
    }
    if (counts.size() < 3) continue;
    const Number& first = counts.front();
    std::vector<Number> parts;
    int64_t sum = 0;
    for (size_t i = 1; i < counts.size(); ++i) {
      if (!SameKind(counts[i], first)) break;
      parts.push_back(counts[i]);
      sum += counts[i].scaled;
      if (sum >= first.scaled) break;
    }
    if (parts.size() >= 2 && sum == first.scaled) {
      AddBreakdown(doc, first, parts, s.span, "counted parts", out);
    }
  }
}

// "共 5 项，分别是：A、B、C、D、E" / "共设置 8 个绩效目标：1.…；2.…" / "A、B、C 等 3 项支出".
void Enumerations(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
                  Outline* out) {
  const std::string& t = doc.text;
  static const RE2 kListed(
      R"((?:共|共计|合计)(?:设置|设|有|包括)?\s*(?P<n>\d+)\s*(?:项|个|类)[^，。；：:]{0,10}[，,]?\s*(?:分别是|分别为|包括|如下)?[：:](?P<items>[^。]+))");
  static const RE2 kMarker(R"((?:^|[：:；;])\s*(\d{1,2})[.、])");
  std::vector<Span> lines = Lines(t);
  auto add = [&](const Number& n, int count, Span quote, const std::string& how) {
    Relation r;
    r.check = CheckId::kSumBreakdown;
    r.computed = Expr::Const(count, std::to_string(count));
    r.stated = n;
    r.stated_exact = true;
    r.quote = quote;
    r.anchor = Span{n.begin, n.end};
    r.note = how;
    out->relations.push_back(r);
  };
  for (const Span& line : lines) {
    for (const Match& m : FindAll(kListed, t, line)) {
      auto n = FigureAt(t, m.Get("n").begin);
      if (!n || !n->IsCount()) continue;
      std::string items(View(t, m.Get("items")));
      int markers = 0, last = 0;
      re2::StringPiece in(items);
      std::string num;
      while (RE2::FindAndConsume(&in, kMarker, &num)) {
        ++markers;
        // Item numbers are small; anything else (a run of digits) is no list number.
        auto [p, ec] = std::from_chars(num.data(), num.data() + num.size(), last);
        if (ec != std::errc() || p != num.data() + num.size()) last = -1;
      }
      Span quote{m.whole.begin, std::min(m.whole.end + 3, line.end)};
      if (markers >= 2 && markers == last) {
        add(*n, markers, quote, std::to_string(markers) + " numbered items listed");
        if (markers != n->scaled) out->relations.back().severity = Severity::kWarning;
        continue;
      }
      if (markers >= 2 && last == markers) continue;
      int commas = 1;
      for (size_t p = items.find("、"); p != std::string::npos; p = items.find("、", p + 3)) ++commas;
      int with_he = commas + (items.find("和") != std::string::npos ? 1 : 0);
      if (commas < 2) continue;
      if (commas == n->scaled) {
        add(*n, commas, quote, std::to_string(commas) + " items named");
      } else if (with_he == n->scaled) {
        add(*n, with_he, quote, std::to_string(with_he) + " items named (the last two joined by 和)");
      } else {
        // Item names may hold 、 themselves: a warning, not an error.
        add(*n, commas, quote, std::to_string(commas) + " items named (" + std::to_string(with_he) +
                                   " if 和 joins two)");
        out->relations.back().severity = Severity::kWarning;
      }
    }
  }
  // "我局直属2个正科级事业单位。" then "①…" "②…" on the following lines.
  static const char* kCircled[] = {"①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩"};
  auto circled = [&](size_t li) {
    std::string_view l = View(t, lines[li]);
    for (const char* c : kCircled) {
      if (l.rfind(c, 0) == 0) return true;
    }
    return false;
  };
  for (size_t li = 0; li + 1 < lines.size(); ++li) {
    if (circled(li)) continue;
    for (const Match& m : FindAll(rules.One("fig.count_then_items"), t, lines[li])) {
      auto n = FigureAt(t, m.Get("n").begin);
      if (!n || !n->IsCount()) continue;
      int items = 0;
      for (size_t k = li + 1; k < lines.size() && circled(k); ++k) ++items;
      if (items < 2) continue;
      add(*n, items, SentenceAround(t, m.whole), std::to_string(items) + " items ①… listed below");
      if (items != n->scaled) out->relations.back().severity = Severity::kWarning;
    }
  }
  for (const Sentence& s : sentences) {
    for (const Match& m : FindAll(rules.One("fig.count_items"), t, s.span)) {
      auto n = FigureAt(t, m.Get("n").begin);
      if (!n) continue;
      std::string_view items = View(t, m.Get("items"));
      int count = 1;
      for (size_t p = items.find("、"); p != std::string::npos; p = items.find("、", p + 3)) ++count;
      // "A、B、C等 3 项" closes the list when the count fits; fewer names than the count is a
      // partial list ("…等12个科室"), nothing to check; more names than the count is an error.
      if (count < n->scaled) continue;
      add(*n, count, s.span, std::to_string(count) + " items named before 等");
    }
  }
}

// "1200.00+350.50=1550.50".
void InlineSums(const Document& doc, const Rules& rules, Outline* out) {
  const std::string& t = doc.text;
  for (const Match& m : FindAll(rules.One("fig.inline_sum"), t, Span{0, t.size()})) {
    std::vector<Number> parts = FiguresIn(t, m.Get("terms"));
    auto total = FigureAt(t, m.Get("total").begin);
    if (parts.size() < 2 || !total) continue;
    AddBreakdown(doc, *total, parts, SentenceAround(t, m.whole), "sum as written", out);
  }
}

}  // namespace

void ParseSums(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
               Outline* out) {
  Qizhong(doc, rules, sentences, out);
  CountTotals(doc, rules, sentences, out);
  Enumerations(doc, rules, sentences, out);
  InlineSums(doc, rules, out);
}

}  // namespace jixiao
