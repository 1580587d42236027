// PDFs read in the reader process (ExtractOptions::reader): the same pages and errors as in
// process, bit for bit; the wire format round-trips and rejects every truncation; and the parent
// turns each way a reader can fail (crash, silence, garbage, too slow, too big, missing) into one
// Status while it goes on. Fake readers are small shell scripts.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <thread>
#include <vector>

#include "extract/extract.h"
#include "extract/wire.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string Corpus(const std::string& name) {
  return std::string(JIXIAO_SOURCE_DIR) + "/corpus/" + name;
}

bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

ExtractOptions InReader() {
  ExtractOptions o;
  o.reader = JIXIAO_PDF_READER;
  return o;
}

bool SameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// Every field of every page, doubles compared bit for bit.
void RequireSamePages(const std::vector<RawPage>& a, const std::vector<RawPage>& b) {
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].number == b[i].number);
    CHECK(a[i].first_line == b[i].first_line);
    CHECK(SameBits(a[i].width, b[i].width));
    CHECK(SameBits(a[i].height, b[i].height));
    CHECK(a[i].text == b[i].text);
    REQUIRE(a[i].boxes.size() == b[i].boxes.size());
    if (!a[i].boxes.empty()) {
      CHECK(std::memcmp(a[i].boxes.data(), b[i].boxes.data(), a[i].boxes.size() * sizeof(Box)) ==
            0);
    }
  }
}

// A fake reader: an executable shell script with `body`, in a directory removed at the end.
class FakeReader {
 public:
  explicit FakeReader(const std::string& body) {
    dir_ = fs::temp_directory_path() /
           ("jixiao_fake_reader_" + std::to_string(::getpid()) + "_" + std::to_string(++count_));
    fs::create_directories(dir_);
    path_ = (dir_ / "reader").string();
    std::ofstream(path_) << "#!/bin/sh\n" << body << "\n";
    ::chmod(path_.c_str(), 0755);
  }
  ~FakeReader() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  ExtractOptions Options() const {
    ExtractOptions o;
    o.reader = path_;
    return o;
  }

 private:
  static inline int count_ = 0;
  fs::path dir_;
  std::string path_;
};

double SecondsSince(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

TEST_CASE("the reader process gives the pages of reading in process, bit for bit", "[reader]") {
  for (const char* name :
       {"lechang-county-2024.pdf", "meizhou-city-2021.pdf", "meizhou-city-2024.pdf",
        "hostile/page-tree-cycle.pdf", "hostile/deep-arrays.pdf", "hostile/huge-page.pdf",
        "hostile/form-recursion.pdf", "hostile/many-text-objects.pdf"}) {
    INFO(name);
    auto here = ReadPages(Corpus(name));
    auto there = ReadPages(Corpus(name), InReader());
    REQUIRE(here.ok());
    REQUIRE(there.ok());
    RequireSamePages(*here, *there);
  }
}

TEST_CASE("the reader process gives the errors of reading in process", "[reader]") {
  for (const char* name :
       {"bad/empty.pdf", "bad/encrypted.pdf", "bad/not-a-pdf.pdf", "bad/scanned-no-text.pdf",
        "bad/truncated.pdf", "hostile/many-pages.pdf", "hostile/huge-count.pdf", "no-such.pdf"}) {
    INFO(name);
    auto here = ReadPages(Corpus(name));
    auto there = ReadPages(Corpus(name), InReader());
    REQUIRE_FALSE(here.ok());
    REQUIRE_FALSE(there.ok());
    CHECK(here.status().code() == there.status().code());
    CHECK(here.status().message() == there.status().message());
  }
  // .txt files never go to the reader: a reader that cannot start changes nothing.
  ExtractOptions missing;
  missing.reader = "/nonexistent/jixiao-pdf-reader";
  CHECK(ReadPages(Corpus("lechang-county-2024.txt"), missing).ok());
}

// The children of the calling thread, as the kernel lists them.
std::string ThreadChildren() {
  std::ifstream in("/proc/self/task/" + std::to_string(::gettid()) + "/children");
  std::string s;
  std::getline(in, s);
  return s;
}

constexpr bool kReadersKept = true;

TEST_CASE("a thread's reader reads its next PDFs too, with the same pages and bounds", "[reader]") {
  std::vector<std::string> names = {"lechang-county-2024.pdf", "meizhou-city-2021.pdf",
                                    "meizhou-city-2024.pdf", "hostile/many-text-objects.pdf"};
  std::vector<std::vector<RawPage>> alone;
  for (const auto& n : names) {
    auto r = ReadPages(Corpus(n));
    REQUIRE(r.ok());
    alone.push_back(*r);
  }
  // On a new thread (no reader yet): each document twice over, then a document over a bound,
  // one after it, and a document that fails. What the thread saw is checked here afterwards.
  struct Step {
    std::string name;
    Result<std::vector<RawPage>> pages;
    std::string children;  // the thread's child processes after the step
  };
  std::vector<Step> steps;
  std::string before;
  std::thread([&] {
    before = ThreadChildren();
    ExtractOptions o = InReader();
    ExtractOptions small = o;
    small.max_memory_mib = 64;
    auto step = [&](const std::string& name, const ExtractOptions& options) {
      steps.push_back({name, ReadPages(Corpus(name), options), ThreadChildren()});
    };
    for (int round = 0; round < 2; ++round) {
      for (const auto& n : names) step(n, o);
    }
    step("hostile/many-words.pdf", small);
    step(names[0], o);
    step("bad/encrypted.pdf", o);
  }).join();

  CHECK(before.empty());
  REQUIRE(steps.size() == 2 * names.size() + 3);
  const std::string first = steps[0].children;
  for (size_t i = 0; i < 2 * names.size(); ++i) {
    INFO(steps[i].name);
    REQUIRE(steps[i].pages.ok());
    RequireSamePages(alone[i % names.size()], *steps[i].pages);
    // One reader, waiting for the next PDF: the same process every time.
    if (kReadersKept) CHECK(steps[i].children == first);
  }
  if (kReadersKept) CHECK(std::count(first.begin(), first.end(), ' ') == 1);
  // Over a bound: the reader is killed, and the next document gets a new one.
  const Step& over = steps[2 * names.size()];
  REQUIRE_FALSE(over.pages.ok());
  CHECK(Contains(over.pages.status().message(), "--max-memory 64 MiB (killed at "));
  CHECK(over.children.empty());
  const Step& after = steps[2 * names.size() + 1];
  REQUIRE(after.pages.ok());
  RequireSamePages(alone[0], *after.pages);
  if (kReadersKept) {
    CHECK_FALSE(after.children.empty());
    CHECK(after.children != first);
  }
  // A document that fails is not followed in the same reader.
  const Step& failed = steps.back();
  CHECK_FALSE(failed.pages.ok());
  CHECK(failed.children.empty());
}

TEST_CASE("reader processes run side by side from several threads", "[reader]") {
  auto want = ReadPages(Corpus("meizhou-city-2024.pdf"));
  REQUIRE(want.ok());
  constexpr int kThreads = 4, kEach = 3;
  std::vector<int> good(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      ExtractOptions o = InReader();
      o.threads = 1;
      for (int i = 0; i < kEach; ++i) {
        auto got = ReadPages(Corpus("meizhou-city-2024.pdf"), o);
        if (got.ok() && got->size() == want->size() && got->back().text == want->back().text) {
          ++good[static_cast<size_t>(t)];
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  for (int g : good) CHECK(g == kEach);
}

TEST_CASE("bounds through the reader: time, memory, pages", "[reader]") {
  SECTION("a page that inflates a terabyte is killed at --max-seconds") {
    // endless-flate.pdf takes hours on any machine, so the kill is the bound's whatever the
    // machine's speed. 2 s: the reader is on page 1 after 0.1 s (0.3 s sanitized).
    ExtractOptions o = InReader();
    o.max_seconds = 2;
    auto start = Clock::now();
    auto r = ReadPages(Corpus("hostile/endless-flate.pdf"), o);
    double secs = SecondsSince(start);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Status::Code::kLimit);
    CHECK(r.status().message() == Corpus("hostile/endless-flate.pdf") +
                                      ": reading took longer than --max-seconds 2 (killed on "
                                      "page 1 of 1)");
    CHECK(secs >= 2.0);  // the deadline is wall clock: no machine reaches it sooner
    CHECK(secs < 32.0);  // and the page is hours from its end: 30 s of slack for a slow start
  }
  SECTION("--max-seconds 0 kills at once") {
    ExtractOptions o = InReader();
    o.max_seconds = 0;
    o.max_pages = 3000;
    auto r = ReadPages(Corpus("hostile/many-pages.pdf"), o);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Status::Code::kLimit);
    CHECK(Contains(r.status().message(), "longer than --max-seconds 0 (killed "));
  }
  SECTION("a reader over --max-memory is killed") {
    ExtractOptions o = InReader();
    o.max_memory_mib = 1;  // less than any process needs
    auto r = ReadPages(Corpus("lechang-county-2024.pdf"), o);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Status::Code::kLimit);
    CHECK(Contains(r.status().message(), ": reading needed more than --max-memory 1 MiB ("));
  }
  SECTION("2500 pages within --max-pages 3000") {
    ExtractOptions o = InReader();
    o.max_pages = 3000;
    auto r = ReadPages(Corpus("hostile/many-pages.pdf"), o);
    REQUIRE(r.ok());
    CHECK(r->size() == 2500);
  }
}

TEST_CASE("every way a reader can fail is one Status, and the caller goes on", "[reader]") {
  const std::string pdf = Corpus("lechang-county-2024.pdf");
  struct Case {
    const char* script;
    double max_seconds;
    int64_t max_memory_mib;
    Status::Code code;
    std::string message;       // after "PATH: "
    // Seconds. at_most only tells "stopped" from "waited for the script": each script either ends
    // at once or sleeps 30 s, so 20 s (10 for a 0.5 s bound) holds on a machine many times slower
    // than one that answers in a few milliseconds, and at_least is the bound itself (wall clock).
    double at_least, at_most;
  };
  const std::vector<Case> cases = {
      {"kill -SEGV $$", 10, 1024, Status::Code::kCorrupt,
       "the PDF reader died of signal 11 (Segmentation fault) while opening the PDF", 0, 20},
      {"kill -ABRT $$", 10, 1024, Status::Code::kCorrupt,
       "the PDF reader died of signal 6 (Aborted) while opening the PDF", 0, 20},
      {"exit 3", 10, 1024, Status::Code::kInternal,
       "the PDF reader READER exited with status 3 without an answer while opening the PDF", 0, 20},
      {"printf 'not frames'", 10, 1024, Status::Code::kInternal,
       "the PDF reader READER gave no valid answer while opening the PDF", 0, 20},
      {"exec sleep 30", 0.5, 1024, Status::Code::kLimit,
       "reading took longer than --max-seconds 0.5 (killed while opening the PDF)", 0.5, 10},
      {"exec >&-; exec sleep 30", 0.5, 1024, Status::Code::kInternal,
       "the PDF reader READER gave no valid answer while opening the PDF", 0.5, 10},
      {"exec python3 -c 'import time; b = bytearray(400 << 20); time.sleep(30)'", 20, 100,
       Status::Code::kLimit, "reading needed more than --max-memory 100 MiB (killed at ", 0, 20},
      // A valid answer (no pages) from a reader that says its peak was 10^9 KiB: over the bound
      // although no sample caught it. (Its hello names protocol 2, wire::kVersion.)
      {"exec python3 -c 'import struct, sys; r = struct.pack(\"=QBIQ\", 10**9, 0, 0, 0); "
       "sys.stdout.buffer.write(b\"H\" + struct.pack(\"=QI\", 4, 2) + b\"R\" + "
       "struct.pack(\"=Q\", len(r)) + r)'",
       20, 100, Status::Code::kLimit,
       "reading needed more than --max-memory 100 MiB (peak 976563 MiB)", 0, 20},
  };
  for (const Case& c : cases) {
    INFO(c.script);
    FakeReader fake(c.script);
    ExtractOptions o = fake.Options();
    o.max_seconds = c.max_seconds;
    o.max_memory_mib = c.max_memory_mib;
    std::string want = pdf + ": " + c.message;
    if (size_t at = want.find("READER"); at != std::string::npos) want.replace(at, 6, o.reader);
    auto start = Clock::now();
    auto r = ReadPages(pdf, o);
    double secs = SecondsSince(start);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == c.code);
    CHECK(r.status().message().compare(0, want.size(), want) == 0);
    CHECK(r.status().message().find('\n') == std::string::npos);
    CHECK(secs >= c.at_least);
    CHECK(secs < c.at_most);
  }
  ExtractOptions missing;
  missing.reader = "/nonexistent/jixiao-pdf-reader";
  auto r = ReadPages(pdf, missing);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kInternal);
  CHECK(r.status().message() == pdf +
                                    ": cannot start the PDF reader "
                                    "/nonexistent/jixiao-pdf-reader (No such file or directory)");
}

// A page with everything the format must carry exactly.
std::vector<RawPage> OddPages() {
  RawPage a;
  a.number = 7;
  a.first_line = 123;
  a.width = 595.2756;
  a.height = -0.0;
  a.text = "得分 92.5\n";
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  for (size_t i = 0; i < a.text.size(); ++i) {
    a.boxes.push_back(i < 3   ? Box{1, 2, 3, 4}
                      : i < 6 ? Box{nan, -0.0, inf, -inf}
                              : Box{0.1 * static_cast<double>(i), 5e-324, 1e308, 0});
  }
  RawPage text_only;  // a page of a .txt file: no boxes, no size
  text_only.number = 8;
  text_only.text = "plain";
  RawPage empty;
  empty.number = 9;
  return {a, text_only, empty};
}

TEST_CASE("wire: results round-trip bit for bit, truncations and junk are rejected", "[reader]") {
  namespace wire = internal::wire;
  const std::vector<RawPage> pages = OddPages();
  std::string encoded = wire::EncodeResult(pages);
  wire::SetReaderState(4242, true, &encoded);
  auto back = wire::DecodeResult(encoded);
  REQUIRE(back);
  CHECK(back->peak_kib == 4242);
  CHECK(back->stays);
  REQUIRE(back->result.ok());
  RequireSamePages(pages, *back->result);

  for (size_t n = 0; n < encoded.size(); ++n) {
    INFO(n);
    REQUIRE_FALSE(wire::DecodeResult(std::string_view(encoded).substr(0, n)));
  }
  CHECK_FALSE(wire::DecodeResult(encoded + "x"));

  Status s(Status::Code::kEncrypted, "a.pdf: the PDF is encrypted (password protected)");
  auto failed = wire::DecodeResult(wire::EncodeResult(s));
  REQUIRE(failed);
  CHECK(failed->result.status().code() == s.code());
  CHECK(failed->result.status().message() == s.message());

  // Frames: whole ones come out in order, a partial one waits for its bytes.
  std::string stream = wire::FrameHeader(wire::FrameType::kHello, 4) +
                       wire::EncodeU32(wire::kVersion) +
                       wire::FrameHeader(wire::FrameType::kResult, encoded.size()) + encoded;
  size_t pos = 0;
  auto first = wire::NextFrame(std::string_view(stream).substr(0, stream.size() - 1), &pos);
  REQUIRE(first);
  CHECK(first->type == wire::FrameType::kHello);
  CHECK(wire::DecodeU32(first->payload) == wire::kVersion);
  size_t at = pos;
  CHECK_FALSE(wire::NextFrame(std::string_view(stream).substr(0, stream.size() - 1), &pos));
  CHECK(pos == at);
  auto second = wire::NextFrame(stream, &pos);
  REQUIRE(second);
  CHECK(second->type == wire::FrameType::kResult);
  CHECK(second->payload == encoded);
  CHECK(pos == stream.size());
}

}  // namespace
}  // namespace jixiao
