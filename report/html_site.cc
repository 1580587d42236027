// The HTML report of a large set as a folder: index.html (counts by check, severity, department
// and year; every document in one table with filters and a search box; the unreadable files) and
// one page per document under docs/ (the single-document page of html.cc, images included). The
// index holds no images, so it stays small (about 300 bytes a document) for 10,000 documents.
#include <filesystem>
#include <map>
#include <sstream>

#include "report/atomic_file.h"
#include "report/finding_text.h"
#include "report/printable.h"
#include "report/writers.h"

namespace jixiao {

namespace {

// Controls and bidi characters shown escaped first (issue 13 item 3), as on the single-document page.
std::string Esc(const std::string& s) { return HtmlEntities(Printable(s, /*keep_newlines=*/true)); }

constexpr char kIndexStyle[] = R"css(
body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; margin: 0 auto;
  max-width: 1300px; padding: 1em 1.5em 4em; color: #1f2328; }
table { border-collapse: collapse; font-size: .92em; }
th, td { border-bottom: 1px solid #eaeef2; padding: .2em .6em; text-align: left; }
th { background: #f6f8fa; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
.counts { display: flex; flex-wrap: wrap; gap: 2em; align-items: flex-start; }
.filters { margin: 1em 0; display: flex; gap: .8em; flex-wrap: wrap; }
.errors { color: #c62828; font-weight: bold; } .warnings { color: #e65100; } .clean { color: #2e7d32; }
)css";

// Filters rows of the documents table by department, year, status and free text.
constexpr char kIndexScript[] = R"js(
function jxFilter() {
  var d = document.getElementById('f-dept').value, y = document.getElementById('f-year').value,
      s = document.getElementById('f-status').value, c = document.getElementById('f-check').value,
      q = document.getElementById('f-search').value.toLowerCase(), shown = 0;
  document.querySelectorAll('#docs tbody tr').forEach(function (tr) {
    var ok = (!d || tr.dataset.department === d) && (!y || tr.dataset.year === y) &&
             (!s || tr.dataset.status === s) &&
             (!c || (' ' + tr.dataset.checks + ' ').indexOf(' ' + c + ' ') >= 0) &&
             (!q || tr.textContent.toLowerCase().indexOf(q) >= 0);
    tr.style.display = ok ? '' : 'none';
    shown += ok;
  });
  document.getElementById('shown').textContent = shown;
}
)js";

void Options(std::ostream& out, const char* id, const std::string& all,
             const std::map<std::string, long>& values) {
  out << "<select id=\"" << id << "\" onchange=\"jxFilter()\"><option value=\"\">" << Esc(all)
      << "</option>";
  for (const auto& [v, n] : values) {
    out << "<option value=\"" << Esc(v) << "\">" << Esc(v.empty() ? "—" : v) << " (" << n
        << ")</option>";
  }
  out << "</select>";
}

void CountTable(std::ostream& out, const std::string& title, const std::map<std::string, long>& m,
                Lang lang) {
  out << "<table><tr><th>" << Esc(title) << "</th><th>" << Tr(lang, Msg::kFindings) << "</th></tr>";
  for (const auto& [k, n] : m) {
    out << "<tr><td>" << Esc(k.empty() ? "—" : k) << "</td><td class=\"n\">" << n << "</td></tr>";
  }
  out << "</table>\n";
}

}  // namespace

bool IsSiteTarget(const std::string& out_path) {
  std::error_code ec;
  return !out_path.empty() &&
         (out_path.back() == '/' || std::filesystem::is_directory(out_path, ec));
}

Status WriteHtmlSite(const ReportSet& set, const std::string& dir, const WriteOptions& options) {
  namespace fs = std::filesystem;
  const Lang lang = options.lang;
  std::error_code ec;
  fs::create_directories(fs::path(dir) / "docs", ec);
  if (ec) return Status(Status::Code::kIoError, dir + ": cannot create: " + ec.message());
  std::map<std::string, long> by_check, by_severity, by_department, by_year, departments, years;
  for (size_t i = 0; i < set.documents.size(); ++i) {
    const DocumentReport& d = set.documents[i];
    const AuditResult& r = d.result;
    departments[r.department]++;
    years[r.year > 0 ? std::to_string(r.year) : ""]++;
    for (const auto& f : r.findings) {
      by_check[CheckName(f.check)]++;
      by_severity[SeverityWord(lang, f.severity)]++;
      by_department[r.department]++;
      by_year[r.year > 0 ? std::to_string(r.year) : ""]++;
    }
    ReportSet one;
    one.documents.push_back(d);
    one.provenance = set.provenance;
    const std::string page = (fs::path(dir) / "docs" / (std::to_string(i + 1) + ".html")).string();
    Status s = WriteStreamAtomically(page, [&](std::ostream& os) {
      os << "<p><a href=\"../index.html\">← " << Tr(lang, Msg::kDocumentsTitle) << "</a></p>\n";
      return WriteHtml(one, os, options);
    });
    if (!s.ok()) return s;
  }
  return WriteStreamAtomically((fs::path(dir) / "index.html").string(), [&](std::ostream& out) {
    out << "<!DOCTYPE html>\n<html lang=\"" << (lang == Lang::kZh ? "zh-CN" : "en")
        << "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"generator\" content=\""
        << Esc(set.provenance.jixiao) << "\">\n<title>" << Tr(lang, Msg::kTitle)
        << "</title>\n<style>" << kIndexStyle << "</style>\n<script>" << kIndexScript
        << "</script>\n</head>\n<body>\n<h1>" << Tr(lang, Msg::kTitle) << "</h1>\n";
    out << "<p>" << CountOf(lang, static_cast<long>(set.documents.size()), Msg::kColDocs);
    if (!set.failed.empty()) {
      out << " · <a href=\"#failed\">" << Tr(lang, Msg::kUnreadable) << " " << set.failed.size()
          << "</a>";
    }
    out << " · " << Esc(set.provenance.jixiao) << " · " << Esc(set.provenance.run_at) << "</p>\n";
    out << "<div class=\"counts\">\n";
    CountTable(out, Tr(lang, Msg::kByCheck), by_check, lang);
    CountTable(out, Tr(lang, Msg::kBySeverity), by_severity, lang);
    CountTable(out, Tr(lang, Msg::kByDepartment), by_department, lang);
    CountTable(out, Tr(lang, Msg::kByYear), by_year, lang);
    out << "</div>\n<h2>" << Tr(lang, Msg::kDocumentsTitle) << " (<span id=\"shown\">"
        << set.documents.size() << "</span>)</h2>\n<div class=\"filters\">";
    Options(out, "f-dept", Tr(lang, Msg::kAllDepartments), departments);
    Options(out, "f-year", Tr(lang, Msg::kAllYears), years);
    Options(out, "f-check", Tr(lang, Msg::kAllChecks), by_check);
    out << "<select id=\"f-status\" onchange=\"jxFilter()\"><option value=\"\">"
        << Tr(lang, Msg::kColStatus) << "</option>";
    for (const char* s : {"errors", "warnings", "clean", "not-assessed"}) {
      out << "<option value=\"" << s << "\">" << s << "</option>";
    }
    out << "</select><input id=\"f-search\" type=\"search\" placeholder=\""
        << Tr(lang, Msg::kSearch) << "\" oninput=\"jxFilter()\"></div>\n";
    const Msg cols[] = {Msg::kColFile,     Msg::kColDepartment, Msg::kColYear,
                        Msg::kColPages,    Msg::kColScore,      Msg::kColErrors,
                        Msg::kColWarnings, Msg::kColInfos,      Msg::kColStatus};
    out << "<table id=\"docs\"><thead><tr>";
    for (Msg m : cols) out << "<th>" << Tr(lang, m) << "</th>";
    out << "</tr></thead><tbody>\n";
    for (size_t i = 0; i < set.documents.size(); ++i) {
      const AuditResult& r = set.documents[i].result;
      std::string checks;
      for (const auto& f : r.findings) {
        std::string c = CheckName(f.check);
        if ((" " + checks + " ").find(" " + c + " ") == std::string::npos) {
          checks += (checks.empty() ? "" : " ") + c;
        }
      }
      const int infos = static_cast<int>(r.findings.size()) - r.errors() - r.warnings();
      const std::string status = StatusWord(r);
      out << "<tr data-department=\"" << Esc(r.department) << "\" data-year=\""
          << (r.year > 0 ? std::to_string(r.year) : "") << "\" data-status=\"" << status
          << "\" data-checks=\"" << checks << "\"><td><a href=\"docs/" << i + 1 << ".html\">"
          << Esc(r.path) << "</a></td><td>" << Esc(r.department) << "</td><td>"
          << (r.year > 0 ? std::to_string(r.year) : "") << "</td><td class=\"n\">" << r.pages
          << "</td><td class=\"n\">" << Esc(TotalText(r, lang)) << "</td><td class=\"n\">"
          << r.errors() << "</td><td class=\"n\">" << r.warnings() << "</td><td class=\"n\">"
          << infos << "</td><td class=\"" << status << "\">" << Esc(StatusLabel(r, lang))
          << "</td></tr>\n";
    }
    out << "</tbody></table>\n";
    if (!set.failed.empty()) {
      out << "<h2 id=\"failed\">" << Tr(lang, Msg::kUnreadable) << " (" << set.failed.size()
          << ")</h2>\n<table><tr><th>" << Tr(lang, Msg::kColFile) << "</th><th>"
          << Tr(lang, Msg::kColReason) << "</th></tr>\n";
      for (const auto& f : set.failed) {
        out << "<tr><td>" << Esc(f.path) << "</td><td>" << Esc(f.reason) << "</td></tr>\n";
      }
      out << "</table>\n";
    }
    out << "</body>\n</html>\n";
    return Status::Ok();
  });
}

}  // namespace jixiao
