// Sections from the numbering hierarchy: every logical line that starts with a numbering marker
// (rules: structure.marker) is a heading. Levels follow the styles as they nest: a style not yet
// open below the current heading opens one level deeper; a style already open closes everything
// below it and starts a sibling there. So skipped numbers (4. then 6.), repeated numbers and a
// style used out of order never lose a heading, and a new document style needs no code.
#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <string_view>

#include "structure/internal.h"

namespace jixiao::internal {

namespace {

const std::map<std::string, Numbering>& StyleNames() {
  static const std::map<std::string, Numbering> kNames = {
      {"part", Numbering::kPart},           {"cn", Numbering::kCn},
      {"paren_cn", Numbering::kParenCn},    {"arabic", Numbering::kArabic},
      {"arabic_dotted", Numbering::kArabicDotted}, {"paren_arabic", Numbering::kParenArabic},
      {"circled", Numbering::kCircled},     {"latin", Numbering::kLatin},
      {"paren_latin", Numbering::kParenLatin}};
  return kNames;
}

// 一 → 1, 十二 → 12, 二十 → 20, 九十九 → 99; 0 if not a numeral.
int ChineseNumeral(std::string_view s) {
  static const std::string_view kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  int value = 0, digit = -1;
  bool any = false;
  for (size_t i = 0; i + 3 <= s.size(); i += 3) {
    std::string_view c = s.substr(i, 3);
    if (c == "十") {
      value += (digit < 0 ? 1 : digit) * 10;
      digit = -1;
      any = true;
      continue;
    }
    int d = -1;
    for (int k = 0; k < 10; ++k)
      if (kDigits[k] == c) d = k;
    if (d < 0) break;
    digit = d;
    any = true;
  }
  if (digit > 0) value += digit;
  return any ? value : 0;
}

int Ordinal(Numbering style, std::string_view marker) {
  static const std::string_view kCircled = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
  switch (style) {
    case Numbering::kPart:
    case Numbering::kCn:
    case Numbering::kParenCn: {
      size_t b = 0;  // skip 第 / ( before the numeral
      if (marker.substr(0, 3) == "第") b = 3;
      if (!marker.empty() && marker[0] == '(') b = 1;
      return ChineseNumeral(marker.substr(b));
    }
    case Numbering::kArabic:
    case Numbering::kArabicDotted:
    case Numbering::kParenArabic: {
      size_t i = 0;
      while (i < marker.size() && (marker[i] < '0' || marker[i] > '9')) ++i;
      int v = 0;
      // The last number of a dotted marker ("1.2" → 2).
      for (; i < marker.size(); ++i) {
        if (marker[i] >= '0' && marker[i] <= '9') {
          v = v * 10 + (marker[i] - '0');
        } else if (marker[i] == '.' && i + 1 < marker.size() && marker[i + 1] >= '0' && marker[i + 1] <= '9') {
          v = 0;
        } else {
          break;
        }
      }
      return v;
    }
    case Numbering::kCircled: {
      size_t pos = kCircled.find(marker.substr(0, 3));
      return pos == std::string_view::npos ? 0 : static_cast<int>(pos / 3) + 1;
    }
    case Numbering::kLatin:
    case Numbering::kParenLatin: {
      for (char c : marker)
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return (c | 0x20) - 'a' + 1;
      return 0;
    }
    case Numbering::kNone: break;
  }
  return 0;
}

// The title: after the marker to the first sentence stop (。；！？) or the end of the line.
Span TitleOf(const std::string& text, Span line, size_t from) {
  static const std::string_view kStops[] = {"。", "；", "！", "？"};
  size_t end = line.end;
  std::string_view s(text.data() + from, line.end - from);
  for (std::string_view stop : kStops) {
    size_t p = s.find(stop);
    if (p != std::string_view::npos) end = std::min(end, from + p);
  }
  return Span{from, end};
}

}  // namespace

std::vector<Section> FindSections(const Document& doc, const Rules& rules, const std::vector<Span>& lines,
                                  const std::vector<Table>& tables) {
  const RE2& marker = rules.One("structure.marker");
  const RE2& not_after = rules.One("structure.not_after_marker");
  const auto& names = marker.NamedCapturingGroups();
  std::vector<Section> out;
  std::vector<int> open;               // the open sections, outermost first
  size_t ti = 0;
  const int ngroups = marker.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> groups(static_cast<size_t>(ngroups) + 1);
  for (const Span& line : lines) {
    while (ti < tables.size() && tables[ti].at.end <= line.begin) ++ti;
    if (ti < tables.size() && tables[ti].at.begin <= line.begin) continue;  // inside a table
    if (line.empty()) continue;
    re2::StringPiece in(doc.text.data() + line.begin, line.end - line.begin);
    if (!marker.Match(in, 0, in.size(), RE2::ANCHOR_START, groups.data(), static_cast<int>(groups.size())))
      continue;
    Numbering style = Numbering::kNone;
    Span mark;
    for (const auto& [name, index] : names) {
      const auto& g = groups[static_cast<size_t>(index)];
      if (g.data() == nullptr) continue;
      auto it = StyleNames().find(name);
      if (it == StyleNames().end()) continue;
      style = it->second;
      mark = Span{line.begin + static_cast<size_t>(g.data() - in.data()),
                  line.begin + static_cast<size_t>(g.data() - in.data()) + g.size()};
    }
    if (style == Numbering::kNone) continue;
    size_t after = line.begin + groups[0].size();
    if (after >= line.end) continue;  // a bare marker is not a heading
    if (style == Numbering::kArabic || style == Numbering::kArabicDotted || style == Numbering::kLatin) {
      re2::StringPiece rest(doc.text.data() + mark.end, line.end - mark.end);
      if (RE2::PartialMatch(rest, not_after)) continue;
      // "3.5" read as "3." then "5": a number, not a heading.
      if (style == Numbering::kArabic && doc.text[mark.end - 1] == '.' && mark.end < line.end &&
          doc.text[mark.end] >= '0' && doc.text[mark.end] <= '9')
        continue;
    }
    Section s;
    s.style = style;
    s.marker = mark;
    s.ordinal = Ordinal(style, std::string_view(doc.text).substr(mark.begin, mark.end - mark.begin));
    s.heading = line;
    s.title = TitleOf(doc.text, line, after);
    s.body = Span{std::min(line.end + 1, doc.text.size()), doc.text.size()};
    // Close open sections down to one of the same style, if any.
    auto same = std::find_if(open.begin(), open.end(),
                             [&](int i) { return out[static_cast<size_t>(i)].style == style; });
    if (same != open.end()) open.erase(same, open.end());
    s.parent = open.empty() ? -1 : open.back();
    s.level = static_cast<int>(open.size()) + 1;
    int index = static_cast<int>(out.size());
    if (s.parent >= 0) out[static_cast<size_t>(s.parent)].children.push_back(index);
    out.push_back(s);
    open.push_back(index);
  }
  // A section ends where the next section at its level or above begins.
  std::vector<int> stack;
  for (size_t i = 0; i < out.size(); ++i) {
    while (!stack.empty() && out[static_cast<size_t>(stack.back())].level >= out[i].level) {
      Section& closed = out[static_cast<size_t>(stack.back())];
      closed.body.end = std::max(closed.body.begin, out[i].heading.begin);
      stack.pop_back();
    }
    stack.push_back(static_cast<int>(i));
  }
  return out;
}

}  // namespace jixiao::internal
