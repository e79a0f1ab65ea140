#!/usr/bin/env python3
"""Benchmark mbl's imports on 100,000-row discovery exports (docs/performance.md, "Imports").

    bench/imports.py                         # build-release/mbl, 100,000 rows, 5 runs each
    bench/imports.py --mbl build/mbl --rows 20000 --repeat 3

Generates, seeded, an RVTools vInfo CSV (4.x headers, every field quoted as RVTools writes them)
with `--rows` VMs, and an Azure Migrate dependency export of `--rows` rows among those VMs in
which nine rows in ten name the destination only by its IP (as real exports do). Then measures,
each on a fresh copy of an empty backlog (one workload), the median wall time and the median CPU
time (user + system: what a loaded machine distorts least) of `--repeat` runs, and the peak
resident memory (GNU time) of:

    import inventory (add)   every VM added
    import inventory (again) the same file on the backlog it made: every row unchanged
    import dependencies      on that backlog: names and IPs matched

Builds nothing. Python 3 standard library only.
"""

import argparse
import csv
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIME = "/usr/bin/time"
VINFO_HEADER = ["VM", "Powerstate", "Template", "DNS Name", "CPUs", "Memory", "NICs", "Disks",
                "Provisioned MiB", "In Use MiB", "Primary IP Address", "Datacenter", "Cluster",
                "Host", "OS according to the configuration file",
                "OS according to the VMware Tools", "VM ID", "VM UUID", "VI SDK Server"]
DEPENDENCY_HEADER = ["Time slot", "Source server name", "Source IP", "Source application",
                     "Source process", "Destination server name", "Destination IP",
                     "Destination application", "Destination process", "Destination port"]
BACKLOG = {"format": "mbl/1", "name": "Import benchmark",
           "settings": {"estimate_unit": "hours", "iteration_length_days": 14,
                        "first_iteration_start": "2026-11-16", "default_capacity": 80},
           "workloads": [{"id": "dc", "name": "Datacenter", "priority": 1, "depends_on": [],
                          "stage": "planned", "stage_history": []}],
           "assets": [], "iterations": []}


def ip_of(vm):
    return f"10.{vm // 65536 % 256}.{vm // 256 % 256}.{vm % 256}"


def write_exports(directory, rows, seed):
    rng = random.Random(seed)
    vinfo = os.path.join(directory, "vInfo.csv")
    with open(vinfo, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(VINFO_HEADER)
        for vm in range(rows):
            provisioned = rng.randint(20, 2048) * 1024
            writer.writerow([f"VM-{vm:06d}", rng.choice(["poweredOn", "poweredOff"]),
                             "False", f"vm-{vm:06d}.corp.local", rng.choice([2, 4, 8, 16]),
                             rng.choice([4096, 8192, 16384, 65536]), 1, rng.randint(1, 4),
                             provisioned, provisioned // 2, ip_of(vm), "DC-1",
                             f"Cluster-{vm % 20}", f"esx{vm % 200:03d}.corp.local",
                             "Microsoft Windows Server 2019 (64-bit)",
                             "Microsoft Windows Server 2019 (64-bit)", f"vm-{vm}",
                             f"4213{vm:08x}-0000-4000-8000-{vm:012x}", "vcenter01.corp.local"])
    dependencies = os.path.join(directory, "dependencies.csv")
    with open(dependencies, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(DEPENDENCY_HEADER)
        for row in range(rows):
            source = rng.randrange(rows)
            # Acyclic: a server depends only on servers with a higher number.
            destination = min(rows - 1, source + 1 + rng.randrange(50))
            unknown = rng.random() < 0.05
            named = rng.random() < 0.1
            writer.writerow([f"11/20/2026 {row % 24:02d}:00-{row % 24:02d}:59",
                             f"VM-{source:06d}", ip_of(source), "app", "app.exe",
                             f"VM-{destination:06d}" if named else "",
                             "192.0.2.1" if unknown else ip_of(destination), "", "",
                             rng.choice([443, 1433, 8080])])
    return vinfo, dependencies


def run_once(argv, peak_file):
    command = [TIME, "-f", "%U %S %M", "-o", peak_file] + argv
    began = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - began
    if result.returncode != 0:
        sys.exit(f"bench: {' '.join(argv)} failed: {result.stderr.decode(errors='replace')}")
    with open(peak_file, encoding="utf-8") as peak:
        user, system, resident = peak.read().split()[-3:]
        return seconds, float(user) + float(system), int(resident) * 1024


def measure(label, argv, prepare, repeat, scratch):
    times, cpu, peak = [], [], 0
    for _ in range(repeat + 1):  # the first warms the page cache
        prepare()
        seconds, cpu_seconds, resident = run_once(argv, os.path.join(scratch, "peak"))
        times.append(seconds)
        cpu.append(cpu_seconds)
        peak = max(peak, resident)
    print(f"| {label} | {statistics.median(times[1:]):.2f} s | {statistics.median(cpu[1:]):.2f} s "
          f"| {peak / 1e6:.0f} MB |", flush=True)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mbl", default=os.path.join(REPO, "build-release", "mbl"))
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args(argv)
    mbl = os.path.abspath(options.mbl)
    with tempfile.TemporaryDirectory(prefix="mbl-bench-imports-") as scratch:
        vinfo, dependencies = write_exports(scratch, options.rows, options.seed)
        empty = os.path.join(scratch, "empty.json")
        with open(empty, "w", encoding="utf-8") as out:
            json.dump(BACKLOG, out, indent=2)
        work = os.path.join(scratch, "backlog.json")
        imported = os.path.join(scratch, "imported.json")
        base = [mbl, "-f", work, "--color", "never"]
        inventory = base + ["import", "inventory", vinfo, "--preset", "rvtools", "--workload", "dc"]
        print(f"{options.rows} rows; vInfo.csv {os.path.getsize(vinfo) / 1e6:.1f} MB, "
              f"dependencies.csv {os.path.getsize(dependencies) / 1e6:.1f} MB; {mbl}\n")
        print("| import | wall (median) | CPU (median) | peak memory |\n|---|---|---|---|")
        measure("inventory (add)", inventory, lambda: shutil.copyfile(empty, work),
                options.repeat, scratch)
        shutil.copyfile(work, imported)
        measure("inventory (again, unchanged)", inventory,
                lambda: shutil.copyfile(imported, work), options.repeat, scratch)
        measure("dependencies", base + ["import", "dependencies", dependencies, "--preset",
                                        "azure-migrate"],
                lambda: shutil.copyfile(imported, work), options.repeat, scratch)


if __name__ == "__main__":
    main(sys.argv[1:])
