// Rule files: parsing, RE2 compilation, lookup.
#include "rules/rules.h"

#include "extract/input_file.h"
#include "rules/literals.h"

#include <re2/re2.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

namespace jixiao {

// Generated at build time from rules/*.rules (see audit/CMakeLists.txt).
extern const char* const kBuiltinRuleFiles[][2];  // {name, text}, ends with {nullptr, nullptr}

// A rule's alternatives. The built-in ones are compiled on first use (Get), once, whichever
// thread asks first: a process compiles only the rules its documents need, and each shard
// process of a sharded run pays for no rule it does not use. Patterns from --rules DIR are
// compiled when added, so that an invalid one stops the run before it starts.
struct Rules::Entry {
  struct Alternative {
    std::string pattern, where;
    rules_internal::PatternNeeds needs;  // what a text must hold for it to match
    std::unique_ptr<re2::RE2> re;        // null until compiled
    std::unique_ptr<std::once_flag> once = std::make_unique<std::once_flag>();
    std::unique_ptr<re2::RE2> never;  // needs.never, compiled when first set aside
    std::unique_ptr<std::once_flag> never_once = std::make_unique<std::once_flag>();

    const re2::RE2& Compiled() {
      std::call_once(*once, [&] {
        if (!re) re = CompileRule(pattern);
      });
      return *re;
    }
    const re2::RE2& Never() {
      std::call_once(*never_once, [&] { never = CompileRule(needs.never); });
      return never->ok() ? *never : Compiled();  // (a stand-in RE2 rejects would be a bug)
    }
  };
  size_t index = 0;  // in order of definition: a focused view's slot
  std::vector<Alternative> alternatives;
  std::unique_ptr<std::once_flag> compiled = std::make_unique<std::once_flag>();
  std::vector<const re2::RE2*> view;  // set by Compile
  std::string error;                  // of the first pattern RE2 rejected, set by Compile

  void Compile() {
    std::call_once(*compiled, [&] {
      for (auto& a : alternatives) {
        const re2::RE2& re = a.Compiled();
        if (!re.ok() && error.empty()) error = a.where + ": " + re.error();
        view.push_back(&re);
      }
    });
  }

  static std::unique_ptr<re2::RE2> CompileRule(std::string_view pattern) {
    RE2::Options opt;
    opt.set_log_errors(false);
    return std::make_unique<re2::RE2>(re2::StringPiece(pattern.data(), pattern.size()), opt);
  }
};

// The characters of one document, and the views of the rules built for it.
struct Rules::Focus {
  std::vector<uint64_t> bmp = std::vector<uint64_t>(0x10000 / 64);
  std::vector<char32_t> astral;  // sorted, unique
  std::mutex mu;
  std::vector<std::unique_ptr<std::vector<const re2::RE2*>>> views;  // by Entry::index
  std::atomic<int> set_aside{0};

  void Add(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
      auto b = static_cast<unsigned char>(s[i]);
      int n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
      if (i + static_cast<size_t>(n) > s.size()) n = 1;
      char32_t c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
      for (int k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
      i += static_cast<size_t>(n);
      if (c < 0x10000) {
        bmp[c >> 6] |= uint64_t{1} << (c & 63);
      } else {
        astral.push_back(c);
      }
    }
  }
  void Seal() {
    for (char32_t c = 0; c < 0x80; ++c) bmp[c >> 6] |= uint64_t{1} << (c & 63);
    std::sort(astral.begin(), astral.end());
    astral.erase(std::unique(astral.begin(), astral.end()), astral.end());
  }
  bool Has(char32_t c) const {
    if (c < 0x10000) return (bmp[c >> 6] >> (c & 63)) & 1;
    return std::binary_search(astral.begin(), astral.end(), c);
  }
  bool Spells(const std::u32string& literal) const {
    return std::all_of(literal.begin(), literal.end(), [&](char32_t c) { return Has(c); });
  }
  // Whether a text of these characters may hold a match: every clause has a literal they spell.
  bool Allows(const rules_internal::PatternNeeds& needs) const {
    if (!needs.known) return true;
    return std::all_of(needs.clauses.begin(), needs.clauses.end(), [&](const auto& clause) {
      return std::any_of(clause.begin(), clause.end(), [&](const auto& l) { return Spells(l); });
    });
  }
};

Rules::Rules() : entries_(std::make_shared<Entries>()) {}
Rules::~Rules() = default;
Rules::Rules(Rules&&) noexcept = default;
Rules& Rules::operator=(Rules&&) noexcept = default;

namespace {

// Only a built-in rule can get here (--rules patterns are compiled when added): a bug in jixiao,
// caught by the tests.
[[noreturn]] void InternalError(std::string_view name, const std::string& error) {
  std::fprintf(stderr, "jixiao: internal error: rule '%.*s': %s\n", static_cast<int>(name.size()),
               name.data(), error.c_str());
  std::abort();
}

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

bool ValidName(std::string_view n) {
  if (n.empty()) return false;
  return std::all_of(n.begin(), n.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
  });
}

}  // namespace

namespace {

// Parses one rule file's text, calling `fn(name, append, pattern, where)` for every rule line
// (`where` is "origin:line"); stops at the first error, of the text or returned by `fn`.
template <typename Fn>
Status ParseRules(std::string_view text, const std::string& origin, Fn&& fn) {
  int lineno = 0;
  size_t pos = 0;
  bool any = false;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = Trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    ++lineno;
    if (line.empty() || line[0] == '#') {
      if (nl == text.size()) break;
      continue;
    }
    auto where = origin + ":" + std::to_string(lineno);
    size_t eq = line.find('=');
    if (eq == std::string_view::npos || eq == 0) {
      return Status(Status::Code::kInvalidRules,
                    where + ": expected 'name = PATTERN' or 'name += PATTERN'");
    }
    bool append = line[eq - 1] == '+';
    std::string_view name = Trim(line.substr(0, append ? eq - 1 : eq));
    std::string_view pattern = Trim(line.substr(eq + 1));
    if (!ValidName(name)) {
      return Status(Status::Code::kInvalidRules,
                    where + ": rule name '" + std::string(name) + "' must be [a-z0-9_.]+");
    }
    if (pattern.empty()) {
      return Status(Status::Code::kInvalidRules,
                    where + ": empty pattern for '" + std::string(name) + "'");
    }
    Status s = fn(name, append, pattern, where);
    if (!s.ok()) return s;
    any = true;
    if (nl == text.size()) break;
  }
  if (!any) {
    return Status(Status::Code::kInvalidRules, origin + ": no rules in file (empty?)");
  }
  return Status::Ok();
}

// What Version() hashes, for one rule.
std::string DigestLine(std::string_view name, bool append, std::string_view pattern) {
  return std::string(name) + (append ? "+=" : "=") + std::string(pattern) + "\n";
}

// FNV-1a 64 of `digest_input` as 16 hex digits: stable across runs and platforms.
std::string Fnv1a64(const std::string& digest_input) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : digest_input) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

// The *.rules files of `dir`, in name order.
Result<std::vector<std::filesystem::path>> RuleFiles(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status(Status::Code::kInvalidRules, dir + ": not a directory of rule files");
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".rules") files.push_back(e.path());
  }
  if (ec) return Status(Status::Code::kInvalidRules, dir + ": " + ec.message());
  if (files.empty()) {
    return Status(Status::Code::kInvalidRules, dir + ": no *.rules files in directory");
  }
  std::sort(files.begin(), files.end());
  return files;
}

constexpr int64_t kMaxRuleFileBytes = 1 << 20;

// Parses every *.rules file of `dir` in name order with `add(text, origin)`.
template <typename Add>
Status ForEachRuleFile(const std::string& dir, Add&& add) {
  auto files = RuleFiles(dir);
  if (!files.ok()) return files.status();
  for (const auto& f : *files) {
    // A regular file of bounded size only: a FIFO would block, /dev/zero would never end.
    auto in = InputFile::Open(f.string());
    if (!in.ok() && in.status().code() == Status::Code::kEmpty) {
      Status s = add(std::string(), f.string());  // says what an empty rule file is
      if (!s.ok()) return s;
      continue;
    }
    if (!in.ok()) return Status(Status::Code::kInvalidRules, in.status().message());
    if (in->size() > kMaxRuleFileBytes) {
      return Status(Status::Code::kInvalidRules,
                    f.string() + ": " + std::to_string(in->size()) +
                        " bytes, more than a rule file may have (1 MiB)");
    }
    std::string text(static_cast<size_t>(in->size()), '\0');
    size_t done = 0;
    while (done < text.size()) {
      ssize_t n = ::pread(in->fd(), text.data() + done, text.size() - done,
                          static_cast<off_t>(done));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return Status(Status::Code::kInvalidRules, f.string() + ": cannot read rule file");
      done += static_cast<size_t>(n);
    }
    Status s = add(text, f.string());
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

Status Rules::AddText(std::string_view text, const std::string& origin) {
  return Add(text, origin, /*lazy=*/false);
}

Status Rules::Add(std::string_view text, const std::string& origin, bool lazy) {
  if (!entries_) entries_ = std::make_shared<Entries>();
  if (focus_ || entries_.use_count() > 1) {
    return Status(Status::Code::kInvalidRules,
                  origin + ": the rules cannot change while a focused view of them exists");
  }
  return ParseRules(
      text, origin,
      [&](std::string_view name, bool append, std::string_view pattern, const std::string& where) {
        std::unique_ptr<re2::RE2> re;
        if (!lazy) {
          re = Entry::CompileRule(pattern);
          if (!re->ok()) {
            return Status(Status::Code::kInvalidRules, where + ": invalid RE2 pattern for '" +
                                                           std::string(name) + "': " + re->error());
          }
        }
        auto it = entries_->find(name);
        if (it == entries_->end()) {
          auto e = std::make_unique<Entry>();
          e->index = entries_->size();
          it = entries_->emplace(std::string(name), std::move(e)).first;
        } else if (!append) {
          it->second->alternatives.clear();
        }
        Entry& e = *it->second;
        Entry::Alternative a;
        a.pattern = std::string(pattern);
        a.where = where;
        a.needs = rules_internal::Analyze(pattern);
        a.re = std::move(re);
        e.alternatives.push_back(std::move(a));
        e.view.clear();  // compiled again (what is compiled already is kept) at the next Get
        e.error.clear();
        e.compiled = std::make_unique<std::once_flag>();
        digest_input_ += DigestLine(name, append, pattern);
        return Status::Ok();
      });
}

Status Rules::CompileAll(const std::atomic<bool>* stop) const {
  for (const auto& [name, e] : *entries_) {
    if (stop && stop->load(std::memory_order_relaxed)) break;
    e->Compile();
    if (!e->error.empty()) {
      return Status(Status::Code::kInvalidRules,
                    e->error.substr(0, e->error.find(": ")) + ": invalid RE2 pattern for '" + name +
                        "': " + e->error.substr(e->error.find(": ") + 2));
    }
  }
  return Status::Ok();
}

Status Rules::AddDir(const std::string& dir) {
  return ForEachRuleFile(dir, [&](const std::string& text, const std::string& origin) {
    return AddText(text, origin);
  });
}

Result<std::string> Rules::VersionOf(const std::string& dir) {
  std::string digest_input;
  auto add = [&](const std::string& text, const std::string& origin) {
    return ParseRules(
        text, origin,
        [&](std::string_view name, bool append, std::string_view pattern, const std::string&) {
          digest_input += DigestLine(name, append, pattern);
          return Status::Ok();
        });
  };
  for (int i = 0; kBuiltinRuleFiles[i][0] != nullptr; ++i) {
    Status s = add(kBuiltinRuleFiles[i][1], std::string("rules/") + kBuiltinRuleFiles[i][0]);
    if (!s.ok()) return s;
  }
  if (!dir.empty()) {
    Status s = ForEachRuleFile(dir, add);
    if (!s.ok()) return s;
  }
  return Fnv1a64(digest_input);
}

Result<Rules> Rules::Builtin() {
  Rules r;
  for (int i = 0; kBuiltinRuleFiles[i][0] != nullptr; ++i) {
    Status s = r.Add(kBuiltinRuleFiles[i][1], std::string("rules/") + kBuiltinRuleFiles[i][0],
                     /*lazy=*/true);
    if (!s.ok()) return s;
  }
  return r;
}

const std::vector<const re2::RE2*>& Rules::Get(std::string_view name) const {
  static const std::vector<const re2::RE2*> kNone;
  auto it = entries_->find(name);
  if (it == entries_->end()) return kNone;
  Entry& e = *it->second;
  if (focus_) {
    std::lock_guard<std::mutex> lock(focus_->mu);
    auto& slot = focus_->views[e.index];
    if (!slot) {
      auto v = std::make_unique<std::vector<const re2::RE2*>>();
      for (auto& a : e.alternatives) {
        if (focus_->Allows(a.needs)) {
          const re2::RE2& re = a.Compiled();
          if (!re.ok()) InternalError(name, a.where + ": " + re.error());
          v->push_back(&re);
        } else {
          v->push_back(&a.Never());
          focus_->set_aside.fetch_add(1, std::memory_order_relaxed);
        }
      }
      slot = std::move(v);
    }
    return *slot;
  }
  e.Compile();
  if (!e.error.empty()) InternalError(name, e.error);
  return e.view;
}

Rules Rules::Focused(std::initializer_list<std::string_view> texts) const {
  Rules r;
  r.entries_ = entries_;
  r.digest_input_ = digest_input_;
  if (focus_) {
    r.focus_ = focus_;
    return r;
  }
  auto f = std::make_shared<Focus>();
  f->views.resize(entries_->size());
  for (std::string_view t : texts) f->Add(t);
  f->Seal();
  r.focus_ = std::move(f);
  return r;
}

int Rules::SetAside() const { return focus_ ? focus_->set_aside.load() : 0; }

std::vector<std::string> Rules::Names() const {
  std::vector<std::string> out;
  for (const auto& [name, e] : *entries_) out.push_back(name);
  return out;
}

std::vector<std::string_view> Rules::Texts(std::string_view name) const {
  std::vector<std::string_view> out;
  auto it = entries_->find(name);
  if (it != entries_->end()) {
    for (const auto& a : it->second->alternatives) out.push_back(a.pattern);
  }
  return out;
}

bool Rules::Has(std::string_view name) const {
  auto it = entries_->find(name);
  return it != entries_->end() && !it->second->alternatives.empty();
}

const re2::RE2& Rules::One(std::string_view name) const {
  const auto& v = Get(name);
  if (v.empty()) {
    std::fprintf(stderr, "jixiao: internal error: rule '%.*s' is not defined\n",
                 static_cast<int>(name.size()), name.data());
    std::abort();
  }
  return *v.front();
}

std::string Rules::Version() const { return Fnv1a64(digest_input_); }

}  // namespace jixiao
