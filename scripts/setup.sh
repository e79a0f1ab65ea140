#!/usr/bin/env bash
# Sets up mbl on a Debian machine: installs the build dependencies (Debian packages only) when
# they are missing, configures and builds into ./build. Safe to run again: it only redoes what
# changed. Usage: scripts/setup.sh [--tests] [extra cmake -D options]
# Without --tests it builds the `mbl` binary only (a first run in a few minutes); with --tests,
# everything `ctest --test-dir build` runs (the test programs take most of the build).
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(--target mbl)
cmake_options=()
for argument in "$@"; do
  if [ "$argument" = --tests ]; then targets=(); else cmake_options+=("$argument"); fi
done

# git: `mbl diff REV` and `mbl git setup` run it, and the end-to-end tests merge in real repositories.
# python3, jq, time: bench/ and its generator test.
# python3-jsonschema: the schema test validates files against schema/backlog.schema.json.
# cmark-gfm: GitHub's Markdown parser, for the report_markdown test.
# libcsv-dev: the CSV parser of `mbl import`.
# libzip-dev, libexpat1-dev: the zip container and the XML of the .xlsx workbooks `mbl import` reads.
# libxxhash-dev: XXH3, the hashes that catch another program rewriting the file while mbl writes
# it (src/core/store_text.cpp; header-only there, nothing to link).
# man-db, groff-base: `man mbl` and groff, with which the tests render the generated man page
# (test_e2e_manual.cpp, the install test); skipped when missing.
packages=(g++ cmake ninja-build libcli11-dev nlohmann-json3-dev libfmt-dev catch2 git
  python3 jq time python3-jsonschema cmark-gfm libcsv-dev libzip-dev libexpat1-dev libxxhash-dev
  man-db groff-base)
scripts/install-packages.sh "${packages[@]}"

launcher=()
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
if [ ! -f build/CMakeCache.txt ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" "${cmake_options[@]}" >/dev/null
elif ((${#cmake_options[@]})); then
  cmake -S . -B build "${cmake_options[@]}" >/dev/null
fi
cmake --build build -j"$(nproc)" "${targets[@]}"
if ((${#targets[@]})); then
  echo "setup: built build/mbl (scripts/setup.sh --tests builds the tests too)"
else
  echo "setup: built build/mbl and the tests"
fi
