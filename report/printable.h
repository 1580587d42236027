// Text from a document or a file name, made safe to show to a person: a terminal must never obey
// what a document says (ESC sequences that clear the screen, set the window title or plant links;
// BEL, backspace, DEL; bidi overrides that reverse what follows; a newline that forges a line).
#ifndef JIXIAO_REPORT_PRINTABLE_H_
#define JIXIAO_REPORT_PRINTABLE_H_

#include <string>
#include <string_view>

namespace jixiao {

// `s` with every control character shown escaped: C0 controls but tab (ESC as \x1b, newline as
// \n, CR as \r), DEL (\x7f), C1 controls (\u009b), the bidi formatting characters (U+061C,
// U+200E, U+200F, U+202A–U+202E, U+2066–U+2069, as \u202e), the line and paragraph separators
// (U+2028, U+2029), and bytes that are not UTF-8 (\xff). Everything else is kept as it is.
// With keep_newlines, '\n' is kept (multi-line text such as `jixiao extract`'s).
// JSON keeps the text intact (its escaping is JSON's own); every output for people uses this.
std::string Printable(std::string_view s, bool keep_newlines = false);

// `s` with & < > " ' as HTML entities (nothing else changed), for text and attribute values.
std::string HtmlEntities(std::string_view s);

}  // namespace jixiao

#endif  // JIXIAO_REPORT_PRINTABLE_H_
