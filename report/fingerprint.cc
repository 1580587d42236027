// Finding fingerprints: a hash of what a finding is about, not of where its bytes are.
#include <cstdint>
#include <map>

#include "report/report.h"

namespace jixiao {

namespace {

// FNV-1a, 64 bits: stable across builds and machines (std::hash is neither).
uint64_t Fnv1a(const std::string& s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

// The figures of a quote: its digits and decimal points, in order (what survives a re-extraction
// that joins or splits lines differently).
std::string Figures(const std::string& quote) {
  std::string out;
  for (char c : quote) {
    if ((c >= '0' && c <= '9') || c == '.')
      out += c;
    else if (!out.empty() && out.back() != ' ')
      out += ' ';
  }
  return out;
}

// What a parse.unread finding is about: the text that was not read (its figure span, inside a
// quote that shows the whole line or sentence around it); the quote when there is no span (the
// quote was that text, before quotes were widened to their line, and in databases older than the
// spans). Its figures, as for every finding, so that the id given before is kept; a text with no
// figure (a form's title) by its characters, spaces and cell rules dropped, so that two such lines
// are not told apart by their order only.
std::string UnreadKey(const Finding& f) {
  std::string about = f.quote;
  if (!f.figure.empty() && f.figure.end <= f.quote.size())
    about = f.quote.substr(f.figure.begin, f.figure.end - f.figure.begin);
  std::string key = Figures(about);
  if (key.find_first_of("0123456789") != std::string::npos) return key;
  key.clear();
  for (char c : about) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '|') key += c;
  }
  return key;
}

}  // namespace

std::string Fingerprint(const Finding& f, const std::string& sha256, int ordinal) {
  std::string key = std::string(CheckName(f.check)) + '\x1f' + sha256 + '\x1f';
  for (const auto& p : f.path) key += p + '\x1e';
  // A finding is about its figures, which its quote holds; a parse.unread note is about the text
  // that was not read, not about the words its quote shows around it.
  const std::string about = f.check == CheckId::kParseUnread ? UnreadKey(f) : Figures(f.quote);
  key += '\x1f' + f.stated + '\x1f' + about + '\x1f' + std::to_string(ordinal);
  static const char kHex[] = "0123456789abcdef";
  uint64_t h = Fnv1a(key);
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<size_t>(i)] = kHex[h & 15];
  return out;
}

std::vector<std::string> Fingerprints(const AuditResult& r, const std::string& sha256) {
  std::vector<std::string> out;
  std::map<std::string, int> seen;
  for (const auto& f : r.findings) {
    std::string base = Fingerprint(f, sha256, 0);
    int n = seen[base]++;
    out.push_back(n == 0 ? base : Fingerprint(f, sha256, n));
  }
  return out;
}

}  // namespace jixiao
