// Reading a PDF (with poppler-cpp, in the PDF reader process) or a text file into raw pages, the
// whole read-and-normalize step that the audit starts from, and page images of a PDF.
#ifndef JIXIAO_EXTRACT_EXTRACT_H_
#define JIXIAO_EXTRACT_EXTRACT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/status.h"

namespace jixiao {

struct ExtractOptions {
  int max_pages = 2000;           // more pages than this: Status::kLimit
  double max_seconds = 120;       // wall-clock bound for one document: Status::kLimit
  int64_t max_memory_mib = 1024;  // peak resident memory of the PDF reader process, MiB (2^20 B)
  int threads = 0;                // PDF pages extracted in parallel; 0 = hardware concurrency

  // How a PDF is read (text files are always read in this process):
  //
  // `reader` set: the path of the PDF reader executable (jixiao-pdf-reader, see extract/reader.h).
  // Each PDF is read by a child process running it, which the calling thread watches: at
  // max_seconds after ReadPages started, or as soon as the child's peak resident memory while
  // reading this document exceeds max_memory_mib, the child is killed (SIGKILL) and the result is
  // Status::kLimit. A child that dies of a signal (a crash inside Poppler) gives Status::kCorrupt;
  // one that cannot be started or answers nonsense gives Status::kInternal. Either way this
  // process goes on. A thread keeps its reader for its next PDF after a clean read while the
  // reader stays small (see extract/child.cc); the reader ends when the thread does.
  //
  // `reader` empty: the PDF is read in this process (fuzz targets, unit tests; only in programs
  // that link Poppler and call InstallInProcessPdf below). Then max_seconds is only checked before
  // each page is started (one page cannot be interrupted) and max_memory_mib is not enforced.
  std::string reader;
};

// Reads `path` into raw pages. A file ending in .txt (or any file that is not a PDF but is valid
// UTF-8 text) is read as text: a line that begins with a space (U+0020) starts a new page, as in
// the text of the sample corpus; every other line continues the current page. PDFs are read with
// poppler-cpp, page by page, keeping each character's box.
//
// Errors (each message starts with the path): not found, unreadable, empty file, not a PDF,
// encrypted, corrupt or truncated, no pages, no text layer (scanned), over the limits, and (with
// options.reader) a reader process that crashed or could not be started. The pages are the same,
// byte for byte and box for box, whether read in this process or by the reader.
Result<std::vector<RawPage>> ReadPages(const std::string& path, const ExtractOptions& options = {});

// ReadPages + Normalize: the document every audit starts from.
Result<Document> LoadDocument(const std::string& path, const ExtractOptions& options = {});

// 8-bit RGB pixels, row by row, no padding.
struct RgbImage {
  int width = 0, height = 0;
  std::vector<uint8_t> pixels;  // width * height * 3
};

// Renders the 1-based `pages` of the PDF at `path` at `dpi`, as displayed (the page's /Rotate
// applied, crop box): the space of finding boxes, a point (x, y) of a box is pixel
// (x * dpi / 72, y * dpi / 72). One image per page asked for, in that order. Like ReadPages, by a
// reader process under options' bounds when options.reader is set (a PDF that crashes Poppler
// cannot take this process down), else in this process. Errors name the file: not found, not a
// PDF, damaged, encrypted, no such page, cannot render, over the bounds.
Result<std::vector<RgbImage>> RenderPages(const std::string& path, const std::vector<int>& pages,
                                          double dpi, const ExtractOptions& options = {});

// Lets ReadPages and RenderPages read a PDF in this process when options.reader is empty (unit
// tests, fuzzing, benchmarks): defined in the jixiao_pdf library (Poppler), which such a program
// links. Without it a PDF is read only by a reader process, and options.reader empty is an error:
// the jixiao executable never loads Poppler itself.
void InstallInProcessPdf();

}  // namespace jixiao

#endif  // JIXIAO_EXTRACT_EXTRACT_H_
