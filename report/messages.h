// The message catalogue: every word jixiao shows a person (terminal text, CSV/XLSX/stats headers,
// the HTML page, check meanings), in Chinese and in English, in one table (report/messages.cc).
// Chinese is the default; `--lang en`, or a LANG/LC_ALL/LC_MESSAGES that starts with "en", gives
// English. Machine-read keys (JSON) are never translated.
#ifndef JIXIAO_REPORT_MESSAGES_H_
#define JIXIAO_REPORT_MESSAGES_H_

#include <optional>
#include <string>

#include "audit/finding.h"

namespace jixiao {

enum class Lang { kZh, kEn };

// "zh" / "en" (also "zh_CN", "en_US.UTF-8", ...); nullopt for anything else.
std::optional<Lang> ParseLang(const std::string& name);
// The language to use: `flag` when given (ParseLang), else LC_ALL, LC_MESSAGES, LANG (the first
// one set and not empty) when it starts with "en", else Chinese.
Lang ChooseLang(const std::string& flag);

enum class Msg {
  // Column headers of the findings table (CSV, XLSX, report --format csv).
  kColFile,
  kColDocument,
  kColDepartment,
  kColYear,
  kColCheck,
  kColSeverity,
  kColPage,
  kColLine,
  kColPath,
  kColStated,
  kColRecomputed,
  kColArithmetic,
  kColQuote,
  kColOtherFile,
  kColOtherPage,
  kColOtherLine,
  kColFingerprint,
  kColDecision,
  kColWhy,
  kColDecidedBy,
  kColDecidedAt,
  kColSha256,
  kColJixiao,
  kColRules,
  kColRunAt,
  // The documents table.
  kColPages,
  kColScore,
  kColMax,
  kColGrade,
  kColErrors,
  kColWarnings,
  kColInfos,
  kColIndicators,
  kColWithMax,
  kColWithScore,
  kColChecksRun,
  kColUnread,
  kColStatus,
  kColReason,
  // stats.
  kColDocs,
  kColFailed,
  kColCrossYear,
  kColCoverage,
  kColNotAssessed,
  kColDuplicates,
  // stats --projects.
  kColUnit,
  kColCode,
  kColProject,
  kColKind,
  kColBudget,
  kColSpent,
  kColRate,
  kColFindingsCount,
  kColOutcome,
  kColSum,
  kColForms,
  kColFormsRead,
  // Words.
  kSevError,
  kSevWarning,
  kSevInfo,
  kStatusErrors,
  kStatusWarnings,
  kStatusClean,
  kStatusFailed,
  kStatusNotAssessed,
  kNoContent,
  kDecisionOpen,
  kDecisionAccepted,
  kDecisionDismissed,
  kPage,
  kLine,
  kTotal,
  kStated,
  kRecomputed,
  kFindings,
  kNoFindings,
  kCoverage,
  kUnreadable,
  kScoreTree,
  kPages,
  kNoIndicators,
  kWholePage,
  kSumChildrenMax,
  kSumChildrenScore,
  kIndicator,
  kFirstLevelSum,
  kAnnotatedBy,
  kDocumentsTitle,
  kSearch,
  kAllChecks,
  kAllSeverities,
  kAllDepartments,
  kAllYears,
  kByCheck,
  kBySeverity,
  kByDepartment,
  kByYear,
  kProvenance,
  kTitle,
  kNoDocuments,
  kGrandTotal,
  kOperands,
  kCount  // not a message
};

// The message in `lang`.
const char* Tr(Lang lang, Msg m);

// "3 个错误" / "3 errors": a count with its noun, singular or plural as the language needs.
// `what` is kSevError, kSevWarning, kSevInfo, kFindings, kColDocs, kColPages or kColIndicators.
std::string CountOf(Lang lang, long n, Msg what);

// The meaning of a check id in one sentence.
const char* CheckMeaning(Lang lang, CheckId id);

// A severity as shown to people ("错误" / "error").
const char* SeverityWord(Lang lang, Severity s);

}  // namespace jixiao

#endif  // JIXIAO_REPORT_MESSAGES_H_
