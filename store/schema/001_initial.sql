-- jixiao batch store, schema version 1.
--
-- Each file store/schema/NNN_*.sql is one migration step: it takes a database from
-- PRAGMA user_version NNN-1 to NNN. The files are compiled into jixiao (store/embed_schema.cmake)
-- and applied in order, each in its own transaction, when `jixiao batch|report|stats|merge`
-- opens a database; user_version is set to NNN by the code after the step. A database newer than
-- the binary is refused. Never edit a released step: add the next one.
--
-- Identity: a document is its content (SHA-256 of the file's bytes) audited by one jixiao version
-- with one rules version (Rules::Version()). The same bytes found at several paths are one document
-- with several rows in `sources`. Amounts and scores are kept as written (TEXT), never as REAL.

-- One row per audited (or unreadable) document.
CREATE TABLE documents (
  id              INTEGER PRIMARY KEY,
  hash            TEXT NOT NULL,          -- SHA-256 of the file's bytes, lower-case hex
  jixiao_version  TEXT NOT NULL,          -- "0.1.0"
  rules_version   TEXT NOT NULL,          -- Rules::Version()
  path            TEXT NOT NULL,          -- the path it was first audited from (see sources)
  name            TEXT NOT NULL,          -- file name without directory and extension
  size            INTEGER NOT NULL,       -- bytes
  status          TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
  error           TEXT NOT NULL DEFAULT '',  -- Status::message() when status = 'failed'
  pages           INTEGER NOT NULL DEFAULT 0,
  department      TEXT NOT NULL DEFAULT '',  -- '' when not found
  department_source TEXT NOT NULL DEFAULT '',
  year            INTEGER NOT NULL DEFAULT 0,  -- 0 when not found
  year_source     TEXT NOT NULL DEFAULT '',
  total_max       TEXT,                   -- the stated total; NULL when none was found
  total_score     TEXT,
  total_grade     TEXT,
  total_page      INTEGER,
  total_line      INTEGER,
  cov_indicators  INTEGER NOT NULL DEFAULT 0,  -- AuditResult::coverage
  cov_with_max    INTEGER NOT NULL DEFAULT 0,
  cov_with_score  INTEGER NOT NULL DEFAULT 0,
  cov_checks_run  INTEGER NOT NULL DEFAULT 0,
  cov_unread      INTEGER NOT NULL DEFAULT 0,
  errors          INTEGER NOT NULL DEFAULT 0,  -- findings by severity (audit findings only)
  warnings        INTEGER NOT NULL DEFAULT 0,
  infos           INTEGER NOT NULL DEFAULT 0,
  audited_at      TEXT NOT NULL,          -- UTC, "2026-11-23T14:27:24Z"
  UNIQUE (hash, jixiao_version, rules_version)
);
CREATE INDEX documents_department_year ON documents (department, year);

-- Every path a document was seen at. A path whose file changed points to the new document; a
-- document no path points to any more is deleted with its rows.
CREATE TABLE sources (
  path            TEXT PRIMARY KEY,
  document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  seen_at         TEXT NOT NULL
);
CREATE INDEX sources_document ON sources (document_id);

-- The indicator tree as stated (AuditResult::indicators), in document order.
CREATE TABLE indicators (
  document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  seq             INTEGER NOT NULL,       -- 0-based position in the document
  path            TEXT NOT NULL,          -- JSON array of names, first level first
  level           INTEGER NOT NULL,       -- number of names in path
  max             TEXT,                   -- as written; NULL when not stated
  score           TEXT,
  page            INTEGER NOT NULL,
  line            INTEGER NOT NULL,
  PRIMARY KEY (document_id, seq)
) WITHOUT ROWID;

-- Every check run (AuditResult::checks), passed or not.
CREATE TABLE checks (
  document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  seq             INTEGER NOT NULL,
  check_id        TEXT NOT NULL,          -- CheckName(): "score.children_sum", ...
  result          TEXT NOT NULL,          -- VerdictName(): pass, warning, fail
  severity        TEXT NOT NULL,          -- SeverityName() of the finding when result != pass
  page            INTEGER NOT NULL,
  line            INTEGER NOT NULL,
  quote           TEXT NOT NULL,
  path            TEXT NOT NULL,          -- JSON array
  stated          TEXT NOT NULL,
  recomputed      TEXT NOT NULL,
  arithmetic      TEXT NOT NULL,
  bbox_x0 REAL, bbox_y0 REAL, bbox_x1 REAL, bbox_y1 REAL,  -- PDF points; NULL for text input
  PRIMARY KEY (document_id, seq)
) WITHOUT ROWID;

-- Findings: every field of `jixiao audit --format json`, plus the cross-year findings the store
-- computes itself (check_id 'change.cross_year'), which also name the other year's document.
CREATE TABLE findings (
  id              INTEGER PRIMARY KEY,
  document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  seq             INTEGER NOT NULL,       -- position in AuditResult::findings; -1 for cross-year
  check_id        TEXT NOT NULL,
  severity        TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'error')),
  page            INTEGER NOT NULL,
  line            INTEGER NOT NULL,
  quote           TEXT NOT NULL,
  path            TEXT NOT NULL,          -- JSON array
  stated          TEXT NOT NULL,
  recomputed      TEXT NOT NULL,
  arithmetic      TEXT NOT NULL,
  bbox_x0 REAL, bbox_y0 REAL, bbox_x1 REAL, bbox_y1 REAL,
  other_document_id INTEGER REFERENCES documents (id) ON DELETE CASCADE,  -- cross-year only
  other_page      INTEGER,
  other_line      INTEGER,
  other_quote     TEXT
);
CREATE INDEX findings_document ON findings (document_id);
CREATE INDEX findings_other_document ON findings (other_document_id);
CREATE INDEX findings_check ON findings (check_id, severity);

-- Figures a document states, by name and by the year they refer to (see store/figures.h): the
-- input of the cross-year comparison.
CREATE TABLE figures (
  document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  name            TEXT NOT NULL,
  refers_year     INTEGER NOT NULL,       -- the year the figure is about
  value           TEXT NOT NULL,          -- digits as written: "1745.25"
  unit            TEXT NOT NULL,          -- "万元", "元", "%", "分", ""
  page            INTEGER NOT NULL,
  line            INTEGER NOT NULL,
  quote           TEXT NOT NULL
);
CREATE INDEX figures_document ON figures (document_id, refers_year, name);
