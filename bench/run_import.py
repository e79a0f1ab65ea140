#!/usr/bin/env python3
"""Benchmark of `mbl import inventory --dry-run` on an RVTools export of N VMs: the workbook
(.xlsx, vInfo with RVTools 4.x's 90 columns) and the same vInfo rows as CSV, as the yardstick.

    bench/run_import.py                          # 100,000 VMs, 3 runs each
    bench/run_import.py --rows 10000 --repeat 5 --mbl build/mbl

Builds nothing: it runs the given binary (default build-release/mbl) with
`-f examples/minimal/backlog.json import inventory FILE --preset rvtools --dry-run --format json`.
The inputs are generated once into the cache directory (bench/generate_xlsx.py, seeded). One
warm-up run, then `--repeat` runs, each under GNU time: the medians of the wall time and of the
CPU time (user + system: what a busy machine's wall time hides) and the largest peak resident
memory. Prints a Markdown table. See docs/performance.md. Python 3 standard library only.
"""

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile

import generate_xlsx
import run
import xlsx_writer

BACKLOG = os.path.join(run.REPO, "examples", "minimal", "backlog.json")


def generated_inputs(rows, seed, cache_dir):
    """The cached workbook and CSV of `rows` VMs, made when missing or when the generator
    changed."""
    digest = hashlib.sha256()
    for module in (generate_xlsx, xlsx_writer):
        with open(module.__file__, "rb") as source:
            digest.update(source.read())
    stem = os.path.join(cache_dir, f"vinfo-{rows}-seed{seed}-{digest.hexdigest()[:12]}")
    if not os.path.exists(stem + ".csv"):
        print(f"bench: generating {rows} VMs into {stem}.xlsx and .csv", file=sys.stderr,
              flush=True)
        subprocess.run([sys.executable, generate_xlsx.__file__, "--rows", str(rows), "--seed",
                        str(seed), "-o", stem + ".xlsx", "--csv", stem + ".csv.partial"],
                       check=True)
        os.replace(stem + ".csv.partial", stem + ".csv")
    return stem + ".xlsx", stem + ".csv"


def measure(argv, repeat, environment, scratch):
    """(median wall s, median CPU s, peak bytes) of `repeat` runs after a warm-up run."""
    stats = os.path.join(scratch, "stats")
    walls, cpus, peaks = [], [], []
    for attempt in range(repeat + 1):
        timed = [run.TIME, "-f", "%e %U %S %M", "-o", stats] + argv
        run.run_once(timed, os.devnull, environment)
        with open(stats, encoding="utf-8") as text:
            wall, user, system, peak = text.read().split()[-4:]
        if attempt:
            walls.append(float(wall))
            cpus.append(float(user) + float(system))
            peaks.append(int(peak) * 1024)  # kilobytes
    return statistics.median(walls), statistics.median(cpus), max(peaks)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mbl", default=os.path.join(run.REPO, "build-release", "mbl"))
    parser.add_argument("--rows", type=int, default=100_000, help="VMs (default 100000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="measured runs each (default 3)")
    parser.add_argument("--cache-dir", default=os.path.join(tempfile.gettempdir(), "mbl-bench"))
    options = parser.parse_args(argv)
    if not os.access(options.mbl, os.X_OK):
        parser.error(f"no mbl binary at {options.mbl} (pass --mbl PATH)")
    os.makedirs(options.cache_dir, exist_ok=True)
    environment = {k: v for k, v in os.environ.items() if not k.startswith("MBL_")}
    lines = ["| input | file MB | wall s | CPU s | peak MB | peak / file |",
             "|---|---|---|---|---|---|"]
    with tempfile.TemporaryDirectory(prefix="mbl-bench-") as scratch:
        for path in generated_inputs(options.rows, options.seed, options.cache_dir):
            argv = [os.path.abspath(options.mbl), "-f", BACKLOG, "--color", "never", "import",
                    "inventory", path, "--preset", "rvtools", "--dry-run", "--format", "json"]
            print(f"bench: import inventory {os.path.basename(path)}", file=sys.stderr,
                  flush=True)
            try:
                wall, cpu, peak = measure(argv, options.repeat, environment, scratch)
            except run.CommandFailed as failure:
                print(f"bench: error: {failure}", file=sys.stderr)
                return 1
            size = os.path.getsize(path)
            kind = "xlsx" if path.endswith(".xlsx") else "CSV"
            lines.append(f"| {options.rows:,} VMs, {kind} | {size / 1e6:.1f} | {wall:.2f} | "
                         f"{cpu:.2f} | {peak / 1e6:.0f} | {peak / size:.1f}x |")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
