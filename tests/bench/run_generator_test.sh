#!/usr/bin/env bash
# Keeps the benchmark's generator and the file format from drifting apart: bench/generate.py at
# 200 assets writes the same bytes twice for one seed, and mbl finds the file valid (no warning
# either) and canonical.
# Usage: run_generator_test.sh PYTHON MBL SOURCE_DIR SCRATCH_DIR (SCRATCH_DIR is emptied first)
set -euo pipefail

fail() {
    echo "generator test: FAILED: $*" >&2
    exit 1
}

if [ $# -ne 4 ]; then
    echo "usage: $0 PYTHON MBL SOURCE_DIR SCRATCH_DIR" >&2
    exit 2
fi
python=$1
mbl=$2
generate=$3/bench/generate.py
scratch_dir=$4
rm -rf "$scratch_dir"
mkdir -p "$scratch_dir"
first=$scratch_dir/first.json
second=$scratch_dir/second.json

"$python" "$generate" --assets 200 --seed 7 -o "$first" || fail "generate.py exited $?"
"$python" "$generate" --assets 200 --seed 7 >"$second" || fail "generate.py to stdout exited $?"
cmp -s "$first" "$second" || fail "two runs with seed 7 wrote different files"

report=$("$mbl" -f "$first" validate --strict 2>&1) || fail "mbl validate --strict: $report"
case $report in
*"is valid: "*" workloads, 200 assets, 14 iterations") ;;
*) fail "unexpected validate report: $report" ;;
esac
report=$("$mbl" -f "$first" fmt --check 2>&1) || fail "mbl fmt --check: $report"
echo "generator test: 200 assets, deterministic, valid and canonical"
