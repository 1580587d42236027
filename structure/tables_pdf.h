// Private to structure/tables*.cc: ruled PDF tables whose cells wrap (pdf_grid.h), read on one
// page's raw lines before the line-by-line reader sees them.
#ifndef JIXIAO_STRUCTURE_TABLES_PDF_H_
#define JIXIAO_STRUCTURE_TABLES_PDF_H_

#include <vector>

#include "structure/pdf_grid.h"
#include "structure/tables_internal.h"

namespace jixiao::internal::grid {

// A table a page left open (it ran to the page's end): read on at the top of the next page.
struct PdfOpen {
  std::vector<pdfgrid::Column> grid;  // its columns as pdf_grid read them
  std::vector<Column> columns;        // as the Table has them
  bool dropped_title = false;         // the Table dropped pdf_grid's first column (a title cell)
  std::vector<Cell> last;             // the cells of its last row (merged names run on over the break)
};

// The tables of one PDF page (`lines`: its raw lines, in order). consumed[i] is set for each line
// a table holds; the caller does not read those lines again. `open`: in, the table the page before
// left open (empty grid: none); out, the one this page leaves open.
std::vector<Table> FindPdfTables(const Document& doc, const GridRules& g, const std::vector<RawLine>& lines,
                                 std::vector<bool>* consumed, PdfOpen* open);

// Header cells by their words, for a header whose cells are joined over lines: true and one kind
// per label when the labels read as a table's header (tables_header.cc's rules: column words of
// grid.column, else classes grid.class_*; three or more cells, a name and a number column).
// `groups`: per label, the first label of its group (sub-columns under one group label), or -1;
// the sub-columns of a group whose words have no class count as one unknown cell.
bool PdfHeaderKinds(const GridRules& g, const std::vector<std::string>& labels, const std::vector<int>& groups,
                    std::vector<ColType>* kinds);

}  // namespace jixiao::internal::grid

#endif  // JIXIAO_STRUCTURE_TABLES_PDF_H_
