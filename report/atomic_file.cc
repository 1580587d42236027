// Temporary file + fsync + rename for regular files; a copy into devices and FIFOs; symlinks
// followed; inputs refused by device and inode.
#include "report/atomic_file.h"

#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <vector>

namespace jixiao {

namespace {

Status IoError(const std::string& path, const std::string& what) {
  return Status(Status::Code::kIoError, path + ": " + what);
}

std::string Reason(int e) { return e != 0 ? std::string(": ") + std::strerror(e) : ""; }

std::string DirOf(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash + 1);
}

std::string BaseOf(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// What a file that is not a regular one is, for messages.
const char* KindOf(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// A fresh temporary file from `templ` (ending in XXXXXX); its name, or an error naming `path`.
Result<std::string> MakeTemp(const std::string& templ, const std::string& path) {
  std::vector<char> name(templ.begin(), templ.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) return IoError(path, "cannot create a temporary file" + Reason(errno));
  close(fd);
  return std::string(name.data());
}

std::string TempDir() {
  const char* t = std::getenv("TMPDIR");
  std::string dir = t != nullptr && *t != '\0' ? t : "/tmp";
  if (dir.back() != '/') dir += '/';
  return dir;
}

// Follows the symlinks of the last component of `path` (a chain, relative targets resolved from
// the link's directory): the name of the file itself, which need not exist (it is created).
Result<std::string> FollowLinks(const std::string& path) {
  std::string p = path;
  for (int i = 0; i < 40; ++i) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0) {
      if (errno == ENOENT) return p;
      return IoError(path, "cannot write" + Reason(errno));
    }
    if (!S_ISLNK(st.st_mode)) return p;
    std::vector<char> buf(PATH_MAX + 1);
    ssize_t n = ::readlink(p.c_str(), buf.data(), buf.size() - 1);
    if (n < 0) return IoError(path, "cannot write" + Reason(errno));
    std::string target(buf.data(), static_cast<size_t>(n));
    p = !target.empty() && target[0] == '/' ? target : DirOf(p) + target;
  }
  return IoError(path, "cannot write: a loop of symbolic links");
}

// Copies the file `from` into the open descriptor `fd`.
Status CopyInto(const std::string& from, int fd, const std::string& path) {
  int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) return IoError(path, "cannot read back the temporary file" + Reason(errno));
  std::vector<char> buf(1 << 16);
  Status s = Status::Ok();
  for (;;) {
    ssize_t n = ::read(in, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      s = IoError(path, "cannot read back the temporary file" + Reason(errno));
      break;
    }
    if (n == 0) break;
    for (ssize_t done = 0; done < n;) {
      ssize_t w = ::write(fd, buf.data() + done, static_cast<size_t>(n - done));
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) {
        s = IoError(path, "cannot write" + Reason(w < 0 ? errno : ENOSPC));
        break;
      }
      done += w;
    }
    if (!s.ok()) break;
  }
  ::close(in);
  return s;
}

// A device or FIFO: the content goes to a temporary in $TMPDIR first (a failed writer leaves the
// destination untouched), then into the destination, opened for writing as it is.
Status WriteInto(const std::string& path,
                 const std::function<Status(const std::string& temp_path)>& write) {
  auto temp = MakeTemp(TempDir() + ".jixiao-" + BaseOf(path) + ".tmp-XXXXXX", path);
  if (!temp.ok()) return temp.status();
  Status s = write(*temp);
  if (s.ok()) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
      s = IoError(path, "cannot write" + Reason(errno));
    } else {
      s = CopyInto(*temp, fd, path);
      if (::close(fd) != 0 && s.ok()) s = IoError(path, "cannot write" + Reason(errno));
    }
  }
  std::remove(temp->c_str());
  return s;
}

}  // namespace

Status WriteFileAtomically(const std::string& path,
                           const std::function<Status(const std::string& temp_path)>& write) {
  if (path.empty()) return Status(Status::Code::kUsage, "no output file given");
  struct stat st {};
  std::string target;
  bool exists = false;
  if (::stat(path.c_str(), &st) == 0) {
    if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) return WriteInto(path, write);
    if (!S_ISREG(st.st_mode)) {
      return IoError(path, std::string("is ") + KindOf(st.st_mode) + ", not a file to write");
    }
    // A regular file, perhaps through symlinks (or /dev/stdout redirected to a file): the file.
    char* real = ::realpath(path.c_str(), nullptr);
    if (real == nullptr) return IoError(path, "cannot write" + Reason(errno));
    target = real;
    std::free(real);
    exists = true;
  } else if (errno == ENOENT) {
    auto followed = FollowLinks(path);  // a dangling symlink: create the file it names
    if (!followed.ok()) return followed.status();
    target = *followed;
  } else if (errno == ELOOP) {
    return IoError(path, "cannot write: a loop of symbolic links");
  } else {
    return IoError(path, "cannot write" + Reason(errno));
  }

  auto temp = MakeTemp(DirOf(target) + "." + BaseOf(target) + ".tmp-XXXXXX", path);
  if (!temp.ok()) return temp.status();
  Status s = write(*temp);
  if (s.ok()) {
    if (exists) {
      // Keep the file as its owner made it: its permission bits (a 0600 report stays private)
      // and, where we may, its owner and group.
      if (::chown(temp->c_str(), st.st_uid, st.st_gid) != 0) {
        // Not ours to give away: the new file is ours, as any rewrite by another user would be.
      }
      ::chmod(temp->c_str(), st.st_mode & 07777);
    } else {
      // mkstemp makes the file 0600; give a new file the usual permissions (umask applies).
      mode_t mask = umask(0);
      umask(mask);
      ::chmod(temp->c_str(), 0666 & ~mask);
    }
    int sync_fd = ::open(temp->c_str(), O_RDONLY | O_CLOEXEC);
    if (sync_fd < 0 || ::fsync(sync_fd) != 0) s = IoError(path, "cannot write" + Reason(errno));
    if (sync_fd >= 0) ::close(sync_fd);
  }
  if (s.ok() && std::rename(temp->c_str(), target.c_str()) != 0) {
    s = IoError(path, "cannot write" + Reason(errno));
  }
  if (!s.ok()) std::remove(temp->c_str());
  return s;
}

namespace {

// Writes `write`'s stream into the file `temp`; errors name `path` and give the reason.
Status StreamToFile(const std::string& temp, const std::string& path,
                    const std::function<Status(std::ostream& out)>& write) {
  std::ofstream file(temp, std::ios::binary | std::ios::trunc);
  if (!file) return IoError(path, "cannot write" + Reason(errno));
  errno = 0;
  Status s = write(file);
  if (!s.ok()) return s;
  if (file) file.flush();
  int e = errno;
  if (!file) return IoError(path, "cannot write" + Reason(e));
  file.close();
  if (!file) return IoError(path, "cannot write" + Reason(errno));
  return Status::Ok();
}

}  // namespace

Status WriteStreamAtomically(const std::string& path,
                             const std::function<Status(std::ostream& out)>& write) {
  return WriteFileAtomically(
      path, [&](const std::string& temp) { return StreamToFile(temp, path, write); });
}

Status WriteFileToStream(std::ostream& out,
                         const std::function<Status(const std::string& temp_path)>& write) {
  const std::string name = "standard output";
  auto temp = MakeTemp(TempDir() + ".jixiao-stdout.tmp-XXXXXX", name);
  if (!temp.ok()) return temp.status();
  Status s = write(*temp);
  if (s.ok()) {
    std::ifstream in(*temp, std::ios::binary);
    out << in.rdbuf();
    if (!in || !out.flush()) s = Status(Status::Code::kIoError, name + ": cannot write");
  }
  std::remove(temp->c_str());
  return s;
}

Status RefuseInput(const std::string& out_path, const std::vector<std::string>& inputs,
                   const std::string& what) {
  struct stat out {};
  if (out_path.empty() || ::stat(out_path.c_str(), &out) != 0) return Status::Ok();
  for (const auto& in : inputs) {
    struct stat st {};
    if (::stat(in.c_str(), &st) == 0 && st.st_dev == out.st_dev && st.st_ino == out.st_ino) {
      return Status(Status::Code::kUsage,
                    out_path + ": is " + what + (in == out_path ? "" : " " + in) +
                        "; refusing to overwrite it");
    }
  }
  return Status::Ok();
}

}  // namespace jixiao
