// sum.projects: a department's project forms against its report, across the documents of a batch.
//
// For one department (forms.department_key) and year: Σ 全年执行数 of its project forms (each
// project once: by code, else by name) must not exceed the 项目支出 (决算) its report states. The
// forms whose 全年执行数 is not read are left out, so the sum is a lower bound: a sum above the
// report's figure (beyond the rounding of every figure) proves the violation, a sum below it
// proves nothing about them and says how many were left out. Recomputed, inside the writing
// transaction, whenever a document of the department and year is written, replaced or deleted,
// and for all after a merge; a violation is an error finding on the report's document (seq -1,
// part = the report's part, other_document_id = the first form's document).
#ifndef JIXIAO_STORE_PROJECT_SUMS_H_
#define JIXIAO_STORE_PROJECT_SUMS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "extract/status.h"
#include "store/store.h"

namespace jixiao {

struct ProjectSum {
  std::string department;
  int year = 0;
  enum class Outcome {
    kPass,        // Σ ≤ the report's figure
    kFail,        // Σ > it: a sum.projects finding
    kNoReport,    // no department report (or form) of the department and year in the batch
    kNoFigure,    // a report, but its 项目支出 (决算) is not stated with certainty
    kNoForms,     // a report, but no project form
    kNoneRead,    // project forms, but none whose 全年执行数 (with its unit) is read
  } outcome = Outcome::kNoReport;
  int forms = 0;       // projects (each once)
  int forms_read = 0;  // of them, with 全年执行数 and unit read
  std::string sum;     // Σ of those read, in the report's unit ("" when not computed)
  std::string stated;  // the report's 项目支出 with unit
  std::string report_path, arithmetic;
};

const char* OutcomeName(ProjectSum::Outcome o);  // "pass", "fail", "no report", ...

// Every department and year with a project form or a report part in `store` (status 'ok'),
// filtered by `department` ("" for all) and `year` (0 for all), ordered by department, year. With
// several reports of one department and year, one entry per report.
Result<std::vector<ProjectSum>> ProjectSums(Store& store, const std::string& department, int year);

}  // namespace jixiao

#endif  // JIXIAO_STORE_PROJECT_SUMS_H_
