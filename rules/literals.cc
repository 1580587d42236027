// The literals a pattern needs, read by a small recursive descent over RE2's syntax. It follows
// only what it is sure of: literal characters, escaped punctuation, character classes, `.`, the
// Perl classes, anchors, groups ((…), (?:…), (?P<name>…)), alternation and repetition. Anything
// else (flags, \Q…\E, \x, back-references, a `{` that is not a repetition) leaves the pattern
// unknown, and an unknown rule is always compiled.
//
// The result is a conjunction of clauses, each a disjunction of literals: `年初预算(?:数|额)?.{0,9}
// (?:执行率|完成率)` needs "年初预算" and one of "执行率", "完成率". A repetition that may be absent
// (?, *, {0,…}) needs nothing; one that is present at least once needs what its body needs. An
// alternation needs one literal from the strongest clause of each branch.
#include "rules/literals.h"

#include <algorithm>
#include <optional>

namespace jixiao::rules_internal {

namespace {

using Clause = std::vector<std::u32string>;
using Cnf = std::vector<Clause>;  // every clause must hold

struct Unknown {};  // thrown inside the parser only: the pattern is not followed

class Parser {
 public:
  explicit Parser(std::string_view p) : p_(p) {}

  Cnf Pattern() {
    Cnf c = Alternation();
    if (i_ != p_.size()) throw Unknown{};
    return c;
  }
  const std::string& Groups() const { return groups_; }

 private:
  // The code point at i_ (the rule files are UTF-8), advancing past it.
  char32_t Next() {
    if (i_ >= p_.size()) throw Unknown{};
    auto b = static_cast<unsigned char>(p_[i_]);
    int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    if (i_ + static_cast<size_t>(n) > p_.size()) throw Unknown{};
    char32_t c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(p_[i_ + k]) & 0x3F);
    i_ += static_cast<size_t>(n);
    return c;
  }
  bool At(char c) const { return i_ < p_.size() && p_[i_] == c; }
  bool AtText(std::string_view s) const { return p_.substr(i_, s.size()) == s; }

  Cnf Alternation() {
    std::vector<Cnf> branches{Concatenation()};
    while (At('|')) {
      ++i_;
      branches.push_back(Concatenation());
    }
    if (branches.size() == 1) return branches[0];
    Clause any;
    for (const Cnf& b : branches) {
      if (b.empty()) return {};  // a branch that needs nothing: the alternation needs nothing
      const Clause& best = *std::max_element(b.begin(), b.end(), [](const Clause& x, const Clause& y) {
        return Strength(x) < Strength(y);
      });
      any.insert(any.end(), best.begin(), best.end());
    }
    std::sort(any.begin(), any.end());
    any.erase(std::unique(any.begin(), any.end()), any.end());
    return {any};
  }

  // A clause's strength: its shortest literal's length, then fewer literals.
  static std::pair<size_t, long> Strength(const Clause& c) {
    size_t shortest = SIZE_MAX;
    for (const auto& l : c) shortest = std::min(shortest, l.size());
    return {shortest, -static_cast<long>(c.size())};
  }

  Cnf Concatenation() {
    Cnf out;
    std::u32string run;  // adjacent literal characters, each present exactly once
    auto flush = [&] {
      if (!run.empty()) out.push_back({run});
      run.clear();
    };
    while (i_ < p_.size() && !At('|') && !At(')')) {
      Cnf item;
      bool literal = false, zero_width = false;
      char32_t lit = 0;
      const char c = p_[i_];
      if (c == '(') {
        ++i_;
        if (AtText("?:")) {
          i_ += 2;
        } else if (AtText("?P<")) {
          size_t end = p_.find('>', i_);
          if (end == std::string_view::npos) throw Unknown{};
          groups_ += "(?P<" + std::string(p_.substr(i_ + 3, end - i_ - 3)) + ">)";
          i_ = end + 1;
        } else if (At('?')) {
          throw Unknown{};  // flags: case folding would change what a literal is
        } else {
          groups_ += "()";
        }
        item = Alternation();
        if (!At(')')) throw Unknown{};
        ++i_;
      } else if (c == '[') {
        SkipClass();
      } else if (c == '\\') {
        ++i_;
        if (i_ >= p_.size()) throw Unknown{};
        const char e = p_[i_];
        if (e == 'p' || e == 'P') {
          ++i_;
          if (At('{')) {
            size_t end = p_.find('}', i_);
            if (end == std::string_view::npos) throw Unknown{};
            i_ = end + 1;
          } else {
            Next();
          }
        } else if (std::string_view("dDsSwWC").find(e) != std::string_view::npos) {
          ++i_;
        } else if (std::string_view("bBAz").find(e) != std::string_view::npos) {
          ++i_;
          zero_width = true;
        } else if ((e >= '0' && e <= '9') || (e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') ||
                   static_cast<unsigned char>(e) >= 0x80) {
          throw Unknown{};  // \x, \n, \Q, octal, …: not followed
        } else {
          literal = true;
          lit = Next();
        }
      } else if (c == '^' || c == '$') {
        ++i_;
        zero_width = true;
      } else if (c == '.') {
        ++i_;
      } else if (c == '*' || c == '+' || c == '?' || c == '{') {
        throw Unknown{};  // a repetition of nothing
      } else {
        literal = true;
        lit = Next();
      }
      if (zero_width) continue;
      const std::optional<int> min = Repetition();
      if (literal && !min) {
        run += lit;
        continue;
      }
      if (literal) {  // present at least `min` times (or not at all)
        if (*min == 0) {
          flush();
        } else {
          run += lit;  // the run reaches its first occurrence; what follows may not touch it
          flush();
        }
        continue;
      }
      flush();
      if (min && *min == 0) continue;
      out.insert(out.end(), item.begin(), item.end());
    }
    flush();
    return out;
  }

  // A repetition after an item: its minimum count, or nullopt when there is none.
  std::optional<int> Repetition() {
    if (i_ >= p_.size()) return std::nullopt;
    int min;
    const char c = p_[i_];
    if (c == '?' || c == '*') {
      min = 0;
      ++i_;
    } else if (c == '+') {
      min = 1;
      ++i_;
    } else if (c == '{') {
      size_t j = i_ + 1;
      long n = 0;
      bool digits = false;
      while (j < p_.size() && p_[j] >= '0' && p_[j] <= '9') n = n * 10 + (p_[j++] - '0'), digits = true;
      if (!digits) throw Unknown{};
      if (j < p_.size() && p_[j] == ',') {
        ++j;
        while (j < p_.size() && p_[j] >= '0' && p_[j] <= '9') ++j;
      }
      if (j >= p_.size() || p_[j] != '}') throw Unknown{};
      i_ = j + 1;
      min = n > 0 ? 1 : 0;
    } else {
      return std::nullopt;
    }
    if (At('?')) ++i_;  // lazy
    if (At('*') || At('+') || At('?') || At('{')) throw Unknown{};
    return min;
  }

  void SkipClass() {
    ++i_;  // [
    if (At('^')) ++i_;
    if (At(']')) ++i_;
    while (true) {
      if (i_ >= p_.size()) throw Unknown{};
      if (At(']')) {
        ++i_;
        return;
      }
      if (AtText("[:")) {
        size_t end = p_.find(":]", i_);
        if (end == std::string_view::npos) throw Unknown{};
        i_ = end + 2;
      } else if (At('\\')) {
        ++i_;
        if ((At('p') || At('P')) && i_ + 1 < p_.size() && p_[i_ + 1] == '{') {
          size_t end = p_.find('}', i_);
          if (end == std::string_view::npos) throw Unknown{};
          i_ = end + 1;
        } else {
          Next();
        }
      } else {
        Next();
      }
    }
  }

  std::string_view p_;
  size_t i_ = 0;
  std::string groups_;
};

}  // namespace

PatternNeeds Analyze(std::string_view pattern) {
  PatternNeeds needs;
  try {
    Parser parser(pattern);
    needs.clauses = parser.Pattern();
    needs.never = "[^\\x00-\\x{10FFFF}]" + parser.Groups();
  } catch (const Unknown&) {
    needs.clauses.clear();
  }
  needs.known = !needs.clauses.empty();
  if (!needs.known) needs.never.clear();
  return needs;
}

}  // namespace jixiao::rules_internal
