// jixiao plan; jixiao batch --manifest (one shard); jixiao merge --manifest (coverage): the contract
// between jixiao and the schedulers that run it as array tasks (docs/scale.md).
#include <fmt/format.h>
#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sys/stat.h>
#include <unordered_map>

#include "build_id.h"
#include "rules/rules.h"
#include "store/batch.h"
#include "store/manifest.h"
#include "store/shard.h"
#include "tools/commands.h"

namespace jixiao::cli {

namespace {

constexpr int kExitDone = 0;
constexpr int kExitMissing = 1;     // merge: the merge is written, but documents are missing
constexpr int kExitUsage = 2;       // usage, configuration or rules: do not retry
constexpr int kExitTransient = 75;  // EX_TEMPFAIL: an I/O error, retry the task

int Say(int rc, const std::string& message) {
  std::cerr << "jixiao: " << message << "\n";
  return rc;
}

// A Status from a shard run as the exit code a scheduler acts on.
int ShardExit(const Status& s) {
  switch (s.code()) {
    case Status::Code::kIoError:
    case Status::Code::kNotFound:
      return Say(kExitTransient, s.message() + " (transient: retry the task)");
    default:
      return Say(kExitUsage, s.message());
  }
}

std::string HostName() {
  char buf[256] = {};
  if (::gethostname(buf, sizeof buf - 1) != 0) return "";
  return buf;
}

// A non-negative integer, all digits; nullopt otherwise.
std::optional<int64_t> ParseIndex(const std::string& s) {
  if (s.empty() || s.size() > 9 || !std::all_of(s.begin(), s.end(), ::isdigit)) return std::nullopt;
  return std::stoll(s);
}

bool SameFile(const std::string& a, const std::string& b) {
  struct stat sa{}, sb{};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

std::string UtcNow() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void RemoveDb(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path + suffix).c_str());
}

}  // namespace

ShardCommands::ShardCommands(CLI::App& app, CLI::App* batch, CLI::App* merge) {
  plan_ = app.add_subcommand("plan", "list the documents of a sharded run (a manifest)");
  plan_->add_option("--out", out_, "the manifest file (written whole or not at all; default: stdout)");
  plan_->add_option("-j,--jobs", plan_jobs_, "files hashed in parallel");
  plan_->add_option("PATH", plan_inputs_, "PDF and .txt files, or directories")->required();

  batch->add_option("--manifest", manifest_,
                    "audit one shard of this manifest (from `jixiao plan`) instead of PATHs");
  batch->add_option("--shard-index", shard_index_,
                    "this shard, 0-based (default: $SLURM_ARRAY_TASK_ID, then $JOB_COMPLETION_INDEX)");
  batch->add_option("--shard-count", shard_count_, "the number of shards")
      ->check(CLI::Range(int64_t{1}, int64_t{1} << 20));
  merge->add_option("--manifest", manifest_,
                    "check the inputs are the finished shards of this manifest; report coverage");
}

std::optional<int> ShardCommands::Run(const Context& ctx) {
  if (*plan_) return RunPlan();
  if (manifest_.empty()) {
    if (ctx.batch && (!shard_index_.empty() || shard_count_ > 0)) {
      return Say(kExitUsage, "batch: --shard-index and --shard-count need --manifest");
    }
    return std::nullopt;
  }
  return ctx.batch ? RunShard(ctx) : RunMerge(ctx);
}

int ShardCommands::RunPlan() {
  std::vector<std::string> unreadable;
  int64_t files = 0;
  const int jobs = plan_jobs_ > 0 ? plan_jobs_ : UsableCpus();
  auto entries = PlanManifest(plan_inputs_, jobs, &unreadable, &files);
  const std::string text = FormatManifest(entries);
  if (out_.empty()) {
    std::cout << text << std::flush;
  } else {
    const std::string tmp = out_ + ".tmp." + std::to_string(::getpid());
    {
      std::ofstream o(tmp, std::ios::binary | std::ios::trunc);
      o << text;
      o.flush();
      if (!o) {
        std::remove(tmp.c_str());
        return Say(kExitTransient, out_ + ": cannot write the manifest");
      }
    }
    Status s = PublishFile(tmp, out_);
    if (!s.ok()) {
      std::remove(tmp.c_str());
      return Say(kExitTransient, s.message());
    }
  }
  std::cerr << fmt::format(
      "jixiao plan: {} files, {} documents ({} copies of the same bytes collapsed), {} "
      "unreadable{}\n",
      files, entries.size(), files - static_cast<int64_t>(entries.size() + unreadable.size()),
      unreadable.size(), out_.empty() ? "" : " -> " + out_);
  for (const auto& u : unreadable) std::cerr << "  unreadable (not in the manifest): " << u << "\n";
  return unreadable.empty() ? kExitDone : kExitUsage;
}

int ShardCommands::RunShard(const Context& ctx) {
  if (!ctx.inputs.empty()) return Say(kExitUsage, "batch: --manifest takes no PATH");
  if (shard_count_ < 1) return Say(kExitUsage, "batch: --manifest needs --shard-count N");
  std::string index_text = shard_index_, index_from = "--shard-index";
  for (const char* var : {"SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"}) {
    if (!index_text.empty()) break;
    if (const char* e = std::getenv(var)) {
      index_text = e;
      index_from = std::string("$") + var;
    }
  }
  if (index_text.empty()) {
    return Say(kExitUsage,
               "batch: no shard index: give --shard-index, or run as a Slurm array task "
               "($SLURM_ARRAY_TASK_ID) or a Kubernetes Indexed Job pod ($JOB_COMPLETION_INDEX)");
  }
  auto index = ParseIndex(index_text);
  if (!index || *index >= shard_count_) {
    return Say(kExitUsage, fmt::format("batch: shard index {} (from {}) is not in 0..{}",
                                       index_text, index_from, shard_count_ - 1));
  }
  auto manifest = ReadManifest(manifest_);
  if (!manifest.ok()) return ShardExit(manifest.status());

  auto rules_version = Rules::VersionOf(ctx.rules_dir);
  if (!rules_version.ok()) return Say(kExitUsage, rules_version.status().message());
  std::optional<Rules> rules;
  // Compiled once: a --rules DIR is compiled up front (to refuse a bad one before the shard
  // starts), and RunBatch asks again when a file has to be audited.
  auto load_rules = [&]() -> Result<const Rules*> {
    if (rules) return &*rules;
    auto built = Rules::Builtin();
    if (!built.ok()) return built.status();
    if (!ctx.rules_dir.empty()) {
      Status s = built->AddDir(ctx.rules_dir);
      if (!s.ok()) return s;
    }
    rules = std::move(*built);
    return &*rules;
  };
  if (!ctx.rules_dir.empty()) {
    auto loaded = load_rules();
    if (!loaded.ok()) return Say(kExitUsage, loaded.status().message());
  }
  const Versions versions{JIXIAO_BUILD_ID, *rules_version};

  // This shard's part of the manifest.
  std::vector<ManifestEntry> mine;
  std::unordered_map<std::string, std::string> expected;
  std::vector<std::string> files;
  for (const auto& e : manifest->entries) {
    if (ShardOf(e.hash, static_cast<uint32_t>(shard_count_)) != *index) continue;
    mine.push_back(e);
    expected.emplace(e.path, e.hash);
    files.push_back(e.path);
  }
  std::sort(files.begin(), files.end());

  std::string db = ctx.db;
  if (auto at = db.find("{index}"); at != std::string::npos) db.replace(at, 7, index_text);
  const std::string tmp = db + ".tmp." + HostName() + "." + std::to_string(::getpid());
  RemoveDb(tmp);
  struct Cleanup {
    std::string path;
    ~Cleanup() {
      if (!path.empty()) RemoveDb(path);
    }
  } cleanup{tmp};

  ShardRun run;
  run.index = *index;
  run.count = shard_count_;
  run.manifest_sha256 = manifest->digest;
  run.versions = versions;
  run.host = HostName();
  run.started_at = UtcNow();
  {
    auto store = Store::Open(tmp);
    if (!store.ok()) return ShardExit(store.status());
    BatchOptions options;
    options.jobs = ctx.jobs > 0 ? ctx.jobs : UsableCpus();
    options.extract = ctx.extract;
    options.rehash = true;  // a fresh database: nothing to pass over
    options.expected_hash = &expected;
    BatchSummary summary;
    Status s = RunBatch(*store, files, load_rules, versions, options, [](const BatchItem&) {},
                        &summary);
    if (!s.ok()) return ShardExit(s);
    auto cov = CoverageOf(*store, mine, versions);
    if (!cov.ok()) return ShardExit(cov.status());
    // A file that could not even be opened is an I/O problem of this node (a mount, a
    // permission): nothing is published, the task is to be retried.
    if (!cov->missing.empty()) {
      for (const auto& [path, why] : summary.failed) {
        if (std::any_of(cov->missing.begin(), cov->missing.end(),
                        [&](const ManifestEntry& e) { return e.path == path; })) {
          std::cerr << "  unreadable: " << why << "\n";
        }
      }
      return Say(kExitTransient,
                 fmt::format("batch: shard {} of {}: {} of {} documents could not be read; the "
                             "shard database is not written (transient: retry the task)",
                             *index, shard_count_, cov->missing.size(), mine.size()));
    }
    run.expected = cov->expected;
    run.done = cov->merged;
    run.failed = static_cast<int64_t>(cov->failed.size());
    run.finished_at = UtcNow();
    s = WriteShardRun(*store, run);
    if (s.ok()) s = Seal(*store);
    if (!s.ok()) return ShardExit(s);
  }
  // No journal of an older shard database may be taken for this one's.
  for (const char* suffix : {"-wal", "-shm", "-journal"}) std::remove((db + suffix).c_str());
  Status s = PublishFile(tmp, db);
  if (!s.ok()) return ShardExit(s);
  cleanup.path.clear();
  std::cerr << fmt::format(
      "jixiao batch: shard {} of {} -> {}: {} expected, {} done, {} failed (bad documents are "
      "recorded, not task failures)\n",
      run.index, run.count, db, run.expected, run.done, run.failed);
  return kExitDone;
}

int ShardCommands::RunMerge(const Context& ctx) {
  auto manifest = ReadManifest(manifest_);
  if (!manifest.ok()) return Say(kExitUsage, manifest.status().message());
  // Every input first, before anything is written: sound, finished, and of one run.
  std::optional<ShardRun> first;
  std::string first_db;
  std::map<int64_t, std::string> by_index;
  for (const auto& in : ctx.inputs) {
    if (SameFile(in, ctx.db)) {
      return Say(kExitUsage, in + ": is the database being merged into (--db " + ctx.db +
                                 "): a database cannot be merged into itself");
    }
    Status c = CheckInputDatabase(in);
    if (!c.ok()) return Say(kExitUsage, c.message());
    auto store = Store::Open(in, /*read_only=*/true);
    if (!store.ok()) return Say(kExitUsage, store.status().message());
    auto runs = ShardRuns(*store);
    if (!runs.ok()) return Say(kExitUsage, runs.status().message());
    if (runs->empty()) {
      return Say(kExitUsage, in + ": not a finished shard (no completion row: the task did not "
                                  "finish, or this is a plain batch database)");
    }
    for (const ShardRun& r : *runs) {
      if (!first) {
        first = r;
        first_db = in;
      }
      if (r.manifest_sha256 != manifest->digest) {
        return Say(kExitUsage, in + ": shard " + std::to_string(r.index) + " was made from another "
                                    "manifest than " + manifest_ + " (refusing a mix of runs)");
      }
      if (r.count != first->count) {
        return Say(kExitUsage, fmt::format("{}: shard {} of {}, but {} is one of {} (refusing a "
                                           "mix of shard counts)",
                                           in, r.index, r.count, first_db, first->count));
      }
      if (r.versions.jixiao != first->versions.jixiao || r.versions.rules != first->versions.rules) {
        return Say(kExitUsage,
                   fmt::format("{}: audited with build {} and rules {}, but {} with build {} and "
                               "rules {} (refusing a mix: re-run the shards with one build)",
                               in, r.versions.jixiao, r.versions.rules, first_db,
                               first->versions.jixiao, first->versions.rules));
      }
      auto [it, fresh] = by_index.emplace(r.index, in);
      if (!fresh) {
        return Say(kExitUsage, fmt::format("{}: shard {} is also in {} (give each shard once)", in,
                                           r.index, it->second));
      }
      // The shard holds exactly what its completion row says.
      std::vector<ManifestEntry> part;
      for (const auto& e : manifest->entries) {
        if (ShardOf(e.hash, static_cast<uint32_t>(r.count)) == r.index) part.push_back(e);
      }
      if (runs->size() == 1) {
        auto cov = CoverageOf(*store, part, r.versions);
        if (!cov.ok()) return Say(kExitUsage, cov.status().message());
        if (cov->expected != r.expected || cov->merged != r.done ||
            static_cast<int64_t>(cov->failed.size()) != r.failed || !cov->missing.empty()) {
          return Say(kExitUsage,
                     fmt::format("{}: shard {} does not hold what its completion row says ({} "
                                 "expected, {} done, {} failed; found {}, {}, {}, {} missing)",
                                 in, r.index, r.expected, r.done, r.failed, cov->expected,
                                 cov->merged, cov->failed.size(), cov->missing.size()));
        }
      }
      std::cerr << fmt::format("jixiao merge: {}: shard {} of {}: {} expected, {} done, {} failed "
                               "({}, {})\n",
                               in, r.index, r.count, r.expected, r.done, r.failed, r.host,
                               r.finished_at);
    }
  }
  auto out = Store::Open(ctx.db);
  if (!out.ok()) return Say(kExitUsage, out.status().message());
  std::vector<std::string> conflicts;
  for (const auto& in : ctx.inputs) {
    auto counts = out->Merge(in, /*check=*/false, /*cross_year=*/false);
    if (!counts.ok()) return Say(kExitUsage, counts.status().message());
    conflicts.insert(conflicts.end(), counts->conflicts.begin(), counts->conflicts.end());
  }
  if (Status r = out->RecomputeAllCrossYear(); !r.ok()) return Say(kExitUsage, r.message());
  const Versions versions = first ? first->versions : Versions{JIXIAO_BUILD_ID, ""};
  auto cov = CoverageOf(*out, manifest->entries, versions);
  if (!cov.ok()) return Say(kExitUsage, cov.status().message());
  const int64_t count = first ? first->count : 0;
  std::string absent;
  for (int64_t i = 0; i < count; ++i) {
    if (!by_index.count(i)) absent += (absent.empty() ? "" : ", ") + std::to_string(i);
  }
  std::cerr << fmt::format(
      "jixiao merge: coverage of {} in {}: {} expected, {} merged, {} failed, {} missing\n",
      manifest_, ctx.db, cov->expected, cov->merged, cov->failed.size(), cov->missing.size());
  if (!absent.empty()) std::cerr << "  shards not given: " << absent << "\n";
  for (const auto& [path, why] : cov->failed) std::cerr << "  failed: " << why << "\n";
  for (const auto& e : cov->missing) {
    std::cerr << fmt::format("  missing: {} (shard {})\n", e.path,
                             count > 0 ? std::to_string(ShardOf(e.hash, static_cast<uint32_t>(count)))
                                       : std::string("?"));
  }
  for (const auto& c : conflicts) std::cerr << "jixiao: " << c << "\n";
  if (!conflicts.empty()) return kExitUsage;
  return cov->missing.empty() ? kExitDone : kExitMissing;
}

}  // namespace jixiao::cli
