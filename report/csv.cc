// CSV: one row per finding, UTF-8 with a byte order mark so Excel shows Chinese, RFC 4180.
#include "report/audit_words.h"
#include "report/printable.h"
#include "report/finding_text.h"
#include "report/report.h"
#include "report/writers.h"

namespace jixiao {

const std::vector<Msg>& FindingColumns() {
  static const std::vector<Msg> kColumns = {
      Msg::kColFile,        Msg::kColDocument,  Msg::kColDepartment, Msg::kColYear,
      Msg::kColCheck,       Msg::kColSeverity,  Msg::kColPage,       Msg::kColLine,
      Msg::kColPath,        Msg::kColStated,    Msg::kColRecomputed, Msg::kColArithmetic,
      Msg::kColQuote,       Msg::kColOtherFile, Msg::kColOtherPage,  Msg::kColOtherLine,
      Msg::kColFingerprint, Msg::kColDecision,  Msg::kColWhy,        Msg::kColDecidedBy,
      Msg::kColDecidedAt,   Msg::kColSha256,    Msg::kColJixiao,     Msg::kColRules,
      Msg::kColRunAt};
  return kColumns;
}

std::vector<std::string> FindingColumnNames(Lang lang) {
  std::vector<std::string> names;
  for (Msg m : FindingColumns()) names.push_back(Tr(lang, m));
  return names;
}

FindingExtra ExtraOf(const DocumentReport& d, size_t i) {
  FindingExtra e = i < d.extra.size() ? d.extra[i] : FindingExtra{};
  if (e.fingerprint.empty()) e.fingerprint = Fingerprints(d.result, d.sha256)[i];
  return e;
}

std::vector<std::string> FindingFields(const DocumentReport& d, size_t i, const Provenance& p,
                                       Lang lang) {
  const AuditResult& r = d.result;
  const Finding& f = r.findings[i];
  FindingExtra e = ExtraOf(d, i);
  const bool other = !e.other_file.empty();
  return {r.path,
          r.document,
          r.department,
          r.year > 0 ? std::to_string(r.year) : "",
          CheckName(f.check),
          SeverityWord(lang, f.severity),
          f.page > 0 ? std::to_string(f.page) : "",
          f.line > 0 ? std::to_string(f.line) : "",
          JoinPath(f.path),
          f.stated,
          AuditWords(lang, f.recomputed),
          AuditWords(lang, f.arithmetic),
          f.quote,
          e.other_file,
          other && e.other_page > 0 ? std::to_string(e.other_page) : "",
          other && e.other_line > 0 ? std::to_string(e.other_line) : "",
          e.fingerprint,
          DecisionWord(e.review, lang),
          e.review.why,
          e.review.by,
          e.review.at,
          d.sha256,
          p.jixiao,
          p.rules,
          p.run_at};
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

void WriteCsv(const ReportSet& set, std::ostream& out, Lang lang) {
  out << "\xEF\xBB\xBF";
  WriteRow(FindingColumnNames(lang), out);
  for (const auto& d : set.documents) {
    const AuditResult& r = d.result;
    for (size_t i = 0; i < r.findings.size(); ++i) {
      WriteRow(FindingFields(d, i, set.provenance, lang), out);
    }
    if (!r.assessed) {
      // Nothing was checked: one row says so (check "not_assessed", the note as its quote), so
      // that a document without rows is never taken for a clean one.
      std::vector<std::string> row(FindingColumns().size());
      row[0] = r.path;
      row[1] = r.document;
      row[2] = r.department;
      row[3] = r.year > 0 ? std::to_string(r.year) : "";
      row[4] = "not_assessed";
      row[12] = r.note.empty() ? Tr(lang, Msg::kNoContent) : AuditWords(lang, r.note);
      row[21] = d.sha256;
      row[22] = set.provenance.jixiao;
      row[23] = set.provenance.rules;
      row[24] = set.provenance.run_at;
      WriteRow(row, out);
    }
  }
  // Unreadable inputs: a row each, so that a spreadsheet of findings never hides them.
  for (const auto& f : set.failed) {
    std::vector<std::string> row(FindingColumns().size());
    row[0] = f.path;
    row[4] = "input.unreadable";
    row[5] = SeverityWord(lang, Severity::kError);
    row[12] = f.reason;
    row[22] = set.provenance.jixiao;
    row[23] = set.provenance.rules;
    row[24] = set.provenance.run_at;
    WriteRow(row, out);
  }
}

}  // namespace jixiao
