#!/usr/bin/env bash
# Builds mbl with AddressSanitizer + UndefinedBehaviorSanitizer and the libFuzzer targets (clang,
# -O1) into ./build-sanitize, then runs the whole test suite there: every unit, end-to-end and
# reliability test, plus each fuzz target for MBL_FUZZ_SECONDS (default 30) on the seed corpus.
# Installs clang and its sanitizer runtimes (Debian packages) when they are missing. CI runs it
# after the README's test command. Usage: scripts/sanitize.sh [extra cmake -D options]
set -euo pipefail
cd "$(dirname "$0")/.."

# The rest of the stack comes from setup.sh, which CI runs first; libcsv-dev is named here too
# (and libzip-dev, libexpat1-dev, libxxhash-dev) because a missing one stops the configure step.
packages=(clang libclang-rt-14-dev libcsv-dev libzip-dev libexpat1-dev libxxhash-dev)
scripts/install-packages.sh "${packages[@]}"

launcher=()
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S . -B build-sanitize -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
  "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1" -DMBL_SANITIZE=ON -DMBL_FUZZ=ON \
  -DMBL_FUZZ_SECONDS="${MBL_FUZZ_SECONDS:-30}" "${launcher[@]}" "$@" >/dev/null
cmake --build build-sanitize -j"$(nproc)"
echo "sanitize: built build-sanitize (ASan+UBSan, -O1); running every test"
ctest --test-dir build-sanitize --output-on-failure
