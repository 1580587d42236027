#!/usr/bin/env bash
# The whole test suite: install and build (tools/setup.sh), every ctest test, then the same suite
# built with ASan+UBSan (tools/sanitize.sh). About 10 minutes on 2 cores; JIXIAO_SKIP_SANITIZE=1
# skips the sanitizer half for a quick local run.
set -euo pipefail
cd "$(dirname "$0")/.."
./tools/setup.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
if [[ "${JIXIAO_SKIP_SANITIZE:-}" != 1 ]]; then
  ./tools/sanitize.sh
fi
