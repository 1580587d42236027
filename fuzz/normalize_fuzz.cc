// Fuzz target: normalization. FoldText of the input, and Normalize of a document whose pages are
// the input split at form feeds (one page when there is none). Checks the origin map's contract.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "extract/document.h"
#include "extract/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view s(reinterpret_cast<const char*>(data), size);
  (void)jixiao::FoldText(s);

  jixiao::Document doc;
  doc.path = "fuzz.txt";
  doc.name = "fuzz";
  int line = 1;
  size_t start = 0;
  for (;;) {
    size_t ff = s.find('\f', start);
    jixiao::RawPage p;
    p.number = static_cast<int>(doc.pages.size()) + 1;
    p.text = std::string(s.substr(start, ff == std::string_view::npos ? ff : ff - start));
    p.first_line = line;
    for (char c : p.text) line += c == '\n';
    doc.pages.push_back(std::move(p));
    if (ff == std::string_view::npos) break;
    start = ff + 1;
  }
  jixiao::Normalize(&doc);
  if (doc.origins.size() != doc.text.size()) __builtin_trap();
  if (!doc.text.empty()) {
    (void)doc.SourceText(0, doc.text.size());
    (void)doc.PageAt(doc.text.size() / 2);
  }
  return 0;
}
