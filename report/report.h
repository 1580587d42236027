// Writers for audit results: terminal text, JSON lines, and (later) CSV, XLSX, HTML, annotated PDF.
#ifndef JIXIAO_REPORT_REPORT_H_
#define JIXIAO_REPORT_REPORT_H_

#include <ostream>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "extract/status.h"

namespace jixiao {

enum class Format { kText, kJson, kCsv, kXlsx, kHtml, kPdf };

// Parses "text", "json", ...; nullopt-like false if unknown.
bool ParseFormat(const std::string& name, Format* out);

struct WriteOptions {
  bool color = false;  // ANSI colours in text output (a terminal, and NO_COLOR unset)
};

// Writes the results of several documents. Text and JSON go to `out` when `out_path` is empty;
// binary formats (xlsx, pdf) need `out_path`. Files are written atomically (temporary + rename).
Status WriteResults(const std::vector<AuditResult>& results, Format format,
                    const std::string& out_path, std::ostream& out, const WriteOptions& options);

// The terminal text of one result: findings grouped by severity, then a coverage line.
void WriteText(const AuditResult& r, std::ostream& out, const WriteOptions& options);

}  // namespace jixiao

#endif  // JIXIAO_REPORT_REPORT_H_
