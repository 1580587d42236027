// The number parser: figures as written, with separators, decimals, units and measure words.
#include "extract/number.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace jixiao {
namespace {

TEST_CASE("ParseNumber: figures as written", "[number]") {
  struct Case {
    const char* in;
    const char* written;
    int64_t scaled;
    int decimals;
    Unit unit;
    const char* measure;
    size_t end;  // bytes of the figure with its unit
  } cases[] = {
      {"7", "7", 7, 0, Unit::kNone, "", 1},
      {"2,239,479.23 元", "2,239,479.23", 223947923, 2, Unit::kYuan, "元", 16},
      {"27,600.43万元", "27,600.43", 2760043, 2, Unit::kWanYuan, "万元", 15},
      {"2.73", "2.73", 273, 2, Unit::kNone, "", 4},
      {"1864.00", "1864.00", 186400, 2, Unit::kNone, "", 7},
      {"0.5", "0.5", 5, 1, Unit::kNone, "", 3},
      {"90.94%", "90.94", 9094, 2, Unit::kPercent, "%", 6},
      {"100 %", "100", 100, 0, Unit::kPercent, "%", 5},
      {"15.3亿元", "15.3", 153, 1, Unit::kYiYuan, "亿元", 10},
      {"5万美元", "5", 5, 0, Unit::kWanMeiYuan, "万美元", 10},
      {"1,000万元", "1,000", 1000, 0, Unit::kWanYuan, "万元", 11},
      {"102.34分", "102.34", 10234, 2, Unit::kPoints, "分", 9},
      {"50亩", "50", 50, 0, Unit::kMu, "亩", 5},
      {"12 项", "12", 12, 0, Unit::kCount, "项", 6},
      {"3家", "3", 3, 0, Unit::kCount, "家", 4},
      {"8个", "8", 8, 0, Unit::kCount, "个", 4},
      {"40人", "40", 40, 0, Unit::kCount, "人", 5},
      {"120人次", "120", 120, 0, Unit::kCount, "人次", 9},
      {"6次", "6", 6, 0, Unit::kCount, "次", 4},
      {"3万人", "3", 3, 0, Unit::kCount, "万人", 7},
      {"-4.75%", "-4.75", -475, 2, Unit::kPercent, "%", 6},
      {"-12", "-12", -12, 0, Unit::kNone, "", 3},
      {"+5%", "5", 5, 0, Unit::kPercent, "%", 3},
      {"2024年", "2024", 2024, 0, Unit::kNone, "年", 4},
      {"2024 年", "2024", 2024, 0, Unit::kNone, "年", 4},
      // Separators only between groups of three, after a first group of one to three digits.
      {"1,23", "1", 1, 0, Unit::kNone, "", 1},
      {"123,4567", "123", 123, 0, Unit::kNone, "", 3},
      {"1234,567", "1234", 1234, 0, Unit::kNone, "", 4},
      {"1,234,56", "1,234", 1234, 0, Unit::kNone, "", 5},
      {"5.", "5", 5, 0, Unit::kNone, "", 1},
      {"999,999,999,999,999,999", "999,999,999,999,999,999", 999999999999999999, 0, Unit::kNone, "", 23},
      {"0.000000000000000001", "0.000000000000000001", 1, 18, Unit::kNone, "", 20},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    auto n = ParseNumber(c.in);
    REQUIRE(n.has_value());
    CHECK(n->written == c.written);
    CHECK(n->scaled == c.scaled);
    CHECK(n->decimals == c.decimals);
    CHECK(n->unit == c.unit);
    CHECK(n->measure == c.measure);
    CHECK(n->begin == 0);
    CHECK(n->end == c.end);
  }
}

TEST_CASE("ParseNumber: not a figure, or too big", "[number]") {
  const char* cases[] = {
      "", "-", "+", "元", ".5", "abc", "，12",
      "1234567890123456789",            // 19 significant digits
      "12,345,678,901,234,567,890",     // 20
      "99999999999999999999999999999",  // far beyond int64
      "1.2345678901234567890",          // 20 significant digits
  };
  for (const char* c : cases) {
    INFO(c);
    CHECK_FALSE(ParseNumber(c).has_value());
  }
}

TEST_CASE("Number: Plain, IsCount, ToDouble", "[number]") {
  struct Case {
    const char* in;
    const char* plain;
    bool count;
    double value;
  } cases[] = {
      {"2,239,479.23元", "2239479.23", false, 2239479.23},
      {"-0.05%", "-0.05", false, -0.05},
      {"1864.00", "1864.00", false, 1864},
      {"12项", "12", true, 12},
      {"1.5个", "1.5", false, 1.5},  // a count with decimals stands for an interval
      {"0", "0", false, 0},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    auto n = ParseNumber(c.in);
    REQUIRE(n.has_value());
    CHECK(n->Plain() == c.plain);
    CHECK(n->IsCount() == c.count);
    CHECK(n->ToDouble() == Approx(c.value));
  }
}

TEST_CASE("UnitName", "[number]") {
  CHECK(std::string(UnitName(Unit::kYuan)) == "元");
  CHECK(std::string(UnitName(Unit::kWanYuan)) == "万元");
  CHECK(std::string(UnitName(Unit::kYiYuan)) == "亿元");
  CHECK(std::string(UnitName(Unit::kWanMeiYuan)) == "万美元");
  CHECK(std::string(UnitName(Unit::kPercent)) == "%");
  CHECK(std::string(UnitName(Unit::kPoints)) == "分");
  CHECK(std::string(UnitName(Unit::kMu)) == "亩");
  CHECK(std::string(UnitName(Unit::kNone)).empty());
}

// "written@begin-end" for each figure found, with its measure after a '/'.
std::vector<std::string> Found(const std::string& s) {
  std::vector<std::string> out;
  for (const Number& n : FindNumbers(s)) {
    std::string f = n.written + "@" + std::to_string(n.begin) + "-" + std::to_string(n.end);
    if (!n.measure.empty()) f += "/" + n.measure;
    CHECK(s.substr(n.begin, n.written.size() + (s[n.begin] == '+' ? 1 : 0)).find(n.written) !=
          std::string::npos);
    out.push_back(f);
  }
  return out;
}

TEST_CASE("FindNumbers: every figure, left to right", "[number]") {
  struct Case {
    std::string in;
    std::vector<std::string> found;
  } cases[] = {
      {"", {}},
      {"没有数字", {}},
      {"总计 27,600.43 万元，按时", {"27,600.43@7-23/万元"}},
      {"得分 102.34 分，得分率 93.04%", {"102.34@7-17/分", "93.04@30-36/%"}},
      {"完成 12 项，4 家", {"12@7-13/项", "4@16-21/家"}},
      {"2024年完成12项", {"2024@0-4/年", "12@13-18/项"}},
      {"增长 -4.75%", {"-4.75@7-13/%"}},
      {"（1-12 月）", {"1@3-4", "12@5-7"}},
      {"2021-2024", {"2021@0-4", "2024@5-9"}},
      {"+5%与+1,000元", {"5@0-3/%", "1,000@6-15/元"}},
      // Digits that are part of a word are not figures.
      {"5G 基站 120 个", {"120@10-17/个"}},
      {"推进5G基站建设", {}},
      {"R&D 投入 3.5 亿元", {"3.5@11-21/亿元"}},
      {"A1 级和 4G 网络", {}},
      {"COVID-19 疫情", {}},
      // Too big: skipped whole, not read as a smaller figure.
      {"编号 12345678901234567890 的 7 项", {"7@32-37/项"}},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(Found(c.in) == c.found);
  }
}

}  // namespace
}  // namespace jixiao
