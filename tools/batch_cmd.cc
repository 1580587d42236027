// jixiao batch | report | stats | merge: thin wrappers over store/ (see docs/batch.md).
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "build_id.h"
#include "report/atomic_file.h"
#include "report/audit_words.h"
#include "report/finding_text.h"
#include "report/report.h"
#include "report/wrap.h"
#include "report/printable.h"
#include "rules/rules.h"
#include "store/batch.h"
#include "store/load.h"
#include "store/query.h"
#include "store/reviews.h"
#include "store/store.h"
#include "tools/cli_common.h"
#include "tools/commands.h"

namespace jixiao::cli {

namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitTrouble = 2;

std::string Duration(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  if (s >= 3600) return fmt::format("{}h{:02}m", s / 3600, s / 60 % 60);
  if (s >= 60) return fmt::format("{}m{:02}s", s / 60, s % 60);
  return fmt::format("{}s", s);
}

constexpr int kReportJsonSchemaVersion = 2;

const char* sep_of(bool zh) { return zh ? "，" : ", "; }

std::string Plural(int64_t n, const char* singular) {
  return fmt::format("{} {}{}", n, singular, n == 1 ? "" : "s");
}

std::string JoinPath(const std::vector<std::string>& path) {
  std::string out;
  for (const auto& p : path) out += (out.empty() ? "" : " / ") + Printable(p);
  return out;
}

// The progress bar on stderr: done/total with a bar and percent, elapsed time, an ETA from the
// recent rate (an exponentially weighted average, so it follows a batch that speeds up or slows
// down), failures so far and the file just finished. Redrawn at most 5 times a second.
class Progress {
  using Clock = std::chrono::steady_clock;

 public:
  Progress(size_t total, bool show) : total_(total), show_(show), start_(Clock::now()) {
    last_ = start_;
    rate_at_ = start_;
  }

  void Add(const BatchItem& item) {
    ++done_;
    failed_ += item.stored.failed;
    if (!show_) return;
    auto now = Clock::now();
    // The rate over the last interval, folded into the average.
    double dt = std::chrono::duration<double>(now - rate_at_).count();
    if (dt >= 0.5) {
      double r = static_cast<double>(done_ - rate_done_) / dt;
      rate_ = rate_ < 0 ? r : 0.7 * rate_ + 0.3 * r;
      rate_at_ = now;
      rate_done_ = done_;
    }
    if (done_ != total_ && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    std::cerr << "\r\x1b[K" << Line(item.path, now) << std::flush;
  }

  // One frame of the bar (public for its test through --progress always).
  std::string Line(const std::string& path, Clock::time_point now) const;

  // The end-of-run summary.
  void Summary(const BatchSummary& s) const {
    if (show_ && done_ > 0) std::cerr << "\n";
    double secs = std::chrono::duration<double>(Clock::now() - start_).count();
    std::cerr << fmt::format(
        "jixiao batch: {} ({} audited, {} unchanged, {} failed) in {:.1f}s; unchanged "
        "files: {} not re-read, {} re-hashed; {}; findings: {}, {}, {}",
        Plural(s.files, "document"), s.audited, s.unchanged + s.rehashed, s.failed.size(), secs,
        s.unchanged, s.rehashed, Plural(s.pages, "page"), Plural(s.errors, "error"),
        Plural(s.warnings, "warning"), Plural(s.infos, "info"));
    if (s.cross_year > 0) std::cerr << fmt::format(" ({} cross-year)", s.cross_year);
    std::cerr << "\n";
    auto failed = s.failed;
    std::sort(failed.begin(), failed.end());
    for (const auto& [path, why] : failed) std::cerr << "  failed: " << Printable(why) << "\n";
  }

 private:
  size_t total_, done_ = 0, failed_ = 0, rate_done_ = 0;
  bool show_;
  double rate_ = -1;  // documents per second, smoothed; < 0 until first measured
  Clock::time_point start_, last_, rate_at_;
};

std::string Progress::Line(const std::string& path, Clock::time_point now) const {
  const double secs = std::chrono::duration<double>(now - start_).count();
  const double pct =
      total_ ? 100.0 * static_cast<double>(done_) / static_cast<double>(total_) : 100;
  constexpr int kBar = 24;
  const int filled = static_cast<int>(pct / 100.0 * kBar + 0.5);
  std::string bar = std::string(static_cast<size_t>(filled), '#') +
                    std::string(static_cast<size_t>(kBar - filled), '.');
  double rate = rate_ > 0 ? rate_ : (secs > 0 ? static_cast<double>(done_) / secs : 0);
  std::string eta = done_ == total_ ? "0s"
                    : rate > 0      ? Duration(static_cast<double>(total_ - done_) / rate)
                                    : "?";
  std::string name = path;
  if (auto slash = name.find_last_of('/'); slash != std::string::npos)
    name = name.substr(slash + 1);
  if (name.size() > 40) name = "…" + name.substr(name.size() - 39);
  return fmt::format("[{}] {:3.0f}% {}/{} elapsed {} ETA {} {:.1f}/s {} failed  {}", bar, pct,
                     done_, total_, Duration(secs), eta, rate, failed_, name);
}

// One finding a line, like grep: file:page:line: severity check [path]: stated, recomputed
// (arithmetic) #fingerprint; the quote on the next line.
void PrintFindingText(const DocumentReport& d, size_t i, Lang lang, std::ostream& out) {
  const Finding& f = d.result.findings[i];
  const FindingExtra& e = d.extra[i];
  const bool zh = lang == Lang::kZh;
  // Text from documents, file names and reviews is shown escaped (report/printable.h).
  const auto P = [](const std::string& s) { return Printable(s); };
  out << fmt::format("{}:{}:{}: {} {}", P(d.result.path), f.page, f.line,
                     SeverityWord(lang, f.severity), CheckName(f.check));
  if (!f.path.empty()) out << " [" << P(JoinPath(f.path)) << "]";
  if (!f.stated.empty() || !f.recomputed.empty()) {
    out << ": " << Tr(lang, Msg::kStated) << " " << P(f.stated) << (zh ? "，" : ", ")
        << Tr(lang, Msg::kRecomputed) << " " << P(AuditWords(lang, f.recomputed));
  }
  if (!f.arithmetic.empty()) out << " (" << P(AuditWords(lang, f.arithmetic)) << ")";
  if (!e.other_file.empty()) {
    out << fmt::format(" [vs {}:{}:{}]", P(e.other_file), e.other_page, e.other_line);
  }
  out << " #" << e.fingerprint;
  if (!e.review.decision.empty()) {
    out << " [" << DecisionWord(e.review, lang) << ": " << P(e.review.why) << " — "
        << P(e.review.by) << " " << P(e.review.at) << "]";
  }
  out << "\n";
  if (f.quote.empty()) return;
  // The figure marked as `audit` marks it: from its stored span, else found by its value.
  const QuoteParts q = SplitQuote(f);
  out << "    " << P(q.before);
  if (!q.figure.empty()) out << "【" << P(q.figure) << "】" << P(q.after);
  out << "\n";
}

void PrintFindingJson(const DocumentReport& d, size_t i, const Provenance& p, std::ostream& out) {
  const Finding& f = d.result.findings[i];
  const FindingExtra& e = d.extra[i];
  const AuditResult& r = d.result;
  nlohmann::ordered_json j;
  j["file"] = r.path;
  j["document"] = r.document;
  j["department"] = r.department;
  j["year"] = r.year;
  j["check"] = CheckName(f.check);
  j["severity"] = SeverityName(f.severity);
  j["page"] = f.page;
  j["line"] = f.line;
  j["quote"] = f.quote;
  j["path"] = f.path;
  j["stated"] = f.stated;
  j["recomputed"] = f.recomputed;
  j["arithmetic"] = f.arithmetic;
  if (f.bbox) j["bbox"] = {f.bbox->x0, f.bbox->y0, f.bbox->x1, f.bbox->y1};
  if (!e.other_file.empty()) {
    j["other_file"] = e.other_file;
    j["other_page"] = e.other_page;
    j["other_line"] = e.other_line;
    j["other_quote"] = e.other_quote;
  }
  j["schema_version"] = kReportJsonSchemaVersion;
  j["fingerprint"] = e.fingerprint;
  j["decision"] = e.review.decision.empty() ? "open" : e.review.decision;
  if (!e.review.decision.empty()) {
    j["review"] = {{"why", e.review.why}, {"by", e.review.by}, {"at", e.review.at}};
  }
  j["sha256"] = d.sha256;
  j["audited_at"] = d.audited_at;
  j["jixiao"] = p.jixiao;
  j["rules"] = p.rules;
  out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
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
  batch_->add_option("--progress", progress_, "a progress bar: auto (on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  batch_->add_option("--rules", rules_dir_, "a directory of *.rules files to add or override");
  AddLimitOptions(batch_, &extract_);
  batch_->add_option("PATH", inputs_,
                     "PDF and .txt files, or directories (searched recursively); none with "
                     "--manifest");

  report_ = app.add_subcommand("report", "list findings across a batch database");
  report_->add_option("--db", db_, "the database")->required();
  report_
      ->add_option("--format", format_,
                   "text, json (one object a line), csv (UTF-8, BOM), html or xlsx (with -o)")
      ->check(CLI::IsMember({"text", "json", "csv", "html", "xlsx"}))
      ->capture_default_str();
  report_->add_option("-o,--output", output_, "write to FILE instead of standard output");
  report_->add_option("--severity", severity_, "this severity and above: info, warning, error")
      ->check(CLI::IsMember({"info", "warning", "error"}));
  report_->add_option("--check", check_, "one check id (see `jixiao checks`), e.g. score.total");
  report_->add_option("--department", department_, "one department, exactly as stored");
  report_->add_option("--year", year_, "one year");
  report_->add_flag("--all", all_,
                    "also the findings already accepted or dismissed (jixiao review)");
  report_->add_flag("-q,--quiet", quiet_, "no confirmation line after -o");

  stats_ = app.add_subcommand("stats", "summarize a batch database per department and year");
  stats_->add_option("--db", db_, "the database")->required();
  stats_->add_option("--format", format_, "text, json or csv")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();
  stats_->add_option("-o,--output", output_, "write to FILE instead of standard output");
  stats_->add_flag("--projects", projects_,
                   "one row per form (项目支出 / 部门整体支出绩效自评表) instead of per department, "
                   "then the Σ 全年执行数 check of each department and year");
  stats_->add_flag("--across-years", across_years_,
                   "with --projects: each project found in several years, side by side (by "
                   "project code, else by name)");
  stats_->add_option("--department", department_,
                     "with --projects: one department (主管部门, with or without its code)");
  stats_->add_option("--unit", unit_, "with --projects: one 实施单位");
  stats_->add_option("--year", year_, "with --projects: one year");

  merge_ = app.add_subcommand("merge", "copy batch databases into one, without duplicates");
  merge_->add_option("--db", db_, "the database to merge into (created if missing)")->required();
  merge_->add_option("IN", inputs_, "databases written by jixiao batch")->required();
  shard_.emplace(app, batch_, merge_);  // plan; batch and merge --manifest
}

int StoreCommands::RunReport() {
  const Ui& ui = GlobalUi();
  const Lang lang = ui.lang;
  const bool zh = lang == Lang::kZh;
  auto store = Store::Open(db_, /*read_only=*/true);
  if (!store.ok()) return Fail(store.status().message());
  FindingFilter filter;
  filter.min_severity = SeverityFrom(severity_);
  // A filter that cannot match is a mistake, not a clean result: say so, exit 2.
  if (!check_.empty() && !CheckFromName(check_)) {
    std::string hint = DidYouMean(check_, CheckIds());
    return Fail("unknown check id '" + check_ + "'" +
                (hint.empty() ? "" : "; did you mean '" + hint + "'?") +
                " (`jixiao checks` lists them)");
  }
  filter.check = check_;
  filter.department = department_;
  filter.year = year_;
  if ((format_ == "html" || format_ == "xlsx") && output_.empty()) {
    return Fail("report --format " + format_ + " needs -o FILE");
  }
  auto reports = LoadReports(*store, filter);
  if (!reports.ok()) return Fail(reports.status().message());
  if (reports->empty() && (!department_.empty() || year_ != 0)) {
    std::string what = !department_.empty() ? "department '" + department_ + "'" : "";
    if (year_ != 0) what += (what.empty() ? "year " : " in year ") + std::to_string(year_);
    std::string hint;
    if (!department_.empty()) {
      auto names = Departments(*store);
      if (names.ok()) hint = DidYouMean(department_, *names);
    }
    return Fail(db_ + ": no document of " + what +
                (hint.empty() ? "" : "; did you mean '" + hint + "'?"));
  }
  auto reviews = LoadReviews(*store);
  if (!reviews.ok()) return Fail(reviews.status().message());

  ReportSet set;
  {
    auto version = Rules::VersionOf("");
    set.provenance = MakeProvenance(version.ok() ? *version : "");
  }
  long shown = 0, errors = 0, decided = 0, unassessed = 0;
  for (auto& stored : *reports) {
    if (stored.failed) {
      set.failed.push_back({stored.result.path, stored.error});
      continue;
    }
    DocumentReport d;
    d.sha256 = stored.hash;
    d.audited_at = stored.audited_at;
    const std::vector<std::string> fps = Fingerprints(stored.result, stored.hash);
    AuditResult r = stored.result;
    r.findings.clear();
    for (size_t i = 0; i < stored.result.findings.size(); ++i) {
      FindingExtra e;
      e.fingerprint = fps[i];
      const FindingRow& row = stored.rows[i];
      e.other_file = row.other_path;
      e.other_page = row.other_page;
      e.other_line = row.other_line;
      e.other_quote = row.other_quote;
      if (auto it = reviews->find(fps[i]); it != reviews->end()) {
        e.review = Review{it->second.decision, it->second.why, it->second.by, it->second.at};
      }
      if (!e.review.decision.empty() && !all_) {
        ++decided;
        continue;
      }
      const Finding& f = stored.result.findings[i];
      errors += f.severity == Severity::kError;
      ++shown;
      r.findings.push_back(f);
      d.extra.push_back(std::move(e));
    }
    d.result = std::move(r);
    if (!d.result.assessed) ++unassessed;
    set.documents.push_back(std::move(d));
  }
  const bool filtered = !check_.empty() || filter.min_severity;
  Status s;
  if (format_ == "html" || format_ == "xlsx") {
    WriteOptions wo;
    wo.lang = lang;
    wo.pdf = extract_;  // page images drawn by the PDF reader
    wo.database = db_;  // -o naming the database is refused
    std::ostringstream unused;
    s = WriteReport(set, format_ == "html" ? Format::kHtml : Format::kXlsx, output_, unused, wo);
  } else if (format_ == "csv") {
    WriteOptions wo;
    wo.lang = lang;
    wo.database = db_;
    s = WriteReport(set, Format::kCsv, output_, std::cout, wo);
  } else {
    s = ToOutput(output_, db_, [&](std::ostream& out) {
      for (const auto& d : set.documents) {
        for (size_t i = 0; i < d.result.findings.size(); ++i) {
          if (format_ == "json") {
            PrintFindingJson(d, i, set.provenance, out);
          } else {
            PrintFindingText(d, i, lang, out);
          }
        }
      }
      // Documents with nothing checked in them: listed, so that no finding never reads as clean.
      for (const auto& d : set.documents) {
        const AuditResult& r = d.result;
        if (r.assessed) continue;
        if (format_ == "json") {
          const std::string note = r.note.empty() ? "no self-evaluation content found" : r.note;
          nlohmann::ordered_json j = {{"file", r.path},
                                      {"document", r.document},
                                      {"department", r.department},
                                      {"year", r.year},
                                      {"status", "not assessed"},
                                      {"note", note},
                                      {"schema_version", kReportJsonSchemaVersion},
                                      {"sha256", d.sha256}};
          out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        } else {
          out << Printable(r.path) << ": " << Tr(lang, Msg::kStatusNotAssessed) << (zh ? "：" : ": ")
              << (r.note.empty() ? std::string(Tr(lang, Msg::kNoContent)) : Printable(AuditWords(lang, r.note)))
              << "\n";
        }
      }
      if (format_ == "json") {
        for (const auto& f : set.failed) {
          nlohmann::ordered_json j = {
              {"file", f.path}, {"error", f.reason}, {"schema_version", kReportJsonSchemaVersion}};
          out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        }
        return;
      }
      for (const auto& f : set.failed) {
        out << (zh ? "无法读取: " : "unreadable: ") << Printable(f.reason) << "\n";
      }
      // The footer: how many findings in how many documents, what was left out.
      const char* sep = zh ? "，" : ", ";
      out << CountOf(lang, shown, Msg::kFindings) << (zh ? "，涉及 " : " in ")
          << CountOf(lang, static_cast<long>(set.documents.size()), Msg::kColDocs);
      if (!set.failed.empty()) {
        out << sep << set.failed.size() << (zh ? " 个文件无法读取" : " unreadable");
      }
      if (unassessed > 0) {
        out << sep << unassessed << (zh ? " 份未评估" : " not assessed");
      }
      if (decided > 0) {
        out << sep << decided
            << (zh ? " 个已复核未列出（--all 列出全部）"
                   : " reviewed not shown (--all shows them)");
      }
      if (filtered && shown == 0) {
        out << sep << (zh ? "没有符合筛选条件的问题" : "none matches the filter");
      }
      out << "\n";
    });
  }
  if (!s.ok()) return Fail(s.message());
  if (!output_.empty() && !quiet_) {
    std::cerr << "jixiao: " << (zh ? "已写入 " : "wrote ") << Printable(output_) << " ("
              << CountOf(lang, shown, Msg::kFindings) << sep_of(zh)
              << CountOf(lang, static_cast<long>(set.documents.size()), Msg::kColDocs);
    if (!set.failed.empty())
      std::cerr << sep_of(zh) << set.failed.size() << (zh ? " 个无法读取" : " unreadable");
    std::cerr << ")\n";
  }
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
    // Compiled once: a --rules DIR is compiled up front (to refuse a bad one before the batch),
    // and RunBatch asks again when a file has to be audited.
    auto load_rules = [&]() -> Result<const Rules*> {
      if (rules) return &*rules;
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
    const std::vector<std::string> files = FindInputs(inputs_);
    if (files.empty()) {
      std::string given;
      for (const auto& in : inputs_) given += (given.empty() ? "" : " ") + in;
      return Fail("no PDF or .txt file under " + given);
    }
    auto store = Store::Open(db_);
    if (!store.ok()) return Fail(store.status().message());
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
  if (*report_) return RunReport();
  if (*stats_) return RunStats();
  if (*merge_) {
    size_t conflicts = 0;
    auto store = Store::Open(db_);
    if (!store.ok()) return Fail(store.status().message());
    for (const auto& in : inputs_) {
      auto counts = store->Merge(in);
      if (!counts.ok()) return Fail(counts.status().message());
      auto reviews = MergeReviews(*store, in);
      if (!reviews.ok()) return Fail(reviews.status().message());
      for (const auto& c : counts->conflicts) std::cerr << "jixiao: " << Printable(c) << "\n";
      conflicts += counts->conflicts.size();
      std::cerr << fmt::format(
          "jixiao merge: {}: {} documents added, {} already present, {} "
          "superseded, {} paths added or updated, {} review decisions added or updated\n",
          Printable(in), counts->documents_added, counts->documents_present,
          counts->documents_superseded, counts->paths_added, *reviews);
    }
    return conflicts > 0 ? kExitTrouble : kExitClean;
  }
  return std::nullopt;
}

}  // namespace jixiao::cli
