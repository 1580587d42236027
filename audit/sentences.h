// Private to the figures and claims parsers: sentences, clauses and the figures in them.
// Spans are byte offsets into Document::text and stay valid while the Document lives.
#ifndef JIXIAO_AUDIT_SENTENCES_H_
#define JIXIAO_AUDIT_SENTENCES_H_

#include <string>
#include <string_view>
#include <vector>

#include "audit/relation.h"
#include "extract/number.h"

namespace re2 {
class RE2;
}

namespace jixiao {

struct Sentence {
  Span span;                    // up to and including its stop (。；！？), or to the end of the line
  size_t line = 0;              // index of its logical line in Lines(text)
  std::vector<Number> figures;  // figures with a unit (years and bare numbers left out)
};

// The sentences of `text`, in order. A '\n' always ends a sentence.
std::vector<Sentence> SplitSentences(const std::string& text);

// The clause before `at` (back to the previous ，；。：, line start or `floor`).
Span ClauseBefore(const std::string& text, size_t at, size_t floor);

// The words just before a figure that name it ("实有在职人数" in "实有在职人数29人"): Chinese
// characters and brackets back to a punctuation mark or figure, without a trailing 为/是/达/:
std::string LabelBefore(const std::string& text, size_t at, size_t max_chars = 12);

// True if some alternative of `res` matches inside `s`.
bool AnyMatch(const std::vector<const re2::RE2*>& res, std::string_view s);

// Same kind of quantity: same unit, and for counts the same measure word.
bool SameKind(const Number& a, const Number& b);
// An amount of money (元 万元 亿元 万美元).
bool IsMoney(const Number& n);
// A figure that is an amount or count (元 万元 亿元 万美元, measure words, 亩).
bool IsQuantity(const Number& n);

// Stated figures in arithmetic: counts, points and zeros are exact.
Expr Fig(const Number& n);

// Count of UTF-8 characters.
size_t CharCount(std::string_view s);

}  // namespace jixiao

#endif  // JIXIAO_AUDIT_SENTENCES_H_
