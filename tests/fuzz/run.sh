#!/bin/bash
# tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET...]: runs each libFuzzer target for SECONDS.
# Copyright 2026 The Craft Companion authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Each target starts from its seed corpus (tests/fuzz/<target>/, plus the earlier finds in
# tests/fuzz/regressions/<target>/) and keeps what it learns in BUILD_DIR/fuzz/<target>/corpus
# (never in the source tree). A crash leaves its input in BUILD_DIR/fuzz/<target>/: fix the
# code, then copy the input into tests/fuzz/regressions/<target>/ so `make check` replays it.
# Ends with Meson-style "Ok:" and "Fail:" lines, which .ci/run counts.
set -u
build=${1:?usage: run.sh BUILD_DIR SECONDS [TARGET...]}
seconds=${2:?usage: run.sh BUILD_DIR SECONDS [TARGET...]}
shift 2
src=$(cd "$(dirname "$0")" && pwd)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  # Every target tests/fuzz/meson.build built.
  for exe in "$build"/tests/fuzz/fuzz-*; do
    name=${exe##*/fuzz-}
    [ -x "$exe" ] && [ -f "$exe" ] && [ "${name#replay-}" = "$name" ] && targets+=("$name")
  done
fi
[ ${#targets[@]} -eq 0 ] && { echo "run.sh: no fuzz targets in $build" >&2; exit 1; }

# Leaks are checked too; fontconfig is never initialised here, but the same file applies.
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export LSAN_OPTIONS=suppressions=$src/../sanitizers/lsan.supp
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

ok=0
fail=0
for target in "${targets[@]}"; do
  exe=$build/tests/fuzz/fuzz-$target
  work=$build/fuzz/$target
  mkdir -p "$work/corpus"
  seeds=("$src/$target" "$src/regressions/$target")
  [ "$target" = import ] && seeds+=("$src/../data/import")
  options=(-max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -max_len=65536
           -print_final_stats=1 -artifact_prefix="$work/")
  [ -f "$src/$target.dict" ] && options+=(-dict="$src/$target.dict")
  echo "=== fuzz-$target for ${seconds}s"
  if "$exe" "${options[@]}" "$work/corpus" "${seeds[@]}" > "$work/log" 2>&1; then
    ok=$((ok + 1))
    echo "fuzz-$target: OK ($(grep -E '^stat::number_of_executed_units' "$work/log" | awk '{ print $2 }') inputs)"
  else
    fail=$((fail + 1))
    tail -n 60 "$work/log"
    echo "fuzz-$target: FAIL (log in $work/log; the input that broke it is in $work/)"
  fi
done

echo
echo "Ok:                 $ok"
echo "Fail:               $fail"
[ "$fail" -eq 0 ]
