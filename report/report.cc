// Dispatch on the output format; text and JSON writers.
#include "report/report.h"

#include <fstream>

namespace jixiao {

bool ParseFormat(const std::string& name, Format* out) {
  static const struct {
    const char* name;
    Format f;
  } kFormats[] = {{"text", Format::kText}, {"json", Format::kJson}, {"csv", Format::kCsv},
                  {"xlsx", Format::kXlsx}, {"html", Format::kHtml}, {"pdf", Format::kPdf}};
  for (const auto& f : kFormats) {
    if (name == f.name) {
      *out = f.f;
      return true;
    }
  }
  return false;
}

void WriteText(const AuditResult& r, std::ostream& out, const WriteOptions&) {
  out << r.document << " (" << r.pages << " pages)";
  if (r.total) out << "  total " << r.total->score << "/" << r.total->max << " " << r.total->grade;
  out << "\n";
  for (Severity sev : {Severity::kError, Severity::kWarning, Severity::kInfo}) {
    for (const auto& f : r.findings) {
      if (f.severity != sev) continue;
      out << "  " << SeverityName(f.severity) << " " << CheckName(f.check) << " p." << f.page;
      if (!f.path.empty()) {
        out << " ";
        for (size_t i = 0; i < f.path.size(); ++i) out << (i ? " › " : "") << f.path[i];
      }
      out << "\n    「" << f.quote << "」\n";
      if (!f.arithmetic.empty()) out << "    " << f.arithmetic << "\n";
    }
  }
  out << "  " << r.errors() << " errors, " << r.warnings() << " warnings; coverage: "
      << r.coverage.indicators << " indicators (" << r.coverage.with_max << " with max, "
      << r.coverage.with_score << " with score), " << r.coverage.checks_run << " checks run, "
      << r.coverage.unread << " unread\n";
}

Status WriteResults(const std::vector<AuditResult>& results, Format format,
                    const std::string& out_path, std::ostream& out, const WriteOptions& options) {
  std::ofstream file;
  std::ostream* os = &out;
  std::string tmp;
  if (!out_path.empty()) {
    tmp = out_path + ".tmp";
    file.open(tmp, std::ios::binary);
    if (!file) return Status(Status::Code::kIoError, out_path + ": cannot write");
    os = &file;
  }
  switch (format) {
    case Format::kText:
      for (const auto& r : results) WriteText(r, *os, options);
      break;
    case Format::kJson:
      for (const auto& r : results) *os << ToJson(r) << "\n";
      break;
    default:
      return Status(Status::Code::kUsage, "this output format is not available yet");
  }
  if (!out_path.empty()) {
    file.close();
    if (!file || std::rename(tmp.c_str(), out_path.c_str()) != 0) {
      std::remove(tmp.c_str());
      return Status(Status::Code::kIoError, out_path + ": cannot write");
    }
  }
  return Status::Ok();
}

}  // namespace jixiao
