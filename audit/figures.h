// Private to ParseFigures and ParseClaims: the parts of them in their own files.
#ifndef JIXIAO_AUDIT_FIGURES_H_
#define JIXIAO_AUDIT_FIGURES_H_

#include <vector>

#include "audit/outline.h"
#include "audit/sentences.h"

namespace jixiao {

// sum.breakdown: "X，其中 a，b", "分为 2 类，分别为 a 和 b", "共 12 项，完成 8 项，未完成 4 项",
// "a+b=c", "A、B、C 等 3 项". In figures_sums.cc.
void ParseSums(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
               Outline* out);

// change.yoy: "比上年增加 X 万元，增长 Y%", parallel "分别比…增加…，同比增长…", targets derived
// from a base ("以 … 为基数 … 预计下降 Y%"). In figures_changes.cc.
void ParseChanges(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
                  Outline* out);

// figure.restated by account: the department's budget, income and spending however they are
// named, and formula operands named in words. In accounts.cc.
void ParseAccounts(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
                   Outline* out);

// sum.breakdown of counts and their lists ("内设2个中队，即甲中队、乙中队", "甲、乙和丙共三个乡镇");
// unit.scale of a total in 元 among totals in 万元. In figures_lists.cc.
void ParseLists(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
                Outline* out);

// claim.contradiction of "完成年初预算100%" against "决算数大于预算数 D". In claims_budget.cc.
void BudgetCompletion(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
                      Outline* out);

// The path of the innermost indicator whose heading and body hold `offset`; empty outside any
// (or before ParseTree has run). In figures.cc; used by claims.cc too.
std::vector<std::string> PathAt(const Outline& outline, size_t offset);

// Sets the path of relations from index `from` on that have none, from their anchors.
void AssignPaths(Outline* out, size_t from);

}  // namespace jixiao

#endif  // JIXIAO_AUDIT_FIGURES_H_
