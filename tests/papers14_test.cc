// Issue 14, the last two items: `report` from the database marks the same figure and draws the
// same operand links as `audit` (the spans are stored, schema step 007), and the fingerprint of a
// parse.unread note does not depend on how much of its line the quote shows.
#include <re2/re2.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "report/finding_text.h"
#include "report/report.h"
#include "tests/cli_util.h"

namespace {

namespace fs = std::filesystem;

using jixiao::cli_test::Has;
using jixiao::cli_test::kBin;
using jixiao::cli_test::kSrc;
using jixiao::cli_test::Run;
using jixiao::cli_test::Slurp;
fs::path Fresh(const std::string& name) { return jixiao::cli_test::Fresh("papers14", name); }

// Every match of `pattern`'s first group in `html`, in order.
std::vector<std::string> All(const std::string& html, const std::string& pattern) {
  const re2::RE2 re(pattern);
  re2::StringPiece in(html);
  std::string m;
  std::vector<std::string> out;
  while (re2::RE2::FindAndConsume(&in, re, &m)) out.push_back(m);
  return out;
}

// What a finding shows of its figures in the HTML: the quotes (with <mark> and operand spans),
// the arithmetic with its operand links, and the list of operands with their places.
struct Shown {
  std::vector<std::string> quotes, arithmetic, operands;
};

Shown ShownIn(const std::string& html) {
  return Shown{All(html, R"re((?s)(<blockquote>.*?</blockquote>))re"),
               All(html, R"re((?s)(<div class="arith">.*?</div>))re"),
               All(html, R"re((?s)(<div class="operands">.*?</div>))re")};
}

// The fingerprints of `audit --format json` (one document).
std::multiset<std::string> FingerprintsOfJson(const std::string& json) {
  std::multiset<std::string> out;
  auto j = nlohmann::json::parse(json.substr(0, json.find('\n')));
  for (const auto& f : j["findings"]) out.insert(f["fingerprint"].get<std::string>());
  return out;
}

// The fingerprints in `report` text (" #" and 16 hex digits).
std::multiset<std::string> FingerprintsOfReport(const std::string& text) {
  std::multiset<std::string> out;
  for (const auto& id : All(text, R"re( #([0-9a-f]{16}))re")) out.insert(id);
  return out;
}

}  // namespace

TEST_CASE("report from the database marks the figure and links the operands as audit does",
          "[papers14]") {
  fs::path dir = Fresh("same");
  const std::string pdf = "$S/corpus/meizhou-city-2021.pdf";
  Run("$J audit --format html -o a.html " + pdf, dir);
  Run("$J batch --db m.db " + pdf, dir);
  Run("$J report --db m.db --all --format html -o r.html", dir);
  const Shown audit = ShownIn(Slurp(dir / "a.html"));
  const Shown report = ShownIn(Slurp(dir / "r.html"));
  REQUIRE(audit.quotes.size() >= 5);
  CHECK(report.quotes == audit.quotes);
  CHECK(report.arithmetic == audit.arithmetic);
  CHECK(report.operands == audit.operands);
  // There is something to compare: marked figures, quoted operands and operand links.
  std::string all;
  for (const auto& q : report.quotes) all += q;
  for (const auto& a : report.arithmetic) all += a;
  CHECK(Has(all, "<mark>"));
  CHECK(Has(all, "class=\"opnd\""));
  CHECK(Has(all, "class=\"opref\""));
  // The restated score is the body's 2, from its span (by value, the heading's 1 would be
  // marked: the quote holds "自评得 1 分" first).
  CHECK(Has(all, "故此项指标自评得 <mark>2</mark> 分。"));

  // The text of report marks it too, and the fingerprints are audit's.
  const std::string text = Run("$J report --db m.db --all", dir);
  CHECK(Has(text, "故此项指标自评得 【2】 分。"));
  const std::string json = Run("$J audit --format json " + pdf, dir);
  CHECK(FingerprintsOfReport(text) == FingerprintsOfJson(json));

  // A merged database holds the same spans.
  Run("$J merge --db merged.db m.db", dir);
  Run("$J report --db merged.db --all --format html -o merged.html", dir);
  const Shown merged = ShownIn(Slurp(dir / "merged.html"));
  CHECK(merged.quotes == audit.quotes);
  CHECK(merged.arithmetic == audit.arithmetic);
}

TEST_CASE("a database from before the spans still opens, and is migrated by batch",
          "[papers14]") {
  fs::path dir = Fresh("old");
  const std::string txt = "$S/corpus/styles/tree-planted-errors.txt";
  Run("$J batch --db old.db " + txt, dir);
  const std::string fresh = Run("$J report --db old.db --all", dir);
  // Schema 6 as an older jixiao wrote it: no span columns.
  int rc = -1;
  Run("sqlite3 old.db 'ALTER TABLE findings DROP COLUMN figure_begin; ALTER TABLE findings DROP "
      "COLUMN figure_end; ALTER TABLE findings DROP COLUMN operands; PRAGMA user_version = 6;'",
      dir, &rc);
  REQUIRE(rc == 0);
  REQUIRE(Run("sqlite3 old.db 'PRAGMA user_version'", dir) == "6\n");
  // report and stats read it; the figure is found by its value, as before.
  const std::string old = Run("$J report --db old.db --all", dir, &rc);
  CHECK(rc == 1);
  CHECK(Has(old, "自评得 【35】 分"));
  CHECK(FingerprintsOfReport(old) == FingerprintsOfReport(fresh));
  Run("$J report --db old.db --format html -o old.html", dir, &rc);
  CHECK(rc == 1);
  CHECK(Has(Slurp(dir / "old.html"), "<mark>35</mark>"));
  Run("$J stats --db old.db", dir, &rc);
  CHECK(rc == 0);
  // A batch on it migrates it (its rows keep no spans until re-audited).
  Run("$J batch --db old.db " + txt, dir);
  CHECK(Run("sqlite3 old.db 'PRAGMA user_version'", dir) ==
        std::to_string(7) + "\n");
  CHECK(Run("sqlite3 old.db 'SELECT count(*) FROM findings WHERE figure_begin IS NOT NULL'",
            dir) == "0\n");
  Run("$J batch --force --db old.db " + txt, dir);
  CHECK(Run("sqlite3 old.db 'SELECT count(*) > 0 FROM findings WHERE figure_begin IS NOT NULL'",
            dir) == "1\n");
  CHECK(FingerprintsOfReport(Run("$J report --db old.db --all", dir)) ==
        FingerprintsOfReport(fresh));
}

TEST_CASE("a parse.unread fingerprint is about the unread text, not the quote around it",
          "[papers14]") {
  using jixiao::Finding;
  auto unread = [](const std::string& quote, const std::string& about) {
    Finding f;
    f.check = jixiao::CheckId::kParseUnread;
    f.quote = quote;
    if (!about.empty()) {
      const size_t at = quote.find(about);
      f.figure = jixiao::Span{at, at + about.size()};
    }
    return f;
  };
  const std::string sha = "ab12";
  // The quote widened to its row: the same id as the cell quoted alone (how it was quoted
  // before, and how a database without spans gives it).
  const std::string cell = jixiao::Fingerprint(unread("4.003.00", ""), sha);
  CHECK(jixiao::Fingerprint(unread("(4分)绩效指标明确性(6分)4.003.00", "4.003.00"), sha) == cell);
  CHECK(jixiao::Fingerprint(unread("…明确性(6分)4.003.00", "4.003.00"), sha) == cell);
  CHECK(jixiao::Fingerprint(unread("(4分)绩效指标明确性(6分)2.400.00", "2.400.00"), sha) != cell);
  // Lines without figures are told apart by their words, not by their order only.
  const std::string title = jixiao::Fingerprint(unread("项目支出绩效自评表", ""), sha);
  CHECK(jixiao::Fingerprint(unread("最新资讯", ""), sha) != title);
  CHECK(jixiao::Fingerprint(unread("| 项目支出绩效自评表 |", "项目支出绩效自评表"), sha) == title);
  // Other findings keep theirs: the figures of the quote.
  Finding sum;
  sum.check = jixiao::CheckId::kScoreChildrenSum;
  sum.quote = "自评得 10 分";
  sum.stated = "10";
  const std::string before = jixiao::Fingerprint(sum, sha);
  sum.figure = jixiao::Span{10, 12};
  CHECK(jixiao::Fingerprint(sum, sha) == before);

  // The unread text is marked in its quote.
  auto q = jixiao::SplitQuote(unread("(4分)绩效指标明确性(6分)4.003.00", "4.003.00"));
  CHECK(q.figure == "4.003.00");
  CHECK(q.before == "(4分)绩效指标明确性(6分)");
  CHECK(jixiao::SplitQuote(unread("4.003.00", "4.003.00")).figure.empty());
}

TEST_CASE("several documents audited at once give the reports of one at a time, in order",
          "[cli][jobs]") {
  const fs::path dir = Fresh("jobs");
  // Times differ between runs; nothing else may.
  auto steady = [](std::string s) {
    RE2::GlobalReplace(&s, "\"(audited_at|run_at)\":\"[^\"]*\"", "\"\\1\":\"\"");
    return s;
  };
  const std::string files =
      "\"$S/corpus/forms/A-anhui-fengmaozhongxin-2023.pdf\" "
      "\"$S/corpus/forms/C-ningxia-gongyongjingfei-2021.txt\" missing.pdf "
      "\"$S/corpus/forms/A-hebei-shitangnuantong-2019.pdf\" \"$S/corpus/real/\"*.txt";
  int rc1 = -1, rc4 = -1;
  const std::string one = steady(Run("$J audit --format json -j 1 " + files, dir, &rc1));
  const std::string four = steady(Run("$J audit --format json -j 4 " + files, dir, &rc4));
  CHECK(rc1 == 2);  // missing.pdf
  CHECK(rc4 == 2);
  REQUIRE(std::count(one.begin(), one.end(), '\n') > 80);
  CHECK(one == four);
  // The command line's order: the first three documents come first.
  const size_t a = one.find("A-anhui-fengmaozhongxin-2023"), b = one.find("C-ningxia-gongyongjingfei-2021"),
               c = one.find("A-hebei-shitangnuantong-2019");
  CHECK(a < b);
  CHECK(b < c);
  CHECK(c < one.find("corpus/real/"));
}
