// Shards (docs/scale.md): the manifest and the shard function, `batch --manifest` as a scheduler
// runs it, `merge --manifest` and what it refuses; and the checks every database gets before it is
// read or written (issue 13: concurrent creation, merging into itself, damaged inputs).
#include "store/manifest.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "store/content_hash.h"
#include "store/store.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;

const std::string kBin = JIXIAO_BINARY;
const std::string kSrc = JIXIAO_SOURCE_DIR;

fs::path FreshDir(const std::string& name) {
  fs::path dir =
      fs::temp_directory_path() / ("jixiao-shard-test-" + std::to_string(::getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

struct Run {
  int rc = -1;
  std::string err;
};

Run Jixiao(const std::string& args, const fs::path& dir, const std::string& env = "") {
  fs::path err = dir / "stderr";
  std::string cmd = env + " " + kBin + " " + args + " >/dev/null 2>" + err.string();
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

// Every row of `sql`, typed, one line each.
std::string Rows(const fs::path& db, const std::string& sql) {
  SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
  SQLite::Statement q(d, sql);
  std::string out;
  while (q.executeStep()) {
    for (int i = 0; i < q.getColumnCount(); ++i) {
      out += std::to_string(q.getColumn(i).getType()) + ":" + q.getColumn(i).getString() + "|";
    }
    out += "\n";
  }
  return out;
}

std::string Str(const fs::path& db, const std::string& sql) {
  SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
  return d.execAndGet(sql).getString();
}

std::string ReadFileBytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The documents and the finding rows of a database, by content: what must not depend on how the
// run was split.
std::string Documents(const fs::path& db) {
  return Rows(db,
              "SELECT hash, size, status, pages, department, year, total_score, errors, warnings, "
              "infos, cov_checks_run, (SELECT count(*) FROM checks c WHERE c.document_id = d.id), "
              "(SELECT count(*) FROM indicators i WHERE i.document_id = d.id) FROM documents d "
              "ORDER BY hash");
}
std::string Findings(const fs::path& db) {
  return Rows(db,
              "SELECT d.hash, f.seq, f.check_id, f.severity, f.page, f.line, f.quote, f.path, "
              "f.stated, f.recomputed, f.arithmetic, f.bbox_x0, f.bbox_y0, f.bbox_x1, f.bbox_y1, "
              "o.hash, f.other_page, f.other_line, f.other_quote FROM findings f JOIN documents d "
              "ON d.id = f.document_id LEFT JOIN documents o ON o.id = f.other_document_id ORDER "
              "BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 16, 17, 18");
}

// The corpus without its hostile PDFs (whose time bounds make their outcome depend on the
// machine), with its styles, two years of one department, the bad PDFs, and one copy of a file
// under another name (the same document).
std::string CorpusInputs(const fs::path& dir) {
  fs::path copy = dir / "copies";
  fs::create_directories(copy);
  fs::copy_file(kSrc + "/corpus/styles/tree-planted-errors.txt", copy / "renamed.txt");
  std::string out;
  for (const char* p : {
#if !defined(__SANITIZE_ADDRESS__)
           // The sample PDFs (several pages each) are read in every one of the 12 runs: under
           // ASan the styles' ruled PDFs and the bad ones stand for them.
           "lechang-county-2024.pdf", "meizhou-city-2021.pdf", "meizhou-city-2024.pdf",
#endif
           "lechang-county-2024.txt", "meizhou-city-2021.txt", "meizhou-city-2024.txt", "bad", "styles",
           "crossyear"}) {
    out += " " + kSrc + "/corpus/" + p;
  }
  return out + " " + copy.string();
}

// The documents the refusal cases plan: Catch2 runs the test case's body again for each of its
// sections (plan and three shards each time); under ASan only the ruled PDFs and the cross-year
// pair stand for them.
#if defined(__SANITIZE_ADDRESS__)
const char* const kRefuseInputs[] = {"/corpus/styles/tables", "/corpus/crossyear"};
#else
const char* const kRefuseInputs[] = {"/corpus/styles", "/corpus/crossyear"};
#endif

TEST_CASE("ShardOf is the first 8 bytes of the SHA-256, big-endian, modulo N", "[shard]") {
  struct Case {
    std::string hash;
    uint32_t count, shard;
  };
  const std::string tail(48, 'f');
  const std::vector<Case> cases = {
      {"0000000000000000" + tail, 7, 0},
      {"0000000000000007" + tail, 7, 0},
      {"0000000000000008" + tail, 7, 1},
      {"00000000000000ff" + tail, 10, 5},         // 255
      {"ffffffffffffffff" + tail, 1000, 615},     // 18446744073709551615 mod 1000
      {"8000000000000000" + tail, 3, 2},          // 2^63 mod 3
      {"0123456789abcdef" + std::string(48, '0'), 97, 81985529216486895ull % 97},
      {"0123456789abcdef" + tail, 1, 0},
  };
  for (const auto& c : cases) {
    INFO(c.hash << " mod " << c.count);
    CHECK(ShardOf(c.hash, c.count) == c.shard);
  }
  // Every document in exactly one shard, and the shards not too uneven.
  for (uint32_t n : {1u, 2u, 3u, 4u, 16u}) {
    std::vector<int> sizes(n);
    for (int i = 0; i < 1000; ++i) {
      uint32_t s = ShardOf(Sha256Hex(std::to_string(i)), n);
      REQUIRE(s < n);
      ++sizes[s];
    }
    for (int size : sizes) CHECK(size > 1000 / static_cast<int>(n) / 2);
  }
}

TEST_CASE("a manifest reads back what it wrote; a malformed one is refused", "[shard]") {
  fs::path dir = FreshDir("manifest");
  std::vector<ManifestEntry> entries = {
      {Sha256Hex("a"), 1, "/data/a b.pdf"},
      {Sha256Hex("b"), 22, "/data/tab\there\\and\nnewline.txt"},
  };
  fs::path m = dir / "m.tsv";
  std::ofstream(m, std::ios::binary) << FormatManifest(entries);
  auto read = ReadManifest(m.string());
  REQUIRE(read.ok());
  REQUIRE(read->entries.size() == 2);
  CHECK(read->entries[1].path == entries[1].path);
  CHECK(read->entries[1].size == 22);
  CHECK(read->digest.size() == 64);

  const std::string header = FormatManifest({});
  const std::string h = Sha256Hex("a");
  struct Bad {
    std::string text, why;
  };
  for (const Bad& b : std::vector<Bad>{
           {"a\tb\tc\n", "not a jixiao manifest"},
           {header + h + "\t1\n", ":2: expected sha256"},
           {header + h.substr(1) + "\t1\tx\n", ":2: not a SHA-256"},
           {header + h + "\t-1\tx\n", ":2: not a size"},
           {header + h + "\t1\tx\\q\n", ":2: bad path"},
           {header + h + "\t1\tx\n" + h + "\t1\ty\n", ":3: the same sha256 twice"},
           {header + h + "\t1\tx", ":2: truncated"},
       }) {
    std::ofstream(m, std::ios::binary | std::ios::trunc) << b.text;
    auto r = ReadManifest(m.string());
    INFO(b.text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find(b.why) != std::string::npos);
  }
}

TEST_CASE("shards of any count merge to exactly the documents and findings of one batch",
          "[shard]") {
  fs::path dir = FreshDir("equal");
  const std::string inputs = CorpusInputs(dir);
  fs::path single = dir / "single.db";
  REQUIRE(Jixiao("batch --db " + single.string() + " --jobs 2" + inputs, dir).rc == 2);  // bad/
  fs::path m = dir / "m.tsv";
  Run plan = Jixiao("plan --out " + m.string() + inputs, dir);
  REQUIRE(plan.rc == 0);
  CHECK(plan.err.find("1 copies of the same bytes collapsed") != std::string::npos);
  const std::string docs = Documents(single), findings = Findings(single);
  REQUIRE(Count(single, "SELECT count(*) FROM findings") > 10);
  REQUIRE(Count(single, "SELECT count(*) FROM findings WHERE check_id = 'change.cross_year'") >= 0);
  for (int n : {1, 2, 3, 5}) {
    INFO(n << " shards");
    std::string shards;
    int64_t expected = 0;
    for (int i = 0; i < n; ++i) {
      fs::path db = dir / ("n" + std::to_string(n) + "-" + std::to_string(i) + ".db");
      Run s = Jixiao("batch --manifest " + m.string() + " --shard-index " + std::to_string(i) +
                         " --shard-count " + std::to_string(n) + " --jobs 2 --db " + db.string(),
                     dir);
      CHECK(s.rc == 0);  // bad PDFs are recorded documents, not task failures
      expected += Count(db, "SELECT expected FROM shard_runs");
      CHECK(Count(db, "SELECT count(*) FROM documents") ==
            Count(db, "SELECT done + failed FROM shard_runs"));
      CHECK(Str(db, "PRAGMA journal_mode") == "delete");  // the file alone is the database
      shards += " " + db.string();
    }
    CHECK(expected == Count(single, "SELECT count(*) FROM documents"));
    fs::path all = dir / ("all" + std::to_string(n) + ".db");
    Run merge = Jixiao("merge --db " + all.string() + " --manifest " + m.string() + shards, dir);
    CHECK(merge.rc == 0);
    CHECK(merge.err.find(" 0 missing") != std::string::npos);
    CHECK(Documents(all) == docs);
    CHECK(Findings(all) == findings);
  }
}

// A finished shard of `m` (n shards) at `db`.
void Shard(const fs::path& m, int i, int n, const fs::path& db, const fs::path& dir,
           const std::string& env = "") {
  REQUIRE(Jixiao("batch --manifest " + m.string() + " --shard-index " + std::to_string(i) +
                     " --shard-count " + std::to_string(n) + " --jobs 1 --db " + db.string(),
                 dir, env)
              .rc == 0);
}

TEST_CASE("merge --manifest refuses incomplete, unfinished, mixed and damaged sets", "[shard]") {
  fs::path dir = FreshDir("refuse");
  fs::path m = dir / "m.tsv";
  REQUIRE(Jixiao("plan --out " + m.string() + " " + kSrc + kRefuseInputs[0] + " " + kSrc + kRefuseInputs[1],
                 dir)
              .rc == 0);
  const fs::path s0 = dir / "s0.db", s1 = dir / "s1.db", s2 = dir / "s2.db";
  Shard(m, 0, 3, s0, dir);
  Shard(m, 1, 3, s1, dir);
  Shard(m, 2, 3, s2, dir);
  auto merge = [&](const std::string& inputs, const std::string& out = "all.db") {
    fs::remove(dir / out);
    return Jixiao("merge --db " + (dir / out).string() + " --manifest " + m.string() + " " + inputs,
                  dir);
  };
  SECTION("complete") {
    // As many documents as the manifest lists (the corpus folders grow; the count is not fixed).
    int n = 0;
    std::ifstream in(m);
    for (std::string line; std::getline(in, line);) n += !line.empty() && line[0] != '#';
    REQUIRE(n > 3);
    Run r = merge(s0.string() + " " + s1.string() + " " + s2.string());
    CHECK(r.rc == 0);
    const std::string want = std::to_string(n) + " expected, " + std::to_string(n) + " merged, 0 failed, 0 missing";
    CHECK(r.err.find(want) != std::string::npos);
  }
  SECTION("a shard missing: merged, its documents listed, exit 1") {
    Run r = merge(s0.string() + " " + s2.string());
    CHECK(r.rc == 1);
    CHECK(r.err.find("shards not given: 1") != std::string::npos);
    const int64_t missing = Count(s1, "SELECT expected FROM shard_runs");
    CHECK(r.err.find(std::to_string(missing) + " missing") != std::string::npos);
    CHECK(r.err.find("  missing: ") != std::string::npos);
    CHECK(r.err.find("(shard 1)") != std::string::npos);
  }
  SECTION("an unfinished shard (no completion row)") {
    {
      SQLite::Database d(s1.string(), SQLite::OPEN_READWRITE);
      d.exec("DELETE FROM shard_runs");
    }
    Run r = merge(s0.string() + " " + s1.string() + " " + s2.string());
    CHECK(r.rc == 2);
    CHECK(r.err.find(s1.string() + ": not a finished shard") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "all.db"));  // nothing written
  }
  SECTION("a shard that lost a document after its completion row") {
    {
      SQLite::Database d(s1.string(), SQLite::OPEN_READWRITE);
      d.exec("PRAGMA foreign_keys = ON");
      d.exec("DELETE FROM documents WHERE id = (SELECT min(id) FROM documents)");
    }
    Run r = merge(s0.string() + " " + s1.string() + " " + s2.string());
    CHECK(r.rc == 2);
    CHECK(r.err.find("does not hold what its completion row says") != std::string::npos);
  }
  SECTION("a mix of builds") {
    {
      SQLite::Database d(s2.string(), SQLite::OPEN_READWRITE);
      d.exec("UPDATE shard_runs SET jixiao_version = 'other-build'");
      d.exec("UPDATE documents SET jixiao_version = 'other-build'");
    }
    Run r = merge(s0.string() + " " + s1.string() + " " + s2.string());
    CHECK(r.rc == 2);
    CHECK(r.err.find("refusing a mix") != std::string::npos);
  }
  SECTION("a mix of shard counts, of manifests, a shard twice") {
    const fs::path other = dir / "other.db";
    Shard(m, 1, 2, other, dir);
    Run r = merge(s0.string() + " " + other.string());
    CHECK(r.rc == 2);
    CHECK(r.err.find("refusing a mix of shard counts") != std::string::npos);
    fs::path m2 = dir / "m2.tsv";
    REQUIRE(Jixiao("plan --out " + m2.string() + " " + kSrc + "/corpus/styles", dir).rc == 0);
    const fs::path foreign = dir / "foreign.db";
    Shard(m2, 1, 3, foreign, dir);
    r = merge(s0.string() + " " + foreign.string());
    CHECK(r.rc == 2);
    CHECK(r.err.find("another manifest") != std::string::npos);
    fs::copy_file(s1, dir / "s1-again.db");
    r = merge(s1.string() + " " + (dir / "s1-again.db").string());
    CHECK(r.rc == 2);
    CHECK(r.err.find("shard 1 is also in") != std::string::npos);
  }
  SECTION("a damaged shard") {
    std::fstream f(s1, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(4096 + 8);  // page 2's cells
    std::string junk(3000, '\xa5');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    f.close();
    Run r = merge(s0.string() + " " + s1.string() + " " + s2.string());
    CHECK(r.rc == 2);
    CHECK(r.err.find(s1.string() + ": the database is damaged") != std::string::npos);
  }
}

TEST_CASE("the same document with different results is reported as a determinism bug",
          "[shard]") {
  fs::path dir = FreshDir("determinism");
  const std::string doc = kSrc + "/corpus/styles/tree-planted-errors.txt";
  const fs::path a = dir / "a.db", b = dir / "b.db";
  REQUIRE(Jixiao("batch --db " + a.string() + " " + doc, dir).rc == 1);
  REQUIRE(Jixiao("batch --db " + b.string() + " " + doc, dir).rc == 1);
  // Equal results: merged without a word.
  Run same = Jixiao("merge --db " + (dir / "same.db").string() + " " + a.string() + " " + b.string(),
                    dir);
  CHECK(same.rc == 0);
  CHECK(same.err.find("a determinism bug") == std::string::npos);
  {
    SQLite::Database d(b.string(), SQLite::OPEN_READWRITE);
    d.exec("UPDATE findings SET recomputed = recomputed || '0' WHERE seq = 0");
  }
  Run r = Jixiao("merge --db " + (dir / "all.db").string() + " " + a.string() + " " + b.string(),
                 dir);
  CHECK(r.rc == 2);
  CHECK(r.err.find(b.string() + ": document ") != std::string::npos);
  CHECK(r.err.find("has other findings than in") != std::string::npos);
  CHECK(r.err.find("a determinism bug") != std::string::npos);
  // The first result is kept, not the second.
  CHECK(Findings(dir / "all.db") == Findings(a));
}

TEST_CASE("a shard takes its index from Slurm or Kubernetes and exits as a scheduler expects",
          "[shard]") {
  fs::path dir = FreshDir("contract");
  fs::path docs = dir / "docs";
  fs::create_directories(docs);
  for (const char* f : {"tree-sentence-form.txt", "tree-table-only.txt", "tree-planted-errors.txt",
                        "city-economy-bureau-2022.txt"}) {
    fs::copy_file(kSrc + "/corpus/styles/" + f, docs / f);
  }
  fs::copy_file(kSrc + "/corpus/bad/encrypted.pdf", docs / "encrypted.pdf");
  fs::path m = dir / "m.tsv";
  REQUIRE(Jixiao("plan --out " + m.string() + " " + docs.string(), dir).rc == 0);
  const std::string shard = "batch --manifest " + m.string() + " --shard-count 2 --jobs 1 --db ";
  const std::string x = (dir / "x.db").string();
  // As a Kubernetes Indexed Job's pod runs it: the index from JOB_COMPLETION_INDEX, the database
  // name from {index}.
  for (int i = 0; i < 2; ++i) {
    Run r = Jixiao(shard + (dir / "k-{index}.db").string(), dir,
                   "env -u SLURM_ARRAY_TASK_ID JOB_COMPLETION_INDEX=" + std::to_string(i));
    CHECK(r.rc == 0);
    CHECK(Count(dir / ("k-" + std::to_string(i) + ".db"), "SELECT shard_index FROM shard_runs") == i);
  }
  Run merged = Jixiao("merge --db " + (dir / "k.db").string() + " --manifest " + m.string() + " " +
                          (dir / "k-0.db").string() + " " + (dir / "k-1.db").string(),
                      dir);
  CHECK(merged.rc == 0);
  CHECK(merged.err.find("5 expected, 4 merged, 1 failed, 0 missing") != std::string::npos);
  // Slurm's variable comes first.
  Run r = Jixiao(shard + (dir / "s.db").string(), dir,
                 "SLURM_ARRAY_TASK_ID=1 JOB_COMPLETION_INDEX=0");
  CHECK(r.rc == 0);
  CHECK(Count(dir / "s.db", "SELECT shard_index FROM shard_runs") == 1);
  // Usage and configuration errors: 2, do not retry.
  struct Case {
    std::string args, env, message;
  };
  for (const Case& c : std::vector<Case>{
           {shard + x + "", "env -u SLURM_ARRAY_TASK_ID -u JOB_COMPLETION_INDEX", "no shard index"},
           {shard + x + " --shard-index 2", "", "is not in 0..1"},
           {shard + x + "", "SLURM_ARRAY_TASK_ID=1x", "is not in 0..1"},
           {"batch --manifest " + (dir / "none.tsv").string() + " --shard-count 2 --shard-index 0 "
            "--db " + x, "", "cannot open the manifest"},
           {shard + x + " --shard-index 0 --rules " + dir.string(), "", "no *.rules files"},
           {"batch --shard-count 2 --db " + x + " " + docs.string(), "", "need --manifest"},
           {shard + x + " --shard-index 0 " + docs.string(), "", "takes no PATH"},
       }) {
    INFO(c.args);
    Run u = Jixiao(c.args, dir, c.env);
    if (c.message.empty()) {
      CHECK(u.rc == 0);
      continue;
    }
    CHECK(u.rc == 2);
    CHECK(u.err.find(c.message) != std::string::npos);
  }
  {
    fs::path rules = dir / "rules";
    fs::create_directories(rules);
    std::ofstream(rules / "bad.rules") << "score.value = (\n";
    Run u = Jixiao(shard + (dir / "r.db").string() + " --shard-index 0 --rules " + rules.string(),
                   dir);
    CHECK(u.rc == 2);
    CHECK_FALSE(fs::exists(dir / "r.db"));
  }
  // A file that cannot be opened: a transient error (75), and no shard database is written; a
  // retry once it is back replaces nothing half-done.
  const fs::path k0 = dir / "k-0.db";
  const std::string before = Rows(k0, "SELECT * FROM shard_runs");
  fs::path victim;
  {
    auto read = ReadManifest(m.string());
    REQUIRE(read.ok());
    for (const auto& e : read->entries) {
      if (ShardOf(e.hash, 2) == 0) victim = e.path;
    }
  }
  REQUIRE_FALSE(victim.empty());
  fs::rename(victim, dir / "away");
  Run t = Jixiao(shard + k0.string() + " --shard-index 0", dir);
  CHECK(t.rc == 75);
  CHECK(t.err.find("not written") != std::string::npos);
  CHECK(Rows(k0, "SELECT * FROM shard_runs") == before);  // the old shard is untouched
  for (const auto& e : fs::directory_iterator(dir)) {
    CHECK(e.path().string().find(".tmp.") == std::string::npos);  // no leftover
  }
  // A file changed since the plan: recorded as failed under the planned hash, exit 0.
  fs::copy_file(kSrc + "/corpus/styles/district-water-bureau-2025.txt", victim);
  Run c = Jixiao(shard + k0.string() + " --shard-index 0", dir);
  CHECK(c.rc == 0);
  CHECK(Count(k0, "SELECT count(*) FROM documents WHERE status = 'failed' AND error LIKE "
                  "'%changed since the plan%'") == 1);
  CHECK(Count(k0, "SELECT count(*) FROM documents WHERE hash = '" +
                      Sha256Hex(ReadFileBytes(victim)) + "'") == 0);
}

}  // namespace
}  // namespace jixiao
