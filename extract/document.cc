// Document: mapping normalized text back to pages, lines and boxes.
#include "extract/document.h"

#include <algorithm>

namespace jixiao {

Box Box::Union(const Box& o) const {
  return Box{std::min(x0, o.x0), std::min(y0, o.y0), std::max(x1, o.x1), std::max(y1, o.y1)};
}

int Document::PageAt(size_t offset) const {
  if (origins.empty()) return 0;
  if (offset >= origins.size()) offset = origins.size() - 1;
  return static_cast<int>(origins[offset].page);
}

int Document::LineAt(size_t offset) const {
  if (origins.empty()) return 0;
  if (offset >= origins.size()) offset = origins.size() - 1;
  return static_cast<int>(origins[offset].line);
}

std::optional<Box> Document::BoxOf(size_t begin, size_t end) const {
  if (!is_pdf || begin >= end || end > origins.size()) return std::nullopt;
  uint32_t page = origins[begin].page;
  if (page == 0 || page > pages.size()) return std::nullopt;
  const RawPage& p = pages[page - 1];
  std::optional<Box> out;
  for (size_t i = begin; i < end; ++i) {
    if (origins[i].page != page) break;
    uint32_t off = origins[i].offset;
    if (off >= p.boxes.size()) continue;
    const Box& b = p.boxes[off];
    if (b.x1 <= b.x0 || b.y1 <= b.y0) continue;
    out = out ? out->Union(b) : b;
  }
  return out;
}

std::string Document::SourceText(size_t begin, size_t end) const {
  if (begin >= end || end > origins.size()) return {};
  uint32_t page = origins[begin].page;
  if (page == 0 || page > pages.size()) return {};
  const std::string& t = pages[page - 1].text;
  size_t b = origins[begin].offset;
  size_t e = b;
  for (size_t i = begin; i < end; ++i) {
    if (origins[i].page != page) break;
    e = std::max<size_t>(e, origins[i].offset + 1);
  }
  // Extend to the end of a UTF-8 character.
  while (e < t.size() && (static_cast<unsigned char>(t[e]) & 0xC0) == 0x80) ++e;
  return b < t.size() ? t.substr(b, std::min(e, t.size()) - b) : std::string();
}

std::string Document::AsWritten(std::string_view s) const {
  if (written_chars.empty()) return std::string(s);
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char lead = static_cast<unsigned char>(s[i]);
    size_t len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    std::string c(s.substr(i, std::min(len, s.size() - i)));
    auto it = written_chars.find(c);
    out += it != written_chars.end() ? it->second : c;
    i += len;
  }
  return out;
}

}  // namespace jixiao
