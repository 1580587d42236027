-- jixiao batch store, schema version 5: the auditor's decisions on findings (`jixiao review`).
--
-- A decision is keyed by the finding's fingerprint (report/report.h Fingerprint: check id, the
-- document's SHA-256, the indicator path, the stated value and the figures of the quote), not by
-- a row id, so it survives a re-audit that deletes and rewrites the document's findings (a new
-- build, new rules, --force) and a merge: the table is not tied to `documents` and is never
-- cleared. A finding that disappears leaves its decision here unused; if it comes back, so does
-- the decision. One decision per fingerprint: the latest recorded (by `decided_at`) wins, also in
-- merges.
CREATE TABLE reviews (
  fingerprint     TEXT PRIMARY KEY,       -- 16 hex digits
  decision        TEXT NOT NULL CHECK (decision IN ('accepted', 'dismissed')),
  why             TEXT NOT NULL,
  decided_by      TEXT NOT NULL,
  decided_at      TEXT NOT NULL,          -- UTC, "2026-12-01T10:00:00Z"
  check_id        TEXT NOT NULL,          -- of the finding, for people reading the table
  document_hash   TEXT NOT NULL           -- SHA-256 of the document the finding is on
) WITHOUT ROWID;
