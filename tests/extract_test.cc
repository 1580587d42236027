// PDF extraction: broken files give one clear line and exit code 2 (through the CLI and through
// ReadPages), the corpus PDFs come out whole, with a box per byte, the same with any thread count.
#include "extract/extract.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace jixiao {
namespace {

std::string Corpus(const std::string& name) { return std::string(JIXIAO_SOURCE_DIR) + "/corpus/" + name; }

struct Run {
  int exit_code = -1;
  std::string out, err;
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs the built `jixiao` with `args` (already shell-quoted), capturing stdout and stderr.
Run RunJixiao(const std::string& args) {
  namespace fs = std::filesystem;
  std::string base = (fs::temp_directory_path() / ("jixiao_extract_test_" +
                                                   std::to_string(::getpid()))).string();
  std::string cmd = std::string("'") + JIXIAO_BINARY + "' " + args + " >'" + base + ".out' 2>'" +
                    base + ".err'";
  int status = std::system(cmd.c_str());
  Run r;
  if (status != -1 && WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  r.out = Slurp(base + ".out");
  r.err = Slurp(base + ".err");
  std::remove((base + ".out").c_str());
  std::remove((base + ".err").c_str());
  return r;
}

bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

TEST_CASE("broken files: exit 2 and one line naming the file and the problem", "[extract]") {
  struct Case {
    const char* file;
    Status::Code code;
    std::vector<const char*> words;
  } cases[] = {
      {"empty.pdf", Status::Code::kEmpty, {"empty file", "0 bytes"}},
      {"encrypted.pdf", Status::Code::kEncrypted, {"encrypted", "password"}},
      {"not-a-pdf.pdf", Status::Code::kNotPdf, {"not a PDF"}},
      {"scanned-no-text.pdf", Status::Code::kNoText, {"no text layer", "scanned"}},
      {"truncated.pdf", Status::Code::kCorrupt, {"damaged or truncated"}},
  };
  for (const Case& c : cases) {
    std::string path = Corpus(std::string("bad/") + c.file);
    INFO(path);
    REQUIRE(std::filesystem::exists(path));

    Run r = RunJixiao("extract '" + path + "'");
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    INFO("stderr: " << r.err);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.back() == '\n');
    CHECK(Contains(r.err, c.file));
    for (const char* w : c.words) CHECK(Contains(r.err, w));

    auto pages = ReadPages(path);
    REQUIRE_FALSE(pages.ok());
    CHECK(pages.status().code() == c.code);
    CHECK(pages.status().message().rfind(path + ": ", 0) == 0);
    CHECK(!Contains(pages.status().message(), "\n"));
  }
}

TEST_CASE("missing files and directories are errors, not crashes", "[extract]") {
  auto missing = ReadPages(Corpus("no-such-file.pdf"));
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Status::Code::kNotFound);
  auto dir = ReadPages(Corpus("bad"));
  REQUIRE_FALSE(dir.ok());
  CHECK(dir.status().code() == Status::Code::kIoError);
}

struct CorpusPdf {
  const char* file;
  int pages;  // from pdfinfo
};
const CorpusPdf kCorpus[] = {
    {"lechang-county-2024.pdf", 13},
    {"meizhou-city-2021.pdf", 42},
    {"meizhou-city-2024.pdf", 15},
};

bool IsUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

TEST_CASE("corpus PDFs: page count, text on every page, a box per byte inside the page",
          "[extract]") {
  for (const CorpusPdf& c : kCorpus) {
    INFO(c.file);
    auto pages = ReadPages(Corpus(c.file));
    REQUIRE(pages.ok());
    REQUIRE(static_cast<int>(pages->size()) == c.pages);
    int line = 1;
    for (size_t i = 0; i < pages->size(); ++i) {
      const RawPage& p = (*pages)[i];
      INFO("page " << p.number);
      CHECK(p.number == static_cast<int>(i) + 1);
      CHECK(p.first_line == line);
      line += static_cast<int>(std::count(p.text.begin(), p.text.end(), '\n'));
      CHECK(p.width == Approx(595.304).margin(0.01));
      CHECK(p.height == Approx(841.89).margin(0.01));
      CHECK(p.text.find_first_not_of(" \n") != std::string::npos);
      CHECK(p.text.back() == '\n');
      REQUIRE(p.boxes.size() == p.text.size());
      size_t outside = 0, missing = 0, split_chars = 0;
      for (size_t k = 0; k < p.text.size(); ++k) {
        const Box& b = p.boxes[k];
        bool empty = b.x1 <= b.x0 || b.y1 <= b.y0;
        if (p.text[k] == '\n') {
          if (!empty) ++outside;
          continue;
        }
        if (p.text[k] == ' ') continue;  // inserted spaces have no box
        if (empty) {
          ++missing;
          continue;
        }
        if (b.x0 < -0.5 || b.y0 < -0.5 || b.x1 > p.width + 0.5 || b.y1 > p.height + 0.5) ++outside;
        // Every byte of a character carries that character's box.
        if (IsUtf8Continuation(p.text[k]) && k > 0 &&
            (p.boxes[k - 1].x0 != b.x0 || p.boxes[k - 1].y0 != b.y0)) {
          ++split_chars;
        }
      }
      CHECK(outside == 0);
      CHECK(missing == 0);
      CHECK(split_chars == 0);
    }
  }
}

TEST_CASE("figures come out whole", "[extract]") {
  struct Case {
    const char* file;
    int page;
    const char* text;
  } cases[] = {
      {"meizhou-city-2024.pdf", 9, "总计 27,600.43 万元"},
      {"meizhou-city-2021.pdf", 17, "自评总得分 110 102.34 93.04%"},  // a table row, one line
      {"meizhou-city-2021.pdf", 24, "合计 1,009.31 1864 100% 9.66"},
      // pdftotext -nopgbrk joins "82800287.6-" and the next line into "82800287.682800287.6";
      // a line break must never glue two numbers together.
      {"meizhou-city-2021.pdf", 19, "（82800287.6-\n82800287.6）"},
      {"lechang-county-2024.pdf", 10, "比率 88.18%"},
  };
  for (const Case& c : cases) {
    INFO(c.file << " page " << c.page << ": " << c.text);
    auto pages = ReadPages(Corpus(c.file));
    REQUIRE(pages.ok());
    REQUIRE(static_cast<int>(pages->size()) >= c.page);
    CHECK(Contains((*pages)[static_cast<size_t>(c.page - 1)].text, c.text));
  }
}

// Non-blank lines of `s`, each as is.
std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(' ') != std::string::npos) out.push_back(line);
  }
  return out;
}

TEST_CASE("running text reads like pdftotext, page by page", "[extract]") {
  if (std::system("pdftotext -v >/dev/null 2>&1") != 0) {
    WARN("pdftotext not installed: skipped");
    return;
  }
  // The two corpus reports without tables: every line as pdftotext prints it. (On tables jixiao
  // differs on purpose: a row's cells stay on one line; see docs/extract.md.)
  for (const char* file : {"lechang-county-2024.pdf", "meizhou-city-2024.pdf"}) {
    INFO(file);
    auto pages = ReadPages(Corpus(file));
    REQUIRE(pages.ok());
    Run r;
    std::string cmd = "pdftotext '" + Corpus(file) + "' -";
    FILE* pipe = ::popen(cmd.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buf[4096];
    size_t got;
    while ((got = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, got);
    REQUIRE(::pclose(pipe) == 0);
    std::vector<std::string> theirs;
    size_t start = 0;
    for (size_t ff; (ff = r.out.find('\f', start)) != std::string::npos; start = ff + 1) {
      theirs.push_back(r.out.substr(start, ff - start));
    }
    REQUIRE(theirs.size() == pages->size());
    for (size_t i = 0; i < theirs.size(); ++i) {
      INFO("page " << i + 1);
      CHECK(Lines((*pages)[i].text) == Lines(theirs[i]));
    }
  }
}

// How often each character (UTF-8 sequence) other than whitespace occurs in `s`.
std::map<std::string, int> CharCounts(const std::string& s) {
  std::map<std::string, int> counts;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    while (i + len < s.size() && IsUtf8Continuation(s[i + len])) ++len;
    std::string c = s.substr(i, len);
    if (c != " " && c != "\n" && c != "\r" && c != "\t" && c != "\f") ++counts[c];
    i += len;
  }
  return counts;
}

TEST_CASE("no character dropped or invented: same characters as the corpus .txt", "[extract]") {
  // corpus/*.txt was made from the reports as published; the PDFs here wrap lines differently and
  // lost the page-number footers, so only those digits may be missing from the extraction.
  struct Case {
    const char* pdf;
    const char* txt;
    int missing;  // page-number digits in the .txt
  } cases[] = {
      {"lechang-county-2024.pdf", "lechang-county-2024.txt", 0},
      {"meizhou-city-2024.pdf", "meizhou-city-2024.txt", 1},   // "5"
      {"meizhou-city-2021.pdf", "meizhou-city-2021.txt", 6},   // "13", "16", "17"
  };
  for (const Case& c : cases) {
    INFO(c.pdf);
    auto pages = ReadPages(Corpus(c.pdf));
    REQUIRE(pages.ok());
    std::string ours;
    for (const RawPage& p : *pages) ours += p.text;
    std::map<std::string, int> want = CharCounts(Slurp(Corpus(c.txt)));
    std::map<std::string, int> got = CharCounts(ours);
    int missing = 0;
    for (const auto& [ch, n] : got) {
      INFO("character " << ch);
      CHECK(n <= want[ch]);  // nothing invented
    }
    for (const auto& [ch, n] : want) {
      auto it = got.find(ch);
      int have = it == got.end() ? 0 : it->second;
      if (have < n) {
        INFO("character " << ch);
        CHECK((ch[0] >= '0' && ch[0] <= '9'));  // only page-number digits may be missing
        missing += n - have;
      }
    }
    CHECK(missing == c.missing);
  }
}

TEST_CASE("output does not depend on the number of threads", "[extract]") {
  ExtractOptions one, two, many;
  one.threads = 1;
  two.threads = 2;
  many.threads = 7;
  auto a = ReadPages(Corpus("meizhou-city-2021.pdf"), one);
  auto b = ReadPages(Corpus("meizhou-city-2021.pdf"), two);
  auto c = ReadPages(Corpus("meizhou-city-2021.pdf"), many);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  REQUIRE(c.ok());
  REQUIRE(a->size() == b->size());
  REQUIRE(a->size() == c->size());
  for (size_t i = 0; i < a->size(); ++i) {
    CHECK((*a)[i].text == (*b)[i].text);
    CHECK((*a)[i].text == (*c)[i].text);
    CHECK((*a)[i].first_line == (*c)[i].first_line);
    REQUIRE((*a)[i].boxes.size() == (*c)[i].boxes.size());
    size_t differ = 0;
    for (size_t k = 0; k < (*a)[i].boxes.size(); ++k) {
      const Box& x = (*a)[i].boxes[k];
      const Box& y = (*c)[i].boxes[k];
      if (x.x0 != y.x0 || x.y0 != y.y0 || x.x1 != y.x1 || x.y1 != y.y1) ++differ;
    }
    CHECK(differ == 0);
  }
}

TEST_CASE("limits: --max-pages and --max-seconds", "[extract]") {
  std::string path = Corpus("meizhou-city-2024.pdf");

  ExtractOptions pages_limit;
  pages_limit.max_pages = 1;
  auto p = ReadPages(path, pages_limit);
  REQUIRE_FALSE(p.ok());
  CHECK(p.status().code() == Status::Code::kLimit);
  CHECK(p.status().message() == path + ": the PDF has 15 pages, more than --max-pages 1");

  ExtractOptions exact;
  exact.max_pages = 15;
  CHECK(ReadPages(path, exact).ok());

  ExtractOptions no_time;
  no_time.max_seconds = 0;
  auto t = ReadPages(path, no_time);
  REQUIRE_FALSE(t.ok());
  CHECK(t.status().code() == Status::Code::kLimit);
  CHECK(Contains(t.status().message(), "longer than --max-seconds 0"));

  Run r = RunJixiao("extract --max-pages 1 '" + path + "'");
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "jixiao: " + path + ": the PDF has 15 pages, more than --max-pages 1\n");

  Run s = RunJixiao("extract --max-seconds 0 '" + path + "'");
  CHECK(s.exit_code == 2);
  CHECK(std::count(s.err.begin(), s.err.end(), '\n') == 1);
  CHECK(Contains(s.err, "--max-seconds"));
}

TEST_CASE("jixiao extract prints every page of a corpus PDF", "[extract]") {
  Run r = RunJixiao("extract '" + Corpus("meizhou-city-2024.pdf") + "'");
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());  // Poppler's warnings are silenced
  CHECK(Contains(r.out, "=== page 1 ===\n"));
  CHECK(Contains(r.out, "=== page 15 ===\n"));
}

TEST_CASE("text files: a line that begins with a space starts a new page", "[extract]") {
  namespace fs = std::filesystem;
  fs::path path = fs::temp_directory_path() / ("jixiao_pages_" + std::to_string(::getpid()) + ".txt");
  {
    std::ofstream out(path);
    out << " 第一页\n正文\n\n 第二页\n 第三页\n末行\n";
  }
  auto pages = ReadPages(path.string());
  fs::remove(path);
  REQUIRE(pages.ok());
  REQUIRE(pages->size() == 3);
  CHECK((*pages)[0].text == " 第一页\n正文\n\n");
  CHECK((*pages)[1].text == " 第二页\n");
  CHECK((*pages)[2].text == " 第三页\n末行\n");
  CHECK((*pages)[0].first_line == 1);
  CHECK((*pages)[1].first_line == 4);
  CHECK((*pages)[2].first_line == 5);
  CHECK((*pages)[2].boxes.empty());
}

}  // namespace
}  // namespace jixiao
