// The fixtures of report_fixture.h. Boxes are the words' boxes from `pdftotext -bbox` (PDF points,
// origin top-left).
#include "tests/report_fixture.h"

namespace jixiao::testing {

namespace {

Finding MakeFinding(CheckId check, Severity sev, int page, int line, std::vector<std::string> path,
                    std::string quote, std::string stated, std::string recomputed,
                    std::string arithmetic, std::optional<Box> bbox) {
  Finding f;
  f.check = check;
  f.verdict = sev == Severity::kError ? Verdict::kFail : Verdict::kWarning;
  f.severity = sev;
  f.page = page;
  f.line = line;
  f.path = std::move(path);
  f.quote = std::move(quote);
  f.stated = std::move(stated);
  f.recomputed = std::move(recomputed);
  f.arithmetic = std::move(arithmetic);
  f.bbox = bbox;
  return f;
}

IndicatorRow Row(std::vector<std::string> path, std::string max, std::string score, int page,
                 int line) {
  return IndicatorRow{std::move(path), std::move(max), std::move(score), page, line};
}

}  // namespace

AuditResult MeizhouFixture(const std::string& source_dir) {
  AuditResult r;
  r.document = "meizhou-city-2024";
  r.path = source_dir + "/corpus/meizhou-city-2024.pdf";
  r.department = "梅州市工业和信息化局";
  r.department_source = "text";
  r.year = 2024;
  r.year_source = "text";
  r.pages = 15;
  r.total = AuditResult::Total{"100", "98.39", "优", 14, 600};
  r.indicators = {
      Row({"预算编制情况"}, "13", "13", 11, 295),
      Row({"预算编制情况", "预算编制"}, "3", "3", 11, 297),
      Row({"预算编制情况", "目标设置"}, "10", "10", 11, 316),
      Row({"预算执行情况"}, "53", "52.72", 11, 340),
      Row({"预算使用效益"}, "34", "32.67", 13, 516),
      Row({"预算使用效益", "运行成本"}, "8", "8", 13, 518),
      Row({"预算使用效益", "效率性"}, "1", "0.67", 13, 551),
      Row({"预算使用效益", "效率性", "重点工作完成率"}, "1", "0.67", 13, 553),
      Row({"预算使用效益", "效益性"}, "25", "23.5", 14, 570),
  };
  r.findings = {
      MakeFinding(CheckId::kParseUnread, Severity::kInfo, 1, 1, {}, "部门整体支出绩效自评报告", "",
                  "", "the title names neither the department nor the year",
                  Box{56.8, 31.600764, 248.8, 52.400764}),
      MakeFinding(CheckId::kFigureRestated, Severity::kWarning, 3, 62, {},
                  "12.指导协调工业、信息化领域的人才队伍建设、对外交流与合作。", "12", "11",
                  "item 11 is followed by item 12 on page 3 but counted as 11 on page 2",
                  Box{56.8, 294.800764, 526.5, 315.600764}),
      MakeFinding(CheckId::kParseUnread, Severity::kInfo, 3, 70, {}, "（1）深入推进简政放权。", "",
                  "", "", std::nullopt),
      MakeFinding(CheckId::kScoreChildrenSum, Severity::kError, 13, 516, {"预算使用效益"},
                  "3.预算使用效益（分值 34分，自评得 32.67分）", "32.67", "32.17",
                  "8 + 0.67 + 23.5 = 32.17 → stated 32.67 ✗", Box{324.2, 31.600764, 364.968, 52.400764}),
      MakeFinding(CheckId::kScoreFromRate, Severity::kWarning, 13, 559,
                  {"预算使用效益", "效率性", "重点工作完成率"},
                  "率 67%，此项指标得 0.67分。", "0.67", "0.6667",
                  "1 × 8 / 12 = 0.6667 → stated 0.67 (2 decimals) ~",
                  Box{433.7, 778.900764, 465.476, 799.700764}),
  };
  r.coverage = {9, 9, 9, 42, 2};
  for (const auto& f : r.findings) r.checks.push_back(f);
  return r;
}

AuditResult LechangTextFixture(const std::string& source_dir) {
  AuditResult r;
  r.document = "lechang-county-2024";
  r.path = source_dir + "/corpus/lechang-county-2024.txt";
  r.year = 2024;
  r.year_source = "title";
  r.pages = 1;
  r.findings = {
      MakeFinding(CheckId::kRateRatio, Severity::kError, 1, 120, {"预算执行情况", "预算执行率"},
                  "预算执行率为 90.49%，\"执行\"较好", "90.49%", "90.9422%",
                  "25100.43 / 27600.43 = 90.9422% → stated 90.49% ✗", std::nullopt),
  };
  r.coverage = {0, 0, 0, 7, 1};
  return r;
}

}  // namespace jixiao::testing
