-- jixiao batch store, schema version 3: whether a document was assessed at all.
--
-- assessed = 0: the document was read, but no self-evaluation content was found in it (a 决算, a
-- text that is not a report, a PDF whose text is unreadable): it has no findings because nothing
-- was checked, and is never counted or shown as clean (`report`, `stats`, every export say "not
-- assessed"). note says why, in one line (AuditResult::note). Failed documents keep assessed = 1:
-- their status says more. Rows of a version-2 database count as assessed (they are re-audited by
-- a newer jixiao anyway, which fills these in).
ALTER TABLE documents ADD COLUMN assessed INTEGER NOT NULL DEFAULT 1;
ALTER TABLE documents ADD COLUMN note TEXT NOT NULL DEFAULT '';
