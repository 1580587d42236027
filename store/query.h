// Reading a batch database: findings across documents (jixiao report) and per department and year
// summaries (jixiao stats). Rows come out in a stable order so that outputs are repeatable.
#ifndef JIXIAO_STORE_QUERY_H_
#define JIXIAO_STORE_QUERY_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "audit/finding.h"
#include "extract/status.h"
#include "store/store.h"

namespace jixiao {

struct FindingFilter {
  std::optional<Severity> min_severity;  // this severity and above (warning: warning + error)
  std::string check;                     // a CheckName(); "" for all
  std::string department;                // exact; "" for all
  int year = 0;                          // 0 for all
};

// One finding with the document it is on (and, for change.cross_year, the other document).
struct FindingRow {
  int64_t document_id = 0;
  std::string hash;      // the document's SHA-256
  std::string path;      // the document's path (first stored)
  std::string document;  // name
  std::string department;
  int year = 0;
  std::string check;       // check id as stored
  Finding finding;         // every field; `check` is set when the id is known to this binary
  std::string other_path;  // cross-year: the previous year's document; "" otherwise
  int other_page = 0, other_line = 0;
  std::string other_quote;
};

// Calls `fn` for every finding matching `filter`, ordered by department, year, path, page, line.
// Only one row is in memory at a time.
Status ForEachFinding(Store& store, const FindingFilter& filter,
                      const std::function<void(const FindingRow&)>& fn);

// A document that was read but in which no self-evaluation content was found (schema 3's
// assessed = 0): it has no findings because nothing was checked, and `report` lists it as "not
// assessed" so that its silence is never read as clean.
struct UnassessedRow {
  std::string path, document, department;
  int year = 0;
  std::string note;  // AuditResult::note
};

// Calls `fn` for every such document matching `filter`'s department and year (a check or severity
// filter selects findings, so it leaves none), ordered by department, year, path.
Status ForEachUnassessed(Store& store, const FindingFilter& filter,
                         const std::function<void(const UnassessedRow&)>& fn);

// One department and year.
struct GroupStats {
  std::string department;  // "" for documents whose department was not found
  int year = 0;
  int documents = 0, failed = 0, pages = 0;
  int unassessed = 0;  // read, but no self-evaluation content found: never counted as clean
  std::vector<std::string> scores;  // stated total scores, as written, one per document with one
  int errors = 0, warnings = 0, infos = 0;  // including cross-year findings
  int cross_year = 0;                       // change.cross_year findings among them
  // Coverage, summed over the documents (AuditResult::coverage).
  int indicators = 0, with_max = 0, with_score = 0, checks_run = 0, unread = 0;
};

// Every department and year, ordered by department then year.
Result<std::vector<GroupStats>> Stats(Store& store);

// Findings by severity.
struct FindingCounts {
  int errors = 0, warnings = 0, infos = 0;
  int cross_year = 0;  // of them, change.cross_year (the others: sum.projects)
};

// The findings the store computes itself (change.cross_year, sum.projects) each document carries,
// by document id; documents without any are absent. (The documents table counts audit findings
// only: these come on top.)
Result<std::unordered_map<int64_t, FindingCounts>> CrossYearCounts(Store& store);

}  // namespace jixiao

#endif  // JIXIAO_STORE_QUERY_H_
