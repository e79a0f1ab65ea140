#!/usr/bin/env python3
"""Benchmark mbl against the targets of issue 7, with jq in the same run as the yardstick.

    cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release
    cmake --build build-release --target mbl
    bench/run.py                                  # 1k, 10k, 100k assets and the bundled example
    bench/run.py --sizes 100k --repeat 9 --output results.md
    bench/run.py --with-1m                        # adds 1,000,000 assets (minutes, 570 MB)

Builds nothing: it runs the given binary (default build-release/mbl). Generates the backlogs
once into a cache directory (bench/generate.py, seeded). Per operation and backlog, one run under
GNU time warms the page cache and gives the peak resident memory, then `--repeat` runs, each a
fresh process, give the median wall time. An edit runs on a fresh copy of the file each time, as
does its jq round trip. Prints a Markdown report (and writes it with --output).
See docs/performance.md. Python 3 standard library only.
"""

import argparse
import glob
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import asset_records
import generate
import report

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLE = os.path.join(REPO, "examples", "contoso", "backlog.json")
EXAMPLE_TODAY = "2026-11-25"
EXAMPLE_EDIT_ASSET = "erp-app-01"  # not-started, committed to the planned it-7
MILLION = 1_000_000
TIME = "/usr/bin/time"  # GNU time, for the peak memory of one process


class Operation:
    """One row of the table: mbl's command line, and jq's where the issue gives one."""

    def __init__(self, name, mbl_args, jq_filter=None, edits=False):
        self.name = name
        self.mbl_args = mbl_args  # a function of the backlog's facts (today, edit_asset)
        self.jq_filter = jq_filter  # likewise; None: no jq equivalent
        self.edits = edits  # runs on a fresh copy each time; jq writes back (> t && mv t f)


OPERATIONS = [
    Operation("query",
              lambda facts: ["asset", "list", "--status", "replicated", "--format", "json"],
              lambda facts: '[.assets[] | select(.status == "replicated")]'),
    Operation("edit one asset",
              lambda facts: ["asset", "set", facts["edit_asset"], "status=replicated"],
              lambda facts: f'(.assets[] | select(.id == "{facts["edit_asset"]}") | .status) '
                            '= "replicated"',
              edits=True),
    Operation("validate", lambda facts: ["validate"]),
    Operation("fmt --check", lambda facts: ["fmt", "--check"]),
    Operation("iteration plan", lambda facts: ["iteration", "plan"]),
    Operation("forecast", lambda facts: ["forecast", "--trials", "10000", "--seed", "1"]),
    Operation("status", lambda facts: ["status"]),
]
OPERATION_KEYS = {"query": "query", "edit": "edit one asset", "validate": "validate",
                  "fmt": "fmt --check", "plan": "iteration plan", "forecast": "forecast",
                  "status": "status"}


class CommandFailed(Exception):
    pass


def run_once(argv, stdout_path, environment, peak_file=None):
    """Runs `argv` once and returns its wall time in seconds; raises CommandFailed on exit != 0.
    With `peak_file`, runs it under GNU time, which writes the peak resident memory there: a
    process started from Python itself would report Python's memory as its own peak."""
    if peak_file:
        argv = [TIME, "-f", "%M", "-o", peak_file] + argv
    with tempfile.TemporaryFile() as errors, open(stdout_path, "wb") as out:
        began = time.perf_counter()
        process = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=errors,
                                 env=environment, check=False)
        seconds = time.perf_counter() - began
        if process.returncode != 0:
            errors.seek(0)
            message = errors.read().decode(errors="replace").strip()
            raise CommandFailed(f"{' '.join(argv)} exited {process.returncode}: {message}")
    return seconds


def measure(runs, prepare, run, scratch):
    """Runs once under GNU time for the peak memory (this also warms the page cache), then
    `runs` times measured; returns (median seconds, peak bytes). `run(peak_file)` runs once."""
    peak_file = os.path.join(scratch, "peak")
    prepare()
    run(peak_file)
    with open(peak_file, encoding="utf-8") as peak_text:
        peak_bytes = int(peak_text.read().split()[-1]) * 1024  # kilobytes, on the last line
    times = []
    for _ in range(runs):
        prepare()
        times.append(run(None))
    return statistics.median(times), peak_bytes


def bench_operation(operation, backlog, facts, options, scratch, environment):
    """Measures `operation` on `backlog`; returns a report.Row."""
    work = os.path.join(scratch, "backlog.json")
    target = work if operation.edits else backlog
    prepare = (lambda: shutil.copyfile(backlog, work)) if operation.edits else (lambda: None)
    mbl_argv = [options.mbl, "-f", target, "--today", facts["today"], "--color", "never"]
    mbl_argv += operation.mbl_args(facts)
    mbl_median, mbl_peak = measure(
        options.repeat, prepare,
        lambda peak_file: run_once(mbl_argv, os.devnull, environment, peak_file), scratch)
    if operation.edits and os.path.getsize(work) <= os.path.getsize(backlog):
        raise CommandFailed(f"{' '.join(mbl_argv)} left the file as it was: a timed no-op")
    jq_median = None
    if operation.jq_filter and options.jq:
        jq_argv = [options.jq, operation.jq_filter(facts), target]
        if operation.edits:
            staged = os.path.join(scratch, "backlog.json.jq")

            def run_jq(peak_file):  # jq ... f > t && mv t f
                seconds = run_once(jq_argv, staged, environment, peak_file)
                began = time.perf_counter()
                os.replace(staged, work)
                return seconds + time.perf_counter() - began
        else:

            def run_jq(peak_file):
                return run_once(jq_argv, os.devnull, environment, peak_file)

        jq_median, _ = measure(options.repeat, prepare, run_jq, scratch)
    return report.Row(operation.name, facts["label"], facts["assets"], os.path.getsize(backlog),
                      mbl_median, mbl_peak, jq_median)


def size_label(assets):
    if assets % MILLION == 0:
        return f"{assets // MILLION}M"
    return f"{assets // 1000}k" if assets % 1000 == 0 else str(assets)


def generated_backlog(assets, seed, cache_dir):
    """The cached file for `assets` and `seed`, made when missing or when the generator changed;
    and its facts (today, the asset to edit), kept beside it."""
    digest = hashlib.sha256()
    for module in (generate, asset_records):
        with open(module.__file__, "rb") as source:
            digest.update(source.read())
    version = digest.hexdigest()[:12]
    path = os.path.join(cache_dir, f"backlog-{assets}-seed{seed}-{version}.json")
    if not os.path.exists(path) or not os.path.exists(path + ".facts"):
        for stale in glob.glob(os.path.join(cache_dir, f"backlog-{assets}-seed{seed}-*")):
            os.remove(stale)  # made by an older generator (a 1M file is 570 MB)
        print(f"bench: generating {assets} assets into {path}", file=sys.stderr, flush=True)
        with open(path + ".partial", "w", encoding="utf-8", newline="\n") as out:
            facts = generate.generate(out, assets, seed)
        with open(path + ".facts", "w", encoding="utf-8") as out:
            json.dump(facts, out)
        os.replace(path + ".partial", path)
    with open(path + ".facts", encoding="utf-8") as facts_file:
        facts = json.load(facts_file)
    facts["label"] = size_label(assets)
    return path, facts


def parse_size(text):
    text = text.strip().lower()
    scale = {"k": 1000, "m": MILLION}.get(text[-1:], 1)
    digits = text[:-1] if scale > 1 else text
    if not digits.isdigit() or int(digits) * scale < 1:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (use 1000, 10k, 1m, ...)")
    return int(digits) * scale


def parse_options(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mbl", default=os.path.join(REPO, "build-release", "mbl"),
                        help="the mbl binary to measure (default: build-release/mbl)")
    parser.add_argument("--sizes", default="1k,10k,100k",
                        help="asset counts, comma-separated (default 1k,10k,100k)")
    parser.add_argument("--with-1m", action="store_true", help="add 1,000,000 assets")
    parser.add_argument("--repeat", type=int, default=5, help="measured runs each (default 5)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--operations", default=",".join(OPERATION_KEYS),
                        help=f"which, comma-separated (default all: {','.join(OPERATION_KEYS)})")
    parser.add_argument("--cache-dir", default=os.path.join(tempfile.gettempdir(), "mbl-bench"),
                        help="where generated backlogs are kept (default /tmp/mbl-bench)")
    parser.add_argument("--no-jq", dest="jq", action="store_false", help="skip the jq runs")
    parser.add_argument("--no-example", dest="example", action="store_false",
                        help="skip the bundled example")
    parser.add_argument("-o", "--output", help="also write the Markdown report to this file")
    options = parser.parse_args(argv)
    try:
        options.sizes = [parse_size(size) for size in options.sizes.split(",") if size.strip()]
    except argparse.ArgumentTypeError as error:
        parser.error(str(error))
    if any(size >= MILLION for size in options.sizes) and not options.with_1m:
        parser.error("1,000,000 assets take minutes and a 570 MB file: add --with-1m")
    if options.with_1m and MILLION not in options.sizes:
        options.sizes.append(MILLION)
    unknown = [key for key in options.operations.split(",") if key not in OPERATION_KEYS]
    if unknown:
        parser.error(f"unknown operation {unknown[0]!r}; choose from {','.join(OPERATION_KEYS)}")
    chosen = {OPERATION_KEYS[key] for key in options.operations.split(",")}
    options.operations = [operation for operation in OPERATIONS if operation.name in chosen]
    if options.repeat < 1:
        parser.error("--repeat must be at least 1")
    options.mbl = os.path.abspath(options.mbl)
    if not os.access(options.mbl, os.X_OK):
        parser.error(f"no mbl binary at {options.mbl}; build one with: cmake -S . -B "
                     "build-release -G Ninja -DCMAKE_BUILD_TYPE=Release && cmake --build "
                     "build-release --target mbl (or pass --mbl PATH)")
    if not os.access(TIME, os.X_OK):
        parser.error(f"no GNU time at {TIME} (scripts/setup.sh installs it: package time)")
    if options.jq:
        options.jq = shutil.which("jq")
        if not options.jq:
            parser.error("jq is not installed (scripts/setup.sh installs it); or pass --no-jq")
    return options


def main(argv):
    options = parse_options(argv)
    environment = {k: v for k, v in os.environ.items() if not k.startswith("MBL_")}
    environment["NO_COLOR"] = "1"
    os.makedirs(options.cache_dir, exist_ok=True)
    backlogs = [generated_backlog(size, options.seed, options.cache_dir) for size in options.sizes]
    if options.example:
        backlogs.append((EXAMPLE, {"label": "example", "assets": None, "today": EXAMPLE_TODAY,
                                   "edit_asset": EXAMPLE_EDIT_ASSET}))
    rows = []
    with tempfile.TemporaryDirectory(prefix="mbl-bench-") as scratch:
        for backlog, facts in backlogs:
            for operation in options.operations:
                print(f"bench: {operation.name} on {facts['label']}", file=sys.stderr, flush=True)
                try:
                    rows.append(bench_operation(operation, backlog, facts, options, scratch,
                                                environment))
                except CommandFailed as failure:
                    print(f"bench: error: {failure}", file=sys.stderr)
                    return 1
    text = report.markdown(rows, report.describe_run(REPO, options.mbl, options.repeat,
                                                     options.seed))
    print(text, end="")
    if options.output:
        with open(options.output, "w", encoding="utf-8") as out:
            out.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
