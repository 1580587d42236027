// Scanning normalized text: lines, figures with their spans, and RE2 matches with named groups.
// All spans are byte offsets into the scanned string (Document::text).
#ifndef JIXIAO_AUDIT_SCAN_H_
#define JIXIAO_AUDIT_SCAN_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/relation.h"
#include "extract/number.h"

namespace re2 {
class RE2;
}

namespace jixiao {

// The lines of `text` ('\n' excluded).
std::vector<Span> Lines(const std::string& text);

// Figures inside `within`, with begin/end as offsets into `text`.
std::vector<Number> FiguresIn(const std::string& text, Span within);

// The figure that starts exactly at `at` (offset into `text`), if any.
std::optional<Number> FigureAt(const std::string& text, size_t at);

struct Match {
  Span whole;
  std::map<std::string, Span> groups;  // named groups that took part in the match
  bool Has(const std::string& g) const { return groups.count(g) > 0; }
  Span Get(const std::string& g) const {
    auto it = groups.find(g);
    return it == groups.end() ? Span{} : it->second;
  }
};

// Every non-overlapping match of `re` inside `within`, left to right.
std::vector<Match> FindAll(const re2::RE2& re, const std::string& text, Span within);
// The first match of any of `res` inside `within`.
std::optional<Match> FindFirst(const std::vector<const re2::RE2*>& res, const std::string& text,
                               Span within);

std::string_view View(const std::string& text, Span s);
// The bytes of the bracket, ( or （, that opens at `i` of `s`; 0 if none does. CloseBracketAt: ) or ）.
size_t OpenBracketAt(std::string_view s, size_t i);
size_t CloseBracketAt(std::string_view s, size_t i);
// How many brackets, ( or （, are open at the end of `s`.
int ParenDepth(std::string_view s);
// Removes spaces and numbering (1. (2) ③ 一、 A.) from the ends of a name.
std::string CleanName(std::string_view name);

// The characters of `s` (UTF-8 sequences), and its Han characters two at a time ("自评分" → 自评,
// 评分).
std::vector<std::string_view> Chars(std::string_view s);
std::vector<std::string> Bigrams(std::string_view s);
// How many of the character pairs of `b` occur in `a`.
int SharedBigrams(std::string_view a, std::string_view b);

}  // namespace jixiao

#endif  // JIXIAO_AUDIT_SCAN_H_
