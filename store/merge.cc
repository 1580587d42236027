// Store::Merge: copying the documents of another batch database into this one, without duplicates.
#include <sys/stat.h>

#include <memory>
#include <optional>
#include <set>
#include <tuple>
#include <string>
#include <utility>
#include <vector>

#include "store/content_hash.h"

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

// The columns of `table` except those in `skip`, comma-separated, in schema order.
std::string ColumnsWithout(SQLite::Database& db, const std::string& table,
                           const std::set<std::string>& skip) {
  SQLite::Statement q(db, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
  q.bind(1, table);
  std::string out;
  while (q.executeStep()) {
    std::string c = q.getColumn(0).getString();
    if (skip.count(c)) continue;
    if (!out.empty()) out += ", ";
    out += c;
  }
  return out;
}

// "a, b" with `prefix` before each column: "o.a, o.b".
std::string Prefixed(const std::string& cols, const std::string& prefix) {
  std::string out;
  for (size_t a = 0, b; a < cols.size(); a = b + 2) {
    b = cols.find(", ", a);
    if (b == std::string::npos) b = cols.size();
    out += (out.empty() ? "" : ", ") + prefix + cols.substr(a, b - a);
  }
  return out;
}

// The rows `q` gives (its one ? bound to `id`), typed and separated, as one SHA-256.
std::string RowsDigest(SQLite::Statement& q, int64_t id) {
  q.reset();
  q.bind(1, id);
  std::string text;
  while (q.executeStep()) {
    for (int i = 0; i < q.getColumnCount(); ++i) {
      const SQLite::Column c = q.getColumn(i);
      text += std::to_string(c.getType()) + ":" + (c.isNull() ? "" : c.getString()) + "\x1f";
    }
    text += "\x1e";
  }
  return Sha256Hex(text);
}

// What a document's audit produced, part by part (name, digest), in database `schema`: everything
// but its row id, the paths and names it was found under, the time and the wording of its error
// (which names the path). The same content with the same versions must give the same parts. The
// statements are prepared once for a whole merge.
class ResultParts {
 public:
  ResultParts(SQLite::Database& db, const std::string& schema) {
    const std::string doc_cols =
        ColumnsWithout(db, "documents", {"id", "path", "name", "audited_at", "error"});
    const std::string ind_cols = ColumnsWithout(db, "indicators", {"document_id"});
    const std::string chk_cols = ColumnsWithout(db, "checks", {"document_id"});
    const std::string fnd_cols = ColumnsWithout(
        db, "findings", {"id", "document_id", "other_document_id", "other_page", "other_line",
                         "other_quote"});
    const std::string fig_cols = ColumnsWithout(db, "figures", {"document_id"});
    const std::string frm_cols = ColumnsWithout(db, "forms", {"document_id"});
    const std::string s = schema + ".";
    Add(db, "document row", "SELECT " + doc_cols + " FROM " + s + "documents WHERE id = ?");
    Add(db, "indicators", "SELECT " + ind_cols + " FROM " + s +
                              "indicators WHERE document_id = ? ORDER BY seq");
    Add(db, "checks",
        "SELECT " + chk_cols + " FROM " + s + "checks WHERE document_id = ? ORDER BY seq");
    Add(db, "findings", "SELECT " + fnd_cols + " FROM " + s +
                            "findings WHERE document_id = ? AND other_document_id IS NULL ORDER "
                            "BY seq");
    Add(db, "figures", "SELECT " + fig_cols + " FROM " + s +
                           "figures WHERE document_id = ? ORDER BY " + fig_cols);
    Add(db, "forms", "SELECT " + frm_cols + " FROM " + s + "forms WHERE document_id = ? ORDER BY seq");
  }

  std::vector<std::pair<std::string, std::string>> Of(int64_t id) {
    std::vector<std::pair<std::string, std::string>> out;
    for (auto& [name, q] : parts_) out.emplace_back(name, RowsDigest(*q, id));
    return out;
  }

 private:
  void Add(SQLite::Database& db, const std::string& name, const std::string& sql) {
    parts_.emplace_back(name, std::make_unique<SQLite::Statement>(db, sql));
  }
  std::vector<std::pair<std::string, std::unique_ptr<SQLite::Statement>>> parts_;
};

// The statements of MergeSource, prepared once for a whole merge.
struct SourceStatements {
  explicit SourceStatements(SQLite::Database& db)
      : find(db,
             "SELECT s.document_id, d.audited_at, (SELECT audited_at FROM documents WHERE id = "
             "?2) FROM sources s JOIN documents d ON d.id = s.document_id WHERE s.path = ?1"),
        // The stat described the file that held the old document: the path is read again next
        // run.
        update(db,
               "UPDATE sources SET document_id = ?, seen_at = ?, size = NULL, mtime_ns = NULL, "
               "ctime_ns = NULL, inode = NULL, stat_at_ns = NULL WHERE path = ?"),
        del(db,
            "DELETE FROM documents WHERE id = ? AND NOT EXISTS (SELECT 1 FROM sources WHERE "
            "document_id = ?1)"),
        insert(db, "INSERT INTO sources (path, document_id, seen_at) VALUES (?, ?, ?)") {}
  SQLite::Statement find, update, del, insert;
};

// Points `path` at `id` unless it already points at a document audited later. Deletes the
// document it pointed to when no path is left for it. Returns whether the path was changed. The
// other database's file stats are not copied: they describe another machine's files.
bool MergeSource(SourceStatements& st, const std::string& path, int64_t id,
                 const std::string& seen_at) {
  SQLite::Statement& q = st.find;
  q.reset();
  q.bind(1, path);
  q.bind(2, id);
  if (q.executeStep()) {
    int64_t old = q.getColumn(0).getInt64();
    const bool keep = old == id || q.getColumn(1).getString() > q.getColumn(2).getString();
    q.reset();
    if (keep) return false;
    st.update.reset();
    st.update.bind(1, id);
    st.update.bind(2, seen_at);
    st.update.bind(3, path);
    st.update.exec();
    st.del.reset();
    st.del.bind(1, old);
    st.del.exec();
    return true;
  }
  q.reset();
  st.insert.reset();
  st.insert.bind(1, path);
  st.insert.bind(2, id);
  st.insert.bind(3, seen_at);
  st.insert.exec();
  return true;
}

// Whether every path of the other database's document `oid` points, here, to a document audited
// later: then it is an old version of files this database has newer results for, and is not
// copied (it would be a document no path refers to).
bool Superseded(SQLite::Statement& q, int64_t oid) {
  q.reset();
  q.bind(1, oid);
  q.executeStep();
  int64_t paths = q.getColumn(0).getInt64();
  const bool all_later = paths > 0 && q.getColumn(1).getInt64() == paths;
  q.reset();
  return all_later;
}

constexpr const char* kSupersededSql =
    "SELECT count(*), sum(m.audited_at IS NOT NULL AND m.audited_at > o.audited_at) FROM "
    "other.sources s JOIN other.documents o ON o.id = s.document_id LEFT JOIN main.sources ms ON "
    "ms.path = s.path LEFT JOIN main.documents m ON m.id = ms.document_id WHERE s.document_id = ?";

}  // namespace

Result<Store::MergeCounts> Store::Merge(const std::string& other, bool check, bool cross_year) {
  MergeCounts counts;
  SQLite::Database& db = impl_->db;
  struct stat in{}, out{};
  if (::stat(other.c_str(), &in) != 0) {
    return Status(Status::Code::kNotFound, other + ": no such database");
  }
  if (::stat(impl_->path.c_str(), &out) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
    return Status(Status::Code::kUsage, other + ": is the database being merged into (--db " +
                                            impl_->path + "): a database cannot be merged into "
                                            "itself");
  }
  Status s = Guarded(other, [&] {
    if (check) {
      // Nothing is copied from a damaged database, or one of another schema.
      SQLite::Database probe(other, SQLite::OPEN_READONLY);
      Status c = CheckDatabase(probe, other, "main", CheckDepth::kFull, /*exact_version=*/true);
      if (!c.ok()) return c;
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
    const std::string frm_cols = ColumnsExcept(db, "forms", "document_id");
    const std::string fnd_cols = ColumnsExcept(db, "findings", "id");

    SQLite::Transaction t(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Every statement is prepared once for the whole input, and the rows of the documents copied
    // are copied table by table (INSERT ... SELECT through a map of other id -> new id), not
    // document by document.
    db.exec("CREATE TEMP TABLE IF NOT EXISTS merge_map (oid INTEGER PRIMARY KEY, mid INTEGER "
            "NOT NULL)");
    db.exec("DELETE FROM temp.merge_map");
    SQLite::Statement docs(db,
                           "SELECT o.id, m.id FROM other.documents o LEFT JOIN main.documents m "
                           "ON m.hash = o.hash AND m.jixiao_version = o.jixiao_version AND "
                           "m.rules_version = o.rules_version ORDER BY o.id");
    std::vector<std::pair<int64_t, int64_t>> pairs;  // (other id, main id or 0)
    while (docs.executeStep()) {
      pairs.emplace_back(docs.getColumn(0).getInt64(),
                         docs.getColumn(1).isNull() ? 0 : docs.getColumn(1).getInt64());
    }
    std::optional<ResultParts> main_parts, other_parts;  // prepared at the first document present
    SQLite::Statement superseded(db, kSupersededSql);
    SQLite::Statement insert_doc(db, "INSERT INTO main.documents (" + doc_cols + ") SELECT " +
                                         doc_cols + " FROM other.documents WHERE id = ?");
    SQLite::Statement map(db, "INSERT INTO temp.merge_map (oid, mid) VALUES (?, ?)");
    SQLite::Statement name_of(db, "SELECT hash, path FROM main.documents WHERE id = ?");
    std::vector<std::pair<int64_t, int64_t>> sourced;  // (other id, main id) whose paths merge
    for (auto [oid, mid] : pairs) {
      if (mid != 0) {
        ++counts.documents_present;
        // The same content audited with the same versions: the results must be the same.
        if (!main_parts) {
          main_parts.emplace(db, "main");
          other_parts.emplace(db, "other");
        }
        auto mine = main_parts->Of(mid);
        auto theirs = other_parts->Of(oid);
        for (size_t i = 0; i < mine.size(); ++i) {
          if (mine[i].second == theirs[i].second) continue;
          name_of.reset();
          name_of.bind(1, mid);
          name_of.executeStep();
          counts.conflicts.push_back(
              other + ": document " + name_of.getColumn(0).getString() + " (" +
              name_of.getColumn(1).getString() + ") has other " + mine[i].first + " than in " +
              impl_->path + ", with the same build id and rules: a determinism bug (the first "
              "result is kept; please report it)");
          name_of.reset();
          break;
        }
      } else if (Superseded(superseded, oid)) {
        ++counts.documents_superseded;
        continue;
      } else {
        insert_doc.reset();
        insert_doc.bind(1, oid);
        insert_doc.exec();
        mid = db.getLastInsertRowid();
        ++counts.documents_added;
        map.reset();
        map.bind(1, oid);
        map.bind(2, mid);
        map.exec();
      }
      sourced.emplace_back(oid, mid);
    }
    // The rows of the documents added, in the order of their new ids (then of their rows).
    for (const auto& [table, cols, order] :
         {std::tuple{std::string("indicators"), ind_cols, std::string(", o.seq")},
          std::tuple{std::string("checks"), chk_cols, std::string(", o.seq")},
          std::tuple{std::string("figures"), fig_cols, std::string()},
          std::tuple{std::string("forms"), frm_cols, std::string(", o.seq")}}) {
      db.exec("INSERT INTO main." + table + " (document_id, " + cols + ") SELECT m.mid, " +
              Prefixed(cols, "o.") + " FROM other." + table +
              " o JOIN temp.merge_map m ON m.oid = o.document_id ORDER BY m.mid" + order);
    }
    // Audit findings only: cross-year findings are recomputed below.
    std::string f_cols = fnd_cols;
    f_cols.erase(0, std::string("document_id, ").size());
    db.exec("INSERT INTO main.findings (document_id, " + f_cols + ") SELECT m.mid, " +
            Prefixed(f_cols, "o.") +
            " FROM other.findings o JOIN temp.merge_map m ON m.oid = o.document_id WHERE "
            "o.other_document_id IS NULL ORDER BY m.mid, o.id");
    SourceStatements st(db);
    SQLite::Statement paths(db,
                            "SELECT path, seen_at FROM other.sources WHERE document_id = ? "
                            "ORDER BY path");
    for (auto [oid, mid] : sourced) {
      paths.reset();
      paths.bind(1, oid);
      std::vector<std::pair<std::string, std::string>> ps;
      while (paths.executeStep())
        ps.emplace_back(paths.getColumn(0).getString(), paths.getColumn(1).getString());
      for (const auto& [p, seen] : ps) counts.paths_added += MergeSource(st, p, mid, seen);
    }
    db.exec("DELETE FROM temp.merge_map");
    // The completion rows of the shards this input was made from (store/shard.h).
    const std::string run_cols = ColumnsWithout(db, "shard_runs", std::set<std::string>{});
    std::string same;
    for (size_t a = 0, b; a < run_cols.size(); a = b + 2) {
      b = run_cols.find(", ", a);
      if (b == std::string::npos) b = run_cols.size();
      const std::string c = run_cols.substr(a, b - a);
      same += (same.empty() ? "" : " AND ") + ("m." + c + " IS o." + c);
    }
    db.exec("INSERT INTO main.shard_runs (" + run_cols + ") SELECT " + run_cols +
            " FROM other.shard_runs o WHERE NOT EXISTS (SELECT 1 FROM main.shard_runs m WHERE " +
            same + ")");
    t.commit();
    return Status::Ok();
  });
  if (!s.ok()) return s;
  if (cross_year) {
    Status r = RecomputeAllCrossYear();
    if (!r.ok()) return r;
  }
  return counts;
}

}  // namespace jixiao
