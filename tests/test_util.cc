#include "tests/test_util.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
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

std::string TempDb(const std::string& suite, const std::string& name) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("jixiao-" + suite + "-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path p = dir / (name + ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(p.string() + suffix);
  return p.string();
}

int64_t CountOf(const std::string& db, const std::string& sql) {
  SQLite::Database d(db, SQLite::OPEN_READONLY);
  return d.execAndGet(sql).getInt64();
}

}  // namespace jixiao::test
