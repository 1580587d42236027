// The manifest of a sharded run (docs/scale.md): every document to audit, one line per distinct
// content, and the function that gives each document its shard. `jixiao plan` writes it; each
// shard (`jixiao batch --manifest`) audits its part; `jixiao merge --manifest` proves coverage.
#ifndef JIXIAO_STORE_MANIFEST_H_
#define JIXIAO_STORE_MANIFEST_H_

#include <cstdint>
#include <string>
#include <vector>

#include "extract/status.h"

namespace jixiao {

struct ManifestEntry {
  std::string hash;  // SHA-256 of the file's bytes, 64 lower-case hex digits: the identity
  int64_t size = 0;  // bytes
  std::string path;  // the first path (byte order) holding these bytes
};

struct Manifest {
  std::vector<ManifestEntry> entries;  // sorted by path, one per hash
  std::string digest;                  // SHA-256 of the manifest file's bytes (ReadManifest)
};

// The manifest of FindInputs(paths): every file hashed (`jobs` at a time), copies of the same bytes
// collapsed to the first path in byte order, sorted by path. Files that cannot be read are left
// out, each with its one-line reason in `unreadable`; `files` receives the number of files found.
std::vector<ManifestEntry> PlanManifest(const std::vector<std::string>& paths, int jobs,
                                        std::vector<std::string>* unreadable, int64_t* files);

// The text of a manifest file: a comment line, then `sha256 TAB size TAB path` per entry. A path's
// backslash, tab, newline and carriage return are written \\, \t, \n and \r.
std::string FormatManifest(const std::vector<ManifestEntry>& entries);

// Reads a manifest file written by FormatManifest. A malformed line is an error naming the file and
// the line (kUsage: a configuration error, not to be retried), as are two lines with one hash.
Result<Manifest> ReadManifest(const std::string& path);

// The shard of a document: the first 8 bytes of its SHA-256 as a big-endian unsigned integer,
// modulo `count` (count >= 1). Depends on nothing but the content, so every machine, build and
// shard count agrees on it, and every document lands in exactly one shard.
uint32_t ShardOf(const std::string& hash_hex, uint32_t count);

}  // namespace jixiao

#endif  // JIXIAO_STORE_MANIFEST_H_
