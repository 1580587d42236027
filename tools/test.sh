#!/usr/bin/env bash
# The whole test suite: install and build (tools/setup.sh), then every ctest test.
set -euo pipefail
cd "$(dirname "$0")/.."
./tools/setup.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
