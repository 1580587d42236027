// Opening an input file without trusting its name: the type is checked before anything is read,
// so a FIFO, a device or a symlink loop is one clear error instead of a hang or a wrong one.
#ifndef JIXIAO_EXTRACT_INPUT_FILE_H_
#define JIXIAO_EXTRACT_INPUT_FILE_H_

#include <cstdint>
#include <string>

#include "extract/status.h"

namespace jixiao {

// An open regular file (close-on-exec), closed with the object.
class InputFile {
 public:
  InputFile() = default;
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  InputFile(InputFile&& o) noexcept : fd_(o.fd_), size_(o.size_) { o.fd_ = -1; }
  ~InputFile();

  int fd() const { return fd_; }
  int64_t size() const { return size_; }

  // Opens `path` for reading if it is a regular file (symlinks followed). Errors, after "PATH: ":
  // "no such file", "a dangling symbolic link (to TARGET)", "a loop of symbolic links", "is a
  // directory", "is a FIFO (named pipe), not a file", "is a character device, not a file" (also
  // block device, socket), "permission denied", and for a file of size 0: "empty file (0 bytes)",
  // or, if it has content anyway (/proc, /sys), "is a kernel pseudo-file (size 0 but not empty),
  // not a document". The open never blocks (O_NONBLOCK, and the type is checked again on the
  // open descriptor).
  static Result<InputFile> Open(const std::string& path);

 private:
  int fd_ = -1;
  int64_t size_ = 0;
};

}  // namespace jixiao

#endif  // JIXIAO_EXTRACT_INPUT_FILE_H_
