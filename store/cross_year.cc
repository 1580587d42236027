// change.cross_year: a report's figures for the previous year against that year's own report.
//
// For one department and two consecutive years Y-1, Y: every figure the year-Y report states
// about Y-1 (figures.refers_year = Y-1) is compared with the figures of the same name that each
// year-(Y-1) report states about its own year. A figure with no namesake is not compared; one that
// matches none of its namesakes (SameAmount) becomes a warning on the year-Y document that names
// the year-(Y-1) document, page and line of the first namesake. Only documents with status 'ok'
// take part.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "store/figures.h"
#include "store/store_internal.h"

namespace jixiao {

namespace {

struct FigureRow {
  std::string name, value, unit, quote;
  int page = 0, line = 0;
};

struct Doc {
  int64_t id = 0;
  std::string path;
};

std::vector<Doc> DocsOf(SQLite::Database& db, const std::string& department, int year) {
  SQLite::Statement q(db,
                      "SELECT id, path FROM documents WHERE department = ? AND year = ? AND "
                      "status = 'ok' ORDER BY path, id");
  q.bind(1, department);
  q.bind(2, year);
  std::vector<Doc> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString()});
  return out;
}

std::vector<FigureRow> FiguresAbout(SQLite::Database& db, int64_t doc, int year) {
  SQLite::Statement q(db,
                      "SELECT name, value, unit, quote, page, line FROM figures WHERE "
                      "document_id = ? AND refers_year = ? ORDER BY page, line, name");
  q.bind(1, doc);
  q.bind(2, year);
  std::vector<FigureRow> out;
  while (q.executeStep()) {
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(),
                   q.getColumn(2).getString(), q.getColumn(3).getString(), q.getColumn(4).getInt(),
                   q.getColumn(5).getInt()});
  }
  return out;
}

// Compares the pair (year, year + 1) of `department`.
void ComparePair(SQLite::Database& db, const std::string& department, int year) {
  SQLite::Statement del(db,
                        "DELETE FROM findings WHERE check_id = 'change.cross_year' AND "
                        "document_id IN (SELECT id FROM documents WHERE department = ?1 AND "
                        "year = ?2 + 1) AND other_document_id IN (SELECT id FROM documents "
                        "WHERE department = ?1 AND year = ?2)");
  del.bind(1, department);
  del.bind(2, year);
  del.exec();
  const std::vector<Doc> earlier = DocsOf(db, department, year);
  const std::vector<Doc> later = DocsOf(db, department, year + 1);
  if (earlier.empty() || later.empty()) return;
  SQLite::Statement ins(db,
                        "INSERT INTO findings (document_id, seq, check_id, severity, page, line, "
                        "quote, path, stated, recomputed, arithmetic, other_document_id, "
                        "other_page, other_line, other_quote) VALUES "
                        "(?, -1, 'change.cross_year', 'warning', ?,?,?,?,?,?,?,?,?,?,?)");
  for (const Doc& l : later) {
    const std::vector<FigureRow> stated = FiguresAbout(db, l.id, year);
    if (stated.empty()) continue;
    for (const Doc& e : earlier) {
      const std::vector<FigureRow> own = FiguresAbout(db, e.id, year);
      for (const FigureRow& f : stated) {
        const FigureRow* first = nullptr;
        bool matched = false;
        for (const FigureRow& g : own) {
          if (g.name != f.name) continue;
          bool comparable = false;
          if (SameAmount(f.value, f.unit, g.value, g.unit, &comparable)) matched = true;
          if (comparable && first == nullptr) first = &g;
        }
        if (matched || first == nullptr) continue;
        const FigureRow& g = *first;
        ins.bind(1, l.id);
        ins.bind(2, f.page);
        ins.bind(3, f.line);
        ins.bind(4, f.quote);
        ins.bind(5, PathJson({f.name}));
        ins.bind(6, f.value + f.unit);
        ins.bind(7, g.value + g.unit);
        ins.bind(8,
                 fmt::format("{} for {}: this report states {}{}; the {} report ({} p.{}) "
                             "states {}{}",
                             f.name, year, f.value, f.unit, year, e.path, g.page, g.value, g.unit));
        ins.bind(9, e.id);
        ins.bind(10, g.page);
        ins.bind(11, g.line);
        ins.bind(12, g.quote);
        ins.exec();
        ins.reset();
      }
    }
  }
}

}  // namespace

void RecomputeCrossYear(SQLite::Database& db, const std::string& department, int year) {
  if (department.empty() || year == 0) return;
  ComparePair(db, department, year - 1);
  ComparePair(db, department, year);
}

}  // namespace jixiao
