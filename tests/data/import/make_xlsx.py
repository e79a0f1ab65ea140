#!/usr/bin/env python3
"""Rebuilds the .xlsx import samples (Python 3 standard library only; the writer is
bench/xlsx_writer.py). The same script gives the same bytes.

    tests/data/import/make_xlsx.py     # from the repository root, or anywhere

- tests/data/import/rvtools.xlsx: rvtools-vinfo.csv's rows as the vInfo sheet of an RVTools 4.x
  workbook (with vDisk and vNetwork sheets), cells typed as RVTools writes them: text, numbers
  formatted #,##0, booleans, dates. Importing it must give what importing the CSV gives.
- examples/imports/rvtools.xlsx: a small invented estate (five VMs, one of them a template), for
  the README's `mbl import inventory examples/imports/rvtools.xlsx --preset rvtools --dry-run`.
"""

import csv
import datetime
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
sys.path.insert(0, os.path.join(REPO, "bench"))

import xlsx_writer  # noqa: E402

BOOLEAN_COLUMNS = {"Template", "SRM Placeholder"}
DATE_COLUMNS = {"PowerOn", "Creation date"}
NUMBER_COLUMNS = {"CPUs", "Memory", "NICs", "Disks", "Total disk capacity MiB", "Provisioned MiB",
                  "In Use MiB", "Unshared MiB", "Capacity MiB"}


def typed(header, text):
    """A CSV cell as the cell RVTools would have written."""
    if text == "":
        return None
    if header in BOOLEAN_COLUMNS:
        return text == "True"
    if header in DATE_COLUMNS:
        return datetime.datetime.strptime(text, "%Y/%m/%d %H:%M:%S")
    if header in NUMBER_COLUMNS:
        return int(text)
    return text


def vinfo_from_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    header = rows[0]
    return [header] + [[typed(h, cell) for h, cell in zip(header, row)] for row in rows[1:]]


def vdisk(vms):
    header = ["VM", "Powerstate", "Template", "Disk", "Capacity MiB", "Thin", "Path", "VM UUID"]
    rows = [header]
    for vm in vms:
        rows.append([vm[0], vm[1], vm[2], "Hard disk 1", vm[3], True, f"[ds01] {vm[0]}/{vm[0]}.vmdk",
                     vm[5]])
    return rows


def vnetwork(vms):
    header = ["VM", "Powerstate", "Template", "NIC label", "Adapter", "Network", "Connected",
              "Mac Address", "IPv4 Address", "VM UUID"]
    rows = [header]
    for n, vm in enumerate(vms, 1):
        rows.append([vm[0], vm[1], vm[2], "Network adapter 1", "Vmxnet3", "VM Network", True,
                     f"00:50:56:00:00:{n:02x}", vm[4], vm[5]])
    return rows


def test_workbook():
    vinfo = vinfo_from_csv(os.path.join(HERE, "rvtools-vinfo.csv"))
    header = vinfo[0]
    col = {name: header.index(name) for name in header}
    vms = [(row[col["VM"]], row[col["Powerstate"]], row[col["Template"]],
            row[col["Provisioned MiB"]], row[col["Primary IP Address"]], row[col["VM UUID"]])
           for row in vinfo[1:]]
    xlsx_writer.write_workbook(os.path.join(HERE, "rvtools.xlsx"),
                               [("vInfo", vinfo), ("vDisk", vdisk(vms)),
                                ("vNetwork", vnetwork(vms))])


EXAMPLE_HEADER = ["VM", "Powerstate", "Template", "SRM Placeholder", "DNS Name", "PowerOn",
                  "Creation date", "CPUs", "Memory", "NICs", "Disks", "Firmware",
                  "Primary IP Address", "Provisioned MiB", "In Use MiB", "Annotation",
                  "Datacenter", "Cluster", "Host", "OS according to the configuration file",
                  "OS according to the VMware Tools", "VM ID", "VM UUID", "VI SDK Server"]


def example_vm(n, name, power, template, cpus, memory, disks, provisioned, used, os_name, host,
               ip, note=""):
    on = power == "poweredOn"
    return [name, power, template, False, f"{name.lower()}.example.local" if on else None,
            datetime.datetime(2026, 10, 1, 6, 30, n) if on else None,
            datetime.datetime(2022, 3, n, 9, 0, 0), cpus, memory, 1, disks, "efi", ip if on else None,
            provisioned, used, note, "DC-North", "Cluster-A", host, os_name, os_name if on else None,
            f"vm-{100 + n}", f"4213{n:04x}-0000-4000-8000-{n:012x}", "vcenter.example.local"]


def example_workbook():
    windows = "Microsoft Windows Server 2022 (64-bit)"
    linux = "Red Hat Enterprise Linux 9 (64-bit)"
    vinfo = [EXAMPLE_HEADER,
             example_vm(1, "SHOP-WEB-01", "poweredOn", False, 4, 8192, 1, 81920, 40960, windows,
                        "esx01.example.local", "10.0.1.11"),
             example_vm(2, "SHOP-WEB-02", "poweredOn", False, 4, 8192, 1, 81920, 38012, windows,
                        "esx02.example.local", "10.0.1.12"),
             example_vm(3, "SHOP-DB-01", "poweredOn", False, 8, 65536, 3, 1048576, 712300, linux,
                        "esx01.example.local", "10.0.2.21", "Owner: shop team"),
             example_vm(4, "SHOP-BATCH-01", "poweredOff", False, 2, 4096, 1, 40960, 12288, linux,
                        "esx02.example.local", "10.0.2.31"),
             example_vm(5, "TPL-WIN2022", "poweredOff", True, 2, 4096, 1, 61440, 15000, windows,
                        "esx01.example.local", None, "Golden image")]
    vms = [(row[0], row[1], row[2], row[13], row[12], row[22]) for row in vinfo[1:]]
    folder = os.path.join(REPO, "examples", "imports")
    os.makedirs(folder, exist_ok=True)
    xlsx_writer.write_workbook(os.path.join(folder, "rvtools.xlsx"),
                               [("vInfo", vinfo), ("vDisk", vdisk(vms)),
                                ("vNetwork", vnetwork(vms))])


if __name__ == "__main__":
    test_workbook()
    example_workbook()
