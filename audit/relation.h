// Relations: the arithmetic a report lets an auditor recompute ("a + b = c", "a / b = p%",
// "max × rate = score"), as expressions over stated figures, and their evaluation into a
// CheckResult with the arithmetic spelled out.
#ifndef JIXIAO_AUDIT_RELATION_H_
#define JIXIAO_AUDIT_RELATION_H_

#include <memory>
#include <string>
#include <vector>

#include "audit/finding.h"
#include "audit/interval.h"
#include "extract/document.h"
#include "extract/number.h"

namespace jixiao {

// An arithmetic expression over stated figures and constants.
class Expr {
 public:
  // A stated figure; `exact` makes it a point (self-scores, max points, counts).
  static Expr Figure(const Number& n, bool exact = false);
  // An exact constant shown as `text` ("100", "10000").
  static Expr Const(const mpq_class& v, std::string text);
  static Expr Sum(std::vector<Expr> terms);
  static Expr Diff(Expr a, Expr b);
  static Expr Product(Expr a, Expr b);
  static Expr Quotient(Expr a, Expr b);

  Interval Eval() const;
  // "25100.43 / 27600.43", "3 × 90.94%", "1.5 + 1.5"; sub-expressions in parentheses as needed.
  std::string Render() const;
  bool valid() const { return op_ != Op::kNone; }
  // The text spans of the stated figures in it (its operands), left to right as written.
  void FigureSpans(std::vector<Span>* out) const;
  // The stated figures in it, left to right as Render writes them (the same order as FigureSpans).
  void Figures(std::vector<const Number*>* out) const;

 private:
  enum class Op { kNone, kFigure, kConst, kSum, kDiff, kProduct, kQuotient };
  Op op_ = Op::kNone;
  Number num_;
  bool exact_ = false;
  mpq_class const_;
  std::string text_;
  std::vector<Expr> args_;
  int Precedence() const;
};

// One relation found in the report: `computed` must agree with `stated`.
struct Relation {
  CheckId check = CheckId::kRateRatio;
  Expr computed;
  Number stated;
  bool stated_exact = false;                 // stated is a point (scores, counts)
  enum class Compare { kEqual, kAtMost, kAtLeast } compare = Compare::kEqual;
  Severity severity = Severity::kError;      // when it differs beyond rounding
  std::vector<std::string> path;             // indicator path, if any
  Span quote;                                // the text quoted in the finding
  std::vector<Span> more_quotes;             // further fragments, quoted after " … "
  Span anchor;                               // the stated figure (page, line, bbox)
  std::string note;                          // what the figures are, appended to the arithmetic
  // Results shown as a percentage even if `stated` is not one (rates stated as "0").
  bool as_percent = false;
  // Read from words that bind it whatever the template (a claim next to its own figures): checked
  // in parts that are not self-evaluations (a 决算, a 预算) too, like the generic checks.
  bool any_part = false;
};

// Evaluates a relation against the document: verdict, severity, quote, arithmetic.
CheckResult Evaluate(const Document& doc, const Relation& r);

// A CheckResult filled with the page, line, quote and bbox of the given spans.
// The quote is ClauseAround(`quote`); one longer than kQuoteLimit bytes is cut to a window of
// kQuoteContext bytes either side of `anchor`, its edges moved to clause boundaries (Evaluate adds
// short windows around the operands), marked "…" where cut: a check's quote never grows with its sentence (a 400 KB sentence of rates would
// otherwise be quoted whole by each of its thousands of checks).
CheckResult MakeResult(const Document& doc, CheckId check, Span quote, Span anchor);
inline constexpr size_t kQuoteLimit = 1500, kQuoteContext = 450;

// The sentence around `s` in doc.text: from the previous 。；! ? or line start to the next,
// at most `max_chars` bytes either side of `s`.
Span SentenceAround(const std::string& text, Span s, size_t max_chars = 240);

// `quote` widened where it cuts a clause: an edge inside a word or a figure, or at the unit of a
// figure ("5 分，自评得…", "…下降23.51" of "23.51%"), moves to the start of the sentence, line,
// table cell or clause (after ，、：；。 | …) it is in, or to the end of that one (keeping a
// sentence's 。；！？), at most about 50 characters away; an edge that finds none within that
// stops off any word or figure (outputs then mark it "…"). Any other edge is where the reader put
// it (a row, a cell, a heading, a clause) and is kept. MakeResult and Evaluate quote this.
Span ClauseAround(const std::string& text, Span quote);

// The line around `s` (a table row, for a cell), from its start to its end without blanks at
// either edge, each edge at most about 100 characters away, else as ClauseAround: the quote of a
// parse.unread note, whose span is the part of the line that was not read.
Span LineAround(const std::string& text, Span s);

// The figure as written with its unit: "90.94%", "25,100.43万元", "3分".
std::string Written(const Number& n);

}  // namespace jixiao

#endif  // JIXIAO_AUDIT_RELATION_H_
