#!/usr/bin/env bash
# Benchmark of `jixiao batch` (numbers go in docs/batch.md):
#   1. N documents (default 300) made from the corpus PDFs and .txt files, each copy made distinct
#      by an appended line (a PDF comment after %%EOF, a text line), timed against pdftotext run
#      over the same PDFs two at a time;
#   2. a re-run over the unchanged batch (median of 5; it opens no file), the start of the process
#      alone for comparison, and a re-run with --rehash (reads and hashes every file, audits none:
#      what every re-run cost before schema 2);
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
# Median wall time of 5 runs, in seconds with 3 decimals (the re-run is too quick for %e).
median5() {
  local i t0 t1 times=()
  for i in 1 2 3 4 5; do
    t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p | awk '{ printf "%.3f", $1 / 1000 }'
}
peak_kb() { { /usr/bin/time -f %M "$@" 2>&1 >/dev/null || true; } | tail -1; }

make_docs "$WORK/mixed" "$N" both
made=$(date +%s)
pdfs=$(find "$WORK/mixed" -name '*.pdf' | wc -l)
echo "documents: $N ($pdfs PDFs, $((N - pdfs)) .txt), jobs 2"
t=$(seconds bash -c "find '$WORK/mixed' -name '*.pdf' -print0 | xargs -0 -P2 -n1 sh -c 'pdftotext \"\$0\" /dev/null'")
echo "pdftotext over the $pdfs PDFs, 2 at a time: ${t}s"
# Files written less than 3 s before they are read are "racy" and read again by the next run
# (docs/batch.md): a real batch reads older files, so make sure these are too.
while (( $(date +%s) - made < 4 )); do sleep 1; done
first=$(seconds "$JIXIAO" batch --db "$WORK/mixed.db" --jobs 2 "$WORK/mixed")
echo "jixiao batch --jobs 2, first run:          ${first}s"
t=$(median5 "$JIXIAO" batch --db "$WORK/mixed.db" --jobs 2 "$WORK/mixed")
echo "jixiao batch --jobs 2, unchanged re-run:    ${t}s ($(awk -v a="$t" -v b="$first" 'BEGIN { printf "%.2f", 100 * a / b }')% of the first run)"
echo "  $("$JIXIAO" batch --db "$WORK/mixed.db" --jobs 2 "$WORK/mixed" 2>&1 | grep '^jixiao batch:' | sed 's/ in [0-9.]*s;/;/')"
t=$(median5 "$JIXIAO" --version)
echo "jixiao --version (starting the process):   ${t}s"
t=$(seconds "$JIXIAO" batch --db "$WORK/mixed.db" --jobs 2 --rehash "$WORK/mixed")
echo "jixiao batch --jobs 2 --rehash (reads all):  ${t}s"
echo "  $(sqlite3 "$WORK/mixed.db" "SELECT count(*) || ' documents, ' || sum(status='failed') || ' failed' FROM documents")"

make_docs "$WORK/txt" "$N" txt
t=$(seconds "$JIXIAO" batch --db "$WORK/txt.db" --jobs 2 "$WORK/txt")
echo "jixiao batch --jobs 2, $N .txt only:        ${t}s"

for n in 100 1000; do
  make_docs "$WORK/rss$n" "$n" both
  kb=$(peak_kb "$JIXIAO" batch --db "$WORK/rss$n.db" --jobs 2 "$WORK/rss$n")
  echo "peak RSS, $n documents: ${kb} KB"
done
