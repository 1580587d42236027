// The parts of a document as the store keeps them (schema 006, table `forms`): each form of a file
// with its identity, page and line range, total, funds figures and findings. Derived from an
// AuditResult in one place, FormsOf, so that only this file changes when the audit core exposes
// more of a part (see docs/batch.md, "Forms": what the store needs from the audit core).
#ifndef JIXIAO_STORE_FORMS_H_
#define JIXIAO_STORE_FORMS_H_

#include <optional>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "extract/document.h"
#include "rules/rules.h"

namespace jixiao {

// What AuditResult::Part does not say: the source lines of the part, and the unit its funds block
// prints in its header ("项目资金（万元）"), "" when none is printed.
struct PartExtent {
  int first_line = 0, last_line = 0;
  std::string funds_unit;
};

// The extents of the `parts` parts Audit found in `doc`: the whole text for one part; for several,
// BuildStructure's parts (the same ones Audit reports, in the same order; the structure is built a
// second time, which the audit core exposing the lines would save). Empty when they cannot be
// matched.
std::vector<PartExtent> PartExtents(const Document& doc, const Rules& rules, size_t parts);

// A figure with its place.
struct PlacedValue {
  std::string value;  // as written, without unit: "880", "4608.75"
  std::string unit;   // "万元", "元", "%", ""
  int page = 0, line = 0;
  std::string quote;
};

struct StoredForm {
  int seq = 0;  // index in AuditResult::parts
  std::string kind, title, project, department, department_key, unit, code;
  int first_page = 0, last_page = 0;
  int first_line = 0, last_line = 0;  // 0 when not known
  int year = 0;
  bool assessed = false;
  std::optional<std::string> total_max, total_score;
  // The 年度资金总额 (总额) row of the funds block: A, B and 执行率, as the checks read them. B only
  // when its column's 其中 rows do not contradict it (a sum.breakdown on B that failed makes the
  // total row uncertain).
  std::optional<std::string> budget, rate;
  std::optional<PlacedValue> spent;  // unit: the funds block's, "" when not printed
  // A department report: its 项目支出 (决算) for its year, stated once (or always the same).
  std::optional<PlacedValue> project_spending;
  int errors = 0, warnings = 0, infos = 0;  // audit findings inside the part
};

// The parts of `r`, with `extents` (PartExtents; empty: parts are placed by page only).
std::vector<StoredForm> FormsOf(const AuditResult& r, const std::vector<PartExtent>& extents);

// The part of `forms` holding a finding at `page`, `line`: by line range when known, else by page
// when exactly one part holds the page; -1 when none. A document of one part: 0.
int PartOf(const std::vector<StoredForm>& forms, int page, int line);

// The department a form is grouped under: 主管部门 without a leading numeric code ("305-红岭县水利局"
// → "红岭县水利局"), else `document_department`.
std::string DepartmentKey(const std::string& stated, const std::string& document_department);

}  // namespace jixiao

#endif  // JIXIAO_STORE_FORMS_H_
