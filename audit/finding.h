// Findings and check results: what the audit reports. A problem in the report is a Finding with a
// stable check id; it is never an error of the program.
#ifndef JIXIAO_AUDIT_FINDING_H_
#define JIXIAO_AUDIT_FINDING_H_

#include <optional>
#include <string>
#include <vector>

#include "extract/document.h"

namespace jixiao {

// Stable check ids; stored and printed as their string form (CheckName), never parsed from text.
enum class CheckId {
  kScoreChildrenSum,    // score.children_sum: children's self-scores do not add up to the parent's
  kScoreChildrenMax,    // score.children_max: children's max points do not add up to the parent's max
  kScoreTotal,          // score.total: first-level scores do not add up to the stated total
  kScoreRestated,       // score.restated: one indicator's max or score stated twice, differently
  kScoreGrade,          // score.grade: a grade that does not fit the score
  kScoreRange,          // score.range: a score above its max, or negative
  kScoreFromRate,       // score.from_rate: a score that does not follow from its rate and rule
  kRateRatio,           // rate.ratio: a rate that is not its numerator / denominator
  kSumBreakdown,        // sum.breakdown: 其中 components that do not add up to the total
  kTableRow,            // table.row: a table row that does not recompute
  kTableColumn,         // table.column: a 合计 row that is not the column sum
  kFigureRestated,      // figure.restated: one amount or count stated twice, differently
  kChangeYoy,           // change.yoy: 比上年 changes that do not match the two years' figures
  kUnitScale,           // unit.scale: one amount in 万元 and 元 inconsistently
  kClaimContradiction,  // claim.contradiction: a claim contradicted by the report's own figures
  kParseUnread,         // parse.unread: a part that looks like scores or figures but was not read
  kChangeCrossYear,     // change.cross_year: last year's figure differs from last year's report
  kScoreReasonMissing,  // score.reason_missing: a form's rule requires a 偏差原因 and the cell is empty
  kSumProjects,         // sum.projects: (batch) Σ 全年执行数 of a department's project forms exceeds
                        // the 项目支出 (决算) of its report
};
inline constexpr int kNumCheckIds = 19;

const char* CheckName(CheckId id);                       // "score.children_sum", ...
std::optional<CheckId> CheckFromName(const std::string& name);

enum class Severity { kInfo, kWarning, kError };
const char* SeverityName(Severity s);                    // "info", "warning", "error"

enum class Verdict { kPass, kWarning, kFail };           // outcome of one check run
const char* VerdictName(Verdict v);                      // "pass", "warning", "fail"

// One run of a check on one spot of the report, passed or not. Every run is recorded so that
// coverage is visible; the failed ones (and warnings) also become Findings.
struct CheckResult {
  CheckId check;
  Verdict verdict = Verdict::kPass;
  Severity severity = Severity::kInfo;  // of the finding, when verdict != kPass
  int page = 0;
  int line = 0;                         // source line (text input: line in the .txt)
  std::string quote;                    // exact source text around the figure
  std::vector<std::string> path;        // indicator path, first level first; may be empty
  std::string stated;                   // as written, with unit: "90.94%"
  std::string recomputed;               // "90.9422%"
  std::string arithmetic;               // "25100.43 / 27600.43 = 90.9422% → stated 90.94% ✓"
  std::optional<Box> bbox;              // PDF only: the figure's box on `page`
  // Where, in `quote`, the figure the finding is about is written (the anchor: the stated value,
  // or for score.restated the restated one): byte offsets into `quote`; empty when the figure is
  // not inside the quote. Outputs mark this span rather than search the quote for `stated`.
  // Not in the JSON: a reader of it finds the figure by its value. Stored in the database
  // (findings.figure_begin/figure_end, schema 7) for `report`.
  Span figure;
  // The stated figures the arithmetic uses, left to right as written (relations only), each with
  // its place, so an output can link an operand to where it stands. Not in the JSON; stored in
  // the database (findings.operands, schema 7).
  struct Operand {
    std::string text;          // as rendered in the arithmetic: "25100.43", "90.94%"
    int page = 0, line = 0;
    std::optional<Box> bbox;   // PDF only
    Span in_quote;             // byte offsets into `quote`; empty when not quoted
  };
  std::vector<Operand> operands;
};

// A Finding is a CheckResult whose verdict is not kPass (or a parse.unread note).
using Finding = CheckResult;

}  // namespace jixiao

#endif  // JIXIAO_AUDIT_FINDING_H_
