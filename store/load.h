// Whole documents back from a batch database, for the deliverables of `jixiao report`: each with
// its facts (pages, total, coverage, indicator tree), its findings and whether it failed.
#ifndef JIXIAO_STORE_LOAD_H_
#define JIXIAO_STORE_LOAD_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "extract/status.h"
#include "store/query.h"
#include "store/store.h"

namespace jixiao {

struct StoredReport {
  int64_t id = 0;
  std::string hash;  // SHA-256 of the file
  std::string jixiao_version, rules_version, audited_at;
  bool failed = false;
  std::string error;   // when failed
  AuditResult result;  // path, name, department, year, pages, total, coverage, indicators,
                       // findings (those matching the filter); kind/parts are not stored
  std::vector<FindingRow> rows;  // the same findings as stored (cross-year: the other document)
};

// Every document whose department and year match `filter` (all when unset), ordered by
// department, year and path, failed ones included; each with the findings that match the whole
// filter. Loads them all (the indicator rows too) before returning.
Result<std::vector<StoredReport>> LoadReports(Store& store, const FindingFilter& filter);

// The distinct departments stored, in order ("" for documents without one).
Result<std::vector<std::string>> Departments(Store& store);

}  // namespace jixiao

#endif  // JIXIAO_STORE_LOAD_H_
