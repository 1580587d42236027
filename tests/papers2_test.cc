// Issue 14, the rest: the audit's own words in the reader's language (report/audit_words), the
// marked figure taken from the finding's span (Finding::figure), and the operands of an
// arithmetic linked to their places in the HTML.
#include <re2/re2.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "report/audit_words.h"
#include "report/finding_text.h"
#include "tests/cli_util.h"

namespace {

namespace fs = std::filesystem;
using jixiao::AuditWords;
using jixiao::Lang;

using jixiao::cli_test::Has;
using jixiao::cli_test::kBin;
using jixiao::cli_test::kSrc;
using jixiao::cli_test::Run;
using jixiao::cli_test::Slurp;
fs::path Fresh(const std::string& name) { return jixiao::cli_test::Fresh("papers2", name); }

// English words left in a Chinese rendering: runs of 3+ ASCII letters, but for the few symbols
// the Chinese text keeps (min(), OCR).
std::string EnglishIn(const std::string& zh) {
  static const re2::RE2 word(R"(([A-Za-z][A-Za-z_-]{2,}))");
  static const std::set<std::string> kept = {"min", "OCR"};
  re2::StringPiece in(zh);
  std::string w, left;
  while (re2::RE2::FindAndConsume(&in, word, &w)) {
    if (!kept.count(w)) left += w + " ";
  }
  return left;
}

}  // namespace

TEST_CASE("audit words: the catalogue compiles and renders phrases in Chinese", "[papers2]") {
  REQUIRE(jixiao::AuditWordsCompile());
  struct Case {
    std::string en, zh, en_out;
  } cases[] = {
      // Exact figures: no rounding to go beyond, in either language.
      {"16 + 22 = 38.00 → stated 35分 ✗ (differs beyond rounding); self-scores of "
       "预算执行率、结转结余率 → 资金管理 自评得 35分",
       "16 + 22 = 38.00 → 填报 35分 ✗（不符）；预算执行率、结转结余率的自评得分 → 资金管理 自评得 "
       "35分",
       "16 + 22 = 38.00 → stated 35分 ✗ (differs); self-scores of 预算执行率、结转结余率 → "
       "资金管理 自评得 35分"},
      // A recomputed range: rounding was considered, and the words say so.
      {"25100.43 / 27600.43 = 90.9422% [90.9421%, 90.9423%] → stated 91.94% ✗ (differs beyond "
       "rounding)",
       "25100.43 / 27600.43 = 90.9422% [90.9421%, 90.9423%] → 填报 91.94% ✗（超出四舍五入范围）",
       "25100.43 / 27600.43 = 90.9422% [90.9421%, 90.9423%] → stated 91.94% ✗ (differs beyond "
       "rounding)"},
      {"3 = 4 → must be ≤ stated 2名 ✗ (differs beyond rounding)",
       "3 = 4 → 应 ≤ 填报 2名 ✗（不符）", "3 = 4 → must be ≤ stated 2名 ✗ (differs)"},
      {"heading states 自评得分 10分 (line 6); body states 9分 (line 7) ✗",
       "标题填报自评得分 10分（第6行）；正文填报9分（第7行）✗", ""},
      {"not a performance self-evaluation (部门决算, pages 1–1)",
       "不是绩效自评报告（部门决算，第1–1页）", ""},
      {"no self-evaluation content found", "未找到自评内容", ""},
      // A whole area split into its scopes.
      {"41 + 59 = 100.00 → must be ≤ stated 100个 ✓; counted parts in brackets: 41个县 + 59个区 of 100个县区",
       "41 + 59 = 100.00 → 应 ≤ 填报 100个 ✓；括号内所列计数部分：41个县 + 59个区，属于100个县区", ""},
      {"99832 − 86108 = 13724.00 [13723.00, 13725.00] → stated 13724万元 ✓; changes on last year, own level and "
       "levels below (a level not named would be missing): 盟本级 99832 − 旗级 86108 = 一般公共预算支出 13724万元 (line 2)",
       "99832 − 86108 = 13724.00 [13723.00, 13725.00] → 填报 13724万元 ✓；比上年增减额，本级与下级（未列出的级次则缺失）："
       "盟本级 99832 − 旗级 86108 = 一般公共预算支出 13724万元（第2行）", ""},
      {"151 + 352.7 = 503.700 [503.150, 504.250] → stated 503.7亿元 ✓; 100个县区 split into its counted parts: 41个县 151 "
       "+ 59个区 352.7 = 一般公共预算收入 503.7亿元 (line 3)",
       "151 + 352.7 = 503.700 [503.150, 504.250] → 填报 503.7亿元 ✓；100个县区按所列计数部分划分：41个县 151 + 59个区 352.7 = "
       "一般公共预算收入 503.7亿元（第3行）", ""},
      {"undefined (÷ 0)", "无法计算（÷ 0）", ""},
      {"0 ≤ score ≤ 20分", "0 ≤ 得分 ≤ 20分", ""},
      {"score 93分 → 优 (usual bands: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below) → stated 良 ✗",
       "得分 93分 → 优（通常等级：优 ≥ 90，良 ≥ 80，中 ≥ 60，其下为差）→ 填报 良 ✗", ""},
  };
  for (const auto& c : cases) {
    INFO(c.en);
    CHECK(AuditWords(Lang::kZh, c.en) == c.zh);
    CHECK(AuditWords(Lang::kEn, c.en) == (c.en_out.empty() ? c.en : c.en_out));
  }
}

TEST_CASE("audit words: no English left in the Chinese rendering of any golden finding",
          "[papers2]") {
  int findings = 0;
  for (const auto& e : fs::directory_iterator(fs::path(kSrc) / "tests" / "golden")) {
    if (e.path().extension() != ".audit") continue;
    std::istringstream lines(Slurp(e.path()));
    for (std::string line; std::getline(lines, line);) {
      if (line.empty() || line[0] != '{') continue;
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded()) continue;
      if (j.contains("note") && j["note"].is_string()) {
        const std::string note = j["note"];
        INFO(e.path().filename().string() << ": " << note);
        CHECK(EnglishIn(AuditWords(Lang::kZh, note)) == "");
      }
      if (!j.contains("findings")) continue;
      for (const auto& f : j["findings"]) {
        ++findings;
        for (const char* key : {"arithmetic", "recomputed"}) {
          const std::string s = f.value(key, "");
          INFO(e.path().filename().string() << " " << key << ": " << s);
          CHECK(EnglishIn(AuditWords(Lang::kZh, s)) == "");
          // English stays as audit/ wrote it, but for exact differences.
          std::string en = AuditWords(Lang::kEn, s);
          if (en != s) CHECK(Has(en, "✗ (differs)"));
        }
      }
    }
  }
  CHECK(findings > 100);
}

TEST_CASE("audit text: arithmetic and notes in Chinese by default, English with --lang en",
          "[papers2]") {
  fs::path dir = Fresh("text");
  const std::string zh = Run("$J audit $S/corpus/styles/tree-planted-errors.txt", dir);
  CHECK(Has(zh, "16 + 22 = 38.00 → 填报 35分 ✗（不符）"));
  CHECK(Has(zh, "标题填报自评得分 10分（第6行）；正文填报9分（第7行）✗"));
  CHECK_FALSE(Has(zh, "beyond rounding"));
  CHECK_FALSE(Has(zh, "→ stated"));
  const std::string en = Run("$J audit --lang en $S/corpus/styles/tree-planted-errors.txt", dir);
  CHECK(Has(en, "16 + 22 = 38.00 → stated 35分 ✗ (differs);"));
  CHECK(Has(en, "heading states 自评得分 10分 (line 6)"));
  const std::string note = Run("$J audit $S/corpus/real/beijing-district-sanitation-2020.txt", dir);
  CHECK(Has(note, "未评估：不是绩效自评报告（部门决算，第1–1页）"));
  // The JSON keeps the English (a contract).
  const std::string json =
      Run("$J audit --format json $S/corpus/styles/tree-planted-errors.txt", dir);
  CHECK(Has(json, "→ stated 35分 ✗ (differs beyond rounding)"));
  // CSV: the arithmetic column in Chinese.
  const std::string csv =
      Run("$J audit --format csv $S/corpus/styles/tree-planted-errors.txt", dir);
  CHECK(Has(csv, "✗（不符）"));
}

TEST_CASE("SplitQuote marks the finding's own figure span", "[papers2]") {
  using jixiao::Finding;
  auto finding = [](std::string quote, std::string stated, std::string recomputed, size_t b,
                    size_t e) {
    Finding f;
    f.quote = std::move(quote);
    f.stated = std::move(stated);
    f.recomputed = std::move(recomputed);
    f.figure = jixiao::Span{b, e};
    return f;
  };
  struct Case {
    Finding f;
    std::string before, figure;
  } cases[] = {
      // score.restated: the heading says 10 (stated), the body 9; the span is the body's 9 even
      // though the quote also holds a 10 (the max).
      {finding("(分值 10 分，自评得 10 分)…此项自评得 9 分", "10", "9", 53, 58),
       "(分值 10 分，自评得 10 分)…此项自评得 ", "9"},
      // The unit in the span is left outside the mark; a percent sign is kept.
      {finding("执行率为 90.94%。", "90.94%", "", 13, 19), "执行率为 ", "90.94%"},
      // A figure of another value, the values not quoted (a claim's rate): still marked.
      {finding("预算执行率为97.78%。", "100", "< 100", 18, 24), "预算执行率为", "97.78%"},
      // A span that starts inside a number (a quote edited after the span was taken): by value.
      {finding("目标 10 家 … 新增 6 家", "6", "10", 8, 13), "目标 10 家 … 新增 ", "6"},
      // A span that is the whole quote (a parse.unread line): by value, here nothing.
      {finding("5 预算编制", "", "", 0, 14), "5 预算编制", ""},
  };
  for (const auto& c : cases) {
    INFO(c.f.quote);
    auto q = jixiao::SplitQuote(c.f);
    CHECK(q.before == c.before);
    CHECK(q.figure == c.figure);
    CHECK(q.before + q.figure + q.after == c.f.quote);
  }
}

TEST_CASE("a PDF's score.restated: the quote marks and the box is the restated score",
          "[papers2]") {
  fs::path dir = Fresh("restated");
  const std::string pdf = "$S/corpus/meizhou-city-2021.pdf";
  const std::string text = Run("$J audit " + pdf, dir);
  // Heading 自评得 1 分 (line 474), body 自评得 2 分 (line 475): the body's 2 is marked, not the
  // 1s.
  CHECK(Has(text, "③资产盘点情况(分值 1 分，自评得 1 分)"));
  CHECK(Has(text, "故此项指标自评得 【2】 分。"));
  // The box is the body's figure: the same box as the score.range finding on that figure.
  const std::string json = Run("$J audit --format json " + pdf, dir);
  auto j = nlohmann::json::parse(json.substr(0, json.find('\n')));
  nlohmann::json restated, range;
  for (const auto& f : j["findings"]) {
    if (f["line"] != 475) continue;
    if (f["check"] == "score.restated") restated = f["bbox"];
    if (f["check"] == "score.range") range = f["bbox"];
  }
  REQUIRE(restated.is_array());
  CHECK(restated == range);
  // The HTML crop's quote marks the same figure.
  Run("$J audit --format html -o m.html " + pdf, dir);
  const std::string html = Slurp(dir / "m.html");
  CHECK(Has(html, "故此项指标自评得 <mark>2</mark> 分。"));
}

TEST_CASE("HTML: the figures an arithmetic uses link to their places", "[papers2]") {
  fs::path dir = Fresh("operands");
  Run("$J audit --format html -o m.html $S/corpus/meizhou-city-2021.pdf", dir);
  const std::string html = Slurp(dir / "m.html");
  // Each reference's target exists in the page.
  static const re2::RE2 ref(R"re(class="opref" href="#([^"]+)")re");
  re2::StringPiece in(html);
  std::string target;
  int refs = 0;
  while (re2::RE2::FindAndConsume(&in, ref, &target)) {
    ++refs;
    INFO(target);
    CHECK(Has(html, "id=\"" + target + "\""));
  }
  CHECK(refs >= 4);
  CHECK(Has(html, "class=\"opnd\""));  // an operand in a quote
  CHECK(Has(html, "算式所用数字"));
  // 8025.61 × 10000 + 253.99 × 10000: the two amounts are links in the arithmetic.
  CHECK(Has(html, "data-op=\"d1-f"));
}
