// jixiao audit: read, audit and write the documents given on the command line (no database).
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <optional>
#include <thread>

#include "audit/audit.h"
#include "extract/extract.h"
#include "report/finding_text.h"
#include "report/printable.h"
#include "report/report.h"
#include "report/review_file.h"
#include "rules/rules.h"
#include "store/content_hash.h"
#include "tools/cli_common.h"
#include "tools/commands.h"

namespace jixiao::cli {

namespace {

// The grand total after several documents: "合计：3 份文档，2 个错误，…；1 个无法读取".
std::string GrandTotal(const ReportSet& set, Lang lang) {
  long errors = 0, warnings = 0, infos = 0;
  for (const auto& d : set.documents) {
    errors += d.result.errors();
    warnings += d.result.warnings();
    infos += static_cast<long>(d.result.findings.size()) - d.result.errors() - d.result.warnings();
  }
  const bool zh = lang == Lang::kZh;
  const char* sep = zh ? "，" : ", ";
  std::string s = std::string(Tr(lang, Msg::kGrandTotal)) + (zh ? "：" : ": ") +
                  CountOf(lang, static_cast<long>(set.documents.size()), Msg::kColDocs) + sep +
                  CountOf(lang, errors, Msg::kSevError) + sep +
                  CountOf(lang, warnings, Msg::kSevWarning) + sep +
                  CountOf(lang, infos, Msg::kSevInfo);
  if (!set.failed.empty()) {
    s += (zh ? "；" : "; ") + std::to_string(set.failed.size()) +
         (zh                       ? " 个文件无法读取"
          : set.failed.size() == 1 ? " file unreadable"
                                   : " files unreadable");
  }
  return s;
}

}  // namespace

CLI::App* AddAuditCommand(CLI::App& app, AuditArgs* a) {
  auto* audit = app.add_subcommand("audit", "recompute every score and figure; list findings");
  audit->add_option("--format", a->format, "output format")
      ->check(CLI::IsMember({"text", "json", "csv", "xlsx", "html", "pdf"}))
      ->capture_default_str();
  audit->add_option("-o,--output", a->out, "write to FILE instead of standard output");
  audit->add_option("--rules", a->rules_dir, "a directory of *.rules files to add or override");
  audit->add_option("--reviews", a->reviews,
                    "decisions on findings (JSON lines written by `jixiao review --reviews`)");
  audit->add_option("--severity", a->severity, "show this severity and above")
      ->check(CLI::IsMember({"info", "warning", "error"}));
  audit->add_option("-j,--jobs", a->jobs,
                    "documents audited at once when several are given (default: one per CPU)")
      ->check(CLI::Range(0, 1024));
  audit->add_flag("-q,--quiet", a->quiet,
                  "print nothing on standard output (and no confirmation): the exit code says it");
  audit->add_option("FILE", a->files, "PDF or .txt files; - reads standard input")->required();
  AddLimitOptions(audit, &a->opts);
  return audit;
}

int RunAudit(const AuditArgs& a) {
  const Ui& ui = GlobalUi();
  Format format;
  if (!ParseFormat(a.format, &format)) return Fail("unknown --format '" + a.format + "'");
  if (a.out.empty() && !a.quiet && isatty(1) &&
      (format == Format::kHtml || format == Format::kXlsx || format == Format::kPdf)) {
    return Fail("--format " + a.format + " writes a file: give -o FILE");
  }
  auto rules = Rules::Builtin();
  if (!rules.ok()) return Fail(rules.status().message());
  if (!a.rules_dir.empty()) {
    Status s = rules->AddDir(a.rules_dir);
    if (!s.ok()) return Fail(s.message());
  }
  std::unordered_map<std::string, Review> reviews;
  if (!a.reviews.empty()) {
    auto loaded = LoadReviewFile(a.reviews);
    if (!loaded.ok()) return Fail(loaded.status().message());
    reviews = std::move(*loaded);
  }
  const std::optional<Severity> min = SeverityFrom(a.severity);
  // While a reader process reads a PDF this process would only wait: it compiles the rules
  // meanwhile (the audit compiles each rule on first use otherwise; Get waits for a rule being
  // compiled here). Not for text files, which are read in no time.
  // It stops when the first document has been read: from then on the audit compiles what the
  // document needs, and no more (Rules::Focused sets aside what it cannot match).
  std::thread warm;
  std::atomic<bool> read{false};
  if (!a.opts.reader.empty() && std::any_of(a.files.begin(), a.files.end(), [](const auto& f) {
        return f.size() > 4 && (f.compare(f.size() - 4, 4, ".pdf") == 0 ||
                                f.compare(f.size() - 4, 4, ".PDF") == 0);
      })) {
    warm = std::thread([&rules, &read] { (void)rules->CompileAll(&read); });
  }
  struct Joiner {
    std::thread& t;
    std::atomic<bool>& stop;
    ~Joiner() {
      stop = true;
      if (t.joinable()) t.join();
    }
  } joiner{warm, read};
  ReportSet set;
  set.provenance = MakeProvenance(rules->Version());
  StdinFile stdin_file;
  // What became of one file: its report, or why it has none.
  struct Outcome {
    std::optional<DocumentReport> report;
    long errors = 0;  // error findings, before --severity filters any finding
    std::string failure;
  };
  std::vector<std::string> paths(a.files.size());
  std::vector<Outcome> outcomes(a.files.size());
  for (size_t i = 0; i < a.files.size(); ++i) {
    paths[i] = a.files[i];
    if (a.files[i] != "-") continue;
    auto p = stdin_file.Path();
    if (p.ok()) paths[i] = *p;
    else outcomes[i].failure = p.status().message();
  }
  auto audit_one = [&](size_t i, const ExtractOptions& opts) {
    Outcome& out = outcomes[i];
    if (!out.failure.empty()) return;
    const std::string& given = a.files[i];
    const std::string& file = paths[i];
    // --max-seconds and --max-memory bound the whole document: reading and audit.
    AuditLimits limits{opts.max_seconds, opts.max_memory_mib, std::chrono::steady_clock::now()};
    auto doc = LoadDocument(file, opts);
    read = true;
    if (!doc.ok()) {
      std::string why = doc.status().message();
      if (given == "-" && why.rfind(file, 0) == 0) why = "standard input" + why.substr(file.size());
      out.failure = why;
      return;
    }
    auto result = Audit(*doc, *rules, limits);
    if (!result.ok()) {
      out.failure = result.status().message();
      return;
    }
    DocumentReport d;
    d.result = std::move(result).value();
    if (given == "-") d.result.document = "stdin";
    auto hash = HashFile(file);
    if (hash.ok()) d.sha256 = hash->hex;
    d.audited_at = set.provenance.run_at;
    const std::vector<std::string> fps = Fingerprints(d.result, d.sha256);
    out.errors = d.result.errors();
    // Filter by severity and attach decisions, keeping each finding's fingerprint.
    std::vector<Finding> kept;
    for (size_t k = 0; k < d.result.findings.size(); ++k) {
      const Finding& f = d.result.findings[k];
      if (min && f.severity < *min) continue;
      FindingExtra e;
      e.fingerprint = fps[k];
      if (auto it = reviews.find(fps[k]); it != reviews.end()) e.review = it->second;
      kept.push_back(f);
      d.extra.push_back(e);
    }
    d.result.findings = std::move(kept);
    out.report = std::move(d);
  };
  // Several documents are audited at once, each by one thread (its PDF read by one reader
  // process, one page at a time); the reports keep the order of the command line.
  const size_t jobs = std::min(a.files.size(),
                               static_cast<size_t>(a.jobs > 0 ? a.jobs : UsableCpus()));
  if (jobs <= 1) {
    for (size_t i = 0; i < a.files.size(); ++i) audit_one(i, a.opts);
  } else {
    ExtractOptions opts = a.opts;
    opts.threads = 1;
    std::atomic<size_t> next{0};
    std::vector<std::thread> workers;
    for (size_t w = 0; w < jobs; ++w) {
      workers.emplace_back([&] {
        for (size_t i; (i = next.fetch_add(1)) < a.files.size();) audit_one(i, opts);
      });
    }
    for (auto& t : workers) t.join();
  }
  bool trouble = false;
  long errors = 0;
  for (size_t i = 0; i < a.files.size(); ++i) {
    Outcome& out = outcomes[i];
    if (!out.report) {
      Fail(out.failure);
      set.failed.push_back({a.files[i], out.failure});
      trouble = true;
      continue;
    }
    errors += out.errors;
    set.documents.push_back(std::move(*out.report));
  }
  WriteOptions wo;
  wo.lang = ui.lang;
  wo.pdf = a.opts;  // page images drawn by the PDF reader
  const bool to_stdout = a.out.empty() || a.out == "-";
  wo.color = to_stdout && format == Format::kText && ui.Color(1);
  wo.width = to_stdout ? Ui::Width() : 0;
  // The output must not replace any input: the documents (read or not) and the rule files.
  for (const auto& f : a.files) {
    if (f != "-") wo.inputs.push_back(f);
  }
  if (!a.rules_dir.empty()) {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(a.rules_dir, ec)) {
      wo.inputs.push_back(e.path().string());
    }
  }
  if (!a.quiet || !a.out.empty()) {
    std::ostringstream discard;
    Status s = WriteReport(set, format, a.out, a.quiet ? discard : std::cout, wo);
    if (!s.ok()) return Fail(s.message());
    if (format == Format::kText && to_stdout && !a.quiet &&
        set.documents.size() + set.failed.size() > 1) {
      std::cout << "\n" << GrandTotal(set, ui.lang) << "\n";
    }
  }
  if (!to_stdout && !a.quiet) {
    const bool zh = ui.lang == Lang::kZh;
    std::cerr << "jixiao: " << (zh ? "已写入 " : "wrote ") << Printable(a.out) << " ("
              << GrandTotal(set, ui.lang) << ")\n";
  }
  if (trouble) return 2;
  return errors > 0 ? 1 : 0;
}

}  // namespace jixiao::cli
