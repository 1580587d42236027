// ListForms and ProjectsAcrossYears: the forms table, read.
#include "store/projects.h"

#include <map>
#include <tuple>

#include "store/forms.h"
#include "store/store_internal.h"

namespace jixiao {

namespace {

bool Matches(const std::string& want, const std::string& stated) {
  return want.empty() || want == stated || want == DepartmentKey(stated, "");
}

}  // namespace

Result<std::vector<FormListRow>> ListForms(Store& store, const FormFilter& filter) {
  Store::Impl* impl = store.impl();
  std::vector<FormListRow> out;
  Status s = Guarded(impl->path, [&] {
    std::string sql =
        "SELECT d.path, d.name, f.seq, f.kind, f.project, f.department_key, f.department, f.unit, "
        "f.code, f.year, f.first_page, f.last_page, f.total_max, f.total_score, f.budget, "
        "f.spent, f.rate, f.funds_unit, f.errors, f.warnings, f.infos FROM forms f JOIN "
        "documents d ON d.id = f.document_id WHERE d.status = 'ok' AND f.kind IN "
        "('project_form', 'department_form')";
    if (filter.year != 0) sql += " AND f.year = :year";
    sql += " ORDER BY f.department_key, f.unit, f.year, f.code, f.project, d.path, f.seq";
    SQLite::Statement q(impl->db, sql);
    if (filter.year != 0) q.bind(":year", filter.year);
    auto text = [&](int i) { return q.getColumn(i).isNull() ? "" : q.getColumn(i).getString(); };
    while (q.executeStep()) {
      if (!filter.department.empty() && filter.department != text(5) &&
          !Matches(filter.department, text(6)))
        continue;
      if (!Matches(filter.unit, text(7))) continue;
      FormListRow r;
      r.path = text(0), r.document = text(1);
      r.seq = q.getColumn(2).getInt();
      r.kind = text(3), r.project = text(4), r.department = text(5), r.unit = text(7);
      r.code = text(8);
      r.year = q.getColumn(9).getInt();
      r.first_page = q.getColumn(10).getInt();
      r.last_page = q.getColumn(11).getInt();
      r.total_max = text(12), r.total_score = text(13), r.budget = text(14), r.spent = text(15);
      r.rate = text(16), r.funds_unit = text(17);
      r.errors = q.getColumn(18).getInt();
      r.warnings = q.getColumn(19).getInt();
      r.infos = q.getColumn(20).getInt();
      out.push_back(std::move(r));
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<ProjectHistory>> ProjectsAcrossYears(Store& store, const FormFilter& filter) {
  FormFilter all_years = filter;
  all_years.year = 0;
  auto forms = ListForms(store, all_years);
  if (!forms.ok()) return forms.status();
  // Projects by code; forms without a code by (department, name). A code is only trusted as the
  // key when it is not empty: two forms with one code are one project even if renamed.
  std::map<std::tuple<std::string, std::string, std::string>, ProjectHistory> by_key;
  std::vector<std::tuple<std::string, std::string, std::string>> order;
  for (const FormListRow& f : *forms) {
    if (f.kind != "project_form" || (f.code.empty() && f.project.empty())) continue;
    auto key = f.code.empty() ? std::make_tuple(std::string("name"), f.department, f.project)
                              : std::make_tuple(std::string("code"), std::string(), f.code);
    auto [it, fresh] = by_key.try_emplace(key);
    ProjectHistory& h = it->second;
    if (fresh) {
      h.by = std::get<0>(key);
      h.code = f.code, h.project = f.project, h.department = f.department, h.unit = f.unit;
      order.push_back(key);
    }
    bool have_year = false;
    for (const auto& y : h.years) have_year |= y.year == f.year;
    if (!have_year) h.years.push_back(f);
  }
  std::vector<ProjectHistory> out;
  for (const auto& key : order) {
    ProjectHistory& h = by_key[key];
    if (h.years.size() < 2) continue;
    std::stable_sort(h.years.begin(), h.years.end(),
                     [](const FormListRow& a, const FormListRow& b) { return a.year < b.year; });
    if (filter.year != 0) {
      bool has = false;
      for (const auto& y : h.years) has |= y.year == filter.year;
      if (!has) continue;
    }
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace jixiao
