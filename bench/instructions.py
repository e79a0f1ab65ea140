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

import run

# The counts are exact: ten times the assets may cost at most this many times the instructions.
# The fixed work (starting the process, the settings, the summary lines) keeps most commands
# under 10×; a sort of every asset, where it dominated, would show as 12× (n log n).
INSTRUCTION_FACTOR = 10.5
LOG_LINES = 20  # of callgrind's log, in the message of a failed count


def log_tail(log_path):
    """The last LOG_LINES lines of `log_path`; "" when it cannot be read."""
    try:
        with open(log_path, encoding="utf-8", errors="replace") as log:
            return "".join(log.readlines()[-LOG_LINES:]).strip()
    except OSError:
        return ""


def count_instructions(argv, log_path, environment):
    """The instructions `argv` executes under callgrind; raises run.CommandFailed, with the end
    of callgrind's log, when the command fails (run.tolerated_exits) or callgrind logs no count."""
    process = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                              f"--log-file={log_path}"] + argv,
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, env=environment, check=False)
    if process.returncode not in run.tolerated_exits(argv):
        message = process.stderr.decode(errors="replace").strip()
        raise run.CommandFailed(f"{' '.join(argv)} exited {process.returncode}: {message}\n"
                                f"{log_tail(log_path)}")
    found = re.search(r"Collected : (\d+)", log_tail(log_path))
    if not found:
        raise run.CommandFailed(f"callgrind gave no count for {' '.join(argv)}:\n"
                                f"{log_tail(log_path)}")
    return int(found.group(1))


def count_operation(operation, facts, options, scratch, environment):
    """The instructions of `operation` on the backlog of `facts`, on a fresh copy of the file
    the edits change, as bench/run.py runs it. The copy and what the command writes beside it
    are removed once counted (a 1M copy is 570 MB)."""
    directory = tempfile.mkdtemp(prefix=f"{operation.name}-{facts['label']}-".replace(" ", "-"),
                                 dir=scratch)
    try:
        work = os.path.join(directory, "backlog.json")
        if operation.edits:
            shutil.copyfile(operation.work_from(facts), work)
        target = work if operation.edits else facts["path"]
        argv = run.mbl_command(options.mbl, operation, facts, target, work)
        return count_instructions(argv, os.path.join(directory, "callgrind.log"), environment)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def markdown(counts, operations, sizes, mbl):
    """The table of `counts` ({(operation name, assets): instructions}) at the two `sizes` and a
    summary line; an operation not counted at both sizes shows "—"."""
    small, large = sizes
    lines = [f"Instructions counted by callgrind, `{os.path.relpath(mbl, run.REPO)}` "
             f"({run.size_label(small)} and {run.size_label(large)} assets):",
             "", f"| operation | {run.size_label(small)} | {run.size_label(large)} | growth "
             "| target | result |", "|---|---:|---:|---:|---|---|"]
    judged = misses = 0
    for operation in operations:
        before, after = counts.get((operation.name, small)), counts.get((operation.name, large))
        cells = ["—" if count is None else f"{count / 1e9:.2f} G" for count in (before, after)]
        if before is None or after is None:
            lines.append(f"| {operation.name} | {cells[0]} | {cells[1]} | — | — | not counted |")
            continue
        growth = after / before
        holds = growth <= INSTRUCTION_FACTOR
        judged += 1
        misses += not holds
        lines.append(f"| {operation.name} | {cells[0]} | {cells[1]} | {growth:.2f}× | "
                     f"≤ {INSTRUCTION_FACTOR}× | {'pass' if holds else 'FAIL: growth'} |")
    lines.append("")
    if not judged:
        lines.append("No operation was counted at both sizes.")
    elif misses:
        lines.append(f"{misses} of the {judged} operations counted grow more than "
                     f"{INSTRUCTION_FACTOR}×.")
    else:
        lines.append(f"Every operation counted grows at most {INSTRUCTION_FACTOR}× "
                     f"({judged} of {len(operations)}).")
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
    try:
        options.sizes = [run.parse_size(size) for size in options.sizes.split(",")]
    except argparse.ArgumentTypeError as error:
        parser.error(str(error))
    if len(options.sizes) != 2 or options.sizes[1] != 10 * options.sizes[0]:
        parser.error("--sizes takes two asset counts, the second ten times the first")
    options.operations = run.chosen_operations(parser, options.operations)
    if options.jobs < 1:
        parser.error("--jobs must be at least 1")
    options.mbl = os.path.abspath(options.mbl)
    if not os.access(options.mbl, os.X_OK):
        parser.error(f"no mbl binary at {options.mbl} (pass --mbl PATH)")
    if not shutil.which("valgrind"):
        parser.error("valgrind is not installed (bench/setup.sh installs it)")
    return options


def count_all(options, backlogs, environment):
    """{(operation name, assets): instructions} of every operation on every backlog, `--jobs` at
    a time; on a failure, what was counted before it and the failure (else None). Nothing
    queued runs after a failure or an interruption."""
    counts = {}
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=options.jobs)
    with tempfile.TemporaryDirectory(prefix="mbl-instructions-") as scratch:
        try:
            pending = {pool.submit(count_operation, operation, facts, options, scratch,
                                   environment): (operation.name, facts["assets"])
                       for operation in options.operations for facts in backlogs}
            for done in concurrent.futures.as_completed(pending):
                counts[pending[done]] = done.result()
                print(f"bench: {pending[done][0]} at {pending[done][1]}: "
                      f"{counts[pending[done]]:,} instructions", file=sys.stderr, flush=True)
        except run.CommandFailed as failure:
            return counts, failure
        finally:
            pool.shutdown(wait=True, cancel_futures=True)  # the running ones end on their own
    return counts, None


def main(argv):
    options = parse_options(argv)
    # Valgrind reads options from VALGRIND_OPTS too: none but the script's own.
    environment = {k: v for k, v in run.bench_environment().items() if k != "VALGRIND_OPTS"}
    os.makedirs(options.cache_dir, exist_ok=True)
    backlogs = []
    for size in options.sizes:
        path, facts = run.generated_backlog(size, options.seed, options.cache_dir)
        facts["path"] = path
        run.add_variants(facts, options, environment)
        backlogs.append(facts)
    counts, failure = count_all(options, backlogs, environment)
    text = markdown(counts, options.operations, options.sizes, options.mbl)
    if options.output:  # what was counted, even after a failure
        with open(options.output, "w", encoding="utf-8") as out:
            out.write(text)
    if failure:
        print(f"bench: error: {failure}", file=sys.stderr)
        return 1
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
