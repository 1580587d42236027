#!/usr/bin/env bash
# Regenerates the example outputs in README.md and docs/*.md from real runs of the current build,
# so that they cannot go stale. A block
#     <!-- jixiao-example: ARGS -->
#     ```
#     ...
#     ```
# is replaced by `jixiao ARGS` run from the repository root (stdout then stderr, exit code noted
# when not 0), with SOURCE_DATE_EPOCH fixed, the build id replaced by "BUILD" and the rules digest by "RULES".
# Usage: tools/regen_docs.sh [check]   (check: exit 1 when a file would change)
set -euo pipefail
cd "$(dirname "$0")/.."
JIXIAO=${JIXIAO:-build/jixiao}
mode=${1:-write}
export SOURCE_DATE_EPOCH=1764547200 NO_COLOR=1
unset LANG LC_ALL LC_MESSAGES
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export JIXIAO DOCDB=$tmp/docs.db   # examples may batch into $DOCDB and call $JIXIAO again
status=0
for doc in README.md docs/*.md; do
  python3 - "$doc" "$JIXIAO" "$tmp" > "$tmp/out.md" <<'PY'
import re, subprocess, sys
doc, jixiao, tmp = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(doc, encoding="utf-8").read()
pattern = re.compile(r"(<!-- jixiao-example: (.*?) -->\n)```[^\n]*\n.*?```", re.S)
def run(m):
    args = m.group(2)
    p = subprocess.run(jixiao + " " + args,
                       shell=True, capture_output=True, text=True)
    out = p.stdout + p.stderr
    out = re.sub(r"\d+\.\d+\.\d+\+[0-9a-f]{12}", "BUILD", out)
    # The rules digest changes with every rule edit, like the build id: "jixiao BUILD,<digest>" in CSV.
    out = re.sub(r"(jixiao BUILD,)[0-9a-f]{16}\b", r"\1RULES", out)
    out = re.sub(r'("rules":\s*")[0-9a-f]{16}"', r'\1RULES"', out)
    if p.returncode != 0:
        out += "(exit %d)\n" % p.returncode
    return m.group(1) + "```\n" + out + "```"
sys.stdout.write(pattern.sub(run, text))
PY
  if ! cmp -s "$doc" "$tmp/out.md"; then
    if [[ $mode == check ]]; then
      echo "stale example output in $doc (run tools/regen_docs.sh):"
      diff -u "$doc" "$tmp/out.md" | head -30
      status=1
    else
      cp "$tmp/out.md" "$doc"
      echo "updated $doc"
    fi
  fi
done
exit $status
