// The PDF reader process (see reader.h): requests on standard input → ReadPdfPages (or
// RenderPdfPages) → frames on standard output (wire.h).
#include "extract/reader.h"

#include <malloc.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <mutex>
#include <string>
#include <string_view>
#include <system_error>

#include "extract/extract_internal.h"
#include "extract/wire.h"

namespace jixiao {

namespace {

using internal::wire::FrameType;

// A reader reads at most this many PDFs, and stays for the next one only if, once what it freed is
// given back to the system, it holds less than this (or a quarter of --max-memory): the next
// document gets a process that is nearly as fresh as a new one.
// Under AddressSanitizer every process holds hundreds of MiB more (shadow memory, the quarantine of freed
// blocks): the limits grow by that much, so that the sanitizer build keeps its readers as the
// release build does and its tests exercise the same path.
#if defined(__SANITIZE_ADDRESS__)
constexpr uint64_t kSanitizerKib = 512 * 1024;
#else
constexpr uint64_t kSanitizerKib = 0;
#endif
constexpr int kMaxDocuments = 100;
constexpr uint64_t kMaxIdleKib = 128 * 1024 + kSanitizerKib;

// Writes all of `data` to standard output. If that fails the parent is gone (or gave up on us):
// nobody is left to tell, so the process ends here.
void WriteAll(std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(STDOUT_FILENO, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) _exit(1);
    data.remove_prefix(static_cast<size_t>(n));
  }
}

// Frames go out whole even when several reading threads report at once.
class Sender {
 public:
  void Send(FrameType type, std::string_view payload) {
    std::lock_guard<std::mutex> lock(mu_);
    WriteAll(internal::wire::FrameHeader(type, payload.size()));
    WriteAll(payload);
  }

 private:
  std::mutex mu_;
};

// The next request on standard input and the file descriptor that came with it (-1 if none).
// False when the parent has closed its end (or the socket failed): time to go.
bool ReceiveRequest(std::string* packet, int* fd) {
  char buf[1 << 16];
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))];
  for (;;) {
    iovec iov{buf, sizeof buf};
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof control;
    ssize_t n = ::recvmsg(STDIN_FILENO, &msg, MSG_CMSG_CLOEXEC);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    *fd = -1;
    for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c != nullptr; c = CMSG_NXTHDR(&msg, c)) {
      if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS &&
          c->cmsg_len == CMSG_LEN(sizeof(int))) {
        std::memcpy(fd, CMSG_DATA(c), sizeof(int));
      }
    }
    if (msg.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) {
      packet->clear();  // cut short: malformed, whatever it was
    } else {
      packet->assign(buf, static_cast<size_t>(n));
    }
    return true;
  }
}

// All of the file `fd`, or an errno value.
std::error_code ReadFile(int fd, std::string* out) {
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    out->reserve(static_cast<size_t>(st.st_size));
  }
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::pread(fd, buf, sizeof buf, static_cast<off_t>(out->size()));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return std::error_code(errno, std::generic_category());
    if (n == 0) return {};
    out->append(buf, static_cast<size_t>(n));
  }
}

// A field of /proc/self/status in KiB ("VmHWM:", "VmRSS:"); 0 if /proc does not say.
uint64_t StatusKib(const std::string& field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.compare(0, field.size(), field) != 0) continue;
    size_t i = line.find_first_of("0123456789");
    uint64_t kib = 0;
    if (i != std::string::npos) std::from_chars(line.data() + i, line.data() + line.size(), kib);
    return kib;
  }
  return 0;
}

// Starts the next document's peak (VmHWM) at the present size; false if the kernel will not.
bool ResetPeak() {
  return static_cast<bool>(std::ofstream("/proc/self/clear_refs") << "5" << std::flush);
}

template <typename T>
bool ParseInt(std::string_view s, T* v) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
  return ec == std::errc() && end == s.data() + s.size();
}

int Usage() {
  std::fputs("jixiao-pdf-reader: reads PDFs for jixiao, which starts it; not to be run by hand\n",
             stderr);
  return 2;
}

struct Answer {
  std::string payload;  // the encoded result, with the peak and `stays` filled in
  bool stays = false;   // wait for another request after this one
};

// The pages a render request asks for, each sent as a kImage frame as soon as it is drawn; the
// result then holds no pages.
Result<std::vector<RawPage>> Render(const internal::wire::Request& request,
                                    const std::string& bytes, Sender* out) {
  std::vector<int> pages(request.render_pages.begin(), request.render_pages.end());
  auto done = internal::RenderPdfPages(
      request.path, bytes, pages, request.render_dpi, [out](int page, RgbImage&& image) {
        out->Send(FrameType::kImage, internal::wire::EncodeImage(page, image));
      });
  if (!done.ok()) return done.status();
  return std::vector<RawPage>{};
}

// Reads (or renders) the PDF of one request.
Answer Serve(const internal::wire::Request& request, int fd, int served, Sender* out) {
  ExtractOptions options;
  options.max_pages = request.max_pages;
  options.threads = request.threads;
  options.max_seconds = std::numeric_limits<double>::infinity();  // the parent keeps time
  auto frame = [out](FrameType type) {
    return [out, type](int n) {
      out->Send(type, internal::wire::EncodeU32(static_cast<uint32_t>(n)));
    };
  };
  internal::PdfProgress progress{frame(FrameType::kOpened), frame(FrameType::kPageStart),
                                 frame(FrameType::kPageDone)};
  Answer answer;
  bool ok = false;
  {
    std::string bytes;
    std::error_code ec = ReadFile(fd, &bytes);
    Result<std::vector<RawPage>> result =
        ec ? Result<std::vector<RawPage>>(Status(
                 Status::Code::kIoError, request.path + ": read error (" + ec.message() + ")"))
        : request.render_pages.empty()
            ? internal::ReadPdfPages(request.path, bytes, options, &progress)
            : Render(request, bytes, out);
    answer.payload = internal::wire::EncodeResult(result);
    ok = result.ok();
  }
  const uint64_t peak = StatusKib("VmHWM:");
  answer.stays = ok && served + 1 < kMaxDocuments;
  if (answer.stays) {
    const uint64_t idle_limit = std::min<uint64_t>(
        kMaxIdleKib, static_cast<uint64_t>(std::max<int64_t>(request.max_memory_mib, 0)) * 256 + kSanitizerKib);
    // Freed memory goes back to the system only when there is much of it: handing it back and
    // faulting it in again for the next document costs more than keeping it.
    if (StatusKib("VmRSS:") >= idle_limit) ::malloc_trim(0);
    answer.stays = ResetPeak() && StatusKib("VmRSS:") < idle_limit;
  }
  internal::wire::SetReaderState(peak, answer.stays, &answer.payload);
  return answer;
}

}  // namespace

int RunPdfReader(int argc, char** argv) {
  uint32_t version = 0;
  pid_t parent = 0;
  if (argc != 4 || std::string_view(argv[1]) != "--child" || !ParseInt(argv[2], &version) ||
      !ParseInt(argv[3], &parent)) {
    return Usage();
  }
  if (version != internal::wire::kVersion) {
    std::fprintf(stderr, "jixiao-pdf-reader: asked for protocol %u, speaks %u (mixed installs?)\n",
                 version, internal::wire::kVersion);
    return 2;
  }
  // Die with the parent thread, even if it is killed: nobody would read what we write, and a
  // document we are stuck in must not outlive its deadline. If the parent is gone already, stop.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) return 1;

  Sender out;
  out.Send(FrameType::kHello, internal::wire::EncodeU32(internal::wire::kVersion));
  for (int served = 0;; ++served) {
    std::string packet;
    int fd = -1;
    if (!ReceiveRequest(&packet, &fd)) return 0;
    auto request = internal::wire::DecodeRequest(packet);
    if (!request || fd < 0) {
      if (fd >= 0) ::close(fd);
      std::fputs("jixiao-pdf-reader: a malformed request\n", stderr);
      return 2;
    }
    Answer answer = Serve(*request, fd, served, &out);
    ::close(fd);
    out.Send(FrameType::kResult, answer.payload);
    if (!answer.stays) return 0;
  }
}

}  // namespace jixiao
