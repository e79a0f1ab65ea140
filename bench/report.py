"""The benchmark's Markdown report: the targets (issues 7 and 19) and the table checked against
them."""

import datetime
import os
import platform
import subprocess

MB = 1_000_000
TARGET_SIZE = 100_000
LINEAR_SIZE = 1_000_000
LINEAR_FACTOR = 11  # 10x the assets may take at most 11x the CPU time
EXAMPLE_SECONDS = 0.010
MEMORY_FACTOR = 3  # peak resident memory at most 3x the file size
# At 100,000 assets: (seconds at most, at least this many times faster than jq or None).
TARGETS = {
    "query": (0.25, 4),
    "edit one asset": (0.5, 3),
    "validate": (0.5, None),
    "fmt --check": (0.5, None),
    "iteration plan": (1.0, None),
    "forecast": (1.0, None),
    "status": (1.0, None),
}
# At 100,000 assets: CPU time at most this many times the floor's (the command's work on the file
# read with simdjson, bench/floor), both measured in the same run.
FLOOR_TARGETS = {
    "query": 2.0,
    "edit one asset": 2.0,
    "validate": 2.5,
    "status": 2.5,
    "forecast": 2.5,
}


class Row:
    """One measured operation on one backlog (`assets` is None for the bundled example): `mbl`
    and `floor` are run.Measured (median wall and CPU seconds, least CPU and user seconds, peak
    bytes); `floor` is None without a floor run, `jq_seconds` (jq's median wall seconds) None
    without a jq run. `file_bytes` is the size of the file the memory target is relative to."""

    def __init__(self, operation, label, assets, file_bytes, mbl, jq_seconds, floor):
        self.operation = operation
        self.label = label
        self.assets = assets
        self.file_bytes = file_bytes
        self.seconds = mbl.seconds
        self.cpu_seconds = mbl.cpu_seconds
        self.least_cpu_seconds = mbl.least_cpu_seconds
        self.least_user_seconds = mbl.least_user_seconds
        self.peak_bytes = mbl.peak_bytes
        self.jq_seconds = jq_seconds
        self.floor = floor

    def ratio(self):
        """How many times faster than jq (None without a jq run)."""
        return None if self.jq_seconds is None else self.jq_seconds / self.seconds

    def floor_ratio(self):
        """The least CPU time over the floor's (None without a floor run)."""
        if self.floor is None or self.floor.least_cpu_seconds <= 0:
            return None
        return self.least_cpu_seconds / self.floor.least_cpu_seconds


def base_row(row, rows):
    """The same operation's row at 100k in the same run, for a 1M row; else None."""
    if row.assets != LINEAR_SIZE:
        return None
    return next((r for r in rows if r.assets == TARGET_SIZE and r.operation == row.operation),
                None)


def growth(row, rows):
    """The least CPU time over the 100k row's, for a 1M row with one; else None."""
    base = base_row(row, rows)
    if base is None or base.least_cpu_seconds <= 0:
        return None
    return row.least_cpu_seconds / base.least_cpu_seconds


def user_growth(row, rows):
    """The least user time over the 100k row's, for a 1M row with one; else None. Shown beside
    the growth (which the target judges): the system time of a 1 GB model, the kernel giving it
    its memory, depends on the machine far more than the process's own work does."""
    base = base_row(row, rows)
    if base is None or base.least_user_seconds <= 0:
        return None
    return row.least_user_seconds / base.least_user_seconds


def floor_growth(row, rows):
    """The floor's least CPU time over its 100k time, for a 1M row with a floor on both sides;
    else None. The floor reads the file and builds nothing: its growth, measured in the same
    turns, is what the machine makes of ten times the work, beside the command's."""
    base = base_row(row, rows)
    if base is None or row.floor is None or base.floor is None:
        return None
    if base.floor.least_cpu_seconds <= 0:
        return None
    return row.floor.least_cpu_seconds / base.floor.least_cpu_seconds


def judge(row, rows):
    """(target text, result text) for `row`; ("—", "—") where no target applies. A miss names
    what missed: "FAIL: time, floor, memory"."""
    limits = []  # (target text, what it limits, holds)
    if row.assets is None:
        limits.append((f"≤ {EXAMPLE_SECONDS:.3f} s", "time", row.seconds <= EXAMPLE_SECONDS))
    elif row.assets == TARGET_SIZE:
        if row.operation in TARGETS:
            seconds, times_jq = TARGETS[row.operation]
            limits.append((f"≤ {seconds:g} s", "time", row.seconds <= seconds))
            if times_jq and row.ratio() is not None:
                limits.append((f"≥ {times_jq}× jq", "jq ratio", row.ratio() >= times_jq))
        if row.operation in FLOOR_TARGETS and row.floor_ratio() is not None:
            most = FLOOR_TARGETS[row.operation]
            limits.append((f"≤ {most:g}× floor (least CPU)", "floor",
                           row.floor_ratio() <= most))
    elif growth(row, rows) is not None:
        limits.append((f"≤ {LINEAR_FACTOR}× 100k (least CPU)", "growth",
                       growth(row, rows) <= LINEAR_FACTOR))
    if row.assets in (TARGET_SIZE, LINEAR_SIZE):
        memory = row.file_bytes * MEMORY_FACTOR
        limits.append((f"≤ {MEMORY_FACTOR}× file", "memory", row.peak_bytes <= memory))
    if not limits:
        return "—", "—"
    missed = [what for _, what, holds in limits if not holds]
    return (", ".join(text for text, _, _ in limits),
            "FAIL: " + ", ".join(missed) if missed else "pass")


def seconds_text(seconds):
    return f"{seconds:.4f}" if seconds < 0.1 else f"{seconds:.3f}"


def size_text(row):
    if row.file_bytes < MB:
        return f"{row.label} ({row.file_bytes / 1000:.0f} kB)"
    return f"{row.label} ({row.file_bytes / MB:.1f} MB)"


def times_text(value):
    return "—" if value is None else f"{value:.1f}×"


def markdown(rows, preamble):
    lines = [preamble, "",
             "| operation | size | wall s | CPU s | least CPU s | peak MB | × file "
             "| floor least CPU s | × floor | jq s | × jq | growth | user growth | floor growth "
             "| target | result |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    for row in rows:
        target, result = judge(row, rows)
        jq = "—" if row.jq_seconds is None else seconds_text(row.jq_seconds)
        floor = "—" if row.floor is None else seconds_text(row.floor.least_cpu_seconds)
        lines.append(f"| {row.operation} | {size_text(row)} | {seconds_text(row.seconds)} | "
                     f"{seconds_text(row.cpu_seconds)} | {seconds_text(row.least_cpu_seconds)} | "
                     f"{row.peak_bytes / MB:.1f} | "
                     f"{row.peak_bytes / row.file_bytes:.1f}× | {floor} | "
                     f"{times_text(row.floor_ratio())} | {jq} | {times_text(row.ratio())} | "
                     f"{times_text(growth(row, rows))} | {times_text(user_growth(row, rows))} | "
                     f"{times_text(floor_growth(row, rows))} | {target} | {result} |")
    results = [judge(row, rows)[1] for row in rows]
    judged = sum(1 for result in results if result != "—")
    failures = sum(1 for result in results if result.startswith("FAIL"))
    if not judged:
        summary = "No row has a target: they apply at 100k and 1M assets and to the example."
    elif failures:
        summary = f"{failures} of the {judged} rows with a target miss it."
    else:
        summary = f"Every row with a target meets it ({judged} of {len(rows)} rows)."
    lines += ["", summary]
    return "\n".join(lines) + "\n"


def command_output(argv, cwd=None):
    try:
        return subprocess.run(argv, cwd=cwd, capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def memory_total():
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        return f"{pages / 2**30:.0f} GiB"
    except (ValueError, OSError):
        return "unknown memory"


def describe_run(repo, mbl, repeat, seed, floor=None, jq_run=True, warm=True):
    """The lines above the table: commit, binary, machine, method."""
    commit = command_output(["git", "rev-parse", "--short", "HEAD"], cwd=repo) or "unknown"
    if command_output(["git", "status", "--porcelain", "--untracked-files=no"], cwd=repo):
        commit += " (with uncommitted changes)"
    version = command_output([mbl, "--version"]) or "unknown version"
    jq = command_output(["jq", "--version"]) or "no jq"
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    try:
        load = "load average {:.1f} at the end".format(os.getloadavg()[0])
    except OSError:
        load = "load average unknown"
    return "\n".join([
        f"- run: {today}, commit `{commit}`, `{os.path.relpath(mbl, repo)}` ({version})",
        f"- machine: {os.cpu_count()} cores ({cpu_model()}), {memory_total()}, "
        f"{platform.system()} {platform.release()}, {load}",
        f"- method: {repeat} runs of each program, each a fresh process, after one run under "
        f"GNU time that warms the page cache and gives the peak resident memory; the runs of "
        f"one operation take turns (the command on each size"
        + (", the floor" if floor else "") + (", jq" if jq_run else "")
        + ", each round starting one further along); "
        + ("before each measured run, 1.25× its peak of fresh memory (and as much as it writes "
           "to files) written and given back, so that runs rarely wait for the host of a "
           "virtual machine to supply memory again; " if warm else
           "`--cold`: no memory written before each run; ")
        + (f"{jq} on the same files (the edit as `jq ... f > t && mv t f`), × jq: jq's median "
           "wall time over mbl's" if jq_run else "no jq run")
        + f"; generator seed {seed}; the floor "
        + (f"`{os.path.relpath(floor, repo)}` (simdjson, bench/floor)" if floor else "not run")
        + "; wall s and CPU s: the median; × floor and growth compare the least CPU time (user "
          "+ system) of each side's runs, the run least disturbed by other work on the machine "
          "(more runs can only lower it); user growth: the same ratio of user time only; floor "
          "growth: the floor's growth, in the same turns (it builds nothing: what the machine "
          "makes of ten times the work)",
    ])
