// The writers behind WriteResults, one per output format (private to report/). Each takes every
// audited document; the file writers are called with a temporary path by WriteFileAtomically.
#ifndef JIXIAO_REPORT_WRITERS_H_
#define JIXIAO_REPORT_WRITERS_H_

#include <ostream>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "extract/status.h"
#include "report/report.h"

namespace jixiao {

// CSV: UTF-8 with a byte order mark, CRLF line ends, RFC 4180 quoting; one row per finding.
void WriteCsv(const std::vector<AuditResult>& results, std::ostream& out);
// The CSV header and the fields of one finding's row (shared with the XLSX writer).
const std::vector<std::string>& FindingColumns();
std::vector<std::string> FindingRow(const AuditResult& r, const Finding& f);

// XLSX workbook at `file`: sheet "Findings" (one row per finding) and "Documents".
// `display_path` names the destination in error messages.
Status WriteXlsx(const std::vector<AuditResult>& results, const std::string& file,
                 const std::string& display_path);

// One self-contained HTML page. Pages with findings are rendered from the PDFs at `options.dpi`;
// a PDF that cannot be opened any more is reported in the page, not as an error.
Status WriteHtml(const std::vector<AuditResult>& results, std::ostream& out,
                 const WriteOptions& options);

// A copy of `r.path` (a PDF) with one annotation per finding, written to `file`.
Status WriteAnnotatedPdf(const AuditResult& r, const std::string& file,
                         const std::string& display_path);

}  // namespace jixiao

#endif  // JIXIAO_REPORT_WRITERS_H_
