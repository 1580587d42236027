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

}  // namespace

std::string Fingerprint(const Finding& f, const std::string& sha256, int ordinal) {
  std::string key = std::string(CheckName(f.check)) + '\x1f' + sha256 + '\x1f';
  for (const auto& p : f.path) key += p + '\x1e';
  key += '\x1f' + f.stated + '\x1f' + Figures(f.quote) + '\x1f' + std::to_string(ordinal);
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
