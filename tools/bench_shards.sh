#!/usr/bin/env bash
# Shard overhead (numbers go in docs/scale.md): N documents (default 60) made distinct from the
# corpus PDFs and .txt files, audited by one `jixiao batch`, and by `plan` + K shards + `merge
# --manifest` for K = 1, 2, 4 (the shards run one after another here, each with --jobs 2, as
# array tasks on one machine would share it). CPU is user + system time of the process and its
# children (the PDF readers), from /usr/bin/time; ROUNDS rounds (default 2) alternate the runs,
# and each figure is the median over rounds. Overhead = (plan + shards + merge) / one batch - 1.
# Usage: tools/bench_shards.sh [BUILD_DIR] [N] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
N=${2:-60}
ROUNDS=${3:-2}
JIXIAO=$(realpath "$BUILD/jixiao")
WORK=$(mktemp -d /tmp/jixiao-bench-shards.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

mkdir -p "$WORK/docs"
i=0
while ((i < N)); do
  for src in corpus/*.pdf corpus/*.txt; do
    ((i < N)) || break
    base=$(basename "$src"); ext=${base##*.}
    cp "$src" "$WORK/docs/${base%.*}-$i.$ext"
    if [[ $ext == pdf ]]; then printf '%%bench copy %d\n' "$i" >>"$WORK/docs/${base%.*}-$i.$ext"
    else printf '\n bench copy %d\n' "$i" >>"$WORK/docs/${base%.*}-$i.$ext"; fi
    i=$((i + 1))
  done
done

# cpu_of CMD...: "wall cpu" seconds.
cpu_of() {
  local out
  out=$({ /usr/bin/time -f '%e %U %S' "$@" >/dev/null 2>"$WORK/err" || true; } 2>&1; tail -1 "$WORK/err")
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' <<<"$(tail -1 <<<"$out")"
}
add() { awk -v a="$1" -v b="$2" -v c="$3" -v d="$4" 'BEGIN { printf "%.2f %.2f\n", a + c, b + d }'; }

declare -A WALL CPU
for ((r = 0; r < ROUNDS; r++)); do
  rm -f "$WORK"/*.db "$WORK"/*.tsv
  read -r w c < <(cpu_of "$JIXIAO" batch --db "$WORK/one.db" --jobs 2 --progress never "$WORK/docs")
  WALL[one]+="$w "; CPU[one]+="$c "
  for k in 1 2 4; do
    rm -f "$WORK"/s*.db "$WORK/all.db" "$WORK/m.tsv"
    read -r w c < <(cpu_of "$JIXIAO" plan --jobs 2 --out "$WORK/m.tsv" "$WORK/docs")
    tot="$w $c"
    for ((s = 0; s < k; s++)); do
      read -r w c < <(cpu_of "$JIXIAO" batch --manifest "$WORK/m.tsv" --shard-index "$s" \
        --shard-count "$k" --jobs 2 --db "$WORK/s$s.db")
      tot=$(add $tot "$w" "$c")
    done
    read -r w c < <(cpu_of "$JIXIAO" merge --db "$WORK/all.db" --manifest "$WORK/m.tsv" "$WORK"/s*.db)
    tot=$(add $tot "$w" "$c")
    read -r w c <<<"$tot"
    WALL[$k]+="$w "; CPU[$k]+="$c "
    # Same documents and findings as the one batch.
    q="SELECT count(*) || ' ' || (SELECT count(*) FROM findings) FROM documents"
    [[ $(sqlite3 "$WORK/all.db" "$q") == $(sqlite3 "$WORK/one.db" "$q") ]] ||
      { echo "bench_shards: $k shards differ from one batch" >&2; exit 1; }
  done
done
median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
pdfs=$(find "$WORK/docs" -name '*.pdf' | wc -l)
echo "documents: $N ($pdfs PDFs), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), rounds: $ROUNDS"
one=$(median "${CPU[one]}")
printf '| run | wall s | CPU s | CPU vs one batch |\n|---|---:|---:|---:|\n'
printf '| one batch --jobs 2 | %s | %s | — |\n' "$(median "${WALL[one]}")" "$one"
for k in 1 2 4; do
  c=$(median "${CPU[$k]}")
  printf '| plan + %d shard(s) + merge | %s | %s | %+.1f%% |\n' "$k" "$(median "${WALL[$k]}")" "$c" \
    "$(awk -v a="$c" -v b="$one" 'BEGIN { print 100 * (a / b - 1) }')"
done
