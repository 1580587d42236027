// Figures as written: digits, separators, decimals, units and measure words.
#include "extract/number.h"

#include <charconv>
#include <cstring>

namespace jixiao {

const char* UnitName(Unit u) {
  switch (u) {
    case Unit::kNone: return "";
    case Unit::kYuan: return "元";
    case Unit::kWanYuan: return "万元";
    case Unit::kYiYuan: return "亿元";
    case Unit::kWanMeiYuan: return "万美元";
    case Unit::kPercent: return "%";
    case Unit::kPoints: return "分";
    case Unit::kCount: return "";
    case Unit::kMu: return "亩";
  }
  return "";
}

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

struct UnitWord {
  const char* text;
  Unit unit;
};

// Longest first where one is a prefix of another.
constexpr UnitWord kUnits[] = {
    {"万美元", Unit::kWanMeiYuan}, {"万元", Unit::kWanYuan}, {"亿元", Unit::kYiYuan},
    {"元", Unit::kYuan},          {"%", Unit::kPercent},   {"分", Unit::kPoints},
    {"亩", Unit::kMu},
};

// Measure words that make a figure a count.
constexpr const char* kMeasures[] = {
    "家", "项", "个", "人", "座", "次", "件", "名", "户", "场", "批", "条", "所", "台",
    "套", "份", "宗", "篇", "期", "支", "类", "笔", "万人", "人次", "万户",
};

bool StartsWith(std::string_view s, const char* p) {
  size_t n = std::strlen(p);
  return s.size() >= n && s.compare(0, n, p) == 0;
}

}  // namespace

std::string Number::Plain() const {
  std::string digits = std::to_string(scaled < 0 ? -scaled : scaled);
  if (decimals > 0) {
    if (static_cast<int>(digits.size()) <= decimals) {
      digits.insert(0, static_cast<size_t>(decimals) + 1 - digits.size(), '0');
    }
    digits.insert(digits.size() - static_cast<size_t>(decimals), ".");
  }
  return (scaled < 0 ? "-" : "") + digits;
}

double Number::ToDouble() const {
  double v = static_cast<double>(scaled);
  for (int i = 0; i < decimals; ++i) v /= 10;
  return v;
}

std::optional<Number> ParseNumber(std::string_view s) {
  size_t i = 0;
  bool neg = false, plus = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
    neg = s[i] == '-';
    plus = s[i] == '+';
    ++i;
  }
  if (i >= s.size() || !IsDigit(s[i])) return std::nullopt;
  size_t start = i;
  std::string digits;
  // Integer part, with "," thousands separators only between groups of exactly three digits,
  // after a first group of one to three ("1234,567" is two figures, not 1234567).
  while (i < s.size() && IsDigit(s[i])) digits += s[i++];
  const bool grouped = digits.size() <= 3;
  while (grouped && i + 3 < s.size() && s[i] == ',' && IsDigit(s[i + 1]) && IsDigit(s[i + 2]) &&
         IsDigit(s[i + 3]) && (i + 4 >= s.size() || !IsDigit(s[i + 4])) && digits.size() <= 3 * 6) {
    digits.append(s.substr(i + 1, 3));
    i += 4;
  }
  int decimals = 0;
  if (i + 1 < s.size() && s[i] == '.' && IsDigit(s[i + 1])) {
    ++i;
    while (i < s.size() && IsDigit(s[i])) {
      digits += s[i++];
      ++decimals;
    }
  }
  size_t num_end = i;
  // Strip leading zeros for the significance test, keep at least one digit.
  size_t nz = digits.find_first_not_of('0');
  if (nz != std::string::npos && digits.size() - nz > 18) return std::nullopt;
  int64_t scaled = 0;
  auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), scaled);
  if (ec != std::errc() || p != digits.data() + digits.size()) return std::nullopt;
  Number n;
  n.written = std::string(s.substr(start - (neg ? 1 : 0), num_end - start + (neg ? 1 : 0)));
  if (n.written[0] == '+') n.written.erase(0, 1);
  n.scaled = neg ? -scaled : scaled;
  n.decimals = decimals;
  n.begin = start - (neg || plus ? 1 : 0);  // the figure includes its sign, even a '+'

  // Unit or measure word after optional spaces.
  size_t j = num_end;
  while (j < s.size() && s[j] == ' ') ++j;
  std::string_view rest = s.substr(j);
  for (const auto& u : kUnits) {
    if (StartsWith(rest, u.text)) {
      n.unit = u.unit;
      n.measure = u.text;
      n.end = j + std::strlen(u.text);
      return n;
    }
  }
  for (const char* m : kMeasures) {
    if (StartsWith(rest, m)) {
      size_t len = std::strlen(m);
      // Prefer the longer measure ("人次" over "人").
      for (const char* m2 : kMeasures) {
        if (std::strlen(m2) > len && StartsWith(rest, m2)) {
          m = m2;
          len = std::strlen(m2);
        }
      }
      n.unit = Unit::kCount;
      n.measure = m;
      n.end = j + len;
      return n;
    }
  }
  if (StartsWith(rest, "年")) n.measure = "年";
  n.end = num_end;
  return n;
}

std::vector<Number> FindNumbers(std::string_view s) {
  std::vector<Number> out;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    bool sign = (c == '-' || c == '+') && i + 1 < s.size() && IsDigit(s[i + 1]) &&
                (i == 0 || !(IsDigit(s[i - 1]) || s[i - 1] == ')' || s[i - 1] == '.'));
    if (!IsDigit(c) && !sign) {
      ++i;
      continue;
    }
    // A digit glued to a Latin letter before it is part of a word ("R&D", "A1", "5G" is handled
    // after): skip the whole alphanumeric run.
    bool after_letter = i > 0 && ((s[i - 1] >= 'A' && s[i - 1] <= 'Z') ||
                                  (s[i - 1] >= 'a' && s[i - 1] <= 'z') || s[i - 1] == '_');
    auto n = ParseNumber(s.substr(i));
    if (!n) {
      ++i;
      while (i < s.size() && IsDigit(s[i])) ++i;
      continue;
    }
    // Just past the digits ("written" drops a leading '+').
    size_t next = i + n->written.size() + (c == '+' ? 1 : 0);
    bool before_letter = next < s.size() && ((s[next] >= 'A' && s[next] <= 'Z') ||
                                             (s[next] >= 'a' && s[next] <= 'z'));
    n->begin += i;
    n->end += i;
    if (!after_letter && !before_letter) out.push_back(*n);
    i = next;
    while (i < s.size() && (IsDigit(s[i]) || s[i] == '.')) ++i;
  }
  return out;
}

}  // namespace jixiao
