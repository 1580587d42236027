#!/usr/bin/env bash
# Benchmark of `jixiao batch` (numbers go in docs/batch.md):
#   1. N documents (default 300) made from the corpus PDFs and .txt files, each copy made distinct
#      by an appended line (a PDF comment after %%EOF, a text line), timed against pdftotext run
#      over the same PDFs two at a time;
#   2. a re-run over the unchanged batch;
#   3. peak RSS of a batch of 100 and of 1000 documents.
# Usage: tools/bench_batch.sh [BUILD_DIR] [N]   (needs /usr/bin/time and pdftotext)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
N=${2:-300}
JIXIAO=$BUILD/jixiao
WORK=$(mktemp -d /tmp/jixiao-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

make_docs() {  # make_docs DIR COUNT [pdf|txt|both]
  local dir=$1 count=$2 kind=${3:-both} i=0
  mkdir -p "$dir"
  local sources=()
  [[ $kind != txt ]] && sources+=(corpus/*.pdf)
  [[ $kind != pdf ]] && sources+=(corpus/*.txt)
  while (( i < count )); do
    for src in "${sources[@]}"; do
      (( i < count )) || break
      local base ext
      base=$(basename "$src"); ext=${base##*.}
      cp "$src" "$dir/${base%.*}-$i.$ext"
      if [[ $ext == pdf ]]; then printf '%%bench copy %d\n' "$i" >>"$dir/${base%.*}-$i.$ext"
      else printf '\n bench copy %d\n' "$i" >>"$dir/${base%.*}-$i.$ext"; fi
      i=$((i + 1))
    done
  done
}

seconds() { { /usr/bin/time -f %e "$@" 2>&1 >/dev/null || true; } | tail -1; }
peak_kb() { { /usr/bin/time -f %M "$@" 2>&1 >/dev/null || true; } | tail -1; }

make_docs "$WORK/mixed" "$N" both
pdfs=$(find "$WORK/mixed" -name '*.pdf' | wc -l)
echo "documents: $N ($pdfs PDFs, $((N - pdfs)) .txt), jobs 2"
t=$(seconds bash -c "find '$WORK/mixed' -name '*.pdf' -print0 | xargs -0 -P2 -n1 sh -c 'pdftotext \"\$0\" /dev/null'")
echo "pdftotext over the $pdfs PDFs, 2 at a time: ${t}s"
t=$(seconds "$JIXIAO" batch --db "$WORK/mixed.db" --jobs 2 "$WORK/mixed")
echo "jixiao batch --jobs 2, first run:          ${t}s"
t=$(seconds "$JIXIAO" batch --db "$WORK/mixed.db" --jobs 2 "$WORK/mixed")
echo "jixiao batch --jobs 2, unchanged re-run:    ${t}s"
echo "  $(sqlite3 "$WORK/mixed.db" "SELECT count(*) || ' documents, ' || sum(status='failed') || ' failed' FROM documents")"

make_docs "$WORK/txt" "$N" txt
t=$(seconds "$JIXIAO" batch --db "$WORK/txt.db" --jobs 2 "$WORK/txt")
echo "jixiao batch --jobs 2, $N .txt only:        ${t}s"

for n in 100 1000; do
  make_docs "$WORK/rss$n" "$n" both
  kb=$(peak_kb "$JIXIAO" batch --db "$WORK/rss$n.db" --jobs 2 "$WORK/rss$n")
  echo "peak RSS, $n documents: ${kb} KB"
done
