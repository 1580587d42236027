// CSV: one row per finding, UTF-8 with a byte order mark so Excel shows Chinese, RFC 4180.
#include "report/printable.h"
#include "report/finding_text.h"
#include "report/report.h"
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

// "-4.75%", "+3", "-1,234.5": a signed number, which spreadsheets read as a number, not a formula.
bool PlainNumber(const std::string& s) {
  size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  bool digit = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c != '.' && c != ',' && !(c == '%' && i + 1 == s.size())) {
      return false;
    }
  }
  return digit;
}

void WriteField(const std::string& s, std::ostream& out) { out << CsvField(s); }

}  // namespace

std::string CsvField(const std::string& field) {
  std::string s = Printable(field, /*keep_newlines=*/true);  // controls shown, never obeyed
  if (!s.empty() && std::string("=+-@\t\r").find(s[0]) != std::string::npos && !PlainNumber(s)) {
    s = "'" + s;
  }
  bool quote = s.find_first_of(",\"\r\n") != std::string::npos || (!s.empty() && s[0] == ' ');
  if (!quote) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

namespace {

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
    if (!r.assessed) {
      // Nothing was checked: one row says so (check "not_assessed", the note as its quote), so
      // that a document without rows is never taken for a clean one.
      std::vector<std::string> row(FindingColumns().size());
      row[0] = r.document;
      row[1] = r.department;
      row[2] = r.year > 0 ? std::to_string(r.year) : "";
      row[4] = "not_assessed";
      row[7] = r.note.empty() ? "no self-evaluation content found" : r.note;
      WriteRow(row, out);
    }
  }
}

}  // namespace jixiao
