// The audit of one document: outline → checks → findings. This header is the contract that the
// CLI, the batch store and the report writers use.
#ifndef JIXIAO_AUDIT_AUDIT_H_
#define JIXIAO_AUDIT_AUDIT_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/finding.h"
#include "rules/rules.h"
#include "extract/document.h"
#include "extract/status.h"

namespace jixiao {

// One indicator of the tree as the report states it. Numbers are strings as written.
struct IndicatorRow {
  std::vector<std::string> path;   // first level first, names as written, numbering stripped
  std::string max;                 // "" when not stated
  std::string score;               // "" when not stated
  int page = 0;
  int line = 0;
};

// A named amount the report states, with the year it is about: what cross-year comparison reads.
struct FigureRow {
  std::string name;        // the words that name it, year and 上年 removed: "部门整体支出决算数"
  int refers_year = 0;     // the report's year, or the year before ("上年决算数", "比上年增加")
  std::string value;       // as written with its unit, or as implied: "1500.00万元"
  int page = 0;
  int line = 0;
  std::string quote;
};

struct AuditResult {
  std::string document;            // file name without extension
  std::string path;                // as given
  std::string department;          // "" when not found
  std::string department_source;   // how it was found: "title", "text", ""
  int year = 0;                    // 0 when not found
  std::string year_source;         // "title", "text", ""
  int pages = 0;

  // What the file is (structure/structure.h DocKind names): "department_report",
  // "department_form", "project_form", "final_accounts", "budget", "other", "unknown".
  std::string kind;
  // Its parts, in page order: a 决算 PDF with self-evaluation forms in its appendix has several.
  struct Part {
    std::string kind;
    int first_page = 0, last_page = 0;
    std::string title;           // the part's title line, "" if none
    // Identity of a form (项目名称, 主管部门, 实施单位, year, project code); "" / 0 where not given.
    std::string project, department, unit, code;
    int year = 0;
    bool assessed = false;       // self-evaluation content was found and checked in it
  };
  std::vector<Part> parts;
  // False when no self-evaluation content was found at all (a 决算, a text that is not a report,
  // a PDF whose text is unreadable): such a document is never "clean". `note` says what it is in
  // one plain line ("not a performance self-evaluation (部门决算, pages 1–23)").
  bool assessed = true;
  std::string note;

  struct Total {
    std::string max, score, grade; // as written; "" when not stated
    int page = 0;
    int line = 0;
  };
  std::optional<Total> total;

  std::vector<IndicatorRow> indicators;
  std::vector<FigureRow> figures;     // named amounts (元 万元 亿元), this year's and last year's
  std::vector<CheckResult> checks;    // every check run, in document order
  std::vector<Finding> findings;      // verdict != pass, plus parse.unread; sorted by page, line

  struct Coverage {
    int indicators = 0, with_max = 0, with_score = 0, checks_run = 0, unread = 0;
    // Indicator-looking nodes the structure holds (scored headings, table rows with points),
    // against `indicators` read; relations suspected but not bound (counted, never reported).
    int nodes = 0, unbound = 0;
  } coverage;

  int errors() const;                // findings with severity error
  int warnings() const;
};

// Audits a loaded document with the given rules. Never fails: what it cannot read becomes
// parse.unread findings.
AuditResult Audit(const Document& doc, const Rules& rules);

// The bounds of one document (--max-seconds, --max-memory), which cover its audit as well as its
// reading: `start` is when reading began.
struct AuditLimits {
  double max_seconds = 120;
  int64_t max_memory_mib = 1024;
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
};
// Memory the audit needs per byte of normalized text, at most: the peak of jixiao audit is ~65
// bytes per byte of text on the worst inputs measured (tools/bench_hostile.sh, docs/hostile.md).
inline constexpr int64_t kAuditBytesPerTextByte = 80;

// Audit within `limits`, or kLimit naming doc.path: "the text (N KiB) needs about M MiB to audit,
// more than --max-memory B MiB" before anything is done (the audit is linear in the text, so its
// memory is bounded by the text), or "auditing took longer than --max-seconds S (stopped after
// STAGE)", checked between the audit's stages (each linear in the text).
Result<AuditResult> Audit(const Document& doc, const Rules& rules, const AuditLimits& limits);

// The canonical text of the outline (indicator tree and total) that golden tests compare.
std::string DumpOutline(const Document& doc, const Rules& rules);

// The JSON object of one audit (the contract in the audit-core issue), one line, keys sorted as
// listed there, numbers as strings.
std::string ToJson(const AuditResult& result);

}  // namespace jixiao

#endif  // JIXIAO_AUDIT_AUDIT_H_
