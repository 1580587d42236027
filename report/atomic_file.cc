// Temporary file + fsync + rename.
#include "report/atomic_file.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <vector>

namespace jixiao {

namespace {

Status IoError(const std::string& path, const std::string& what) {
  return Status(Status::Code::kIoError, path + ": " + what);
}

// The directory part of `path` plus "." and the file name, so the temporary lands on the same file
// system as the destination (rename is atomic only there) and is hidden in listings.
std::string TempTemplate(const std::string& path) {
  size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  return dir + "." + base + ".tmp-XXXXXX";
}

}  // namespace

Status WriteFileAtomically(const std::string& path,
                           const std::function<Status(const std::string& temp_path)>& write) {
  if (path.empty()) return Status(Status::Code::kUsage, "no output file given");
  std::string templ = TempTemplate(path);
  std::vector<char> name(templ.begin(), templ.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0)
    return IoError(path, std::string("cannot create a temporary file: ") + std::strerror(errno));
  close(fd);
  std::string temp(name.data());

  Status s = write(temp);
  if (s.ok()) {
    // mkstemp makes the file 0600; give the result the usual permissions (umask applies).
    mode_t mask = umask(0);
    umask(mask);
    chmod(temp.c_str(), 0666 & ~mask);
    int sync_fd = open(temp.c_str(), O_RDONLY);
    if (sync_fd < 0 || fsync(sync_fd) != 0)
      s = IoError(path, std::string("cannot write: ") + std::strerror(errno));
    if (sync_fd >= 0) close(sync_fd);
  }
  if (s.ok() && std::rename(temp.c_str(), path.c_str()) != 0) {
    s = IoError(path, std::string("cannot write: ") + std::strerror(errno));
  }
  if (!s.ok()) std::remove(temp.c_str());
  return s;
}

Status WriteStreamAtomically(const std::string& path,
                             const std::function<Status(std::ostream& out)>& write) {
  return WriteFileAtomically(path, [&](const std::string& temp) {
    std::ofstream file(temp, std::ios::binary | std::ios::trunc);
    if (!file) return IoError(path, "cannot write");
    Status s = write(file);
    if (!s.ok()) return s;
    file.close();
    if (!file) return IoError(path, "cannot write");
    return Status::Ok();
  });
}

}  // namespace jixiao
