// change.yoy in percentage points (audit/figures_points.cc): the points a percentage changed by
// against the two percentages the words state for the same subject.
#include <catch2/catch.hpp>

#include "audit/audit.h"
#include "audit_testing.h"
#include "extract/extract.h"

namespace jixiao {
namespace {

using testing::DocumentOf;
using testing::Pick;
using testing::Run;

TEST_CASE("points: a change in percentage points is the difference of its two percentages", "[figures][points]") {
  struct Case {
    const char* text;
    const char* stated;
    Verdict verdict;
  };
  const Case cases[] = {
      // From … to … in one clause, a fall and a rise, in other words.
      {"非税收入占比由22.5%下降到13.2%，下降了9.3个百分点。", "9.3%", Verdict::kPass},
      // 22.5% and 13.2% are rounded: the difference lies in (9.2, 9.4). 9.5 is one unit off the
      // most that can be written (a warning), 9.7 beyond (an error).
      {"非税收入占比由22.5%下降到13.2%，下降了9.5个百分点。", "9.5%", Verdict::kWarning},
      {"非税收入占比由22.5%下降到13.2%，下降了9.7个百分点。", "9.7%", Verdict::kFail},
      {"城镇化率从56.1%提高至60.4%，提高4.3个百分点。", "4.3%", Verdict::kPass},
      {"城镇化率从56.1%提高至60.4%，提高4.6个百分点。", "4.6%", Verdict::kFail},
      // Unrounded values may give 4.4 (56.05% → 60.45%): consistent; 4.5 is one unit off (4.2, 4.4).
      {"城镇化率从56.1%提高至60.4%，提高4.4个百分点。", "4.4%", Verdict::kPass},
      {"城镇化率从56.1%提高至60.4%，提高4.5个百分点。", "4.5%", Verdict::kWarning},
      // A year span filled by a list, then two of its years compared.
      {"2013~2017年，非税收入占一般公共预算收入的比重分别为22.5%、15.2%、17.6%、17.3%、13.2%，2017年比2013年非税占比下降了9.5个百分点。",
       "9.5%", Verdict::kWarning},
      {"2013~2017年，非税收入占一般公共预算收入的比重分别为22.5%、15.2%、17.6%、17.3%、13.2%，2017年比2013年非税占比下降了10.5个百分点。",
       "10.5%", Verdict::kFail},
      {"2019—2021年，财政自给率依次为40.2%、42.0%、45.5%，2021年较2019年提高5.3个百分点。", "5.3%", Verdict::kPass},
      // A list of two, the change right after it.
      {"2022年和2023年非税收入占比分别为30.1%和27.4%，下降2.7个百分点。", "2.7%", Verdict::kPass},
      {"上年和本年的自给率分别是41.0%、44.5%，占比提高3.9个百分点。", "3.9%", Verdict::kFail},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto got = Pick(Run(ParseFigures, DocumentOf(c.text)), CheckId::kChangeYoy, c.stated);
    REQUIRE(got.size() == 1);
    INFO(got.front().arithmetic);
    CHECK(got.front().verdict == c.verdict);
  }
}

TEST_CASE("points: percentages the words do not bind to the change are left alone", "[figures][points]") {
  const char* const texts[] = {
      // Four years, three figures: the years do not say which is which.
      "2019~2022年，财政自给率分别为40.2%、42.0%、45.5%，2021年比2019年提高了5.3个百分点。",
      // Three figures and no years: which two are compared is not said.
      "三项比重分别为40.2%、42.0%、45.5%，提高5.3个百分点。",
      // Another figure between the list and the change.
      "两年占比分别为30.1%和27.4%，收入增长12.5%，下降2.7个百分点。",
      // A change in points against a target, not between two stated levels.
      "综合完成率为92.5%，超序时进度3.5个百分点。",
  };
  for (const char* text : texts) {
    INFO(text);
    auto got = Run(ParseFigures, DocumentOf(text));
    for (const CheckResult& c : Pick(got, CheckId::kChangeYoy, "")) {
      INFO(c.arithmetic);
      CHECK(c.arithmetic.find("percentage points") == std::string::npos);
    }
  }
}

}  // namespace
}  // namespace jixiao
