// Issue 13, items 7 and 10: a database is checked before it is read or written. Two processes
// creating one new database both succeed; `merge` refuses its own output as input, and any input
// that is damaged (integrity_check) or whose schema lacks a column, naming the file, exit 2;
// `batch` and `report` refuse a damaged database instead of writing into or reading it.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "store/store.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;

const std::string kBin = JIXIAO_BINARY;
const std::string kSrc = JIXIAO_SOURCE_DIR;

fs::path FreshDir(const std::string& name) {
  fs::path dir =
      fs::temp_directory_path() / ("jixiao-check-test-" + std::to_string(::getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

struct Run {
  int rc = -1;
  std::string err;
};

Run Jixiao(const std::string& args, const fs::path& dir) {
  fs::path err = dir / "stderr";
  std::string cmd = kBin + " " + args + " >/dev/null 2>" + err.string();
  int status = std::system(cmd.c_str());
  Run r;
  r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream e(err);
  std::stringstream se;
  se << e.rdbuf();
  r.err = se.str();
  return r;
}

int64_t Count(const fs::path& db, const std::string& sql) {
  SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
  return d.execAndGet(sql).getInt64();
}

std::string Integrity(const fs::path& db) {
  SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
  return d.execAndGet("PRAGMA integrity_check").getString();
}

// A batch database of the corpus's styles (documents with findings), sealed into one file.
fs::path StylesDb(const fs::path& dir) {
  fs::path db = dir / "styles.db";
  Run r = Jixiao("batch --db " + db.string() + " --jobs 2 " + kSrc + "/corpus/styles", dir);
  REQUIRE(r.rc == 1);  // error findings
  SQLite::Database d(db.string(), SQLite::OPEN_READWRITE);
  d.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  d.exec("PRAGMA journal_mode = DELETE");
  return db;
}

TEST_CASE("processes creating one new database at once all succeed", "[store][check]") {
  fs::path dir = FreshDir("concurrent");
  for (int attempt = 0; attempt < 20; ++attempt) {
    const std::string db = (dir / ("new-" + std::to_string(attempt) + ".db")).string();
    int go[2];
    REQUIRE(::pipe(go) == 0);
    std::vector<pid_t> kids;
    for (int k = 0; k < 6; ++k) {
      pid_t pid = ::fork();
      REQUIRE(pid >= 0);
      if (pid == 0) {
        ::close(go[1]);
        char c;
        while (::read(go[0], &c, 1) < 0) {
        }
        auto store = Store::Open(db);
        if (!store.ok()) std::fprintf(stderr, "%s\n", store.status().message().c_str());
        ::_exit(store.ok() ? 0 : 1);
      }
      kids.push_back(pid);
    }
    ::close(go[0]);
    ::close(go[1]);  // all start together
    int failed = 0;
    for (pid_t pid : kids) {
      int status = 0;
      ::waitpid(pid, &status, 0);
      failed += !(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    INFO("attempt " << attempt);
    CHECK(failed == 0);
    CHECK(Count(db, "PRAGMA user_version") == Store::SchemaVersion());
  }
}

TEST_CASE("two batches on a new database both audit their files", "[store][check]") {
  fs::path dir = FreshDir("two-batches");
  for (int attempt = 0; attempt < 20; ++attempt) {
    const std::string db = (dir / ("b-" + std::to_string(attempt) + ".db")).string();
    const std::string a = kSrc + "/corpus/styles/tree-sentence-form.txt";
    const std::string b = kSrc + "/corpus/styles/tree-table-only.txt";
    const std::string cmd = "(" + kBin + " batch --db " + db + " " + a + " 2>" + db + ".a & " +
                            kBin + " batch --db " + db + " " + b + " 2>" + db +
                            ".b & wait) >/dev/null";
    REQUIRE(std::system(cmd.c_str()) == 0);
    INFO("attempt " << attempt);
    CHECK(Count(db, "SELECT count(*) FROM documents") == 2);
  }
}

TEST_CASE("merge names the problem when a database is merged into itself", "[store][check]") {
  fs::path dir = FreshDir("self");
  fs::path db = StylesDb(dir);
  fs::create_symlink(db, dir / "alias.db");
  for (const std::string& in : {db.string(), (dir / "alias.db").string()}) {
    Run r = Jixiao("merge --db " + db.string() + " " + in, dir);
    CHECK(r.rc == 2);
    CHECK(r.err.find("cannot be merged into itself") != std::string::npos);
    CHECK(r.err.find("locked") == std::string::npos);
  }
}

TEST_CASE("merge refuses a damaged input, or merges all of it", "[store][check]") {
  fs::path dir = FreshDir("corrupt");
  fs::path db = StylesDb(dir);
  const int64_t docs = Count(db, "SELECT count(*) FROM documents");
  const int64_t findings = Count(db, "SELECT count(*) FROM findings");
  const int64_t checks = Count(db, "SELECT count(*) FROM checks");
  REQUIRE(findings > 0);
  const auto size = static_cast<int64_t>(fs::file_size(db));
  int refused = 0;
  for (int i = 0; i < 40; ++i) {
    // 64 random bytes somewhere past the file header.
    fs::path bad = dir / ("bad-" + std::to_string(i) + ".db");
    fs::copy_file(db, bad, fs::copy_options::overwrite_existing);
    std::mt19937 rng(static_cast<unsigned>(i));
    std::uniform_int_distribution<int64_t> at(100, size - 64);
    std::fstream f(bad, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(at(rng));
    for (int k = 0; k < 64; ++k) f.put(static_cast<char>(rng()));
    f.close();
    fs::path out = dir / ("out-" + std::to_string(i) + ".db");
    Run r = Jixiao("merge --db " + out.string() + " " + bad.string(), dir);
    INFO("variant " << i << ": " << r.err);
    if (r.rc != 0) {
      ++refused;
      CHECK(r.rc == 2);
      CHECK(r.err.rfind("jixiao: " + bad.string() + ": ", 0) == 0);
      continue;
    }
    // Accepted: then nothing was lost (damage inside a stored value cannot be seen by SQLite).
    CHECK(Integrity(out) == "ok");
    CHECK(Count(out, "SELECT count(*) FROM documents") == docs);
    CHECK(Count(out, "SELECT count(*) FROM findings") == findings);
    CHECK(Count(out, "SELECT count(*) FROM checks") == checks);
  }
  CHECK(refused > 0);
}

TEST_CASE("batch and report refuse a damaged database; a damaged schema is named",
          "[store][check]") {
  fs::path dir = FreshDir("damaged");
  const std::string txt = kSrc + "/corpus/styles/tree-sentence-form.txt";
  SECTION("a page that fails quick_check: nothing is written") {
    fs::path db = StylesDb(dir);
    int64_t root = 0;
    {
      SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
      root = d.execAndGet("SELECT rootpage FROM sqlite_schema WHERE name = 'findings_check'")
                 .getInt64();
    }
    REQUIRE(root > 1);
    {
      std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
      f.seekp((root - 1) * 4096);
      std::string junk(4096, '\xff');
      f.write(junk.data(), 4096);
    }
    REQUIRE(Integrity(db) != "ok");
    const auto before = fs::last_write_time(db);
    Run r = Jixiao("batch --db " + db.string() + " " + txt, dir);
    CHECK(r.rc == 2);
    CHECK(r.err.find(db.string() + ": the database is damaged (quick_check") != std::string::npos);
    CHECK(fs::last_write_time(db) == before);
    CHECK_FALSE(fs::exists(db.string() + "-wal"));
  }
  SECTION("a column missing") {
    fs::path db = StylesDb(dir);
    {
      SQLite::Database d(db.string(), SQLite::OPEN_READWRITE);
      d.exec("ALTER TABLE findings DROP COLUMN recomputed");
    }
    for (const std::string& cmd :
         {"batch --db " + db.string() + " " + txt, "report --db " + db.string(),
          "stats --db " + db.string(), "merge --db " + (dir / "out.db").string() + " " + db.string()}) {
      INFO(cmd);
      Run r = Jixiao(cmd, dir);
      CHECK(r.rc == 2);
      CHECK(r.err.find(db.string() + ": the database is damaged (table findings has no column "
                                     "recomputed)") != std::string::npos);
    }
  }
  SECTION("not a jixiao database, not a database") {
    fs::path other = dir / "other.db";
    {
      SQLite::Database d(other.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      d.exec("CREATE TABLE t (x)");
    }
    Run r = Jixiao("batch --db " + other.string() + " " + txt, dir);
    CHECK(r.rc == 2);
    CHECK(r.err.find("not a jixiao database") != std::string::npos);
    fs::path text = dir / "text.db";
    std::ofstream(text) << std::string(5000, 'x');
    r = Jixiao("merge --db " + (dir / "out2.db").string() + " " + text.string(), dir);
    CHECK(r.rc == 2);
    CHECK(r.err.find(text.string() + ": ") != std::string::npos);
  }
}

}  // namespace
}  // namespace jixiao
