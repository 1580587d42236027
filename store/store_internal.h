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

struct Store::Impl {
  explicit Impl(const std::string& path, int flags) : db(path, flags, 10000), path(path) {}
  SQLite::Database db;
  std::string path;
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

// The current UTC time as "2026-11-23T14:27:24Z".
std::string UtcNow();

// Deletes and recomputes the change.cross_year findings between documents of `department` for
// the pairs of years (year-1, year) and (year, year+1). Call inside a transaction. Does nothing
// when the department is empty or the year is 0.
void RecomputeCrossYear(SQLite::Database& db, const std::string& department, int year);

}  // namespace jixiao

#endif  // JIXIAO_STORE_STORE_INTERNAL_H_
