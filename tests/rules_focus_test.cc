// Rules::Focused: what a pattern needs (rules/literals.h), and that a focused view answers every
// match as the rules do while compiling only what the document can match.
#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "rules/literals.h"
#include "rules/rules.h"
#include "tests/test_util.h"

namespace jixiao {

namespace {

using rules_internal::Analyze;

std::vector<std::vector<std::u32string>> Clauses(const char* pattern) {
  auto needs = Analyze(pattern);
  return needs.known ? needs.clauses : std::vector<std::vector<std::u32string>>{};
}

}  // namespace

TEST_CASE("what a pattern needs before it can match", "[rules][focus]") {
  using C = std::vector<std::vector<std::u32string>>;
  CHECK(Clauses("年初预算(?:数|额)?.{0,9}(?:执行率|完成率)") == C{{U"年初预算"}, {U"完成率", U"执行率"}});
  // Optional parts need nothing; a repetition present at least once needs its body.
  CHECK(Clauses("(?:本项)?得分") == C{{U"得分"}});
  CHECK(Clauses("(?:其中|含)+[:：]") == C{{U"其中", U"含"}});
  CHECK(Clauses("分值{1,2}") == C{{U"分值"}});
  CHECK(Clauses("分值{0,2}") == C{{U"分"}});
  // Escaped punctuation is a literal; classes, \p{Han}, \d and anchors are not.
  CHECK(Clauses("^\\(\\d+分\\)$") == C{{U"("}, {U"分)"}});
  CHECK(Clauses("[^，。]{2,9}率\\s*=") == C{{U"率"}, {U"="}});
  // An alternation needs, for every way of taking one clause from each branch, one of their
  // literals; a literal that holds another is dropped (支出决算表 holds 决算), and so is a clause
  // another implies.
  CHECK(Clauses("决算(?:公开|说明)|支出决算表") == C{{U"决算"}, {U"公开", U"支出决算表", U"说明"}});
  CHECK(Clauses("(?:部门|单位)决算|年决算") == C{{U"单位", U"年决算", U"部门"}, {U"决算"}});
  CHECK(Clauses("(?:a|b)c|d") == C{{U"a", U"b", U"d"}, {U"c", U"d"}});
  // Adjacent characters are one literal.
  CHECK(Clauses("部门决算|单位决算表|决算\\.pdf") == C{{U"决算.pdf", U"单位决算表", U"部门决算"}});
  // Past 32 clauses each branch gives its strongest clause, and a clause of wide literals is
  // stronger than one with an ASCII literal.
  CHECK(Clauses("天(?:甲|a)(?:乙|b)(?:丙|c)(?:丁|d)(?:戊|e)(?:己|f)|"
                "地(?:子|g)(?:丑|h)(?:寅|i)(?:卯|j)(?:辰|k)(?:巳|l)") == C{{U"地", U"天"}});
  // Nothing is known where a branch needs nothing or the syntax is not followed.
  CHECK_FALSE(Analyze("得分|\\d+").known);
  CHECK_FALSE(Analyze("(?i)abc").known);
  CHECK_FALSE(Analyze("\\x{4E00}得分").known);
  CHECK_FALSE(Analyze("a{,3}").known);
  CHECK_FALSE(Analyze("[abc").known);
  CHECK_FALSE(Analyze("").known);
  // The stand-in keeps the groups, named and numbered, in order.
  auto needs = Analyze("(?P<name>\\p{Han}+)得(\\d+)(?:分)(?P<max>\\d+)");
  REQUIRE(needs.known);
  RE2 never(needs.never);
  REQUIRE(never.ok());
  CHECK(never.NumberOfCapturingGroups() == 3);
  CHECK(never.NamedCapturingGroups().at("name") == 1);
  CHECK(never.NamedCapturingGroups().at("max") == 3);
  CHECK_FALSE(RE2::PartialMatch("甲得5分10", never));
}

TEST_CASE("a focused view sets aside what the document cannot match", "[rules][focus]") {
  Rules rules;
  REQUIRE(rules.AddText("t.final = 决算(?P<year>\\d{4})\n"
                        "t.final += 预算(\\d+)\n"
                        "t.any = \\d+\n",
                        "t.rules")
              .ok());
  {
    const Rules view = rules.Focused({"2023年预算123万元", "a.txt"});
    const auto& alts = view.Get("t.final");
    REQUIRE(alts.size() == 2);
    CHECK(view.SetAside() == 1);  // 决算 cannot be spelled from the text: set aside
    CHECK_FALSE(RE2::PartialMatch("决算2023", *alts[0]));
    CHECK(alts[0]->NamedCapturingGroups().at("year") == 1);
    std::string n;
    CHECK(RE2::PartialMatch("预算123", *alts[1], &n));
    CHECK(n == "123");
    CHECK(RE2::PartialMatch("7", view.One("t.any")));  // needs no literal: always kept
    CHECK(view.Focused({"决算"}).SetAside() == 1);      // a view is not focused again
    // The rules do not change while a view exists.
    CHECK(rules.AddText("t.more = x\n", "u.rules").code() == Status::Code::kInvalidRules);
  }
  CHECK(rules.SetAside() == 0);
  CHECK(RE2::PartialMatch("决算2023", rules.One("t.final")));
  CHECK(rules.AddText("t.more = x\n", "u.rules").ok());
}

TEST_CASE("a focused view matches as the rules do on the document's lines", "[rules][focus]") {
  auto rules = Rules::Builtin();
  REQUIRE(rules.ok());
  for (const char* doc : {"corpus/forms/A-anhui-fengmaozhongxin-2023.txt",
                          "corpus/real/hunan-county-finance-2020.txt",
                          "corpus/meizhou-city-2021.txt"}) {
    const std::string text = test::ReadFile(test::SourcePath(doc));
    const Rules view = rules->Focused({text});
    std::vector<std::string> lines;
    for (size_t b = 0; b < text.size();) {
      size_t e = text.find('\n', b);
      if (e == std::string::npos) e = text.size();
      lines.push_back(text.substr(b, e - b));
      b = e + 1;
    }
    lines.resize(std::min<size_t>(lines.size(), 80));
    lines.push_back(text.substr(0, std::min<size_t>(text.size(), 4000)));
    int differ = 0, names = 0;
    for (const std::string& name : rules->Names()) {
      ++names;
      const auto& all = rules->Get(name);
      const auto& seen = view.Get(name);
      REQUIRE(all.size() == seen.size());
      for (size_t k = 0; k < all.size(); ++k) {
        for (const auto& l : lines) {
          if (RE2::PartialMatch(l, *all[k]) != RE2::PartialMatch(l, *seen[k])) ++differ;
        }
      }
    }
    INFO(doc << ": " << view.SetAside() << " alternatives set aside");
    CHECK(names > 200);
    CHECK(differ == 0);
    // Each of them lacks the characters of some rules (a one-page form, of most).
    CHECK(view.SetAside() > 0);
  }
}

}  // namespace jixiao
