// Store: opening and migrating the database, and writing one document per transaction.
#include "store/store.h"

#include <sqlite3.h>

#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <utility>

#include "store/figures.h"
#include "store/forms.h"
#include "store/store_internal.h"

namespace jixiao {

extern const char* const kSchemaSteps[][2];  // store/schema/*.sql, generated

namespace {

int CountSteps() {
  int n = 0;
  while (kSchemaSteps[n][0] != nullptr) ++n;
  return n;
}

void Migrate(SQLite::Database& db) {
  const int target = Store::SchemaVersion();
  for (;;) {
    SQLite::Transaction t(db, SQLite::TransactionBehavior::IMMEDIATE);
    int version = db.execAndGet("PRAGMA user_version").getInt();
    if (version > target) {
      throw std::runtime_error("schema version " + std::to_string(version) +
                               " is newer than this jixiao's (" + std::to_string(target) + ")");
    }
    if (version == target) {
      t.commit();
      return;
    }
    db.exec(kSchemaSteps[version][1]);
    db.exec("PRAGMA user_version = " + std::to_string(version + 1));
    t.commit();
  }
}

// The columns of kStoredColumns, starting at column `first`.
StoredDocument ReadStored(SQLite::Statement& q, int first = 0) {
  StoredDocument d;
  d.id = q.getColumn(first + 0).getInt64();
  d.path = q.getColumn(first + 1).getString();
  d.hash = q.getColumn(first + 2).getString();
  d.failed = q.getColumn(first + 3).getString() == "failed";
  d.error = q.getColumn(first + 4).getString();
  d.pages = q.getColumn(first + 5).getInt();
  d.department = q.getColumn(first + 6).getString();
  d.year = q.getColumn(first + 7).getInt();
  d.errors = q.getColumn(first + 8).getInt();
  d.warnings = q.getColumn(first + 9).getInt();
  d.infos = q.getColumn(first + 10).getInt();
  return d;
}

// The stat columns of sources (size, mtime_ns, ctime_ns, inode, stat_at_ns), starting at column
// `first`; nullopt when they are NULL (they are written all together).
std::optional<FileStat> ReadStat(SQLite::Statement& q, int first) {
  if (q.getColumn(first + 4).isNull()) return std::nullopt;
  FileStat st;
  st.size = q.getColumn(first + 0).getInt64();
  st.mtime_ns = q.getColumn(first + 1).getInt64();
  st.ctime_ns = q.getColumn(first + 2).getInt64();
  st.inode = q.getColumn(first + 3).getInt64();
  st.taken_ns = q.getColumn(first + 4).getInt64();
  return st;
}

void BindStat(SQLite::Statement& s, int first, const std::optional<FileStat>& st) {
  if (!st) {
    for (int i = 0; i < 5; ++i) s.bind(first + i);
    return;
  }
  s.bind(first + 0, st->size);
  s.bind(first + 1, st->mtime_ns);
  s.bind(first + 2, st->ctime_ns);
  s.bind(first + 3, st->inode);
  s.bind(first + 4, st->taken_ns);
}

constexpr const char* kStoredColumns =
    "SELECT id, path, hash, status, error, pages, department, year, errors, warnings, infos "
    "FROM documents ";

std::optional<StoredDocument> FindRow(SQLite::Database& db, const std::string& hash,
                                      const Versions& v) {
  SQLite::Statement q(db, std::string(kStoredColumns) +
                              "WHERE hash = ? AND jixiao_version = ? AND rules_version = ?");
  q.bind(1, hash);
  q.bind(2, v.jixiao);
  q.bind(3, v.rules);
  if (!q.executeStep()) return std::nullopt;
  return ReadStored(q);
}

std::optional<StoredDocument> FindById(SQLite::Database& db, int64_t id) {
  SQLite::Statement q(db, std::string(kStoredColumns) + "WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return ReadStored(q);
}

using Groups = std::set<std::pair<std::string, int>>;

// The (department, year) groups of document `id`'s forms (forms.department_key, forms.year).
void FormGroups(SQLite::Database& db, int64_t id, Groups* out) {
  SQLite::Statement q(db, "SELECT DISTINCT department_key, year FROM forms WHERE document_id = ?");
  q.bind(1, id);
  while (q.executeStep()) out->insert({q.getColumn(0).getString(), q.getColumn(1).getInt()});
}

// Recomputes the findings the store computes itself for these groups: change.cross_year (by the
// documents' department and year) and sum.projects (by the forms').
void Recompute(SQLite::Database& db, const Groups& documents, const Groups& forms) {
  for (const auto& [dept, year] : documents) RecomputeCrossYear(db, dept, year);
  for (const auto& [dept, year] : forms) RecomputeProjectSums(db, dept, year);
}

// Deletes a document and (by cascade) its rows, paths and the cross-year findings naming it. The
// caller recomputes the cross-year findings around its department and year, and the sum.projects
// findings of the groups its forms were in (added to `forms`).
void DeleteDocument(SQLite::Database& db, const StoredDocument& d, Groups* forms) {
  FormGroups(db, d.id, forms);
  SQLite::Statement del(db, "DELETE FROM documents WHERE id = ?");
  del.bind(1, d.id);
  del.exec();
}

// Points `path` at document `id`, read with `stat`. Writes only when the mapping or the stat
// changes; seen_at moves with the mapping only. Returns the document `path` pointed to before, if
// that one is now referenced by no path (the caller deletes it).
std::optional<StoredDocument> SetSource(SQLite::Database& db, const std::string& path, int64_t id,
                                        const std::optional<FileStat>& stat) {
  SQLite::Statement q(db,
                      "SELECT document_id, size, mtime_ns, ctime_ns, inode, stat_at_ns FROM "
                      "sources WHERE path = ?");
  q.bind(1, path);
  std::optional<int64_t> old;
  std::optional<FileStat> old_stat;
  if (q.executeStep()) {
    old = q.getColumn(0).getInt64();
    old_stat = ReadStat(q, 1);
  }
  if (old && *old == id) {
    if (old_stat != stat) {
      SQLite::Statement up(db,
                           "UPDATE sources SET size = ?, mtime_ns = ?, ctime_ns = ?, inode = ?, "
                           "stat_at_ns = ? WHERE path = ?");
      BindStat(up, 1, stat);
      up.bind(6, path);
      up.exec();
    }
    return std::nullopt;
  }
  SQLite::Statement up(db,
                       "INSERT INTO sources (path, document_id, seen_at, size, mtime_ns, ctime_ns, "
                       "inode, stat_at_ns) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (path) DO UPDATE SET document_id = excluded.document_id, "
                       "seen_at = excluded.seen_at, size = excluded.size, mtime_ns = "
                       "excluded.mtime_ns, ctime_ns = excluded.ctime_ns, inode = excluded.inode, "
                       "stat_at_ns = excluded.stat_at_ns");
  up.bind(1, path);
  up.bind(2, id);
  up.bind(3, UtcNow());
  BindStat(up, 4, stat);
  up.exec();
  if (!old) return std::nullopt;
  SQLite::Statement refs(db, "SELECT count(*) FROM sources WHERE document_id = ?");
  refs.bind(1, *old);
  refs.executeStep();
  if (refs.getColumn(0).getInt64() > 0) return std::nullopt;
  return FindById(db, *old);
}

void BindCheck(SQLite::Statement& s, int first, const CheckResult& c) {
  s.bind(first + 0, c.page);
  s.bind(first + 1, c.line);
  s.bind(first + 2, c.quote);
  s.bind(first + 3, PathJson(c.path));
  s.bind(first + 4, c.stated);
  s.bind(first + 5, c.recomputed);
  s.bind(first + 6, c.arithmetic);
  if (c.bbox) {
    s.bind(first + 7, c.bbox->x0);
    s.bind(first + 8, c.bbox->y0);
    s.bind(first + 9, c.bbox->x1);
    s.bind(first + 10, c.bbox->y1);
  } else {
    for (int i = 7; i <= 10; ++i) s.bind(first + i);
  }
}

int64_t InsertDocument(SQLite::Database& db, const DocumentRecord& rec, const Versions& v) {
  const AuditResult& r = rec.result;
  const bool ok = rec.status.ok();
  SQLite::Statement ins(
      db,
      "INSERT INTO documents (hash, jixiao_version, rules_version, path, name, size, status, "
      "error, pages, department, department_source, year, year_source, total_max, total_score, "
      "total_grade, total_page, total_line, cov_indicators, cov_with_max, cov_with_score, "
      "cov_checks_run, cov_unread, errors, warnings, infos, audited_at) VALUES "
      "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  std::string name = rec.path;
  if (auto slash = name.find_last_of('/'); slash != std::string::npos)
    name = name.substr(slash + 1);
  if (auto dot = name.find_last_of('.'); dot != std::string::npos && dot > 0) name.resize(dot);
  int i = 1;
  ins.bind(i++, rec.hash);
  ins.bind(i++, v.jixiao);
  ins.bind(i++, v.rules);
  ins.bind(i++, rec.path);
  ins.bind(i++, ok && !r.document.empty() ? r.document : name);
  ins.bind(i++, rec.size);
  ins.bind(i++, ok ? "ok" : "failed");
  ins.bind(i++, ok ? std::string() : rec.status.message());
  ins.bind(i++, ok ? r.pages : 0);
  ins.bind(i++, ok ? r.department : std::string());
  ins.bind(i++, ok ? r.department_source : std::string());
  ins.bind(i++, ok ? r.year : 0);
  ins.bind(i++, ok ? r.year_source : std::string());
  if (ok && r.total) {
    ins.bind(i++, r.total->max);
    ins.bind(i++, r.total->score);
    ins.bind(i++, r.total->grade);
    ins.bind(i++, r.total->page);
    ins.bind(i++, r.total->line);
  } else {
    for (int k = 0; k < 5; ++k) ins.bind(i++);
  }
  ins.bind(i++, ok ? r.coverage.indicators : 0);
  ins.bind(i++, ok ? r.coverage.with_max : 0);
  ins.bind(i++, ok ? r.coverage.with_score : 0);
  ins.bind(i++, ok ? r.coverage.checks_run : 0);
  ins.bind(i++, ok ? r.coverage.unread : 0);
  int infos = 0;
  for (const auto& f : r.findings) infos += ok && f.severity == Severity::kInfo;
  ins.bind(i++, ok ? r.errors() : 0);
  ins.bind(i++, ok ? r.warnings() : 0);
  ins.bind(i++, infos);
  ins.bind(i++, UtcNow());
  ins.exec();
  const int64_t id = db.getLastInsertRowid();
  if (!ok) return id;
  if (!r.assessed) {  // schema 3: read, but nothing of a self-evaluation in it
    SQLite::Statement a(db, "UPDATE documents SET assessed = 0, note = ? WHERE id = ?");
    a.bind(1, r.note);
    a.bind(2, id);
    a.exec();
  }

  SQLite::Statement ind(db,
                        "INSERT INTO indicators (document_id, seq, path, level, max, score, page, "
                        "line) VALUES (?,?,?,?,?,?,?,?)");
  int seq = 0;
  for (const auto& row : r.indicators) {
    ind.bind(1, id);
    ind.bind(2, seq++);
    ind.bind(3, PathJson(row.path));
    ind.bind(4, static_cast<int>(row.path.size()));
    if (row.max.empty())
      ind.bind(5);
    else
      ind.bind(5, row.max);
    if (row.score.empty())
      ind.bind(6);
    else
      ind.bind(6, row.score);
    ind.bind(7, row.page);
    ind.bind(8, row.line);
    ind.exec();
    ind.reset();
  }
  SQLite::Statement chk(db,
                        "INSERT INTO checks (document_id, seq, check_id, result, severity, page, "
                        "line, quote, path, stated, recomputed, arithmetic, bbox_x0, bbox_y0, "
                        "bbox_x1, bbox_y1) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  seq = 0;
  for (const auto& c : r.checks) {
    chk.bind(1, id);
    chk.bind(2, seq++);
    chk.bind(3, CheckName(c.check));
    chk.bind(4, VerdictName(c.verdict));
    chk.bind(5, SeverityName(c.severity));
    BindCheck(chk, 6, c);
    chk.exec();
    chk.reset();
  }
  const std::vector<StoredForm> forms = FormsOf(r, rec.extents);
  InsertForms(db, id, forms);
  SQLite::Statement fnd(db,
                        "INSERT INTO findings (document_id, seq, check_id, severity, page, line, "
                        "quote, path, stated, recomputed, arithmetic, bbox_x0, bbox_y0, bbox_x1, "
                        "bbox_y1, part, figure_begin, figure_end, operands) VALUES "
                        "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  seq = 0;
  for (const auto& f : r.findings) {
    fnd.bind(1, id);
    fnd.bind(2, seq++);
    fnd.bind(3, CheckName(f.check));
    fnd.bind(4, SeverityName(f.severity));
    BindCheck(fnd, 5, f);
    if (int part = forms.empty() ? -1 : PartOf(forms, f.page, f.line); part >= 0)
      fnd.bind(16, part);
    else
      fnd.bind(16);
    BindSpans(fnd, 17, f);
    fnd.exec();
    fnd.reset();
  }
  SQLite::Statement fig(db,
                        "INSERT INTO figures (document_id, name, refers_year, value, unit, page, "
                        "line, quote) VALUES (?,?,?,?,?,?,?,?)");
  for (const auto& f : FiguresOf(r)) {
    fig.bind(1, id);
    fig.bind(2, f.name);
    fig.bind(3, f.refers_year);
    fig.bind(4, f.value);
    fig.bind(5, f.unit);
    fig.bind(6, f.page);
    fig.bind(7, f.line);
    fig.bind(8, f.quote);
    fig.exec();
    fig.reset();
  }
  return id;
}

}  // namespace

std::string PathJson(const std::vector<std::string>& path) {
  return nlohmann::json(path).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> PathFromJson(const std::string& json) {
  auto j = nlohmann::json::parse(json, nullptr, false);
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  for (const auto& e : j) {
    if (e.is_string()) out.push_back(e.get<std::string>());
  }
  return out;
}

std::string UtcNow() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

int Store::SchemaVersion() {
  static const int n = CountSteps();
  return n;
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Result<Store> Store::Open(const std::string& path, bool read_only) {
  std::unique_ptr<Impl> impl;
  Status s = Guarded(path, [&] {
    impl = std::make_unique<Impl>(
        path, read_only ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    impl->db.exec("PRAGMA foreign_keys = ON");
    if (read_only) {
      // The schema only: a report must not read a whole national database first. A database one
      // step older than the spans (schema 6) is read as it is: its findings have no spans.
      Status c = CheckDatabase(impl->db, path, "main", CheckDepth::kSchema,
                               /*exact_version=*/false);
      if (!c.ok()) return c;
      impl->version = impl->db.execAndGet("PRAGMA user_version").getInt();
      if (impl->version < kSpansVersion - 1) {
        return Status(Status::Code::kUsage,
                      path + ": schema version " + std::to_string(impl->version) + ", expected " +
                          std::to_string(SchemaVersion()) +
                          " (run `jixiao batch --db` on it to migrate)");
      }
      return Status::Ok();
    }
    // Two processes creating or migrating the same new database at once: SQLite does not always
    // call the busy handler here (changing the journal mode, reading a WAL index being built), so
    // a busy or locked answer is retried, for as long as the busy timeout.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyMs);
    for (;;) {
      try {
        // Nothing is written into a damaged database (quick_check reads every page once).
        Status c = CheckDatabase(impl->db, path, "main", CheckDepth::kQuick, false);
        if (!c.ok()) return c;
        impl->db.exec("PRAGMA journal_mode = WAL");
        impl->db.exec("PRAGMA synchronous = NORMAL");
        Migrate(impl->db);
        impl->version = SchemaVersion();
        return Status::Ok();
      } catch (const SQLite::Exception& e) {
        const int code = e.getErrorCode() & 0xff;
        if ((code != SQLITE_BUSY && code != SQLITE_LOCKED) ||
            std::chrono::steady_clock::now() > deadline) {
          throw;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
    }
  });
  if (!s.ok()) return s;
  return Store(std::move(impl));
}

Result<std::optional<StoredDocument>> Store::Find(const std::string& hash, const Versions& v) {
  std::optional<StoredDocument> out;
  Status s = Guarded(impl_->path, [&] {
    out = FindRow(impl_->db, hash, v);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Status Store::ForEachHash(const Versions& v,
                          const std::function<void(const std::string&, bool)>& fn) {
  return Guarded(impl_->path, [&] {
    SQLite::Statement q(impl_->db,
                        "SELECT hash, status FROM documents WHERE jixiao_version = ? AND "
                        "rules_version = ?");
    q.bind(1, v.jixiao);
    q.bind(2, v.rules);
    while (q.executeStep()) fn(q.getColumn(0).getString(), q.getColumn(1).getString() == "failed");
    return Status::Ok();
  });
}

Status Store::ForEachSource(
    const Versions& v, const std::string& first, const std::string& last,
    const std::function<void(const std::string&, const FileStat&, const StoredDocument&)>& fn) {
  return Guarded(impl_->path, [&] {
    // Walks the primary key index of sources (path order, BINARY collation = memcmp order).
    SQLite::Statement q(impl_->db,
                        "SELECT s.path, s.size, s.mtime_ns, s.ctime_ns, s.inode, s.stat_at_ns, "
                        "d.id, d.path, d.hash, d.status, d.error, d.pages, d.department, d.year, "
                        "d.errors, d.warnings, d.infos FROM sources s JOIN documents d ON d.id = "
                        "s.document_id WHERE s.path BETWEEN ? AND ? AND s.stat_at_ns IS NOT NULL "
                        "AND d.jixiao_version = ? AND d.rules_version = ? ORDER BY s.path");
    q.bind(1, first);
    q.bind(2, last);
    q.bind(3, v.jixiao);
    q.bind(4, v.rules);
    while (q.executeStep()) fn(q.getColumn(0).getString(), *ReadStat(q, 1), ReadStored(q, 6));
    return Status::Ok();
  });
}

Status Store::Touch(const std::string& path, int64_t id, const std::optional<FileStat>& stat) {
  return Guarded(impl_->path, [&] {
    SQLite::Database& db = impl_->db;
    SQLite::Statement q(db,
                        "SELECT size, mtime_ns, ctime_ns, inode, stat_at_ns FROM sources WHERE "
                        "path = ? AND document_id = ?");
    q.bind(1, path);
    q.bind(2, id);
    if (q.executeStep() && ReadStat(q, 0) == stat) return Status::Ok();
    q.reset();
    SQLite::Transaction t(db, SQLite::TransactionBehavior::IMMEDIATE);
    if (auto orphan = SetSource(db, path, id, stat)) {
      Groups forms;
      DeleteDocument(db, *orphan, &forms);
      Recompute(db, {{orphan->department, orphan->year}}, forms);
    }
    t.commit();
    return Status::Ok();
  });
}

Result<StoredDocument> Store::Write(const DocumentRecord& rec, const Versions& v, bool replace) {
  StoredDocument out;
  Status s = Guarded(impl_->path, [&] {
    SQLite::Database& db = impl_->db;
    SQLite::Transaction t(db, SQLite::TransactionBehavior::IMMEDIATE);
    std::vector<StoredDocument> removed;
    Groups form_groups;
    std::vector<std::pair<std::string, std::optional<FileStat>>> paths;
    if (auto existing = FindRow(db, rec.hash, v)) {
      const bool redo = replace || rec.hash.rfind("path:", 0) == 0;
      if (!redo) {
        if (auto orphan = SetSource(db, rec.path, existing->id, rec.stat)) {
          Groups forms;
          DeleteDocument(db, *orphan, &forms);
          Recompute(db, {{orphan->department, orphan->year}}, forms);
        }
        t.commit();
        out = *existing;
        return Status::Ok();
      }
      // Its other paths hold the same bytes: they move to the new row with their stats.
      SQLite::Statement q(db,
                          "SELECT path, size, mtime_ns, ctime_ns, inode, stat_at_ns FROM sources "
                          "WHERE document_id = ? ORDER BY path");
      q.bind(1, existing->id);
      while (q.executeStep()) paths.emplace_back(q.getColumn(0).getString(), ReadStat(q, 1));
      DeleteDocument(db, *existing, &form_groups);
      removed.push_back(*existing);
    }
    const int64_t id = InsertDocument(db, rec, v);
    for (const auto& [p, stat] : paths) {
      if (p != rec.path) SetSource(db, p, id, stat);
    }
    if (auto orphan = SetSource(db, rec.path, id, rec.stat)) {
      DeleteDocument(db, *orphan, &form_groups);
      removed.push_back(*orphan);
    }
    out = *FindById(db, id);
    Groups groups = {{out.department, out.year}};
    for (const auto& d : removed) groups.insert({d.department, d.year});
    FormGroups(db, id, &form_groups);
    Recompute(db, groups, form_groups);
    t.commit();
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Status Store::RecomputeAllCrossYear() {
  return Guarded(impl_->path, [&] {
    SQLite::Database& db = impl_->db;
    SQLite::Transaction t(db, SQLite::TransactionBehavior::IMMEDIATE);
    std::vector<std::pair<std::string, int>> groups;
    SQLite::Statement q(db,
                        "SELECT DISTINCT department, year FROM documents WHERE department != '' "
                        "AND year != 0 ORDER BY department, year");
    while (q.executeStep())
      groups.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getInt());
    for (const auto& [dept, year] : groups) RecomputeCrossYear(db, dept, year);
    RecomputeAllProjectSums(db);
    t.commit();
    return Status::Ok();
  });
}

Result<std::string> Store::IntegrityCheck() {
  std::string out;
  Status s = Guarded(impl_->path, [&] {
    SQLite::Statement q(impl_->db, "PRAGMA integrity_check");
    while (q.executeStep()) {
      if (!out.empty()) out += "\n";
      out += q.getColumn(0).getString();
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace jixiao
