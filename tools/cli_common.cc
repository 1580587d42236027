// Ui, MakeProvenance, DidYouMean, the failure message.
#include "tools/cli_common.h"

#include <sched.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <iostream>

#include "audit/finding.h"
#include "build_id.h"
#include "report/atomic_file.h"
#include "report/printable.h"
#include "report/wrap.h"

namespace jixiao::cli {

Ui& GlobalUi() {
  static Ui ui;
  return ui;
}

bool Ui::Color(int fd) const {
  if (color_flag == "always") return true;
  if (color_flag == "never") return false;
  if (std::getenv("NO_COLOR") != nullptr) return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string(term) == "dumb") return false;
  return isatty(fd) != 0;
}

int Ui::Width() {
  if (isatty(1) == 0) return 0;
  if (const char* c = std::getenv("COLUMNS")) {
    int n = std::atoi(c);
    if (n > 20) return n;
  }
  winsize ws{};
  if (ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20) return ws.ws_col;
  return 0;
}

std::string UtcTime() {
  std::time_t t = std::time(nullptr);
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH")) t = static_cast<std::time_t>(std::atoll(e));
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Provenance MakeProvenance(const std::string& rules_version) {
  return Provenance{std::string("jixiao ") + JIXIAO_BUILD_ID, rules_version, UtcTime()};
}

namespace {

size_t Distance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

std::string DidYouMean(const std::string& word, const std::vector<std::string>& choices) {
  std::string best;
  size_t best_d = 3;
  for (const auto& c : choices) {
    size_t d = Distance(word, c);
    if (!word.empty() && c.rfind(word, 0) == 0) d = std::min<size_t>(d, 1);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

// One line: a file name or a document's text in the message is shown escaped (a newline in a name
// cannot forge a second error line, an ESC sequence is not obeyed).
int Fail(const std::string& message) {
  std::cerr << "jixiao: " << Printable(message) << "\n";
  return 2;
}

std::string FailureMessage(const CLI::App* app, const CLI::Error& e) {
  std::string name = app->get_name();
  std::string cmd = name.empty() || name == "jixiao" ? "jixiao" : "jixiao " + name;
  return "jixiao: " + std::string(e.what()) + "\n(" + cmd + " --help lists the options)\n";
}

std::string Pad(const std::string& s, int width, bool right) {
  int w = DisplayWidth(s);
  std::string pad(static_cast<size_t>(std::max(0, width - w)), ' ');
  return right ? pad + s : s + pad;
}

Status ToOutput(const std::string& path, const std::string& db,
                const std::function<void(std::ostream&)>& write) {
  if (path.empty() || path == "-") {
    write(std::cout);
    std::cout.flush();
    return std::cout ? Status::Ok()
                     : Status(Status::Code::kIoError, "standard output: cannot write");
  }
  if (!db.empty()) {
    Status refused = RefuseInput(path, {db, db + "-wal", db + "-shm", db + "-journal"}, "the database");
    if (!refused.ok()) return refused;
  }
  return WriteStreamAtomically(path, [&](std::ostream& os) {
    write(os);
    return Status::Ok();
  });
}

std::vector<std::string> CheckIds() {
  std::vector<std::string> ids;
  for (int i = 0; i < kNumCheckIds; ++i) ids.push_back(CheckName(static_cast<CheckId>(i)));
  return ids;
}

}  // namespace jixiao::cli

namespace jixiao::cli {

StdinFile::~StdinFile() {
  if (!path_.empty()) ::unlink(path_.c_str());
}

Result<std::string> StdinFile::Path() {
  if (!path_.empty()) return path_;
  std::string data;
  char buf[65536];
  for (ssize_t n; (n = ::read(0, buf, sizeof buf)) != 0;) {
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status(Status::Code::kIoError, "standard input: cannot read");
    }
    data.append(buf, static_cast<size_t>(n));
  }
  if (data.empty()) return Status(Status::Code::kEmpty, "standard input: empty");
  const bool pdf = data.find("%PDF-") < 1024;
  const char* dir = std::getenv("TMPDIR");
  std::string templ =
      std::string(dir && *dir ? dir : "/tmp") + "/jixiao-stdin-XXXXXX" + (pdf ? ".pdf" : ".txt");
  int fd = ::mkstemps(templ.data(), 4);
  if (fd < 0) return Status(Status::Code::kIoError, "standard input: cannot make a temporary file");
  path_ = templ;
  for (size_t off = 0; off < data.size();) {
    ssize_t n = ::write(fd, data.data() + off, data.size() - off);
    if (n <= 0) {
      ::close(fd);
      return Status(Status::Code::kIoError, "standard input: cannot write " + path_);
    }
    off += static_cast<size_t>(n);
  }
  ::close(fd);
  return path_;
}

std::optional<Severity> SeverityFrom(const std::string& s) {
  if (s == "error") return Severity::kError;
  if (s == "warning") return Severity::kWarning;
  if (s == "info") return Severity::kInfo;
  return std::nullopt;
}

int UsableCpus() {
  if (const char* e = std::getenv("SLURM_CPUS_PER_TASK")) {
    int n = std::atoi(e);
    if (n > 0) return n;
  }
  cpu_set_t set;
  CPU_ZERO(&set);
  if (::sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0) return CPU_COUNT(&set);
  return 1;
}

}  // namespace jixiao::cli
