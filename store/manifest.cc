// The manifest: planning (hash every input), its text format, and the shard function.
#include "store/manifest.h"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <thread>
#include <unordered_set>

#include "store/batch.h"
#include "store/content_hash.h"

namespace jixiao {

namespace {

constexpr const char* kHeader = "# jixiao manifest 1: sha256<TAB>size<TAB>path, sorted by path\n";

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  return out;
}

std::optional<std::string> Unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\') {
      out += s[i];
      continue;
    }
    if (++i == s.size()) return std::nullopt;
    switch (s[i]) {
      case '\\': out += '\\'; break;
      case 't': out += '\t'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      default: return std::nullopt;
    }
  }
  return out;
}

bool IsHex64(const std::string& s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

}  // namespace

std::vector<ManifestEntry> PlanManifest(const std::vector<std::string>& paths, int jobs,
                                        std::vector<std::string>* unreadable, int64_t* files) {
  const std::vector<std::string> inputs = FindInputs(paths);  // sorted
  if (files != nullptr) *files = static_cast<int64_t>(inputs.size());
  std::vector<std::optional<ManifestEntry>> hashed(inputs.size());
  std::vector<std::string> errors(inputs.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < inputs.size();) {
      auto h = HashFile(inputs[i]);
      if (h.ok()) {
        hashed[i] = ManifestEntry{h->hex, h->size, inputs[i]};
      } else {
        errors[i] = h.status().message();
      }
    }
  };
  jobs = std::max(1, std::min<int>(jobs, static_cast<int>(inputs.size())));
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs; ++t) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();

  std::vector<ManifestEntry> out;
  std::unordered_set<std::string> seen;
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (!hashed[i]) {
      if (unreadable != nullptr) unreadable->push_back(errors[i]);
      continue;
    }
    if (seen.insert(hashed[i]->hash).second) out.push_back(std::move(*hashed[i]));
  }
  return out;  // inputs were sorted: so is out
}

std::string FormatManifest(const std::vector<ManifestEntry>& entries) {
  std::string out = kHeader;
  for (const auto& e : entries) {
    out += e.hash + "\t" + std::to_string(e.size) + "\t" + Escape(e.path) + "\n";
  }
  return out;
}

Result<Manifest> ReadManifest(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Status::Code::kUsage, path + ": cannot open the manifest");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status(Status::Code::kIoError, path + ": read error");
  Manifest m;
  m.digest = Sha256Hex(text);
  if (text.rfind(kHeader, 0) != 0) {
    return Status(Status::Code::kUsage,
                  path + ": not a jixiao manifest (write one with `jixiao plan ... --out FILE`)");
  }
  std::unordered_set<std::string> hashes;
  size_t pos = 0, line_no = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) {
      return Status(Status::Code::kUsage,
                    path + ":" + std::to_string(line_no + 1) + ": truncated (no final newline)");
    }
    std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (line_no == 1 || line.empty() || line[0] == '#') continue;
    auto bad = [&](const std::string& why) {
      return Status(Status::Code::kUsage, path + ":" + std::to_string(line_no) + ": " + why);
    };
    size_t t1 = line.find('\t'), t2 = t1 == std::string::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string::npos) return bad("expected sha256<TAB>size<TAB>path");
    ManifestEntry e;
    e.hash = line.substr(0, t1);
    if (!IsHex64(e.hash)) return bad("not a SHA-256 (64 lower-case hex digits): " + e.hash);
    const std::string size = line.substr(t1 + 1, t2 - t1 - 1);
    if (size.empty() || size.size() > 18 ||
        !std::all_of(size.begin(), size.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return bad("not a size in bytes: " + size);
    }
    e.size = std::stoll(size);
    auto p = Unescape(line.substr(t2 + 1));
    if (!p || p->empty()) return bad("bad path (an empty path, or a backslash not \\\\ \\t \\n \\r)");
    e.path = *p;
    if (!hashes.insert(e.hash).second) return bad("the same sha256 twice: " + e.hash);
    m.entries.push_back(std::move(e));
  }
  return m;
}

uint32_t ShardOf(const std::string& hash_hex, uint32_t count) {
  uint64_t v = 0;
  for (size_t i = 0; i < 16 && i < hash_hex.size(); ++i) {
    char c = hash_hex[i];
    uint64_t d = c >= '0' && c <= '9' ? static_cast<uint64_t>(c - '0')
                 : c >= 'a' && c <= 'f' ? static_cast<uint64_t>(c - 'a' + 10)
                 : c >= 'A' && c <= 'F' ? static_cast<uint64_t>(c - 'A' + 10)
                                        : 0;
    v = v << 4 | d;
  }
  return count == 0 ? 0 : static_cast<uint32_t>(v % count);
}

}  // namespace jixiao
