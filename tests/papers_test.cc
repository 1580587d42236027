// The auditor's deliverables end to end (issue 14): the binary on corpus files, in a shell, with
// the outputs read back (HTML text, XLSX unzipped, CSV, JSON, the annotated PDF's info).
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "audit/finding.h"

namespace {

namespace fs = std::filesystem;

const std::string kBin = JIXIAO_BINARY;
const std::string kSrc = JIXIAO_SOURCE_DIR;

fs::path Fresh(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("jixiao-papers-" + std::to_string(::getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Out {
  int rc = -1;
  std::string out, err;
};

// Runs `cmd` in a shell with J=jixiao, LANG unset (Chinese by default) unless `cmd` sets it.
Out Sh(const std::string& cmd, const fs::path& dir) {
  const fs::path o = dir / "stdout", e = dir / "stderr";
  std::string full = "cd '" + dir.string() + "' && unset LANG LC_ALL LC_MESSAGES NO_COLOR; J='" +
                     kBin + "'; S='" + kSrc + "'; (" + cmd + ") >'" + o.string() + "' 2>'" +
                     e.string() + "'";
  int status = std::system(full.c_str());
  return Out{WIFEXITED(status) ? WEXITSTATUS(status) : -1, Slurp(o), Slurp(e)};
}

bool Has(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

long CountOf(const std::string& hay, const std::string& needle) {
  long n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

// A batch over a report with errors, a clean one and an encrypted PDF.
fs::path MixedBatch(const fs::path& dir) {
  Sh("$J batch --db m.db $S/corpus/styles/tree-planted-errors.txt "
     "$S/corpus/styles/tree-sentence-form.txt $S/corpus/bad/encrypted.pdf",
     dir);
  return dir / "m.db";
}

}  // namespace

TEST_CASE("report html/xlsx show the stored facts, clean documents and failed files", "[papers]") {
  fs::path dir = Fresh("facts");
  MixedBatch(dir);
  Out html = Sh("$J report --db m.db --format html -o r.html", dir);
  CHECK(html.rc == 1);
  std::string page = Slurp(dir / "r.html");
  CHECK_FALSE(Has(page, "0 个指标"));      // coverage comes from the database
  CHECK_FALSE(Has(page, "未读到指标行"));  // the score tree too
  CHECK(Has(page, "tree-sentence-form"));  // the clean document is there
  CHECK(Has(page, "encrypted.pdf"));       // and the failed file, with its reason
  CHECK(Has(page, "无法读取的文件"));
  CHECK(Has(page, "<dt>总分</dt>"));
  CHECK(Has(page, "jixiao 0."));  // provenance
  Out xlsx =
      Sh("$J report --db m.db --format xlsx -o r.xlsx; unzip -p r.xlsx xl/sharedStrings.xml", dir);
  CHECK(Has(xlsx.out, "tree-sentence-form"));
  CHECK(Has(xlsx.out, "encrypted.pdf"));
  CHECK(Has(xlsx.out, "无法读取"));
  CHECK(Has(xlsx.err, "已写入 r.xlsx"));  // the confirmation
}

TEST_CASE("report -o writes text, csv and json to the file; stats has -o", "[papers]") {
  fs::path dir = Fresh("output");
  MixedBatch(dir);
  for (const char* format : {"text", "csv", "json"}) {
    INFO(format);
    Out r = Sh(std::string("$J report --db m.db --format ") + format + " -o out." + format, dir);
    CHECK(r.out.empty());
    CHECK(fs::file_size(dir / (std::string("out.") + format)) > 100);
    CHECK(Has(r.err, "out."));
  }
  Out s = Sh("$J stats --db m.db -o stats.txt", dir);
  CHECK(s.rc == 0);
  CHECK(s.out.empty());
  CHECK(Has(Slurp(dir / "stats.txt"), "部门"));
}

TEST_CASE("a filter that cannot match is a usage error, not a clean result", "[papers]") {
  fs::path dir = Fresh("filters");
  MixedBatch(dir);
  Out check = Sh("$J report --db m.db --check score.totl", dir);
  CHECK(check.rc == 2);
  CHECK(Has(check.err, "jixiao: unknown check id 'score.totl'; did you mean 'score.total'?"));
  Out dept = Sh("$J report --db m.db --department 没有这个部门", dir);
  CHECK(dept.rc == 2);
  CHECK(Has(dept.err, "no document of department '没有这个部门'"));
  Out year = Sh("$J report --db m.db --year 1999", dir);
  CHECK(year.rc == 2);
  Out empty = Sh("$J report --db m.db --check table.column --lang en", dir);
  CHECK(empty.rc == 0);
  CHECK(Has(empty.out, "none matches the filter"));
}

TEST_CASE("files of the same name in two folders are told apart; one column set", "[papers]") {
  fs::path dir = Fresh("names");
  for (const char* sub : {"a", "b"}) {
    fs::create_directories(dir / sub);
    fs::copy_file(kSrc + "/corpus/styles/tree-planted-errors.txt",
                  dir / sub / "部门整体支出绩效自评报告.txt");
    std::ofstream(dir / sub / "部门整体支出绩效自评报告.txt", std::ios::app)
        << "\n " << sub << "\n";
  }
  Sh("$J batch --db n.db a b", dir);
  Out report = Sh("$J report --db n.db --format csv", dir);
  Out audit = Sh(
      "$J audit --format csv a/部门整体支出绩效自评报告.txt b/部门整体支出绩效自评报告.txt", dir);
  auto header = [](const std::string& csv) { return csv.substr(0, csv.find("\r\n")); };
  CHECK(header(report.out) == header(audit.out));
  CHECK(Has(header(audit.out), "文件,文档,部门,年度,检查项,级别,页,行"));
  CHECK(Has(report.out, "a/部门整体支出绩效自评报告.txt,"));
  CHECK(Has(report.out, "b/部门整体支出绩效自评报告.txt,"));
  CHECK(Has(audit.out, "\r\na/部门整体支出绩效自评报告.txt,"));
}

TEST_CASE("unreadable inputs are listed in every deliverable of audit", "[papers]") {
  fs::path dir = Fresh("unreadable");
  const std::string in = "$S/corpus/styles/tree-planted-errors.txt $S/corpus/bad/encrypted.pdf";
  Out csv = Sh("$J audit --format csv " + in, dir);
  CHECK(csv.rc == 2);
  CHECK(Has(csv.out, "input.unreadable"));
  CHECK(Has(csv.out, "encrypted"));
  Out html = Sh("$J audit --format html -o a.html " + in, dir);
  CHECK(Has(Slurp(dir / "a.html"), "encrypted.pdf"));
  Out xlsx =
      Sh("$J audit --format xlsx -o a.xlsx " + in + "; unzip -p a.xlsx xl/sharedStrings.xml", dir);
  CHECK(Has(xlsx.out, "encrypted.pdf"));
  Out json = Sh("$J audit --format json " + in, dir);
  CHECK(Has(json.out, "\"error\":"));
  Out text = Sh("$J audit --lang en " + in, dir);
  CHECK(Has(text.out, "1 file unreadable"));
}

TEST_CASE("terminal text: plurals, the total out of the first-level maxima, colour", "[papers]") {
  fs::path dir = Fresh("terminal");
  Out en = Sh("$J audit --lang en $S/corpus/styles/tree-planted-errors.txt", dir);
  CHECK_FALSE(Has(en.out, "1 errors"));
  CHECK_FALSE(Has(en.out, "/?"));
  Out always = Sh("$J audit --color always $S/corpus/styles/tree-planted-errors.txt", dir);
  CHECK(Has(always.out, "\x1b[1;31m✗\x1b[0m"));  // ✗ in red
  CHECK_FALSE(Has(always.out,
                  "\x1b[2m"
                  "8"));  // the arithmetic is not dim
  Out never = Sh("$J audit --color never $S/corpus/styles/tree-planted-errors.txt", dir);
  CHECK_FALSE(Has(never.out, "\x1b["));
  Out no_color = Sh("NO_COLOR=1 $J audit $S/corpus/styles/tree-planted-errors.txt", dir);
  CHECK_FALSE(Has(no_color.out, "\x1b["));
  Out dumb = Sh("TERM=dumb $J audit --color auto $S/corpus/styles/tree-planted-errors.txt", dir);
  CHECK_FALSE(Has(dumb.out, "\x1b["));
}

TEST_CASE("the command line: suggestions, help, prefixes, bounds, stdin", "[papers]") {
  fs::path dir = Fresh("cli");
  Out typo = Sh("$J audt x", dir);
  CHECK(typo.rc == 2);
  CHECK(Has(typo.err, "jixiao: unknown command 'audt'; did you mean 'audit'?"));
  Out help = Sh("$J help audit", dir);
  CHECK(help.rc == 0);
  CHECK(Has(help.out, "--format"));
  CHECK(Has(help.out, "text"));
  CHECK(Has(help.out, "html"));
  Out bad = Sh("$J audit --format htm x.txt", dir);
  CHECK(bad.rc == 2);
  CHECK(bad.err.rfind("jixiao: ", 0) == 0);
  Out jobs = Sh("$J batch --db j.db --jobs -3 $S/corpus/styles", dir);
  CHECK(jobs.rc == 2);
  fs::create_directories(dir / "empty");
  Out none = Sh("$J batch --db e.db empty", dir);
  CHECK(none.rc == 2);
  CHECK(Has(none.err, "no PDF or .txt file under empty"));
  Out rules = Sh("$J outline --rules $S/rules $S/corpus/styles/tree-planted-errors.txt", dir);
  CHECK(rules.rc == 0);
  Out in = Sh("$J audit --format json - < $S/corpus/styles/tree-planted-errors.txt", dir);
  CHECK(in.rc == 1);
  CHECK(Has(in.out, "\"document\":\"stdin\""));
}

TEST_CASE("stats: score range, failures apart, duplicates flagged", "[papers]") {
  fs::path dir = Fresh("stats");
  fs::create_directories(dir / "docs");
  for (int i = 0; i < 3; ++i) {
    fs::path to = dir / "docs" / ("lechang-" + std::to_string(i) + ".txt");
    fs::copy_file(kSrc + "/corpus/lechang-county-2024.txt", to);
    std::ofstream(to, std::ios::app) << "\n copy " << i << "\n";
  }
  Sh("$J batch --db s.db docs $S/corpus/bad/encrypted.pdf", dir);
  Out s = Sh("$J stats --db s.db --lang en", dir);
  CHECK(Has(s.out, "(unreadable)"));
  CHECK(Has(s.out, "⚠ 2"));
  CHECK(Has(s.out, "note: 1 department-years have several documents"));
}

TEST_CASE("Chinese by default, English with --lang en or LANG", "[papers]") {
  fs::path dir = Fresh("lang");
  const std::string f = " $S/corpus/styles/tree-planted-errors.txt";
  Out zh = Sh("$J audit" + f, dir);
  CHECK(Has(zh.out, "个错误"));
  Out en = Sh("$J audit --lang en" + f, dir);
  CHECK(Has(en.out, "errors ("));
  Out env = Sh("LANG=en_US.UTF-8 $J audit" + f, dir);
  CHECK(env.out == en.out);
  Out csv = Sh("$J audit --lang en --format csv" + f, dir);
  CHECK(csv.out.rfind("\xEF\xBB\xBF"
                      "file,document,department,year,check,severity,page,line",
                      0) == 0);
}

TEST_CASE("review decisions survive re-runs and merges; report hides them unless --all",
          "[papers][review]") {
  fs::path dir = Fresh("review");
  Sh("$J batch --db r.db $S/corpus/styles/tree-planted-errors.txt", dir);
  Out all = Sh("$J report --db r.db --lang en", dir);
  size_t hash = all.out.find(" #");
  REQUIRE(hash != std::string::npos);
  const std::string id = all.out.substr(hash + 2, 16);
  const long findings = CountOf(all.out, " #");
  Out rec = Sh(
      "$J review --db r.db " + id + " --dismiss --why 'rounding in the source' --by 审计员", dir);
  CHECK(rec.rc == 0);
  Out open = Sh("$J report --db r.db --lang en", dir);
  CHECK(CountOf(open.out, " #") == findings - 1);
  CHECK(Has(open.out, "1 reviewed not shown"));
  Sh("$J batch --db r.db --force $S/corpus/styles/tree-planted-errors.txt", dir);
  Out every = Sh("$J report --db r.db --all --lang en", dir);
  CHECK(CountOf(every.out, " #") == findings);
  CHECK(Has(every.out, "#" + id + " [dismissed: rounding in the source — 审计员"));
  Out csv = Sh("$J report --db r.db --all --format csv", dir);
  CHECK(Has(csv.out, "已排除,rounding in the source,审计员"));
  Sh("$J merge --db merged.db r.db", dir);
  Out merged = Sh("$J report --db merged.db --lang en", dir);
  CHECK(CountOf(merged.out, " #") == findings - 1);
  Out unknown = Sh("$J review --db r.db 0000000000000000 --accept --why x", dir);
  CHECK(unknown.rc == 2);
  // The same decision from a file, for a plain audit.
  Sh("$J review --reviews d.jsonl " + id + " --dismiss --why 'rounding in the source'", dir);
  Out audit =
      Sh("$J audit --lang en --reviews d.jsonl $S/corpus/styles/tree-planted-errors.txt", dir);
  CHECK(Has(audit.out, "#" + id + "  [dismissed: rounding in the source]"));
}

TEST_CASE("provenance in JSON, XLSX and the annotated PDF", "[papers]") {
  fs::path dir = Fresh("provenance");
  Out json = Sh("$J audit --format json $S/corpus/meizhou-city-2021.pdf", dir);
  CHECK(Has(json.out, "\"schema_version\":2"));
  CHECK(Has(json.out, "\"sha256\":\""));
  CHECK(Has(json.out, "\"provenance\":{\"jixiao\":\"jixiao 0."));
  CHECK(Has(json.out, "\"fingerprint\":\""));
  Sh("$J audit --format pdf -o a.pdf $S/corpus/meizhou-city-2021.pdf", dir);
  std::string pdf = Slurp(dir / "a.pdf");
  CHECK(Has(pdf, "JixiaoAnnotation"));
  CHECK(Has(pdf, "JixiaoOriginalSHA256"));
}

TEST_CASE("audit --severity, grand total, --quiet, confirmation after -o", "[papers]") {
  fs::path dir = Fresh("audit-ui");
  const std::string two =
      " $S/corpus/styles/tree-planted-errors.txt $S/corpus/styles/tree-sentence-form.txt";
  Out sev = Sh("$J audit --lang en --severity error" + two, dir);
  CHECK_FALSE(Has(sev.out, "warnings ("));
  CHECK(Has(sev.out, "total: 2 documents"));
  Out quiet = Sh("$J audit --quiet" + two, dir);
  CHECK(quiet.rc == 1);
  CHECK(quiet.out.empty());
  CHECK(quiet.err.empty());
  Out o = Sh("$J audit --lang en -o out.txt" + two, dir);
  CHECK(o.out.empty());
  CHECK(Has(o.err, "jixiao: wrote out.txt (total: 2 documents"));
}

TEST_CASE("jixiao checks lists every check id in both languages", "[papers]") {
  fs::path dir = Fresh("checks");
  Out zh = Sh("$J checks", dir);
  CHECK(CountOf(zh.out, "\n") == jixiao::kNumCheckIds);  // one line per check id
  CHECK(Has(zh.out, "score.total"));
  Out json = Sh("$J checks --format json", dir);
  CHECK(Has(json.out, "{\"check\":\"score.children_sum\",\"zh\":\""));
  CHECK(Has(json.out, "\"en\":\"the children's self-scores do not add up to the parent's\"}"));
}

TEST_CASE("batch --progress always draws a bar with percent, elapsed and ETA", "[papers]") {
  fs::path dir = Fresh("progress");
  Out b = Sh("$J batch --db p.db --progress always $S/corpus/styles", dir);
  // Every document of the folder (forms/ and tables/ too), however many it holds.
  const size_t at = b.err.find("jixiao batch: ");
  REQUIRE(at != std::string::npos);
  const std::string n = std::to_string(std::stoi(b.err.substr(at + 14)));
  CHECK(Has(b.err, "100% " + n + "/" + n + " elapsed"));
  CHECK(Has(b.err, "ETA 0s"));
  CHECK(Has(b.err, "[########################]"));
}

TEST_CASE("bash completion and the man page come from the CLI definition", "[papers]") {
  fs::path dir = Fresh("completion");
  Out bash = Sh("$J completion bash > c.sh && bash -n c.sh && cat c.sh", dir);
  CHECK(bash.rc == 0);
  CHECK(
      Has(bash.out, "    review) words=\"--help -h --db --reviews --accept --dismiss --why --by"));
  CHECK(Has(bash.out, "complete -F _jixiao jixiao"));
  Out complete =
      Sh("bash -c '. ./c.sh; COMP_WORDS=(jixiao aud); COMP_CWORD=1; _jixiao; "
         "echo \"${COMPREPLY[*]}\"'",
         dir);
  CHECK(complete.out == "audit\n");
  Out man = Sh("$J man", dir);
  CHECK(man.out.rfind(".TH JIXIAO 1", 0) == 0);
  CHECK(Has(man.out, ".SS review"));
  CHECK(Has(man.out, "\\-\\-reviews"));
}

TEST_CASE("batch HTML to a folder: a small index with counts and filters, a page a document",
          "[papers][html]") {
  fs::path dir = Fresh("site");
  MixedBatch(dir);
  Out r = Sh("$J report --db m.db --format html -o site/", dir);
  CHECK(r.rc == 1);
  std::string index = Slurp(dir / "site" / "index.html");
  CHECK(Has(index, "按检查项"));
  CHECK(Has(index, "按部门"));
  CHECK(Has(index, "id=\"f-search\""));
  CHECK(Has(index, "data-checks=\""));
  CHECK(Has(index, "encrypted.pdf"));  // the failed file
  CHECK(Has(index, "docs/2.html"));
  CHECK_FALSE(Has(index, "data:image/png"));  // no images in the index
  CHECK(fs::exists(dir / "site" / "docs" / "1.html"));
  CHECK(fs::exists(dir / "site" / "docs" / "2.html"));
  CHECK(Has(Slurp(dir / "site" / "docs" / "1.html"), "../index.html"));
}

TEST_CASE("audit --format html without -o on a terminal asks for -o instead of dumping base64",
          "[papers]") {
  if (std::system("command -v script >/dev/null 2>&1") != 0) {
    WARN("script(1) not installed: no terminal to test with");
    return;
  }
  fs::path dir = Fresh("tty");
  Out r =
      Sh("script -qec \"$J audit --format html $S/corpus/styles/tree-planted-errors.txt\" "
         "/dev/null",
         dir);
  CHECK(r.rc == 2);
  CHECK(Has(r.out, "jixiao: --format html writes a file: give -o FILE"));
  CHECK_FALSE(Has(r.out, "<html"));
}
