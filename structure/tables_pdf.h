// Private to structure/tables*.cc: ruled PDF tables whose cells wrap (pdf_grid.h), read on one
// page's raw lines before the line-by-line reader sees them.
#ifndef JIXIAO_STRUCTURE_TABLES_PDF_H_
#define JIXIAO_STRUCTURE_TABLES_PDF_H_

#include <vector>

#include "structure/tables_internal.h"

namespace jixiao::internal::grid {

// The tables of one PDF page (`lines`: its raw lines, in order). consumed[i] is set for each line
// a table holds; the caller does not read those lines again.
std::vector<Table> FindPdfTables(const Document& doc, const GridRules& g, const std::vector<RawLine>& lines,
                                 std::vector<bool>* consumed);

// Header cells by their words, for a header whose cells are joined over lines: true and one kind
// per label when the labels read as a table's header (tables_header.cc's rules: column words of
// grid.column, else classes grid.class_*; three or more cells, a name and a number column).
// `groups`: per label, the first label of its group (sub-columns under one group label), or -1;
// the sub-columns of a group whose words have no class count as one unknown cell.
bool PdfHeaderKinds(const GridRules& g, const std::vector<std::string>& labels, const std::vector<int>& groups,
                    std::vector<ColType>* kinds);

}  // namespace jixiao::internal::grid

#endif  // JIXIAO_STRUCTURE_TABLES_PDF_H_
