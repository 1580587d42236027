// Rule files: the builtin rules compile, and malformed files give one error with file and line.
#include "audit/rules.h"

#include <re2/re2.h>

#include <catch2/catch.hpp>

namespace jixiao {

TEST_CASE("builtin rules compile", "[rules]") {
  auto rules = Rules::Builtin();
  REQUIRE(rules.ok());
  CHECK(rules->Version().size() == 16);
}

TEST_CASE("rule file errors name file and line", "[rules]") {
  struct Case {
    const char* text;
    const char* message;
  } cases[] = {
      {"a = x\nno equals sign\n", "f.rules:2: expected 'name = PATTERN'"},
      {"Bad-Name = x\n", "f.rules:1: rule name 'Bad-Name' must be"},
      {"a = (unclosed\n", "f.rules:1: invalid RE2 pattern for 'a'"},
      {"a =\n", "f.rules:1: empty pattern"},
      {"# only a comment\n\n", "f.rules: no rules in file"},
      {"", "f.rules: no rules in file"},
  };
  for (const auto& c : cases) {
    Rules r;
    Status s = r.AddText(c.text, "f.rules");
    INFO(c.text);
    REQUIRE_FALSE(s.ok());
    CHECK(s.code() == Status::Code::kInvalidRules);
    CHECK(s.message().find(c.message) == 0);
  }
}

TEST_CASE("rules override and append", "[rules]") {
  Rules r;
  REQUIRE(r.AddText("a = x\na += y\n", "one").ok());
  CHECK(r.Get("a").size() == 2);
  REQUIRE(r.AddText("a = z\n", "two").ok());
  REQUIRE(r.Get("a").size() == 1);
  CHECK(RE2::FullMatch("z", *r.Get("a")[0]));
  CHECK(r.Get("missing").empty());
}

}  // namespace jixiao
