// Pieces of the jixiao command line beyond tools/jixiao.cc: the batch-store subcommands (batch,
// report, stats, merge), registered on the CLI11 app by StoreCommands and run by
// tools/batch_cmd.cc on top of store/; the per-document limit options (tools/limits.cc).
#ifndef JIXIAO_TOOLS_COMMANDS_H_
#define JIXIAO_TOOLS_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "store/query.h"
#include "store/store.h"

namespace jixiao::cli {

// Adds --max-pages, --max-seconds and --max-memory to `cmd`, read into *options (which must
// outlive parsing), and points options->reader at jixiao-pdf-reader next to this executable: every
// PDF is read in one, under those bounds. An invalid value is a usage error.
void AddLimitOptions(CLI::App* cmd, ExtractOptions* options);

class StoreCommands {
 public:
  // Adds the subcommands to `app`; the options are read into this object, which must outlive
  // app.parse().
  explicit StoreCommands(CLI::App& app);

  // After app.parse(): the exit code of the subcommand that was given, or nullopt if it was none
  // of these. Exit codes: 0 clean, 1 error findings, 2 a failed input, a store error or a usage
  // problem.
  std::optional<int> Run();

 private:
  CLI::App* batch_ = nullptr;
  CLI::App* report_ = nullptr;
  CLI::App* stats_ = nullptr;
  CLI::App* merge_ = nullptr;
  std::string db_;
  int jobs_ = 0;
  bool force_ = false, retry_failed_ = false, rehash_ = false;
  std::string progress_ = "auto";
  std::string rules_dir_;
  ExtractOptions extract_;
  std::vector<std::string> inputs_;
  std::string format_ = "text", severity_, check_, department_;
  std::string output_;  // report --format html|xlsx -o FILE
  int WriteDocuments(Store& store, const FindingFilter& filter);
  int year_ = 0;
};

}  // namespace jixiao::cli

#endif  // JIXIAO_TOOLS_COMMANDS_H_
