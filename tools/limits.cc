// --max-pages, --max-seconds and --max-memory: the per-document bounds every command that reads
// documents takes, and the PDF reader process they are enforced on.
#include <unistd.h>

#include <climits>
#include <cmath>
#include <cstdint>
#include <string>

#include "tools/commands.h"

namespace jixiao::cli {

namespace {

// jixiao-pdf-reader in the directory of this executable; a bare name (which will not start, with a
// clear error per PDF) if /proc cannot say where that is.
std::string ReaderNextToSelf() {
  const std::string name = "jixiao-pdf-reader";
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf);
  if (n <= 0 || static_cast<size_t>(n) >= sizeof buf) return name;
  std::string self(buf, static_cast<size_t>(n));
  size_t slash = self.rfind('/');
  return slash == std::string::npos ? name : self.substr(0, slash + 1) + name;
}

}  // namespace

void AddLimitOptions(CLI::App* cmd, ExtractOptions* options) {
  options->reader = ReaderNextToSelf();
  cmd->add_option("--max-pages", options->max_pages, "refuse documents with more pages")
      ->check(CLI::Range(0, INT_MAX))
      ->capture_default_str();
  cmd->add_option("--max-seconds", options->max_seconds,
                  "time bound for reading one document (the PDF reader is killed then)")
      ->check(CLI::Validator(
          [](std::string& s) -> std::string {
            double v = 0;
            try {
              v = std::stod(s);
            } catch (const std::exception&) {
              return "not a number: " + s;
            }
            return std::isfinite(v) && v >= 0 ? "" : "must be a number of seconds >= 0: " + s;
          },
          "SECONDS>=0"))
      ->capture_default_str();
  cmd->add_option("--max-memory", options->max_memory_mib,
                  "memory bound for reading one PDF, MiB (the PDF reader is killed over it)")
      ->check(CLI::Range(int64_t{1}, int64_t{1} << 20))
      ->capture_default_str();
}

}  // namespace jixiao::cli
