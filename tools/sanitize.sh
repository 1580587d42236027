#!/usr/bin/env bash
# Builds jixiao with AddressSanitizer + UndefinedBehaviorSanitizer (cmake --preset asan, in
# build-asan/) and runs the whole test suite under it. Leaks are reported (detect_leaks=1); only
# leaks inside uninstrumented system libraries are suppressed, in tools/lsan.supp.
#   tools/sanitize.sh            # JOBS=N to change the build parallelism (default 2),
#                                # TEST_JOBS=N the tests' (default JOBS + 1: many tests wait on
#                                # child processes, sockets or bounds, and leave a core idle)
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
cmake --preset asan >/dev/null
cmake --build build-asan -j"${JOBS:-2}"
# Allocation stacks of 10 frames (the default 30 costs ~7% of the suite's time under ASan; 10 frames still
# reach from the allocation into jixiao's code).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1:malloc_context_size=10}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tools/lsan.supp:print_suppressions=0}
# Sanitized runs are slower and use more memory: widen the hostile test's bounds.
export HOSTILE_TIMEOUT=${HOSTILE_TIMEOUT:-120} HOSTILE_RSS_MB=${HOSTILE_RSS_MB:-3000}
# The golden test compares the audit's JSON only (it runs every stage before it; the renderings
# are compared in the normal build), from one process for all documents. The hostile suites
# override the rules 96 at a time (every rule still once; each run costs ten times more here) and
# leave the growth measurements (an algorithm's property) to the normal build.
export GOLDEN_KINDS=${GOLDEN_KINDS:-audit} GOLDEN_ONE_PROCESS=${GOLDEN_ONE_PROCESS:-1} HOSTILE_RULE_GROUP=${HOSTILE_RULE_GROUP:-96}
export HOSTILE_SKIP_GROWTH=${HOSTILE_SKIP_GROWTH:-1}
# Under the sanitizers every test that runs jixiao's own code; not those labelled release_only
# (tests/CMakeLists.txt), which test other programs with jixiao's output (Chromium rendering the
# HTML, the Slurm cluster) or regenerate the docs: the release build runs them, and they would
# double the time of this half (CI must stay within 15 minutes on 2 cores).
ctest --test-dir build-asan --output-on-failure -j"${TEST_JOBS:-$(( ${JOBS:-2} + 1 ))}" -LE release_only ${SANITIZE_EXCLUDE:+-E "$SANITIZE_EXCLUDE"}
echo "sanitize.sh: build and tests under ASan+UBSan took $((SECONDS - start)) s"
