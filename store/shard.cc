// Shard completion rows, coverage of a manifest, and publishing a finished file.
#include "store/shard.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "store/store_internal.h"

namespace jixiao {

Status WriteShardRun(Store& store, const ShardRun& r) {
  Store::Impl* impl = store.impl();
  return Guarded(impl->path, [&] {
    SQLite::Statement q(impl->db,
                        "INSERT INTO shard_runs (shard_index, shard_count, manifest_sha256, "
                        "jixiao_version, rules_version, expected, done, failed, host, started_at, "
                        "finished_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    int i = 1;
    q.bind(i++, r.index);
    q.bind(i++, r.count);
    q.bind(i++, r.manifest_sha256);
    q.bind(i++, r.versions.jixiao);
    q.bind(i++, r.versions.rules);
    q.bind(i++, r.expected);
    q.bind(i++, r.done);
    q.bind(i++, r.failed);
    q.bind(i++, r.host);
    q.bind(i++, r.started_at);
    q.bind(i++, r.finished_at);
    q.exec();
    return Status::Ok();
  });
}

Result<std::vector<ShardRun>> ShardRuns(Store& store) {
  Store::Impl* impl = store.impl();
  std::vector<ShardRun> out;
  Status s = Guarded(impl->path, [&] {
    SQLite::Statement q(impl->db,
                        "SELECT shard_index, shard_count, manifest_sha256, jixiao_version, "
                        "rules_version, expected, done, failed, host, started_at, finished_at "
                        "FROM shard_runs ORDER BY shard_index, finished_at");
    while (q.executeStep()) {
      ShardRun r;
      r.index = q.getColumn(0).getInt64();
      r.count = q.getColumn(1).getInt64();
      r.manifest_sha256 = q.getColumn(2).getString();
      r.versions = Versions{q.getColumn(3).getString(), q.getColumn(4).getString()};
      r.expected = q.getColumn(5).getInt64();
      r.done = q.getColumn(6).getInt64();
      r.failed = q.getColumn(7).getInt64();
      r.host = q.getColumn(8).getString();
      r.started_at = q.getColumn(9).getString();
      r.finished_at = q.getColumn(10).getString();
      out.push_back(std::move(r));
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Status Seal(Store& store) {
  Store::Impl* impl = store.impl();
  return Guarded(impl->path, [&] {
    impl->db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    std::string mode = impl->db.execAndGet("PRAGMA journal_mode = DELETE").getString();
    if (mode != "delete") {
      return Status(Status::Code::kIoError, impl->path + ": could not leave WAL mode (" + mode + ")");
    }
    return Status::Ok();
  });
}

Result<Coverage> CoverageOf(Store& store, const std::vector<ManifestEntry>& entries,
                            const Versions& versions) {
  Store::Impl* impl = store.impl();
  Coverage c;
  Status s = Guarded(impl->path, [&] {
    SQLite::Statement q(impl->db,
                        "SELECT status, error FROM documents WHERE hash = ? AND jixiao_version = ? "
                        "AND rules_version = ?");
    for (const auto& e : entries) {
      ++c.expected;
      q.reset();
      q.bind(1, e.hash);
      q.bind(2, versions.jixiao);
      q.bind(3, versions.rules);
      if (!q.executeStep()) {
        c.missing.push_back(e);
      } else if (q.getColumn(0).getString() == "failed") {
        c.failed.emplace_back(e.path, q.getColumn(1).getString());
      } else {
        ++c.merged;
      }
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return c;
}

Status CheckInputDatabase(const std::string& path) {
  struct stat st{};
  if (::stat(path.c_str(), &st) != 0) return Status(Status::Code::kNotFound, path + ": no such database");
  return Guarded(path, [&] {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return CheckDatabase(db, path, "main", CheckDepth::kFull, /*exact_version=*/true);
  });
}

Status PublishFile(const std::string& from, const std::string& to) {
  auto fail = [&](const std::string& what) {
    return Status(Status::Code::kIoError, to + ": " + what + " (" + std::strerror(errno) + ")");
  };
  int fd = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail("cannot open " + from);
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced) return fail("fsync of " + from + " failed");
  if (std::rename(from.c_str(), to.c_str()) != 0) return fail("cannot rename " + from + " to it");
  const size_t slash = to.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : to.substr(0, slash);
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);  // best effort: some file systems refuse fsync on a directory
    ::close(dfd);
  }
  return Status::Ok();
}

}  // namespace jixiao
