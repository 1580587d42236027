// Private to store/: the connection behind a Store, and the wrapper that turns SQLiteCpp's
// exceptions into Status.
#ifndef JIXIAO_STORE_STORE_INTERNAL_H_
#define JIXIAO_STORE_STORE_INTERNAL_H_

#include <SQLiteCpp/SQLiteCpp.h>

#include <exception>
#include <string>
#include <vector>

#include "store/store.h"

namespace jixiao {

// How long a connection waits for another one's lock (ms).
constexpr int kBusyMs = 10000;

struct Store::Impl {
  explicit Impl(const std::string& path, int flags) : db(path, flags, kBusyMs), path(path) {}
  SQLite::Database db;
  std::string path;
  // The schema version of the database as opened: SchemaVersion() unless it was opened read-only
  // at an older version (Store::Open); readers leave out the columns later steps add.
  int version = 0;
};

// Runs `fn` (returning Status), turning any exception into a kIoError Status naming the database.
template <typename F>
Status Guarded(const std::string& db_path, F&& fn) {
  try {
    return fn();
  } catch (const SQLite::Exception& e) {
    return Status(Status::Code::kIoError, db_path + ": " + e.what());
  } catch (const std::exception& e) {
    return Status(Status::Code::kInternal, db_path + ": " + e.what());
  }
}

// A JSON array of strings, as stored in the path columns; and back.
std::string PathJson(const std::vector<std::string>& path);
std::vector<std::string> PathFromJson(const std::string& json);

// The spans of a finding (schema step 007): its figure's offsets in its quote and its operands as
// a JSON array (store/finding_spans.cc). BindSpans binds figure_begin, figure_end and operands at
// parameters first..first+2 (NULL when absent); ReadSpans reads them from columns first..first+2
// into `c`, whose quote must be set (offsets past it are dropped).
std::string OperandsJson(const std::vector<CheckResult::Operand>& operands);  // "" when none
std::vector<CheckResult::Operand> OperandsFromJson(const std::string& json);
void BindSpans(SQLite::Statement& s, int first, const CheckResult& c);
void ReadSpans(SQLite::Statement& q, int first, CheckResult* c);
// The schema step that added the spans: databases older than it have none.
constexpr int kSpansVersion = 7;

// The current UTC time as "2026-11-23T14:27:24Z".
std::string UtcNow();

// Deletes and recomputes the change.cross_year findings between documents of `department` for
// the pairs of years (year-1, year) and (year, year+1). Call inside a transaction. Does nothing
// when the department is empty or the year is 0.
void RecomputeCrossYear(SQLite::Database& db, const std::string& department, int year);

// Deletes and recomputes the sum.projects findings of `department` (forms.department_key) and
// `year` (store/project_sums.h). Call inside a transaction. Nothing when either is empty / 0.
void RecomputeProjectSums(SQLite::Database& db, const std::string& department, int year);
// The same for every department and year of the forms table.
void RecomputeAllProjectSums(SQLite::Database& db);

// Writes the rows of `forms` for document `id` (store/forms_table.cc).
void InsertForms(SQLite::Database& db, int64_t id, const std::vector<StoredForm>& forms);

// How much CheckDatabase reads: the schema only; PRAGMA quick_check (every page, O(size)); or
// PRAGMA integrity_check (also every index against its table).
enum class CheckDepth { kSchema, kQuick, kFull };

// Whether the database `schema` ("main", or an attached name) of `db`, opened from `path`, can be
// used: the check of `depth` says ok, its user_version is not newer than Store::SchemaVersion()
// (and equal to it when `exact_version`), and every table and column the steps up to its version
// create is there. An empty database (version 0, no table) passes. Errors name the file: kCorrupt
// for damage, kUsage for a version or a file that is not jixiao's. SQLite errors throw.
Status CheckDatabase(SQLite::Database& db, const std::string& path, const std::string& schema,
                     CheckDepth depth, bool exact_version);

}  // namespace jixiao

#endif  // JIXIAO_STORE_STORE_INTERNAL_H_
