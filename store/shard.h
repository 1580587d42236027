// Shards of a manifest (docs/scale.md): the completion row a finished shard database carries, the
// coverage of a manifest by a database, and publishing a file whole or not at all.
#ifndef JIXIAO_STORE_SHARD_H_
#define JIXIAO_STORE_SHARD_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "extract/status.h"
#include "store/manifest.h"
#include "store/store.h"

namespace jixiao {

// One row of shard_runs (store/schema/004_shard_runs.sql).
struct ShardRun {
  int64_t index = 0, count = 1;
  std::string manifest_sha256;
  Versions versions;
  int64_t expected = 0, done = 0, failed = 0;
  std::string host, started_at, finished_at;
};

Status WriteShardRun(Store& store, const ShardRun& run);

// Every completion row, by shard index then finish time: one for a shard database, one per shard
// merged for a merged one, none for a plain batch database.
Result<std::vector<ShardRun>> ShardRuns(Store& store);

// Moves the write-ahead log into the database file and leaves WAL mode, so that the file alone is
// the whole database (to be renamed, copied or sent).
Status Seal(Store& store);

// How much of a manifest a database holds, with the manifest's versions.
struct Coverage {
  int64_t expected = 0;  // manifest entries
  int64_t merged = 0;    // stored and audited
  std::vector<std::pair<std::string, std::string>> failed;  // stored as failed: (path, reason)
  std::vector<ManifestEntry> missing;                       // not stored
};
Result<Coverage> CoverageOf(Store& store, const std::vector<ManifestEntry>& entries,
                            const Versions& versions);

// Whether the database at `path` can be merged: what Store::Merge checks before it copies
// anything (PRAGMA integrity_check, this binary's schema version, every table and column).
Status CheckInputDatabase(const std::string& path);

// Makes `from` (a complete file) durable and renames it to `to`, replacing `to` atomically, then
// makes the rename durable (fsync of the file and of `to`'s directory). Errors are kIoError.
Status PublishFile(const std::string& from, const std::string& to);

}  // namespace jixiao

#endif  // JIXIAO_STORE_SHARD_H_
