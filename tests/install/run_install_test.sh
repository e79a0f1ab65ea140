#!/usr/bin/env bash
# Proves `cmake --install` gives a usable mbl: the binary runs, the headers, the JSON Schema and
# the CMake package are in place, a separate project finds the package and links mbl::core, and
# examples/library, built the same way, changes a backlog exactly as the installed `mbl` does.
# Usage: run_install_test.sh BUILD_DIR SOURCE_DIR SCRATCH_DIR
# BUILD_DIR must be fully built (`cmake --build`). SCRATCH_DIR is emptied first.
set -euo pipefail

fail() {
    echo "install test: FAILED: $*" >&2
    exit 1
}

if [ $# -ne 3 ]; then
    echo "usage: $0 BUILD_DIR SOURCE_DIR SCRATCH_DIR" >&2
    exit 2
fi
build_dir=$(cd "$1" && pwd) || fail "no build directory $1"
source_dir=$(cd "$2" && pwd) || fail "no source directory $2"
scratch_dir=$3
backlog=$source_dir/examples/contoso/backlog.json
expected="66 assets, 0 problems"

rm -rf "$scratch_dir"
mkdir -p "$scratch_dir"
scratch_dir=$(cd "$scratch_dir" && pwd)
prefix=$scratch_dir/prefix
consumer_build=$scratch_dir/consumer-build

echo "install test: cmake --install $build_dir --prefix $prefix"
cmake --install "$build_dir" --prefix "$prefix" >"$scratch_dir/install.log" 2>&1 || {
    cat "$scratch_dir/install.log" >&2
    fail "cmake --install failed (is the build complete? run 'cmake --build $build_dir' first)"
}

[ -x "$prefix/bin/mbl" ] || fail "$prefix/bin/mbl was not installed"
version=$("$prefix/bin/mbl" --version 2>&1) || fail "installed 'mbl --version' failed: $version"
echo "install test: installed mbl --version: $version"

[ -f "$prefix/include/mbl/model.hpp" ] || fail "$prefix/include/mbl/model.hpp was not installed"

# The JSON Schema for editors, the same bytes as `mbl schema` prints.
schema=$prefix/share/mbl/backlog.schema.json
[ -f "$schema" ] || fail "$schema was not installed"
cmp -s "$schema" "$source_dir/schema/backlog.schema.json" ||
    fail "$schema is not schema/backlog.schema.json"
"$prefix/bin/mbl" schema | cmp -s - "$schema" || fail "installed 'mbl schema' does not print $schema"
echo "install test: share/mbl/backlog.schema.json installed, as mbl schema prints it"

# The man page where man looks (MANPATH of the prefix), and the completion scripts where each
# shell looks, the same as the installed mbl prints; bash's completion works from there.
manual=$prefix/share/man/man1/mbl.1
[ -f "$manual" ] || fail "$manual was not installed"
if command -v man >/dev/null 2>&1; then
    [ "$(MANPATH=$prefix/share/man man -w mbl)" = "$manual" ] || fail "man -w mbl does not find $manual"
    MANPATH=$prefix/share/man MANWIDTH=80 man mbl 2>/dev/null | grep -q "mbl asset add" ||
        fail "'man mbl' does not show 'mbl asset add'"
fi
for shell_file in bash:bash-completion/completions/mbl zsh:zsh/site-functions/_mbl \
    fish:fish/vendor_completions.d/mbl.fish; do
    installed=$prefix/share/${shell_file#*:}
    [ -f "$installed" ] || fail "$installed was not installed"
    "$prefix/bin/mbl" completion "${shell_file%%:*}" | cmp -s - "$installed" ||
        fail "$installed is not what 'mbl completion ${shell_file%%:*}' prints"
done
completed=$(PATH=$prefix/bin:$PATH bash -c 'source "$1"; COMP_WORDS=(mbl asset a); COMP_CWORD=2
    COMP_LINE="mbl asset a"; COMP_POINT=${#COMP_LINE}; _mbl_complete; echo "${COMPREPLY[*]}"' \
    bash "$prefix/share/bash-completion/completions/mbl")
[ "$completed" = "add" ] || fail "bash completion of 'mbl asset a' gave '$completed', not 'add'"
echo "install test: man page and bash, zsh and fish completions installed; man mbl and bash completion work"

package_config=$(find "$prefix" -path '*/cmake/mbl/mblConfig.cmake' -print -quit)
[ -n "$package_config" ] || fail "no <libdir>/cmake/mbl/mblConfig.cmake under $prefix"
package_dir=$(dirname "$package_config")
for file in mblConfigVersion.cmake mblTargets.cmake; do
    [ -f "$package_dir/$file" ] || fail "$package_dir/$file was not installed"
done
for file in "$package_dir"/mblTargets*.cmake; do
    # The C libraries as the imported targets mblDependencies.cmake defines, not the paths of
    # the machine that built the package.
    if grep -Eq '/lib(csv|zip|expat)[.]' "$file"; then
        fail "$file names a library by its path: $(grep -Eo '[^;\"]*/lib(csv|zip|expat)[.][^;\"]*' "$file" | head -1)"
    fi
done
grep -q 'mbl::libcsv' "$package_dir/mblTargets.cmake" ||
    fail "$package_dir/mblTargets.cmake does not link mbl::libcsv"

# The consumer uses the same compiler as the mbl build, so the C++ library ABI matches.
generator=()
if command -v ninja >/dev/null 2>&1; then generator=(-G Ninja); fi
compiler=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build_dir/CMakeCache.txt")
compiler_option=()
if [ -n "$compiler" ]; then compiler_option=("-DCMAKE_CXX_COMPILER=$compiler"); fi
launcher=()
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi

echo "install test: configuring the consumer with CMAKE_PREFIX_PATH=$prefix"
cmake -S "$source_dir/tests/install/consumer" -B "$consumer_build" "${generator[@]}" \
    "${compiler_option[@]}" "${launcher[@]}" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
    >"$scratch_dir/consumer-configure.log" 2>&1 || {
    cat "$scratch_dir/consumer-configure.log" >&2
    fail "configuring the consumer (find_package(mbl 0.1 REQUIRED)) failed"
}
found_dir=$(sed -n 's/^mbl_DIR:[A-Z]*=//p' "$consumer_build/CMakeCache.txt")
[ "$found_dir" = "$package_dir" ] ||
    fail "the consumer found mbl in '$found_dir', not in the installed $package_dir"

echo "install test: building the consumer"
cmake --build "$consumer_build" >"$scratch_dir/consumer-build.log" 2>&1 || {
    cat "$scratch_dir/consumer-build.log" >&2
    fail "building the consumer against mbl::core failed"
}

consumer=$consumer_build/mbl_consumer
[ -x "$consumer" ] || fail "the consumer build did not produce $consumer"
output=$("$consumer" "$backlog" 2>&1) || fail "the consumer failed on $backlog: $output"
[ "$output" = "$expected" ] ||
    fail "the consumer printed '$output' for $backlog, expected '$expected'"

echo "install test: consumer printed '$output'"

# examples/library: loads, plans, commits and saves a copy of Contoso through the library; the
# installed mbl does the same to another copy; both files must be the same bytes, and changed.
example_build=$scratch_dir/example-build
cmake -S "$source_dir/examples/library" -B "$example_build" "${generator[@]}" \
    "${compiler_option[@]}" "${launcher[@]}" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
    >"$scratch_dir/example-configure.log" 2>&1 || {
    cat "$scratch_dir/example-configure.log" >&2
    fail "configuring examples/library against the installed package failed"
}
cmake --build "$example_build" >"$scratch_dir/example-build.log" 2>&1 || {
    cat "$scratch_dir/example-build.log" >&2
    fail "building examples/library against mbl::core failed"
}
today=2026-11-25
cp "$backlog" "$scratch_dir/by-library.json"
cp "$backlog" "$scratch_dir/by-cli.json"
output=$("$example_build/plan_next_iteration" "$scratch_dir/by-library.json" "$today" 2>&1) ||
    fail "examples/library failed: $output"
echo "install test: examples/library printed '$output'"
"$prefix/bin/mbl" -f "$scratch_dir/by-cli.json" --today "$today" iteration plan --commit \
    >"$scratch_dir/cli-plan.txt" 2>&1 || {
    cat "$scratch_dir/cli-plan.txt" >&2
    fail "installed 'mbl iteration plan --commit' failed"
}
cmp -s "$backlog" "$scratch_dir/by-library.json" && fail "examples/library left the backlog unchanged"
cmp -s "$scratch_dir/by-library.json" "$scratch_dir/by-cli.json" || {
    diff "$scratch_dir/by-cli.json" "$scratch_dir/by-library.json" >&2 || true
    fail "examples/library's file differs from what 'mbl iteration plan --commit' wrote"
}
echo "install test: examples/library wrote the same bytes as mbl iteration plan --commit"
echo "install test: passed"
