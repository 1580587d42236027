// InsertForms: the rows of `forms` (schema 006) for one document, from FormsOf.
#include <optional>
#include <string>

#include "store/forms.h"
#include "store/store_internal.h"

namespace jixiao {

namespace {

void BindOptional(SQLite::Statement& s, int i, const std::optional<std::string>& v) {
  if (v)
    s.bind(i, *v);
  else
    s.bind(i);
}

}  // namespace

void InsertForms(SQLite::Database& db, int64_t id, const std::vector<StoredForm>& forms) {
  SQLite::Statement ins(
      db,
      "INSERT INTO forms (document_id, seq, kind, first_page, last_page, first_line, last_line, "
      "title, project, department, department_key, unit, code, year, assessed, total_max, "
      "total_score, budget, spent, rate, funds_unit, spent_page, spent_line, project_spending, "
      "project_spending_page, project_spending_line, project_spending_quote, errors, warnings, "
      "infos) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  for (const StoredForm& f : forms) {
    int i = 1;
    ins.bind(i++, id);
    ins.bind(i++, f.seq);
    ins.bind(i++, f.kind);
    ins.bind(i++, f.first_page);
    ins.bind(i++, f.last_page);
    if (f.first_line > 0) {
      ins.bind(i++, f.first_line);
      ins.bind(i++, f.last_line);
    } else {
      ins.bind(i++);
      ins.bind(i++);
    }
    ins.bind(i++, f.title);
    ins.bind(i++, f.project);
    ins.bind(i++, f.department);
    ins.bind(i++, f.department_key);
    ins.bind(i++, f.unit);
    ins.bind(i++, f.code);
    ins.bind(i++, f.year);
    ins.bind(i++, f.assessed ? 1 : 0);
    BindOptional(ins, i++, f.total_max);
    BindOptional(ins, i++, f.total_score);
    BindOptional(ins, i++, f.budget);
    BindOptional(ins, i++, f.spent ? std::optional<std::string>(f.spent->value) : std::nullopt);
    BindOptional(ins, i++, f.rate);
    BindOptional(ins, i++,
                 f.spent && !f.spent->unit.empty() ? std::optional<std::string>(f.spent->unit)
                                                   : std::nullopt);
    if (f.spent) {
      ins.bind(i++, f.spent->page);
      ins.bind(i++, f.spent->line);
    } else {
      ins.bind(i++);
      ins.bind(i++);
    }
    if (f.project_spending) {
      ins.bind(i++, f.project_spending->value + f.project_spending->unit);
      ins.bind(i++, f.project_spending->page);
      ins.bind(i++, f.project_spending->line);
      ins.bind(i++, f.project_spending->quote);
    } else {
      for (int k = 0; k < 4; ++k) ins.bind(i++);
    }
    ins.bind(i++, f.errors);
    ins.bind(i++, f.warnings);
    ins.bind(i++, f.infos);
    ins.exec();
    ins.reset();
  }
}

}  // namespace jixiao
