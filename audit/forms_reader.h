// Private to ReadForm: the reader of one form's blocks, whose parts live in their own files —
// the tables and the indicator block (forms_blocks.cc), the funds block (forms_funds.cc) and the
// lines outside the blocks: identity, footnotes, 总分, grade, claims (forms_lines.cc).
#ifndef JIXIAO_AUDIT_FORMS_READER_H_
#define JIXIAO_AUDIT_FORMS_READER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/forms.h"

namespace jixiao::forms {

// What a column holds, by its header's words (rules forms.column.*).
enum class Role {
  kNone, kCoef, kReason, kCore, kNature, kUnit, kFScore, kMax, kRate, kInitial, kBudget, kSpent,
  kActual, kTarget2, kTarget, kL1, kL2, kL3, kScore,
  kL1Max, kL2Max,  // a 分值 / 权重 column right after the 一级 / 二级 column: that level's max
};

enum class Block { kNone, kFunds, kIndicators };

bool Matches(const Rules& rules, const std::string& name, std::string_view s);
std::string NoSpace(std::string_view s);  // spaces, tabs, newlines and '|' removed
// One role per column; a role goes to the first column that has it.
std::vector<Role> RolesOf(const Rules& rules, const std::vector<std::string>& labels);
// A whitespace-separated token of `s` that is one figure ("10", "9.5", "98%").
bool HasFigureToken(std::string_view s);
bool Has(const std::vector<Role>& roles, Role r);
Block BlockOf(const std::vector<Role>& roles);

class Reader {
 public:
  Reader(const Document& doc, const Structure& s, const Rules& rules, const Part& part);
  Form Run();

  std::string signature_;

 private:
  // Cells (forms_blocks.cc).
  std::string TextOf(const Cell& c) const;
  std::optional<Fig> FigureOf(const Cell& c, bool allow_text = false);
  bool HeaderRow(const TableRow& r, std::vector<std::string>* labels) const;
  std::string NameOf(const TableRow& r) const;
  const Cell* CellWith(const TableRow& r, const std::vector<Role>& roles, Role role) const;
  bool Unsure(const TableRow& r, const std::vector<Role>& roles, Role role) const;
  std::optional<Fig> FigureIn(const TableRow& r, const std::vector<Role>& roles, Role role);
  bool Filled(const TableRow& r, const std::vector<Role>& roles, Role role) const;
  std::string WordOf(const std::vector<Role>& roles, Role role) const;

  // Tables and the indicator block (forms_blocks.cc).
  void ReadTable(const Table& t);
  void BlockTitle(size_t header);
  void CloseTitle();
  bool TotalRow(const TableRow& r, const std::vector<Role>& roles);
  std::string Clean(std::string s, std::optional<Fig>* max, const Cell* cell, bool* optional);
  Group* GroupNamed(const std::string& name, int level, const std::string& parent);
  void AddGroup(const std::string& name, int level, const std::string& parent, const Cell* cell,
                std::optional<Fig> max, bool optional, const char* source = "name");
  Nature NatureOf(std::string_view s, size_t* consumed) const;
  std::optional<Fig> ValueCell(const Cell* c, const std::string& unit, Nature* nature);
  void IndicatorRow(const TableRow& r, const std::vector<Role>& roles);

  // The funds block (forms_funds.cc).
  void FundsTableUnread(const Table& t, Block block);
  void FundsLine(const TableRow& r, const std::vector<Role>& roles);

  // Lines outside the blocks (forms_lines.cc).
  void ReadLines();
  void Identity(const std::string& s, Span);
  void TotalLine(Span l);
  void Footnote(Span l);

  const Document& doc_;
  const Structure& s_;
  const Rules& rules_;
  const Part& part_;
  Form form_;
  size_t title_open_ = 0;           // 1 + the index of the open block title in form_.groups, 0 if none
  std::vector<std::string> labels_;  // the header words of the current block's columns
  struct Carry {
    std::string l1, l2;
  } carry_;
  std::vector<size_t> above_label_;  // rows of form_.rows in this table before its first 一级 label
};

}  // namespace jixiao::forms

#endif  // JIXIAO_AUDIT_FORMS_READER_H_
