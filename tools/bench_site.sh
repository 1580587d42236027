#!/usr/bin/env bash
# The batch HTML site at scale: builds a store of N documents (default 10,000) and times
# `jixiao report --format html -o DIR/`, printing the index size, the pages written and the time.
# The store is a real batch of the corpus's text documents, each copied in SQLite under a distinct
# hash, path, department and year (with its findings, indicators and checks), so the site has
# N documents as a real batch would hold them — without auditing N files.
# Usage: tools/bench_site.sh [N] [WORKDIR]   (JIXIAO=build/jixiao by default)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
work=${2:-$(mktemp -d)}
JIXIAO=${JIXIAO:-build/jixiao}
command -v sqlite3 >/dev/null || { echo "bench_site.sh: sqlite3 is needed (apt-get install sqlite3)" >&2; exit 2; }
mkdir -p "$work"
db="$work/site.db"
rm -f "$db" "$db-wal" "$db-shm"
rm -rf "$work/site"
# The seed: every text document of the corpus, one batch.
"$JIXIAO" batch --db "$db" corpus/*.txt corpus/styles/*.txt corpus/real/*.txt corpus/forms/*.txt \
  >/dev/null 2>&1 || true
seed=$(sqlite3 "$db" "SELECT count(*) FROM documents")
# Copies: document k (k > seed) is a copy of document ((k - 1) % seed) + 1, the copies' ids
# numbered from the seed's maximum up.
sqlite3 "$db" <<SQL
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TEMP TABLE seed AS SELECT id, row_number() OVER (ORDER BY id) AS r FROM documents;
CREATE TEMP TABLE n AS WITH RECURSIVE c(k) AS (SELECT $seed + 1 UNION ALL SELECT k + 1 FROM c WHERE k < $N)
  SELECT k FROM c;
CREATE TEMP TABLE copies AS
  SELECT n.k AS k, s.id AS src, (SELECT max(id) FROM documents) + n.k - $seed AS id
  FROM n JOIN seed s ON s.r = ((n.k - 1) % $seed) + 1;
INSERT INTO documents (id, hash, jixiao_version, rules_version, path, name, size, status, error, pages,
    department, department_source, year, year_source, total_max, total_score, total_grade, total_page,
    total_line, cov_indicators, cov_with_max, cov_with_score, cov_checks_run, cov_unread, errors,
    warnings, infos, audited_at, assessed, note)
  SELECT c.id, substr(d.hash, 1, 48) || printf('%016x', c.k), d.jixiao_version, d.rules_version,
    'copies/' || (c.k / 100) || '/' || c.k || '-' || d.name || '.txt', d.name || '-' || c.k, d.size,
    d.status, d.error, d.pages, d.department || '（' || (c.k % 300) || '）', d.department_source,
    2015 + c.k % 10, d.year_source, d.total_max, d.total_score, d.total_grade, d.total_page,
    d.total_line, d.cov_indicators, d.cov_with_max, d.cov_with_score, d.cov_checks_run,
    d.cov_unread, d.errors, d.warnings, d.infos, d.audited_at, d.assessed, d.note
  FROM copies c JOIN documents d ON d.id = c.src;
INSERT INTO sources (path, document_id, seen_at)
  SELECT d.path, d.id, '2026-12-01T00:00:00Z' FROM documents d JOIN copies c ON c.id = d.id;
INSERT INTO indicators SELECT c.id, i.seq, i.path, i.level, i.max, i.score, i.page, i.line
  FROM copies c JOIN indicators i ON i.document_id = c.src;
INSERT INTO checks SELECT c.id, x.seq, x.check_id, x.result, x.severity, x.page, x.line, x.quote,
    x.path, x.stated, x.recomputed, x.arithmetic, x.bbox_x0, x.bbox_y0, x.bbox_x1, x.bbox_y1
  FROM copies c JOIN checks x ON x.document_id = c.src;
INSERT INTO findings (document_id, seq, check_id, severity, page, line, quote, path, stated,
    recomputed, arithmetic, bbox_x0, bbox_y0, bbox_x1, bbox_y1)
  SELECT c.id, f.seq, f.check_id, f.severity, f.page, f.line, f.quote, f.path, f.stated,
    f.recomputed, f.arithmetic, f.bbox_x0, f.bbox_y0, f.bbox_x1, f.bbox_y1
  FROM copies c JOIN findings f ON f.document_id = c.src WHERE f.seq >= 0;
COMMIT;
SQL
docs=$(sqlite3 "$db" "SELECT count(*) FROM documents")
findings=$(sqlite3 "$db" "SELECT count(*) FROM findings")
start=$(date +%s.%N)
rc=0
"$JIXIAO" report --db "$db" --all --format html -o "$work/site/" >/dev/null 2>"$work/report.err" || rc=$?
end=$(date +%s.%N)
if ((rc > 1)); then
  echo "bench_site.sh: report failed (exit $rc):" >&2
  cat "$work/report.err" >&2
  exit 2
fi
pages=$(find "$work/site/docs" -name '*.html' | wc -l)
index=$(stat -c %s "$work/site/index.html")
total=$(du -sk "$work/site" | cut -f1)
printf 'documents %d (seed %d), findings %d\n' "$docs" "$seed" "$findings"
printf 'site: index.html %d bytes (%.0f bytes a document), %d document pages, %d KiB in all\n' \
  "$index" "$(echo "$index / $docs" | bc -l)" "$pages" "$total"
printf 'report --format html -o DIR/: %.1f s\n' "$(echo "$end - $start" | bc -l)"
