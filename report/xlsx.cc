// XLSX with libxlsxwriter: sheet "Findings" (the CSV columns, frozen header, autofilter) and sheet
// "Documents" (one row per document: score, grade, findings by severity, coverage, status).
#include <xlsxwriter.h>

#include <charconv>

#include "report/audit_words.h"
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

void SetWidths(lxw_worksheet* ws, const std::vector<double>& widths, lxw_format* wrap,
               const std::vector<bool>& wide) {
  for (size_t c = 0; c < widths.size(); ++c) {
    auto col = static_cast<lxw_col_t>(c);
    worksheet_set_column(ws, col, col, widths[c], c < wide.size() && wide[c] ? wrap : nullptr);
  }
}

void WriteFindingsSheet(const ReportSet& set, Lang lang, lxw_worksheet* ws, lxw_format* bold,
                        lxw_format* wrap) {
  const auto& columns = FindingColumns();
  WriteHeader(ws, FindingColumnNames(lang), bold);
  std::vector<double> widths;
  std::vector<bool> wide;
  for (Msg m : columns) {
    const bool text = m == Msg::kColQuote || m == Msg::kColArithmetic || m == Msg::kColPath;
    widths.push_back(m == Msg::kColQuote ? 60 : text ? 40 : m == Msg::kColFile ? 30 : 12);
    wide.push_back(text);
  }
  SetWidths(ws, widths, wrap, wide);
  lxw_row_t row = 1;
  auto put = [&](const std::vector<std::string>& fields) {
    for (size_t c = 0; c < fields.size(); ++c) {
      auto col = static_cast<lxw_col_t>(c);
      const Msg m = columns[c];
      if (m == Msg::kColYear || m == Msg::kColPage || m == Msg::kColLine ||
          m == Msg::kColOtherPage || m == Msg::kColOtherLine) {
        WriteNumberOrString(ws, row, col, fields[c], nullptr);
      } else if (!fields[c].empty()) {
        WriteString(ws, row, col, fields[c], nullptr);
      }
    }
    ++row;
  };
  for (const auto& d : set.documents) {
    for (size_t i = 0; i < d.result.findings.size(); ++i) {
      put(FindingFields(d, i, set.provenance, lang));
    }
  }
  worksheet_autofilter(ws, 0, 0, row - 1, static_cast<lxw_col_t>(columns.size() - 1));
}

void WriteDocumentsSheet(const ReportSet& set, Lang lang, lxw_worksheet* ws, lxw_format* bold) {
  static const Msg kColumns[] = {
      Msg::kColFile,    Msg::kColDocument,  Msg::kColDepartment, Msg::kColYear,
      Msg::kColPages,   Msg::kColScore,     Msg::kColMax,        Msg::kColGrade,
      Msg::kColErrors,  Msg::kColWarnings,  Msg::kColInfos,      Msg::kColIndicators,
      Msg::kColWithMax, Msg::kColWithScore, Msg::kColChecksRun,  Msg::kColUnread,
      Msg::kColStatus,  Msg::kColReason,    Msg::kColSha256,     Msg::kColRunAt};
  std::vector<std::string> names;
  for (Msg m : kColumns) names.push_back(Tr(lang, m));
  WriteHeader(ws, names, bold);
  SetWidths(ws, {30, 22, 24, 6, 6, 8, 8, 6, 7, 9, 7, 10, 9, 10, 11, 8, 10, 40, 20, 20}, nullptr,
            {});
  lxw_row_t row = 1;
  for (const auto& d : set.documents) {
    const AuditResult& r = d.result;
    int infos = static_cast<int>(r.findings.size()) - r.errors() - r.warnings();
    const auto& cov = r.coverage;
    WriteString(ws, row, 0, r.path, nullptr);
    WriteString(ws, row, 1, r.document, nullptr);
    if (!r.department.empty()) WriteString(ws, row, 2, r.department, nullptr);
    if (r.year > 0) worksheet_write_number(ws, row, 3, r.year, nullptr);
    worksheet_write_number(ws, row, 4, r.pages, nullptr);
    if (r.total) {
      WriteNumberOrString(ws, row, 5, r.total->score, nullptr);
      WriteNumberOrString(ws, row, 6, r.total->max, nullptr);
      if (!r.total->grade.empty()) WriteString(ws, row, 7, r.total->grade, nullptr);
    }
    const int counts[] = {r.errors(),   r.warnings(),   infos,          cov.indicators,
                          cov.with_max, cov.with_score, cov.checks_run, cov.unread};
    for (size_t i = 0; i < std::size(counts); ++i) {
      worksheet_write_number(ws, row, static_cast<lxw_col_t>(8 + i), counts[i], nullptr);
    }
    worksheet_write_string(ws, row, 16, StatusLabel(r, lang).c_str(), nullptr);
    if (!r.assessed) {
      WriteString(ws, row, 17, r.note.empty() ? Tr(lang, Msg::kNoContent) : AuditWords(lang, r.note), nullptr);
    }
    if (!d.sha256.empty()) worksheet_write_string(ws, row, 18, d.sha256.c_str(), nullptr);
    const std::string at = d.audited_at.empty() ? set.provenance.run_at : d.audited_at;
    if (!at.empty()) worksheet_write_string(ws, row, 19, at.c_str(), nullptr);
    ++row;
  }
  // Unreadable inputs are documents too: listed here with the reason, never left out.
  for (const auto& f : set.failed) {
    WriteString(ws, row, 0, f.path, nullptr);
    worksheet_write_string(ws, row, 16, Tr(lang, Msg::kStatusFailed), nullptr);
    WriteString(ws, row, 17, f.reason, nullptr);
    ++row;
  }
  worksheet_autofilter(ws, 0, 0, row - 1, static_cast<lxw_col_t>(std::size(kColumns) - 1));
}

void WriteProvenanceSheet(const ReportSet& set, Lang lang, lxw_worksheet* ws, lxw_format* bold) {
  worksheet_set_column(ws, 0, 0, 16, nullptr);
  worksheet_set_column(ws, 1, 1, 60, nullptr);
  const std::pair<Msg, std::string> rows[] = {{Msg::kColJixiao, set.provenance.jixiao},
                                              {Msg::kColRules, set.provenance.rules},
                                              {Msg::kColRunAt, set.provenance.run_at}};
  lxw_row_t row = 0;
  for (const auto& [m, v] : rows) {
    worksheet_write_string(ws, row, 0, Tr(lang, m), bold);
    WriteString(ws, row, 1, v, nullptr);
    ++row;
  }
}

}  // namespace

Status WriteXlsx(const ReportSet& set, const std::string& file, const std::string& display_path,
                 Lang lang) {
  lxw_workbook* wb = workbook_new(file.c_str());
  if (wb == nullptr) return Status(Status::Code::kIoError, display_path + ": cannot write");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  format_set_bg_color(bold, 0xDDE4EE);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  const bool zh = lang == Lang::kZh;
  WriteFindingsSheet(set, lang, workbook_add_worksheet(wb, zh ? "问题" : "Findings"), bold, wrap);
  WriteDocumentsSheet(set, lang, workbook_add_worksheet(wb, zh ? "文档" : "Documents"), bold);
  WriteProvenanceSheet(set, lang, workbook_add_worksheet(wb, zh ? "出处" : "Provenance"), bold);
  lxw_doc_properties props = {};
  std::string comments =
      set.provenance.jixiao + "; rules " + set.provenance.rules + "; " + set.provenance.run_at;
  props.title = const_cast<char*>("jixiao");
  props.author = const_cast<char*>("jixiao");
  props.comments = comments.data();
  workbook_set_properties(wb, &props);
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    return Status(Status::Code::kIoError, display_path + ": cannot write: " + lxw_strerror(err));
  }
  return Status::Ok();
}

}  // namespace jixiao
