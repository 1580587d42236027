// RecordReview, LoadReviews, MergeReviews.
#include "store/reviews.h"

#include "store/store_internal.h"

namespace jixiao {

Status RecordReview(Store& store, ReviewRecord r) {
  Store::Impl* impl = store.impl();
  if (r.at.empty()) r.at = UtcNow();
  return Guarded(impl->path, [&] {
    SQLite::Statement q(impl->db,
                        "INSERT OR REPLACE INTO reviews (fingerprint, decision, why, decided_by, "
                        "decided_at, check_id, document_hash) VALUES (?,?,?,?,?,?,?)");
    q.bind(1, r.fingerprint);
    q.bind(2, r.decision);
    q.bind(3, r.why);
    q.bind(4, r.by);
    q.bind(5, r.at);
    q.bind(6, r.check);
    q.bind(7, r.document_hash);
    q.exec();
    return Status::Ok();
  });
}

Result<std::unordered_map<std::string, ReviewRecord>> LoadReviews(Store& store) {
  Store::Impl* impl = store.impl();
  std::unordered_map<std::string, ReviewRecord> out;
  Status s = Guarded(impl->path, [&] {
    SQLite::Statement q(impl->db,
                        "SELECT fingerprint, decision, why, decided_by, decided_at, check_id, "
                        "document_hash FROM reviews");
    while (q.executeStep()) {
      ReviewRecord r;
      r.fingerprint = q.getColumn(0).getString();
      r.decision = q.getColumn(1).getString();
      r.why = q.getColumn(2).getString();
      r.by = q.getColumn(3).getString();
      r.at = q.getColumn(4).getString();
      r.check = q.getColumn(5).getString();
      r.document_hash = q.getColumn(6).getString();
      out.emplace(r.fingerprint, std::move(r));
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<int> MergeReviews(Store& store, const std::string& other) {
  Store::Impl* impl = store.impl();
  int changed = 0;
  Status s = Guarded(impl->path, [&] {
    SQLite::Database in(other, SQLite::OPEN_READONLY);
    if (!in.tableExists("reviews")) return Status::Ok();
    SQLite::Statement q(in,
                        "SELECT fingerprint, decision, why, decided_by, decided_at, check_id, "
                        "document_hash FROM reviews");
    SQLite::Transaction tx(impl->db);
    SQLite::Statement up(
        impl->db,
        "INSERT INTO reviews (fingerprint, decision, why, decided_by, decided_at, check_id, "
        "document_hash) VALUES (?,?,?,?,?,?,?) ON CONFLICT (fingerprint) DO UPDATE SET "
        "decision = excluded.decision, why = excluded.why, decided_by = excluded.decided_by, "
        "decided_at = excluded.decided_at WHERE excluded.decided_at > reviews.decided_at");
    while (q.executeStep()) {
      for (int i = 0; i < 7; ++i) up.bind(i + 1, q.getColumn(i).getString());
      changed += up.exec();
      up.reset();
    }
    tx.commit();
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return changed;
}

}  // namespace jixiao
