// XLSX with libxlsxwriter: sheet "Findings" (the CSV columns, frozen header, autofilter) and sheet
// "Documents" (one row per document: score, grade, findings by severity, coverage, status).
#include <xlsxwriter.h>

#include <charconv>

#include "report/printable.h"
#include "report/finding_text.h"
#include "report/writers.h"

namespace jixiao {

namespace {

// A cell's text: controls and bidi characters escaped (report/printable.h), and every literal
// "_xHHHH_" in it escaped as "_x005F_xHHHH_": Excel decodes that pattern in shared strings, so a
// report that says "_x0041_" would otherwise show "A".
std::string CellText(const std::string& s) {
  std::string t = Printable(s, /*keep_newlines=*/true), out;
  auto hex = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  };
  for (size_t i = 0; i < t.size(); ++i) {
    if (t.compare(i, 2, "_x") == 0 && i + 7 <= t.size() && hex(t[i + 2]) && hex(t[i + 3]) &&
        hex(t[i + 4]) && hex(t[i + 5]) && t[i + 6] == '_') {
      out += "_x005F";
    }
    out += t[i];
  }
  return out;
}

void WriteString(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& s,
                 lxw_format* format) {
  worksheet_write_string(ws, row, col, CellText(s).c_str(), format);
}

// Writes `s` as a number when it is one exactly as written ("98.39"), else as a string, so that
// sorting and sums work in the spreadsheet without losing what the report said.
void WriteNumberOrString(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& s,
                         lxw_format* format) {
  double v = 0;
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), end, v);
  if (!s.empty() && ec == std::errc() && ptr == end) {
    worksheet_write_number(ws, row, col, v, format);
  } else if (!s.empty()) {
    WriteString(ws, row, col, s, format);
  }
}

void WriteHeader(lxw_worksheet* ws, const std::vector<std::string>& names, lxw_format* bold) {
  for (size_t c = 0; c < names.size(); ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), names[c].c_str(), bold);
  }
  worksheet_freeze_panes(ws, 1, 0);
}

void WriteFindingsSheet(const std::vector<AuditResult>& results, lxw_worksheet* ws,
                        lxw_format* bold, lxw_format* wrap) {
  const auto& columns = FindingColumns();
  WriteHeader(ws, columns, bold);
  // Widths in characters, in the order of FindingColumns(); a CJK character counts about two.
  static const double kWidths[] = {22, 24, 6, 6, 20, 9, 36, 60, 12, 12, 50};
  for (size_t c = 0; c < columns.size() && c < std::size(kWidths); ++c) {
    auto col = static_cast<lxw_col_t>(c);
    bool wide_text = columns[c] == "quote" || columns[c] == "arithmetic" || columns[c] == "path";
    worksheet_set_column(ws, col, col, kWidths[c], wide_text ? wrap : nullptr);
  }
  lxw_row_t row = 1;
  for (const auto& r : results) {
    for (const auto& f : r.findings) {
      std::vector<std::string> fields = FindingRow(r, f);
      for (size_t c = 0; c < fields.size(); ++c) {
        auto col = static_cast<lxw_col_t>(c);
        if (columns[c] == "year" || columns[c] == "page") {
          WriteNumberOrString(ws, row, col, fields[c], nullptr);
        } else if (!fields[c].empty()) {
          WriteString(ws, row, col, fields[c], nullptr);
        }
      }
      ++row;
    }
  }
  worksheet_autofilter(ws, 0, 0, row - 1, static_cast<lxw_col_t>(columns.size() - 1));
}

void WriteDocumentsSheet(const std::vector<AuditResult>& results, lxw_worksheet* ws,
                         lxw_format* bold) {
  static const std::vector<std::string> kColumns = {
      "document", "department", "year",   "pages",  "score",  "max",
      "grade",    "errors",     "warnings", "infos", "indicators", "with max",
      "with score", "checks run", "unread", "status"};
  static const double kWidths[] = {22, 24, 6, 6, 8, 8, 6, 7, 9, 7, 10, 9, 10, 11, 8, 10};
  WriteHeader(ws, kColumns, bold);
  for (size_t c = 0; c < kColumns.size(); ++c) {
    auto col = static_cast<lxw_col_t>(c);
    worksheet_set_column(ws, col, col, kWidths[c], nullptr);
  }
  lxw_row_t row = 1;
  for (const auto& r : results) {
    int infos = static_cast<int>(r.findings.size()) - r.errors() - r.warnings();
    const auto& cov = r.coverage;
    WriteString(ws, row, 0, r.document, nullptr);
    if (!r.department.empty()) WriteString(ws, row, 1, r.department, nullptr);
    if (r.year > 0) worksheet_write_number(ws, row, 2, r.year, nullptr);
    worksheet_write_number(ws, row, 3, r.pages, nullptr);
    if (r.total) {
      WriteNumberOrString(ws, row, 4, r.total->score, nullptr);
      WriteNumberOrString(ws, row, 5, r.total->max, nullptr);
      if (!r.total->grade.empty()) WriteString(ws, row, 6, r.total->grade, nullptr);
    }
    const int counts[] = {r.errors(), r.warnings(), infos,           cov.indicators,
                          cov.with_max, cov.with_score, cov.checks_run, cov.unread};
    for (size_t i = 0; i < std::size(counts); ++i) {
      worksheet_write_number(ws, row, static_cast<lxw_col_t>(7 + i), counts[i], nullptr);
    }
    worksheet_write_string(ws, row, 15, StatusWord(r).c_str(), nullptr);
    ++row;
  }
  worksheet_autofilter(ws, 0, 0, row - 1, static_cast<lxw_col_t>(kColumns.size() - 1));
}

}  // namespace

Status WriteXlsx(const std::vector<AuditResult>& results, const std::string& file,
                 const std::string& display_path) {
  lxw_workbook* wb = workbook_new(file.c_str());
  if (wb == nullptr) return Status(Status::Code::kIoError, display_path + ": cannot write");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  format_set_bg_color(bold, 0xDDE4EE);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  WriteFindingsSheet(results, workbook_add_worksheet(wb, "Findings"), bold, wrap);
  WriteDocumentsSheet(results, workbook_add_worksheet(wb, "Documents"), bold);
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    return Status(Status::Code::kIoError, display_path + ": cannot write: " + lxw_strerror(err));
  }
  return Status::Ok();
}

}  // namespace jixiao
