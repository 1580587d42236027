#!/usr/bin/env bash
# The figures an arithmetic uses, in headless Chromium: `jixiao audit --format html` on a corpus
# PDF; in the rendered DOM every operand link of an arithmetic points at an element that exists
# (its span in the quote, or its box on the crop or the page), and hovering an operand lights
# every place that shows it (the page's own script, run by Chromium).
# Usage: report_operands_chromium_test.sh JIXIAO SOURCE_DIR OUT_DIR. Exits 77 (skip) without chromium.
set -euo pipefail
jixiao=$1
src=$2
out=$3
chromium=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$chromium" ]]; then
  echo "chromium is not installed: skipping"
  exit 77
fi
mkdir -p "$out"
html="$out/operands.html"
"$jixiao" audit --format html -o "$html" "$src/corpus/meizhou-city-2021.pdf" >/dev/null 2>&1 || true
# A probe appended to the page: hovers the first operand link, then writes what it lit and
# which link targets are missing into the DOM.
probe="$out/probe.html"
cp "$html" "$probe"
cat >>"$probe" <<'JS'
<script>
window.addEventListener('load', function () {
  var refs = document.querySelectorAll('a.opref'), missing = 0;
  refs.forEach(function (a) { if (!document.getElementById(a.getAttribute('href').slice(1))) missing++; });
  var first = refs[0];
  first.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
  var lit = document.querySelectorAll('.lit[data-op="' + first.dataset.op + '"]').length;
  var p = document.createElement('pre');
  p.id = 'probe';
  p.textContent = 'refs=' + refs.length + ' missing=' + missing + ' lit=' + lit;
  document.body.appendChild(p);
});
</script>
JS
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --user-data-dir="$profile" --hide-scrollbars)
timeout 120 "$chromium" "${flags[@]}" --dump-dom "file://$probe" >"$out/dom.html" 2>"$out/chromium.log"
line=$(grep -o 'refs=[0-9]* missing=[0-9]* lit=[0-9]*' "$out/dom.html" || true)
echo "$line"
refs=$(sed -E 's/refs=([0-9]+).*/\1/' <<<"$line")
missing=$(sed -E 's/.*missing=([0-9]+).*/\1/' <<<"$line")
lit=$(sed -E 's/.*lit=([0-9]+)/\1/' <<<"$line")
if [[ -z "$line" ]] || ((refs < 4 || missing != 0 || lit < 2)); then
  echo "FAIL: expected operand links (>= 4) all with targets, and a hover lighting the link and its place"
  tail -20 "$out/chromium.log"
  exit 1
fi
echo "ok: $refs operand links, all with targets; hover lights $lit elements"
