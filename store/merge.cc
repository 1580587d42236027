// Store::Merge: copying the documents of another batch database into this one, without duplicates.
#include <string>
#include <vector>

#include "store/store.h"
#include "store/store_internal.h"

namespace jixiao {

namespace {

// The columns of `table` except `skip`, comma-separated, in schema order.
std::string ColumnsExcept(SQLite::Database& db, const std::string& table, const std::string& skip) {
  SQLite::Statement q(db, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
  q.bind(1, table);
  std::string out;
  while (q.executeStep()) {
    std::string c = q.getColumn(0).getString();
    if (c == skip) continue;
    if (!out.empty()) out += ", ";
    out += c;
  }
  return out;
}

// Points `path` at `id` unless it already points at a document audited later. Deletes the
// document it pointed to when no path is left for it. Returns whether the path was changed. The
// other database's file stats are not copied: they describe another machine's files.
bool MergeSource(SQLite::Database& db, const std::string& path, int64_t id,
                 const std::string& seen_at) {
  SQLite::Statement q(db,
                      "SELECT s.document_id, d.audited_at, (SELECT audited_at FROM documents "
                      "WHERE id = ?2) FROM sources s JOIN documents d ON d.id = s.document_id "
                      "WHERE s.path = ?1");
  q.bind(1, path);
  q.bind(2, id);
  if (q.executeStep()) {
    int64_t old = q.getColumn(0).getInt64();
    if (old == id || q.getColumn(1).getString() > q.getColumn(2).getString()) return false;
    // The stat described the file that held the old document: the path is read again next run.
    SQLite::Statement up(db,
                         "UPDATE sources SET document_id = ?, seen_at = ?, size = NULL, mtime_ns = "
                         "NULL, ctime_ns = NULL, inode = NULL, stat_at_ns = NULL WHERE path = ?");
    up.bind(1, id);
    up.bind(2, seen_at);
    up.bind(3, path);
    up.exec();
    SQLite::Statement del(db,
                          "DELETE FROM documents WHERE id = ? AND NOT EXISTS (SELECT 1 FROM "
                          "sources WHERE document_id = ?1)");
    del.bind(1, old);
    del.exec();
    return true;
  }
  SQLite::Statement ins(db, "INSERT INTO sources (path, document_id, seen_at) VALUES (?, ?, ?)");
  ins.bind(1, path);
  ins.bind(2, id);
  ins.bind(3, seen_at);
  ins.exec();
  return true;
}

// Whether every path of the other database's document `oid` points, here, to a document audited
// later: then it is an old version of files this database has newer results for, and is not
// copied (it would be a document no path refers to).
bool Superseded(SQLite::Database& db, int64_t oid) {
  SQLite::Statement q(db,
                      "SELECT count(*), sum(m.audited_at IS NOT NULL AND m.audited_at > "
                      "o.audited_at) FROM other.sources s JOIN other.documents o ON o.id = "
                      "s.document_id LEFT JOIN main.sources ms ON ms.path = s.path LEFT JOIN "
                      "main.documents m ON m.id = ms.document_id WHERE s.document_id = ?");
  q.bind(1, oid);
  q.executeStep();
  int64_t paths = q.getColumn(0).getInt64();
  return paths > 0 && q.getColumn(1).getInt64() == paths;
}

}  // namespace

Result<Store::MergeCounts> Store::Merge(const std::string& other) {
  MergeCounts counts;
  SQLite::Database& db = impl_->db;
  Status s = Guarded(other, [&] {
    {
      SQLite::Database probe(other, SQLite::OPEN_READONLY);
      int version = probe.execAndGet("PRAGMA user_version").getInt();
      if (version != SchemaVersion()) {
        return Status(Status::Code::kInternal,
                      other + ": schema version " + std::to_string(version) + ", expected " +
                          std::to_string(SchemaVersion()) +
                          (version < SchemaVersion() ? " (run `jixiao batch --db` on it to migrate)"
                                                     : " (made by a newer jixiao)"));
      }
    }
    SQLite::Statement attach(db, "ATTACH DATABASE ? AS other");
    attach.bind(1, other);
    attach.exec();
    struct Detach {
      SQLite::Database& db;
      ~Detach() {
        try {
          db.exec("DETACH DATABASE other");
        } catch (...) {
        }
      }
    } detach{db};

    const std::string doc_cols = ColumnsExcept(db, "documents", "id");
    const std::string ind_cols = ColumnsExcept(db, "indicators", "document_id");
    const std::string chk_cols = ColumnsExcept(db, "checks", "document_id");
    const std::string fig_cols = ColumnsExcept(db, "figures", "document_id");
    const std::string fnd_cols = ColumnsExcept(db, "findings", "id");

    SQLite::Transaction t(db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement docs(db,
                           "SELECT o.id, m.id FROM other.documents o LEFT JOIN main.documents m "
                           "ON m.hash = o.hash AND m.jixiao_version = o.jixiao_version AND "
                           "m.rules_version = o.rules_version ORDER BY o.id");
    std::vector<std::pair<int64_t, int64_t>> pairs;  // (other id, main id or 0)
    while (docs.executeStep()) {
      pairs.emplace_back(docs.getColumn(0).getInt64(),
                         docs.getColumn(1).isNull() ? 0 : docs.getColumn(1).getInt64());
    }
    for (auto [oid, mid] : pairs) {
      if (mid != 0) {
        ++counts.documents_present;
      } else if (Superseded(db, oid)) {
        ++counts.documents_superseded;
        continue;
      } else {
        SQLite::Statement d(db, "INSERT INTO main.documents (" + doc_cols + ") SELECT " + doc_cols +
                                    " FROM other.documents WHERE id = ?");
        d.bind(1, oid);
        d.exec();
        mid = db.getLastInsertRowid();
        ++counts.documents_added;
        for (const auto& [table, cols] : {std::pair{std::string("indicators"), ind_cols},
                                          std::pair{std::string("checks"), chk_cols},
                                          std::pair{std::string("figures"), fig_cols}}) {
          SQLite::Statement c(db, "INSERT INTO main." + table + " (document_id, " + cols +
                                      ") SELECT ?, " + cols + " FROM other." + table +
                                      " WHERE document_id = ?");
          c.bind(1, mid);
          c.bind(2, oid);
          c.exec();
        }
        // Audit findings only: cross-year findings are recomputed below.
        std::string f_cols = fnd_cols;
        f_cols.erase(0, std::string("document_id, ").size());
        SQLite::Statement f(db, "INSERT INTO main.findings (document_id, " + f_cols +
                                    ") SELECT ?, " + f_cols +
                                    " FROM other.findings WHERE document_id = ? AND "
                                    "other_document_id IS NULL ORDER BY id");
        f.bind(1, mid);
        f.bind(2, oid);
        f.exec();
      }
      SQLite::Statement paths(db,
                              "SELECT path, seen_at FROM other.sources WHERE document_id = ? "
                              "ORDER BY path");
      paths.bind(1, oid);
      std::vector<std::pair<std::string, std::string>> ps;
      while (paths.executeStep())
        ps.emplace_back(paths.getColumn(0).getString(), paths.getColumn(1).getString());
      for (const auto& [p, seen] : ps) counts.paths_added += MergeSource(db, p, mid, seen);
    }
    t.commit();
    return Status::Ok();
  });
  if (!s.ok()) return s;
  Status r = RecomputeAllCrossYear();
  if (!r.ok()) return r;
  return counts;
}

}  // namespace jixiao
