// The score tree as the HTML report shows it: each indicator with, for parents, the sums of its
// children's max and score recomputed from the rows themselves (exact decimal arithmetic).
#ifndef JIXIAO_REPORT_SCORE_TREE_H_
#define JIXIAO_REPORT_SCORE_TREE_H_

#include <optional>
#include <string>
#include <vector>

#include "audit/audit.h"

namespace jixiao {

// The exact sum of decimal numbers as written ("1.5", "13", "-0.25"), formatted with the largest
// number of decimals among them; nullopt when `terms` is empty or one is not a plain number.
std::optional<std::string> DecimalSum(const std::vector<std::string>& terms);
// Whether two decimals as written are equal as numbers ("3" == "3.00"); false if either is not one.
bool DecimalEqual(const std::string& a, const std::string& b);

// A recomputed sum and whether it matches the stated value (nullopt: nothing to compare).
struct SumCheck {
  std::string sum;         // "" when a child lacks the value
  std::optional<bool> ok;  // set when both the sum and the stated value are known
};

struct TreeRow {
  const IndicatorRow* row = nullptr;  // points into the AuditResult::indicators it was built from
  int depth = 0;                      // row->path.size() - 1
  int children = 0;
  SumCheck max, score;  // of the children; meaningful when children > 0
};

// One TreeRow per indicator, in the given order. Children of a row are the rows whose path
// extends its path by one name.
std::vector<TreeRow> BuildScoreTree(const std::vector<IndicatorRow>& rows);

// The first-level rows summed against the stated total (for the tree's last row).
struct TotalCheck {
  SumCheck max, score;
};
TotalCheck CheckTotal(const AuditResult& r);

}  // namespace jixiao

#endif  // JIXIAO_REPORT_SCORE_TREE_H_
