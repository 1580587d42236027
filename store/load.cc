// LoadReports: documents, their indicator rows and findings, three queries.
#include "store/load.h"

#include <unordered_map>

#include "store/store_internal.h"

namespace jixiao {

namespace {

std::string Where(const FindingFilter& filter) {
  std::string w = " WHERE 1";
  if (!filter.department.empty()) w += " AND d.department = :department";
  if (filter.year != 0) w += " AND d.year = :year";
  return w;
}

void Bind(SQLite::Statement& q, const FindingFilter& filter) {
  if (!filter.department.empty()) q.bind(":department", filter.department);
  if (filter.year != 0) q.bind(":year", filter.year);
}

std::string Text(SQLite::Statement& q, int i) {
  return q.getColumn(i).isNull() ? "" : q.getColumn(i).getString();
}

}  // namespace

Result<std::vector<StoredReport>> LoadReports(Store& store, const FindingFilter& filter) {
  Store::Impl* impl = store.impl();
  std::vector<StoredReport> out;
  std::unordered_map<int64_t, size_t> index;
  Status s = Guarded(impl->path, [&] {
    SQLite::Statement q(
        impl->db,
        "SELECT d.id, d.hash, d.jixiao_version, d.rules_version, d.path, d.name, d.status, "
        "d.error, d.pages, d.department, d.department_source, d.year, d.year_source, d.total_max, "
        "d.total_score, d.total_grade, d.total_page, d.total_line, d.cov_indicators, "
        "d.cov_with_max, d.cov_with_score, d.cov_checks_run, d.cov_unread, d.audited_at, "
        "d.assessed, d.note "
        "FROM documents d" +
            Where(filter) + " ORDER BY d.department, d.year, d.path, d.id");
    Bind(q, filter);
    while (q.executeStep()) {
      StoredReport d;
      d.id = q.getColumn(0).getInt64();
      d.hash = Text(q, 1);
      d.jixiao_version = Text(q, 2);
      d.rules_version = Text(q, 3);
      AuditResult& r = d.result;
      r.path = Text(q, 4);
      r.document = Text(q, 5);
      d.failed = Text(q, 6) == "failed";
      d.error = Text(q, 7);
      r.pages = q.getColumn(8).getInt();
      r.department = Text(q, 9);
      r.department_source = Text(q, 10);
      r.year = q.getColumn(11).getInt();
      r.year_source = Text(q, 12);
      if (!q.getColumn(13).isNull() || !q.getColumn(14).isNull()) {
        r.total = AuditResult::Total{Text(q, 13), Text(q, 14), Text(q, 15),
                                     q.getColumn(16).getInt(), q.getColumn(17).getInt()};
      }
      r.coverage.indicators = q.getColumn(18).getInt();
      r.coverage.with_max = q.getColumn(19).getInt();
      r.coverage.with_score = q.getColumn(20).getInt();
      r.coverage.checks_run = q.getColumn(21).getInt();
      r.coverage.unread = q.getColumn(22).getInt();
      d.audited_at = Text(q, 23);
      r.assessed = q.getColumn(24).getInt() != 0;  // schema step 003_assessed.sql
      r.note = Text(q, 25);
      index[d.id] = out.size();
      out.push_back(std::move(d));
    }
    SQLite::Statement ind(impl->db,
                          "SELECT i.document_id, i.path, i.max, i.score, i.page, i.line FROM "
                          "indicators i JOIN documents d ON d.id = i.document_id" +
                              Where(filter) + " ORDER BY i.document_id, i.seq");
    Bind(ind, filter);
    while (ind.executeStep()) {
      auto it = index.find(ind.getColumn(0).getInt64());
      if (it == index.end()) continue;
      IndicatorRow row;
      row.path = PathFromJson(ind.getColumn(1).getString());
      row.max = Text(ind, 2);
      row.score = Text(ind, 3);
      row.page = ind.getColumn(4).getInt();
      row.line = ind.getColumn(5).getInt();
      out[it->second].result.indicators.push_back(std::move(row));
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  s = ForEachFinding(store, filter, [&](const FindingRow& row) {
    auto it = index.find(row.document_id);
    if (it == index.end()) return;
    out[it->second].result.findings.push_back(row.finding);
    out[it->second].rows.push_back(row);
  });
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<std::string>> Departments(Store& store) {
  Store::Impl* impl = store.impl();
  std::vector<std::string> out;
  Status s = Guarded(impl->path, [&] {
    SQLite::Statement q(impl->db, "SELECT DISTINCT department FROM documents ORDER BY 1");
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace jixiao
