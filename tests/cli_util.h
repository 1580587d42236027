// Helpers of the report tests that run the built jixiao in a shell: a fresh folder, a command
// run there with the test's environment, and its output.
#ifndef JIXIAO_TESTS_CLI_UTIL_H_
#define JIXIAO_TESTS_CLI_UTIL_H_

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace jixiao::cli_test {

namespace fs = std::filesystem;

inline const std::string kBin = JIXIAO_BINARY;
inline const std::string kSrc = JIXIAO_SOURCE_DIR;

inline std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline bool Has(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

// Runs `cmd` (J = jixiao, S = the source tree) in `dir`, LANG unset; returns stdout.
inline std::string Run(const std::string& cmd, const fs::path& dir, int* rc = nullptr) {
  const fs::path o = dir / "stdout";
  std::string full = "cd '" + dir.string() +
                     "' && unset LANG LC_ALL LC_MESSAGES; export NO_COLOR=1; J='" + kBin +
                     "'; S='" + kSrc + "'; (" + cmd + ") >'" + o.string() + "' 2>/dev/null";
  int status = std::system(full.c_str());
  if (rc) *rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return Slurp(o);
}

// An empty folder `name` in a temporary folder of `suite` and this process.
inline fs::path Fresh(const std::string& suite, const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("jixiao-" + suite + "-" + std::to_string(::getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace jixiao::cli_test

#endif  // JIXIAO_TESTS_CLI_UTIL_H_
