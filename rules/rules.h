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

#include <atomic>
#include <initializer_list>
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
  // The names defined, in order.
  std::vector<std::string> Names() const;
  // The alternatives of `name` as written, without compiling them: for rules that hold words or
  // names rather than patterns (a rule set's title, lists of synonyms). Empty if not defined.
  std::vector<std::string_view> Texts(std::string_view name) const;

  // Compiles every rule not compiled yet (the built-in ones are compiled on first use): the
  // first pattern RE2 rejects, naming its file and line. For tests and for compiling ahead while
  // a PDF is read; Get does the same per rule. Stops between two rules once `*stop` is true.
  Status CompileAll(const std::atomic<bool>* stop = nullptr) const;

  // These rules as seen from one document. An alternative whose pattern needs literals
  // (rules/literals.h: every match contains one of a set of literals) none of which can be
  // spelled with the characters of `texts` and ASCII is never compiled: Get gives in its place
  // a pattern with the same capture groups that matches nothing. Every string jixiao matches
  // while auditing a document is made of the document's characters (its text, as written, its
  // path) and ASCII, so the answers do not change (the goldens and tests/rules_test.cc compare);
  // what changes is that a one-page form compiles half the rules. Rules already focused are
  // returned as they are. The view shares the compiled rules (and keeps them alive);
  // Add/AddText/AddDir are refused while a view exists.
  Rules Focused(std::initializer_list<std::string_view> texts) const;
  // How many alternatives a focused view has set aside so far (0 for rules not focused).
  int SetAside() const;

  // A short hash of all rule texts: stored with batch results so that a change of rules re-audits.
  std::string Version() const;

  // The Version() of Builtin() followed by AddDir(dir) (dir "": the built-in rules alone), from
  // the rule texts without compiling a pattern: a batch whose files are all unchanged never needs
  // the compiled rules. Errors are AddDir's, except that an invalid RE2 pattern is found only when
  // the rules are built.
  static Result<std::string> VersionOf(const std::string& dir);

 private:
  struct Entry;
  struct Focus;
  using Entries = std::map<std::string, std::unique_ptr<Entry>, std::less<>>;
  Status Add(std::string_view text, const std::string& origin, bool lazy);
  std::shared_ptr<Entries> entries_;
  std::string digest_input_;
  std::shared_ptr<Focus> focus_;  // null: every rule as written
};

}  // namespace jixiao

#endif  // JIXIAO_AUDIT_RULES_H_
