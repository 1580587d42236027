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
  int jobs = 0;  // documents audited at once; 0: one per usable CPU
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

// plan, and the --manifest modes of batch (one shard) and merge (coverage): tools/shard_cmd.cc,
// docs/scale.md. Registered by StoreCommands on its batch and merge subcommands.
class ShardCommands {
 public:
  ShardCommands(CLI::App& app, CLI::App* batch, CLI::App* merge);

  // What batch and merge were given besides.
  struct Context {
    bool batch = false;  // batch, else merge
    const std::string& db;
    int jobs;
    const std::string& rules_dir;
    const ExtractOptions& extract;
    const std::vector<std::string>& inputs;
  };
  // After app.parse(): the exit code of plan, or of batch or merge with --manifest; nullopt
  // otherwise. A shard's exit codes: 0 done (bad documents are recorded, not failures), 2 usage,
  // configuration or rules (do not retry), 75 a transient I/O error (retry). merge --manifest:
  // 0 complete, 1 merged but documents missing, 2 refused (or a determinism bug).
  std::optional<int> Run(const Context& ctx);

 private:
  int RunPlan();
  int RunShard(const Context& ctx);
  int RunMerge(const Context& ctx);
  CLI::App* plan_ = nullptr;
  std::string out_;
  int plan_jobs_ = 0;
  std::vector<std::string> plan_inputs_;
  std::string manifest_, shard_index_;
  int64_t shard_count_ = 0;
};

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
  std::optional<ShardCommands> shard_;
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
  bool projects_ = false, across_years_ = false;  // stats --projects [--across-years]
  std::string unit_;                              // stats --projects --unit
  int RunReport();
  int RunStats();
  int RunProjects();  // tools/projects_cmd.cc
};

}  // namespace jixiao::cli

#endif  // JIXIAO_TOOLS_COMMANDS_H_
