// PDF input with poppler-cpp: a thin wrapper that turns Poppler's documents, pages and text boxes
// into RawPages and Poppler's failure modes into Status values. Layout lives in layout.cc.
//
// Pages are read in parallel: each thread opens its OWN poppler::document on the same bytes
// (Poppler objects are not shared between threads) and takes the next unread page from a shared
// counter; results go to their page's slot, so the output does not depend on the schedule.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <poppler-rectangle.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <climits>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "extract/extract_internal.h"
#include "extract/layout.h"

namespace jixiao::internal {

namespace {

// Poppler reports every oddity of a damaged file on stderr unless told otherwise; those reports
// are not ours to print (the Status says what went wrong).
void IgnorePopplerMessage(const std::string&, void*) {}


std::unique_ptr<poppler::document> OpenPdf(const std::string& bytes) {
  return std::unique_ptr<poppler::document>(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
}

Box ToBox(const poppler::rectf& r) { return Box{r.left(), r.top(), r.right(), r.bottom()}; }

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    *out += static_cast<char>(c);
  } else if (c < 0x800) {
    *out += static_cast<char>(0xC0 | (c >> 6));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    *out += static_cast<char>(0xE0 | (c >> 12));
    *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (c >> 18));
    *out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// A poppler text_box as a Word: UTF-16 to UTF-8 character by character, each character's bytes
// carrying that glyph's box. Poppler indexes glyph boxes by character (code point); when a complex
// script makes the counts differ, the missing boxes fall back to the word's box.
Word ToWord(const poppler::text_box& tb) {
  Word w;
  w.box = ToBox(tb.bbox());
  w.space_after = tb.has_space_after();
  const poppler::ustring u = tb.text();
  w.text.reserve(u.size() * 3);
  w.boxes.reserve(u.size() * 3);
  size_t glyph = 0;
  for (size_t i = 0; i < u.size(); ++glyph) {
    char32_t c = u[i++];
    if (c >= 0xD800 && c < 0xDC00 && i < u.size() && u[i] >= 0xDC00 && u[i] < 0xE000) {
      c = 0x10000 + ((c - 0xD800) << 10) + (u[i++] - 0xDC00);
    } else if (c >= 0xD800 && c < 0xE000) {
      c = 0xFFFD;  // unpaired surrogate
    }
    if (c == '\n' || c == '\r' || c == '\f' || c == 0) c = ' ';
    size_t before = w.text.size();
    AppendUtf8(c, &w.text);
    Box b = ToBox(tb.char_bbox(glyph));
    if (b.x1 <= b.x0 && b.y1 <= b.y0) b = w.box;  // rectf(0,0,0,0): no box for this glyph
    w.boxes.insert(w.boxes.end(), w.text.size() - before, b);
  }
  return w;
}

// Page `index` (0-based) of `doc` as a RawPage; first_line is filled in later.
RawPage ReadPage(const poppler::document& doc, int index) {
  RawPage page;
  page.number = index + 1;
  std::unique_ptr<poppler::page> p(doc.create_page(index));
  if (!p) return page;
  poppler::rectf r = p->page_rect(poppler::crop_box);
  page.width = r.width();
  page.height = r.height();
  // Text boxes come in the rotated page's coordinates.
  if (p->orientation() == poppler::page::landscape || p->orientation() == poppler::page::seascape) {
    std::swap(page.width, page.height);
  }
  std::vector<poppler::text_box> boxes = p->text_list();
  std::vector<Word> words;
  words.reserve(boxes.size());
  for (const poppler::text_box& tb : boxes) words.push_back(ToWord(tb));
  LayOutWords(std::move(words), &page);
  return page;
}

bool HasText(const RawPage& p) {
  for (char c : p.text) {
    if (c != ' ' && c != '\n') return true;
  }
  return false;
}

}  // namespace

void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(IgnorePopplerMessage, nullptr); });
}

void InstallInProcessPdfFunctions() {
  static const InProcessPdf pdf{ReadPdfPages, RenderPdfPages};
  SetInProcessPdf(&pdf);
}

Result<std::vector<RawPage>> ReadPdfPages(const std::string& path, const std::string& bytes,
                                          const ExtractOptions& options,
                                          const PdfProgress* progress) {
  const Clock::time_point start = Clock::now();
  SilencePoppler();
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    return Status(Status::Code::kLimit, path + ": file too large for Poppler (over 2 GiB)");
  }
  std::unique_ptr<poppler::document> first = OpenPdf(bytes);
  if (!first) {
    // Poppler rebuilds a damaged cross-reference table when it can; this is beyond repair.
    bool has_eof = bytes.find("%%EOF", bytes.size() > 2048 ? bytes.size() - 2048 : 0) !=
                   std::string::npos;
    return Status(Status::Code::kCorrupt,
                  path + ": the PDF is damaged or truncated" +
                      (has_eof ? std::string(" (Poppler cannot open it)")
                               : std::string(" (it ends without %%EOF; Poppler cannot open it)")));
  }
  if (first->is_locked()) {
    return Status(Status::Code::kEncrypted, path + ": the PDF is encrypted (password protected)");
  }
  const int n = first->pages();
  if (n <= 0) return Status(Status::Code::kEmpty, path + ": the PDF has no pages");
  if (n > options.max_pages) {
    return Status(Status::Code::kLimit, path + ": the PDF has " + std::to_string(n) +
                                            " pages, more than --max-pages " +
                                            std::to_string(options.max_pages));
  }

  int threads = options.threads > 0 ? options.threads
                                    : static_cast<int>(std::thread::hardware_concurrency());
  // Each thread holds its own parsed document: more than kMaxThreads only costs memory.
  constexpr int kMaxThreads = 64;
  threads = std::clamp(threads, 1, std::min(n, kMaxThreads));

  const Clock::time_point deadline = DeadlineAfter(start, options.max_seconds);
  if (progress && progress->opened) progress->opened(n);

  std::vector<RawPage> pages(static_cast<size_t>(n));
  std::atomic<int> next{0};
  std::atomic<bool> stop{false};
  std::atomic<int> stopped_at{0};  // 1-based page not read because time ran out; 0 if none
  std::mutex failure_mu;
  Status failure;

  auto work = [&](poppler::document* doc) {
    std::unique_ptr<poppler::document> own;
    try {
      if (doc == nullptr) {
        own = OpenPdf(bytes);
        if (!own || own->is_locked()) {
          throw std::runtime_error("a second copy of the document did not open");
        }
        doc = own.get();
      }
      for (;;) {
        if (stop.load(std::memory_order_relaxed)) return;
        int i = next.fetch_add(1);
        if (i >= n) return;
        if (Clock::now() > deadline) {
          int expected = 0;
          stopped_at.compare_exchange_strong(expected, i + 1);
          stop = true;
          return;
        }
        if (progress && progress->page_started) progress->page_started(i + 1);
        pages[static_cast<size_t>(i)] = ReadPage(*doc, i);
        if (progress && progress->page_done) progress->page_done(i + 1);
      }
    } catch (const std::exception& e) {
      std::lock_guard<std::mutex> lock(failure_mu);
      if (failure.ok()) {
        failure = Status(Status::Code::kInternal,
                         path + ": Poppler failed while reading the PDF (" + e.what() + ")");
      }
      stop = true;
    }
  };

  std::vector<std::thread> pool;
  pool.reserve(static_cast<size_t>(threads - 1));
  for (int t = 1; t < threads; ++t) {
    try {
      pool.emplace_back(work, nullptr);
    } catch (const std::system_error&) {
      break;  // no more threads to be had: the ones running share the pages
    }
  }
  work(first.get());
  for (std::thread& t : pool) t.join();

  if (!failure.ok()) return failure;
  if (stopped_at.load() != 0) {
    return Status(Status::Code::kLimit, path + ": reading took longer than --max-seconds " +
                                            FormatSeconds(options.max_seconds) +
                                            " (stopped before page " +
                                            std::to_string(stopped_at.load()) + " of " +
                                            std::to_string(n) + ")");
  }
  if (std::none_of(pages.begin(), pages.end(), HasText)) {
    return Status(Status::Code::kNoText,
                  path + ": no text layer (scanned image?) on " +
                      (n == 1 ? std::string("its only page")
                              : "any of its " + std::to_string(n) + " pages"));
  }
  int line = 1;
  for (RawPage& p : pages) {
    p.first_line = line;
    line += static_cast<int>(std::count(p.text.begin(), p.text.end(), '\n'));
  }
  return pages;
}

}  // namespace jixiao::internal

namespace jixiao {
void InstallInProcessPdf() { internal::InstallInProcessPdfFunctions(); }
}  // namespace jixiao
