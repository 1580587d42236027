// What a pattern needs of a text before it can match: the literals one of which every match
// contains. Read from the pattern's text alone (no RE2 compilation), so that a rule whose literals
// a document lacks need never be compiled for it (rules.h, Rules::Focused). Internal to rules/.
#ifndef JIXIAO_RULES_LITERALS_H_
#define JIXIAO_RULES_LITERALS_H_

#include <string>
#include <string_view>
#include <vector>

namespace jixiao::rules_internal {

struct PatternNeeds {
  // False when the analysis does not follow the pattern (flags, \Q…\E, a malformed repetition,
  // …) or finds that it can match without any literal: nothing is known, the rule is kept.
  bool known = false;
  // Every match contains, for each clause, one of its literals (code points). Never empty when
  // `known`, and no clause is empty.
  std::vector<std::vector<std::u32string>> clauses;
  // A pattern with the same capture groups (names and order) that matches nothing: what a
  // caller gets in place of the rule, so that group counts and names stay as the rule's.
  std::string never;
};

PatternNeeds Analyze(std::string_view pattern);

}  // namespace jixiao::rules_internal

#endif  // JIXIAO_RULES_LITERALS_H_
