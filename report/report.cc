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
  if (out_path.empty() || out_path == "-") {
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

// A file format (written by name) to `out_path`, or through a temporary file to `out` for "-".
Status ToFile(const std::string& out_path, std::ostream& out,
              const std::function<Status(const std::string& temp)>& write) {
  if (out_path == "-") return WriteFileToStream(out, write);
  return WriteFileAtomically(out_path, write);
}

// An output that would replace an input or the database is refused before anything is written.
Status RefuseInputs(const ReportSet& set, const std::string& out_path,
                    const WriteOptions& options) {
  if (out_path.empty() || out_path == "-") return Status::Ok();
  std::vector<std::string> inputs = options.inputs;
  for (const auto& d : set.documents) inputs.push_back(d.result.path);
  Status s = RefuseInput(out_path, inputs, "the input");
  if (!s.ok() || options.database.empty()) return s;
  const std::string& db = options.database;
  return RefuseInput(out_path, {db, db + "-wal", db + "-shm", db + "-journal"}, "the database");
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
  if (format == Format::kPdf && docs.size() == 1 && !out_path.empty() && out_path != "-" &&
      SameFile(docs[0].result.path, out_path)) {
    return Status(Status::Code::kUsage,
                  out_path + ": the annotated copy must not overwrite the original");
  }
  if (Status s = RefuseInputs(set, out_path, options); !s.ok()) return s;
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
      return ToFile(out_path, out, [&](const std::string& temp) {
        return WriteXlsx(set, temp, out_path == "-" ? "standard output" : out_path, options.lang);
      });
    case Format::kPdf:
      if (out_path.empty()) return Status(Status::Code::kUsage, "--format pdf needs -o FILE");
      if (docs.size() != 1) {
        return Status(Status::Code::kUsage, "--format pdf annotates one document; " +
                                                std::to_string(docs.size()) + " were given");
      }
      return ToFile(out_path, out, [&](const std::string& temp) {
        return WriteAnnotatedPdf(docs[0], set.provenance, temp,
                                 out_path == "-" ? "standard output" : out_path, options.lang);
      });
  }
  return Status(Status::Code::kInternal, "unknown output format");
}

}  // namespace jixiao
