#!/usr/bin/env bash
# Builds the libFuzzer targets (cmake --preset fuzz: clang, ASan+UBSan+coverage) and runs one.
#   tools/fuzz.sh TARGET SECONDS [extra libFuzzer flags]
# TARGET: number normalize audit rules pdf. One process on one core (no -jobs: with -jobs libFuzzer
# forks a worker that logs to ./fuzz-0.log in the current directory, which two runs would share).
# New inputs go to build-fuzz/corpus-TARGET (seeded from fuzz/corpus/TARGET, which stays as
# committed); crashes, leaks and timeouts to build-fuzz/artifacts-TARGET/. Copy a crash to
# fuzz/crashes/TARGET/ once fixed so that it replays as a ctest test in every build.
# The last lines of the log (build-fuzz/fuzz-TARGET.log) hold the final stats (execs, cov, ft).
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: tools/fuzz.sh TARGET SECONDS [flags]}
seconds=${2:?usage: tools/fuzz.sh TARGET SECONDS [flags]}
shift 2
case $target in number|normalize|audit|rules|pdf) ;; *) echo "fuzz.sh: unknown target $target" >&2; exit 2;; esac

if [[ "${JIXIAO_FUZZ_NO_BUILD:-}" != 1 ]]; then
  cmake --preset fuzz >/dev/null
  cmake --build build-fuzz -j"${JOBS:-2}" --target "fuzz_$target"
fi

# Per-target defaults: the PDF target reads whole files; text targets stay small and fast.
case $target in
  pdf) defaults=(-max_len=200000 -timeout=20 -rss_limit_mb=2048) ;;
  audit) defaults=(-max_len=8192 -timeout=10) ;;
  *) defaults=(-max_len=4096 -timeout=10) ;;
esac

work=build-fuzz/corpus-$target
mkdir -p "$work" "build-fuzz/artifacts-$target"
log=build-fuzz/fuzz-$target.log
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
set +e
"build-fuzz/fuzz/fuzz_$target" "$work" "fuzz/corpus/$target" \
  -max_total_time="$seconds" -print_final_stats=1 \
  -artifact_prefix="build-fuzz/artifacts-$target/" "${defaults[@]}" "$@" >"$log" 2>&1
rc=$?
set -e
grep -E '^#[0-9]+.*(DONE|pulse|NEW)' "$log" | tail -1 || true
grep -E '^stat::' "$log" || true
ls "build-fuzz/artifacts-$target" 2>/dev/null | sed 's/^/artifact: /'
exit $rc
