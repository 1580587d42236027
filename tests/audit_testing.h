// Test helpers for the figures and claims parsers: a Document from text, and the checks one
// parser produces on it, evaluated.
#ifndef JIXIAO_TESTS_AUDIT_TESTING_H_
#define JIXIAO_TESTS_AUDIT_TESTING_H_

#include <string>
#include <vector>

#include "audit/forms.h"
#include "audit/outline.h"
#include "audit/relation.h"
#include "rules/rules.h"
#include "extract/document.h"
#include "extract/normalize.h"
#include "structure/structure.h"
#include "tests/test_util.h"

namespace jixiao::testing {

inline Document DocumentOf(const std::string& text) { return test::DocFromText(text, "test"); }

inline const Rules& BuiltinRules() {
  static const Rules* rules = [] {
    auto r = Rules::Builtin();
    return new Rules(std::move(*r));
  }();
  return *rules;
}

using Parser = void (*)(const Document&, const Rules&, Outline*);

// Every relation (evaluated) and result the parser adds for `text`.
inline std::vector<CheckResult> Run(Parser parse, const Document& doc) {
  Outline out;
  parse(doc, BuiltinRules(), &out);
  std::vector<CheckResult> results = out.results;
  for (const auto& r : out.relations) results.push_back(Evaluate(doc, r));
  return results;
}

// Every check the form readers (ReadForms over the structure) produce for `text`, relations
// evaluated; the outline kept in *keep when given.
inline std::vector<CheckResult> FormChecksOf(const std::string& text, Outline* keep = nullptr) {
  Document doc = DocumentOf(text);
  Structure s = BuildStructure(doc, BuiltinRules());
  Outline out;
  ReadForms(doc, s, BuiltinRules(), &out);
  std::vector<CheckResult> all = out.results;
  for (const auto& r : out.relations) all.push_back(Evaluate(doc, r));
  if (keep) *keep = std::move(out);
  return all;
}

// The results of `check` whose stated figure is `stated` (or any, if empty).
inline std::vector<CheckResult> Pick(const std::vector<CheckResult>& all, CheckId check,
                                     const std::string& stated) {
  std::vector<CheckResult> out;
  for (const auto& c : all) {
    if (c.check == check && (stated.empty() || c.stated == stated)) out.push_back(c);
  }
  return out;
}

}  // namespace jixiao::testing

#endif  // JIXIAO_TESTS_AUDIT_TESTING_H_
