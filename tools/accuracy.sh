#!/usr/bin/env bash
# Accuracy on the corpus with the shared scorers (needs ../shared beside the checkout): the
# score_corpus table from .txt and from .pdf, and mutation detection. Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
J=${JIXIAO:-build/jixiao}
echo '| input | indicators | relations checked | findings recalled | unlabelled errors/warnings | totals |'
echo '|---|---|---|---|---|---|'
row() {  # corpus-name ext [score_corpus args]
  local name=$1 ext=$2; shift 2
  python3 "$SHARED/tools/score_corpus.py" --cmd "$J audit --format json {}" --ext "$ext" "$@" |
    sed -n 's#^TOTAL docs [0-9]* (no output: [0-9]*)  indicators \(.*\)  relations checked \(.*\)  findings recalled \(.*\)  unlabelled errors/warnings \(.*\)  totals \(.*\)$#| '"$name"' '"$ext"' | \1 | \2 | \3 | \4 | \5 |#p'
}
for ext in txt pdf; do row shared $ext; done
# The project's own real-derived corpora; the PDF rows score only the documents that have a PDF.
pdf_labels() {  # corpus-dir → a temporary folder with the labels of its PDFs
  local d; d=$(mktemp -d)
  for p in "$1"/*.pdf; do cp "$1/labels/$(basename "${p%.pdf}").json" "$d/"; done
  echo "$d"
}
for c in corpus/real corpus/forms; do
  row "$c" txt --labels "$c/labels" --corpus "$c"
  l=$(pdf_labels "$c"); row "$c" pdf --labels "$l" --corpus "$c"; rm -rf "$l"
done
echo
echo '| mutations (one wrong figure planted at a time, 40 per document) | detected |'
echo '|---|---|'
python3 "$SHARED/tools/mutate_eval.py" --cmd "$J audit --format json {}" --per-doc 40 |
  sed -n 's/^\([a-z0-9-]*\): detected \(.*\)$/| \1 | \2 |/p; s/^TOTAL mutations detected \(.*\)$/| **total** | \1 |/p'
