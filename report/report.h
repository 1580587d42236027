// Writers for audit results: terminal text, JSON lines, CSV, XLSX, HTML and an annotated PDF.
// docs/report.md describes each format as the auditor sees it.
#ifndef JIXIAO_REPORT_REPORT_H_
#define JIXIAO_REPORT_REPORT_H_

#include <ostream>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "extract/extract.h"
#include "extract/status.h"
#include "report/messages.h"

namespace jixiao {

enum class Format { kText, kJson, kCsv, kXlsx, kHtml, kPdf };

// Parses "text", "json", "csv", "xlsx", "html", "pdf"; false if unknown (`out` untouched).
bool ParseFormat(const std::string& name, Format* out);

struct WriteOptions {
  bool color = false;  // ANSI colours in text output (a terminal, and NO_COLOR unset)
  int dpi = 80;        // resolution of the page images in HTML output (72–100 keeps files small)
  // How those images are drawn: pdf.reader the PDF reader program, with its bounds (see
  // extract/extract.h; empty reader: in this process, for programs that install that).
  ExtractOptions pdf;
  Lang lang = Lang::kZh;  // of every word a person reads (JSON keys are never translated)
  int width = 0;          // terminal columns for text output; 0: do not wrap
  // Files the output must never be, beside each result's path: every input named on the command
  // line (those that failed to read too), rule files, the database (and its -wal, -shm, -journal).
  std::vector<std::string> inputs;
  std::string database;
};

// The decision an auditor recorded on a finding (`jixiao review`); empty `decision`: open.
struct Review {
  std::string decision;     // "accepted" or "dismissed"
  std::string why, by, at;  // at: UTC "2026-12-01T10:00:00Z"
};

// What a finding carries beyond audit/finding.h in exports.
struct FindingExtra {
  std::string fingerprint;  // Fingerprint(); computed by the writers when empty
  std::string other_file;   // change.cross_year: the other year's document
  int other_page = 0, other_line = 0;
  std::string other_quote;
  Review review;
};

// One audited document as the deliverables show it.
struct DocumentReport {
  AuditResult result;
  std::string sha256;               // of the input file; "" when unknown
  std::string audited_at;           // UTC; "" when unknown
  std::vector<FindingExtra> extra;  // parallel to result.findings, or empty
};

// An input that could not be read: listed in every deliverable, never dropped.
struct FailedInput {
  std::string path;
  std::string reason;  // the one-line error
};

// What made the outputs: every export carries it.
struct Provenance {
  std::string jixiao;  // "jixiao 0.1.0 (build 1a2b3c…)"
  std::string rules;   // Rules::Version()
  std::string run_at;  // UTC
};

struct ReportSet {
  std::vector<DocumentReport> documents;
  std::vector<FailedInput> failed;
  Provenance provenance;
};

// The stable id of a finding: check id, the document's SHA-256 and what the finding is about (its
// indicator path, stated value and the figures of its quote: not an offset, so it survives a
// re-extraction that moves text), as 16 hex digits; for a parse.unread note, the figures of the
// unread text (Finding::figure, else the quote), or its characters when it has no figure, in place
// of the quote's. `ordinal` tells apart findings that agree on all of these (0 for the first).
std::string Fingerprint(const Finding& f, const std::string& sha256, int ordinal = 0);
// Fingerprints for every finding of `r`, in order, with ordinals for repeats.
std::vector<std::string> Fingerprints(const AuditResult& r, const std::string& sha256);

// Writes a whole set (documents, failed inputs, provenance) in `format`; see WriteResults.
Status WriteReport(const ReportSet& set, Format format, const std::string& out_path,
                   std::ostream& out, const WriteOptions& options);

// Writes the results of several documents.
//
// Text, JSON, CSV and HTML go to `out` when `out_path` is empty; XLSX and PDF need `out_path`
// (kUsage otherwise). PDF output takes exactly one result whose `path` is a readable PDF; it is
// copied with one annotation per finding and never modified (an `out_path` naming the input is a
// kUsage error). HTML and PDF output reopen the PDFs named by AuditResult::path.
//
// `out_path` "-" is `out` (standard output), for every format. Files are written atomically: a
// temporary file in the same directory, renamed over `out_path` only when complete; on any error
// `out_path` is untouched and the Status names the file. A symlink is followed, a device or FIFO
// written into (report/atomic_file.h). An `out_path` that is the same file as an input or the
// database (through ./, symlinks, hard links) is a kUsage error, before anything is written.
Status WriteResults(const std::vector<AuditResult>& results, Format format,
                    const std::string& out_path, std::ostream& out, const WriteOptions& options);

// One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF or starts with a space,
// quotes doubled. A field a spreadsheet would run as a formula (starting with = + - @ tab or CR,
// and not a plain number such as "-4.75%") gets a leading apostrophe: a report's text is data.
std::string CsvField(const std::string& s);

// The terminal text of one result: a header line, findings grouped by severity (errors first),
// each with check id, location, indicator path, the quote with the stated figure in 【】, stated
// vs recomputed and the arithmetic; then a line with counts and coverage.
void WriteText(const AuditResult& r, std::ostream& out, const WriteOptions& options);
void WriteText(const DocumentReport& d, std::ostream& out, const WriteOptions& options);

}  // namespace jixiao

#endif  // JIXIAO_REPORT_REPORT_H_
