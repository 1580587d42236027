// ReadPdfInChild: a PDF read by a fresh reader process (reader.cc) that this process watches. The
// child is killed (SIGKILL) at the deadline or as soon as its peak resident memory goes over the
// bound; a child that dies of a signal, exits without an answer or answers nonsense becomes a
// Status for that file. Nothing it does can take this process down.
//
// Why a fresh process per document (posix_spawn, not fork): the caller may have other threads
// (batch), and a forked copy of a multi-threaded process must not run Poppler or malloc; a fresh
// exec also gives every document a clean Poppler, and one document's memory cannot be charged to
// the next.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "extract/extract_internal.h"
#include "extract/wire.h"

extern char** environ;

namespace jixiao::internal {

namespace {

// How often the child's peak memory is sampled. The kernel keeps the peak (VmHWM), so a spike
// between two samples is still seen; it is only acted on up to this late.
constexpr auto kMemorySample = std::chrono::milliseconds(5);

// A file descriptor that is closed when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  Fd(Fd&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
  Fd& operator=(Fd&& o) noexcept {
    std::swap(fd_, o.fd_);
    return *this;
  }
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

std::string ErrnoText(int e) { return std::generic_category().message(e); }

// The peak resident set size (VmHWM) of process `pid` in KiB; nullopt once it has exited.
std::optional<uint64_t> PeakRssKib(pid_t pid) {
  std::string name = "/proc/" + std::to_string(pid) + "/status";
  Fd fd(::open(name.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return std::nullopt;
  char buf[4096];
  ssize_t n = ::read(fd.get(), buf, sizeof buf - 1);
  if (n <= 0) return std::nullopt;
  std::string_view status(buf, static_cast<size_t>(n));
  size_t at = status.find("\nVmHWM:");
  if (at == std::string_view::npos) return std::nullopt;
  size_t digits = status.find_first_of("0123456789", at);
  uint64_t kib = 0;
  if (digits == std::string_view::npos ||
      std::from_chars(status.data() + digits, status.data() + status.size(), kib).ec !=
          std::errc()) {
    return std::nullopt;
  }
  return kib;
}

std::string MiB(uint64_t kib) { return std::to_string((kib + 1023) / 1024) + " MiB"; }

// What the child has reported so far, for saying where it was when it stopped.
class Progress {
 public:
  void Opened(uint32_t pages) { pages_ = pages; }
  void Started(uint32_t page) { reading_.push_back(page); }
  void Done(uint32_t page) {
    auto it = std::find(reading_.begin(), reading_.end(), page);
    if (it != reading_.end()) reading_.erase(it);
    ++done_;
  }

  // "on page 3 of 42": the page being read that was started first (with one thread, the page).
  std::string Where() const {
    if (pages_ == 0) return "while opening the PDF";
    std::string of = " of " + std::to_string(pages_);
    if (!reading_.empty()) return "on page " + std::to_string(reading_.front()) + of;
    if (done_ >= pages_) return "after reading all " + std::to_string(pages_) + " pages";
    return "after reading " + std::to_string(done_) + of + " pages";
  }

 private:
  uint32_t pages_ = 0, done_ = 0;
  std::vector<uint32_t> reading_;  // in the order they were started
};

// The child, started with the PDF as its standard input and `out` as its standard output.
struct Child {
  pid_t pid = 0;
  Fd out;  // read end
};

// `fd` if it is above 2, else a close-on-exec copy above 2 kept in *copy: moving the two
// descriptors to 0 and 1 in the child must not clobber one with the other.
int Above2(int fd, Fd* copy) {
  if (fd > 2) return fd;
  *copy = Fd(::fcntl(fd, F_DUPFD_CLOEXEC, 3));
  return copy->get();
}

Result<Child> Spawn(const std::string& path, int pdf_fd, const ExtractOptions& options) {
  auto fail = [&](const std::string& why) {
    return Status(Status::Code::kInternal,
                  path + ": cannot start the PDF reader " + options.reader + " (" + why + ")");
  };
  int p[2];
  if (::pipe2(p, O_CLOEXEC) != 0) return fail(ErrnoText(errno));
  Fd read_end(p[0]), write_end(p[1]);
  // A larger pipe means fewer switches between the two processes for a long answer.
  ::fcntl(read_end.get(), F_SETPIPE_SZ, 1 << 20);
  // Every descriptor here is close-on-exec, so a child started by another thread at the same
  // moment does not inherit it (and hold our pipe open).
  Fd pdf_copy, out_copy;
  int in = Above2(pdf_fd, &pdf_copy);
  int out = Above2(write_end.get(), &out_copy);
  if (in < 0 || out < 0) return fail(ErrnoText(errno));

  std::vector<std::string> args = {options.reader,
                                   "--child",
                                   std::to_string(wire::kVersion),
                                   std::to_string(::getpid()),
                                   std::to_string(options.max_pages),
                                   std::to_string(options.threads),
                                   path};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  posix_spawn_file_actions_init(&actions);
  posix_spawnattr_init(&attr);
  posix_spawn_file_actions_adddup2(&actions, in, STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out, STDOUT_FILENO);
  posix_spawn_file_actions_addclosefrom_np(&actions, 3);  // stderr stays: sanitizer reports
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  Child child;
  int rc = ::posix_spawn(&child.pid, options.reader.c_str(), &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) return fail(ErrnoText(rc));
  child.out = std::move(read_end);
  return child;
}

// Waits for `pid` (already ended or killed); its wait status, or nullopt if it cannot be had
// (SIGCHLD ignored by the program: children are reaped by the kernel).
std::optional<int> Reap(pid_t pid) {
  int st = 0;
  for (;;) {
    pid_t w = ::waitpid(pid, &st, 0);
    if (w == pid) return st;
    if (w < 0 && errno == EINTR) continue;
    return std::nullopt;
  }
}

}  // namespace

Result<std::vector<RawPage>> ReadPdfInChild(const std::string& path, int fd, int64_t size,
                                            const ExtractOptions& options) {
  const Clock::time_point deadline = DeadlineAfter(Clock::now(), options.max_seconds);
  if (size > INT32_MAX) {
    return Status(Status::Code::kLimit, path + ": file too large for Poppler (over 2 GiB)");
  }
  const uint64_t bound_kib =
      static_cast<uint64_t>(std::clamp<int64_t>(options.max_memory_mib, 0, INT64_C(1) << 40)) *
      1024;
  auto child = Spawn(path, fd, options);
  if (!child.ok()) return child.status();
  const pid_t pid = child->pid;

  std::string buf;       // everything the child wrote
  size_t parsed = 0;     // frames before this offset are handled
  bool hello = false;    // the first frame was a kHello of our version
  bool bad = false;      // a frame out of place
  std::optional<std::pair<size_t, size_t>> result;  // offset and size of the kResult payload
  Progress progress;
  uint64_t peak_kib = 0;

  auto time_limit = [&] {
    return Status(Status::Code::kLimit, path + ": reading took longer than --max-seconds " +
                                            FormatSeconds(options.max_seconds) + " (killed " +
                                            progress.Where() + ")");
  };
  auto memory_limit = [&](const std::string& detail) {
    return Status(Status::Code::kLimit, path + ": reading needed more than --max-memory " +
                                            std::to_string(options.max_memory_mib) + " MiB (" +
                                            detail + ")");
  };
  auto kill_child = [&] {
    ::kill(pid, SIGKILL);
    Reap(pid);
  };
  auto handle = [&](const wire::Frame& f) {
    auto n = wire::DecodeU32(f.payload);
    if (result) bad = true;  // the result comes last
    if (!hello) {
      hello = f.type == wire::FrameType::kHello && n == wire::kVersion;
      bad = !hello;
      return;
    }
    switch (f.type) {
      case wire::FrameType::kOpened:
        if (n) progress.Opened(*n);
        break;
      case wire::FrameType::kPageStart:
        if (n) progress.Started(*n);
        break;
      case wire::FrameType::kPageDone:
        if (n) progress.Done(*n);
        break;
      case wire::FrameType::kResult:
        result = std::make_pair(static_cast<size_t>(f.payload.data() - buf.data()),
                                f.payload.size());
        break;
      default:
        bad = true;
    }
    if (!n && f.type != wire::FrameType::kResult) bad = true;
  };

  // Read what the child writes until it closes its output, keeping time and watching memory;
  // then wait for it to end (it has answered: from then on the deadline only ends the wait).
  Clock::time_point next_sample = Clock::now();
  bool open = true;
  auto pause = std::chrono::microseconds(50);  // between looks for the exit after end of output
  std::optional<int> wait_status;
  for (;;) {
    Clock::time_point now = Clock::now();
    if (now >= deadline) {
      kill_child();
      if (open) return time_limit();
      break;
    }
    if (now >= next_sample) {
      if (auto kib = PeakRssKib(pid)) peak_kib = std::max(peak_kib, *kib);
      if (peak_kib > bound_kib) {
        kill_child();
        return memory_limit("killed at " + MiB(peak_kib) + " " + progress.Where());
      }
      next_sample = now + kMemorySample;
    }
    Clock::time_point wake = std::min(deadline, next_sample);
    if (!open) {
      int st = 0;
      pid_t w = ::waitpid(pid, &st, WNOHANG);
      if (w == pid) {
        wait_status = st;
        break;
      }
      if (w < 0 && errno != EINTR) break;  // not ours to wait for (SIGCHLD ignored)
      std::this_thread::sleep_for(std::min<Clock::duration>(pause, wake - now));
      pause = std::min<std::chrono::microseconds>(pause * 2, std::chrono::milliseconds(1));
      continue;
    }
    auto ms = std::chrono::ceil<std::chrono::milliseconds>(wake - now).count();
    pollfd pfd{child->out.get(), POLLIN, 0};
    int ready = ::poll(&pfd, 1, static_cast<int>(std::clamp<int64_t>(ms, 0, 1000)));
    if (ready < 0 && errno != EINTR) {
      kill_child();
      return Status(Status::Code::kInternal,
                    path + ": cannot read from the PDF reader (" + ErrnoText(errno) + ")");
    }
    if (ready <= 0) continue;
    size_t old = buf.size();
    buf.resize(old + (1 << 16));
    ssize_t got = ::read(child->out.get(), buf.data() + old, 1 << 16);
    buf.resize(old + static_cast<size_t>(std::max<ssize_t>(got, 0)));
    if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (got <= 0) {
      open = false;
      child->out.reset();
      continue;
    }
    while (auto f = wire::NextFrame(buf, &parsed)) handle(*f);
    // The answer alone would be more than the child may hold.
    if (buf.size() / 1024 > bound_kib) {
      kill_child();
      return memory_limit("its answer alone is larger");
    }
  }

  const std::string where = progress.Where();
  if (wait_status && WIFSIGNALED(*wait_status)) {
    int sig = WTERMSIG(*wait_status);
    const char* what = ::sigdescr_np(sig);
    return Status(Status::Code::kCorrupt, path + ": the PDF reader died of signal " +
                                              std::to_string(sig) + " (" +
                                              (what ? what : "unknown") + ") " + where);
  }
  if (!hello || bad || !result || parsed != buf.size()) {
    if (wait_status && WIFEXITED(*wait_status) && WEXITSTATUS(*wait_status) != 0) {
      return Status(Status::Code::kInternal,
                    path + ": the PDF reader " + options.reader + " exited with status " +
                        std::to_string(WEXITSTATUS(*wait_status)) + " without an answer " + where);
    }
    return Status(Status::Code::kInternal,
                  path + ": the PDF reader " + options.reader + " gave no valid answer " + where);
  }
  auto decoded = wire::DecodeResult(std::string_view(buf).substr(result->first, result->second));
  if (!decoded) {
    return Status(Status::Code::kInternal,
                  path + ": the PDF reader " + options.reader + " gave a malformed answer");
  }
  peak_kib = std::max(peak_kib, decoded->peak_kib);
  if (peak_kib > bound_kib) return memory_limit("peak " + MiB(peak_kib));
  return std::move(decoded->result);
}

}  // namespace jixiao::internal
