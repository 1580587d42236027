// ParseClaims: claims against the report's own figures, table-driven.
#include <catch2/catch.hpp>

#include "audit_testing.h"

namespace jixiao {
namespace {

using testing::DocumentOf;
using testing::Pick;
using testing::Run;

struct Case {
  const char* text;
  const char* stated;  // the result's stated text ("" = any)
  Verdict verdict;
};

TEST_CASE("claims: contradictions and their absence", "[claims]") {
  const Case cases[] = {
      // Full marks while a higher-is-better rate is below 100%.
      {"最终自评得分为100分。\n重点工作完成率为50%。", "100分", Verdict::kFail},
      // 执行率 is often scored by thresholds: only a warning.
      {"最终自评得分为100分。\n政府采购执行率为97%。", "100分", Verdict::kWarning},
      // A majority claimed for 50%.
      {"本单位年初设置的各项绩效目标已完成大部分，绩效目标完成率为50%。", "大部分", Verdict::kWarning},
      // "均已完成" beside an unfinished item.
      {"全年承担重点工作任务共计10项，均已完成，其中按期完成9项，未完成1项。", "均已完成",
       Verdict::kFail},
      // Targets against actuals stated later: not met is a warning, met passes, and several
      // actuals of one kind add up.
      {"(三)部门整体支出目标及任务\n企业培育：2024年培育5家专精特新企业。\n四、主要绩效\n成功培育专精特新企业1家。",
       "1家", Verdict::kWarning},
      {"(三)部门整体支出目标及任务\n企业培育：2024年培育5家专精特新企业。\n四、主要绩效\n成功培育专精特新企业6家。",
       "6家", Verdict::kPass},
      {"(三)年度目标\n预计认定高新技术企业10家以上。\n四、主要绩效\n新增高企6家。", "6家",
       Verdict::kWarning},
      {"(三)年度目标\n认定研发机构3家以上。\n四、主要绩效\n市级企业技术中心1家，市级工程技术研究中心2家。",
       "2家", Verdict::kPass},
      // Target and actual side by side.
      {"预计全市工业投资额 108.47 亿元，实际为 117.91 亿元，该指标已完成；", "117.91亿元",
       Verdict::kPass},
      {"预计全市工业投资额 108.47 亿元，实际为 100.91 亿元，该指标已完成；", "100.91亿元",
       Verdict::kFail},
      // No overstaffing, against the counts of the paragraph.
      {"本单位核定编制15名，实有人员14名，不存在超编问题。", "15名", Verdict::kPass},
      {"本单位核定编制15名，实有人员16名，不存在超编问题。", "15名", Verdict::kFail},
      // Post by post: quotas first, then 实有; each actual against its own post's quota.
      {"核定本局行政编制30名、执法编制3名；设主任1名，副主任3名。现实有行政编制人员29名，执法编制4名，主任1名，副主任2名，没有超职数配备干部的情况。",
       "3名", Verdict::kFail},
      {"核定本局行政编制30名、执法编制3名；设主任1名，副主任3名。现实有行政编制人员29名，执法编制3名，主任1名，副主任2名，没有超职数配备干部的情况。",
       "3名", Verdict::kPass},
      {"核定本局行政编制30名、执法编制3名；设主任1名，副主任2名。现实有行政编制人员29名，执法编制3名，主任1名，副主任3名，没有超职数配备干部的情况。",
       "2名", Verdict::kFail},
      // The largest share.
      {"分别为：基本支出769.02万元和项目支出976.23万元，支出占比最大的是项目支出。", "976.23万元",
       Verdict::kPass},
      {"分别为：基本支出1769.02万元和项目支出976.23万元，支出占比最大的是项目支出。", "976.23万元",
       Verdict::kFail},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    Document doc = DocumentOf(c.text);
    auto got = Pick(Run(ParseClaims, doc), CheckId::kClaimContradiction, c.stated);
    REQUIRE(got.size() >= 1);
    CHECK(VerdictName(got.front().verdict) == std::string(VerdictName(c.verdict)));
  }
}

TEST_CASE("claims: nothing to report", "[claims]") {
  const char* texts[] = {
      // A total below full marks: rates below 100% are expected.
      "最终自评得分为98.39分。\n重点工作完成率为67%。",
      // A target in a sentence that states an actual count elsewhere in it.
      "预计全市规上工业增加值年均增长 8%，全市 505 家规上工业企业，共实现规上工业增加值 271.22亿元。\n新上规企业 74 家。",
      // A majority with a rate above half.
      "各项绩效目标已完成大部分，绩效目标完成率为80%。",
      // Satisfaction targets are thresholds, not rates that cost points.
      "最终自评得分为100分。\n受支持的企业满意度≥85%。",
  };
  testing::CheckAllPass(ParseClaims, texts);
}

}  // namespace
}  // namespace jixiao
