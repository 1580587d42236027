// Helpers shared by the tests: documents from inline text, files, running the CLI.
#ifndef JIXIAO_TESTS_TEST_UTIL_H_
#define JIXIAO_TESTS_TEST_UTIL_H_

#include <cstdint>
#include <string>

#include "extract/document.h"

namespace jixiao::test {

// A one-page document from `text`, normalized as a .txt input would be.
Document DocFromText(const std::string& text, const std::string& name = "inline");

std::string SourcePath(const std::string& relative);  // JIXIAO_SOURCE_DIR/relative
std::string ReadFile(const std::string& path);

struct Run {
  int exit_code = -1;
  std::string out, err;
};
// Runs the built jixiao with `args` (a shell-quoted string), capturing stdout and stderr.
Run RunJixiao(const std::string& args);

// A fresh database path `name`.db in a temporary folder of `suite` and this process (any old
// file and its -wal/-shm removed).
std::string TempDb(const std::string& suite, const std::string& name);
// The integer the query `sql` gives on database `db` (opened read-only).
int64_t CountOf(const std::string& db, const std::string& sql);

}  // namespace jixiao::test

#endif  // JIXIAO_TESTS_TEST_UTIL_H_
