// What every jixiao subcommand shares: the language and colour of its output, the terminal width,
// the provenance stamped on exports, "did you mean", and the CLI11 failure message.
#ifndef JIXIAO_TOOLS_CLI_COMMON_H_
#define JIXIAO_TOOLS_CLI_COMMON_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "report/report.h"

namespace jixiao::cli {

// The global options (--lang, --color), read by main before any subcommand runs.
struct Ui {
  std::string lang_flag;            // --lang zh|en; "" = LANG
  std::string color_flag = "auto";  // --color auto|always|never
  Lang lang = Lang::kZh;
  // Colour on `fd`: always / never / auto = a terminal, NO_COLOR unset and TERM not "dumb".
  bool Color(int fd) const;
  // Terminal columns of standard output when it is a terminal (COLUMNS, else the ioctl), else 0.
  static int Width();
};
Ui& GlobalUi();

// "jixiao 0.1.0+abc123def456", the rules digest, and the time of the run (SOURCE_DATE_EPOCH when
// set, so that outputs can be reproduced; else now), UTC.
Provenance MakeProvenance(const std::string& rules_version);
std::string UtcTime();

// The closest of `choices` to `word` (edit distance at most 2, or a prefix), "" when none.
std::string DidYouMean(const std::string& word, const std::vector<std::string>& choices);

// "jixiao: <message>" on stderr. Returns 2 (the exit code of trouble).
int Fail(const std::string& message);

// The CPUs this process may run on (a Slurm task's or a container's share, not the machine's).
int UsableCpus();

// CLI11's messages with the "jixiao:" prefix and a pointer to --help.
std::string FailureMessage(const CLI::App* app, const CLI::Error& e);

// `s` padded with spaces to `width` terminal columns (CJK counts two), right-aligned if `right`.
std::string Pad(const std::string& s, int width, bool right = false);

// Runs `write` on the file `path` (written atomically) or, when `path` is empty or "-", standard
// output. A `path` that is the database `db` (or its -wal, -shm, -journal) is refused first.
Status ToOutput(const std::string& path, const std::string& db,
                const std::function<void(std::ostream&)>& write);

// Every check id, for validation and `jixiao checks`.
std::vector<std::string> CheckIds();

// --severity's word (error / warning / info) as a severity; nullopt for any other word.
std::optional<Severity> SeverityFrom(const std::string& s);

}  // namespace jixiao::cli

namespace jixiao::cli {

// Standard input ("-" on the command line) copied to a temporary file, whose name ends in .pdf
// when the bytes start like a PDF, else .txt (readers open files by name). Removed on destruction.
class StdinFile {
 public:
  StdinFile() = default;
  StdinFile(const StdinFile&) = delete;
  StdinFile& operator=(const StdinFile&) = delete;
  ~StdinFile();
  // Reads standard input once; the path, or an error.
  Result<std::string> Path();

 private:
  std::string path_;
};

}  // namespace jixiao::cli

#endif  // JIXIAO_TOOLS_CLI_COMMON_H_
