// Greedy line breaking over tokens: ASCII runs, single wide characters, spaces.
#include "report/wrap.h"

#include <string_view>
#include <vector>

namespace jixiao {

namespace {

// Decodes the code point at `s[i]` (UTF-8; invalid bytes count as one narrow character).
char32_t Decode(const std::string& s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (i + static_cast<size_t>(n) > s.size()) n = 1;
  char32_t cp = n == 1 ? c : c & (0x7F >> n);
  for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *len = static_cast<size_t>(n);
  return cp;
}

bool Wide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6);
}

// Closing punctuation: never at the start of a line.
bool Closing(char32_t cp) {
  static const std::u32string_view kClosing = U"，。、；：？！）」』】》〉”’…%";
  return kClosing.find(cp) != std::u32string_view::npos;
}
// Opening punctuation: never at the end of a line.
bool Opening(char32_t cp) {
  static const std::u32string_view kOpening = U"（「『【《〈“‘";
  return kOpening.find(cp) != std::u32string_view::npos;
}

struct Token {
  std::string text;
  int width = 0;
  bool space = false;
};

std::vector<Token> Tokens(const std::string& s) {
  std::vector<Token> out;
  std::string pending;  // colour codes and opening punctuation waiting for the next token
  int pending_width = 0;
  bool glue_next = false;  // the previous token ended in opening punctuation
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '\x1b') {  // an SGR sequence: ESC [ ... m
      size_t end = s.find('m', i);
      end = end == std::string::npos ? s.size() : end + 1;
      pending += s.substr(i, end - i);
      i = end;
      continue;
    }
    size_t len = 1;
    char32_t cp = Decode(s, i, &len);
    Token t;
    if (cp == ' ') {
      t.space = true;
      t.text = " ";
      t.width = 1;
      i += 1;
    } else if (cp < 0x80) {
      size_t j = i;
      while (j < s.size() && s[j] != ' ' && s[j] != '\x1b' &&
             static_cast<unsigned char>(s[j]) < 0x80) {
        ++j;
      }
      t.text = s.substr(i, j - i);
      t.width = static_cast<int>(j - i);
      i = j;
    } else {
      t.text = s.substr(i, len);
      t.width = Wide(cp) ? 2 : 1;
      i += len;
    }
    t.text = pending + t.text;
    t.width += pending_width;
    pending.clear();
    pending_width = 0;
    const bool glue = !out.empty() && !t.space && !out.back().space &&
                      (glue_next || (cp >= 0x80 && Closing(cp)) || cp == '%');
    glue_next = cp >= 0x80 && Opening(cp);
    if (glue) {
      out.back().text += t.text;
      out.back().width += t.width;
    } else {
      out.push_back(std::move(t));
    }
  }
  if (!pending.empty()) out.push_back(Token{pending, 0, false});
  return out;
}

}  // namespace

int DisplayWidth(const std::string& s) {
  int w = 0;
  for (const Token& t : Tokens(s)) w += t.width;
  return w;
}

std::string Wrap(const std::string& text, int indent, int width) {
  if (width <= 0) return text;
  std::string out;
  int col = 0;
  bool line_has_content = false;
  std::string spaces;  // spaces seen since the last token, emitted only if no break follows
  int spaces_width = 0;
  for (const Token& t : Tokens(text)) {
    if (t.space) {
      if (!line_has_content && col > 0 && col == indent) continue;  // no spaces after a break
      spaces += t.text;
      spaces_width += t.width;
      continue;
    }
    if (line_has_content && col + spaces_width + t.width > width && indent + t.width <= width) {
      out += "\n" + std::string(static_cast<size_t>(indent), ' ');
      col = indent;
      spaces.clear();
      spaces_width = 0;
    }
    out += spaces + t.text;
    col += spaces_width + t.width;
    spaces.clear();
    spaces_width = 0;
    line_has_content = true;
  }
  return out + spaces;
}

}  // namespace jixiao
