// bench_extract: times jixiao::LoadDocument (extraction + normalization) against `pdftotext FILE
// /dev/null` on the same files in the same run, and reports peak RSS of both.
//
//   bench_extract [-n N] [-t THREADS] [-r] [FILE.pdf ...]   (default: the 3 corpus PDFs, N = 10)
//
// -r reads each PDF in a jixiao-pdf-reader process, as the CLI does (the reader built next to
// bench_extract); without it, in this process. The difference is the cost of the reader process.
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "extract/extract.h"

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

// Runs `pdftotext file /dev/null` and waits; false if it could not run or failed.
bool RunPdftotext(const std::string& file) {
  std::string prog = "pdftotext";
  std::string out = "/dev/null";
  std::vector<char*> argv = {prog.data(), const_cast<char*>(file.c_str()), out.data(), nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, "pdftotext", nullptr, nullptr, argv.data(), environ) != 0) return false;
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return false;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// Peak RSS of one `pdftotext file /dev/null` in MiB, measured by /usr/bin/time (GNU time), or a
// negative number if that is not installed. (getrusage(RUSAGE_CHILDREN) cannot tell: a child
// spawned from this process is charged this process's peak at exec.)
double PdftotextPeakMiB(const std::string& file) {
  if (access("/usr/bin/time", X_OK) != 0) return -1;
  char tmp[] = "/tmp/bench_extract_XXXXXX";
  int fd = mkstemp(tmp);
  if (fd < 0) return -1;
  close(fd);
  std::string time = "/usr/bin/time", f = "-f", fmt = "%M", o = "-o", prog = "pdftotext",
              out = "/dev/null";
  std::vector<char*> argv = {time.data(), f.data(), fmt.data(), o.data(), tmp, prog.data(),
                             const_cast<char*>(file.c_str()), out.data(), nullptr};
  double mib = -1;
  pid_t pid = 0;
  int status = 0;
  if (posix_spawn(&pid, time.c_str(), nullptr, nullptr, argv.data(), environ) == 0 &&
      waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    if (FILE* in = std::fopen(tmp, "r")) {
      long kib = 0;
      if (std::fscanf(in, "%ld", &kib) == 1) mib = static_cast<double>(kib) / 1024;
      std::fclose(in);
    }
  }
  std::remove(tmp);
  return mib;
}

// The median of `ms` (sorted in place).
double Median(std::vector<double>& ms) {
  std::sort(ms.begin(), ms.end());
  size_t n = ms.size();
  return n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
  jixiao::InstallInProcessPdf();  // the in-process runs
  int reps = 10;
  jixiao::ExtractOptions options;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "-n") == 0 && i + 1 < argc) {
      reps = std::max(1, std::atoi(argv[++i]));
    } else if (std::strcmp(argv[i], "-t") == 0 && i + 1 < argc) {
      options.threads = std::atoi(argv[++i]);
    } else if (std::strcmp(argv[i], "-r") == 0) {
      options.reader = JIXIAO_PDF_READER;
    } else if (argv[i][0] == '-') {
      std::fprintf(stderr, "usage: bench_extract [-n N] [-t THREADS] [-r] [FILE.pdf ...]\n");
      return 2;
    } else {
      files.push_back(argv[i]);
    }
  }
  if (files.empty()) {
    for (const char* f : {"lechang-county-2024.pdf", "meizhou-city-2021.pdf",
                          "meizhou-city-2024.pdf"}) {
      files.push_back(std::string(JIXIAO_SOURCE_DIR) + "/corpus/" + f);
    }
  }

  std::printf("%d repetitions each, median wall time; threads=%d (0 = all cores); %s", reps,
              options.threads,
              options.reader.empty() ? "in process" : "in a jixiao-pdf-reader process");
  // Other processes on the machine skew both columns: say how busy it was.
  if (FILE* in = std::fopen("/proc/loadavg", "r")) {
    double load = 0;
    if (std::fscanf(in, "%lf", &load) == 1) {
      std::printf("; %u cores, load average %.2f", std::thread::hardware_concurrency(), load);
    }
    std::fclose(in);
  }
  std::printf("\n\n");
  std::printf("| file | pages | jixiao ms | pdftotext ms | ratio | pdftotext peak RSS MiB |\n");
  std::printf("|---|---:|---:|---:|---:|---:|\n");
  int status = 0;
  for (const std::string& f : files) {
    std::vector<double> ours, theirs;
    size_t pages = 0;
    bool ok = true;
    // Interleave the two so that load from other processes hits both alike.
    for (int r = 0; r < reps && ok; ++r) {
      Clock::time_point t0 = Clock::now();
      auto doc = jixiao::LoadDocument(f, options);
      Clock::time_point t1 = Clock::now();
      if (!doc.ok()) {
        std::fprintf(stderr, "bench_extract: %s\n", doc.status().message().c_str());
        ok = false;
        break;
      }
      pages = doc->pages.size();
      ours.push_back(Ms(t1 - t0));
      Clock::time_point t2 = Clock::now();
      if (!RunPdftotext(f)) {
        std::fprintf(stderr, "bench_extract: pdftotext failed on %s\n", f.c_str());
        ok = false;
        break;
      }
      theirs.push_back(Ms(Clock::now() - t2));
    }
    if (!ok) {
      status = 1;
      continue;
    }
    std::string name = f.substr(f.find_last_of('/') + 1);
    double a = Median(ours), b = Median(theirs);
    double rss = PdftotextPeakMiB(f);
    std::printf("| %s | %zu | %.1f | %.1f | %.2f | ", name.c_str(), pages, a, b, a / b);
    if (rss >= 0) {
      std::printf("%.1f |\n", rss);
    } else {
      std::printf("n/a |\n");
    }
  }
  struct rusage self {};
  getrusage(RUSAGE_SELF, &self);  // ru_maxrss is in KiB on Linux
  std::printf("\njixiao peak RSS (this process, all files%s): %.1f MiB\n",
              options.reader.empty() ? "" : "; not the readers",
              static_cast<double>(self.ru_maxrss) / 1024);
  return status;
}
