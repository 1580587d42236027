// ReadPdfInChild: a PDF read by a reader process (reader.cc) that the calling thread watches. The
// reader is killed (SIGKILL) at the deadline or as soon as its peak resident memory goes over the
// bound; a reader that dies of a signal, ends without an answer or answers nonsense becomes a
// Status for that file. Nothing it does can take this process down.
//
// Why processes started with posix_spawn, not fork: the caller may have other threads (batch), and
// a forked copy of a multi-threaded process must not run Poppler or even malloc.
//
// Each thread keeps the reader it started for its next PDF (thread_local below): starting a reader
// and warming up Poppler costs tens of milliseconds, as much as reading a short report. A reader
// is kept only after a document it read cleanly, while its memory is back down (it decides, see
// reader.cc), and never after a bound, a crash or anything odd; its peak is reset between
// documents, so each document is measured alone. A reader belongs to one thread because it dies
// with the thread that started it (PR_SET_PDEATHSIG).
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <memory>
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

// How often the reader's peak memory is sampled. The kernel keeps the peak (VmHWM), so a spike
// between two samples is still seen; it is only acted on up to this late.
constexpr auto kMemorySample = std::chrono::milliseconds(5);
// How long an idle reader gets to exit by itself when its thread ends.
constexpr auto kIdleExit = std::chrono::seconds(2);

// A file descriptor that is closed when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  Fd(Fd&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
  Fd& operator=(Fd&& o) noexcept {
    std::swap(fd_, o.fd_);
    return *this;
  }
  ~Fd() { reset(); }
  int get() const { return fd_; }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

std::string ErrnoText(int e) { return std::generic_category().message(e); }

// `fd`, or if it is 0, 1 or 2 (this program runs without some standard stream) a close-on-exec
// copy numbered 3 or above: in the reader, 0 and 1 are replaced by its channels and the two must
// not clobber each other.
Fd AboveStdio(Fd fd) {
  if (fd.get() < 0 || fd.get() > 2) return fd;
  return Fd(::fcntl(fd.get(), F_DUPFD_CLOEXEC, 3));
}

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

// What the reader has reported so far about the current document, to say where it stopped.
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

// Waits for child `pid` to end, until `deadline`, then kills it. Its wait status if it ended by
// itself, nullopt if it was killed here or cannot be waited for (SIGCHLD ignored by the program).
std::optional<int> WaitUntil(pid_t pid, Clock::time_point deadline) {
  auto pause = std::chrono::microseconds(50);
  for (;;) {
    int st = 0;
    pid_t w = ::waitpid(pid, &st, WNOHANG);
    if (w == pid) return st;
    if (w < 0 && errno != EINTR) return std::nullopt;
    Clock::time_point now = Clock::now();
    if (now >= deadline) break;
    std::this_thread::sleep_for(std::min<Clock::duration>(pause, deadline - now));
    pause = std::min<std::chrono::microseconds>(pause * 2, std::chrono::milliseconds(1));
  }
  ::kill(pid, SIGKILL);
  while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
  }
  return std::nullopt;
}

// A running reader process: requests go to its standard input (a socket), answers come from its
// standard output (a pipe). Killed and reaped when destroyed, unless it was waited for already.
class ReaderProcess {
 public:
  ReaderProcess(const ReaderProcess&) = delete;
  ReaderProcess& operator=(const ReaderProcess&) = delete;
  ~ReaderProcess() {
    if (pid_ > 0) WaitUntil(pid_, Clock::time_point::min());
  }

  // Starts `reader`; on failure a Status whose message is the reason only.
  static Result<std::unique_ptr<ReaderProcess>> Start(const std::string& reader);

  const std::string& reader() const { return reader_; }
  pid_t pid() const { return pid_; }
  int answers() const { return answers_.get(); }

  // Sends one request with the PDF's descriptor; false if the reader is not there to take it.
  bool Send(const wire::Request& request, int pdf_fd);

  // Closes both channels (a reader waiting for a request then exits) and waits for it to end
  // until `deadline`, then kills it. Its wait status if it ended by itself.
  std::optional<int> Finish(Clock::time_point deadline) {
    requests_.reset();
    answers_.reset();
    std::optional<int> st = WaitUntil(pid_, deadline);
    pid_ = 0;
    return st;
  }

  std::string buf;     // answer bytes not yet consumed
  size_t parsed = 0;   // frames in buf before this offset are handled
  bool hello = false;  // the reader said hello in our version

 private:
  ReaderProcess(std::string reader, pid_t pid, Fd requests, Fd answers)
      : reader_(std::move(reader)),
        pid_(pid),
        requests_(std::move(requests)),
        answers_(std::move(answers)) {}

  std::string reader_;
  pid_t pid_;
  Fd requests_, answers_;
};

Result<std::unique_ptr<ReaderProcess>> ReaderProcess::Start(const std::string& reader) {
  auto fail = [](int e) { return Status(Status::Code::kInternal, ErrnoText(e)); };
  // Every descriptor is close-on-exec, so a reader started by another thread at the same moment
  // does not inherit ours (and hold our channels open).
  int sv[2], p[2];
  if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0) return fail(errno);
  Fd requests(sv[0]), child_in(sv[1]);
  if (::pipe2(p, O_CLOEXEC) != 0) return fail(errno);
  Fd answers(p[0]), child_out(p[1]);
  child_in = AboveStdio(std::move(child_in));
  child_out = AboveStdio(std::move(child_out));
  if (child_in.get() < 0 || child_out.get() < 0) return fail(errno);
  // A larger pipe means fewer switches between the two processes for a long answer.
  ::fcntl(answers.get(), F_SETPIPE_SZ, 1 << 20);

  std::vector<std::string> args = {reader, "--child", std::to_string(wire::kVersion),
                                   std::to_string(::getpid())};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  posix_spawn_file_actions_init(&actions);
  posix_spawnattr_init(&attr);
  posix_spawn_file_actions_adddup2(&actions, child_in.get(), STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, child_out.get(), STDOUT_FILENO);
  posix_spawn_file_actions_addclosefrom_np(&actions, 3);  // stderr stays: sanitizer reports
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  pid_t pid = 0;
  int rc = ::posix_spawn(&pid, reader.c_str(), &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) return fail(rc);
  return std::unique_ptr<ReaderProcess>(
      new ReaderProcess(reader, pid, std::move(requests), std::move(answers)));
}

bool ReaderProcess::Send(const wire::Request& request, int pdf_fd) {
  std::string payload = wire::EncodeRequest(request);
  iovec iov{payload.data(), payload.size()};
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
  msghdr msg{};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  cmsghdr* c = CMSG_FIRSTHDR(&msg);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(sizeof(int));
  std::memcpy(CMSG_DATA(c), &pdf_fd, sizeof(int));
  for (;;) {
    ssize_t n = ::sendmsg(requests_.get(), &msg, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    return n == static_cast<ssize_t>(payload.size());
  }
}

// The reader this thread keeps between documents; when the thread ends, it is asked to exit.
struct IdleReader {
  std::unique_ptr<ReaderProcess> process;
  ~IdleReader() {
    if (process) process->Finish(Clock::now() + kIdleExit);
  }
};
thread_local IdleReader t_idle;

}  // namespace

Result<std::vector<RawPage>> ReadPdfInChild(const std::string& path, int fd, int64_t size,
                                            const ExtractOptions& options,
                                            const RenderJob* render) {
  const Clock::time_point deadline = DeadlineAfter(Clock::now(), options.max_seconds);
  if (size > INT32_MAX) {
    return Status(Status::Code::kLimit, path + ": file too large for Poppler (over 2 GiB)");
  }
  const uint64_t bound_kib =
      static_cast<uint64_t>(std::clamp<int64_t>(options.max_memory_mib, 0, INT64_C(1) << 40)) *
      1024;
  wire::Request request;
  request.max_pages = options.max_pages;
  request.threads = options.threads;
  request.max_memory_mib = options.max_memory_mib;
  request.path = path;
  if (render != nullptr) {
    request.render_dpi = render->dpi;
    request.render_pages.assign(render->pages.begin(), render->pages.end());
    render->images->clear();
  }

  // This thread's reader if it has one for options.reader (gone while idle: start another).
  std::unique_ptr<ReaderProcess> reader = std::move(t_idle.process);
  if (reader && reader->reader() != options.reader) {
    reader->Finish(Clock::now() + kIdleExit);
    reader.reset();
  }
  if (reader && !reader->Send(request, fd)) reader.reset();
  if (!reader) {
    auto started = ReaderProcess::Start(options.reader);
    if (!started.ok()) {
      return Status(Status::Code::kInternal, path + ": cannot start the PDF reader " +
                                                 options.reader + " (" +
                                                 started.status().message() + ")");
    }
    reader = std::move(started).value();
    // If it is gone already, what it said and how it ended tell why.
    reader->Send(request, fd);
  }
  const std::string& program = options.reader;

  Progress progress;
  std::optional<std::pair<size_t, size_t>> result;  // offset and size of the kResult payload
  bool bad = false;                                 // a frame out of place
  auto handle = [&](const wire::Frame& f) {
    auto n = wire::DecodeU32(f.payload);
    if (result) bad = true;  // the result comes last
    if (!reader->hello) {
      reader->hello = f.type == wire::FrameType::kHello && n == wire::kVersion;
      bad = bad || !reader->hello;
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
      case wire::FrameType::kImage: {
        // The pages asked for, in that order, and nothing else.
        auto image = render ? wire::DecodeImage(f.payload) : std::nullopt;
        const size_t i = render ? render->images->size() : 0;
        if (!image || i >= render->pages.size() || image->page != render->pages[i]) {
          bad = true;
        } else {
          render->images->push_back(std::move(image->image));
        }
        return;
      }
      case wire::FrameType::kResult:
        result = std::make_pair(static_cast<size_t>(f.payload.data() - reader->buf.data()),
                                f.payload.size());
        return;
      default:
        bad = true;
    }
    if (!n) bad = true;
  };
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

  // Read what the reader writes until its answer or the end of its output, keeping time and
  // watching its memory. Leaving early destroys `reader`: killed and reaped.
  uint64_t peak_kib = 0;
  Clock::time_point next_sample = Clock::now();
  bool open = true;
  while (!result && !bad && open) {
    Clock::time_point now = Clock::now();
    if (now >= deadline) return time_limit();
    if (now >= next_sample) {
      if (auto kib = PeakRssKib(reader->pid())) peak_kib = std::max(peak_kib, *kib);
      if (peak_kib > bound_kib) {
        return memory_limit("killed at " + MiB(peak_kib) + " " + progress.Where());
      }
      next_sample = now + kMemorySample;
    }
    auto ms = std::chrono::ceil<std::chrono::milliseconds>(std::min(deadline, next_sample) - now);
    pollfd pfd{reader->answers(), POLLIN, 0};
    int ready = ::poll(&pfd, 1, static_cast<int>(std::clamp<int64_t>(ms.count(), 0, 1000)));
    if (ready < 0 && errno != EINTR) {
      return Status(Status::Code::kInternal,
                    path + ": cannot read from the PDF reader (" + ErrnoText(errno) + ")");
    }
    if (ready <= 0) continue;
    std::string& buf = reader->buf;
    size_t old = buf.size();
    buf.resize(old + (1 << 16));
    ssize_t got = ::read(reader->answers(), buf.data() + old, 1 << 16);
    buf.resize(old + static_cast<size_t>(std::max<ssize_t>(got, 0)));
    if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    open = got > 0;
    while (auto f = wire::NextFrame(buf, &reader->parsed)) handle(*f);
    // The answer alone would be more than the reader may hold.
    if (buf.size() / 1024 > bound_kib) return memory_limit("its answer alone is larger");
  }

  const std::string where = progress.Where();
  if (!result || bad || reader->parsed != reader->buf.size()) {
    // No (valid) answer: how the reader ended says why. (Still running: killed here.)
    std::optional<int> st = reader->Finish(open ? Clock::time_point::min() : deadline);
    if (st && WIFSIGNALED(*st)) {
      const char* what = ::sigdescr_np(WTERMSIG(*st));
      return Status(Status::Code::kCorrupt, path + ": the PDF reader died of signal " +
                                                std::to_string(WTERMSIG(*st)) + " (" +
                                                (what ? what : "unknown") + ") " + where);
    }
    if (st && WIFEXITED(*st) && WEXITSTATUS(*st) != 0) {
      return Status(Status::Code::kInternal,
                    path + ": the PDF reader " + program + " exited with status " +
                        std::to_string(WEXITSTATUS(*st)) + " without an answer " + where);
    }
    return Status(Status::Code::kInternal,
                  path + ": the PDF reader " + program + " gave no valid answer " + where);
  }
  auto decoded =
      wire::DecodeResult(std::string_view(reader->buf).substr(result->first, result->second));
  if (!decoded) {
    return Status(Status::Code::kInternal,
                  path + ": the PDF reader " + program + " gave a malformed answer");
  }
  peak_kib = std::max(peak_kib, decoded->peak_kib);
  if (peak_kib > bound_kib) return memory_limit("peak " + MiB(peak_kib));
  if (render != nullptr && decoded->result.ok() &&
      (render->images->size() != render->pages.size() || !decoded->result->empty())) {
    return Status(Status::Code::kInternal,
                  path + ": the PDF reader " + program + " did not render the pages asked for");
  }
  if (decoded->stays && decoded->result.ok()) {
    reader->buf.clear();
    reader->parsed = 0;
    t_idle.process = std::move(reader);
  } else {
    reader->Finish(deadline);  // it exits by itself (and runs its exit-time checks)
  }
  return std::move(decoded->result);
}

}  // namespace jixiao::internal
