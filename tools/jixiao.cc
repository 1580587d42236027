// jixiao: the command line. Thin: parse arguments, call the libraries, map results to exit codes
// (0 clean, 1 error findings, 2 unreadable input or usage).
#include <unistd.h>

#include <CLI/CLI.hpp>

#include "report/printable.h"
#include "build_id.h"
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "audit/audit.h"
#include "rules/rules.h"
#include "extract/extract.h"
#include "structure/structure.h"
#include "report/report.h"
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

int RunAudit(const std::vector<std::string>& files, const std::string& format_name,
             const std::string& out_path, const std::string& rules_dir,
             const jixiao::ExtractOptions& opts) {
  jixiao::Format format;
  if (!jixiao::ParseFormat(format_name, &format)) {
    PrintError("unknown --format '" + format_name + "' (text, json, csv, xlsx, html, pdf)");
    return kExitTrouble;
  }
  auto rules = jixiao::Rules::Builtin();
  if (!rules.ok()) {
    PrintError(rules.status().message());
    return kExitTrouble;
  }
  if (!rules_dir.empty()) {
    jixiao::Status s = rules->AddDir(rules_dir);
    if (!s.ok()) {
      PrintError(s.message());
      return kExitTrouble;
    }
  }
  std::vector<jixiao::AuditResult> results;
  bool trouble = false;
  for (const auto& f : files) {
    // --max-seconds and --max-memory bound the whole document: reading and audit.
    jixiao::AuditLimits limits{opts.max_seconds, opts.max_memory_mib,
                               std::chrono::steady_clock::now()};
    auto doc = jixiao::LoadDocument(f, opts);
    if (!doc.ok()) {
      PrintError(doc.status().message());
      trouble = true;
      continue;
    }
    auto result = jixiao::Audit(*doc, *rules, limits);
    if (!result.ok()) {
      PrintError(result.status().message());
      trouble = true;
      continue;
    }
    results.push_back(std::move(result).value());
  }
  jixiao::WriteOptions wo;
  wo.color = (out_path.empty() || out_path == "-") && format == jixiao::Format::kText &&
             isatty(1) && std::getenv("NO_COLOR") == nullptr;
  // The output must not replace any input: the documents (read or not) and the rule files.
  wo.inputs = files;
  if (!rules_dir.empty()) {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(rules_dir, ec)) {
      wo.inputs.push_back(e.path().string());
    }
  }
  jixiao::Status s = jixiao::WriteResults(results, format, out_path, std::cout, wo);
  if (!s.ok()) {
    PrintError(s.message());
    return kExitTrouble;
  }
  if (trouble) return kExitTrouble;
  for (const auto& r : results) {
    if (r.errors() > 0) return kExitFindings;
  }
  return kExitClean;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"jixiao: audits Chinese government performance self-evaluation reports "
               "(部门整体支出绩效自评报告) for internal consistency"};
  app.set_version_flag("--version", std::string("jixiao ") + JIXIAO_BUILD_ID);
  app.require_subcommand(1);

  jixiao::ExtractOptions opts;
  auto add_limits = [&opts](CLI::App* cmd) { jixiao::cli::AddLimitOptions(cmd, &opts); };

  std::string extract_file, extract_format = "text";
  auto* extract = app.add_subcommand("extract", "print the normalized, page-numbered text");
  extract->add_option("--format", extract_format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  extract->add_option("FILE", extract_file, "a PDF or .txt file")->required();
  add_limits(extract);

  std::vector<std::string> audit_files;
  std::string audit_format = "text", audit_out, rules_dir;
  auto* audit = app.add_subcommand("audit", "recompute every score and figure; list findings");
  audit->add_option("--format", audit_format, "text, json, csv, xlsx, html or pdf");
  audit->add_option("-o,--output", audit_out, "write to FILE instead of standard output");
  audit->add_option("--rules", rules_dir, "a directory of *.rules files to add or override");
  audit->add_option("FILE", audit_files, "PDF or .txt files")->required();
  add_limits(audit);

  std::string outline_file;
  auto* outline = app.add_subcommand("outline", "print the indicator tree as jixiao reads it");
  bool outline_structure = false;
  outline->add_flag("--structure", outline_structure,
                    "print the document model instead: kind and parts, sections, tables as grids");
  outline->add_option("FILE", outline_file, "a PDF or .txt file")->required();
  add_limits(outline);
  jixiao::cli::StoreCommands store_commands(app);  // batch, report, stats, merge

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitTrouble;
  }

  try {
    if (*extract) return RunExtract(extract_file, extract_format, opts);
    if (*outline) {
      auto doc = jixiao::LoadDocument(outline_file, opts);
      if (!doc.ok()) {
        PrintError(doc.status().message());
        return kExitTrouble;
      }
      auto rules = jixiao::Rules::Builtin();
      if (!rules.ok()) {
        PrintError(rules.status().message());
        return kExitTrouble;
      }
      if (outline_structure) {
        std::cout << jixiao::BuildStructure(*doc, *rules).Dump(*doc);
      } else {
        std::cout << jixiao::DumpOutline(*doc, *rules);
      }
      return kExitClean;
    }
    if (*audit) return RunAudit(audit_files, audit_format, audit_out, rules_dir, opts);
    if (auto rc = store_commands.Run()) return *rc;
  } catch (const std::exception& e) {
    PrintError(std::string("internal error: ") + e.what());
    return kExitTrouble;
  }
  return kExitTrouble;
}
