// The writers behind WriteReport, one per output format (private to report/). Each takes the
// whole set; the file writers are called with a temporary path by WriteFileAtomically.
#ifndef JIXIAO_REPORT_WRITERS_H_
#define JIXIAO_REPORT_WRITERS_H_

#include <ostream>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "extract/status.h"
#include "report/report.h"

namespace jixiao {

// The findings table shared by CSV, XLSX, `audit` and `report`: one column set, one order.
const std::vector<Msg>& FindingColumns();
std::vector<std::string> FindingColumnNames(Lang lang);
// The fields of finding `i` of `d`, in FindingColumns() order.
std::vector<std::string> FindingFields(const DocumentReport& d, size_t i, const Provenance& p,
                                       Lang lang);
// The extra of finding `i` (fingerprint filled in), whether or not `d.extra` has it.
FindingExtra ExtraOf(const DocumentReport& d, size_t i);

// CSV: UTF-8 with a byte order mark, CRLF line ends, RFC 4180 quoting; one row per finding, then
// one row per unreadable input (check "input.unreadable", the reason in the quote column).
void WriteCsv(const ReportSet& set, std::ostream& out, Lang lang);

// JSON lines: ToJson of each document with schema_version, sha256, provenance and per-finding
// fingerprint and decision added; then one {"file", "error"} line per unreadable input.
void WriteJson(const ReportSet& set, std::ostream& out);
inline constexpr int kJsonSchemaVersion = 2;

// XLSX workbook at `file`: sheets of findings, documents, unreadable inputs and provenance.
// `display_path` names the destination in error messages.
Status WriteXlsx(const ReportSet& set, const std::string& file, const std::string& display_path,
                 Lang lang);

// One self-contained HTML page. Pages with findings are rendered from the PDFs at `options.dpi`;
// a PDF that cannot be opened any more is reported in the page, not as an error.
Status WriteHtml(const ReportSet& set, std::ostream& out, const WriteOptions& options);

// `out_path` names a folder (ends in "/" or is a directory): HTML is written as a site there.
bool IsSiteTarget(const std::string& out_path);
// DIR/index.html (counts, filters, search, every document, the unreadable files) and one page per
// document, DIR/docs/N.html, each written atomically.
Status WriteHtmlSite(const ReportSet& set, const std::string& dir, const WriteOptions& options);

// A copy of `d.result.path` (a PDF) with one annotation per finding and jixiao's provenance in
// its document information, written to `file`.
Status WriteAnnotatedPdf(const DocumentReport& d, const Provenance& p, const std::string& file,
                         const std::string& display_path, Lang lang);

}  // namespace jixiao

#endif  // JIXIAO_REPORT_WRITERS_H_
