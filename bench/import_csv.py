#!/usr/bin/env python3
"""Times `mbl import inventory --preset rvtools --dry-run` on a generated RVTools vInfo sheet,
in each form a spreadsheet saves it in (docs/import-csv.md), on an empty backlog.

    bench/import_csv.py                          # 100,000 rows, build-release/mbl, 5 runs each
    bench/import_csv.py --rows 10000 --mbl build/mbl --repeat 3 --forms plain en

Forms: plain (UTF-8, ',' and plain numbers, as a program writes it), en (UTF-8 BOM, "12,288"),
de (';', 12.288 and 1.024,5), utf16 (UTF-16LE, tab), cp1252 (Windows-1252, --encoding). Prints
the median wall time and the peak resident memory (GNU time) of each. Python 3 standard library.
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
import time

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


def run(argv, cwd, peak=False):
    if peak:
        argv = ["/usr/bin/time", "-f", "%M", "-o", os.path.join(cwd, "peak")] + argv
    began = time.perf_counter()
    process = subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             check=False)
    seconds = time.perf_counter() - began
    if process.returncode != 0:
        sys.exit(f"{' '.join(argv)} exited {process.returncode}: {process.stderr.decode()}")
    return seconds


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
        print(f"| form | rows | file MB | median s | peak MB |\n|---|---|---|---|---|")
        for form in options.forms:
            path = os.path.join(scratch, f"vinfo-{form}.csv")
            write_form(path, form, options.rows)
            argv = [mbl, "import", "inventory", path, "--preset", "rvtools", "--dry-run",
                    "--format", "json"] + FORMS[form][5]
            run(argv, scratch, peak=True)  # warms the page cache, gives the peak memory
            with open(os.path.join(scratch, "peak"), encoding="utf-8") as peak:
                peak_mb = int(peak.read().split()[-1]) / 1024
            median = statistics.median(run(argv, scratch) for _ in range(options.repeat))
            size_mb = os.path.getsize(path) / 1e6
            print(f"| {form} | {options.rows:,} | {size_mb:.1f} | {median:.2f} | {peak_mb:.0f} |")


if __name__ == "__main__":
    main()
