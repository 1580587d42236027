// CSV: one row per finding, UTF-8 with a byte order mark so Excel shows Chinese, RFC 4180.
#include "report/finding_text.h"
#include "report/writers.h"

namespace jixiao {

const std::vector<std::string>& FindingColumns() {
  static const std::vector<std::string> kColumns = {
      "document", "department", "year",  "page",   "check",      "severity",
      "path",     "quote",      "stated", "recomputed", "arithmetic"};
  return kColumns;
}

std::vector<std::string> FindingRow(const AuditResult& r, const Finding& f) {
  return {r.document,
          r.department,
          r.year > 0 ? std::to_string(r.year) : "",
          f.page > 0 ? std::to_string(f.page) : "",
          CheckName(f.check),
          SeverityName(f.severity),
          JoinPath(f.path),
          f.quote,
          f.stated,
          f.recomputed,
          f.arithmetic};
}

namespace {

// A field quoted when it holds a comma, quote, CR or LF (RFC 4180 §2.6), quotes doubled; also
// quoted when it starts with a space, so spreadsheets keep it as written.
void WriteField(const std::string& s, std::ostream& out) {
  bool quote = s.find_first_of(",\"\r\n") != std::string::npos || (!s.empty() && s[0] == ' ');
  if (!quote) {
    out << s;
    return;
  }
  out << '"';
  for (char c : s) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

void WriteRow(const std::vector<std::string>& fields, std::ostream& out) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out << ',';
    WriteField(fields[i], out);
  }
  out << "\r\n";
}

}  // namespace

void WriteCsv(const std::vector<AuditResult>& results, std::ostream& out) {
  out << "\xEF\xBB\xBF";
  WriteRow(FindingColumns(), out);
  for (const auto& r : results) {
    for (const auto& f : r.findings) WriteRow(FindingRow(r, f), out);
  }
}

}  // namespace jixiao
