// Hand-made audit results for the report writer tests (the audit core is written separately):
// findings with boxes on pages 1, 3 and 13 of corpus/meizhou-city-2024.pdf, and a text input.
#ifndef JIXIAO_TESTS_REPORT_FIXTURE_H_
#define JIXIAO_TESTS_REPORT_FIXTURE_H_

#include <string>

#include "audit/audit.h"

namespace jixiao::testing {

// corpus/meizhou-city-2024.pdf under `source_dir`: 5 findings (1 error, 2 warnings,
// 2 infos; one info without a box), a small score tree with one wrong parent sum, a total.
AuditResult MeizhouFixture(const std::string& source_dir);

// corpus/lechang-county-2024.txt under `source_dir`: one finding without a box, no total.
AuditResult LechangTextFixture(const std::string& source_dir);

}  // namespace jixiao::testing

#endif  // JIXIAO_TESTS_REPORT_FIXTURE_H_
