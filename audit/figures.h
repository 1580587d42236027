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

// A figure that is a difference, not a level ("增加1.68万元", "比2021年预算减少45万元"): the
// words of its clause (back to `floor`) end in a direction word (rules fig.change_before). Such a
// figure is never the current figure of a change, nor an account stated again. In
// figures_changes.cc.
bool IsChangeFigure(const std::string& t, const Rules& rules, const Number& n, size_t floor);

// The base a rate names before it ("任务数" in "占任务数的56.4%", "年初预算" in "完成年初预算的53.5%"),
// or empty; and whether a figure's label names that base (two thirds of the base's character pairs,
// without 总 / 本年 / 数 / 额, occur in it: "总支出" is named by "年度支出合计", "任务数" not by "收入累计
// 完成"). A rate with a named base is checked only against a denominator so named. In figures.cc.
std::string NamedBase(const std::string& t, const Rules& rules, const Number& rate, size_t floor);
bool BaseNamed(const Rules& rules, const std::string& base, const std::string& label);

// rate.ratio of "A a，占B的 p%" against the nearest figure before it named B; sum.breakdown of the
// parts whose shares of one such figure add up to 100%. In figures_shares.cc.
void NamedShares(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
                 const std::vector<Span>& used, const std::vector<Number>& all_figs, Outline* out);

// "占年初预算数109466万元的56.3%": the figure is the base of a share of the sentence's subject, not
// a level of its own (no current figure of a change, no account stated again). In figures_shares.cc.
bool IsShareBase(const std::string& t, const Number& n);
// The year written in t[g] (1900–2200), or nullopt (figures_years.cc).
std::optional<int> YearOf(const std::string& t, Span g);

// sum.breakdown of "W按X分：A a…；B b…" against the figure before it that names W. In
// figures_grouped.cc.
void GroupedSplits(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
                   const std::vector<Number>& all_figs, Outline* out);

// change.yoy of "2022年度X较2021年度增加 D 万元，增长 p%" against the two years' levels of X, each
// stated in a sentence that opens with its year. In figures_years.cc.
void YearLevels(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences, Outline* out);

// change.yoy in percentage points: "由22.5%下降到13.2%，下降了9.5个百分点", a year span's list then two of
// its years compared, a list of two then the change. In figures_points.cc.
void PointChanges(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
                  Outline* out);

// sum.breakdown of a whole area and the scopes it is split into ("全盟…中，盟本级 a…；旗级 b…", "分级次看，…",
// "100个县区(含41个县、59个区)" then each part's section), amounts and their changes. In figures_scopes.cc.
void ScopePartitions(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
                     Outline* out);

// Statements read over a paragraph across its ；and brackets: change.yoy of "较人代会批准的预算数增加
// 60000万元（其中：…），增长26.1%" over the base the change implies; sum.breakdown of a balance
// "总收入 a … 支出总额 b … 收支相抵后，结余 c". In figures_against.cc.
void ParagraphStatements(const Document& doc, const Rules& rules, Outline* out);

// sum.breakdown of "A a。加上 B b，合计 c". In figures_added.cc.
void AddedTotals(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
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

// figure.restated: a specific label stated twice with figures of a kind that differ
// (Restated); a figure followed by words saying there is none of it (NilRestated); a table's total
// row cited in the text (TableCitations); "A，即 B" (RestatedIe). In figures_restated.cc.
void Restated(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
              Outline* out);
void NilRestated(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
                 Outline* out);
void TableCitations(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
                    Outline* out);
void RestatedIe(const Document& doc, const Rules& rules, Outline* out);
// The path of the innermost indicator whose heading and body hold `offset`; empty outside any
// (or before ParseTree has run). In figures.cc; used by claims.cc too.
std::vector<std::string> PathAt(const Outline& outline, size_t offset);

// Sets the path of relations from index `from` on that have none, from their anchors.
void AssignPaths(Outline* out, size_t from);

}  // namespace jixiao

#endif  // JIXIAO_AUDIT_FIGURES_H_
