// Text input: the extracted text of the sample corpus. A line that begins with a space starts a
// new page (that is how the corpus marks page breaks); every other line continues the page.
#include <string>
#include <vector>

#include "extract/extract_internal.h"

namespace jixiao::internal {

namespace {

// True if `s` is well-formed UTF-8 without NUL bytes.
bool IsUtf8Text(const std::string& s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0) return false;
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > n) return false;
    for (int k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

}  // namespace

Result<std::vector<RawPage>> ReadTextPages(const std::string& path, const std::string& bytes,
                                           const ExtractOptions& options) {
  std::string text = bytes;
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);  // UTF-8 BOM
  if (!IsUtf8Text(text)) {
    return Status(Status::Code::kNotPdf, path + ": neither a PDF nor UTF-8 text");
  }
  std::vector<RawPage> pages;
  RawPage cur;
  cur.number = 1;
  cur.first_line = 1;
  int lineno = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    pos = nl + 1;
    ++lineno;
    if (!line.empty() && line[0] == ' ' && lineno > 1 && !cur.text.empty()) {
      pages.push_back(std::move(cur));
      cur = RawPage();
      cur.number = static_cast<int>(pages.size()) + 1;
      cur.first_line = lineno;
    }
    cur.text += line;
    cur.text += '\n';
  }
  pages.push_back(std::move(cur));
  if (static_cast<int>(pages.size()) > options.max_pages) {
    return Status(Status::Code::kLimit, path + ": " + std::to_string(pages.size()) +
                                            " pages, more than --max-pages " +
                                            std::to_string(options.max_pages));
  }
  bool any = false;
  for (const auto& p : pages) {
    for (char c : p.text) {
      if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
        any = true;
        break;
      }
    }
  }
  if (!any) return Status(Status::Code::kEmpty, path + ": no text in file");
  return pages;
}

}  // namespace jixiao::internal
