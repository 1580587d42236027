#include "tests/test_util.h"

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "extract/normalize.h"

namespace jixiao::test {

Document DocFromText(const std::string& text, const std::string& name) {
  Document doc;
  doc.path = name + ".txt";
  doc.name = name;
  RawPage p;
  p.number = 1;
  p.text = text;
  doc.pages.push_back(p);
  Normalize(&doc);
  return doc;
}

std::string SourcePath(const std::string& relative) {
  return std::string(JIXIAO_SOURCE_DIR) + "/" + relative;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Run RunJixiao(const std::string& args) {
  char out_tmpl[] = "/tmp/jixiao_test_outXXXXXX";
  char err_tmpl[] = "/tmp/jixiao_test_errXXXXXX";
  int fo = mkstemp(out_tmpl), fe = mkstemp(err_tmpl);
  if (fo >= 0) close(fo);
  if (fe >= 0) close(fe);
  std::string cmd = std::string(JIXIAO_BINARY) + " " + args + " >" + out_tmpl + " 2>" + err_tmpl;
  int status = std::system(cmd.c_str());
  Run r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = ReadFile(out_tmpl);
  r.err = ReadFile(err_tmpl);
  std::remove(out_tmpl);
  std::remove(err_tmpl);
  return r;
}

}  // namespace jixiao::test
