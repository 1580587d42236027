-- jixiao batch store, schema version 6: every part of a document, each form with its identity.
--
-- A file may hold several documents: a unit's project forms one after another, the forms in the
-- appendix of a 决算 PDF. `jixiao audit` reads it into parts (AuditResult::parts); each part is one
-- row here, so a form is a document of the store with its identity (项目名称, 主管部门, 实施单位,
-- year, project code), its page range, its total and score, the 全年执行数 of its funds block and
-- the findings inside it (findings.part). Values are as written (TEXT); NULL when not read.
-- Rows of a version-5 database have none (their documents are re-audited by a newer jixiao anyway,
-- which fills them in): such documents are listed by `stats --projects` as they are, without forms.
CREATE TABLE forms (
  document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  seq             INTEGER NOT NULL,       -- index in AuditResult::parts, 0-based
  kind            TEXT NOT NULL,          -- project_form, department_form, department_report, ...
  first_page      INTEGER NOT NULL,
  last_page       INTEGER NOT NULL,
  first_line      INTEGER,                -- source lines of the part; NULL when not known
  last_line       INTEGER,
  title           TEXT NOT NULL,
  project         TEXT NOT NULL,          -- 项目名称; '' when not given
  department      TEXT NOT NULL,          -- 主管部门 as written ("305-红岭县水利局")
  department_key  TEXT NOT NULL,          -- the department it is grouped under: 主管部门 without a
                                          -- leading code ("红岭县水利局"), else the document's
  unit            TEXT NOT NULL,          -- 实施单位
  code            TEXT NOT NULL,          -- project code; '' when not given
  year            INTEGER NOT NULL,       -- the form's year, else the document's; 0 when not found
  assessed        INTEGER NOT NULL,
  total_max       TEXT,                   -- 总分's max and score, as the checks read them
  total_score     TEXT,
  budget          TEXT,                   -- 年度资金总额: 全年预算数 (A), 全年执行数 (B), 执行率
  spent           TEXT,
  rate            TEXT,
  funds_unit      TEXT,                   -- the funds block's unit ("万元"); NULL when not printed
  spent_page      INTEGER,
  spent_line      INTEGER,
  project_spending TEXT,                  -- a report part: its 项目支出 (决算) for its year, with
  project_spending_page INTEGER,          -- unit ("4608.75万元"); NULL when not stated with
  project_spending_line INTEGER,          -- certainty
  project_spending_quote TEXT,
  errors          INTEGER NOT NULL DEFAULT 0,  -- audit findings inside the part, by severity
  warnings        INTEGER NOT NULL DEFAULT 0,
  infos           INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (document_id, seq)
) WITHOUT ROWID;
CREATE INDEX forms_department_year ON forms (department_key, year);
CREATE INDEX forms_code ON forms (code);

-- The part a finding is in (forms.seq of its document); NULL for findings outside every part and
-- for the findings the store computes (change.cross_year, sum.projects).
ALTER TABLE findings ADD COLUMN part INTEGER;
