-- jixiao batch store: the completion row of a shard (docs/scale.md).
--
-- `jixiao batch --manifest M --shard-index I --shard-count N --db shard-I.db` writes its database
-- under a temporary name and renames it to shard-I.db only after this row is written, so a shard
-- database without the row was never finished, and a finished one holds exactly `expected`
-- documents: `done` audited and `failed` stored as unreadable. `jixiao merge --manifest` refuses a
-- shard without it, or whose row disagrees with the other shards (manifest, shard count, build id,
-- rules version); a merged database keeps the rows of the shards it was made from.
-- (Numbered 004 so that it sorts after a 003 step written at the same time on another branch:
-- steps are applied in file-name order.)
CREATE TABLE shard_runs (
  shard_index     INTEGER NOT NULL,       -- I, 0-based
  shard_count     INTEGER NOT NULL,       -- N
  manifest_sha256 TEXT NOT NULL,          -- SHA-256 of the manifest file's bytes
  jixiao_version  TEXT NOT NULL,          -- the build id the documents were audited with
  rules_version   TEXT NOT NULL,          -- Rules::Version()
  expected        INTEGER NOT NULL,       -- manifest entries in this shard
  done            INTEGER NOT NULL,       -- of them, audited (status 'ok')
  failed          INTEGER NOT NULL,       -- of them, stored as failed (status 'failed')
  host            TEXT NOT NULL,          -- gethostname() of the machine that ran it
  started_at      TEXT NOT NULL,          -- UTC
  finished_at     TEXT NOT NULL
);
