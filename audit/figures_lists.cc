// Counts stated with the list of what they count (sum.breakdown), and a department's total in 元
// among its totals in 万元 (unit.scale). Patterns in rules/figures.rules (fig.list_*, fig.scale_*).
#include <re2/re2.h>

#include <algorithm>
#include <optional>

#include "audit/figures.h"
#include "audit/scan.h"

namespace jixiao {
namespace {

bool Starts(std::string_view s, size_t i, std::string_view p) { return s.compare(i, p.size(), p) == 0; }

// 十 → 10, 二十三 → 23, 两 → 2; digits as written. nullopt beyond 99 or for anything else.
std::optional<int> CountValue(std::string_view s) {
  if (s.empty()) return std::nullopt;
  if (s[0] >= '0' && s[0] <= '9') {
    int v = 0;
    for (char c : s) {
      if (c < '0' || c > '9' || v > 100000) return std::nullopt;
      v = v * 10 + (c - '0');
    }
    return v;
  }
  static const char* kDigits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
  int tens = -1, ones = 0;
  for (size_t i = 0; i < s.size(); i += 3) {
    std::string_view ch = s.substr(i, 3);
    if (ch == "十") {
      if (tens >= 0) return std::nullopt;
      tens = ones == 0 ? 1 : ones;
      ones = 0;
      continue;
    }
    int d = ch == "两" ? 2 : 0;
    for (int k = 0; k < 9 && d == 0; ++k) d = ch == kDigits[k] ? k + 1 : 0;
    if (d == 0 || ones != 0) return std::nullopt;
    ones = d;
  }
  return (tens < 0 ? 0 : tens * 10) + ones;
}

// The count as a figure: "10个", "十个".
Number CountNumber(const std::string& t, Span n, Span m, int value) {
  Number x;
  x.written = std::string(View(t, n));
  x.scaled = value;
  x.unit = Unit::kCount;
  x.measure = std::string(View(t, m));
  x.begin = n.begin;
  x.end = m.end;
  return x;
}

// `s` with parenthesized asides removed ("综合组(经济研究室)" → "综合组"); nullopt if unbalanced.
std::optional<std::string> WithoutAsides(std::string_view s) {
  std::string out;
  int depth = 0;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '(' || Starts(s, i, "（")) {
      ++depth;
      i += s[i] == '(' ? 1 : 3;
    } else if (s[i] == ')' || Starts(s, i, "）")) {
      if (--depth < 0) return std::nullopt;
      i += s[i] == ')' ? 1 : 3;
    } else {
      if (depth == 0) out += s[i];
      ++i;
    }
  }
  if (depth != 0) return std::nullopt;
  return out;
}

struct Listed {
  int items = 0;       // names between 、
  bool joined = false; // the last name holds a join word ("丙和丁"): one more if it joins two
  bool ambiguous = false;  // some name holds a join word
};

// The names of a list written "甲、乙、丙和丁", asides removed. nullopt when it is no list of
// names: a figure in it, a partial list, a name too long, or fewer than two names.
std::optional<Listed> NamesOf(const Rules& rules, std::string_view raw) {
  auto text = WithoutAsides(raw);
  if (!text) return std::nullopt;
  std::string_view s = *text;
  while (!s.empty() && (s.back() == ' ')) s.remove_suffix(1);
  if (AnyMatch(rules.Get("fig.list_partial"), s)) return std::nullopt;
  for (char c : s) {
    if (c >= '0' && c <= '9') return std::nullopt;
  }
  Listed l;
  size_t from = 0;
  std::vector<std::string_view> names;
  while (true) {
    size_t p = s.find("、", from);
    std::string_view name = s.substr(from, p == std::string_view::npos ? std::string_view::npos : p - from);
    if (name.empty() || CharCount(name) > 30) return std::nullopt;
    // A name listed twice: the list is not a clean count of what it names.
    if (std::find(names.begin(), names.end(), name) != names.end()) return std::nullopt;
    names.push_back(name);
    ++l.items;
    bool join = AnyMatch(rules.Get("fig.list_join"), name);
    l.ambiguous |= join;
    if (p == std::string_view::npos) {
      l.joined = join;
      break;
    }
    from = p + 3;
  }
  // "甲和乙" alone is a list of two only when the count says two.
  if (l.items < 2 && !l.joined) return std::nullopt;
  return l;
}

bool Seen(const Outline& out, size_t begin) {
  for (const Relation& r : out.relations) {
    if (r.check == CheckId::kSumBreakdown && r.anchor.begin <= begin && begin < r.anchor.end) return true;
  }
  return false;
}

void AddCount(const Document& doc, const Number& n, const Listed& l, Span quote, Outline* out) {
  int with_join = l.items + (l.joined ? 1 : 0);
  if (l.items < 2 && with_join != n.scaled) return;  // "甲和乙" that is not two: no list
  int count = with_join == n.scaled ? with_join : l.items;
  Relation r;
  r.check = CheckId::kSumBreakdown;
  r.computed = Expr::Const(count, std::to_string(count));
  r.stated = n;
  r.stated_exact = true;
  r.quote = quote;
  r.anchor = Span{n.begin, n.end};
  r.note = std::to_string(count) + " items listed";
  if (count != n.scaled && l.ambiguous) {
    // A name may hold 和 or 及 itself, or join two: the count is unsure.
    r.severity = Severity::kWarning;
    r.note += " (" + std::to_string(with_join) + " if 和/及 joins two names)";
  } else if (l.joined && count == with_join) {
    r.note += " (the last two joined by 和/及)";
  }
  (void)doc;
  out->relations.push_back(std::move(r));
}

// The end of a list that follows its count: the closing parenthesis, else the end of the clause
// (asides skipped).
size_t ListEnd(const std::string& t, size_t from, size_t limit, bool paren) {
  int depth = paren ? 1 : 0;
  for (size_t i = from; i < limit;) {
    if (t[i] == '(' || Starts(t, i, "（")) {
      ++depth;
    } else if (t[i] == ')' || Starts(t, i, "）")) {
      if (--depth == 0 && paren) return i;
      if (depth < 0) return i;
    } else if (depth == 0 && (t[i] == ',' || t[i] == ';' || Starts(t, i, "，") || Starts(t, i, "。") ||
                              Starts(t, i, "；") || t[i] == '\n')) {
      return i;
    }
    i += (static_cast<unsigned char>(t[i]) >= 0xE0) ? 3 : 1;
  }
  return paren ? std::string::npos : limit;
}

void ListedCounts(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
                  Outline* out) {
  const std::string& t = doc.text;
  for (const Sentence& s : sentences) {
    for (const Match& m : FindAll(rules.One("fig.list_after"), t, s.span)) {
      auto v = CountValue(View(t, m.Get("n")));
      if (!v || *v < 2 || Seen(*out, m.Get("n").begin)) continue;
      // A figure glued to a word before it is no count ("5G"), nor one inside a figure.
      bool paren = View(t, m.Get("bind")) == "(";
      size_t end = ListEnd(t, m.whole.end, s.span.end, paren);
      if (end == std::string::npos || end <= m.whole.end) continue;
      // "26个区县(含甲区、乙区)": the parenthesis names some of them, not the list.
      if (paren && AnyMatch(rules.Get("fig.list_aside_some"), View(t, Span{m.whole.end, end}))) continue;
      auto l = NamesOf(rules, View(t, Span{m.whole.end, end}));
      if (!l) continue;
      // "…、政治部、办公室(……以下从略)", in the list or on the line after it: the list is cut.
      if (AnyMatch(rules.Get("fig.list_cut"), View(t, Span{m.whole.end, std::min(t.size(), end + 40)}))) {
        continue;
      }
      AddCount(doc, CountNumber(t, m.Get("n"), m.Get("m"), *v), *l,
               Span{s.span.begin, std::min(s.span.end, end + 3)}, out);
    }
    for (const Match& m : FindAll(rules.One("fig.list_before"), t, s.span)) {
      auto v = CountValue(View(t, m.Get("n")));
      if (!v || *v < 2 || Seen(*out, m.Get("n").begin)) continue;
      auto l = NamesOf(rules, View(t, m.Get("items")));
      if (!l) continue;
      AddCount(doc, CountNumber(t, m.Get("n"), m.Get("m"), *v), *l, s.span, out);
    }
  }
}

// "决算总收入为1432.33万元…年度决算总支出2263.81元": a total of the whole written in 元 whose
// digits, read as 万元, lie within a factor of 10 of a total in 万元 of the same paragraph, while
// read as 元 it is a ten-thousandth of it. A warning: the tables would tell.
void TotalsUnitSlip(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
                    Outline* out) {
  const std::string& t = doc.text;
  for (size_t i = 0; i < sentences.size(); ++i) {
    for (const Number& y : sentences[i].figures) {
      if (y.unit != Unit::kYuan || y.scaled <= 0 || y.decimals == 0) continue;
      auto whole = [&](const Number& n) {
        std::string label = LabelBefore(t, n.begin, 12);
        return AnyMatch(rules.Get("fig.scale_total"), label) && !AnyMatch(rules.Get("fig.scale_part"), label);
      };
      if (!whole(y)) continue;
      mpq_class yv = ValueOf(y);
      if (yv >= 1000000) continue;
      const Number* w = nullptr;
      for (size_t k = 0; k < sentences.size(); ++k) {
        if (sentences[k].line != sentences[i].line) continue;
        for (const Number& n : sentences[k].figures) {
          if (n.unit != Unit::kWanYuan || n.scaled <= 0) continue;
          if (!whole(n)) continue;
          mpq_class nv = ValueOf(n);  // as written, in 万元
          if (yv * 10 < nv || yv > nv * 10) continue;
          w = &n;
          break;
        }
        if (w) break;
      }
      if (!w) continue;
      CheckResult c = MakeResult(doc, CheckId::kUnitScale, SentenceAround(t, Span{y.begin, y.end}),
                                 Span{y.begin, y.end});
      c.path = PathAt(*out, y.begin);
      c.verdict = Verdict::kWarning;
      c.severity = Severity::kWarning;
      c.stated = Written(y);
      c.recomputed = y.written + "万元 (probable)";
      c.arithmetic = LabelBefore(t, y.begin, 12) + " " + Written(y) + " next to " + LabelBefore(t, w->begin, 12) + " " + Written(*w) + " (line " +
                     std::to_string(doc.LineAt(w->begin)) + "): read as 万元 it is of the same size, "
                     "as 元 a ten-thousandth of it; probably 元 written for 万元";
      out->results.push_back(std::move(c));
    }
  }
}

}  // namespace

void ParseLists(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
                Outline* out) {
  ListedCounts(doc, rules, sentences, out);
  TotalsUnitSlip(doc, rules, sentences, out);
}

}  // namespace jixiao
