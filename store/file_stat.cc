// StatFile and StatOpenFile: stat(2) and fstat(2) into a FileStat.
#include "store/file_stat.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <ctime>

namespace jixiao {

namespace {

int64_t Ns(const struct timespec& t) {
  return static_cast<int64_t>(t.tv_sec) * 1'000'000'000 + static_cast<int64_t>(t.tv_nsec);
}

FileStat FromStat(const struct stat& st) {
  FileStat out;
  out.size = static_cast<int64_t>(st.st_size);
  out.mtime_ns = Ns(st.st_mtim);
  out.ctime_ns = Ns(st.st_ctim);
  out.inode = static_cast<int64_t>(st.st_ino);
  struct timespec now {};
  clock_gettime(CLOCK_REALTIME, &now);
  out.taken_ns = Ns(now);
  return out;
}

}  // namespace

Result<FileStat> StatFile(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    int err = errno;
    if (err == ENOENT) return Status(Status::Code::kNotFound, path + ": no such file");
    return Status(Status::Code::kIoError, path + ": cannot stat (" + std::strerror(err) + ")");
  }
  return FromStat(st);
}

bool StatOpenFile(int fd, FileStat* out) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) return false;
  *out = FromStat(st);
  return true;
}

}  // namespace jixiao
