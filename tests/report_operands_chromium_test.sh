#!/usr/bin/env bash
# The figures an arithmetic uses, in headless Chromium: `jixiao audit --format html` on a corpus
# PDF; in the rendered DOM every operand link of an arithmetic points at an element that exists
# (its span in the quote, or its box on the crop or the page), and hovering an operand lights
# every place that shows it (the page's own script, run by Chromium).
# The same for `report --format html` from a database holding that PDF.
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
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --user-data-dir="$profile" --hide-scrollbars)
# The page of `audit`, and the page of `report` from a database holding the same PDF (the
# operands and their places are stored with each finding): both must link every operand.
"$jixiao" audit --format html -o "$out/operands.html" "$src/corpus/meizhou-city-2021.pdf" >/dev/null 2>&1 || true
rm -f "$out/operands.db"
"$jixiao" batch --db "$out/operands.db" "$src/corpus/meizhou-city-2021.pdf" >/dev/null 2>&1 || true
"$jixiao" report --db "$out/operands.db" --all --format html -o "$out/report.html" >/dev/null 2>&1 || true
probe_page() {
html=$1
name=$2
# A probe appended to the page: hovers the first operand link, then writes what it lit and
# which link targets are missing into the DOM.
probe="$out/probe-$name.html"
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
timeout 120 "$chromium" "${flags[@]}" --dump-dom "file://$probe" >"$out/dom-$name.html" 2>"$out/chromium-$name.log"
line=$(grep -o 'refs=[0-9]* missing=[0-9]* lit=[0-9]*' "$out/dom-$name.html" || true)
echo "$name: $line"
refs=$(sed -E 's/refs=([0-9]+).*/\1/' <<<"$line")
missing=$(sed -E 's/.*missing=([0-9]+).*/\1/' <<<"$line")
lit=$(sed -E 's/.*lit=([0-9]+)/\1/' <<<"$line")
if [[ -z "$line" ]] || ((refs < 4 || missing != 0 || lit < 2)); then
  echo "FAIL ($name): expected operand links (>= 4) all with targets, and a hover lighting the link and its place"
  tail -20 "$out/chromium-$name.log"
  exit 1
fi
echo "ok ($name): $refs operand links, all with targets; hover lights $lit elements"
}
probe_page "$out/operands.html" audit
probe_page "$out/report.html" report
