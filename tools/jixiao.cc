// jixiao: the command line. Thin: parse arguments, call the libraries, map results to exit codes
// (0 clean, 1 error findings, 2 unreadable input or usage).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report/printable.h"

#include "audit/audit.h"
#include "build_id.h"
#include "extract/extract.h"
#include "report/report.h"
#include "rules/rules.h"
#include "structure/structure.h"
#include "tools/cli_common.h"
#include "tools/commands.h"

namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitTrouble = 2;

// One line: a file name or a document's text in the message is shown escaped (a newline in a name
// cannot forge a second error line, an ESC sequence is not obeyed).
void PrintError(const std::string& message) {
  std::cerr << "jixiao: " << jixiao::Printable(message) << "\n";
}

int RunExtract(const std::string& file, const std::string& format,
               const jixiao::ExtractOptions& opts) {
  auto doc = jixiao::LoadDocument(file, opts);
  if (!doc.ok()) {
    PrintError(doc.status().message());
    return kExitTrouble;
  }
  if (format == "json") {
    // Pages with their normalized text.
    nlohmann::ordered_json j;
    j["document"] = doc->name;
    j["pages"] = nlohmann::ordered_json::array();
    std::vector<std::string> per_page(doc->pages.size());
    for (size_t i = 0; i < doc->text.size(); ++i) {
      uint32_t p = doc->origins[i].page;
      if (p >= 1 && p <= per_page.size()) per_page[p - 1] += doc->text[i];
    }
    for (size_t i = 0; i < per_page.size(); ++i) {
      j["pages"].push_back({{"page", doc->pages[i].number}, {"text", per_page[i]}});
    }
    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    // Page-numbered text: a "=== page N ===" line before each page's normalized lines.
    // Line by line, controls shown escaped (report/printable.h).
    uint32_t page = 0;
    const std::string& text = doc->text;
    for (size_t i = 0; i < text.size();) {
      size_t nl = text.find('\n', i);
      size_t end = nl == std::string::npos ? text.size() : nl;
      if (doc->origins[i].page != page) {
        page = doc->origins[i].page;
        std::cout << "=== page " << page << " ===\n";
      }
      std::cout << jixiao::Printable(std::string_view(text).substr(i, end - i)) << "\n";
      i = end + 1;
    }
  }
  return kExitClean;
}

}  // namespace

// The subcommands, for "did you mean" and `jixiao help CMD`.
const std::vector<std::string> kCommands = {"extract", "outline",    "audit", "batch",
                                            "report",  "stats",      "merge", "review",
                                            "checks",  "completion", "man",   "plan"};

int main(int argc, char** argv) {
  // `jixiao help [CMD]` is `jixiao [CMD] --help`; an unknown command gets a suggestion.
  std::vector<std::string> args(argv, argv + argc);
  if (args.size() >= 2 && args[1] == "help") {
    args.erase(args.begin() + 1);
    if (args.size() >= 2 &&
        std::find(kCommands.begin(), kCommands.end(), args[1]) == kCommands.end()) {
      return jixiao::cli::Fail("help: unknown command '" + args[1] + "'");
    }
    args.insert(args.begin() + (args.size() >= 2 ? 2 : 1), "--help");
  }
  if (args.size() >= 2 && !args[1].empty() && args[1][0] != '-' &&
      std::find(kCommands.begin(), kCommands.end(), args[1]) == kCommands.end()) {
    std::string hint = jixiao::cli::DidYouMean(args[1], kCommands);
    return jixiao::cli::Fail("unknown command '" + args[1] + "'" +
                             (hint.empty() ? "" : "; did you mean '" + hint + "'?") +
                             " (jixiao --help lists the commands)");
  }

  CLI::App app{
      "jixiao: audits Chinese government performance self-evaluation reports "
      "(部门整体支出绩效自评报告) for internal consistency"};
  app.set_version_flag("--version", std::string("jixiao ") + JIXIAO_BUILD_ID);
  app.name("jixiao");
  app.require_subcommand(1);
  app.fallthrough();  // --lang and --color also after the subcommand
  app.failure_message(jixiao::cli::FailureMessage);
  jixiao::cli::Ui& ui = jixiao::cli::GlobalUi();
  app.add_option("--lang", ui.lang_flag,
                 "language of the output: zh (default) or en (or LANG=en_…)")
      ->check(CLI::IsMember({"zh", "en"}));
  app.add_option("--color", ui.color_flag,
                 "colour on a terminal: auto (NO_COLOR and TERM=dumb honoured), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();

  jixiao::ExtractOptions opts;
  auto add_limits = [&opts](CLI::App* cmd) { jixiao::cli::AddLimitOptions(cmd, &opts); };

  std::string extract_file, extract_format = "text";
  auto* extract = app.add_subcommand("extract", "print the normalized, page-numbered text");
  extract->add_option("--format", extract_format, "output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  extract->add_option("FILE", extract_file, "a PDF or .txt file; - reads standard input")
      ->required();
  add_limits(extract);

  jixiao::cli::AuditArgs audit_args;
  auto* audit = jixiao::cli::AddAuditCommand(app, &audit_args);

  std::string outline_file, outline_rules;
  auto* outline = app.add_subcommand("outline", "print the indicator tree as jixiao reads it");
  bool outline_structure = false;
  outline->add_flag("--structure", outline_structure,
                    "print the document model instead: kind and parts, sections, tables as grids");
  outline->add_option("--rules", outline_rules, "a directory of *.rules files to add or override");
  outline->add_option("FILE", outline_file, "a PDF or .txt file; - reads standard input")
      ->required();
  add_limits(outline);
  jixiao::cli::StoreCommands store_commands(app);  // batch, report, stats, merge
  jixiao::cli::ReviewArgs review_args;
  CLI::App* review = nullptr;
  CLI::App* checks = nullptr;
  jixiao::cli::AddReviewCommands(app, &review_args, &review, &checks);
  std::string shell;
  auto* completion = app.add_subcommand("completion", "print the shell completion script (bash)");
  completion->add_option("SHELL", shell, "bash")->check(CLI::IsMember({"bash"}))->required();
  auto* man = app.add_subcommand("man", "print the man page (roff)");

  try {
    std::vector<std::string> rev(args.rbegin(), args.rend() - 1);  // CLI11 parses a reversed list
    app.parse(rev);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitTrouble;
  }
  ui.lang = jixiao::ChooseLang(ui.lang_flag);

  try {
    jixiao::cli::StdinFile stdin_file;
    auto input = [&](const std::string& f) -> jixiao::Result<std::string> {
      if (f != "-") return f;
      return stdin_file.Path();
    };
    if (*extract) {
      auto path = input(extract_file);
      if (!path.ok()) return jixiao::cli::Fail(path.status().message());
      return RunExtract(*path, extract_format, opts);
    }
    if (*outline) {
      auto path = input(outline_file);
      if (!path.ok()) return jixiao::cli::Fail(path.status().message());
      auto doc = jixiao::LoadDocument(*path, opts);
      if (!doc.ok()) {
        PrintError(doc.status().message());
        return kExitTrouble;
      }
      auto rules = jixiao::Rules::Builtin();
      if (!rules.ok()) {
        PrintError(rules.status().message());
        return kExitTrouble;
      }
      if (!outline_rules.empty()) {
        jixiao::Status s = rules->AddDir(outline_rules);
        if (!s.ok()) return jixiao::cli::Fail(s.message());
      }
      if (outline_structure) {
        std::cout << jixiao::BuildStructure(*doc, *rules).Dump(*doc);
      } else {
        std::cout << jixiao::DumpOutline(*doc, *rules);
      }
      return kExitClean;
    }
    if (*audit) return jixiao::cli::RunAudit(audit_args);
    if (*review) return jixiao::cli::RunReview(review_args);
    if (*checks) return jixiao::cli::RunChecks(review_args);
    if (*completion) {
      std::cout << jixiao::cli::BashCompletion(app);
      return kExitClean;
    }
    if (*man) {
      std::cout << jixiao::cli::ManPage(app, std::string("jixiao ") + JIXIAO_BUILD_ID);
      return kExitClean;
    }
    if (auto rc = store_commands.Run()) return *rc;
  } catch (const std::exception& e) {
    PrintError(std::string("internal error: ") + e.what());
    return kExitTrouble;
  }
  return kExitTrouble;
}
