// Lines, figures and RE2 matches over normalized text.
#include "audit/scan.h"

#include <re2/re2.h>
#include <algorithm>

namespace jixiao {

std::vector<Span> Lines(const std::string& text) {
  std::vector<Span> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    if (nl > pos) out.push_back(Span{pos, nl});
    pos = nl + 1;
  }
  return out;
}

std::vector<Number> FiguresIn(const std::string& text, Span within) {
  std::vector<Number> out = FindNumbers(View(text, within));
  for (auto& n : out) {
    n.begin += within.begin;
    n.end += within.begin;
  }
  return out;
}

std::optional<Number> FigureAt(const std::string& text, size_t at) {
  if (at >= text.size()) return std::nullopt;
  auto n = ParseNumber(std::string_view(text).substr(at, 64));
  if (!n) return std::nullopt;
  n->begin += at;
  n->end += at;
  return n;
}

std::string_view View(const std::string& text, Span s) {
  if (s.begin >= text.size() || s.end <= s.begin) return {};
  return std::string_view(text).substr(s.begin, std::min(s.end, text.size()) - s.begin);
}

std::vector<Match> FindAll(const re2::RE2& re, const std::string& text, Span within) {
  // The input is the span itself, so "^" and "$" mean its start and end.
  std::vector<Match> out;
  size_t end = std::min(within.end, text.size());
  if (within.begin >= end) return out;
  int n = re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> groups(static_cast<size_t>(n) + 1);
  const auto& names = re.CapturingGroupNames();  // index -> name
  re2::StringPiece input(text.data() + within.begin, end - within.begin);
  size_t pos = 0;
  while (pos <= input.size()) {
    if (!re.Match(input, pos, input.size(), RE2::UNANCHORED, groups.data(), n + 1)) break;
    Match m;
    size_t b0 = static_cast<size_t>(groups[0].data() - text.data());
    m.whole = Span{b0, b0 + groups[0].size()};
    for (const auto& [idx, name] : names) {
      const auto& g = groups[static_cast<size_t>(idx)];
      if (g.data() != nullptr) {
        size_t b = static_cast<size_t>(g.data() - text.data());
        m.groups[name] = Span{b, b + g.size()};
      }
    }
    size_t rel_end = m.whole.end - within.begin;
    size_t next = rel_end > pos ? rel_end : pos + 1;
    out.push_back(std::move(m));
    pos = next;
    while (pos < input.size() &&
           (static_cast<unsigned char>(input[pos]) & 0xC0) == 0x80) {
      ++pos;
    }
  }
  return out;
}

std::optional<Match> FindFirst(const std::vector<const re2::RE2*>& res, const std::string& text,
                               Span within) {
  std::optional<Match> best;
  for (const re2::RE2* re : res) {
    auto all = FindAll(*re, text, within);
    if (!all.empty() && (!best || all.front().whole.begin < best->whole.begin)) best = all.front();
  }
  return best;
}

std::string CleanName(std::string_view name) {
  static const RE2 kLead(
      R"(^\s*(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d{1,2}(?:\.\d{1,2})*[.、]?|\(\d{1,2}\)|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]|[A-Za-z][.、])\s*)");
  std::string s;
  for (char c : name) {
    if (c != ' ' && c != '\t') s += c;
  }
  RE2::Replace(&s, kLead, "");
  // Trailing punctuation: "。", "：", ":", "."
  for (const char* p : {"。", "：", ":", ".", "，", ","}) {
    size_t n = std::char_traits<char>::length(p);
    while (s.size() >= n && s.compare(s.size() - n, n, p) == 0) s.erase(s.size() - n);
  }
  return s;
}

size_t OpenBracketAt(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  return s[i] == '(' ? 1 : s.compare(i, 3, "（") == 0 ? 3 : 0;
}

size_t CloseBracketAt(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  return s[i] == ')' ? 1 : s.compare(i, 3, "）") == 0 ? 3 : 0;
}

int ParenDepth(std::string_view s) {
  int depth = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (OpenBracketAt(s, i)) ++depth;
    if (CloseBracketAt(s, i) && depth > 0) --depth;
  }
  return depth;
}

// The characters of `s` (UTF-8 sequences).
std::vector<std::string_view> Chars(std::string_view s) {
  std::vector<std::string_view> out;
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    n = std::min(n, s.size() - i);
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

// Han characters of `s`, two at a time ("自评分" → 自评, 评分).
std::vector<std::string> Bigrams(std::string_view s) {
  std::vector<std::string> out;
  std::vector<std::string_view> han;
  for (std::string_view c : Chars(s)) {
    if (c.size() == 3) han.push_back(c);
  }
  for (size_t i = 0; i + 1 < han.size(); ++i) out.push_back(std::string(han[i]) + std::string(han[i + 1]));
  return out;
}

int SharedBigrams(std::string_view a, std::string_view b) {
  std::vector<std::string> x = Bigrams(a);
  int n = 0;
  for (const std::string& g : Bigrams(b)) n += std::find(x.begin(), x.end(), g) != x.end();
  return n;
}

}  // namespace jixiao
