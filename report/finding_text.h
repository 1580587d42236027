// How a finding reads in every output: its indicator path, its quote split around the stated
// figure, and a one-paragraph summary (used for PDF annotation text and spreadsheet cells).
#ifndef JIXIAO_REPORT_FINDING_TEXT_H_
#define JIXIAO_REPORT_FINDING_TEXT_H_

#include <array>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "report/report.h"

namespace jixiao {

// "预算执行情况 › 绩效管理": the path joined with " › "; "" for an empty path.
std::string JoinPath(const std::vector<std::string>& path);

// A quote cut around the first occurrence of the stated figure. When the stated value (as written,
// possibly with a unit such as "%" or "万元") does not occur, its leading number is tried; when
// that does not occur either, `figure` is empty and `before` holds the whole quote.
struct QuoteParts {
  std::string before, figure, after;
};
// When the figure occurs several times, the occurrence that reads as a score ("自评得 10 分") is
// preferred over one that reads as a max ("分值 10 分"). When neither the stated value nor its
// number occurs, `fallback` (the recomputed value: the other statement of a restated figure) is
// tried the same way.
QuoteParts SplitQuote(const std::string& quote, const std::string& stated,
                      const std::string& fallback = "");
// The finding's quote cut around its figure: the span Finding::figure when the audit recorded it
// (the figure the finding is about, whatever its value), else SplitQuote on stated / recomputed.
// A parse.unread note's span (the text not read, inside its line) is marked whole.
QuoteParts SplitQuote(const Finding& f);

// "p.13" / "p.13, line 412" / "line 412" / "": where the finding is, for people.
std::string Location(const Finding& f, Lang lang = Lang::kEn);
// The same for a page and line (0: not known).
std::string Place(int page, int line, Lang lang);

// Findings in report order: errors, then warnings, then infos; within a severity, the order of
// AuditResult::findings (page, line). Returns indices into r.findings.
std::vector<size_t> FindingsBySeverity(const AuditResult& r);
inline constexpr std::array<Severity, 3> kSeverityOrder = {Severity::kError, Severity::kWarning,
                                                           Severity::kInfo};

// "error score.children_sum p.13 预算使用效益 › 效率性: stated 0.67, recomputed 1; 0.5 + 0.5 = 1",
// then the quote on a new line. Plain UTF-8.
std::string Summary(const Finding& f, Lang lang = Lang::kEn);

// "2 errors, 1 warning, 0 infos" for one result.
std::string CountsLine(const AuditResult& r, Lang lang = Lang::kEn);
// "32 indicators (32 with max, 31 with score), 120 checks run, 0 unread".
std::string CoverageLine(const AuditResult& r, Lang lang = Lang::kEn);
// "errors" when any error finding, else "not-assessed" when no self-evaluation content was found
// (AuditResult::assessed; never "clean"), else "warnings" when any warning, else "clean".
// A CSS class and a key, not a label.
std::string StatusWord(const AuditResult& r);
// StatusWord as people read it.
std::string StatusLabel(const AuditResult& r, Lang lang);
// "open" / "accepted" / "dismissed" in `lang`.
std::string DecisionWord(const Review& r, Lang lang);
// The total as "98.39/100 良"; a max that is not stated but is the sum of the first-level maxima
// is shown as that sum with a note ("98.39/100 (Σ)"); "" when there is no total.
std::string TotalText(const AuditResult& r, Lang lang);

}  // namespace jixiao

#endif  // JIXIAO_REPORT_FINDING_TEXT_H_
