// The extracted document: raw pages as the extractor produced them, and the normalized text that
// every later stage reads, with a link from each normalized byte back to its page, source line and
// (for PDFs) its box on the page.
#ifndef JIXIAO_EXTRACT_DOCUMENT_H_
#define JIXIAO_EXTRACT_DOCUMENT_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

// A rectangle on a page in PDF points, origin at the top-left corner of the page (y grows down),
// as poppler-cpp reports text boxes.
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  Box Union(const Box& o) const;
};

// One page as extracted, before normalization.
struct RawPage {
  int number = 0;      // 1-based page number in the file
  std::string text;    // UTF-8; lines separated by '\n'
  // For PDFs: one box per byte of `text` (every byte of a multi-byte character carries the
  // character's box; '\n' and synthetic spaces carry an empty box). Empty for text input.
  std::vector<Box> boxes;
  double width = 0, height = 0;  // page size in points (0 for text input)
  int first_line = 1;  // 1-based number, in the whole source, of this page's first line
};

// A span of Document::text, [begin, end).
struct Span {
  size_t begin = 0, end = 0;
  bool empty() const { return end <= begin; }
};

// Where a normalized byte came from.
struct Origin {
  uint32_t page = 0;    // 1-based page number
  uint32_t line = 0;    // 1-based line in the source (the .txt file; for PDFs, the concatenated pages)
  uint32_t offset = 0;  // byte offset in RawPage::text of that page
};

// The input to the audit: normalized text plus its map back to the source.
//
// `text` is UTF-8 in NFKC form except that Chinese sentence punctuation (，：；！？) is kept
// full-width; digits, letters, %, brackets and the decimal point are half-width. Hard-wrapped lines
// are joined into logical lines ('\n'-separated), spaces between Chinese characters are removed,
// page-number lines and repeated page headers are dropped, LaTeX fragments are plain text.
struct Document {
  std::string path;                  // as given on the command line
  std::string name;                  // file name without directory and extension
  bool is_pdf = false;
  std::vector<RawPage> pages;
  std::string text;                  // normalized text
  std::vector<Origin> origins;       // origins.size() == text.size()
  // `text` in the document's own characters, when they were not all read as written: a filing in
  // traditional characters is read in simplified ones (extract/hans.h), byte for byte the same
  // length, so every span of `text` is a span of `written`. Empty when `text` is as written.
  std::string written;
  // For AsWritten: each simplified character that converted characters became, and the one they
  // were, where only one was (发 from both 發 and 髮, or also written 发, is not in it).
  std::map<std::string, std::string> written_chars;

  int PageAt(size_t offset) const;   // 1-based page of a normalized byte (0 if out of range)
  int LineAt(size_t offset) const;   // source line of a normalized byte (0 if out of range)
  // The union of the boxes of the source characters behind text[begin, end), on the page of
  // `begin`; nullopt for text input or when no character has a box.
  std::optional<Box> BoxOf(size_t begin, size_t end) const;
  // The original (un-normalized) source text behind text[begin, end), when it lies on one page.
  std::string SourceText(size_t begin, size_t end) const;
  // `text`, or `written` when it is set: what a quote shows.
  const std::string& Written() const { return written.empty() ? text : written; }
  // A string taken from `text` (an indicator name, a title) in the document's own characters,
  // character by character through `written_chars`; `s` when nothing was converted.
  std::string AsWritten(std::string_view s) const;
};

}  // namespace jixiao

#endif  // JIXIAO_EXTRACT_DOCUMENT_H_
