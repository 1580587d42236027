// Normalization of extracted text (ICU), once, in one place: see Document::text for the form.
#ifndef JIXIAO_EXTRACT_NORMALIZE_H_
#define JIXIAO_EXTRACT_NORMALIZE_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"

namespace jixiao {

// Fills doc->text and doc->origins from doc->pages.
void Normalize(Document* doc);

// Character-level folding of one string (NFKC except Chinese sentence punctuation, ％ → %,
// LaTeX fragments to plain text, spaces between Chinese characters removed). No line joining.
// Exposed for tests and for rule patterns.
std::string FoldText(std::string_view s);

}  // namespace jixiao

#endif  // JIXIAO_EXTRACT_NORMALIZE_H_
