#!/usr/bin/env bash
# Regenerates tests/golden/ from the current build: for each document in corpus/, corpus/styles/,
# corpus/styles/forms/ and the real-derived corpus/real/ and corpus/forms/ (so the tests assert what
# jixiao finds in each), its normalized text (extract), document model (outline --structure), outline (outline) and audit JSON (audit --format
# json) and terminal text (audit). Review the diff before committing: a golden change is a behaviour change.
set -euo pipefail
cd "$(dirname "$0")/.."
JIXIAO=${JIXIAO:-build/jixiao}
mode=${1:-write}   # "write" or "check"
# The stages compared; the sanitizer run (tools/sanitize.sh) checks only the audit's JSON and text,
# which run every stage before them.
kinds=${GOLDEN_KINDS:-extract structure outline audit text}
# Deterministic outputs: Chinese (the default language), no colour, a fixed run date; the build id
# and the rules digest in the JSON provenance are replaced (they change with every code change).
unset LANG LC_ALL LC_MESSAGES
export NO_COLOR=1 SOURCE_DATE_EPOCH=0
stable() { sed -E 's/[0-9]+\.[0-9]+\.[0-9]+\+[0-9a-f]{12}/BUILD/g; s/"rules":"[^"]*"/"rules":"RULES"/g'; }
status=0
files=()
for f in corpus/*.txt corpus/*.pdf corpus/styles/*.txt corpus/styles/forms/*.txt corpus/real/*.txt corpus/real/*.pdf corpus/forms/*.txt corpus/forms/*.pdf; do
  [[ -e "$f" ]] && files+=("$f")
done
golden() { local base; base=$(basename "$1"); printf '%s' "tests/golden/${base%.*}.${1##*.}.$2"; }
# GOLDEN_ONE_PROCESS=1 (check only): the audit JSON of every document from one `jixiao audit` of
# all of them (one JSON line each, in order) instead of a process each. The sanitizer run uses it:
# under ASan most of a one-document process is compiling the rules. It also checks that documents
# audited one after another in a process give what each gives alone. A document whose golden is not
# one line (it printed a message), or any line whose path is not its document's, falls back to the
# process of its own.
one_process=()
if [[ $mode == check && ${GOLDEN_ONE_PROCESS:-} == 1 && " $kinds " == *" audit "* ]]; then
  mapfile -t lines < <("$JIXIAO" audit --format json "${files[@]}" 2>/dev/null | stable || true)
  if (( ${#lines[@]} == ${#files[@]} )); then
    for i in "${!files[@]}"; do
      f=${files[$i]} out=$(golden "${files[$i]}" audit)
      [[ ${lines[$i]} == *"\"path\":\"$f\""* && $(wc -l < "$out") == 1 ]] || continue
      one_process[$i]=1
      if ! diff -u "$out" <(printf '%s\n' "${lines[$i]}") > /tmp/jixiao_golden.diff; then
        echo "golden mismatch: $out (one process for all documents; regenerate with tools/regen_goldens.sh after review)"
        head -40 /tmp/jixiao_golden.diff
        status=1
      fi
    done
  else
    echo "regen_goldens.sh: one process gave ${#lines[@]} documents for ${#files[@]}; checking each alone"
  fi
fi
for i in "${!files[@]}"; do
  f=${files[$i]}
  base=$(basename "$f"); base=${base%.*}; ext=${f##*.}
  for kind in $kinds; do
    [[ $kind == audit && -n ${one_process[$i]:-} ]] && continue
    out="tests/golden/$base.$ext.$kind"
    case $kind in
      extract) cmd=("$JIXIAO" extract "$f") ;;
      structure) cmd=("$JIXIAO" outline --structure "$f") ;;
      outline) cmd=("$JIXIAO" outline "$f") ;;
      audit) cmd=("$JIXIAO" audit --format json "$f") ;;
      text) cmd=("$JIXIAO" audit "$f") ;;
    esac
    got=$("${cmd[@]}" 2>&1 | stable) || true
    if [[ $mode == write ]]; then
      printf '%s\n' "$got" > "$out"
    elif ! diff -u "$out" <(printf '%s\n' "$got") > /tmp/jixiao_golden.diff; then
      echo "golden mismatch: $out (regenerate with tools/regen_goldens.sh after review)"
      head -40 /tmp/jixiao_golden.diff
      status=1
    fi
  done
done
exit $status
