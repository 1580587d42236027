// The figures a document states, by name and by the year they are about: what the cross-year
// comparison (change.cross_year) reads. Derived from an AuditResult in one place, FiguresOf, so
// that only this file changes when the audit core grows a list of stated figures.
#ifndef JIXIAO_STORE_FIGURES_H_
#define JIXIAO_STORE_FIGURES_H_

#include <string>
#include <string_view>
#include <vector>

#include "audit/audit.h"

namespace jixiao {

struct StatedFigure {
  std::string name;  // "部门整体支出决算数", an indicator path joined with " / ", or "总分"
  int refers_year = 0;  // the year the figure is about (the report's year, or the one before)
  std::string value;    // digits as written: "1745.25", "-3.5"
  std::string unit;     // what followed the number: "万元", "元", "%", "分", ""
  int page = 0;
  int line = 0;
  std::string quote;  // source text around the figure
};

// The figures of `r` (none when r.year is 0). Today's AuditResult has no list of stated figures,
// so they are taken from what it has:
//   - the stated total score ("总分") and every indicator score (name: its path), for r.year;
//   - every check with a non-empty path and a stated number, except change.yoy: the figure named
//     by the path, for r.year;
//   - every change.yoy check with a non-empty path and a stated number: the previous year's value
//     of the figure named by the path, as the report states or implies it ("上年决算数 X 万元", or
//     this year's value minus "比上年增加 X 万元"), for r.year - 1. This is the convention the
//     store needs from the audit core; see docs/batch.md.
// A (name, year, value, unit) stated several times is listed once, at its first place.
std::vector<StatedFigure> FiguresOf(const AuditResult& r);

// Splits "1,745.25万元" into value "1745.25" (thousands separators dropped) and unit "万元".
// False when `stated` does not start with a number (an optional sign, digits, one '.').
bool SplitAmount(std::string_view stated, std::string* value, std::string* unit);

// Whether two stated amounts are the same figure: units are converted (元, 千元, 万元, 亿元;
// other units must be equal), and a difference below half a unit of the last digit written by the
// less precise of the two is no difference ("1745.3万元" = "17452500元"). False when either does
// not parse or the units cannot be compared; `comparable` (if given) says which.
bool SameAmount(const std::string& value_a, const std::string& unit_a, const std::string& value_b,
                const std::string& unit_b, bool* comparable = nullptr);

}  // namespace jixiao

#endif  // JIXIAO_STORE_FIGURES_H_
