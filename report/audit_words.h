// The audit's own words (a finding's arithmetic and recomputed value, a document's note) in the
// reader's language. audit/ writes them in English, and the JSON and the database keep that English
// (a machine-stable contract); every output for people renders them through this catalogue
// (report/audit_words.cc: one row per phrase the audit writes, the English pattern and its
// Chinese).
#ifndef JIXIAO_REPORT_AUDIT_WORDS_H_
#define JIXIAO_REPORT_AUDIT_WORDS_H_

#include <string>

#include "report/messages.h"

namespace jixiao {

// `text` (an arithmetic, a recomputed value or a note as audit/ writes it) in `lang`. Figures,
// labels and quotes from the document pass through unchanged. In either language, a difference
// between exact figures (a recomputed point: no [lo, hi] range) reads "differs", not "differs
// beyond rounding": there was no rounding to go beyond.
std::string AuditWords(Lang lang, const std::string& text);

// Whether every pattern of the catalogue compiles (a test).
bool AuditWordsCompile();

}  // namespace jixiao

#endif  // JIXIAO_REPORT_AUDIT_WORDS_H_
