// The PDF reader process (see reader.h): the PDF on standard input → ReadPdfPages → frames on
// standard output (wire.h).
#include "extract/reader.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

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

// All of standard input, or an errno value.
std::error_code ReadStdin(std::string* out) {
  struct stat st {};
  if (::fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    out->reserve(static_cast<size_t>(st.st_size));
  }
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return std::error_code(errno, std::generic_category());
    if (n == 0) return {};
    out->append(buf, static_cast<size_t>(n));
  }
}

// This process's peak resident set size (VmHWM) in KiB; 0 if /proc does not say.
uint64_t PeakRssKib() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.compare(0, 6, "VmHWM:") != 0) continue;
    size_t i = line.find_first_of("0123456789");
    uint64_t kib = 0;
    if (i != std::string::npos) std::from_chars(line.data() + i, line.data() + line.size(), kib);
    return kib;
  }
  return 0;
}

template <typename T>
bool ParseInt(std::string_view s, T* v) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
  return ec == std::errc() && end == s.data() + s.size();
}

int Usage() {
  std::fputs(
      "jixiao-pdf-reader: reads one PDF for jixiao, which starts it; not to be run by hand\n",
      stderr);
  return 2;
}

}  // namespace

int RunPdfReader(int argc, char** argv) {
  uint32_t version = 0;
  pid_t parent = 0;
  ExtractOptions options;
  if (argc != 7 || std::string_view(argv[1]) != "--child" || !ParseInt(argv[2], &version) ||
      !ParseInt(argv[3], &parent) || !ParseInt(argv[4], &options.max_pages) ||
      !ParseInt(argv[5], &options.threads)) {
    return Usage();
  }
  if (version != internal::wire::kVersion) {
    std::fprintf(stderr, "jixiao-pdf-reader: asked for protocol %u, speaks %u (mixed installs?)\n",
                 version, internal::wire::kVersion);
    return 2;
  }
  const std::string path = argv[6];
  // Die with the parent, even if it is killed: nobody would read what we write. If it is gone
  // already, stop now.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) return 1;
  // The parent keeps time and kills us at its deadline.
  options.max_seconds = std::numeric_limits<double>::infinity();

  Sender out;
  out.Send(FrameType::kHello, internal::wire::EncodeU32(internal::wire::kVersion));
  std::string bytes;
  std::error_code ec = ReadStdin(&bytes);
  auto page_frame = [&out](FrameType type) {
    return [&out, type](int n) { out.Send(type, internal::wire::EncodeU32(static_cast<uint32_t>(n))); };
  };
  internal::PdfProgress progress{page_frame(FrameType::kOpened), page_frame(FrameType::kPageStart),
                                 page_frame(FrameType::kPageDone)};
  Result<std::vector<RawPage>> result =
      ec ? Result<std::vector<RawPage>>(
               Status(Status::Code::kIoError, path + ": read error (" + ec.message() + ")"))
         : internal::ReadPdfPages(path, bytes, options, &progress);
  std::string().swap(bytes);
  std::string payload = internal::wire::EncodeResult(result, 0);
  internal::wire::SetPeak(PeakRssKib(), &payload);
  out.Send(FrameType::kResult, payload);
  return 0;
}

}  // namespace jixiao
