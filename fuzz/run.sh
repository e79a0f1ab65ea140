#!/usr/bin/env bash
# Runs every libFuzzer target of a build made with -DMBL_FUZZ=ON for SECONDS each (default 30),
# starting from the committed seed corpus fuzz/corpus/<target>/, and prints how many inputs each
# ran. New interesting inputs go to BUILD_DIR/fuzz/corpus-<target>/ (kept between runs, never
# into the committed seeds); a crash leaves BUILD_DIR/fuzz/crash-* and fails the run.
# Usage: fuzz/run.sh BUILD_DIR [SECONDS]
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 BUILD_DIR [SECONDS]" >&2
    exit 2
fi
fuzz_dir=$(cd "$(dirname "$0")" && pwd)
build_dir=$(cd "$1" && pwd)
seconds=${2:-30}

found=0
for target in "$build_dir"/fuzz/mbl_fuzz_*; do
    [ -x "$target" ] || continue
    found=1
    name=${target##*/mbl_fuzz_}
    seeds=$fuzz_dir/corpus/$name
    work=$build_dir/fuzz/corpus-$name
    log=$build_dir/fuzz/$name.log
    dict=$fuzz_dir/$name.dict # keywords for the mutator: fuzz/<name>.dict, else json.dict
    [ -f "$dict" ] || dict=$fuzz_dir/json.dict
    mkdir -p "$work"
    echo "fuzz: $name for $seconds s (seeds: $(ls "$seeds" | wc -l) files in $seeds)"
    # Leaks are checked (detect_leaks); a slow input (over 10 s) counts as a hang.
    if ! (cd "$build_dir/fuzz" && ASAN_OPTIONS=detect_leaks=1 "$target" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -dict="$dict" "$work" "$seeds") >"$log" 2>&1; then
        tail -n 60 "$log" >&2
        echo "fuzz: $name FAILED (the full log: $log; the input: $build_dir/fuzz/crash-*)" >&2
        exit 1
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz: $name passed: ${runs:-?} executions in $seconds s, corpus now $(ls "$work" | wc -l) files"
done
if [ "$found" -eq 0 ]; then
    echo "fuzz: no mbl_fuzz_* targets in $build_dir/fuzz (configure with -DMBL_FUZZ=ON and clang)" >&2
    exit 1
fi
