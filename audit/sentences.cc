// Sentences, clauses and labels over normalized text.
#include "audit/sentences.h"

#include <re2/re2.h>

#include "audit/scan.h"

namespace jixiao {
namespace {

bool StopAt(const std::string& text, size_t i) {
  for (const char* p : {"。", "；", "！", "？"}) {
    if (text.compare(i, 3, p) == 0) return true;
  }
  return false;
}

bool ClauseStopBefore(const std::string& text, size_t i) {  // the character ending at i
  if (i == 0) return true;
  char c = text[i - 1];
  if (c == '\n' || c == ',' || c == ';' || c == ':') return true;
  if (i < 3) return false;
  for (const char* p : {"，", "；", "。", "：", "！", "？"}) {
    if (text.compare(i - 3, 3, p) == 0) return true;
  }
  return false;
}

}  // namespace

std::vector<Sentence> SplitSentences(const std::string& text) {
  std::vector<Sentence> out;
  std::vector<Span> lines = Lines(text);
  for (size_t li = 0; li < lines.size(); ++li) {
    size_t b = lines[li].begin;
    size_t i = b;
    while (i <= lines[li].end) {
      bool end = i == lines[li].end;
      if (end || StopAt(text, i)) {
        size_t e = end ? i : i + 3;
        if (e > b) {
          Sentence s;
          s.span = Span{b, e};
          s.line = li;
          for (auto& n : FiguresIn(text, s.span)) {
            if (n.unit != Unit::kNone) s.figures.push_back(n);
          }
          out.push_back(std::move(s));
        }
        b = e;
        i = e;
        if (end) break;
        continue;
      }
      ++i;
    }
  }
  return out;
}

Span ClauseBefore(const std::string& text, size_t at, size_t floor) {
  size_t b = at;
  while (b > floor && !ClauseStopBefore(text, b)) --b;
  while (b < at && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) ++b;
  return Span{b, at};
}

std::string LabelBefore(const std::string& text, size_t at, size_t max_chars) {
  size_t b = at;
  size_t chars = 0;
  while (b > 0 && chars < max_chars) {
    size_t p = b - 1;
    while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
    std::string_view ch(text.data() + p, b - p);
    bool cjk = ch.size() == 3 && static_cast<unsigned char>(ch[0]) >= 0xE4 &&
               static_cast<unsigned char>(ch[0]) <= 0xE9;
    bool ok = cjk || ch == "(" || ch == ")" || ch == " " || ch == "“" || ch == "”";
    if (!ok) break;
    b = p;
    ++chars;
  }
  std::string s;
  for (char c : View(text, Span{b, at})) {
    if (c != ' ') s += c;
  }
  for (const char* tail : {"为", "是", "达", "约", "共", "计"}) {
    size_t n = std::char_traits<char>::length(tail);
    while (s.size() > n && s.compare(s.size() - n, n, tail) == 0) s.erase(s.size() - n);
  }
  return s;
}

bool AnyMatch(const std::vector<const re2::RE2*>& res, std::string_view s) {
  for (const re2::RE2* re : res) {
    if (RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), *re)) return true;
  }
  return false;
}

bool SameKind(const Number& a, const Number& b) {
  if (a.unit != b.unit) return false;
  if (a.unit == Unit::kCount) return a.measure == b.measure;
  return true;
}

bool IsMoney(const Number& n) {
  return n.unit == Unit::kYuan || n.unit == Unit::kWanYuan || n.unit == Unit::kYiYuan ||
         n.unit == Unit::kWanMeiYuan;
}

bool IsQuantity(const Number& n) {
  switch (n.unit) {
    case Unit::kYuan:
    case Unit::kWanYuan:
    case Unit::kYiYuan:
    case Unit::kWanMeiYuan:
    case Unit::kCount:
    case Unit::kMu: return true;
    default: return false;
  }
}

// A stated 0 ("政府性基金…0万元") means nothing at all, not [−0.5, 0.5); points (满分 1900 分)
// are fixed by the scoring rules, not rounded.
Expr Fig(const Number& n) {
  return Expr::Figure(n, n.IsCount() || n.scaled == 0 || n.unit == Unit::kPoints);
}

size_t CharCount(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace jixiao
