#!/usr/bin/env bash
# Renders the fixture's HTML report in headless Chromium: the findings and the page images
# (PNG data URIs) must be in the DOM, and a screenshot must come out non-empty.
# Usage: report_html_chromium_test.sh FIXTURE_TOOL OUT_DIR. Exits 77 (skip) without chromium.
set -euo pipefail
tool=$1
out=$2
chromium=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$chromium" ]]; then
  echo "chromium is not installed: skipping"
  exit 77
fi
mkdir -p "$out"
html="$out/report.html"
"$tool" html "$html" both

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --user-data-dir="$profile" --hide-scrollbars)
timeout 90 "$chromium" "${flags[@]}" --dump-dom "file://$html" >"$out/dom.html" 2>"$out/chromium.log"
timeout 90 "$chromium" "${flags[@]}" --window-size=1280,2400 --screenshot="$out/screenshot.png" \
  "file://$html" >>"$out/chromium.log" 2>&1

fail=0
expect() {  # expect COUNT_AT_LEAST PATTERN
  local n
  n=$(grep -o -F -- "$2" "$out/dom.html" | wc -l)
  if ((n < $1)); then
    echo "FAIL: expected at least $1 of '$2' in the DOM, found $n"
    fail=1
  fi
}
expect 7 '<img src="data:image/png;base64,iVBORw0KGgo'
expect 1 'score.children_sum'
expect 1 'score.from_rate'
expect 1 'rate.ratio'
expect 1 '<mark>32.67</mark>'
expect 1 '预算使用效益 › 效率性 › 重点工作完成率'
expect 1 'id="d1-p13"'
expect 1 'href="#d1-f1"'
expect 1 'id="d2"'
# The folder form: an index with the documents and their links, rendered by Chromium too.
"$tool" html "$out/site/" both
timeout 90 "$chromium" "${flags[@]}" --dump-dom "file://$out/site/index.html" >"$out/index-dom.html" 2>>"$out/chromium.log"
for want in 'id="docs"' 'href="docs/1.html"' 'href="docs/2.html"' 'id="f-search"' 'id="shown">2<'; do
  if ! grep -q -F -- "$want" "$out/index-dom.html"; then
    echo "FAIL: expected '$want' in the index DOM"
    fail=1
  fi
done
if [[ ! -s "$out/site/docs/1.html" ]]; then
  echo "FAIL: no document page"
  fail=1
fi
if [[ ! -s "$out/screenshot.png" ]]; then
  echo "FAIL: no screenshot at $out/screenshot.png"
  fail=1
fi
if ((fail)); then
  echo "--- chromium log"; tail -20 "$out/chromium.log"
  exit 1
fi
echo "ok: DOM has the findings and images; screenshot $out/screenshot.png ($(stat -c %s "$out/screenshot.png") bytes)"
