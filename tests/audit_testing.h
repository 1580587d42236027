// Test helpers for the figures and claims parsers: a Document from text, and the checks one
// parser produces on it, evaluated.
#ifndef JIXIAO_TESTS_AUDIT_TESTING_H_
#define JIXIAO_TESTS_AUDIT_TESTING_H_

#include <catch2/catch.hpp>
#include <cstddef>
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

// A text, the check it must produce, that check's stated figure (as written, with unit) and its
// verdict: the shape of the figures, narrative and shares tables.
struct Case {
  const char* text;
  CheckId check;
  const char* stated;
  Verdict verdict;
};

// Runs `parse` on each case's text: the results of c.check stated c.stated are at least one (exactly
// one when `exactly_one`), and the first has c.verdict. Every result is printed on failure.
template <size_t N>
void CheckCases(Parser parse, const Case (&cases)[N], bool exactly_one = false) {
  for (const Case& c : cases) {
    INFO(c.text);
    auto all = Run(parse, DocumentOf(c.text));
    for (const auto& x : all) UNSCOPED_INFO(x.stated << " " << x.arithmetic);
    auto got = Pick(all, c.check, c.stated);
    if (exactly_one) {
      REQUIRE(got.size() == 1);
    } else {
      REQUIRE(got.size() >= 1);
    }
    CHECK(VerdictName(got.front().verdict) == std::string(VerdictName(c.verdict)));
  }
}

// Runs `parse` on each text: every result it gives passes (readings that must give no finding).
template <class Texts>
void CheckAllPass(Parser parse, const Texts& texts) {
  for (const char* t : texts) {
    INFO(t);
    for (const auto& c : Run(parse, DocumentOf(t))) {
      INFO(c.arithmetic);
      CHECK(c.verdict == Verdict::kPass);
    }
  }
}

}  // namespace jixiao::testing

#endif  // JIXIAO_TESTS_AUDIT_TESTING_H_
