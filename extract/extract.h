// Reading a PDF (with poppler-cpp) or a text file into raw pages, and the whole
// read-and-normalize step that the audit starts from.
#ifndef JIXIAO_EXTRACT_EXTRACT_H_
#define JIXIAO_EXTRACT_EXTRACT_H_

#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/status.h"

namespace jixiao {

struct ExtractOptions {
  int max_pages = 2000;        // more pages than this: Status::kLimit
  double max_seconds = 120;    // wall-clock bound for one document: Status::kLimit
  int threads = 0;             // PDF pages extracted in parallel; 0 = hardware concurrency
};

// Reads `path` into raw pages. A file ending in .txt (or any file that is not a PDF but is valid
// UTF-8 text) is read as text: a line that begins with a space (U+0020) starts a new page, as in
// the text of the sample corpus; every other line continues the current page. PDFs are read with
// poppler-cpp, page by page, keeping each character's box.
//
// Errors (each message starts with the path): not found, unreadable, empty file, not a PDF,
// encrypted, corrupt or truncated, no pages, no text layer (scanned), over the limits.
Result<std::vector<RawPage>> ReadPages(const std::string& path, const ExtractOptions& options = {});

// ReadPages + Normalize: the document every audit starts from.
Result<Document> LoadDocument(const std::string& path, const ExtractOptions& options = {});

}  // namespace jixiao

#endif  // JIXIAO_EXTRACT_EXTRACT_H_
