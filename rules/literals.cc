// The literals a pattern needs, read by a small recursive descent over RE2's syntax. It follows
// only what it is sure of: literal characters, escaped punctuation, character classes, `.`, the
// Perl classes, anchors, groups ((…), (?:…), (?P<name>…)), alternation and repetition. Anything
// else (flags, \Q…\E, \x, back-references, a `{` that is not a repetition) leaves the pattern
// unknown, and an unknown rule is always compiled.
//
// The result is a conjunction of clauses, each a disjunction of literals: `年初预算(?:数|额)?.{0,9}
// (?:执行率|完成率)` needs "年初预算" and one of "执行率", "完成率". A repetition that may be absent
// (?, *, {0,…}) needs nothing; one that is present at least once needs what its body needs. An
// alternation needs, for each way of taking one clause from every branch, one of their literals.
#include "rules/literals.h"

#include <algorithm>
#include <optional>
#include <tuple>

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

  // An alternation needs what each of its branches needs: (a1 ∧ a2) ∨ (b1 ∧ b2) is
  // (a1 ∨ b1) ∧ (a1 ∨ b2) ∧ (a2 ∨ b1) ∧ (a2 ∨ b2). The product is kept while it stays small;
  // past kMaxClauses each branch gives only its strongest clause.
  Cnf Alternation() {
    std::vector<Cnf> branches{Concatenation()};
    while (At('|')) {
      ++i_;
      branches.push_back(Concatenation());
    }
    if (branches.size() == 1) return branches[0];
    for (const Cnf& b : branches)
      if (b.empty()) return {};  // a branch that needs nothing: the alternation needs nothing
    Cnf product = branches[0];
    for (size_t k = 1; k < branches.size() && product.size() <= kMaxClauses; ++k) {
      Cnf next;
      for (const Clause& x : product) {
        for (const Clause& y : branches[k]) {
          Clause both = x;
          both.insert(both.end(), y.begin(), y.end());
          next.push_back(Simplified(std::move(both)));
        }
      }
      product = Deduplicated(std::move(next));
    }
    if (product.size() <= kMaxClauses) return product;
    Clause any;
    for (const Cnf& b : branches) {
      const Clause& best = *std::max_element(b.begin(), b.end(), [](const Clause& x, const Clause& y) {
        return Strength(x) < Strength(y);
      });
      any.insert(any.end(), best.begin(), best.end());
    }
    return {Simplified(std::move(any))};
  }

  static constexpr size_t kMaxClauses = 32;

  // A clause with its literals sorted, each once, and without a literal that contains another
  // of the clause's (a text holding 支出决算 holds 决算: {决算, 支出决算} is {决算}).
  static Clause Simplified(Clause c) {
    std::sort(c.begin(), c.end());
    c.erase(std::unique(c.begin(), c.end()), c.end());
    Clause out;
    for (const auto& l : c) {
      const bool implied = std::any_of(c.begin(), c.end(), [&](const std::u32string& m) {
        return m.size() < l.size() && l.find(m) != std::u32string::npos;
      });
      if (!implied) out.push_back(l);
    }
    return out;
  }

  // The clauses in their order, without one that another implies: a clause holds wherever one
  // does each of whose literals contains a literal of it ({决算} implies {决算, 年}).
  static Cnf Deduplicated(Cnf cnf) {
    auto implies = [](const Clause& a, const Clause& b) {
      return std::all_of(a.begin(), a.end(), [&](const std::u32string& l) {
        return std::any_of(b.begin(), b.end(), [&](const std::u32string& m) {
          return l.find(m) != std::u32string::npos;
        });
      });
    };
    std::vector<bool> implied(cnf.size(), false);
    for (size_t i = 0; i < cnf.size(); ++i) {
      for (size_t j = 0; j < cnf.size() && !implied[i]; ++j) {
        if (j == i || !implies(cnf[j], cnf[i])) continue;
        // Of two clauses that imply each other the first is kept.
        implied[i] = !implies(cnf[i], cnf[j]) || j < i;
      }
    }
    Cnf out;
    for (size_t i = 0; i < cnf.size(); ++i)
      if (!implied[i]) out.push_back(std::move(cnf[i]));
    return out;
  }

  // A clause's strength: whether every literal has a character outside ASCII (a text always
  // holds ASCII, so a clause with an ASCII literal says nothing of it), then its shortest
  // literal's length, then fewer literals.
  static std::tuple<bool, size_t, long> Strength(const Clause& c) {
    size_t shortest = SIZE_MAX;
    bool wide = true;
    for (const auto& l : c) {
      shortest = std::min(shortest, l.size());
      wide = wide && std::any_of(l.begin(), l.end(), [](char32_t ch) { return ch >= 0x80; });
    }
    return {wide, shortest, -static_cast<long>(c.size())};
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
