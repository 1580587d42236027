// The batch store: audit results of many documents in one SQLite database (schema in
// store/schema/*.sql). One Store is one connection; use it from one thread at a time. Every write
// is one transaction, so a process killed at any moment leaves each document either fully stored
// or absent. SQLite errors never escape: they come back as Status (kIoError, or kInternal for a
// schema mismatch).
#ifndef JIXIAO_STORE_STORE_H_
#define JIXIAO_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "extract/status.h"
#include "store/file_stat.h"
#include "store/forms.h"

namespace jixiao {

// What a stored result was made with. A document is re-audited when either changes.
struct Versions {
  std::string jixiao;  // JIXIAO_VERSION, "0.1.0"
  std::string rules;   // Rules::Version()
};

// One input file, audited or not: what Store::Write takes.
struct DocumentRecord {
  std::string path;  // as found
  std::string hash;  // ContentHash::hex; for a file that could not be read at all,
                     // "path:" + path (so it is retried on every run, see Write)
  int64_t size = 0;  // bytes
  // The file's stat, taken before its bytes were hashed (HashFile); nullopt when unknown, and
  // then the next batch reads the file again.
  std::optional<FileStat> stat;
  Status status;       // not ok: the document could not be read; `result` is ignored
  AuditResult result;  // when status.ok()
  // The source lines and funds units of result.parts (PartExtents); empty when not known, and
  // then the parts are placed by page.
  std::vector<PartExtent> extents;
};

// The stored row of one document (without its indicators, checks and findings).
struct StoredDocument {
  int64_t id = 0;
  std::string path;  // the path it was first stored from
  std::string hash;
  bool failed = false;
  std::string error;  // Status::message() when failed
  int pages = 0;
  std::string department;
  int year = 0;
  int errors = 0, warnings = 0, infos = 0;  // audit findings by severity
};

class Store {
 public:
  // The schema version this binary writes (PRAGMA user_version): the number of migration steps.
  static int SchemaVersion();

  // Opens or creates `path`, applies pending migration steps (each in its own transaction), and
  // sets WAL mode, synchronous=NORMAL (a committed document survives a killed process; the last
  // commits may be lost on power failure), foreign keys, and a busy timeout. A database whose
  // user_version is newer than SchemaVersion() is refused. `read_only` opens without creating or
  // migrating (for report and stats) and refuses an older schema too, but for schema 6 (before
  // the findings' spans, 007_finding_spans.sql), which is read without spans. Before anything is written,
  // an existing database must pass PRAGMA quick_check (read-only: only its schema is checked)
  // and hold every table and column of its schema version: a damaged one is refused (kCorrupt),
  // never written into. Another process creating or migrating the same database at the same time
  // is waited for (as long as the busy timeout, 10 s).
  static Result<Store> Open(const std::string& path, bool read_only = false);

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  // The stored document with this content and versions, if any (the HasCurrent of the issue).
  Result<std::optional<StoredDocument>> Find(const std::string& hash, const Versions& v);

  // Every (hash, failed) stored with versions `v`: a batch loads this once to skip unchanged
  // files without a query per file.
  Status ForEachHash(const Versions& v,
                     const std::function<void(const std::string& hash, bool failed)>& fn);

  // Every path from `first` to `last` (inclusive, byte order) with a stored FileStat whose
  // document was stored with versions `v`, with that document, in byte order of the paths: a batch
  // walks these alongside its sorted input files to pass over, without opening them, files whose
  // stat is unchanged (FileStat's Unchanged). One row is in memory at a time.
  Status ForEachSource(const Versions& v, const std::string& first, const std::string& last,
                       const std::function<void(const std::string& path, const FileStat& stat,
                                                const StoredDocument& document)>& fn);

  // Records that `path` now holds stored document `id` (a file whose content is stored seen again,
  // or a copy of one), read with `stat` (nullopt: unknown). Writes only when the mapping or the
  // stat changes. A document no path refers to any more is deleted.
  Status Touch(const std::string& path, int64_t id, const std::optional<FileStat>& stat);

  // Stores one document in one transaction: the document row, its indicators, checks, findings
  // and figures, the path mapping (with `record.stat`), and the cross-year findings of its
  // department and the years next to its year. If a document with the same hash and versions is
  // already stored it is replaced when `replace` is set (or when it failed and record failed
  // again, or the hash is a "path:" hash); otherwise only the path mapping is updated and the
  // stored row is returned. The document `path` pointed to before, if now unreferenced, is deleted
  // with its rows; the other paths of a replaced document move to the new row with their stats.
  Result<StoredDocument> Write(const DocumentRecord& record, const Versions& v, bool replace);

  // Copies every document of the database at `other` that this one lacks (same hash and versions
  // = same document), with its rows and paths, in one transaction; then recomputes cross-year
  // findings. A path known to both keeps the document audited last; a document whose paths all
  // point here to documents audited later is not copied (superseded). `other` is checked first and
  // refused, with nothing copied, when it is this database, fails PRAGMA integrity_check, has
  // another schema version or lacks a table or column of it (kCorrupt or kUsage, naming it). A
  // document present in both whose results differ (same content, build id and rules: a
  // determinism bug) keeps this database's result and is listed in `conflicts`, one line each.
  struct MergeCounts {
    int64_t documents_added = 0, documents_present = 0, documents_superseded = 0, paths_added = 0;
    std::vector<std::string> conflicts;
  };
  // `check` false: the caller has checked `other` (CheckInputDatabase in store/shard.h) already.
  // `cross_year` false: the caller merges several databases and calls RecomputeAllCrossYear()
  // once after the last one (the result is the same).
  Result<MergeCounts> Merge(const std::string& other, bool check = true, bool cross_year = true);

  // Reruns the cross-year comparison for every department and year (after a merge, or for a
  // database written before a fix to it). One transaction.
  Status RecomputeAllCrossYear();

  // "ok" or SQLite's PRAGMA integrity_check report.
  Result<std::string> IntegrityCheck();

  struct Impl;
  Impl* impl() { return impl_.get(); }  // for the store's own query files

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace jixiao

#endif  // JIXIAO_STORE_STORE_H_
