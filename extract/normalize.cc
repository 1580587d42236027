// Normalization (placeholder: identity with origins; the real one follows).
#include "extract/normalize.h"

namespace jixiao {

std::string FoldText(std::string_view s) { return std::string(s); }

void Normalize(Document* doc) {
  doc->text.clear();
  doc->origins.clear();
  for (const RawPage& p : doc->pages) {
    uint32_t line = static_cast<uint32_t>(p.first_line);
    for (size_t i = 0; i < p.text.size(); ++i) {
      doc->text += p.text[i];
      doc->origins.push_back(Origin{static_cast<uint32_t>(p.number), line, static_cast<uint32_t>(i)});
      if (p.text[i] == '\n') ++line;
    }
  }
}

}  // namespace jixiao
