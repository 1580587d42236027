// Private to audit/: the named amounts of a report for AuditResult::figures.
#ifndef JIXIAO_AUDIT_FIGURE_ROWS_H_
#define JIXIAO_AUDIT_FIGURE_ROWS_H_

#include <vector>

#include "audit/audit.h"
#include "extract/document.h"

namespace jixiao {

std::vector<FigureRow> FigureRows(const Document& doc, int year);

}  // namespace jixiao

#endif  // JIXIAO_AUDIT_FIGURE_ROWS_H_
