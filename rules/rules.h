// Patterns as data. The rule files in rules/ (compiled into the binary) hold the RE2 patterns and
// word lists the outline parser uses; `--rules DIR` adds or overrides them without recompiling.
//
// File format (UTF-8, one rule per line):
//   # a comment                     blank lines and comments are ignored
//   name = PATTERN                  defines `name` (replaces every earlier definition of it)
//   name += PATTERN                 adds an alternative to `name` (tried in order)
// A PATTERN is RE2 syntax, matched against normalized text (see Document::text). Names are
// [a-z0-9_.]+. A malformed line, an unknown operator, or a pattern RE2 rejects is an error naming
// the file and the line.
#ifndef JIXIAO_AUDIT_RULES_H_
#define JIXIAO_AUDIT_RULES_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/status.h"

namespace re2 {
class RE2;
}

namespace jixiao {

class Rules {
 public:
  Rules();
  ~Rules();
  Rules(Rules&&) noexcept;
  Rules& operator=(Rules&&) noexcept;

  // The rules compiled into jixiao (from rules/*.rules at build time).
  static Result<Rules> Builtin();

  // Parses one rule file's text; `origin` names it in errors ("rules/score.rules").
  Status AddText(std::string_view text, const std::string& origin);
  // Every *.rules file in `dir`, in name order.
  Status AddDir(const std::string& dir);

  // The compiled alternatives of `name`, in order; an empty vector if the name is not defined.
  // The pointers live as long as this Rules object.
  const std::vector<const re2::RE2*>& Get(std::string_view name) const;
  // The first alternative of `name`; aborts if the name is not defined (a bug in jixiao's own
  // rules, caught by the tests).
  const re2::RE2& One(std::string_view name) const;
  bool Has(std::string_view name) const;

  // Compiles every rule not compiled yet (the built-in ones are compiled on first use): the
  // first pattern RE2 rejects, naming its file and line. For tests; Get does the same per rule.
  Status CompileAll() const;

  // A short hash of all rule texts: stored with batch results so that a change of rules re-audits.
  std::string Version() const;

  // The Version() of Builtin() followed by AddDir(dir) (dir "": the built-in rules alone), from
  // the rule texts without compiling a pattern: a batch whose files are all unchanged never needs
  // the compiled rules. Errors are AddDir's, except that an invalid RE2 pattern is found only when
  // the rules are built.
  static Result<std::string> VersionOf(const std::string& dir);

 private:
  struct Entry;
  Status Add(std::string_view text, const std::string& origin, bool lazy);
  std::map<std::string, std::unique_ptr<Entry>, std::less<>> entries_;
  std::string digest_input_;
};

}  // namespace jixiao

#endif  // JIXIAO_AUDIT_RULES_H_
