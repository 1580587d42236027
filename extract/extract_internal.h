// Private to extract/: the readers behind ReadPages, and what they share.
#ifndef JIXIAO_EXTRACT_EXTRACT_INTERNAL_H_
#define JIXIAO_EXTRACT_EXTRACT_INTERNAL_H_

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/extract.h"
#include "extract/status.h"

namespace jixiao::internal {

using Clock = std::chrono::steady_clock;

// `bytes` is the whole file. Pages split on lines that begin with a space.
Result<std::vector<RawPage>> ReadTextPages(const std::string& path, const std::string& bytes,
                                           const ExtractOptions& options);

// What ReadPdfPages reports as it goes (the reader process passes it on to its parent). The
// callbacks run on the reading threads, several at once; any of them may be empty.
struct PdfProgress {
  std::function<void(int pages)> opened;       // the page count, once it is within max_pages
  std::function<void(int page)> page_started;  // 1-based
  std::function<void(int page)> page_done;     // 1-based
};

// `bytes` is the whole file, starting with %PDF (or not: then kNotPdf). In this process;
// options.reader and options.max_memory_mib are ignored.
Result<std::vector<RawPage>> ReadPdfPages(const std::string& path, const std::string& bytes,
                                          const ExtractOptions& options,
                                          const PdfProgress* progress = nullptr);

// `bytes` is the whole file: its 1-based `pages` rendered at `dpi` (see RenderPages), in this
// process. With `each`, every image goes to it as soon as it is drawn (and the result is empty).
using RenderedPage = std::function<void(int page, RgbImage&& image)>;
Result<std::vector<RgbImage>> RenderPdfPages(const std::string& path, const std::string& bytes,
                                             const std::vector<int>& pages, double dpi,
                                             const RenderedPage& each = {});

// The in-process PDF functions above (pdf.cc), when the program has installed them
// (InstallInProcessPdf); null otherwise: then ReadPages and RenderPages need a reader process.
struct InProcessPdf {
  Result<std::vector<RawPage>> (*read)(const std::string& path, const std::string& bytes,
                                       const ExtractOptions& options, const PdfProgress* progress);
  Result<std::vector<RgbImage>> (*render)(const std::string& path, const std::string& bytes,
                                          const std::vector<int>& pages, double dpi,
                                          const RenderedPage& each);
};
const InProcessPdf* InstalledPdf();
void SetInProcessPdf(const InProcessPdf* pdf);
void InstallInProcessPdfFunctions();  // pdf.cc: ReadPdfPages and RenderPdfPages

// Poppler's messages on stderr off, once per process (the Status says what went wrong).
void SilencePoppler();

// What a reader process is asked to render instead of reading the text, and where the images go.
struct RenderJob {
  std::vector<int> pages;  // 1-based
  double dpi = 0;
  std::vector<RgbImage>* images = nullptr;  // in the order of `pages`
};

// The PDF open as `fd` (a file of `size` bytes, starting with %PDF), read by a child process
// running options.reader under options' bounds (see ExtractOptions), or with `render` its pages
// rendered (the pages of the result are then empty). Does not close `fd`.
Result<std::vector<RawPage>> ReadPdfInChild(const std::string& path, int fd, int64_t size,
                                            const ExtractOptions& options,
                                            const RenderJob* render = nullptr);

// `seconds` after `start`; time_point::max() for bounds beyond 1e9 s (and NaN), rather than
// overflow the clock. Negative counts as 0.
Clock::time_point DeadlineAfter(Clock::time_point start, double seconds);
// `seconds` as the user wrote it: 1, 0.5, 120.
std::string FormatSeconds(double seconds);

}  // namespace jixiao::internal

#endif  // JIXIAO_EXTRACT_EXTRACT_INTERNAL_H_
