// sum.projects (store/project_sums.h): Σ 全年执行数 of a department's project forms against the
// 项目支出 (决算) of its report. Amounts are added exactly, as integers of 10⁻⁸ 元, each figure
// standing for the interval of values that round to it.
#include "store/project_sums.h"

#include <fmt/format.h>

#include <map>
#include <optional>

#include "store/store_internal.h"

namespace jixiao {

namespace {

using Int = __int128;
constexpr int kBaseExp = 8;  // base unit: 10^-8 元

int UnitExp(const std::string& unit) {
  if (unit == "元") return 0;
  if (unit == "千元") return 3;
  if (unit == "万元") return 4;
  if (unit == "亿元") return 8;
  return -1;
}

Int Pow10(int n) {
  Int v = 1;
  while (n-- > 0) v *= 10;
  return v;
}

// "1745.25" in `unit` as [lo, hi] in base units (the values that round to it). False when it is
// not a plain decimal, the unit is not money, or it has more decimals than the base holds.
bool ToBase(const std::string& value, const std::string& unit, Int* lo, Int* hi,
            Int* exact = nullptr) {
  const int e = UnitExp(unit);
  if (e < 0 || value.empty() || value.size() > 24) return false;
  Int digits = 0;
  int decimals = -1;
  for (char c : value) {
    if (c == '.') {
      if (decimals >= 0) return false;
      decimals = 0;
    } else if (c >= '0' && c <= '9') {
      digits = digits * 10 + (c - '0');
      if (decimals >= 0) ++decimals;
    } else {
      return false;
    }
  }
  if (decimals < 0) decimals = 0;
  const int shift = e + kBaseExp - decimals;  // base units per last written digit = 10^shift
  if (shift < 1) return false;
  const Int ulp = Pow10(shift);
  if (exact != nullptr) *exact = digits * ulp;
  *lo = digits * ulp - ulp / 2;
  *hi = digits * ulp + ulp / 2;
  if (*lo < 0) *lo = 0;
  return true;
}

// Base units as a decimal in `unit`, trailing zeros dropped.
std::string FromBase(Int v, const std::string& unit) {
  const int frac = UnitExp(unit) + kBaseExp;
  const Int scale = Pow10(frac);
  Int whole = v / scale, rest = v % scale;
  std::string w;
  if (whole == 0) w = "0";
  while (whole > 0) {
    w.insert(w.begin(), static_cast<char>('0' + static_cast<int>(whole % 10)));
    whole /= 10;
  }
  std::string f(static_cast<size_t>(frac), '0');
  for (int i = frac - 1; i >= 0; --i) {
    f[static_cast<size_t>(i)] = static_cast<char>('0' + static_cast<int>(rest % 10));
    rest /= 10;
  }
  while (!f.empty() && f.back() == '0') f.pop_back();
  return f.empty() ? w : w + "." + f;
}

struct FormLine {
  int64_t document = 0;
  std::string path, project, code, spent, unit;
  int page = 0, line = 0;
  bool read = false;
  Int lo = 0, hi = 0, exact = 0;
};

struct Report {
  int64_t document = 0;
  int seq = 0;
  std::string path, value, unit, quote;
  int page = 0, line = 0;
  bool stated = false;
};

// The evaluation of one department and year: one entry per report (one entry when there is none),
// with what the finding needs.
struct Evaluated {
  ProjectSum sum;
  Report report;
  const FormLine* first = nullptr;
};

std::vector<Evaluated> Evaluate(SQLite::Database& db, const std::string& department, int year,
                                std::vector<FormLine>* storage) {
  SQLite::Statement rq(db,
                       "SELECT f.document_id, f.seq, d.path, f.project_spending, "
                       "f.project_spending_page, f.project_spending_line, "
                       "f.project_spending_quote FROM forms f JOIN documents d ON d.id = "
                       "f.document_id WHERE d.status = 'ok' AND f.department_key = ? AND f.year = "
                       "? AND f.kind IN ('department_report', 'department_form') ORDER BY d.path, "
                       "f.seq");
  rq.bind(1, department);
  rq.bind(2, year);
  std::vector<Report> reports;
  bool any_report = false;
  while (rq.executeStep()) {
    any_report = true;
    if (rq.getColumn(3).isNull()) continue;
    Report r;
    r.document = rq.getColumn(0).getInt64();
    r.seq = rq.getColumn(1).getInt();
    r.path = rq.getColumn(2).getString();
    const std::string v = rq.getColumn(3).getString();
    size_t cut = v.find_first_not_of("0123456789.");
    r.value = v.substr(0, cut);
    r.unit = cut == std::string::npos ? "" : v.substr(cut);
    r.page = rq.getColumn(4).getInt();
    r.line = rq.getColumn(5).getInt();
    r.quote = rq.getColumn(6).getString();
    r.stated = true;
    reports.push_back(std::move(r));
  }

  SQLite::Statement fq(db,
                       "SELECT f.document_id, d.path, f.project, f.code, f.spent, f.funds_unit, "
                       "f.spent_page, f.spent_line, f.seq FROM forms f JOIN documents d ON d.id = "
                       "f.document_id WHERE d.status = 'ok' AND f.department_key = ? AND f.year = "
                       "? AND f.kind = 'project_form' ORDER BY d.path, f.seq");
  fq.bind(1, department);
  fq.bind(2, year);
  // Each project once (the same form in a unit's file and in a 决算 appendix): by code, else by
  // name; of two readings, the smaller, so that the sum stays a lower bound.
  std::map<std::string, size_t> by_identity;
  storage->clear();
  while (fq.executeStep()) {
    FormLine f;
    f.document = fq.getColumn(0).getInt64();
    f.path = fq.getColumn(1).getString();
    f.project = fq.getColumn(2).getString();
    f.code = fq.getColumn(3).getString();
    if (!fq.getColumn(4).isNull() && !fq.getColumn(5).isNull()) {
      f.spent = fq.getColumn(4).getString();
      f.unit = fq.getColumn(5).getString();
      f.read = ToBase(f.spent, f.unit, &f.lo, &f.hi, &f.exact);
    }
    f.page = fq.getColumn(6).getInt();
    f.line = fq.getColumn(7).getInt();
    const std::string id = !f.code.empty()      ? "code:" + f.code
                           : !f.project.empty() ? "name:" + f.project
                                                : fmt::format("doc:{}:{}", f.document,
                                                              fq.getColumn(8).getInt());
    auto [it, fresh] = by_identity.emplace(id, storage->size());
    if (fresh) {
      storage->push_back(std::move(f));
    } else {
      FormLine& g = (*storage)[it->second];
      if (f.read && (!g.read || f.lo < g.lo)) g = std::move(f);
    }
  }

  ProjectSum base;
  base.department = department;
  base.year = year;
  base.forms = static_cast<int>(storage->size());
  Int lo = 0, hi = 0;
  const FormLine* first = nullptr;
  std::string terms;
  for (const FormLine& f : *storage) {
    if (!f.read) continue;
    ++base.forms_read;
    lo += f.lo;
    hi += f.hi;
    if (first == nullptr) first = &f;
    terms += (terms.empty() ? "" : " + ") + f.spent + f.unit;
  }
  std::vector<Evaluated> out;
  if (reports.empty()) {
    base.outcome = any_report ? ProjectSum::Outcome::kNoFigure : ProjectSum::Outcome::kNoReport;
    out.push_back({base, Report{}, nullptr});
    return out;
  }
  for (const Report& r : reports) {
    Evaluated e{base, r, first};
    ProjectSum& s = e.sum;
    s.stated = r.value + r.unit;
    s.report_path = r.path;
    Int rlo = 0, rhi = 0;
    if (!ToBase(r.value, r.unit, &rlo, &rhi)) {
      s.outcome = ProjectSum::Outcome::kNoFigure;
    } else if (s.forms == 0) {
      s.outcome = ProjectSum::Outcome::kNoForms;
    } else if (s.forms_read == 0) {
      s.outcome = ProjectSum::Outcome::kNoneRead;
    } else {
      // Σ in the report's unit, exactly (the written values added).
      Int mid = 0;
      for (const FormLine& f : *storage)
        if (f.read) mid += f.exact;
      s.sum = FromBase(mid, r.unit);
      const bool fail = lo > rhi;
      s.outcome = fail ? ProjectSum::Outcome::kFail : ProjectSum::Outcome::kPass;
      s.arithmetic = fmt::format(
          "Σ 全年执行数 of {} project form{} of {} {} = {} = {}{} {} 项目支出 {} stated by the "
          "report{}",
          s.forms_read, s.forms_read == 1 ? "" : "s", department, year, terms, s.sum, r.unit,
          fail ? ">" : "≤", s.stated, fail ? " ✗" : " ✓");
      if (s.forms_read < s.forms) {
        s.arithmetic += fmt::format(" ({} of {} forms' 全年执行数 not read: left out, the sum can "
                                    "only be larger)",
                                    s.forms - s.forms_read, s.forms);
      }
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

const char* OutcomeName(ProjectSum::Outcome o) {
  switch (o) {
    case ProjectSum::Outcome::kPass: return "pass";
    case ProjectSum::Outcome::kFail: return "fail";
    case ProjectSum::Outcome::kNoReport: return "no report";
    case ProjectSum::Outcome::kNoFigure: return "report's 项目支出 not read";
    case ProjectSum::Outcome::kNoForms: return "no project form";
    case ProjectSum::Outcome::kNoneRead: return "no form's 全年执行数 read";
  }
  return "?";
}

void RecomputeProjectSums(SQLite::Database& db, const std::string& department, int year) {
  if (department.empty() || year == 0) return;
  SQLite::Statement del(db,
                        "DELETE FROM findings WHERE check_id = 'sum.projects' AND EXISTS (SELECT "
                        "1 FROM forms f WHERE f.document_id = findings.document_id AND f.seq = "
                        "findings.part AND f.department_key = ? AND f.year = ?)");
  del.bind(1, department);
  del.bind(2, year);
  del.exec();
  std::vector<FormLine> storage;
  for (const Evaluated& e : Evaluate(db, department, year, &storage)) {
    if (e.sum.outcome != ProjectSum::Outcome::kFail || e.first == nullptr) continue;
    SQLite::Statement ins(db,
                          "INSERT INTO findings (document_id, seq, check_id, severity, page, line, "
                          "quote, path, stated, recomputed, arithmetic, other_document_id, "
                          "other_page, other_line, other_quote, part) VALUES "
                          "(?, -1, 'sum.projects', 'error', ?,?,?,?,?,?,?,?,?,?,?,?)");
    ins.bind(1, e.report.document);
    ins.bind(2, e.report.page);
    ins.bind(3, e.report.line);
    ins.bind(4, e.report.quote);
    ins.bind(5, PathJson({"项目支出"}));
    ins.bind(6, e.sum.stated);
    ins.bind(7, e.sum.sum + e.report.unit);
    ins.bind(8, e.sum.arithmetic);
    ins.bind(9, e.first->document);
    ins.bind(10, e.first->page);
    ins.bind(11, e.first->line);
    ins.bind(12, e.first->project);
    ins.bind(13, e.report.seq);
    ins.exec();
  }
}

void RecomputeAllProjectSums(SQLite::Database& db) {
  std::vector<std::pair<std::string, int>> groups;
  SQLite::Statement q(db,
                      "SELECT DISTINCT department_key, year FROM forms WHERE department_key != '' "
                      "AND year != 0 ORDER BY 1, 2");
  while (q.executeStep()) groups.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getInt());
  for (const auto& [d, y] : groups) RecomputeProjectSums(db, d, y);
}

Result<std::vector<ProjectSum>> ProjectSums(Store& store, const std::string& department,
                                            int year) {
  Store::Impl* impl = store.impl();
  std::vector<ProjectSum> out;
  Status s = Guarded(impl->path, [&] {
    std::string sql =
        "SELECT DISTINCT f.department_key, f.year FROM forms f JOIN documents d ON d.id = "
        "f.document_id WHERE d.status = 'ok' AND f.department_key != '' AND f.year != 0 AND "
        "f.kind IN ('project_form', 'department_report', 'department_form')";
    if (!department.empty()) sql += " AND f.department_key = :department";
    if (year != 0) sql += " AND f.year = :year";
    sql += " ORDER BY 1, 2";
    SQLite::Statement q(impl->db, sql);
    if (!department.empty()) q.bind(":department", department);
    if (year != 0) q.bind(":year", year);
    std::vector<std::pair<std::string, int>> groups;
    while (q.executeStep())
      groups.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getInt());
    std::vector<FormLine> storage;
    for (const auto& [d, y] : groups)
      for (const Evaluated& e : Evaluate(impl->db, d, y, &storage)) out.push_back(e.sum);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace jixiao
