// Fuzz target: PDF extraction from memory (the reader behind ReadPages), bounded as the CLI bounds
// a document: few pages, a short deadline, one thread. Poppler itself is not instrumented, so
// coverage guidance comes from our side of the wrapper only.
#include <cstddef>
#include <cstdint>
#include <string>

#include "extract/extract_internal.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  jixiao::ExtractOptions opts;
  opts.max_pages = 8;
  opts.max_seconds = 2;
  opts.threads = 1;
  auto pages = jixiao::internal::ReadPdfPages("fuzz.pdf", bytes, opts);
  if (pages.ok()) {
    for (const jixiao::RawPage& p : *pages) {
      if (!p.boxes.empty() && p.boxes.size() != p.text.size()) __builtin_trap();
    }
  }
  return 0;
}
