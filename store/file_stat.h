// FileStat: what a file looked like (size, times, inode) when it was read, so that a later batch
// can tell, without reading it again, that it has not changed since.
#ifndef JIXIAO_STORE_FILE_STAT_H_
#define JIXIAO_STORE_FILE_STAT_H_

#include <cstdint>
#include <string>

#include "extract/status.h"

namespace jixiao {

struct FileStat {
  int64_t size = 0;      // st_size, bytes
  int64_t mtime_ns = 0;  // st_mtim, ns since the Unix epoch: content last written (can be set)
  int64_t ctime_ns = 0;  // st_ctim: inode last changed; every write and every setting of mtime
                         // moves it, and no system call sets it back
  int64_t inode = 0;     // st_ino, its bits as int64: a file replaced by rename has a new one
  int64_t taken_ns = 0;  // this machine's CLOCK_REALTIME just after the stat, ns since the epoch

  // Size, times and inode equal (taken_ns is not compared).
  bool SameFile(const FileStat& other) const {
    return size == other.size && mtime_ns == other.mtime_ns && ctime_ns == other.ctime_ns &&
           inode == other.inode;
  }
  bool operator==(const FileStat& other) const {
    return SameFile(other) && taken_ns == other.taken_ns;
  }
  bool operator!=(const FileStat& other) const { return !(*this == other); }
};

// Nanoseconds: the margin below which a stat is racy (see Racy). Three seconds covers the
// timestamps of any local file system (FAT's are 2 s) and the lag of the kernel's coarse clock.
constexpr int64_t kRacyMarginNs = 3'000'000'000;

// Whether a write made after `s` was taken could leave size, mtime, ctime and inode as they were:
// when the file's mtime or ctime is not older than the moment of the stat minus `margin_ns`, a
// write within the same timestamp tick would not move them. A racy stat proves nothing; the file
// must be read again (git's "racily clean" entries).
inline bool Racy(const FileStat& s, int64_t margin_ns = kRacyMarginNs) {
  return s.mtime_ns >= s.taken_ns - margin_ns || s.ctime_ns >= s.taken_ns - margin_ns;
}

// Whether the file whose stat is `now` can be taken, unread, to hold the content it held when
// `stored` was taken: same size, times and inode, and `stored` not racy.
inline bool Unchanged(const FileStat& stored, const FileStat& now,
                      int64_t margin_ns = kRacyMarginNs) {
  return stored.SameFile(now) && !Racy(stored, margin_ns);
}

// stat(2) of `path` (following symbolic links), stamped with the current time. Errors (kNotFound,
// kIoError) start with the path.
Result<FileStat> StatFile(const std::string& path);

// fstat(2) of an open file, stamped with the current time; false on failure.
bool StatOpenFile(int fd, FileStat* out);

}  // namespace jixiao

#endif  // JIXIAO_STORE_FILE_STAT_H_
