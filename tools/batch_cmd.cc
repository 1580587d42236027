// jixiao batch | report | stats | merge: thin wrappers over store/ (see docs/batch.md).
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "report/printable.h"
#include "rules/rules.h"
#include "store/batch.h"
#include "store/query.h"
#include "store/store.h"
#include "tools/commands.h"
#include "build_id.h"
#include "report/report.h"

namespace jixiao::cli {

namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitTrouble = 2;

int Fail(const std::string& message) {
  std::cerr << "jixiao: " << Printable(message) << "\n";
  return kExitTrouble;
}

std::string Duration(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  if (s >= 3600) return fmt::format("{}h{:02}m", s / 3600, s / 60 % 60);
  if (s >= 60) return fmt::format("{}m{:02}s", s / 60, s % 60);
  return fmt::format("{}s", s);
}

std::string JoinPath(const std::vector<std::string>& path) {
  std::string out;
  for (const auto& p : path) out += (out.empty() ? "" : " / ") + Printable(p);
  return out;
}

// The progress line on stderr.
class Progress {
 public:
  Progress(size_t total, bool show) : total_(total), show_(show), start_(Clock::now()) {}

  void Add(const BatchItem& item) {
    ++done_;
    failed_ += item.stored.failed;
    if (!show_) return;
    auto now = Clock::now();
    if (done_ != total_ && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    double rate = secs > 0 ? static_cast<double>(done_) / secs : 0;
    std::string eta = rate > 0 ? Duration(static_cast<double>(total_ - done_) / rate) : "?";
    std::cerr << fmt::format("\r\x1b[K[{}/{}] {:.1f} docs/s, ETA {}, {} failed", done_, total_,
                             rate, eta, failed_)
              << std::flush;
  }

  // The end-of-run summary.
  void Summary(const BatchSummary& s) const {
    if (show_ && done_ > 0) std::cerr << "\n";
    double secs = std::chrono::duration<double>(Clock::now() - start_).count();
    std::cerr << fmt::format(
        "jixiao batch: {} documents ({} audited, {} unchanged, {} failed) in {:.1f}s; unchanged "
        "files: {} not re-read, {} re-hashed; {} pages; findings: {} error, {} warning, {} info",
        s.files, s.audited, s.unchanged + s.rehashed, s.failed.size(), secs, s.unchanged,
        s.rehashed, s.pages, s.errors, s.warnings, s.infos);
    if (s.cross_year > 0) std::cerr << fmt::format(" ({} cross-year)", s.cross_year);
    std::cerr << "\n";
    auto failed = s.failed;
    std::sort(failed.begin(), failed.end());
    for (const auto& [path, why] : failed) std::cerr << "  failed: " << Printable(why) << "\n";
  }

 private:
  using Clock = std::chrono::steady_clock;
  size_t total_, done_ = 0, failed_ = 0;
  bool show_;
  Clock::time_point start_, last_;
};

void PrintFindingText(const FindingRow& r) {
  const Finding& f = r.finding;
  // Text from documents and file names is shown escaped (report/printable.h).
  const auto P = [](const std::string& s) { return Printable(s); };
  std::cout << fmt::format("{}:{}:{}: {} {}", P(r.path), f.page, f.line, SeverityName(f.severity),
                           P(r.check));
  if (!f.path.empty()) std::cout << " [" << JoinPath(f.path) << "]";
  if (!f.stated.empty() || !f.recomputed.empty()) {
    std::cout << ": stated " << P(f.stated) << ", recomputed " << P(f.recomputed);
  }
  if (!f.arithmetic.empty()) std::cout << " (" << P(f.arithmetic) << ")";
  if (!r.other_path.empty()) {
    std::cout << fmt::format(" [vs {}:{}:{}]", P(r.other_path), r.other_page, r.other_line);
  }
  std::cout << "\n";
  if (!f.quote.empty()) std::cout << "    " << P(f.quote) << "\n";
}

void PrintFindingJson(const FindingRow& r) {
  const Finding& f = r.finding;
  nlohmann::ordered_json j;
  j["file"] = r.path;
  j["document"] = r.document;
  j["department"] = r.department;
  j["year"] = r.year;
  j["check"] = r.check;
  j["severity"] = SeverityName(f.severity);
  j["page"] = f.page;
  j["line"] = f.line;
  j["quote"] = f.quote;
  j["path"] = f.path;
  j["stated"] = f.stated;
  j["recomputed"] = f.recomputed;
  j["arithmetic"] = f.arithmetic;
  if (f.bbox) j["bbox"] = {f.bbox->x0, f.bbox->y0, f.bbox->x1, f.bbox->y1};
  if (!r.other_path.empty()) {
    j["other_file"] = r.other_path;
    j["other_page"] = r.other_page;
    j["other_line"] = r.other_line;
    j["other_quote"] = r.other_quote;
  }
  std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

void PrintFindingCsv(const FindingRow& r) {
  const Finding& f = r.finding;
  std::vector<std::string> cells = {r.path,
                                    r.document,
                                    r.department,
                                    r.year ? std::to_string(r.year) : "",
                                    r.check,
                                    SeverityName(f.severity),
                                    std::to_string(f.page),
                                    std::to_string(f.line),
                                    JoinPath(f.path),
                                    f.stated,
                                    f.recomputed,
                                    f.arithmetic,
                                    f.quote,
                                    r.other_path,
                                    r.other_path.empty() ? "" : std::to_string(r.other_page),
                                    r.other_path.empty() ? "" : std::to_string(r.other_line)};
  for (size_t i = 0; i < cells.size(); ++i) std::cout << (i ? "," : "") << CsvField(cells[i]);
  std::cout << "\r\n";
}

}  // namespace

StoreCommands::StoreCommands(CLI::App& app) {
  batch_ = app.add_subcommand("batch", "audit many files into a SQLite database");
  batch_->add_option("--db", db_, "the database (created if missing)")->required();
  batch_->add_option("-j,--jobs", jobs_, "documents audited in parallel (default: all cores)")
      ->check(CLI::Range(0, 1024));  // --jobs -1 is a usage error, not "all cores"
  batch_->add_flag("--force", force_, "re-audit every document, changed or not");
  batch_->add_flag("--retry-failed", retry_failed_, "re-read documents that failed before");
  batch_->add_flag("--rehash", rehash_,
                   "read and hash every file, even those whose size and times are unchanged");
  batch_->add_option("--progress", progress_, "auto (on a terminal), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  batch_->add_option("--rules", rules_dir_, "a directory of *.rules files to add or override");
  AddLimitOptions(batch_, &extract_);
  batch_->add_option("PATH", inputs_,
                     "PDF and .txt files, or directories (searched recursively); none with "
                     "--manifest");

  report_ = app.add_subcommand("report", "list findings across a batch database");
  report_->add_option("--db", db_, "the database")->required();
  report_->add_option("--format", format_,
                      "text, json (one object a line), csv (UTF-8, BOM), html or xlsx (with -o)")
      ->check(CLI::IsMember({"text", "json", "csv", "html", "xlsx"}));
  report_->add_option("-o,--output", output_, "the file for html and xlsx");
  report_->add_option("--severity", severity_, "this severity and above: info, warning, error")
      ->check(CLI::IsMember({"info", "warning", "error"}));
  report_->add_option("--check", check_, "one check id, e.g. score.total");
  report_->add_option("--department", department_, "one department, exactly as stored");
  report_->add_option("--year", year_, "one year");

  stats_ = app.add_subcommand("stats", "summarize a batch database per department and year");
  stats_->add_option("--db", db_, "the database")->required();
  stats_->add_option("--format", format_, "text, json or csv")
      ->check(CLI::IsMember({"text", "json", "csv"}));

  merge_ = app.add_subcommand("merge", "copy batch databases into one, without duplicates");
  merge_->add_option("--db", db_, "the database to merge into (created if missing)")->required();
  merge_->add_option("IN", inputs_, "databases written by jixiao batch")->required();
  shard_.emplace(app, batch_, merge_);  // plan; batch and merge --manifest
}

// report --format html|xlsx: the findings of the batch grouped per document, through the same
// writers as `jixiao audit` (the HTML renders the pages of PDFs that are still at their path).
int StoreCommands::WriteDocuments(Store& store, const FindingFilter& filter) {
  if (output_.empty()) return Fail("report --format " + format_ + " needs -o FILE");
  std::vector<AuditResult> results;
  std::map<std::string, size_t> index;
  long errors = 0;
  Status s = ForEachFinding(store, filter, [&](const FindingRow& r) {
    auto [it, fresh] = index.emplace(r.path, results.size());
    if (fresh) {
      AuditResult a;
      a.path = r.path;
      a.document = r.document;
      a.department = r.department;
      a.year = r.year;
      results.push_back(std::move(a));
    }
    AuditResult& a = results[it->second];
    a.findings.push_back(r.finding);
    a.pages = std::max(a.pages, r.finding.page);  // the writers only need the pages with findings
    errors += r.finding.severity == Severity::kError;
  });
  if (!s.ok()) return Fail(s.message());
  s = ForEachUnassessed(store, filter, [&](const UnassessedRow& u) {
    AuditResult a;
    a.path = u.path;
    a.document = u.document;
    a.department = u.department;
    a.year = u.year;
    a.assessed = false;  // the writers say "not assessed", never "clean"
    a.note = u.note;
    results.push_back(std::move(a));
  });
  if (!s.ok()) return Fail(s.message());
  Format format = format_ == "html" ? Format::kHtml : Format::kXlsx;
  WriteOptions options;
  options.database = db_;  // -o naming the database is refused
  s = WriteResults(results, format, output_, std::cout, options);
  if (!s.ok()) return Fail(s.message());
  return errors > 0 ? kExitFindings : kExitClean;
}

std::optional<int> StoreCommands::Run() {
  // plan, or batch / merge with --manifest.
  if (auto rc = shard_->Run({static_cast<bool>(*batch_), db_, jobs_, rules_dir_, extract_, inputs_}))
    return *rc;
  if (*batch_) {
    if (inputs_.empty()) return Fail("batch: give PATH... (or --manifest M for one shard)");
    // The rules are compiled only if a file has to be audited; their version comes from the texts.
    auto rules_version = Rules::VersionOf(rules_dir_);
    if (!rules_version.ok()) return Fail(rules_version.status().message());
    std::optional<Rules> rules;
    auto load_rules = [&]() -> Result<const Rules*> {
      auto built = Rules::Builtin();
      if (!built.ok()) return built.status();
      if (!rules_dir_.empty()) {
        Status s = built->AddDir(rules_dir_);
        if (!s.ok()) return s;
      }
      rules = std::move(*built);
      return &*rules;
    };
    // A user's rule files are the user's to fix: an invalid pattern stops the batch before it
    // starts, whether or not a file will need them (the built-in rules are compiled lazily).
    if (!rules_dir_.empty()) {
      auto loaded = load_rules();
      if (!loaded.ok()) return Fail(loaded.status().message());
    }
    auto store = Store::Open(db_);
    if (!store.ok()) return Fail(store.status().message());
    const std::vector<std::string> files = FindInputs(inputs_);
    const bool show = progress_ == "always" || (progress_ == "auto" && isatty(2));
    Progress progress(files.size(), show);
    // Test hook: die like a killed process after N committed documents.
    long abort_after = -1, committed = 0;
    if (const char* e = std::getenv("JIXIAO_TEST_ABORT_AFTER")) abort_after = std::atol(e);
    BatchOptions options;
    options.jobs = jobs_;
    options.extract = extract_;
    options.force = force_;
    options.retry_failed = retry_failed_;
    options.rehash = rehash_;
    BatchSummary summary;
    Status s = RunBatch(
        *store, files, load_rules, Versions{JIXIAO_BUILD_ID, *rules_version}, options,
        [&](const BatchItem& item) {
          progress.Add(item);
          if ((item.outcome == BatchItem::Outcome::kAudited ||
               item.outcome == BatchItem::Outcome::kFailed) &&
              ++committed == abort_after) {
            _exit(137);
          }
        },
        &summary);
    progress.Summary(summary);
    if (!s.ok()) return Fail(s.message());
    if (!summary.failed.empty()) return kExitTrouble;
    return summary.errors > 0 ? kExitFindings : kExitClean;
  }
  if (*report_) {
    auto store = Store::Open(db_, /*read_only=*/true);
    if (!store.ok()) return Fail(store.status().message());
    FindingFilter filter;
    if (!severity_.empty()) {
      filter.min_severity = severity_ == "error"     ? Severity::kError
                            : severity_ == "warning" ? Severity::kWarning
                                                     : Severity::kInfo;
    }
    filter.check = check_;
    filter.department = department_;
    filter.year = year_;
    if (format_ == "html" || format_ == "xlsx") return WriteDocuments(*store, filter);
    if (format_ == "csv") {
      std::cout << "\xEF\xBB\xBF"
                   "file,document,department,year,check,severity,page,line,path,stated,"
                   "recomputed,arithmetic,quote,other_file,other_page,other_line\r\n";
    }
    long n = 0, errors = 0;
    Status s = ForEachFinding(*store, filter, [&](const FindingRow& r) {
      ++n;
      errors += r.finding.severity == Severity::kError;
      if (format_ == "json") {
        PrintFindingJson(r);
      } else if (format_ == "csv") {
        PrintFindingCsv(r);
      } else {
        PrintFindingText(r);
      }
    });
    if (!s.ok()) return Fail(s.message());
    // Documents with nothing checked in them: listed, so that no finding never reads as clean.
    long unassessed = 0;
    s = ForEachUnassessed(*store, filter, [&](const UnassessedRow& u) {
      ++unassessed;
      const std::string note = u.note.empty() ? "no self-evaluation content found" : u.note;
      if (format_ == "json") {
        nlohmann::ordered_json j = {{"file", u.path},          {"document", u.document},
                                    {"department", u.department}, {"year", u.year},
                                    {"status", "not assessed"}, {"note", note}};
        std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      } else if (format_ == "csv") {
        std::vector<std::string> cells = {u.path, u.document, u.department,
                                          u.year ? std::to_string(u.year) : "", "not_assessed",
                                          "", "", "", "", "", "", "", note, "", "", ""};
        for (size_t i = 0; i < cells.size(); ++i) std::cout << (i ? "," : "") << CsvField(cells[i]);
        std::cout << "\r\n";
      } else {
        std::cout << Printable(u.path) << ": not assessed: " << Printable(note) << "\n";
      }
    });
    if (!s.ok()) return Fail(s.message());
    if (format_ == "text") {
      std::cout << n << " findings";
      if (unassessed > 0) std::cout << "; " << unassessed << " documents not assessed";
      std::cout << "\n";
    }
    return errors > 0 ? kExitFindings : kExitClean;
  }
  if (*stats_) {
    auto store = Store::Open(db_, /*read_only=*/true);
    if (!store.ok()) return Fail(store.status().message());
    auto stats = Stats(*store);
    if (!stats.ok()) return Fail(stats.status().message());
    auto coverage = [](const GroupStats& g) {
      return g.indicators == 0 ? std::string("-")
                               : fmt::format("{:.0f}%", 100.0 * g.with_score / g.indicators);
    };
    auto scores = [](const GroupStats& g) {
      std::string out;
      for (const auto& s : g.scores) out += (out.empty() ? "" : " ") + s;
      return out.empty() ? std::string("-") : out;
    };
    if (format_ == "csv") {
      std::cout << "\xEF\xBB\xBF"
                   "department,year,documents,failed,pages,scores,errors,warnings,infos,"
                   "cross_year,indicators,with_max,with_score,checks_run,unread,"
                   "not_assessed\r\n";
    } else if (format_ == "text") {
      std::cout << fmt::format(
          "{:<24} {:>5} {:>5} {:>6} {:>6} {:>10} {:>6} {:>6} {:>5} {:>5} "
          "{:>8} {:>7} {:>7}\n",
          "department", "year", "docs", "failed", "pages", "score", "error", "warn", "info",
          "xyear", "coverage", "checks", "unassd");
    }
    for (const GroupStats& g : *stats) {
      std::string dept = g.department.empty() ? "(unknown)" : Printable(g.department);
      if (format_ == "json") {
        nlohmann::ordered_json j = {{"department", g.department},
                                    {"year", g.year},
                                    {"documents", g.documents},
                                    {"failed", g.failed},
                                    {"pages", g.pages},
                                    {"scores", g.scores},
                                    {"errors", g.errors},
                                    {"warnings", g.warnings},
                                    {"infos", g.infos},
                                    {"cross_year", g.cross_year},
                                    {"coverage",
                                     {{"indicators", g.indicators},
                                      {"with_max", g.with_max},
                                      {"with_score", g.with_score},
                                      {"checks_run", g.checks_run},
                                      {"unread", g.unread}}},
                                    {"not_assessed", g.unassessed}};
        std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      } else if (format_ == "csv") {
        std::cout << fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n",
                                 CsvField(g.department), g.year ? std::to_string(g.year) : "",
                                 g.documents, g.failed, g.pages, CsvField(scores(g)), g.errors,
                                 g.warnings, g.infos, g.cross_year, g.indicators, g.with_max,
                                 g.with_score, g.checks_run, g.unread, g.unassessed);
      } else {
        std::cout << fmt::format(
            "{:<24} {:>5} {:>5} {:>6} {:>6} {:>10} {:>6} {:>6} {:>5} {:>5} "
            "{:>8} {:>7} {:>7}\n",
            dept, g.year ? std::to_string(g.year) : "-", g.documents, g.failed, g.pages,
            Printable(scores(g)),
            g.errors, g.warnings, g.infos, g.cross_year, coverage(g), g.checks_run, g.unassessed);
      }
    }
    return kExitClean;
  }
  if (*merge_) {
    size_t conflicts = 0;
    auto store = Store::Open(db_);
    if (!store.ok()) return Fail(store.status().message());
    for (const auto& in : inputs_) {
      auto counts = store->Merge(in);
      if (!counts.ok()) return Fail(counts.status().message());
      for (const auto& c : counts->conflicts) std::cerr << "jixiao: " << c << "\n";
      conflicts += counts->conflicts.size();
      std::cerr << fmt::format(
          "jixiao merge: {}: {} documents added, {} already present, {} "
          "superseded, {} paths added or updated\n",
          Printable(in), counts->documents_added, counts->documents_present, counts->documents_superseded,
          counts->paths_added);
    }
    return conflicts > 0 ? kExitTrouble : kExitClean;
  }
  return std::nullopt;
}

}  // namespace jixiao::cli
