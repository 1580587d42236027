// The outline of a report: its indicator tree (max points and self-scores as stated, in every
// form), its total and grade, and the relations and claims found in its text and tables. Built by
// the parsers (tree.cc, tables.cc, figures.cc, claims.cc) from a normalized Document; read by the
// checks. Spans point into Document::text and stay valid while the Document lives.
#ifndef JIXIAO_AUDIT_OUTLINE_H_
#define JIXIAO_AUDIT_OUTLINE_H_

#include <optional>
#include <string>
#include <vector>

#include "audit/finding.h"
#include "audit/relation.h"
#include "rules/rules.h"
#include "extract/document.h"
#include "extract/number.h"
#include "structure/structure.h"

namespace jixiao {

// A figure stated somewhere: its value and where.
struct Stated {
  Number value;
  Span at;                 // the figure in Document::text
  Span context;            // the heading, sentence or table row that states it
  std::string source;      // "heading", "body", "sentence", "table", "item"
};

struct Indicator {
  std::string name;        // as written, whitespace and numbering removed
  int level = 1;           // 1 = first level (一级指标)
  int parent = -1;         // index in Outline::indicators, -1 for first level
  std::vector<int> children;
  std::optional<Stated> max, score;       // the first statement of each
  std::vector<Stated> more_max, more_score;  // restatements (body, table), in order
  std::vector<Stated> items;              // points of sub-items (一是…自评得 1 分)
  Span heading;            // where the indicator is introduced
  Span body;               // its text up to the next heading
  bool bonus = false;      // 加分 / 加减分 items: score may exceed a sum of children
  // Points were stated in or below it that no reader took (parse.unread): its children as read
  // may be incomplete, so their sums are not checked against it.
  bool incomplete = false;
  bool form = false;       // a row of a self-evaluation form (ReadForms checks it, TreeChecks not)
};

struct Outline {
  std::vector<Indicator> indicators;  // in document order; parents before children

  struct Total {
    std::optional<Stated> max, score;
    std::string grade;                // 优 良 中 差, "" if not stated
    Span grade_at;
    Span where;
    bool form = false;                // a form's 总分 (ReadForms checks it, TreeChecks not)
  };
  std::optional<Total> total;
  // Grade bands stated in the report: {lower bound, grade}, highest first; empty = 90/80/60.
  std::vector<std::pair<Number, std::string>> bands;

  // A table with a total row, kept for the text that cites it ("各专项自评得分合计 1864.00 分").
  struct TableTotal {
    Span total_row;
    size_t rows = 0;                                     // rows above the total row
    std::vector<std::pair<std::string, Number>> columns;  // column word as written, total cell
  };
  std::vector<TableTotal> tables;

  std::vector<Relation> relations;    // arithmetic to recompute (sums, rates, rows, changes)
  std::vector<CheckResult> results;   // checks decided without arithmetic (claims)
  // The forms read (ReadForms), one per part of kind project_form / department_form.
  struct Form {
    size_t part = 0;                  // index in Structure::parts
    std::string project, department, unit, code;  // "" where the form does not give them
    int year = 0;
    std::string rule_set;             // the scoring rule set applied ("national", "sichuan", …)
    int rows = 0;                     // indicator rows read
  };
  std::vector<Form> forms;

  std::vector<Span> read;             // spans some parser read (headings, statements, rows)
  // Scoring tables read as the tree (ReadTableTrees), in document order and disjoint: no heading
  // or table row of other readers.
  std::vector<Span> tree_tables;
  bool InTreeTable(size_t offset) const;
  std::vector<Span> unread;           // looks like scores or figures, could not be read
  int unbound = 0;                    // relations suspected but not bound by the words (coverage)
  bool top_incomplete = false;        // unread points outside every indicator: no score.total sum

  std::vector<std::string> PathOf(int index) const;  // names from the first level down
  int Find(const std::string& name) const;           // index of the last indicator so named, or -1
  // A canonical text form for tests: one line per indicator, then the total.
  std::string Dump() const;
};

// The parsers, in the order Audit runs them. Each reads `doc` and adds to `out`.
void ParseTree(const Document& doc, const Structure& structure, const Rules& rules, Outline* out);
void ParseTables(const Document& doc, const Rules& rules, Outline* out);
// A report's scoring tables (一级/二级/三级指标 | 分值 | 得分 grids of the structure) as its
// indicator tree (table_tree.cc). Runs first: the lines of the tables it reads are no headings
// for ParseTree and no rows for ParseTables.
void ReadTableTrees(const Document& doc, const Structure& structure, const Rules& rules, Outline* out);
// When neither a tree table nor headings gave a tree: a scoring table with one name column and a
// total row (评价准则 | 分值 | 实际得分 …) as the tree, its levels by the names' numbering.
void ReadListTables(const Document& doc, const Structure& structure, const Rules& rules, Outline* out);
// A scoring table whose cells reached the text as one stream in row order, every name with its
// max ("…三级指标得分部门决策(25分)目标任务(15分)相关性(5分)\n5 明确性(5分)\n5 …"), read as the
// tree where the row shape is certain (table_stream.cc); also its pipe-row form whose merged cells
// split each row over lines. Runs after ReadTableTrees.
void ReadStreamTables(const Document& doc, const Rules& rules, Outline* out);
// The total's sentence broken down by the first level ("总得分为72.21分，其中：投入得分13.10分、…"):
// the parts' scores join the first-level nodes of those names (tree_breakdown.cc). After the tree.
void ReadTotalBreakdown(const Document& doc, const Rules& rules, Outline* out);
void ParseFigures(const Document& doc, const Rules& rules, Outline* out);
void ParseClaims(const Document& doc, const Rules& rules, Outline* out);
// The self-evaluation forms: for each part of kind project_form / department_form, its funds
// block, indicator block, 总分 and grade from the structure's tables, its identity, and the checks
// of ../shared/docs/forms.md under the scoring rule set of its family (rules/forms_*.rules).
void ReadForms(const Document& doc, const Structure& structure, const Rules& rules, Outline* out);

// After all parsers: lines that look like scoring but overlap nothing in `read` → `unread`.
void FindUnread(const Document& doc, const Rules& rules, Outline* out);

// Relations and results that follow from the tree: children sums, total, restatements, range,
// grade, score from rate.
void TreeChecks(const Document& doc, const Rules& rules, const Outline& outline, std::vector<Relation>* relations,
                std::vector<CheckResult>* results);

}  // namespace jixiao

#endif  // JIXIAO_AUDIT_OUTLINE_H_
