// InputFile::Open: stat, open without blocking, fstat, and a name for whatever is not a file.
#include "extract/input_file.h"

#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace jixiao {

namespace {

Status Fail(Status::Code code, const std::string& path, const std::string& what) {
  return Status(code, path + ": " + what);
}

// The reason a path that is not a regular file cannot be read, or "" if it is one.
std::string NotAFile(mode_t mode) {
  if (S_ISREG(mode)) return "";
  if (S_ISDIR(mode)) return "is a directory";
  if (S_ISFIFO(mode)) return "is a FIFO (named pipe), not a file";
  if (S_ISCHR(mode)) return "is a character device, not a file";
  if (S_ISBLK(mode)) return "is a block device, not a file";
  if (S_ISSOCK(mode)) return "is a socket, not a file";
  return "is not a regular file";
}

}  // namespace

InputFile::~InputFile() {
  if (fd_ >= 0) ::close(fd_);
}

Result<InputFile> InputFile::Open(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    const int e = errno;
    struct stat link {};
    if (e == ELOOP) return Fail(Status::Code::kNotFound, path, "a loop of symbolic links");
    if (e == ENOENT && ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
      std::vector<char> buf(PATH_MAX + 1);
      ssize_t n = ::readlink(path.c_str(), buf.data(), buf.size() - 1);
      std::string to = n > 0 ? std::string(buf.data(), static_cast<size_t>(n)) : "";
      return Fail(Status::Code::kNotFound, path,
                  "a dangling symbolic link" + (to.empty() ? "" : " (to " + to + ")"));
    }
    if (e == ENOENT || e == ENOTDIR) return Fail(Status::Code::kNotFound, path, "no such file");
    return Fail(Status::Code::kIoError, path, std::strerror(e));
  }
  if (std::string why = NotAFile(st.st_mode); !why.empty()) {
    return Fail(Status::Code::kIoError, path, why);
  }
  // O_NONBLOCK: if the file was swapped for a FIFO since the stat, the open does not wait for a
  // writer; the type is checked again on what was opened.
  InputFile f;
  f.fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (f.fd_ < 0) {
    const int e = errno;
    if (e == EACCES) return Fail(Status::Code::kIoError, path, "permission denied");
    return Fail(Status::Code::kIoError, path, std::string("cannot open: ") + std::strerror(e));
  }
  if (::fstat(f.fd_, &st) != 0) {
    return Fail(Status::Code::kIoError, path, "cannot determine the file size");
  }
  if (std::string why = NotAFile(st.st_mode); !why.empty()) {
    return Fail(Status::Code::kIoError, path, why);
  }
  int flags = ::fcntl(f.fd_, F_GETFL);
  if (flags >= 0) ::fcntl(f.fd_, F_SETFL, flags & ~O_NONBLOCK);
  if (st.st_size < 0) return Fail(Status::Code::kIoError, path, "cannot determine the file size");
  f.size_ = static_cast<int64_t>(st.st_size);
  if (f.size_ == 0) {
    char c;
    ssize_t n;
    do {
      n = ::pread(f.fd_, &c, 1, 0);
    } while (n < 0 && errno == EINTR);
    if (n > 0) {
      return Fail(Status::Code::kIoError, path,
                  "is a kernel pseudo-file (size 0 but not empty), not a document");
    }
    return Fail(Status::Code::kEmpty, path, "empty file (0 bytes)");
  }
  return f;
}

}  // namespace jixiao
