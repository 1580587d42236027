// jixiao_report_fixture FORMAT OUT [DOCS]: writes the hand-made fixture results with the report
// writers, for the shell tests (Chromium) and for looking at the outputs by hand. DOCS is
// "meizhou" (default), "text" or "both".
#include <iostream>
#include <string>

#include "report/report.h"
#include "tests/report_fixture.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: jixiao_report_fixture FORMAT OUT [meizhou|text|both]\n";
    return 2;
  }
  jixiao::Format format;
  if (!jixiao::ParseFormat(argv[1], &format)) {
    std::cerr << "unknown format " << argv[1] << "\n";
    return 2;
  }
  std::string docs = argc > 3 ? argv[3] : "meizhou";
  std::vector<jixiao::AuditResult> results;
  if (docs != "text") results.push_back(jixiao::testing::MeizhouFixture(JIXIAO_SOURCE_DIR));
  if (docs != "meizhou") results.push_back(jixiao::testing::LechangTextFixture(JIXIAO_SOURCE_DIR));
  std::string out = argv[2];
  jixiao::WriteOptions options;
  options.lang = jixiao::ChooseLang("");
  options.pdf.reader = JIXIAO_PDF_READER;  // page images drawn as jixiao draws them
  jixiao::Status s = jixiao::WriteResults(results, format, out == "-" ? "" : out, std::cout, options);
  if (!s.ok()) {
    std::cerr << s.message() << "\n";
    return 2;
  }
  return 0;
}
