// CheckDatabase: is a database file sound enough to read or write, before anything is read from it.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <map>
#include <mutex>
#include <set>
#include <string>

#include "store/store.h"
#include "store/store_internal.h"

namespace jixiao {

extern const char* const kSchemaSteps[][2];  // store/schema/*.sql, generated

namespace {

using Shape = std::map<std::string, std::set<std::string>>;  // table -> columns

Shape ShapeOf(SQLite::Database& db, const std::string& schema) {
  Shape out;
  SQLite::Statement t(db, "SELECT name FROM " + schema +
                              ".sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  while (t.executeStep()) out[t.getColumn(0).getString()];
  for (auto& [table, cols] : out) {
    SQLite::Statement c(db, "SELECT name FROM pragma_table_info(?, ?)");
    c.bind(1, table);
    c.bind(2, schema);
    while (c.executeStep()) cols.insert(c.getColumn(0).getString());
  }
  return out;
}

// The tables and columns the first `version` steps create.
const Shape& ExpectedShape(int version) {
  static std::mutex mu;
  static std::map<int, Shape> cache;
  std::lock_guard lock(mu);
  auto it = cache.find(version);
  if (it != cache.end()) return it->second;
  SQLite::Database mem(":memory:", SQLite::OPEN_READWRITE);
  for (int i = 0; i < version && kSchemaSteps[i][0] != nullptr; ++i) mem.exec(kSchemaSteps[i][1]);
  return cache.emplace(version, ShapeOf(mem, "main")).first->second;
}

Status Check(SQLite::Database& db, const std::string& path, const std::string& schema,
             CheckDepth depth, bool exact_version) {
  auto damaged = [&](const std::string& why) {
    return Status(Status::Code::kCorrupt, path + ": the database is damaged (" + why +
                                              "); restore it from a copy or rebuild it with "
                                              "`jixiao batch`");
  };
  if (depth != CheckDepth::kSchema) {
    SQLite::Statement q(db, "PRAGMA " + schema + "." +
                                (depth == CheckDepth::kFull ? "integrity_check" : "quick_check") +
                                "(1)");
    std::string first;
    if (q.executeStep()) first = q.getColumn(0).getString();
    if (first != "ok") {
      return damaged(std::string(depth == CheckDepth::kFull ? "integrity_check" : "quick_check") +
                     ": " + first);
    }
  }
  const int version = db.execAndGet("PRAGMA " + schema + ".user_version").getInt();
  const int target = Store::SchemaVersion();
  if (version > target) {
    return Status(Status::Code::kUsage, path + ": schema version " + std::to_string(version) +
                                            " is newer than this jixiao's (" +
                                            std::to_string(target) + "): made by a newer jixiao");
  }
  if (exact_version && version != target) {
    return Status(Status::Code::kUsage,
                  path + ": schema version " + std::to_string(version) + ", expected " +
                      std::to_string(target) + " (run `jixiao batch --db` on it to migrate)");
  }
  const Shape have = ShapeOf(db, schema);
  if (version == 0) {
    if (have.empty()) return Status::Ok();  // a new, empty database
    return Status(Status::Code::kUsage,
                  path + ": not a jixiao database (it has tables but no schema version)");
  }
  for (const auto& [table, cols] : ExpectedShape(version)) {
    auto t = have.find(table);
    if (t == have.end()) return damaged("schema version " + std::to_string(version) +
                                        " but no table " + table);
    for (const auto& c : cols) {
      if (!t->second.count(c)) return damaged("table " + table + " has no column " + c);
    }
  }
  return Status::Ok();
}

}  // namespace

Status CheckDatabase(SQLite::Database& db, const std::string& path, const std::string& schema,
                     CheckDepth depth, bool exact_version) {
  try {
    // One snapshot: another process may be migrating the database meanwhile.
    SQLite::Transaction t(db, SQLite::TransactionBehavior::DEFERRED);
    Status s = Check(db, path, schema, depth, exact_version);
    t.commit();
    return s;
  } catch (const SQLite::Exception& e) {
    const int code = e.getErrorCode() & 0xff;
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
      return Status(Status::Code::kCorrupt,
                    path + ": the database is damaged (" + e.what() +
                        "); restore it from a copy or rebuild it with `jixiao batch`");
    }
    throw;
  }
}

}  // namespace jixiao
