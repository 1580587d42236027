// Rule files: the builtin rules compile, and malformed files give one error with file and line.
#include "rules/rules.h"

#include <unistd.h>

#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

namespace jixiao {

TEST_CASE("builtin rules compile", "[rules]") {
  auto rules = Rules::Builtin();
  REQUIRE(rules.ok());
  CHECK(rules->Version().size() == 16);
  // They are compiled on first use: every one of them, now.
  Status all = rules->CompileAll();
  INFO(all.message());
  CHECK(all.ok());
  // A --rules pattern is compiled when added; a built-in one it overrides never is.
  REQUIRE(rules->AddText("extra.rule = (unclosed\n", "x.rules").code() ==
          Status::Code::kInvalidRules);
  REQUIRE(rules->AddText("score.heading = ^X$\n", "y.rules").ok());
  CHECK(rules->Get("score.heading").size() == 1);
  CHECK(RE2::FullMatch("X", rules->One("score.heading")));
}

TEST_CASE("VersionOf gives the built rules' Version without compiling them", "[rules]") {
  auto builtin = Rules::Builtin();
  REQUIRE(builtin.ok());
  auto version = Rules::VersionOf("");
  REQUIRE(version.ok());
  CHECK(*version == builtin->Version());

  std::filesystem::path dir = std::filesystem::temp_directory_path() / ("jixiao-rules-version-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "b.rules") << "# more\nscore.heading += ^X(?P<name>.+)$\n";
  std::ofstream(dir / "a.rules") << "  extra.word = 甲|乙  \n";
  Rules with_dir = std::move(Rules::Builtin().value());
  REQUIRE(with_dir.AddDir(dir.string()).ok());
  auto dir_version = Rules::VersionOf(dir.string());
  REQUIRE(dir_version.ok());
  CHECK(*dir_version == with_dir.Version());
  CHECK(*dir_version != *version);

  // Errors of the text are found; an invalid pattern only when the rules are built.
  std::ofstream(dir / "c.rules") << "a = (unclosed\n";
  CHECK(Rules::VersionOf(dir.string()).ok());
  std::ofstream(dir / "d.rules") << "no equals sign\n";
  auto bad = Rules::VersionOf(dir.string());
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("d.rules:1: expected") != std::string::npos);
  CHECK_FALSE(Rules::VersionOf((dir / "missing").string()).ok());
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
