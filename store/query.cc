// ForEachFinding and Stats: the read side of the batch store.
#include "store/query.h"

#include <map>

#include "store/store_internal.h"

namespace jixiao {

namespace {

Severity SeverityFromName(const std::string& s) {
  if (s == "error") return Severity::kError;
  if (s == "warning") return Severity::kWarning;
  return Severity::kInfo;
}

}  // namespace

Status ForEachFinding(Store& store, const FindingFilter& filter,
                      const std::function<void(const FindingRow&)>& fn) {
  Store::Impl* impl = store.impl();
  return Guarded(impl->path, [&] {
    std::string sql =
        "SELECT d.path, d.name, d.department, d.year, f.check_id, f.severity, f.page, f.line, "
        "f.quote, f.path, f.stated, f.recomputed, f.arithmetic, f.bbox_x0, f.bbox_y0, f.bbox_x1, "
        "f.bbox_y1, o.path, f.other_page, f.other_line, f.other_quote, d.id, d.hash, " +
        std::string(impl->version >= kSpansVersion ? "f.figure_begin, f.figure_end, f.operands "
                                                   : "NULL, NULL, NULL ") +
        "FROM findings f JOIN documents d ON d.id = f.document_id "
        "LEFT JOIN documents o ON o.id = f.other_document_id WHERE 1";
    if (filter.min_severity) {
      sql += *filter.min_severity == Severity::kError ? " AND f.severity = 'error'"
             : *filter.min_severity == Severity::kWarning
                 ? " AND f.severity IN ('warning', 'error')"
                 : "";
    }
    if (!filter.check.empty()) sql += " AND f.check_id = :check";
    if (!filter.department.empty()) sql += " AND d.department = :department";
    if (filter.year != 0) sql += " AND d.year = :year";
    sql += " ORDER BY d.department, d.year, d.path, f.page, f.line, f.seq, f.id";
    SQLite::Statement q(impl->db, sql);
    if (!filter.check.empty()) q.bind(":check", filter.check);
    if (!filter.department.empty()) q.bind(":department", filter.department);
    if (filter.year != 0) q.bind(":year", filter.year);
    FindingRow row;
    while (q.executeStep()) {
      row.path = q.getColumn(0).getString();
      row.document = q.getColumn(1).getString();
      row.department = q.getColumn(2).getString();
      row.year = q.getColumn(3).getInt();
      row.check = q.getColumn(4).getString();
      Finding& f = row.finding;
      f = Finding{};
      if (auto id = CheckFromName(row.check)) f.check = *id;
      f.verdict = Verdict::kFail;
      f.severity = SeverityFromName(q.getColumn(5).getString());
      f.page = q.getColumn(6).getInt();
      f.line = q.getColumn(7).getInt();
      f.quote = q.getColumn(8).getString();
      f.path = PathFromJson(q.getColumn(9).getString());
      f.stated = q.getColumn(10).getString();
      f.recomputed = q.getColumn(11).getString();
      f.arithmetic = q.getColumn(12).getString();
      if (!q.getColumn(13).isNull()) {
        f.bbox = Box{q.getColumn(13).getDouble(), q.getColumn(14).getDouble(),
                     q.getColumn(15).getDouble(), q.getColumn(16).getDouble()};
      }
      row.other_path = q.getColumn(17).isNull() ? "" : q.getColumn(17).getString();
      row.other_page = q.getColumn(18).getInt();
      row.other_line = q.getColumn(19).getInt();
      row.other_quote = q.getColumn(20).isNull() ? "" : q.getColumn(20).getString();
      row.document_id = q.getColumn(21).getInt64();
      row.hash = q.getColumn(22).getString();
      ReadSpans(q, 23, &f);
      fn(row);
    }
    return Status::Ok();
  });
}

Status ForEachUnassessed(Store& store, const FindingFilter& filter,
                         const std::function<void(const UnassessedRow&)>& fn) {
  if (filter.min_severity || !filter.check.empty()) return Status::Ok();
  Store::Impl* impl = store.impl();
  return Guarded(impl->path, [&] {
    std::string sql =
        "SELECT path, name, department, year, note FROM documents WHERE status = 'ok' AND "
        "assessed = 0";
    if (!filter.department.empty()) sql += " AND department = :department";
    if (filter.year != 0) sql += " AND year = :year";
    sql += " ORDER BY department, year, path";
    SQLite::Statement q(impl->db, sql);
    if (!filter.department.empty()) q.bind(":department", filter.department);
    if (filter.year != 0) q.bind(":year", filter.year);
    while (q.executeStep()) {
      UnassessedRow row;
      row.path = q.getColumn(0).getString();
      row.document = q.getColumn(1).getString();
      row.department = q.getColumn(2).getString();
      row.year = q.getColumn(3).getInt();
      row.note = q.getColumn(4).getString();
      fn(row);
    }
    return Status::Ok();
  });
}

Result<std::vector<GroupStats>> Stats(Store& store) {
  Store::Impl* impl = store.impl();
  std::vector<GroupStats> out;
  Status s = Guarded(impl->path, [&] {
    SQLite::Statement q(
        impl->db,
        "SELECT department, year, count(*), sum(status = 'failed'), sum(pages), "
        "group_concat(total_score, ' '), sum(cov_indicators), sum(cov_with_max), "
        "sum(cov_with_score), sum(cov_checks_run), sum(cov_unread), sum(status = 'ok' AND "
        "assessed = 0) FROM (SELECT * FROM documents "
        "ORDER BY department, year, path) GROUP BY department, year ORDER BY department, year");
    std::map<std::pair<std::string, int>, size_t> index;
    while (q.executeStep()) {
      GroupStats g;
      g.department = q.getColumn(0).getString();
      g.year = q.getColumn(1).getInt();
      g.documents = q.getColumn(2).getInt();
      g.failed = q.getColumn(3).getInt();
      g.pages = q.getColumn(4).getInt();
      std::string scores = q.getColumn(5).isNull() ? "" : q.getColumn(5).getString();
      for (size_t b = 0; b < scores.size();) {
        size_t e = scores.find(' ', b);
        if (e == std::string::npos) e = scores.size();
        if (e > b) g.scores.push_back(scores.substr(b, e - b));
        b = e + 1;
      }
      g.indicators = q.getColumn(6).getInt();
      g.with_max = q.getColumn(7).getInt();
      g.with_score = q.getColumn(8).getInt();
      g.checks_run = q.getColumn(9).getInt();
      g.unread = q.getColumn(10).getInt();
      g.unassessed = q.getColumn(11).getInt();
      index[{g.department, g.year}] = out.size();
      out.push_back(std::move(g));
    }
    SQLite::Statement f(
        impl->db,
        "SELECT d.department, d.year, f.severity, f.check_id = 'change.cross_year', "
        "count(*) FROM findings f JOIN documents d ON d.id = f.document_id "
        "GROUP BY 1, 2, 3, 4");
    while (f.executeStep()) {
      auto it = index.find({f.getColumn(0).getString(), f.getColumn(1).getInt()});
      if (it == index.end()) continue;
      GroupStats& g = out[it->second];
      std::string sev = f.getColumn(2).getString();
      int n = f.getColumn(4).getInt();
      (sev == "error" ? g.errors : sev == "warning" ? g.warnings : g.infos) += n;
      if (f.getColumn(3).getInt() != 0) g.cross_year += n;
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<std::unordered_map<int64_t, FindingCounts>> CrossYearCounts(Store& store) {
  Store::Impl* impl = store.impl();
  std::unordered_map<int64_t, FindingCounts> out;
  Status s = Guarded(impl->path, [&] {
    SQLite::Statement q(impl->db,
                        "SELECT document_id, severity, check_id = 'change.cross_year', "
                        "count(*) FROM findings WHERE check_id IN ('change.cross_year', "
                        "'sum.projects') GROUP BY 1, 2, 3");
    while (q.executeStep()) {
      FindingCounts& c = out[q.getColumn(0).getInt64()];
      const std::string sev = q.getColumn(1).getString();
      const int n = q.getColumn(3).getInt();
      (sev == "error" ? c.errors : sev == "warning" ? c.warnings : c.infos) += n;
      if (q.getColumn(2).getInt() != 0) c.cross_year += n;
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace jixiao
