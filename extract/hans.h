// Traditional characters read as simplified ones (ICU's Traditional-Simplified transform), so that
// the rules, written in simplified characters, read a filing published in traditional characters.
//
// The transform is one-to-one: every code point becomes one code point of the same UTF-8 length
// (ICU's rules map BMP Han characters to BMP Han characters, phrase rules such as 顯著 → 显著 keep
// the length; a code point whose image would differ in length is kept). So a converted text has the
// byte offsets of its source, and every offset into it is an offset into the source too.
//
// Only a text written in traditional characters is converted: a simplified text keeps every
// character (ICU would turn 显著 into 显着 and 乾隆 into 干隆). A character is traditional-only when
// the transform changes it and GB 2312 (the simplified character set) cannot encode it (預 執 萬);
// 於 著 乾, which simplified text uses too, are not.
#ifndef JIXIAO_EXTRACT_HANS_H_
#define JIXIAO_EXTRACT_HANS_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"

namespace jixiao {

// Counts of the Han characters of a text, and of those that are traditional-only.
struct HanCount {
  size_t han = 0, traditional = 0;
  // Written in traditional characters: at least 5 traditional-only characters, and at least 5%
  // of the Han characters (a simplified text naming 臺灣 or a company in traditional characters
  // is not converted).
  bool Traditional() const { return traditional >= 5 && traditional * 20 >= han; }
};
HanCount CountHan(std::string_view utf8);

// True when the code point is traditional-only (see above).
bool IsTraditionalOnly(char32_t c);

// `utf8` in simplified characters, byte for byte the same length (see above). Thread-safe.
std::string ToSimplified(std::string_view utf8);

// The pages to read, converted: a page is converted when it is written in traditional characters,
// or when the whole document is and the page holds a traditional-only character. Returns false
// (and leaves `out` empty) when no page is converted.
bool SimplifiedPages(const std::vector<RawPage>& pages, std::vector<RawPage>* out);

// Sets doc->written and doc->written_chars (extract/document.h): doc->text, normalized from
// `converted`, with each character that came from a converted one put back as doc->pages has it.
void SetWritten(const std::vector<RawPage>& converted, Document* doc);

}  // namespace jixiao

#endif  // JIXIAO_EXTRACT_HANS_H_
