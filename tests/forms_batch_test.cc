// Forms as documents of the batch store (schema 006): each part of a file stored with its
// identity, listed by `stats --projects`, paired across years, and the sum.projects check of a
// department's forms against its report. Inputs: corpus/forms and the invented tests/data/forms.
#include <SQLiteCpp/SQLiteCpp.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "extract/extract.h"
#include "rules/rules.h"
#include "store/forms.h"
#include "store/project_sums.h"
#include "store/store.h"
#include "test_util.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;

std::string FreshDb(const std::string& name) { return test::TempDb("forms-batch", name); }

int64_t Count(const std::string& db, const std::string& sql) { return test::CountOf(db, sql); }

std::string Text(const std::string& db, const std::string& sql) {
  SQLite::Database d(db, SQLite::OPEN_READONLY);
  SQLite::Statement q(d, sql);
  std::string out;
  while (q.executeStep()) {
    for (int i = 0; i < q.getColumnCount(); ++i)
      out += (i ? "|" : "") + (q.getColumn(i).isNull() ? std::string("NULL") : q.getColumn(i).getString());
    out += "\n";
  }
  return out;
}

const std::string kData = "tests/data/forms";

// One batch over the invented forms and the corpus file holding four forms.
const std::string& Batch() {
  static const std::string db = [] {
    std::string d = FreshDb("forms");
    auto r = test::RunJixiao("batch --progress never --db " + d + " " + test::SourcePath(kData) +
                             " " + test::SourcePath("corpus/forms/A-yunnan-shuiwuju-2022.txt"));
    INFO(r.err);
    REQUIRE((r.exit_code == 0 || r.exit_code == 1));
    return d;
  }();
  return db;
}

TEST_CASE("PartExtents gives each part of a multi-form file its lines and funds unit", "[batch][forms]") {
  auto rules = Rules::Builtin();
  REQUIRE(rules.ok());
  auto doc = LoadDocument(test::SourcePath("corpus/forms/A-yunnan-shuiwuju-2022.txt"));
  REQUIRE(doc.ok());
  AuditResult r = Audit(*doc, *rules);
  REQUIRE(r.parts.size() == 4);
  std::vector<PartExtent> ex = PartExtents(*doc, *rules, r.parts.size());
  REQUIRE(ex.size() == 4);
  for (size_t i = 0; i < ex.size(); ++i) {
    CHECK(ex[i].first_line > 0);
    CHECK(ex[i].first_line <= ex[i].last_line);
    if (i > 0) CHECK(ex[i].first_line > ex[i - 1].last_line);
    CHECK(ex[i].funds_unit == "万元");
  }
  std::vector<StoredForm> forms = FormsOf(r, ex);
  REQUIRE(forms.size() == 4);
  CHECK(forms[2].project == "基建工程委托业务项目");
  CHECK(forms[2].department_key == "红岭县水利局");  // "305-红岭县水利局" without its code
  CHECK(forms[2].total_score == std::optional<std::string>("90"));
  CHECK(forms[2].total_max == std::optional<std::string>("100"));
  // Its 年度资金总额 row of zeros contradicts its 其中 row: the 全年执行数 is not taken.
  CHECK(!forms[2].spent);
  CHECK(forms[1].spent);
  CHECK(forms[1].spent->value == "20");
  // Pages 3–4 and 4 share a page: a finding of line 102 is the fourth form's, by line.
  CHECK(PartOf(forms, 4, 102) == 3);
}

TEST_CASE("DepartmentKey drops a leading numeric code", "[batch][forms]") {
  struct Row {
    const char* stated;
    const char* doc;
    const char* key;
  } rows[] = {{"305-红岭县水利局", "x", "红岭县水利局"},
              {"红岭县水利局", "x", "红岭县水利局"},
              {"", "文档部门", "文档部门"},
              {"305", "x", "305"},
              {"2023年-预算", "x", "2023年-预算"}};
  for (const Row& r : rows) {
    INFO(r.stated);
    CHECK(DepartmentKey(r.stated, r.doc) == r.key);
  }
}

TEST_CASE("batch stores each form of a multi-form file with its identity", "[batch][forms]") {
  const std::string& db = Batch();
  const std::string yunnan =
      "SELECT f.seq, f.kind, f.project, f.department_key, f.year, f.first_page, f.last_page, "
      "f.total_score FROM forms f JOIN documents d ON d.id = f.document_id WHERE d.name = "
      "'A-yunnan-shuiwuju-2022' ORDER BY f.seq";
  const std::string rows = Text(db, yunnan);
  INFO(rows);
  CHECK(Count(db, "SELECT count(*) FROM forms f JOIN documents d ON d.id = f.document_id WHERE "
                  "d.name = 'A-yunnan-shuiwuju-2022' AND f.kind = 'project_form'") == 4);
  CHECK(rows.find("2|project_form|基建工程委托业务项目|红岭县水利局|2022|3|4|90") != std::string::npos);
  CHECK(rows.find("1|project_form|红岭县小型水库水位标尺制作安装") != std::string::npos);
  // The findings are tied to their form: the three sum.breakdown errors are the third form's.
  CHECK(Count(db, "SELECT count(*) FROM findings x JOIN documents d ON d.id = x.document_id WHERE "
                  "d.name = 'A-yunnan-shuiwuju-2022' AND x.check_id = 'sum.breakdown' AND "
                  "x.part = 2") == 3);
  CHECK(Count(db, "SELECT f.errors FROM forms f JOIN documents d ON d.id = f.document_id WHERE "
                  "d.name = 'A-yunnan-shuiwuju-2022' AND f.seq = 2") == 3);
  // Two forms in one file without page breaks: told apart by their lines.
  CHECK(Text(db, "SELECT f.code, f.spent, f.funds_unit FROM forms f JOIN documents d ON d.id = "
                 "f.document_id WHERE d.name = 'nongye-forms-2022' ORDER BY f.seq") ==
        "QH-NY-0001|120|万元\nQH-NY-0002|110|万元\n");
}

TEST_CASE("stats --projects lists a department's projects", "[batch][forms][stats]") {
  const std::string& db = Batch();
  auto r = test::RunJixiao("stats --lang en --db " + db + " --projects --department 青禾县农业农村局");
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("QH-NY-0001") != std::string::npos);
  CHECK(r.out.find("农机购置补贴") != std::string::npos);
  CHECK(r.out.find("森林防火") == std::string::npos);  // another department
  auto j = test::RunJixiao("stats --db " + db + " --projects --unit 305001-红岭县水利局 --format json");
  INFO(j.out << j.err);
  REQUIRE(j.exit_code == 0);
  CHECK(j.out.find("\"project\":\"基建工程委托业务项目\"") != std::string::npos);
  CHECK(j.out.find("\"total_score\":\"90\"") != std::string::npos);
  CHECK(j.out.find("水旱灾害防御经费") == std::string::npos);
  // A filter that matches nothing is a mistake (exit 2); the options go with --projects.
  CHECK(test::RunJixiao("stats --db " + db + " --projects --unit 无此单位").exit_code == 2);
  CHECK(test::RunJixiao("stats --db " + db + " --unit 红岭县水利局").exit_code == 2);
}

TEST_CASE("stats --projects --across-years pairs a project by its code", "[batch][forms][stats]") {
  const std::string& db = Batch();
  auto r = test::RunJixiao("stats --lang en --db " + db + " --projects --across-years --format json");
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("\"code\":\"QH-NY-0001\",\"matched_by\":\"code\"") != std::string::npos);
  CHECK(r.out.find("\"year\":2022") != std::string::npos);
  CHECK(r.out.find("\"year\":2023") != std::string::npos);
  CHECK(r.out.find("\"rate\":\"90.00%\"") != std::string::npos);
  CHECK(r.out.find("农机购置补贴") == std::string::npos);  // one year only
  auto t = test::RunJixiao("stats --lang en --db " + db + " --projects --across-years");
  CHECK(t.out.find("Δ -6.00") != std::string::npos);
}

TEST_CASE("sum.projects: forms above the report's 项目支出 are an error, forms below are not",
          "[batch][forms]") {
  const std::string& db = Batch();
  // 120 + 110 = 230 万元 > 200.00 万元: one finding, on the report.
  CHECK(Text(db, "SELECT d.name, x.severity, x.stated, x.recomputed FROM findings x JOIN documents "
                 "d ON d.id = x.document_id WHERE x.check_id = 'sum.projects'") ==
        "nongye-report-2022|error|200.00万元|230万元\n");
  // 100 + 150 = 250 ≤ 300: nothing on 青禾县林业局.
  auto r = test::RunJixiao("report --lang en --db " + db + " --check sum.projects");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("nongye-report-2022") != std::string::npos);
  CHECK(r.out.find("linye") == std::string::npos);
  auto s = test::RunJixiao("stats --lang en --db " + db + " --projects");
  INFO(s.out);
  CHECK(s.out.find("青禾县林业局 2022: pass") != std::string::npos);
  CHECK(s.out.find("青禾县农业农村局 2022: error") != std::string::npos);
  CHECK(s.out.find("红岭县水利局 2022: not made: no department report") != std::string::npos);
  // The catalogue lists it.
  auto c = test::RunJixiao("checks --lang en");
  CHECK(c.out.find("sum.projects") != std::string::npos);
}

TEST_CASE("sum.projects follows a report replaced or removed", "[batch][forms]") {
  std::string db = FreshDb("forms-replace");
  fs::path dir = fs::path(db).parent_path() / "replace";
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const char* f : {"nongye-report-2022.txt", "nongye-forms-2022.txt"})
    fs::copy_file(test::SourcePath(kData + "/" + f), dir / f);
  auto run = [&] { return test::RunJixiao("batch --progress never --db " + db + " " + dir.string()); };
  REQUIRE(run().exit_code == 1);
  CHECK(Count(db, "SELECT count(*) FROM findings WHERE check_id = 'sum.projects'") == 1);
  // The report now states 300.00 万元: the finding goes.
  std::string text = test::ReadFile((dir / "nongye-report-2022.txt").string());
  text.replace(text.find("项目支出200.00"), std::string("项目支出200.00").size(), "项目支出300.00");
  std::ofstream((dir / "nongye-report-2022.txt").string()) << text;
  run();
  CHECK(Count(db, "SELECT count(*) FROM findings WHERE check_id = 'sum.projects'") == 0);
  // Back to 200 and the forms file removed (its path now holds other bytes): none either.
  text.replace(text.find("项目支出300.00"), std::string("项目支出300.00").size(), "项目支出200.00");
  std::ofstream((dir / "nongye-report-2022.txt").string()) << text;
  std::ofstream((dir / "nongye-forms-2022.txt").string()) << "空白\n";
  run();
  CHECK(Count(db, "SELECT count(*) FROM findings WHERE check_id = 'sum.projects'") == 0);
}

TEST_CASE("merge copies the forms and recomputes sum.projects", "[batch][forms][merge]") {
  std::string a = FreshDb("forms-a"), b = FreshDb("forms-b"), m = FreshDb("forms-m");
  test::RunJixiao("batch --progress never --db " + a + " " +
                  test::SourcePath(kData + "/nongye-report-2022.txt"));
  test::RunJixiao("batch --progress never --db " + b + " " +
                  test::SourcePath(kData + "/nongye-forms-2022.txt"));
  CHECK(Count(a, "SELECT count(*) FROM findings WHERE check_id = 'sum.projects'") == 0);
  auto r = test::RunJixiao("merge --db " + m + " " + a + " " + b);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(Count(m, "SELECT count(*) FROM forms") == 3);
  CHECK(Count(m, "SELECT count(*) FROM findings WHERE check_id = 'sum.projects'") == 1);
  // Merging again adds nothing and finds no determinism conflict in the forms.
  auto again = test::RunJixiao("merge --db " + m + " " + b);
  CHECK(again.exit_code == 0);
  CHECK(Count(m, "SELECT count(*) FROM forms") == 3);
}

TEST_CASE("a version-5 database migrates to the forms schema", "[batch][forms][store]") {
  std::string db = FreshDb("v5");
  {
    SQLite::Database d(db, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    for (const char* step : {"001_initial.sql", "002_source_stat.sql", "003_assessed.sql",
                             "004_shard_runs.sql", "005_reviews.sql"}) {
      std::ifstream in(test::SourcePath(std::string("store/schema/") + step));
      std::stringstream sql;
      sql << in.rdbuf();
      d.exec(sql.str());
    }
    d.exec("PRAGMA user_version = 5");
    d.exec("INSERT INTO documents (id, hash, jixiao_version, rules_version, path, name, size, "
           "status, audited_at) VALUES (5, 'h', '0.1.0', 'r', 'a.txt', 'a', 3, 'ok', "
           "'2026-01-01T00:00:00Z')");
    d.exec("INSERT INTO findings (document_id, seq, check_id, severity, page, line, quote, path, "
           "stated, recomputed, arithmetic) VALUES (5, 0, 'score.total', 'error', 1, 1, 'q', "
           "'[]', '1', '2', 'a')");
  }
  // read-only commands ask for a migration first.
  CHECK(test::RunJixiao("stats --db " + db + " --projects").exit_code == 2);
  auto store = Store::Open(db);
  REQUIRE(store.ok());
  CHECK(Count(db, "PRAGMA user_version") == Store::SchemaVersion());
  CHECK(Count(db, "SELECT count(*) FROM forms") == 0);
  CHECK(Count(db, "SELECT count(*) FROM findings WHERE part IS NULL") == 1);
  CHECK(*store->IntegrityCheck() == "ok");
  auto r = test::RunJixiao("stats --db " + db + " --projects");
  INFO(r.err);
  CHECK(r.exit_code == 0);
}

}  // namespace
}  // namespace jixiao

namespace jixiao {
namespace {

// Hand-built results through Store::Write: the arithmetic of sum.projects, table-driven.
DocumentRecord FormRecord(const std::string& name, const std::string& code,
                          const std::string& spent, bool breakdown_ok = true) {
  DocumentRecord rec;
  rec.path = name + ".txt";
  rec.hash = name + code + spent;
  rec.size = 1;
  rec.result.document = name;
  rec.result.path = rec.path;
  rec.result.department = "甲县乙局";
  rec.result.year = 2022;
  rec.result.pages = 1;
  AuditResult::Part p;
  p.kind = "project_form";
  p.first_page = p.last_page = 1;
  p.project = "项目" + code;
  p.department = "001-甲县乙局";
  p.code = code;
  p.year = 2022;
  p.assessed = true;
  rec.result.parts.push_back(p);
  CheckResult c;
  c.check = CheckId::kSumBreakdown;
  c.verdict = breakdown_ok ? Verdict::kPass : Verdict::kFail;
  c.severity = breakdown_ok ? Severity::kInfo : Severity::kError;
  c.page = 1;
  c.line = 5;
  c.path = {"年度资金总额"};
  c.stated = spent;
  c.arithmetic = "x → stated ✓; 其中 rows of 全年执行数 → 年度资金总额";
  rec.result.checks.push_back(c);
  rec.extents = {PartExtent{1, 20, "万元"}};
  return rec;
}

DocumentRecord ReportRecord(const std::string& value, const std::string& quote) {
  DocumentRecord rec;
  rec.path = "report.txt";
  rec.hash = "report" + value + quote;
  rec.size = 1;
  rec.result.document = "report";
  rec.result.path = rec.path;
  rec.result.department = "甲县乙局";
  rec.result.year = 2022;
  rec.result.pages = 1;
  AuditResult::Part p;
  p.kind = "department_report";
  p.first_page = p.last_page = 1;
  p.assessed = true;
  rec.result.parts.push_back(p);
  rec.result.figures.push_back(FigureRow{"项目支出", 2022, value, 1, 3, quote});
  return rec;
}

TEST_CASE("sum.projects adds exactly, within rounding, each project once", "[batch][forms][store]") {
  const std::string kDecided = "整体支出决算500万元，其中项目支出";
  struct Row {
    const char* what;
    std::vector<std::pair<std::string, std::string>> forms;  // code, 全年执行数 (万元)
    std::string report, quote;
    int findings;
    const char* outcome;
  } rows[] = {
      {"within the rounding of 230", {{"A1", "120.2"}, {"A2", "110.2"}}, "230万元", kDecided, 0,
       "pass"},
      {"beyond it", {{"A1", "120.4"}, {"A2", "110.4"}}, "230万元", kDecided, 1, "fail"},
      {"the same project twice counts once", {{"A1", "120"}, {"A1", "120"}, {"A2", "110"}},
       "235万元", kDecided, 0, "pass"},
      {"a report in 元", {{"A1", "120"}, {"A2", "110"}}, "2300000元", kDecided, 0, "pass"},
      // 120 and 110 万元 stand for [119.5, 120.5] and [109.5, 110.5]: their sum is at least 229万元.
      {"a report in 元, within the forms' rounding", {{"A1", "120"}, {"A2", "110"}}, "2290000元",
       kDecided, 0, "pass"},
      {"a report in 元, exceeded", {{"A1", "120"}, {"A2", "110"}}, "2280000元", kDecided, 1,
       "fail"},
      {"a 预算 sentence is not the 决算", {{"A1", "500"}}, "200万元", "年初预算项目支出", 0,
       "report's 项目支出 not read"},
  };
  int n = 0;
  for (const Row& r : rows) {
    INFO(r.what);
    std::string db = FreshDb("sums-" + std::to_string(n++));
    auto store = Store::Open(db);
    REQUIRE(store.ok());
    const Versions v{"t", "r"};
    int k = 0;
    for (const auto& [code, spent] : r.forms)
      REQUIRE(store->Write(FormRecord("form" + std::to_string(k++), code, spent), v, false).ok());
    REQUIRE(store->Write(ReportRecord(r.report, r.quote + r.report), v, false).ok());
    CHECK(Count(db, "SELECT count(*) FROM findings WHERE check_id = 'sum.projects'") == r.findings);
    auto sums = ProjectSums(*store, "", 0);
    REQUIRE(sums.ok());
    REQUIRE(sums->size() == 1);
    CHECK((*sums)[0].department == "甲县乙局");
    CHECK(std::string(OutcomeName((*sums)[0].outcome)) == r.outcome);
  }
}

TEST_CASE("sum.projects leaves out a form contradicted by its own 其中 rows, and says so",
          "[batch][forms][store]") {
  std::string db = FreshDb("sums-unread");
  auto store = Store::Open(db);
  REQUIRE(store.ok());
  const Versions v{"t", "r"};
  REQUIRE(store->Write(FormRecord("f1", "B1", "250"), v, false).ok());
  REQUIRE(store->Write(FormRecord("f2", "B2", "0", /*breakdown_ok=*/false), v, false).ok());
  REQUIRE(store->Write(ReportRecord("200万元", "支出决算中项目支出200万元"), v, false).ok());
  auto sums = ProjectSums(*store, "甲县乙局", 2022);
  REQUIRE(sums.ok());
  REQUIRE(sums->size() == 1);
  CHECK((*sums)[0].forms == 2);
  CHECK((*sums)[0].forms_read == 1);
  CHECK((*sums)[0].outcome == ProjectSum::Outcome::kFail);
  CHECK((*sums)[0].arithmetic.find("1 of 2 forms' 全年执行数 not read") != std::string::npos);
  CHECK(Count(db, "SELECT count(*) FROM findings WHERE check_id = 'sum.projects'") == 1);
}

}  // namespace
}  // namespace jixiao
