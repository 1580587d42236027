// SHA-256 of a file's bytes: the identity of a document in the batch store.
#ifndef JIXIAO_STORE_CONTENT_HASH_H_
#define JIXIAO_STORE_CONTENT_HASH_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "extract/status.h"
#include "store/file_stat.h"

namespace jixiao {

struct ContentHash {
  std::string hex;   // 64 lower-case hex digits
  int64_t size = 0;  // bytes read
};

// Reads `path` in chunks (memory stays flat for large files). Errors (kNotFound, kIoError) start
// with the path. If `stat` is given, it receives the open file's FileStat taken before the first
// byte is read; or nullopt when the file's size, times or inode differ after the last byte was
// read (the hash may then mix two versions of the file; storing no stat makes the next batch read
// it again).
Result<ContentHash> HashFile(const std::string& path, std::optional<FileStat>* stat = nullptr);

// SHA-256 of `data` as 64 lower-case hex digits.
std::string Sha256Hex(std::string_view data);

}  // namespace jixiao

#endif  // JIXIAO_STORE_CONTENT_HASH_H_
