#!/usr/bin/env bash
# The audit's cost on hostile content at 1x, 4x and 16x: time and peak memory of `jixiao audit
# --format json` on (a) N lines of one scored heading, (b) one sentence repeating a rate and a
# score N times. Linear means 4x and 16x the time and memory (less the fixed start-up cost).
#   tools/bench_hostile.sh [JIXIAO]        (default build/jixiao)
set -euo pipefail
jixiao=${1:-build/jixiao}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%-8s %-6s %10s %10s %8s %12s\n' content scale "text KB" seconds "peak MB" "JSON bytes"
for kind in outline quotes; do
  for scale in 1 4 16; do
    f="$tmp/$kind-$scale.txt"
    python3 - "$kind" "$scale" "$f" <<'PY'
import sys
kind, scale, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(out, "w", encoding="utf-8") as fh:
    fh.write("部门整体支出绩效自评报告\n")
    if kind == "outline":
        fh.write("1.预算编制（20分）得分20分\n" * (8000 * scale))
    else:
        fh.write("预算执行率为90.00%，此项指标自评得16分，" * (900 * scale) + "。\n")
PY
    /usr/bin/time -f '%e %M' -o "$tmp/time" "$jixiao" audit --format json --max-seconds 1000 \
      --max-memory 100000 "$f" >"$tmp/out.json" || true
    read -r secs kb <"$tmp/time"
    printf '%-8s %-6s %10d %10s %8d %12d\n' "$kind" "${scale}x" $(( $(stat -c %s "$f") / 1024 )) \
      "$secs" $(( kb / 1024 )) "$(stat -c %s "$tmp/out.json")"
  done
done
