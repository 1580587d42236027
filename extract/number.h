// Figures as written: "2,239,479.23 元", "90.94%", "12 项", "15.3亿元", "-4.75%".
//
// A Number keeps its digits as written (a stated "2.73" remembers its two decimals) and its value
// as an exact scaled integer; parsing never touches the locale (std::from_chars).
#ifndef JIXIAO_EXTRACT_NUMBER_H_
#define JIXIAO_EXTRACT_NUMBER_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

enum class Unit {
  kNone,
  kYuan,        // 元
  kWanYuan,     // 万元
  kYiYuan,      // 亿元
  kWanMeiYuan,  // 万美元
  kPercent,     // %
  kPoints,      // 分
  kCount,       // a measure word: 家 项 个 人 座 次 ...
  kMu,          // 亩
};

const char* UnitName(Unit u);  // "元", "万元", "%", "分", ...

struct Number {
  std::string written;     // the figure as in the text, without its unit: "2,239,479.23"
  int64_t scaled = 0;      // value × 10^decimals, sign included: 223947923
  int decimals = 0;        // digits after the decimal point as written
  Unit unit = Unit::kNone;
  std::string measure;     // the measure word or unit as written: "项", "万元", "%"
  size_t begin = 0;        // byte offsets of the figure (with its unit) in the string parsed
  size_t end = 0;

  // The exact value as a decimal string without separators: "2239479.23", "-4.75".
  std::string Plain() const;
  // Counts (a measure word and no decimals) are exact; everything else stands for an interval.
  bool IsCount() const { return unit == Unit::kCount && decimals == 0; }
  double ToDouble() const;  // for display and heuristics only, never for comparisons
};

// Parses one figure at the start of `s` (after normalization: half-width digits). Accepts a sign,
// thousands separators ("," between groups of three), a decimal point, and an optional unit or
// measure word after optional spaces. Returns nullopt if `s` does not start with a digit or sign,
// or the value does not fit (more than 18 significant digits).
std::optional<Number> ParseNumber(std::string_view s);

// Every figure in `s`, left to right (not a digit that is part of a word such as "5G" or "R&D",
// nor a year written "2024年" — those come back with unit kNone and measure "年" so callers can
// tell).
std::vector<Number> FindNumbers(std::string_view s);

}  // namespace jixiao

#endif  // JIXIAO_EXTRACT_NUMBER_H_
