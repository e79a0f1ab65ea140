#!/usr/bin/env bash
# The benchmark's own setup (docs/performance.md): installs what only the benchmark needs and
# builds its floor, the simdjson program bench/run.py times beside mbl. The project's build
# (scripts/setup.sh) needs none of it. Usage: bench/setup.sh [BUILD_DIR]   (default build-floor)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${1:-build-floor}"

# libsimdjson-dev: simdjson, the fastest JSON reader Debian packages (the floor reads the
# backlog with it); time: GNU time for peak memory; jq: the query's yardstick; valgrind: the
# instruction counts of bench/instructions.py.
packages=(libsimdjson-dev time jq valgrind cmake ninja-build g++)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if ((${#missing[@]})); then
  sudo=""
  if [[ $(id -u) != 0 ]]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}"
fi

cmake -S bench/floor -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build_dir"
echo "bench: the floor is $build_dir/floor"
