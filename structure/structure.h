// The document model every reader works on: sections from the numbering hierarchy, paragraphs,
// tables as grids of cells, and what the document is (its kind and its parts). Built once per
// document by BuildStructure in one linear pass; readers ask it "the innermost section containing
// this statement", "the cell of this row under the 得分 column" instead of scanning the text again.
//
// Every Span is a byte range of Document::text. A Structure owns no pointer into the Document, but
// its spans mean something only for the Document it was built from.
#ifndef JIXIAO_STRUCTURE_STRUCTURE_H_
#define JIXIAO_STRUCTURE_STRUCTURE_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"
#include "rules/rules.h"

namespace jixiao {

// Numbering styles of Chinese official documents, full- and half-width alike (normalization makes
// them half-width).
enum class Numbering {
  kNone,
  kPart,          // 第一部分 / 第二章
  kCn,            // 一、
  kParenCn,       // (一)
  kArabic,        // 1. 1、
  kArabicDotted,  // 1.1 1.1.2
  kParenArabic,   // (1)
  kCircled,       // ①
  kLatin,         // A. a、
  kParenLatin,    // (a)
};
const char* NumberingName(Numbering n);  // "cn", "paren_cn", …

// A numbered heading and everything up to the next heading of the same or a higher level. A
// numbered line is a heading whether or not it carries points.
struct Section {
  Numbering style = Numbering::kNone;
  int ordinal = 0;          // 1 for 一、 (一) 1. ① A.; 0 when unknown
  int level = 1;            // 1 = outermost style of this document; styles take levels in the order
                            // in which they first appear below each other
  int parent = -1;          // index in Structure::sections, -1 at the top
  std::vector<int> children;
  Span heading;             // the whole logical line of the heading
  Span marker;              // the numbering ("1." "(一)")
  Span title;               // after the marker, to the first sentence stop or the end of the line
  Span body;                // after the heading line to the end of the section (children included)
};

// One cell of a table. An empty cell is kept (empty == true, `at` an empty span where it would
// be); a cell merged down from the row above has carried == true and the text of the cell it
// repeats (`at` points at that cell).
struct Cell {
  Span at;
  int column = 0;           // index in Table::columns
  bool empty = false;
  bool carried = false;
  // Something is written here but not certainly in this column (a row read by counting whose
  // tokens fit the columns in more than one way): empty == true too, but the cell is unknown, not
  // blank; its text is in Table::unread.
  bool unread = false;
  // A wrapped cell whose lines are interleaved with other cells' text in Document::text (a PDF
  // name cell in two lines around the row's figures): its pieces in reading order, and `at` is
  // the first piece. Empty when `at` alone is the whole cell.
  std::vector<Span> parts;
};

struct TableRow {
  Span at;                  // the logical line(s) of the row
  std::vector<Cell> cells;  // one per column, in column order (cells.size() == columns.size())
  bool total = false;       // a 合计 / 总分 / 总计 row (rules: table.total_row)
};

struct Column {
  std::string label;        // header words, whitespace removed, the lines of a two-line header
                            // joined top to bottom ("项目资金(万元)全年预算数(A)")
  Span at;                  // the header cell (the first line of it for two-line headers)
  double x0 = 0, x1 = 0;    // PDF: the column's extent on the page; 0 for text input
};

// How the table reached jixiao (the text shapes of ../shared/docs/forms.md).
enum class TableShape {
  kPositions,    // PDF words placed by x-position
  kAligned,      // whitespace-aligned columns (pdftotext -layout, or a space between cells)
  kPipe,         // | a | b | rows
  kCellPerLine,  // one cell per line
  kOneLine,      // a whole table flattened onto one line; cells assigned by the header's columns
};
const char* TableShapeName(TableShape s);

struct Table {
  Span at;                        // header and rows
  TableShape shape = TableShape::kAligned;
  std::vector<Column> columns;
  std::vector<TableRow> rows;     // body rows, header rows excluded
  int page = 0;                   // the page of the header
  // Lines inside the table that look like rows but whose cells cannot be placed without guessing
  // (five figures under six numeric columns with nothing to tell which one is empty): left out of
  // `rows`, for coverage (parse.unread).
  std::vector<Span> unread;

  // The first column whose label matches `re` (an RE2 pattern, unanchored), or -1.
  int ColumnMatching(const re2::RE2& re) const;
};

// What a file, or a part of it, is.
enum class DocKind {
  kUnknown,
  kDepartmentReport,  // 部门整体支出绩效自评报告 (narrative, scored indicator tree)
  kDepartmentForm,    // 部门整体支出绩效自评表
  kProjectForm,       // 项目支出绩效自评表
  kFinalAccounts,     // 部门决算 (not a self-evaluation)
  kBudget,            // 部门预算 (not a self-evaluation)
  kOther,             // none of these
};
const char* DocKindName(DocKind k);  // "department_report", "department_form", "project_form",
                                     // "final_accounts", "budget", "other", "unknown"
// True for the kinds that carry a self-evaluation (scores to check).
bool IsSelfEvaluation(DocKind k);

// A page range of the file with one kind: a 决算 PDF with forms in its appendix has several.
struct Part {
  DocKind kind = DocKind::kUnknown;
  Span at;
  int first_page = 0, last_page = 0;
  std::string title;                   // its title line as written, "" if none
};

struct Structure {
  std::vector<Section> sections;  // document order; a parent comes before its children
  std::vector<Span> paragraphs;   // logical lines outside tables (wrapped lines already joined)
  std::vector<Table> tables;      // document order
  std::vector<Part> parts;        // document order, covering the text; at least one
  DocKind kind = DocKind::kUnknown;  // of the whole file: the kind of its largest
                                     // self-evaluation part, else of its largest part

  // The innermost section whose heading or body contains `offset`, or -1.
  int SectionAt(size_t offset) const;
  // The table containing `offset`, or nullptr.
  const Table* TableAt(size_t offset) const;
  // The part containing `offset` (the last part when past the end).
  const Part& PartAt(size_t offset) const;
  // Canonical text for golden tests: parts, sections (indented by level), tables with their
  // columns and cells.
  std::string Dump(const Document& doc) const;
};

// Builds the model. Never fails: what it cannot place is simply not in a section or table.
Structure BuildStructure(const Document& doc, const Rules& rules);

}  // namespace jixiao

#endif  // JIXIAO_STRUCTURE_STRUCTURE_H_
