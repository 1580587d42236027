// Helpers shared by the tests: documents from inline text, files, running the CLI.
#ifndef JIXIAO_TESTS_TEST_UTIL_H_
#define JIXIAO_TESTS_TEST_UTIL_H_

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

}  // namespace jixiao::test

#endif  // JIXIAO_TESTS_TEST_UTIL_H_
