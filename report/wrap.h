// Wrapping terminal lines to a width without splitting a figure: a run of ASCII non-space
// characters ("25100.43/27600.43", "90.94%") is never broken, CJK characters count two columns,
// closing punctuation stays with what it closes, ANSI colour codes take no room.
#ifndef JIXIAO_REPORT_WRAP_H_
#define JIXIAO_REPORT_WRAP_H_

#include <string>

namespace jixiao {

// The columns `s` takes on a terminal (colour codes excluded).
int DisplayWidth(const std::string& s);

// `text` broken into lines of at most `width` columns where it can be (a single unbreakable run
// longer than a line stays whole), continuation lines indented by `indent` spaces; joined with
// "\n", no final newline. `width` <= 0: `text` unchanged.
std::string Wrap(const std::string& text, int indent, int width);

}  // namespace jixiao

#endif  // JIXIAO_REPORT_WRAP_H_
