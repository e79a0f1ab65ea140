#!/usr/bin/env python3
"""Times `mbl import inventory --preset rvtools --dry-run` on a generated RVTools vInfo sheet,
in each form a spreadsheet saves it in (docs/import-csv.md), on an empty backlog.

    bench/import_csv.py                          # 100,000 rows, build-release/mbl, 5 runs each
    bench/import_csv.py --rows 10000 --mbl build/mbl --repeat 3 --forms plain en

Forms: plain (UTF-8, ',' and plain numbers, as a program writes it), en (UTF-8 BOM, "12,288"),
de (';', 12.288 and 1.024,5), utf16 (UTF-16LE, tab), cp1252 (Windows-1252, --encoding). Prints
the median wall and CPU time and the peak resident memory (GNU time) of each. Python 3 standard library.
"""
import argparse
import csv
import io
import os
import random
import statistics
import subprocess
import sys
import tempfile

HEADER = ["VM", "Powerstate", "Template", "DNS Name", "CPUs", "Memory", "NICs", "Disks",
          "Provisioned MiB", "In Use MiB", "Primary IP Address",
          "OS according to the configuration file", "Annotation", "Datacenter", "Cluster", "Host"]
FORMS = {  # delimiter, group separator, decimal mark, encoding, BOM, extra mbl flags
    "plain": (",", "", ".", "utf-8", b"", []),
    "en": (",", ",", ".", "utf-8", b"\xef\xbb\xbf", []),
    "de": (";", ".", ",", "utf-8", b"\xef\xbb\xbf", []),
    "utf16": ("\t", ",", ".", "utf-16-le", b"\xff\xfe", []),
    "cp1252": (",", ",", ".", "cp1252", b"", ["--encoding", "windows-1252"]),
}


def rows(count, seed=7):
    generator = random.Random(seed)
    for i in range(count):
        memory = generator.choice([2048, 4096, 8192, 12288, 16384, 65536, 262144])
        provisioned = generator.randint(20_000, 4_000_000)
        yield [f"vm-{i:06d}-Müller", "poweredOn", "False", f"vm{i}.contoso.local",
               generator.choice([1, 2, 4, 8, 16]), memory, 1, generator.randint(1, 6),
               (provisioned, generator.randint(0, 99)), (provisioned // 2, None),
               f"10.{i // 65536 % 256}.{i // 256 % 256}.{i % 256}",
               "Microsoft Windows Server 2019 (64-bit)", "Owner: Café team, \"tier 1\"",
               "DC-West", f"Cluster-{i % 40}", f"esx{i % 300:03d}.contoso.local"]


def displayed(cell, group, decimal):
    if isinstance(cell, tuple):
        whole, fraction = cell
    elif isinstance(cell, int):
        whole, fraction = cell, None
    else:
        return cell
    text = f"{whole:,}".replace(",", group)
    return text + (f"{decimal}{fraction:02d}" if fraction is not None else "")


def write_form(path, form, count):
    delimiter, group, decimal, encoding, bom, _ = FORMS[form]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows(count):
        writer.writerow([displayed(cell, group, decimal) for cell in row])
    with open(path, "wb") as file:
        file.write(bom + out.getvalue().encode(encoding))


def run(argv, cwd):
    """Runs `argv` under GNU time; returns (wall seconds, CPU seconds, peak resident MB). The CPU
    time (user + system) is the steadier figure on a shared machine."""
    report = os.path.join(cwd, "time")
    argv = ["/usr/bin/time", "-f", "%e %U %S %M", "-o", report] + argv
    process = subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             check=False)
    if process.returncode != 0:
        sys.exit(f"{' '.join(argv)} exited {process.returncode}: {process.stderr.decode()}")
    with open(report, encoding="utf-8") as figures:
        wall, user, system, peak_kb = figures.read().split()[-4:]
    return float(wall), float(user) + float(system), int(peak_kb) / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mbl", default="build-release/mbl")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--forms", nargs="+", choices=list(FORMS), default=list(FORMS))
    options = parser.parse_args()
    mbl = os.path.abspath(options.mbl)
    with tempfile.TemporaryDirectory() as scratch:
        run([mbl, "init", "--name", "Bench"], scratch)
        print("| form | rows | file MB | median wall s | median CPU s | peak MB |")
        print("|---|---|---|---|---|---|")
        for form in options.forms:
            path = os.path.join(scratch, f"vinfo-{form}.csv")
            write_form(path, form, options.rows)
            argv = [mbl, "import", "inventory", path, "--preset", "rvtools", "--dry-run",
                    "--format", "json"] + FORMS[form][5]
            run(argv, scratch)  # warms the page cache
            runs = [run(argv, scratch) for _ in range(options.repeat)]
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            peak = max(r[2] for r in runs)
            size_mb = os.path.getsize(path) / 1e6
            print(f"| {form} | {options.rows:,} | {size_mb:.1f} | {wall:.2f} | {cpu:.2f} | "
                  f"{peak:.0f} |")

if __name__ == "__main__":
    main()
