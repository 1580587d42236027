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

// jixiao audit (tools/audit_cmd.cc).
struct AuditArgs {
  std::vector<std::string> files;
  std::string format = "text", out, rules_dir, reviews, severity;
  bool quiet = false;
  ExtractOptions opts;
};
CLI::App* AddAuditCommand(CLI::App& app, AuditArgs* args);
int RunAudit(const AuditArgs& args);

// jixiao review and jixiao checks (tools/review_cmd.cc).
struct ReviewArgs {
  std::string db, reviews, id, why, by;
  bool accept = false, dismiss = false;
  std::string checks_format = "text";
};
void AddReviewCommands(CLI::App& app, ReviewArgs* args, CLI::App** review, CLI::App** checks);
int RunReview(const ReviewArgs& args);
int RunChecks(const ReviewArgs& args);

// `jixiao completion bash` and `jixiao man` (tools/completion.cc): from the CLI definition.
std::string BashCompletion(const CLI::App& app);
std::string ManPage(const CLI::App& app, const std::string& version);

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
  std::string output_;  // report -o FILE, stats -o FILE
  bool all_ = false;    // report --all: decided findings too
  bool quiet_ = false;
  int year_ = 0;
  int RunReport();
  int RunStats();
};

}  // namespace jixiao::cli

#endif  // JIXIAO_TOOLS_COMMANDS_H_
