// The auditor's decisions on findings, kept in the batch database (store/schema/005_reviews.sql)
// by fingerprint, so that re-audits and merges keep them.
#ifndef JIXIAO_STORE_REVIEWS_H_
#define JIXIAO_STORE_REVIEWS_H_

#include <string>
#include <unordered_map>

#include "extract/status.h"
#include "store/store.h"

namespace jixiao {

struct ReviewRecord {
  std::string fingerprint;
  std::string decision;  // "accepted" or "dismissed"
  std::string why, by, at;
  std::string check, document_hash;
};

// Records (or replaces) the decision on `r.fingerprint`; `r.at` empty: now.
Status RecordReview(Store& store, ReviewRecord r);

// Every decision, by fingerprint.
Result<std::unordered_map<std::string, ReviewRecord>> LoadReviews(Store& store);

// Copies the decisions of the database at `other` (schema 3 or later; an older one has none):
// a fingerprint decided in both keeps the later decision. Returns how many were added or updated.
Result<int> MergeReviews(Store& store, const std::string& other);

}  // namespace jixiao

#endif  // JIXIAO_STORE_REVIEWS_H_
