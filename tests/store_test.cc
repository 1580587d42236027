// The batch store as a library: hand-built AuditResults written, replaced, compared across years
// and merged.
#include "store/store.h"

#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>

#include "store/content_hash.h"
#include "store/figures.h"
#include "store/file_stat.h"
#include "store/query.h"
#include "tests/test_util.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;

std::string TempDb(const std::string& name) { return test::TempDb("store-test", name); }

int64_t Count(const std::string& db, const std::string& sql) { return test::CountOf(db, sql); }

CheckResult Check(CheckId id, std::vector<std::string> path, std::string stated, int page = 1) {
  CheckResult c;
  c.check = id;
  c.path = std::move(path);
  c.stated = std::move(stated);
  c.page = page;
  c.line = 10 * page;
  c.quote = "quote p" + std::to_string(page);
  return c;
}

DocumentRecord Record(const std::string& path, const std::string& department, int year) {
  DocumentRecord rec;
  rec.path = path;
  rec.hash = Sha256Hex(path + department + std::to_string(year));
  rec.size = 100;
  rec.result.document = path;
  rec.result.path = path;
  rec.result.department = department;
  rec.result.year = year;
  rec.result.pages = 3;
  return rec;
}

const Versions kV{"0.1.0", "rules-test"};
const std::string kDept = "梅州市工业和信息化局";

TEST_CASE("Sha256Hex matches the FIPS 180-4 examples", "[store]") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("Unchanged trusts a stored stat only when it is equal and not racy", "[store]") {
  const int64_t s = 1'000'000'000;
  const int64_t t = 1'800'000'000 * s;  // when the stored stat was taken
  const FileStat stored{100, t - 10 * s, t - 10 * s, 7, t};
  struct Row {
    const char* what;
    FileStat stored, now;
    int64_t margin;
    bool unchanged;
  };
  auto with = [&](FileStat f, int64_t FileStat::*field, int64_t v) {
    f.*field = v;
    return f;
  };
  const FileStat later = with(stored, &FileStat::taken_ns, t + 3600 * s);  // stat of a later run
  const Row rows[] = {
      {"equal, times well before the stat", stored, later, kRacyMarginNs, true},
      {"size differs", stored, with(later, &FileStat::size, 101), kRacyMarginNs, false},
      {"mtime differs", stored, with(later, &FileStat::mtime_ns, t - 10 * s + 1), kRacyMarginNs,
       false},
      {"mtime set back, ctime moved", stored, with(later, &FileStat::ctime_ns, t + 60 * s),
       kRacyMarginNs, false},
      {"replaced by rename", stored, with(later, &FileStat::inode, 8), kRacyMarginNs, false},
      {"mtime 1 s before the stat: racy", with(stored, &FileStat::mtime_ns, t - s),
       with(later, &FileStat::mtime_ns, t - s), kRacyMarginNs, false},
      {"ctime 2.9 s before the stat: racy", with(stored, &FileStat::ctime_ns, t - 29 * s / 10),
       with(later, &FileStat::ctime_ns, t - 29 * s / 10), kRacyMarginNs, false},
      {"mtime exactly the margin before: racy", with(stored, &FileStat::mtime_ns, t - 3 * s),
       with(later, &FileStat::mtime_ns, t - 3 * s), kRacyMarginNs, false},
      {"mtime just past the margin", with(stored, &FileStat::mtime_ns, t - 3 * s - 1),
       with(later, &FileStat::mtime_ns, t - 3 * s - 1), kRacyMarginNs, true},
      {"mtime after the stat (a clock ahead): racy", with(stored, &FileStat::mtime_ns, t + s),
       with(later, &FileStat::mtime_ns, t + s), kRacyMarginNs, false},
      {"no margin: 1 ns before the stat", with(stored, &FileStat::mtime_ns, t - 1),
       with(later, &FileStat::mtime_ns, t - 1), 0, true},
  };
  for (const Row& r : rows) {
    INFO(r.what);
    CHECK(Unchanged(r.stored, r.now, r.margin) == r.unchanged);
  }
}

TEST_CASE("HashFile gives the stat of the file it read", "[store]") {
  fs::path dir = fs::temp_directory_path() / ("jixiao-store-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path file = dir / "hashed.txt";
  std::ofstream(file, std::ios::binary | std::ios::trunc) << "abc";
  std::optional<FileStat> stat;
  auto h = HashFile(file.string(), &stat);
  REQUIRE(h.ok());
  CHECK(h->hex == Sha256Hex("abc"));
  CHECK(h->size == 3);
  REQUIRE(stat);
  auto now = StatFile(file.string());
  REQUIRE(now.ok());
  CHECK(stat->SameFile(*now));
  CHECK(stat->size == 3);
  CHECK(stat->taken_ns >= stat->mtime_ns);
  CHECK(now->taken_ns >= stat->taken_ns);
  auto missing = HashFile((dir / "missing.txt").string(), &stat);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Status::Code::kNotFound);
  CHECK(StatFile((dir / "missing.txt").string()).status().code() == Status::Code::kNotFound);
}

TEST_CASE("SplitAmount and SameAmount", "[store]") {
  struct Row {
    const char* stated;
    const char* value;
    const char* unit;
  };
  for (const Row& r : {Row{"1745.25万元", "1745.25", "万元"}, Row{"1,234.5 元", "1234.5", "元"},
                       Row{"-3%", "-3", "%"}, Row{"95", "95", ""}}) {
    std::string v, u;
    INFO(r.stated);
    REQUIRE(SplitAmount(r.stated, &v, &u));
    CHECK(v == r.value);
    CHECK(u == r.unit);
  }
  std::string v, u;
  CHECK_FALSE(SplitAmount("约100万元", &v, &u));
  CHECK_FALSE(SplitAmount("1.万元", &v, &u));

  CHECK(SameAmount("1745.25", "万元", "17452500", "元"));
  CHECK(SameAmount("1745.3", "万元", "17452500", "元"));  // within half of 0.1万元
  CHECK_FALSE(SameAmount("1745.25", "万元", "1745.35", "万元"));
  CHECK_FALSE(SameAmount("90", "%", "90", "分"));
  bool comparable = true;
  CHECK_FALSE(SameAmount("90", "%", "90", "万元", &comparable));
  CHECK_FALSE(comparable);
}

TEST_CASE("Write stores every field and Find sees it", "[store]") {
  std::string db = TempDb("write");
  auto store = Store::Open(db);
  REQUIRE(store.ok());
  DocumentRecord rec = Record("a.txt", kDept, 2023);
  rec.result.indicators.push_back({{"决策", "目标设定"}, "5", "4.5", 2, 20});
  rec.result.total = AuditResult::Total{"100", "95.5", "优", 3, 30};
  CheckResult pass = Check(CheckId::kScoreTotal, {}, "95.5");
  CheckResult fail = Check(CheckId::kRateRatio, {"产出", "完成率"}, "90.94%", 2);
  fail.verdict = Verdict::kFail;
  fail.severity = Severity::kError;
  fail.recomputed = "90.9422%";
  fail.arithmetic = "25100.43 / 27600.43 = 90.9422%";
  fail.bbox = Box{1, 2, 3, 4};
  rec.result.checks = {pass, fail};
  rec.result.findings = {fail};
  auto stored = store->Write(rec, kV, false);
  REQUIRE(stored.ok());
  CHECK(stored->errors == 1);
  CHECK(stored->department == kDept);

  auto found = store->Find(rec.hash, kV);
  REQUIRE(found.ok());
  REQUIRE(found->has_value());
  CHECK((*found)->id == stored->id);
  auto other = store->Find(rec.hash, Versions{"0.1.0", "other-rules"});
  REQUIRE(other.ok());
  CHECK_FALSE(other->has_value());

  CHECK(Count(db, "SELECT count(*) FROM indicators") == 1);
  CHECK(Count(db, "SELECT count(*) FROM checks") == 2);
  CHECK(Count(db, "SELECT count(*) FROM findings") == 1);
  CHECK(Count(db, "PRAGMA user_version") == Store::SchemaVersion());

  FindingFilter filter;
  std::vector<FindingRow> rows;
  REQUIRE(ForEachFinding(*store, filter, [&](const FindingRow& r) { rows.push_back(r); }).ok());
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].check == "rate.ratio");
  CHECK(rows[0].finding.path == std::vector<std::string>{"产出", "完成率"});
  CHECK(rows[0].finding.arithmetic == fail.arithmetic);
  REQUIRE(rows[0].finding.bbox);
  CHECK(rows[0].finding.bbox->y1 == 4);
  filter.check = "score.total";
  rows.clear();
  REQUIRE(ForEachFinding(*store, filter, [&](const FindingRow& r) { rows.push_back(r); }).ok());
  CHECK(rows.empty());

  // The same content again at another path: one document, two paths.
  DocumentRecord copy = rec;
  copy.path = "copy/a.txt";
  auto again = store->Write(copy, kV, false);
  REQUIRE(again.ok());
  CHECK(again->id == stored->id);
  CHECK(Count(db, "SELECT count(*) FROM documents") == 1);
  CHECK(Count(db, "SELECT count(*) FROM sources") == 2);
}

TEST_CASE("A changed file replaces its document, a failed one is recorded", "[store]") {
  std::string db = TempDb("replace");
  auto store = Store::Open(db);
  REQUIRE(store.ok());
  DocumentRecord rec = Record("a.txt", kDept, 2023);
  rec.result.findings.push_back(Check(CheckId::kScoreRange, {}, "12", 1));
  REQUIRE(store->Write(rec, kV, false).ok());
  rec.hash = Sha256Hex("changed");
  rec.result.findings.clear();
  auto changed = store->Write(rec, kV, false);
  REQUIRE(changed.ok());
  CHECK(Count(db, "SELECT count(*) FROM documents") == 1);
  CHECK(Count(db, "SELECT count(*) FROM findings") == 0);
  CHECK(Count(db, "SELECT count(*) FROM sources WHERE document_id = " +
                      std::to_string(changed->id)) == 1);

  DocumentRecord bad;
  bad.path = "bad.pdf";
  bad.hash = Sha256Hex("bad");
  bad.status = Status(Status::Code::kCorrupt, "bad.pdf: truncated");
  auto failed = store->Write(bad, kV, false);
  REQUIRE(failed.ok());
  CHECK(failed->failed);
  CHECK(failed->error == "bad.pdf: truncated");
  REQUIRE(store->IntegrityCheck().ok());
  CHECK(*store->IntegrityCheck() == "ok");
}

TEST_CASE("change.cross_year compares last year's figures with last year's report", "[store]") {
  std::string db = TempDb("crossyear");
  auto store = Store::Open(db);
  REQUIRE(store.ok());
  // The 2023 report states 2022's figures (change.yoy checks carry last year's value).
  DocumentRecord y2023 = Record("mz-2023.txt", kDept, 2023);
  y2023.result.checks = {
      Check(CheckId::kChangeYoy, {"部门整体支出决算数"}, "1500.00万元", 2),
      Check(CheckId::kChangeYoy, {"年初预算数"}, "1000万元", 2),
      Check(CheckId::kChangeYoy, {"项目个数"}, "12个", 3),  // not in the 2022 report
  };
  // Written first: nothing to compare with yet.
  REQUIRE(store->Write(y2023, kV, false).ok());
  CHECK(Count(db, "SELECT count(*) FROM findings") == 0);

  DocumentRecord y2022 = Record("mz-2022.txt", kDept, 2022);
  y2022.result.checks = {
      Check(CheckId::kSumBreakdown, {"部门整体支出决算数"}, "14500000.00元", 4),
      Check(CheckId::kSumBreakdown, {"年初预算数"}, "10000000元", 1),
  };
  auto w2022 = store->Write(y2022, kV, false);
  REQUIRE(w2022.ok());
  // Another department's 2022 report with the matching figure does not count.
  DocumentRecord other = Record("other-2022.txt", "梅州市财政局", 2022);
  other.result.checks = {Check(CheckId::kSumBreakdown, {"部门整体支出决算数"}, "1500万元", 1)};
  REQUIRE(store->Write(other, kV, false).ok());

  std::vector<FindingRow> rows;
  FindingFilter filter;
  filter.check = "change.cross_year";
  REQUIRE(ForEachFinding(*store, filter, [&](const FindingRow& r) { rows.push_back(r); }).ok());
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].path == "mz-2023.txt");
  CHECK(rows[0].other_path == "mz-2022.txt");
  CHECK(rows[0].finding.page == 2);
  CHECK(rows[0].other_page == 4);
  CHECK(rows[0].finding.stated == "1500.00万元");
  CHECK(rows[0].finding.recomputed == "14500000.00元");
  CHECK(rows[0].finding.severity == Severity::kWarning);

  auto stats = Stats(*store);
  REQUIRE(stats.ok());
  REQUIRE(stats->size() == 3);
  // Ordered by department (bytes of UTF-8), then year.
  CHECK((*stats)[1].department == kDept);
  CHECK((*stats)[1].year == 2023);
  CHECK((*stats)[1].cross_year == 1);
  CHECK((*stats)[1].warnings == 1);

  // The 2022 report corrected: the finding goes.
  y2022.hash = Sha256Hex("corrected");
  y2022.result.checks[0].stated = "1500万元";
  REQUIRE(store->Write(y2022, kV, false).ok());
  CHECK(Count(db, "SELECT count(*) FROM findings") == 0);
  CHECK(Count(db, "SELECT count(*) FROM documents") == 3);
}

TEST_CASE("Merge keeps one document per content and versions", "[store]") {
  std::string a = TempDb("merge-a"), b = TempDb("merge-b"), out = TempDb("merge-out");
  DocumentRecord shared = Record("shared.txt", kDept, 2023);
  shared.result.findings.push_back(Check(CheckId::kScoreTotal, {}, "95", 1));
  shared.result.findings.back().severity = Severity::kError;
  {
    auto sa = Store::Open(a);
    REQUIRE(sa.ok());
    REQUIRE(sa->Write(Record("only-a.txt", kDept, 2022), kV, false).ok());
    REQUIRE(sa->Write(shared, kV, false).ok());
    auto sb = Store::Open(b);
    REQUIRE(sb.ok());
    REQUIRE(sb->Write(shared, kV, false).ok());
    REQUIRE(sb->Write(Record("only-b.txt", kDept, 2024), kV, false).ok());
  }
  auto so = Store::Open(out);
  REQUIRE(so.ok());
  auto ca = so->Merge(a);
  REQUIRE(ca.ok());
  CHECK(ca->documents_added == 2);
  auto cb = so->Merge(b);
  REQUIRE(cb.ok());
  CHECK(cb->documents_added == 1);
  CHECK(cb->documents_present == 1);
  auto again = so->Merge(b);
  REQUIRE(again.ok());
  CHECK(again->documents_added == 0);
  CHECK(Count(out, "SELECT count(*) FROM documents") == 3);
  CHECK(Count(out, "SELECT count(*) FROM sources") == 3);
  CHECK(Count(out, "SELECT count(*) FROM findings") == 1);
  CHECK(Count(out, "SELECT count(DISTINCT hash) FROM documents") == 3);
  CHECK(*so->IntegrityCheck() == "ok");
}

TEST_CASE("Merge keeps, for a path known to both, the document audited last", "[store]") {
  std::string a = TempDb("conflict-a"), b = TempDb("conflict-b"), out = TempDb("conflict-out");
  DocumentRecord old_rec = Record("p.txt", kDept, 2023);
  DocumentRecord new_rec = Record("p.txt", kDept, 2023);
  new_rec.hash = Sha256Hex("new content");
  {
    auto sa = Store::Open(a);
    REQUIRE(sa.ok());
    REQUIRE(sa->Write(old_rec, kV, false).ok());
    auto sb = Store::Open(b);
    REQUIRE(sb.ok());
    REQUIRE(sb->Write(new_rec, kV, false).ok());
  }
  {
    SQLite::Database da(a, SQLite::OPEN_READWRITE);
    da.exec("UPDATE documents SET audited_at = '2026-01-01T00:00:00Z'");
    SQLite::Database db(b, SQLite::OPEN_READWRITE);
    db.exec("UPDATE documents SET audited_at = '2026-02-01T00:00:00Z'");
  }
  const std::string new_hash =
      "SELECT d.hash FROM sources s JOIN documents d ON d.id = "
      "s.document_id WHERE s.path = 'p.txt'";
  for (const auto& order : {std::vector<std::string>{a, b}, std::vector<std::string>{b, a}}) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(out + suffix);
    auto so = Store::Open(out);
    REQUIRE(so.ok());
    for (const auto& in : order) REQUIRE(so->Merge(in).ok());
    CHECK(Count(out, "SELECT count(*) FROM documents") == 1);
    SQLite::Database d(out, SQLite::OPEN_READONLY);
    CHECK(d.execAndGet(new_hash).getString() == new_rec.hash);
  }
}

// Every (path, stat) ForEachSource gives for kV, checking that the paths come in byte order.
std::map<std::string, FileStat> Sources(Store& store, const std::string& first = "",
                                        const std::string& last = "\xff") {
  std::map<std::string, FileStat> out;
  std::string previous;
  auto add = [&](const std::string& path, const FileStat& st, const StoredDocument&) {
    CHECK(previous < path);
    previous = path;
    out.emplace(path, st);
  };
  REQUIRE(store.ForEachSource(kV, first, last, add).ok());
  return out;
}

TEST_CASE("Write and Touch keep the stat a path was read with", "[store]") {
  std::string db = TempDb("stat");
  auto store = Store::Open(db);
  REQUIRE(store.ok());
  DocumentRecord rec = Record("a.txt", kDept, 2023);
  rec.stat = FileStat{100, 11, 12, 13, 14};
  auto stored = store->Write(rec, kV, false);
  REQUIRE(stored.ok());
  auto sources = Sources(*store);
  REQUIRE(sources.count("a.txt") == 1);
  CHECK(sources["a.txt"] == *rec.stat);
  CHECK(Sources(*store).size() == 1);
  // Other versions see no stat: their documents are not current.
  int other = 0;
  auto count = [&](const std::string&, const FileStat&, const StoredDocument&) { ++other; };
  REQUIRE(store->ForEachSource(Versions{"0.1.0", "other"}, "", "\xff", count).ok());
  CHECK(other == 0);

  // Touched with an equal stat: nothing is written.
  const std::string seen = "SELECT seen_at || stat_at_ns FROM sources WHERE path = 'a.txt'";
  {
    SQLite::Database d(db, SQLite::OPEN_READWRITE);
    d.exec("UPDATE sources SET seen_at = 'then'");
  }
  REQUIRE(store->Touch("a.txt", stored->id, rec.stat).ok());
  {
    SQLite::Database d(db, SQLite::OPEN_READONLY);
    CHECK(d.execAndGet(seen).getString() == "then14");
  }
  // Read again later (the file was touched): the new stat replaces the old, seen_at stays.
  FileStat later{100, 21, 22, 13, 24};
  REQUIRE(store->Touch("a.txt", stored->id, later).ok());
  CHECK(Sources(*store)["a.txt"] == later);
  {
    SQLite::Database d(db, SQLite::OPEN_READONLY);
    CHECK(d.execAndGet(seen).getString() == "then24");
  }
  // A copy at another path has its own stat; no stat means none is kept.
  DocumentRecord copy = rec;
  copy.path = "b.txt";
  copy.stat.reset();
  REQUIRE(store->Write(copy, kV, false).ok());
  CHECK(Sources(*store).size() == 1);
  REQUIRE(store->Touch("b.txt", stored->id, FileStat{100, 31, 32, 33, 34}).ok());
  CHECK(Sources(*store)["b.txt"].inode == 33);
  CHECK(Sources(*store).size() == 2);
  // Only the paths in the range asked for.
  CHECK(Sources(*store, "b", "b.txt").size() == 1);
  CHECK(Sources(*store, "a.txt", "a.txt").size() == 1);
  CHECK(Sources(*store, "a.txu", "b.txs").empty());

  // Replaced (--force): the other path moves to the new row with its stat.
  rec.stat = FileStat{100, 41, 42, 13, 44};
  auto replaced = store->Write(rec, kV, /*replace=*/true);
  REQUIRE(replaced.ok());
  CHECK(Count(db, "SELECT count(*) FROM documents") == 1);
  sources = Sources(*store);
  CHECK(sources["a.txt"] == *rec.stat);
  CHECK(sources["b.txt"].inode == 33);
  CHECK(Count(db, "SELECT count(*) FROM sources WHERE document_id = " +
                      std::to_string(replaced->id)) == 2);

  // A path merged from another database to another document loses its stat: the other
  // database's document is newer, and this machine's file was read as the old one.
  std::string other_db = TempDb("stat-other");
  {
    auto o = Store::Open(other_db);
    REQUIRE(o.ok());
    DocumentRecord newer = Record("a.txt", kDept, 2023);
    newer.hash = Sha256Hex("newer");
    newer.stat = FileStat{200, 51, 52, 53, 54};
    REQUIRE(o->Write(newer, kV, false).ok());
    DocumentRecord elsewhere = Record("c.txt", kDept, 2024);
    elsewhere.stat = FileStat{300, 61, 62, 63, 64};
    REQUIRE(o->Write(elsewhere, kV, false).ok());
  }
  {
    SQLite::Database d(other_db, SQLite::OPEN_READWRITE);
    d.exec("UPDATE documents SET audited_at = '2999-01-01T00:00:00Z'");
  }
  REQUIRE(store->Merge(other_db).ok());
  CHECK(Count(db, "SELECT count(*) FROM sources") == 3);
  sources = Sources(*store);
  CHECK(sources.count("a.txt") == 0);
  CHECK(sources.count("c.txt") == 0);
  CHECK(sources.count("b.txt") == 1);
}

TEST_CASE("A version-1 database upgrades: its paths keep their documents, without stats",
          "[store]") {
  std::string db = TempDb("v1");
  {
    SQLite::Database d(db, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    std::ifstream in(std::string(JIXIAO_SOURCE_DIR) + "/store/schema/001_initial.sql");
    std::stringstream sql;
    sql << in.rdbuf();
    REQUIRE(sql.str().find("CREATE TABLE sources") != std::string::npos);
    d.exec(sql.str());
    d.exec("PRAGMA user_version = 1");
    d.exec(
        "INSERT INTO documents (id, hash, jixiao_version, rules_version, path, name, size, "
        "status, audited_at) VALUES (5, 'h', '0.1.0', 'rules-test', 'a.txt', 'a', 3, 'ok', "
        "'2026-01-01T00:00:00Z')");
    d.exec("INSERT INTO sources (path, document_id, seen_at) VALUES ('a.txt', 5, 'then')");
  }
  auto store = Store::Open(db);
  REQUIRE(store.ok());
  CHECK(Count(db, "PRAGMA user_version") == Store::SchemaVersion());
  CHECK(Store::SchemaVersion() >= 2);
  CHECK(Count(db,
              "SELECT count(*) FROM sources WHERE path = 'a.txt' AND document_id = 5 AND "
              "seen_at = 'then' AND size IS NULL AND stat_at_ns IS NULL") == 1);
  CHECK(Sources(*store).empty());
  REQUIRE(store->Touch("a.txt", 5, FileStat{3, 1, 2, 3, 4}).ok());
  CHECK(Sources(*store)["a.txt"] == FileStat{3, 1, 2, 3, 4});
  CHECK(*store->IntegrityCheck() == "ok");
  // Opening again changes nothing.
  auto again = Store::Open(db);
  REQUIRE(again.ok());
  CHECK(Count(db, "PRAGMA user_version") == Store::SchemaVersion());
}

TEST_CASE("A database from a newer jixiao is refused", "[store]") {
  std::string db = TempDb("newer");
  {
    SQLite::Database d(db, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    d.exec("PRAGMA user_version = 999");
  }
  auto store = Store::Open(db);
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().message().find("newer") != std::string::npos);
}

}  // namespace
}  // namespace jixiao
