#!/usr/bin/env python3
"""Count the instructions each mbl command executes at 100k and 1M assets, and their growth.

    bench/instructions.py --mbl build/mbl                      # every operation (about an hour)
    bench/instructions.py --mbl build/mbl --operations status,plan --jobs 2 -o counts.md

The time a command takes at 1M over its time at 100k depends on the machine as much as on the
command: ten times the memory, past every cache, and, on a virtual machine, the host's own work
(docs/performance.md). The number of instructions does not: valgrind's callgrind counts them,
the same for the same binary and files whatever else the machine is doing. A command whose
count grows more than ten times does more work per asset at 1M: a quadratic path, a sort, a
table outgrown. The operations, their arguments and the generated files are bench/run.py's.
Python 3 standard library only, and valgrind (bench/setup.sh installs it).
"""

import argparse
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import tempfile

import report
import run

def count_instructions(argv, log_path, environment):
    """The instructions `argv` executes under callgrind; raises run.CommandFailed when it fails
    (exit 1 is accepted where run.run_once accepts it) or callgrind reports no count."""
    process = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                              f"--log-file={log_path}"] + argv,
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, env=environment, check=False)
    tolerated = (0, 1) if any(word in argv for word in ("diff", "merge-driver")) else (0,)
    if process.returncode not in tolerated:
        message = process.stderr.decode(errors="replace").strip()
        raise run.CommandFailed(f"{' '.join(argv)} exited {process.returncode}: {message}")
    try:
        with open(log_path, encoding="utf-8", errors="replace") as log:
            found = re.search(r"Collected : (\d+)", log.read())
    except OSError:
        found = None
    if not found:
        raise run.CommandFailed(f"callgrind gave no count for {' '.join(argv)} ({log_path})")
    return int(found.group(1))


def count_operation(operation, facts, options, scratch, environment):
    """The instructions of `operation` on the backlog of `facts`, on a fresh copy of the file
    the edits change, as bench/run.py runs it."""
    directory = os.path.join(scratch, f"{operation.name}-{facts['label']}".replace(" ", "-"))
    os.makedirs(directory, exist_ok=True)
    work = os.path.join(directory, "backlog.json")
    if operation.edits:
        shutil.copyfile(operation.work_from(facts), work)
    target = work if operation.edits else facts["path"]
    argv = [options.mbl, "-f", target, "--today", facts["today"], "--color", "never"]
    argv += operation.mbl_args(facts, work)
    return count_instructions(argv, os.path.join(directory, "callgrind.log"), environment)


def markdown(counts, operations, sizes, mbl):
    """The table of `counts` ({(operation name, assets): instructions}) at the two `sizes` and a
    summary line."""
    small, large = sizes
    lines = [f"Instructions counted by callgrind, `{os.path.relpath(mbl, run.REPO)}` "
             f"({run.size_label(small)} and {run.size_label(large)} assets):",
             "", f"| operation | {run.size_label(small)} | {run.size_label(large)} | growth "
             "| target | result |", "|---|---:|---:|---:|---|---|"]
    misses = 0
    for operation in operations:
        before, after = counts[(operation.name, small)], counts[(operation.name, large)]
        growth = after / before
        holds = growth <= report.LINEAR_FACTOR
        misses += not holds
        lines.append(f"| {operation.name} | {before / 1e9:.2f} G | {after / 1e9:.2f} G | "
                     f"{growth:.2f}× | ≤ {report.LINEAR_FACTOR}× | "
                     f"{'pass' if holds else 'FAIL: growth'} |")
    lines.append("")
    lines.append(f"{misses} of the {len(operations)} operations grow more than "
                 f"{report.LINEAR_FACTOR}×." if misses else
                 f"Every operation grows at most {report.LINEAR_FACTOR}× "
                 f"({len(operations)} of {len(operations)}).")
    return "\n".join(lines) + "\n"


def parse_options(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mbl", default=os.path.join(run.REPO, "build-release", "mbl"),
                        help="the mbl binary to count (default: build-release/mbl)")
    parser.add_argument("--operations", default=",".join(run.OPERATION_KEYS),
                        help="which, comma-separated (default all: "
                             f"{','.join(run.OPERATION_KEYS)})")
    parser.add_argument("--sizes", default="100k,1m",
                        help="the two asset counts compared, ten times apart (default 100k,1m)")
    parser.add_argument("--jobs", type=int, default=1,
                        help="commands counted at once (default 1; each takes one core)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--cache-dir", default=os.path.join(tempfile.gettempdir(), "mbl-bench"),
                        help="where generated backlogs are kept (default /tmp/mbl-bench)")
    parser.add_argument("-o", "--output", help="also write the Markdown table to this file")
    options = parser.parse_args(argv)
    unknown = [key for key in options.operations.split(",") if key not in run.OPERATION_KEYS]
    if unknown:
        parser.error(f"unknown operation {unknown[0]!r}; "
                     f"choose from {','.join(run.OPERATION_KEYS)}")
    try:
        options.sizes = [run.parse_size(size) for size in options.sizes.split(",")]
    except argparse.ArgumentTypeError as error:
        parser.error(str(error))
    if len(options.sizes) != 2 or options.sizes[1] != 10 * options.sizes[0]:
        parser.error("--sizes takes two asset counts, the second ten times the first")
    chosen = {run.OPERATION_KEYS[key] for key in options.operations.split(",")}
    options.operations = [op for op in run.OPERATIONS if op.name in chosen]
    if options.jobs < 1:
        parser.error("--jobs must be at least 1")
    options.mbl = os.path.abspath(options.mbl)
    if not os.access(options.mbl, os.X_OK):
        parser.error(f"no mbl binary at {options.mbl} (pass --mbl PATH)")
    if not shutil.which("valgrind"):
        parser.error("valgrind is not installed (bench/setup.sh installs it)")
    return options


def main(argv):
    options = parse_options(argv)
    environment = {k: v for k, v in os.environ.items() if not k.startswith("MBL_")}
    environment["NO_COLOR"] = "1"
    os.makedirs(options.cache_dir, exist_ok=True)
    backlogs = []
    for size in options.sizes:
        path, facts = run.generated_backlog(size, options.seed, options.cache_dir)
        facts["path"] = path
        run.add_variants(facts, options, environment)
        backlogs.append(facts)
    counts = {}
    with tempfile.TemporaryDirectory(prefix="mbl-instructions-") as scratch, \
            concurrent.futures.ThreadPoolExecutor(max_workers=options.jobs) as pool:
        pending = {pool.submit(count_operation, operation, facts, options, scratch,
                               environment):
                   (operation.name, facts["assets"])
                   for operation in options.operations for facts in backlogs}
        try:
            for done in concurrent.futures.as_completed(pending):
                counts[pending[done]] = done.result()
                print(f"bench: {pending[done][0]} at {pending[done][1]}: "
                      f"{counts[pending[done]]:,} instructions", file=sys.stderr, flush=True)
        except run.CommandFailed as failure:
            print(f"bench: error: {failure}", file=sys.stderr)
            for future in pending:
                future.cancel()
            return 1
    text = markdown(counts, options.operations, options.sizes, options.mbl)
    if options.output:
        with open(options.output, "w", encoding="utf-8") as out:
            out.write(text)
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
