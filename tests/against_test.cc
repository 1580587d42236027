// Paragraph statements (audit/figures_against.cc): a change against a named base with its rate after a
// bracket of parts, and a balance after 收支相抵.
#include <catch2/catch.hpp>

#include "audit/audit.h"
#include "audit_testing.h"

namespace jixiao {
namespace {

using testing::Case;

TEST_CASE("against: a rate after a bracket is the change over its named base", "[figures][against]") {
  const Case cases[] = {
      {"全旗收入调整为290000万元（其中：旗本级257800万元，开发区32200万元），较人代会批准的预算数增加60000万元（其中：旗本级58800万元，开发区1200万元），增长26.1%。",
       CheckId::kChangeYoy, "26.1%", Verdict::kPass},
      {"基金收入调整为45000万元（其中：本级35900万元，下降8%；园区9100万元，下降2.8%），较年初预算安排数减少25000万元，（其中：本级减少29100万元，园区增加4100万元），下降39.7%。",
       CheckId::kChangeYoy, "39.7%", Verdict::kFail},
      {"收入合计335000万元，较人代会预算数增加35000万元，增长11.7%；较2021年实际完成数减少37632万元，下降10.1%。",
       CheckId::kChangeYoy, "10.1%", Verdict::kPass},
      {"全县总收入为898487万元。一般公共预算支出782634万元，加上解上级支出40088万元，年度支出总额为822722万元。收支品迭后，年末结转结余75765万元。",
       CheckId::kSumBreakdown, "75765万元", Verdict::kPass},
      {"一般公共预算总收入64.3亿元。一般公共预算支出64.1亿元，全年收支相抵，一般公共预算结余1.24亿元。",
       CheckId::kSumBreakdown, "1.24亿元", Verdict::kFail},
  };
  testing::CheckCases(ParseFigures, cases);
}

}  // namespace
}  // namespace jixiao
