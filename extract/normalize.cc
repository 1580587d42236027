// Normalization: character folding (ICU NFKC with exceptions), LaTeX fragments, page furniture
// (page numbers, repeated headers), and joining of hard-wrapped lines. Every output byte keeps the
// origin of the source character it came from.
#include "extract/normalize.h"

#include "extract/hans.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>
#include <unordered_map>

namespace jixiao {

namespace {

// ---- Code points -------------------------------------------------------------------------

bool IsHan(UChar32 c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

// Chinese punctuation and quotes: no space is meaningful next to them.
bool IsCjkPunct(UChar32 c) {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) || c == 0x201C ||
         c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x2014 || c == 0x2026 ||
         c == 0x00B7 || (c >= 0x2460 && c <= 0x24FF) || c == '(' || c == ')';
}

bool IsWide(UChar32 c) { return IsHan(c) || IsCjkPunct(c); }

// Operators: no space is meaningful around them ("× 100%" → "×100%").
bool IsOperator(UChar32 c) {
  return c == 0x00D7 || c == 0x00F7 || c == 0x2264 || c == 0x2265 || c == 0x2260 ||
         c == 0x2248 || c == '=' || c == '<' || c == '>' || c == 0x2212;
}

// Code points NFKC must not touch: Chinese sentence punctuation keeps its meaning (a full-width
// comma is never a thousands separator), circled numbers are item markers, not digits.
bool KeepAsIs(UChar32 c) {
  return c == 0xFF0C /*，*/ || c == 0xFF1A /*：*/ || c == 0xFF1B /*；*/ || c == 0xFF01 /*！*/ ||
         c == 0xFF1F /*？*/ || (c >= 0x2460 && c <= 0x24FF) || (c >= 0x3251 && c <= 0x325F) ||
         (c >= 0x32B1 && c <= 0x32BF) || c == 0x2026 /*…*/;
}

void AppendUtf8(std::string* out, UChar32 c) {
  char buf[4];
  int32_t i = 0;
  UBool err = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), i, 4, c, err);
  if (!err) out->append(buf, static_cast<size_t>(i));
}

// NFKC of one code point, cached. Thread-safe.
const std::string& FoldCodePoint(UChar32 c) {
  static std::mutex mu;
  static std::unordered_map<UChar32, std::string> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(c);
  if (it != cache.end()) return it->second;
  std::string out;
  if (c == 0x3000 || c == 0x00A0 || c == '\t' || c == 0x2002 || c == 0x2003 || c == 0x2009 ||
      c == 0x200B || c == 0xFEFF) {
    out = c == 0x200B || c == 0xFEFF ? "" : " ";
  } else if (c == 0xFF05 /*％*/ || c == 0x2030) {
    out = c == 0x2030 ? "‰" : "%";
  } else if (KeepAsIs(c)) {
    AppendUtf8(&out, c);
  } else {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    icu::UnicodeString s(c);
    icu::UnicodeString n = U_SUCCESS(status) ? nfkc->normalize(s, status) : s;
    if (U_FAILURE(status)) n = s;
    n.toUTF8String(out);
  }
  return cache.emplace(c, std::move(out)).first->second;
}

// ---- Folded lines ------------------------------------------------------------------------

// One line of output under construction: UTF-8 text and one Origin per byte.
struct FLine {
  std::string text;
  std::vector<Origin> origins;
  bool page_start = false;  // first line of a page

  void Append(std::string_view s, Origin o) {
    text.append(s);
    origins.insert(origins.end(), s.size(), o);
  }
};

UChar32 DecodeAt(std::string_view s, size_t i, size_t* len) {
  int32_t k = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), k, static_cast<int32_t>(s.size()), c);
  *len = static_cast<size_t>(k) - i;
  return c < 0 ? 0xFFFD : c;
}

UChar32 LastCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  size_t len;
  return DecodeAt(s, i, &len);
}

UChar32 FirstCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  size_t len;
  return DecodeAt(s, 0, &len);
}

// LaTeX fragments that converters leave in text, and their plain forms. Longest first.
struct Latex {
  const char* from;
  const char* to;
};
constexpr Latex kLatex[] = {
    {"\\times", "×"}, {"\\div", "÷"},   {"\\cdot", "×"},  {"\\leqslant", "≤"}, {"\\geqslant", "≥"},
    {"\\leq", "≤"},   {"\\geq", "≥"},   {"\\le", "≤"},    {"\\ge", "≥"},       {"\\neq", "≠"},
    {"\\%", "%"},     {"\\left", ""},   {"\\right", ""},  {"\\,", ""},         {"\\;", ""},
    {"\\quad", " "},  {"\\text", ""},   {"\\mathrm", ""}, {"\\textbf", ""},    {"\\approx", "≈"},
    {"\\frac", ""},   {"\\{", "("},     {"\\}", ")"},     {"$", ""},
};

bool StartsWith(std::string_view s, size_t i, const char* p) {
  size_t n = std::strlen(p);
  return s.size() - i >= n && s.compare(i, n, p) == 0;
}

// Folds one source line into `out`. Braces of LaTeX commands are dropped, except that
// \frac{a}{b} becomes a/b.
void FoldLine(std::string_view src, uint32_t page, uint32_t line, uint32_t base, FLine* out) {
  bool latex_seen = src.find('\\') != std::string_view::npos || src.find('$') != std::string_view::npos;
  int frac_depth = -1, depth = 0;
  size_t i = 0;
  while (i < src.size()) {
    Origin o{page, line, static_cast<uint32_t>(base + i)};
    if (latex_seen) {
      bool matched = false;
      for (const auto& l : kLatex) {
        if (StartsWith(src, i, l.from)) {
          // A command must not run into letters ("\text" but not "\textbf" for "\text").
          size_t n = std::strlen(l.from);
          if (l.from[0] == '\\' && std::isalpha(static_cast<unsigned char>(l.from[1])) &&
              i + n < src.size() && std::isalpha(static_cast<unsigned char>(src[i + n]))) {
            continue;
          }
          if (std::strcmp(l.from, "\\frac") == 0) frac_depth = depth;
          out->Append(l.to, o);
          i += n;
          matched = true;
          break;
        }
      }
      if (matched) continue;
      if (src[i] == '{' || src[i] == '}') {
        if (src[i] == '{') {
          ++depth;
        } else {
          --depth;
          if (frac_depth >= 0 && depth == frac_depth) {
            // End of the numerator: "}{" → "/".
            if (i + 1 < src.size() && src[i + 1] == '{') {
              out->Append("/", o);
              ++i;
              ++depth;
              frac_depth = -1;
            }
          }
        }
        ++i;
        continue;
      }
    }
    size_t len;
    UChar32 c = DecodeAt(src, i, &len);
    if (c == '\r') {
      i += len;
      continue;
    }
    out->Append(c < 0x80 && c != '\t' ? std::string_view(&src[i], 1) : FoldCodePoint(c), o);
    i += len;
  }
}

// Collapses spaces: none between two wide characters or next to Chinese punctuation, one
// elsewhere; none at the ends.
void SqueezeSpaces(FLine* l) {
  std::string t;
  std::vector<Origin> o;
  const std::string& s = l->text;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != ' ') {
      t += s[i];
      o.push_back(l->origins[i]);
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && s[j] == ' ') ++j;
    if (!t.empty() && j < s.size()) {
      UChar32 before = LastCodePoint(t);
      UChar32 after = FirstCodePoint(std::string_view(s).substr(j));
      bool drop = (IsWide(before) && IsWide(after)) || IsCjkPunct(before) || IsCjkPunct(after) ||
                  IsOperator(before) || IsOperator(after);
      // Keep a space between a Chinese word and a figure (table cells: "预算编制 10 10 100%").
      if (!drop) {
        t += ' ';
        o.push_back(l->origins[i]);
      }
    }
    i = j;
  }
  l->text = std::move(t);
  l->origins = std::move(o);
}

// ---- Line classes --------------------------------------------------------------------------

std::string_view Trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ')) s.remove_suffix(1);
  return s;
}

// "5", "- 5 -", "第5页", "5/42", "第 5 页 共 42 页".
bool IsPageNumberLine(std::string_view s) {
  s = Trimmed(s);
  if (s.empty() || s.size() > 24) return false;
  std::string t;
  for (char c : s) {
    if (c != ' ' && c != '-') t += c;
  }
  auto all_digits = [](std::string_view x) {
    return !x.empty() && x.size() <= 4 &&
           std::all_of(x.begin(), x.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (all_digits(t)) return true;
  size_t slash = t.find('/');
  if (slash != std::string::npos && all_digits(t.substr(0, slash)) && all_digits(t.substr(slash + 1))) {
    return true;
  }
  if (t.rfind("第", 0) == 0 && t.find("页") != std::string::npos) {
    // Only 第 N 页, optionally 共 M 页: nothing else may remain.
    std::string rest;
    bool digits = false;
    for (size_t i = 0; i < t.size();) {
      if (t[i] >= '0' && t[i] <= '9') {
        digits = true;
        ++i;
      } else if (t.compare(i, 3, "第") == 0 || t.compare(i, 3, "页") == 0 ||
                 t.compare(i, 3, "共") == 0 || t.compare(i, 3, "，") == 0) {
        i += 3;
      } else {
        rest += t[i++];
      }
    }
    return digits && rest.empty();
  }
  return false;
}

bool IsNumericToken(std::string_view tok) {
  if (tok.empty()) return false;
  bool digit = false;
  for (char c : tok) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c != '.' && c != ',' && c != '%' && c != '-') {
      return false;
    }
  }
  return digit;
}

std::vector<std::string_view> Tokens(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// A table row: ends in two or more space-separated figures ("项目管理 20 19.66 98.30%").
bool IsTableRow(std::string_view s) {
  // A pipe row ("| 产出指标 | 时效指标 | … |") is a row whatever its cells hold.
  std::string_view trimmed = Trimmed(s);
  if (trimmed.size() >= 2 && trimmed.front() == '|' && trimmed.back() == '|') return true;
  auto t = Tokens(s);
  int trailing = 0;
  for (auto it = t.rbegin(); it != t.rend() && IsNumericToken(*it); ++it) ++trailing;
  return trailing >= 2;
}

// Only figures ("81.30 96 8.06% 0.77"): the numbers of a table row whose name wrapped.
bool IsNumbersOnly(std::string_view s) {
  auto t = Tokens(s);
  return t.size() >= 2 && std::all_of(t.begin(), t.end(), IsNumericToken);
}

// One figure and nothing else ("12", "4.00", "95%").
bool IsLoneFigure(std::string_view s) {
  auto t = Tokens(s);
  return t.size() == 1 && IsNumericToken(t[0]);
}

// Starts with a numbering marker: 一、 (一) 1. 1、 (1) ① A. 第一 一是 表1 图1.
bool StartsWithMarker(std::string_view s) {
  s = Trimmed(s);
  if (s.empty()) return false;
  size_t len;
  UChar32 c = DecodeAt(s, 0, &len);
  if (c >= 0x2460 && c <= 0x24FF) return true;  // ①
  if (c == 0x3010) return true;                    // 【
  auto is_cn_numeral = [](UChar32 x) {
    return x == 0x4E00 || x == 0x4E8C || x == 0x4E09 || x == 0x56DB || x == 0x4E94 ||
           x == 0x516D || x == 0x4E03 || x == 0x516B || x == 0x4E5D || x == 0x5341;
  };
  if (c == '(') {
    size_t l2;
    UChar32 d = len < s.size() ? DecodeAt(s, len, &l2) : 0;
    if ((d >= '0' && d <= '9') || is_cn_numeral(d)) {
      size_t close = s.find(')');
      return close != std::string_view::npos && close <= 12;
    }
    return false;
  }
  if (c >= '0' && c <= '9') {
    size_t i = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i > 2) return false;
    std::string_view rest = s.substr(i);
    if (rest.rfind("、", 0) == 0) return true;
    // "1." followed by a non-digit ("1.预算编制"), not "1.5分".
    return rest.size() >= 2 && rest[0] == '.' && !(rest[1] >= '0' && rest[1] <= '9');
  }
  if (is_cn_numeral(c)) {
    size_t i = len;
    while (i < s.size()) {
      size_t l2;
      UChar32 d = DecodeAt(s, i, &l2);
      if (!is_cn_numeral(d)) break;
      i += l2;
    }
    std::string_view rest = s.substr(i);
    return rest.rfind("、", 0) == 0 || rest.rfind("是", 0) == 0 || rest.rfind(".", 0) == 0;
  }
  if ((c >= 'A' && c <= 'H') && len < s.size() && (s[len] == '.' || s.substr(len).rfind("、", 0) == 0)) {
    return true;
  }
  if (s.rfind("表", 0) == 0 || s.rfind("第", 0) == 0 || s.rfind("附件", 0) == 0) {
    std::string_view rest = s.substr(3);
    while (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
    return !rest.empty() && ((rest[0] >= '0' && rest[0] <= '9') || is_cn_numeral(FirstCodePoint(rest)));
  }
  return false;
}

bool EndsParagraph(std::string_view s) {
  s = Trimmed(s);
  if (s.empty()) return true;
  UChar32 c = LastCodePoint(s);
  if (c == 0x3002 /*。*/ || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == 0xFF1A || c == '!' ||
      c == '?' || c == ':' || c == ';') {
    return true;
  }
  // A heading that ends with its score: "(分值 3 分，自评得 3 分)".
  if (c == ')' && s.size() >= 4 && s.compare(s.size() - 4, 4, "分)") == 0) return true;
  // A heading that ends with its points: "【预算编制】满分20分，得分18分".
  if (s.size() >= 4 && s.compare(s.size() - 3, 3, "分") == 0) {
    std::string_view before = s.substr(0, s.size() - 3);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    if (!before.empty() && before.back() >= '0' && before.back() <= '9') return true;
  }
  return false;
}

// "67.50%，…": a figure and a percent sign first on the line.
bool StartsWithPercent(std::string_view s) {
  s = Trimmed(s);
  size_t i = 0;
  while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.')) ++i;
  return i > 0 && s[0] != '.' && i < s.size() && s[i] == '%';
}


bool EndsMidSentence(std::string_view s) {
  s = Trimmed(s);
  static const char* const kTails[] = {"，", "、", "为", "是", "达", "约", "共", "计", "的", "和",
                                       "及", "与", "在", "对", "从", "将", "被", "至", "或", "=",
                                       "+", "×", "/", "(", "“", "《"};
  for (const char* t : kTails) {
    size_t n = std::strlen(t);
    if (s.size() >= n && s.compare(s.size() - n, n, t) == 0) return true;
  }
  return false;
}

int DisplayWidth(std::string_view s) {
  int w = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t len;
    UChar32 c = DecodeAt(s, i, &len);
    w += IsWide(c) ? 2 : 1;
    i += len;
  }
  return w;
}

}  // namespace

std::string FoldText(std::string_view s) {
  FLine l;
  FoldLine(s, 0, 0, 0, &l);
  SqueezeSpaces(&l);
  return l.text;
}

void Normalize(Document* doc) {
  doc->text.clear();
  doc->origins.clear();
  doc->written.clear();
  doc->written_chars.clear();
  // 0. A filing in traditional characters is read in simplified ones, offsets unchanged (hans.h).
  std::vector<RawPage> simplified;
  const bool converted = SimplifiedPages(doc->pages, &simplified);

  // 1. Fold every source line; remember page starts.
  std::vector<FLine> lines;
  std::vector<std::vector<size_t>> page_lines(doc->pages.size());
  for (size_t pi = 0; pi < doc->pages.size(); ++pi) {
    const RawPage& p = converted ? simplified[pi] : doc->pages[pi];
    uint32_t lineno = static_cast<uint32_t>(p.first_line);
    size_t pos = 0;
    bool first = true;
    while (pos < p.text.size()) {
      size_t nl = p.text.find('\n', pos);
      if (nl == std::string::npos) nl = p.text.size();
      FLine l;
      FoldLine(std::string_view(p.text).substr(pos, nl - pos), static_cast<uint32_t>(p.number),
               lineno, static_cast<uint32_t>(pos), &l);
      SqueezeSpaces(&l);
      l.page_start = first;
      first = false;
      if (!l.text.empty()) {
        page_lines[pi].push_back(lines.size());
        lines.push_back(std::move(l));
      }
      pos = nl + 1;
      ++lineno;
    }
  }

  // 2. Page furniture: page-number lines, and a header or footer repeated on several pages
  //    (the first or last line of a page, identical on at least 3 pages and half of them).
  //    A page number stands at the top or the bottom of its page: a figure alone on a line
  //    anywhere else is a table cell (one cell per line), not furniture.
  //    A bare figure ("98") at the bottom of a page is a page number only when it continues the
  //    page sequence: it is its page's number, or another page's bare figure stands at the same
  //    distance from its page's index. One that does not (the 总分 ending a form written one cell
  //    per line) is text. At the top of a page a bare figure is a page number (a header).
  std::vector<bool> drop(lines.size(), false);
  constexpr size_t kEdge = 2;  // lines at each end of a page where a page number may stand
  struct Bare {
    size_t line;
    long offset;  // figure - page index
    bool own;     // the figure is its page's number
    bool top;     // among the first lines of its page
  };
  std::vector<Bare> bare;
  for (size_t pi = 0; pi < page_lines.size(); ++pi) {
    const auto& pl = page_lines[pi];
    for (size_t k = 0; k < pl.size(); ++k) {
      if (!(k < kEdge || k + kEdge >= pl.size()) || !IsPageNumberLine(lines[pl[k]].text)) continue;
      std::string_view t = Trimmed(lines[pl[k]].text);
      bool digits = !t.empty() && t.size() <= 4 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!digits) {
        drop[pl[k]] = true;  // "- 5 -", "第5页", "5/42": a page number by its form
        continue;
      }
      long v = std::stol(std::string(t));
      bare.push_back({pl[k], v - static_cast<long>(pi), v == doc->pages[pi].number, k < kEdge});
    }
  }
  for (const Bare& b : bare) {
    bool sequence = b.top || b.own || std::any_of(bare.begin(), bare.end(), [&](const Bare& o) {
                      return o.line != b.line && o.offset == b.offset;
                    });
    if (sequence) drop[b.line] = true;
  }
  if (doc->pages.size() >= 3) {
    std::map<std::string, std::vector<size_t>> edges;
    for (const auto& pl : page_lines) {
      size_t first = pl.size(), last = pl.size();
      for (size_t k = 0; k < pl.size(); ++k) {
        if (!drop[pl[k]]) {
          if (first == pl.size()) first = k;
          last = k;
        }
      }
      if (first < pl.size()) edges[lines[pl[first]].text].push_back(pl[first]);
      if (last < pl.size() && last != first) edges[lines[pl[last]].text].push_back(pl[last]);
    }
    for (const auto& [text, where] : edges) {
      if (where.size() >= 3 && where.size() * 2 >= doc->pages.size()) {
        for (size_t k = 1; k < where.size(); ++k) drop[where[k]] = true;  // keep the first
      }
    }
  }
  std::vector<FLine> kept;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!drop[i]) kept.push_back(std::move(lines[i]));
  }

  // 3. The wrap width: lines at least 70% as wide as the 90th percentile of widths were wrapped.
  std::vector<int> widths;
  for (const auto& l : kept) widths.push_back(DisplayWidth(l.text));
  int wrap = 0;
  if (!widths.empty()) {
    std::vector<int> w = widths;
    std::sort(w.begin(), w.end());
    wrap = w[w.size() * 9 / 10];
  }

  // 4. Join wrapped lines into logical lines.
  for (size_t i = 0; i < kept.size(); ++i) {
    const FLine& l = kept[i];
    if (i > 0) {
      const FLine& prev = kept[i - 1];
      bool join = !EndsParagraph(prev.text) && !StartsWithMarker(l.text) &&
                  !IsTableRow(prev.text) && widths[i - 1] * 10 >= wrap * 7 &&
                  !(IsTableRow(l.text) && !IsNumbersOnly(l.text));
      bool numbers_row = IsNumbersOnly(l.text) && !IsTableRow(prev.text) &&
                         !EndsParagraph(prev.text) && !StartsWithMarker(l.text);
      // A number split across lines ("1,198,85" / "1.00 元"): always one number.
      UChar32 tail = LastCodePoint(prev.text), head = FirstCodePoint(l.text);
      bool split_number = ((tail >= '0' && tail <= '9') || tail == ',' || tail == '.') &&
                          head >= '0' && head <= '9' && !IsTableRow(prev.text) &&
                          !IsNumbersOnly(l.text) && !StartsWithMarker(l.text);
      // A figure alone on its line is a cell (one cell per line), not the end of a wrapped
      // sentence or a piece of a split number: it joins only a line that stops inside a number
      // ("1,198," / "85") or mid-sentence (below).
      const bool lone = IsLoneFigure(l.text), prev_lone = IsLoneFigure(prev.text);
      if ((lone || prev_lone) && tail != ',' && tail != '.') join = split_number = false;
      if (split_number) join = true;
      // A line that stops on a word that cannot end a sentence ("按时分配率为" / "90.94%") was
      // wrapped early, whatever its width.
      if (!join && !EndsParagraph(prev.text) && !StartsWithMarker(l.text) && !IsTableRow(prev.text) &&
          !IsTableRow(l.text) && EndsMidSentence(prev.text)) {
        join = true;
      }
      // A percent at the start of a line ("该指标完成率" / "67.50%，未完成…", often across a page
      // break) is the value of the words before it, unless those were a numbered heading.
      if (!join && !EndsParagraph(prev.text) && !StartsWithMarker(prev.text) &&
          !IsTableRow(prev.text) && !IsTableRow(l.text) && IsHan(LastCodePoint(prev.text)) &&
          StartsWithPercent(l.text)) {
        join = true;
      }
      if (numbers_row) {
        // The figures of a table row whose name cell wrapped onto lines before them.
        doc->text += ' ';
        doc->origins.push_back(l.origins.front());
      } else if (join) {
        UChar32 a = LastCodePoint(prev.text), b = FirstCodePoint(l.text);
        bool ascii_words = a < 0x80 && b < 0x80 && std::isalpha(static_cast<int>(a)) &&
                           std::isalpha(static_cast<int>(b));
        if (ascii_words) {
          doc->text += ' ';
          doc->origins.push_back(l.origins.front());
        }
      } else {
        doc->text += '\n';
        doc->origins.push_back(prev.origins.back());
      }
    }
    doc->text += l.text;
    doc->origins.insert(doc->origins.end(), l.origins.begin(), l.origins.end());
  }
  if (!doc->text.empty()) {
    doc->text += '\n';
    doc->origins.push_back(doc->origins.back());
  }
  if (converted) SetWritten(simplified, doc);
}

}  // namespace jixiao
