#!/usr/bin/env python3
"""Benchmark every mbl command against its targets, with the floor and jq in the same run.

    cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release
    cmake --build build-release --target mbl
    bench/setup.sh                                # the floor: build-floor/floor (simdjson)
    bench/run.py                                  # 1k, 10k, 100k assets and the bundled example
    bench/run.py --sizes 100k --repeat 9 --output results.md
    bench/run.py --sizes 100k --with-1m           # adds 1,000,000 assets (minutes, 570 MB)

Builds nothing: it runs the given binary (default build-release/mbl) and the floor
(bench/floor/floor.cpp: the command's work on the file read with simdjson). Generates the
backlogs once into a cache directory (bench/generate.py, seeded), and what some commands read
besides (an edited copy for diff and merge-driver, discovery exports for the imports). Per
operation and backlog, one run under GNU time warms the page cache and gives the peak resident
memory, then `--repeat` runs, each a fresh process, give the median wall and CPU (user + system)
time and the least CPU time, which × floor and the growth compare. The runs of one operation
take turns (the command on each size, its floor and jq, then again), so that a slow spell of the
machine weighs on both sides of a ratio alike; and each measured run follows fresh memory written
and given back (back_memory; --cold: not). An edit runs on a fresh copy of the file each time,
as does its jq round trip and its floor.
Prints a Markdown report (and writes it with --output). See docs/performance.md. Python 3
standard library only.
"""

import argparse
import glob
import hashlib
import json
import mmap
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import asset_records
import generate
import imports
import report

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLE = os.path.join(REPO, "examples", "contoso", "backlog.json")
EXAMPLE_TODAY = "2026-11-25"
EXAMPLE_EDIT_ASSET = "erp-app-01"  # not-started, committed to the planned it-7
MILLION = 1_000_000
TIME = "/usr/bin/time"  # GNU time, for the peak memory of one process


class Operation:
    """One row of the table: mbl's command line, the floor's and jq's where there is one."""

    def __init__(self, name, mbl_args, jq_filter=None, work_from=None, floor=None,
                 file_key="path"):
        self.name = name
        # A function of the backlog's facts and the working copy's path (see `work_from`).
        self.mbl_args = mbl_args
        self.jq_filter = jq_filter  # a function of the facts; None: no jq equivalent
        # None: the command reads the backlog itself (-f). Else a function of the facts naming
        # the file copied to a fresh working copy before each run, which -f then names.
        self.work_from = work_from
        self.edits = work_from is not None
        # The floor's mode and arguments after the file (a function of the facts), or None.
        self.floor = floor
        # The fact naming the file whose size is "the file" of the memory target.
        self.file_key = file_key


def same_file(facts):
    return facts["path"]


OPERATIONS = [
    Operation("query",
              lambda facts, work: ["asset", "list", "--status", "replicated", "--format", "json"],
              lambda facts: '[.assets[] | select(.status == "replicated")]',
              floor=lambda facts: ("query", [])),
    Operation("edit one asset",
              lambda facts, work: ["asset", "set", facts["edit_asset"], "status=replicated"],
              lambda facts: f'(.assets[] | select(.id == "{facts["edit_asset"]}") | .status) '
                            '= "replicated"',
              work_from=same_file, floor=lambda facts: ("edit", [facts["edit_asset"]])),
    Operation("validate", lambda facts, work: ["validate"],
              floor=lambda facts: ("validate", [])),
    Operation("fmt --check", lambda facts, work: ["fmt", "--check"],
              floor=lambda facts: ("scan", [])),
    Operation("iteration plan", lambda facts, work: ["iteration", "plan"],
              floor=lambda facts: ("scan", [])),
    Operation("forecast", lambda facts, work: ["forecast", "--trials", "10000", "--seed", "1"],
              floor=lambda facts: ("forecast", [])),
    Operation("status", lambda facts, work: ["status"], floor=lambda facts: ("status", [])),
    Operation("report markdown", lambda facts, work: ["report", "--format", "markdown"],
              floor=lambda facts: ("scan", [])),
    Operation("report html", lambda facts, work: ["report", "--format", "html"],
              floor=lambda facts: ("scan", [])),
    Operation("report json", lambda facts, work: ["report", "--format", "json"],
              floor=lambda facts: ("scan", [])),
    Operation("release list", lambda facts, work: ["release", "list"],
              floor=lambda facts: ("scan", [])),
    Operation("burndown", lambda facts, work: ["burndown"], floor=lambda facts: ("scan", [])),
    Operation("velocity", lambda facts, work: ["velocity"], floor=lambda facts: ("scan", [])),
    # Azure Boards imports take 1000 work items a file: the export is split into files, written
    # beside the working copy (FILE-1.csv, …), which stdout can't take.
    Operation("export azure-devops",
              lambda facts, work: ["export", "csv", "--for", "azure-devops", "--project", "Bench",
                                   "-o", os.path.join(os.path.dirname(work), "azure.csv")],
              floor=lambda facts: ("scan", [])),
    Operation("export jira", lambda facts, work: ["export", "csv", "--for", "jira"],
              floor=lambda facts: ("scan", [])),
    Operation("export generic", lambda facts, work: ["export", "csv", "--for", "generic"],
              floor=lambda facts: ("scan", [])),
    Operation("export wbs", lambda facts, work: ["export", "wbs", "--format", "csv"],
              floor=lambda facts: ("scan", [])),
    Operation("diff", lambda facts, work: ["diff", facts["path"], facts["edited"]],
              floor=lambda facts: ("scan", [])),
    Operation("merge-driver",
              lambda facts, work: ["merge-driver", facts["path"], work, facts["renamed"],
                                   "backlog.json"],
              work_from=lambda facts: facts["edited"], floor=lambda facts: ("scan", [])),
    Operation("import inventory",
              lambda facts, work: ["import", "inventory", facts["vinfo"], "--preset", "rvtools",
                                   "--workload", "dc"],
              work_from=lambda facts: facts["empty"], file_key="imported"),
    Operation("import dependencies",
              lambda facts, work: ["import", "dependencies", facts["dependencies"], "--preset",
                                   "azure-migrate"],
              work_from=lambda facts: facts["imported"], file_key="imported"),
]
OPERATION_KEYS = {"query": "query", "edit": "edit one asset", "validate": "validate",
                  "fmt": "fmt --check", "plan": "iteration plan", "forecast": "forecast",
                  "status": "status", "report-md": "report markdown",
                  "report-html": "report html", "report-json": "report json",
                  "release-list": "release list", "burndown": "burndown",
                  "velocity": "velocity", "export-azure": "export azure-devops",
                  "export-jira": "export jira", "export-generic": "export generic",
                  "export-wbs": "export wbs", "diff": "diff", "merge": "merge-driver",
                  "import-inventory": "import inventory",
                  "import-dependencies": "import dependencies"}
# Imports need discovery exports: generated for the benchmark's sizes, not for the example.
IMPORTS = {"import inventory", "import dependencies"}


class CommandFailed(Exception):
    pass


def tolerated_exits(argv):
    """The exit codes that mean success for `argv`: 1 too from diff and merge-driver (a
    difference found)."""
    return (0, 1) if any(word in argv for word in ("diff", "merge-driver")) else (0,)


def mbl_command(mbl, operation, facts, target, work):
    """The argv of `operation` run by the binary `mbl` on the backlog file `target` (`work`:
    the working copy an edit changes)."""
    return ([mbl, "-f", target, "--today", facts["today"], "--color", "never"]
            + operation.mbl_args(facts, work))


def bench_environment():
    """The environment of every run: no MBL_ variable of the caller's, no colour."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("MBL_")}
    environment["NO_COLOR"] = "1"
    return environment


def run_once(argv, stdout_path, environment, peak_file=None):
    """Runs `argv` once and returns (wall seconds, CPU seconds: user + system, user seconds);
    raises
    CommandFailed on exit != 0 (1 is accepted from diff and merge-driver: a difference found).
    With `peak_file`, runs it under GNU time, which writes the peak resident memory there: a
    process started from Python itself would report Python's memory as its own peak."""
    if peak_file:
        argv = [TIME, "-f", "%M", "-o", peak_file] + argv
    with tempfile.TemporaryFile() as errors, open(stdout_path, "wb") as out:
        children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        began = time.perf_counter()
        process = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=errors,
                                 env=environment, check=False)
        seconds = time.perf_counter() - began
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        user = children.ru_utime - children_before.ru_utime
        cpu = user + children.ru_stime - children_before.ru_stime
        if process.returncode not in tolerated_exits(argv):
            errors.seek(0)
            message = errors.read().decode(errors="replace").strip()
            raise CommandFailed(f"{' '.join(argv)} exited {process.returncode}: {message}")
    return seconds, cpu, user


class Measured:
    """Of the measured runs: the median wall and CPU (user + system) seconds, and the least CPU
    and user seconds; and the peak memory of the run under GNU time before them."""

    def __init__(self, times, peak_bytes):
        """`times`: (wall, CPU, user) seconds of each measured run."""
        self.seconds = statistics.median(t[0] for t in times)
        self.cpu_seconds = statistics.median(t[1] for t in times)
        self.least_cpu_seconds = min(t[1] for t in times)
        self.least_user_seconds = min(t[2] for t in times)
        self.peak_bytes = peak_bytes


class Runs:
    """One program's runs within an operation: `prepare()` before each, `run(peak_file)` runs it
    once and returns (wall, CPU, user) seconds; `check()`, after the first run, raises
    CommandFailed if that run did not do its work. `writes`: how many bytes of files a run
    writes (page cache it needs besides its resident memory)."""

    def __init__(self, prepare, run, check=lambda: None, writes=0):
        self.prepare = prepare
        self.run = run
        self.check = check
        self.writes = writes


def back_memory(size):
    """Writes to `size` bytes of fresh memory, in 2 MB pages where the system gives them, and
    gives them back. A virtual machine whose host takes back the guest's free memory (virtio
    free page reporting) must supply it again, zeroed, on its next use: 1 GB costs a process 1 to
    3.5 s of system time when it comes from there, and almost nothing when it is memory that was
    just freed. Run just before a measured run, this makes every run start from the second.
    At most half the memory available is written; none when the system refuses it."""
    size = min(size, available_memory() // 2)
    if size <= 0:
        return
    try:
        block = mmap.mmap(-1, size, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
    except OSError:
        return
    try:
        if hasattr(mmap, "MADV_HUGEPAGE"):
            try:  # as mbl's heap: the host hands back 2 MB blocks
                block.madvise(mmap.MADV_HUGEPAGE)
            except OSError:
                pass  # a kernel without transparent huge pages
        for offset in range(0, size, mmap.PAGESIZE):
            block[offset] = 1
    finally:
        block.close()


def available_memory():
    """MemAvailable of /proc/meminfo in bytes; 0 when it can't be read."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def measure_in_turn(all_runs, repeat, scratch, warm=True):
    """A Measured for each of `all_runs`: each runs once under GNU time for the peak memory (this
    also warms the page cache), then `repeat` rounds run each once in turn. Taking turns puts a
    slow spell of the machine on all of them alike (the command and its floor, the 100k and the
    1M backlog) instead of on one: the ratios the targets judge move far less from run to run.
    Each round starts one further along, so that no run always follows the same one. With
    `warm`, each measured run follows back_memory of a quarter more than its peak and the bytes
    it writes."""
    peak_file = os.path.join(scratch, "peak")
    peaks = []
    for runs in all_runs:
        runs.prepare()
        runs.run(peak_file)
        runs.check()
        with open(peak_file, encoding="utf-8") as peak_text:
            peaks.append(int(peak_text.read().split()[-1]) * 1024)  # kB, on the last line
    times = [[] for _ in all_runs]
    for round_number in range(repeat):
        for turn in range(len(all_runs)):
            which = (round_number + turn) % len(all_runs)
            runs = all_runs[which]
            runs.prepare()
            if warm:
                back_memory(peaks[which] + peaks[which] // 4 + runs.writes)
            times[which].append(runs.run(None))
    return [Measured(taken, peak) for taken, peak in zip(times, peaks)]


def copying(source, destination):
    return lambda: shutil.copyfile(source, destination)


def floor_runs(operation, backlog, facts, options, work, environment):
    """The floor's Runs for `operation` on `backlog`; None without one. An edit's floor edits
    a fresh copy each time, as the command does."""
    if not options.floor or not operation.floor:
        return None
    mode, arguments = operation.floor(facts)
    edits = mode == "edit"
    argv = [options.floor, mode, work if edits else backlog] + arguments
    return Runs(copying(backlog, work) if edits else (lambda: None),
                lambda peak_file: run_once(argv, os.devnull, environment, peak_file),
                writes=os.path.getsize(backlog) if edits else 0)


def jq_runs(operation, target, facts, options, environment, prepare, writes):
    """jq's Runs doing `operation`'s work on `target`; None without a jq equivalent."""
    if not (operation.jq_filter and options.jq):
        return None
    jq_argv = [options.jq, operation.jq_filter(facts), target]
    if not operation.edits:
        return Runs(prepare, lambda peak_file: run_once(jq_argv, os.devnull, environment,
                                                        peak_file))
    staged = target + ".jq"

    def run_jq(peak_file):  # jq ... f > t && mv t f
        seconds, cpu, user = run_once(jq_argv, staged, environment, peak_file)
        began = time.perf_counter()
        os.replace(staged, target)
        return seconds + time.perf_counter() - began, cpu, user

    return Runs(prepare, run_jq, writes=writes)


def grown_check(argv, work, backlog):
    """A Runs.check that the edit (an asset's status made "replicated": longer) changed `work`."""
    def check():
        if os.path.getsize(work) <= os.path.getsize(backlog):
            raise CommandFailed(f"{' '.join(argv)} left the file as it was: a timed no-op")
    return check


def bench_operation(operation, backlogs, options, scratch, environment):
    """Measures `operation` on each of `backlogs` ((path, facts) pairs), the command, its floor
    and jq taking turns (measure_in_turn); returns a report.Row for each backlog."""
    plans = []  # (facts, the command's Runs, the floor's, jq's)
    for backlog, facts in backlogs:
        directory = os.path.join(scratch, facts["label"])
        os.makedirs(directory, exist_ok=True)
        work = os.path.join(directory, "backlog.json")
        target = work if operation.edits else backlog
        prepare = (copying(operation.work_from(facts), work) if operation.edits
                   else (lambda: None))
        mbl_argv = mbl_command(options.mbl, operation, facts, target, work)
        writes = os.path.getsize(facts[operation.file_key]) if operation.edits else 0
        mbl = Runs(prepare, lambda peak_file, argv=mbl_argv: run_once(argv, os.devnull,
                                                                        environment, peak_file),
                   grown_check(mbl_argv, work, backlog) if operation.name == "edit one asset"
                   else (lambda: None), writes)
        floor_work = os.path.join(directory, "floor.json")
        plans.append((facts, mbl,
                      floor_runs(operation, backlog, facts, options, floor_work, environment),
                      jq_runs(operation, target, facts, options, environment, prepare,
                              writes)))
    all_runs = [runs for plan in plans for runs in plan[1:] if runs is not None]
    measured = dict(zip(map(id, all_runs), measure_in_turn(all_runs, options.repeat, scratch,
                                                               options.warm)))
    rows = []
    for facts, mbl, floor, jq in plans:
        rows.append(report.Row(operation.name, facts["label"], facts["assets"],
                               os.path.getsize(facts[operation.file_key]), measured[id(mbl)],
                               None if jq is None else measured[id(jq)].seconds,
                               None if floor is None else measured[id(floor)]))
    return rows


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


def variant(path, made, old, new, again):
    """`path` with the first `old` replaced by `new`, made as `made` when missing or `again`."""
    if again or not os.path.exists(made):
        with open(path, encoding="utf-8") as source:
            text = source.read()
        if old not in text:
            raise CommandFailed(f"{path} has no {old!r} to change for {made}")
        with open(made + ".partial", "w", encoding="utf-8", newline="\n") as out:
            out.write(text.replace(old, new, 1))
        os.replace(made + ".partial", made)
    return made


def edited_copy(path, asset_id, made, again):
    """`path` with asset `asset_id` replicated, made as `made` when missing or `again`."""
    if again or not os.path.exists(made):
        with open(path, encoding="utf-8") as source:
            text = source.read()
        status = text.index('"status": "', text.index(f'"id": "{asset_id}"'))
        end = text.index('"', status + len('"status": "'))
        with open(made + ".partial", "w", encoding="utf-8", newline="\n") as out:
            out.write(text[:status] + '"status": "replicated' + text[end:])
        os.replace(made + ".partial", made)
    return made


def add_variants(facts, options, environment):
    """Adds to `facts` what diff, merge-driver and the imports read besides the backlog: an
    edited copy (one asset replicated: diff's NEW, merge-driver's OURS), a renamed one (the
    backlog's name changed: merge-driver's THEIRS), and, for generated backlogs, an RVTools vInfo
    export and an Azure Migrate dependency export of as many rows as assets, an empty backlog,
    and the backlog the inventory import makes of it. All made once, kept in the cache."""
    path = facts["path"]
    # In the cache directory, named after the backlog (generated backlogs are named by size, seed
    # and generator); the example's are made again each run, being small and not generated.
    stem = os.path.join(options.cache_dir, os.path.basename(path))
    again = facts["assets"] is None
    facts["edited"] = edited_copy(path, facts["edit_asset"], stem + ".edited", again)
    facts["renamed"] = variant(path, stem + ".renamed", '"name": "', '"name": "Renamed: ', again)
    if facts["assets"] is None or not any(op.name in IMPORTS for op in options.operations):
        return
    directory = os.path.join(options.cache_dir, f"imports-{facts['assets']}-seed{options.seed}")
    facts["vinfo"] = os.path.join(directory, "vInfo.csv")
    facts["dependencies"] = os.path.join(directory, "dependencies.csv")
    facts["empty"] = os.path.join(directory, "empty.json")
    facts["imported"] = os.path.join(directory, "imported.json")
    if not os.path.exists(facts["imported"]):
        print(f"bench: generating the discovery exports of {facts['assets']} rows",
              file=sys.stderr, flush=True)
        os.makedirs(directory, exist_ok=True)
        imports.write_exports(directory, facts["assets"], options.seed)
        with open(facts["empty"], "w", encoding="utf-8") as out:
            json.dump(imports.BACKLOG, out, indent=2)
        shutil.copyfile(facts["empty"], facts["imported"] + ".partial")
        run_once([options.mbl, "-f", facts["imported"] + ".partial", "--color", "never",
                  "import", "inventory", facts["vinfo"], "--preset", "rvtools", "--workload",
                  "dc"], os.devnull, environment)
        os.replace(facts["imported"] + ".partial", facts["imported"])


def parse_size(text):
    text = text.strip().lower()
    scale = {"k": 1000, "m": MILLION}.get(text[-1:], 1)
    digits = text[:-1] if scale > 1 else text
    if not digits.isdigit() or int(digits) * scale < 1:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (use 1000, 10k, 1m, ...)")
    return int(digits) * scale


def chosen_operations(parser, keys):
    """The OPERATIONS named by the comma-separated `keys` (OPERATION_KEYS), in their order;
    a parser error for an unknown key."""
    unknown = [key for key in keys.split(",") if key not in OPERATION_KEYS]
    if unknown:
        parser.error(f"unknown operation {unknown[0]!r}; choose from {','.join(OPERATION_KEYS)}")
    chosen = {OPERATION_KEYS[key] for key in keys.split(",")}
    return [operation for operation in OPERATIONS if operation.name in chosen]


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
    parser.add_argument("--floor", default=os.path.join(REPO, "build-floor", "floor"),
                        help="the floor program (default build-floor/floor: bench/setup.sh)")
    parser.add_argument("--no-floor", dest="floor", action="store_const", const=None,
                        help="skip the floor runs")
    parser.add_argument("--cold", dest="warm", action="store_false",
                        help="write no memory before each measured run: on a virtual machine "
                             "that hands free memory back to its host, large runs then pay for "
                             "the host supplying it again")
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
    options.operations = chosen_operations(parser, options.operations)
    if options.repeat < 1:
        parser.error("--repeat must be at least 1")
    options.mbl = os.path.abspath(options.mbl)
    if not os.access(options.mbl, os.X_OK):
        parser.error(f"no mbl binary at {options.mbl}; build one with: cmake -S . -B "
                     "build-release -G Ninja -DCMAKE_BUILD_TYPE=Release && cmake --build "
                     "build-release --target mbl (or pass --mbl PATH)")
    if options.floor:
        options.floor = os.path.abspath(options.floor)
        if not os.access(options.floor, os.X_OK):
            parser.error(f"no floor program at {options.floor}; build it with bench/setup.sh "
                         "(or pass --floor PATH, or --no-floor)")
    if not os.access(TIME, os.X_OK):
        parser.error(f"no GNU time at {TIME} (scripts/setup.sh installs it: package time)")
    if options.jq:
        options.jq = shutil.which("jq")
        if not options.jq:
            parser.error("jq is not installed (scripts/setup.sh installs it); or pass --no-jq")
    return options


def main(argv):
    options = parse_options(argv)
    environment = bench_environment()
    os.makedirs(options.cache_dir, exist_ok=True)
    backlogs = [generated_backlog(size, options.seed, options.cache_dir) for size in options.sizes]
    if options.example:
        backlogs.append((EXAMPLE, {"label": "example", "assets": None, "today": EXAMPLE_TODAY,
                                   "edit_asset": EXAMPLE_EDIT_ASSET}))
    rows = []
    with tempfile.TemporaryDirectory(prefix="mbl-bench-") as scratch:
        try:
            for backlog, facts in backlogs:
                facts["path"] = backlog
                add_variants(facts, options, environment)
            for operation in options.operations:
                targets = [(backlog, facts) for backlog, facts in backlogs
                           if operation.name not in IMPORTS or facts["assets"] is not None]
                if not targets:
                    continue
                labels = ", ".join(facts["label"] for _, facts in targets)
                print(f"bench: {operation.name} on {labels}", file=sys.stderr, flush=True)
                rows += bench_operation(operation, targets, options, scratch, environment)
                if options.output:  # so far: a long run stopped midway keeps its rows
                    write_report(options, rows)
        except CommandFailed as failure:
            print(f"bench: error: {failure}", file=sys.stderr)
            return 1
    text = write_report(options, rows)
    print(text, end="")
    return 0


def write_report(options, rows):
    """The report of `rows`, by size then operation, also written to --output when given."""
    rows = sorted(rows, key=lambda row: (row.assets is None, row.assets or 0))
    text = report.markdown(rows, report.describe_run(REPO, options.mbl, options.repeat,
                                                     options.seed, options.floor,
                                                     bool(options.jq), options.warm))
    if options.output:
        with open(options.output, "w", encoding="utf-8") as out:
            out.write(text)
    return text


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
