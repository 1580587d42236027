#!/usr/bin/env bash
# The whole test suite: install and build (tools/setup.sh), then the tests of the release build,
# then every test again built with ASan+UBSan (tools/sanitize.sh). About 13 minutes on 2 cores.
# The release build builds and runs the tests labelled `release` (tests/CMakeLists.txt): the
# script tests of the shipped binary (every rendering of every corpus document, time and memory
# bounds, growth, the docs' examples, Chromium, Slurm). The Catch2 suites and the fuzz replays
# run in the sanitizer build, which checks more (CI must stay within 15 minutes on 2 cores).
# JIXIAO_SKIP_SANITIZE=1 skips the sanitizer half and runs every test in the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${JIXIAO_SKIP_SANITIZE:-}" == 1 ]]; then
  ./tools/setup.sh
  ctest --test-dir build --output-on-failure -j"$(nproc)"
else
  start=$SECONDS
  JIXIAO_BUILD_TARGETS="jixiao jixiao-pdf-reader jixiao_report_fixture_tool" ./tools/setup.sh
  # The rule-override loop overrides 32 rules per run here too (every rule is still
  # overridden once; the sanitizer half runs the same loop with better eyes).
  HOSTILE_RULE_GROUP=${HOSTILE_RULE_GROUP:-32} \
    ctest --test-dir build --output-on-failure -j"$(nproc)" -L release
  echo "test.sh: release build and its tests took $((SECONDS - start)) s"
  ./tools/sanitize.sh
fi
