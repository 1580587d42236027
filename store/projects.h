// Reading the forms of a batch database (schema 006): a department's or a unit's projects
// (`jixiao stats --projects`), and the same project across years (`--across-years`).
#ifndef JIXIAO_STORE_PROJECTS_H_
#define JIXIAO_STORE_PROJECTS_H_

#include <functional>
#include <string>
#include <vector>

#include "extract/status.h"
#include "store/store.h"

namespace jixiao {

struct FormFilter {
  // Exact, as stored or without a leading numeric code ("305-红岭县水利局" matches "红岭县水利局");
  // "" for all. `department` matches the form's grouping department (forms.department_key).
  std::string department, unit;
  int year = 0;  // 0 for all
};

// One form (a project_form or department_form part) of a stored document.
struct FormListRow {
  std::string path, document;  // the document's first path and name
  int seq = 0;                 // part index
  std::string kind, project, department, unit, code;  // department: the grouping key
  int year = 0;
  int first_page = 0, last_page = 0;
  std::string total_max, total_score;    // "" when not read
  std::string budget, spent, rate, funds_unit;  // "" when not read
  int errors = 0, warnings = 0, infos = 0;
};

// Every form matching `filter` (documents with status 'ok'), ordered by department, unit, year,
// code, project, path, part.
Result<std::vector<FormListRow>> ListForms(Store& store, const FormFilter& filter);

// One project in several years: matched by project code where both forms give one, else by
// department and project name.
struct ProjectHistory {
  std::string by;  // "code" or "name"
  std::string code, project, department, unit;
  std::vector<FormListRow> years;  // ordered by year (one form per year: the first listed)
};

// The projects of `filter` found in at least two years.
Result<std::vector<ProjectHistory>> ProjectsAcrossYears(Store& store, const FormFilter& filter);

}  // namespace jixiao

#endif  // JIXIAO_STORE_PROJECTS_H_
