// Names of check ids, severities and verdicts.
#include "audit/finding.h"

namespace jixiao {

namespace {
constexpr const char* kCheckNames[kNumCheckIds] = {
    "score.children_sum", "score.children_max", "score.total",     "score.restated",
    "score.grade",        "score.range",        "score.from_rate", "rate.ratio",
    "sum.breakdown",      "table.row",          "table.column",    "figure.restated",
    "change.yoy",         "unit.scale",         "claim.contradiction", "parse.unread",
    "change.cross_year",  "score.reason_missing", "sum.projects",
};
}  // namespace

const char* CheckName(CheckId id) { return kCheckNames[static_cast<int>(id)]; }

std::optional<CheckId> CheckFromName(const std::string& name) {
  for (int i = 0; i < kNumCheckIds; ++i) {
    if (name == kCheckNames[i]) return static_cast<CheckId>(i);
  }
  return std::nullopt;
}

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kInfo: return "info";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "info";
}

const char* VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kPass: return "pass";
    case Verdict::kWarning: return "warning";
    case Verdict::kFail: return "fail";
  }
  return "pass";
}

}  // namespace jixiao
