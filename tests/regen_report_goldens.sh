#!/usr/bin/env bash
# Rewrites tests/golden/report_*.txt from the current report writers (review the diff!).
# Usage: tests/regen_report_goldens.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
cmake --build "$build" --target jixiao_report_tests -j2
JIXIAO_REGEN_GOLDENS=1 "$build/tests/jixiao_report_tests" "[golden]"
git diff --stat -- tests/golden
