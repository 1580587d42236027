// Dispatch on the output format, and the JSON lines writer.
#include "report/report.h"

#include <filesystem>
#include <system_error>

#include "report/atomic_file.h"
#include "report/writers.h"

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

namespace {

// Writes a stream format to `out`, or atomically to `out_path` when one is given.
Status ToStreamOrFile(const std::string& out_path, std::ostream& out,
                      const std::function<Status(std::ostream&)>& write) {
  if (out_path.empty()) {
    Status s = write(out);
    if (s.ok() && !out.flush())
      return Status(Status::Code::kIoError, "standard output: cannot write");
    return s;
  }
  return WriteStreamAtomically(out_path, write);
}

bool SameFile(const std::string& a, const std::string& b) {
  std::error_code ec;
  return std::filesystem::equivalent(a, b, ec) && !ec;
}

}  // namespace

Status WriteResults(const std::vector<AuditResult>& results, Format format,
                    const std::string& out_path, std::ostream& out, const WriteOptions& options) {
  ReportSet set;
  for (const auto& r : results) set.documents.push_back(DocumentReport{r, "", "", {}});
  return WriteReport(set, format, out_path, out, options);
}

Status WriteReport(const ReportSet& set, Format format, const std::string& out_path,
                   std::ostream& out, const WriteOptions& options) {
  const auto& docs = set.documents;
  switch (format) {
    case Format::kText:
      return ToStreamOrFile(out_path, out, [&](std::ostream& os) {
        for (size_t i = 0; i < docs.size(); ++i) {
          if (i) os << "\n";  // a blank line between documents
          WriteText(docs[i], os, options);
        }
        return Status::Ok();
      });
    case Format::kJson:
      return ToStreamOrFile(out_path, out, [&](std::ostream& os) {
        WriteJson(set, os);
        return Status::Ok();
      });
    case Format::kCsv:
      return ToStreamOrFile(out_path, out, [&](std::ostream& os) {
        WriteCsv(set, os, options.lang);
        return Status::Ok();
      });
    case Format::kHtml:
      if (IsSiteTarget(out_path)) return WriteHtmlSite(set, out_path, options);
      return ToStreamOrFile(out_path, out,
                            [&](std::ostream& os) { return WriteHtml(set, os, options); });
    case Format::kXlsx:
      if (out_path.empty()) return Status(Status::Code::kUsage, "--format xlsx needs -o FILE");
      return WriteFileAtomically(out_path, [&](const std::string& temp) {
        return WriteXlsx(set, temp, out_path, options.lang);
      });
    case Format::kPdf:
      if (out_path.empty()) return Status(Status::Code::kUsage, "--format pdf needs -o FILE");
      if (docs.size() != 1) {
        return Status(Status::Code::kUsage, "--format pdf annotates one document; " +
                                                std::to_string(docs.size()) + " were given");
      }
      if (SameFile(docs[0].result.path, out_path)) {
        return Status(Status::Code::kUsage,
                      out_path + ": the annotated copy must not overwrite the original");
      }
      return WriteFileAtomically(out_path, [&](const std::string& temp) {
        return WriteAnnotatedPdf(docs[0], set.provenance, temp, out_path, options.lang);
      });
  }
  return Status(Status::Code::kInternal, "unknown output format");
}

}  // namespace jixiao
