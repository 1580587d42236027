// Decisions on findings in a plain file, for `jixiao audit --reviews FILE` (no database): JSON
// lines {"fingerprint", "decision", "why", "by", "at"}, appended by `jixiao review --reviews FILE`;
// a later line for the same fingerprint replaces an earlier one.
#ifndef JIXIAO_REPORT_REVIEW_FILE_H_
#define JIXIAO_REPORT_REVIEW_FILE_H_

#include <string>
#include <unordered_map>

#include "extract/status.h"
#include "report/report.h"

namespace jixiao {

// The decisions in `path`, by fingerprint. A missing file is kNotFound; a malformed line is
// kCorrupt naming the file and the line.
Result<std::unordered_map<std::string, Review>> LoadReviewFile(const std::string& path);

// Appends one decision to `path` (created if missing).
Status AppendReviewFile(const std::string& path, const std::string& fingerprint, const Review& r);

}  // namespace jixiao

#endif  // JIXIAO_REPORT_REVIEW_FILE_H_
