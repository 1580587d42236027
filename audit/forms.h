// Private to audit/: the self-evaluation forms (项目支出 / 部门整体支出绩效自评表) as read from the
// structure's tables (forms_blocks.cc, forms_funds.cc, forms_lines.cc; forms_reader.h), the scoring
// rule set that applies to one (forms_rules.cc), and the checks on it (forms_checks.cc,
// forms_funds.cc). ReadForms (outline.h, forms.cc) drives them per part.
//
// Every Span points into Document::text. A form states figures in labelled cells only: a cell is
// read when its column's header says what it is; anything else that looks like points, a rate or
// an amount is kept in Form::unread.
#ifndef JIXIAO_AUDIT_FORMS_H_
#define JIXIAO_AUDIT_FORMS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "audit/outline.h"
#include "structure/structure.h"

namespace jixiao::forms {

// A cell's figure as written (its span is the figure), or nothing when the cell is empty, `-`, or
// not a figure.
struct Fig {
  Number value;
  Span at;
};

// One row of the funds block (项目资金 / 预算执行情况).
struct FundsRow {
  Span row;
  std::string name;            // first cell, whitespace removed ("其中:本年财政拨款")
  bool total = false;          // 年度资金总额 / 总额
  bool part = false;           // a 其中 row
  std::optional<Fig> initial, budget, spent, max, rate, score;
  bool has_reason_column = false;
  bool reason = false;         // the reason cell is filled
};

enum class Nature { kUnknown, kAtLeast, kAtMost, kEqual, kQualitative };
const char* NatureName(Nature n);  // "≥", "≤", "=", "定性", "?"

// One scored row of the indicator block (a 三级 indicator).
struct IndicatorLine {
  Span row;
  std::string l1, l2, l3;      // carried-down cells filled in; names cleaned
  Span name_at;                // the 三级 cell (or the last named cell)
  Nature nature = Nature::kUnknown;
  bool nature_printed = false; // 指标性质 column, or a comparator before the target
  std::string target_text, actual_text;  // as written, whitespace removed
  std::optional<Fig> target, actual;     // numeric targets / actuals (units in Number::measure)
  std::optional<Fig> max, score, coef;
  bool score_unread = false;   // the 得分 cell holds something that is not one figure (OCR "IO")
  bool has_reason_column = false;
  bool reason = false;
  bool optional_row = false;   // 可选项: its max is shared
};

// A node of the tree above the rows: an 一级 or 二级 name, with a max if one is printed.
struct Group {
  std::string name;            // cleaned, "(10分)" removed
  int level = 1;               // 1 = 一级, 2 = 二级, 0 = a block's title
  std::string parent;          // the 一级 of an 二级
  std::optional<Fig> max;      // printed in the name, a cell of its own, or a footnote
  std::string max_source;      // "name", "cell", "footnote"; "cell_scale": a cell of a column
                               // named otherwise than the rows' max (not summed against them)
  Span at;
  bool optional = false;
  // level 0: a block title with its max written before the block's header ("绩效指标(90分) 一级指标
  // …"): the rows [rows_from, rows_to) of Form::rows are under it.
  size_t rows_from = 0, rows_to = 0;
};

struct Form {
  const Part* part = nullptr;
  DocKind kind = DocKind::kProjectForm;
  std::string project, department, unit, code;
  int year = 0;
  std::vector<FundsRow> funds;
  std::string denominator;     // the label of the funds column taken as A
  std::string funds_title;     // the funds block's first header cell, notes removed ("部门预算执行情况")
  std::vector<Group> groups;
  std::vector<IndicatorLine> rows;
  int residue = 0;             // template rows left blank (指标1：, ……)
  bool misplaced = false;      // a 三级 cell carried down: the table's cells are not where its header says
  std::optional<Fig> total_max, total_score;
  Span total_row;
  std::string grade;
  Span grade_at;
  bool rate_rule_printed = false, row_rule_printed = false;
  bool claims_all_met = false;
  Span claim_at;
  Span claim_spent_at;         // "资金全部执行完毕": the funds were spent in full (empty: no such claim)
  Span claim_full_at;          // "各项指标均获满分": every row at full marks
  std::vector<Span> read, unread;
  std::vector<Span> unread_rows;  // rows of its one-line tables whose cells cannot be placed one way
  // Lines of the form's tables the structure could not place as rows (Table::unread outside every
  // row): the rows read may miss some, so a sum of them is only an upper bound's check. And tokens
  // of rows read whose column is not certain (Cell::unread).
  std::vector<Span> missing_rows, unsure_cells;
  std::vector<Span> funds_missing;  // of those, the ones in a table holding a funds block
  // Rows read above the first 一级 label of their table (a centred label): their 一级 is not known.
  std::vector<Span> ungrouped;
  bool Empty() const { return funds.empty() && rows.empty(); }  // a 总分 line alone is not the form
};

// A scoring rule set (rules/forms_*.rules).
struct RuleSet {
  std::string name;            // "national", "sichuan", "framework"
  std::string title;           // shown in findings
  std::string denominator;     // pattern text: the funds column taken as A
  std::string execution;       // "proportional" (others: not recomputed)
  std::vector<std::pair<std::string, mpq_class>> weights;
  bool reverse_linear = true, reverse_inverse = false;
  mpq_class qual_met = mpq_class(4, 5), qual_partly = mpq_class(3, 5);
  std::vector<std::pair<mpq_class, std::string>> bands;  // lower bound, grade; highest first
  bool reason_below_weight = false;
  std::optional<mpq_class> reason_below_rate;            // a fraction (0.9)
  bool zero_over_zero_convention = false;
};

// The rule set named `name` ("" when it is not defined).
std::optional<RuleSet> LoadRuleSet(const Rules& rules, const std::string& name);
// The rule set for a form whose title and column labels are `signature`.
RuleSet ChooseRuleSet(const Rules& rules, const std::string& signature);

// Reads the blocks of one part from the tables inside it (and its lines, for identity, footnotes,
// grade and conclusion). `signature`, if given, receives the part's title and column labels (what
// ChooseRuleSet reads).
Form ReadForm(const Document& doc, const Structure& s, const Rules& rules, const Part& part,
              std::string* signature = nullptr);

// The checks on one form: relations and results into `out`, its rows into out->indicators.
void CheckForm(const Document& doc, const Rules& rules, const RuleSet& set, const Form& form, Outline* out);

// Parts of CheckForm in their own files, and what they share.
// The funds block's checks (forms_funds.cc): 其中 rows, 执行率, 执行率得分; and the conclusion's
// "资金全部执行完毕" against the block.
void CheckFunds(const Document& doc, const Rules& rules, const RuleSet& set, const Form& form, Outline* out);
void CheckSpentClaim(const Document& doc, const Rules& rules, const RuleSet& set, const Form& form, Outline* out);
// The form's rows and groups as indicators of out->indicators (forms.cc).
void FormIndicators(const Form& form, Outline* out);
// A rate cell as a fraction-valued Number: "98.75%" as is; "98.75" (no %) is a percentage;
// "0.9875" (≤ 1 with decimals) a fraction. `percent_shown`: the % was not written.
Number AsRate(const Number& n, bool* percent_shown);
// At most `bytes` bytes of `s`, cut at a character boundary (never inside a UTF-8 sequence).
std::string Prefix(std::string_view s, size_t bytes);
CheckResult FormResult(const Document& doc, CheckId id, Span quote, Span anchor, const std::vector<std::string>& path);
// Passed (info), or failed with severity `bad` (an error fails, a warning warns).
void SetVerdict(CheckResult* c, bool ok, Severity bad);
// score.range: 0 ≤ score ≤ max.
void CheckRange(const Document& doc, Span quote, const Fig& max, const Fig& score, const std::vector<std::string>& path,
                Outline* out);
// The funds block's total row, if read.
const FundsRow* FundsTotal(const Form& f);

}  // namespace jixiao::forms

#endif  // JIXIAO_AUDIT_FORMS_H_
