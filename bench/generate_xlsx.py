#!/usr/bin/env python3
"""Generates an RVTools-shaped workbook for the import benchmark: a vInfo sheet of N VMs with the
90 columns RVTools 4.x writes (plus small vDisk and vNetwork sheets), and optionally the same vInfo
rows as CSV. Python 3 standard library only; the same N and seed give the same bytes.

    bench/generate_xlsx.py --rows 100000 --seed 1 -o vinfo-100k.xlsx [--csv vinfo-100k.csv]
"""

import argparse
import csv
import datetime
import random

import xlsx_writer

# The vInfo columns of RVTools 4.x, in its order.
VINFO_COLUMNS = [
    "VM", "Powerstate", "Template", "SRM Placeholder", "Config status", "DNS Name",
    "Connection state", "Guest state", "Heartbeat", "Consolidation Needed", "PowerOn",
    "Suspended To Memory", "Suspend time", "Suspend Interval", "Creation date", "Change Version",
    "CPUs", "Overall Cpu Readiness", "Memory", "Active Memory", "NICs", "Disks",
    "Total disk capacity MiB", "Fixed Passthru HotPlug", "min Required EVC Mode Key",
    "Latency Sensitivity", "Op Notification Timeout", "EnableUUID", "CBT", "Primary IP Address",
    "Network #1", "Network #2", "Network #3", "Network #4", "Network #5", "Network #6",
    "Network #7", "Network #8", "Num Monitors", "Video Ram KiB", "Resource pool", "Folder ID",
    "Folder", "vApp", "DAS protection", "FT State", "FT Role", "FT Latency", "FT Bandwidth",
    "FT Secondary Latency", "Provisioned MiB", "In Use MiB", "Unshared MiB",
    "HA Restart Priority", "HA Isolation Response", "HA VM Monitoring", "Cluster rule(s)",
    "Cluster rule name(s)", "Boot Required", "Boot delay", "Boot retry delay",
    "Boot retry enabled", "Boot BIOS setup", "Reboot PowerOff", "EFI Secure boot", "Firmware",
    "HW version", "HW upgrade status", "HW upgrade policy", "HW target", "Path",
    "Log directory", "Snapshot directory", "Suspend directory", "Annotation",
    "com.vrlcm.snapshot", "Datacenter", "Cluster", "Host",
    "OS according to the configuration file", "OS according to the VMware Tools",
    "Customization Info", "Guest Detailed Data", "VM ID", "SMBIOS UUID", "VM UUID",
    "VI SDK Server type", "VI SDK API Version", "VI SDK Server", "VI SDK UUID",
]
OSES = ["Microsoft Windows Server 2019 (64-bit)", "Microsoft Windows Server 2022 (64-bit)",
        "Red Hat Enterprise Linux 8 (64-bit)", "Ubuntu Linux (64-bit)",
        "Microsoft Windows Server 2016 (64-bit)", "SUSE Linux Enterprise 15 (64-bit)"]


def vm_row(n, rng):
    """One VM as vInfo's cells: text, numbers, booleans and dates (template every 50th)."""
    template = n % 50 == 0
    on = not template and rng.random() < 0.85
    cpus = rng.choice([1, 2, 2, 4, 4, 8, 16])
    memory = cpus * rng.choice([2048, 4096, 8192])
    disks = rng.randint(1, 4)
    provisioned = disks * rng.choice([40960, 81920, 102400, 204800])
    used = int(provisioned * rng.uniform(0.2, 0.9))
    name = f"vm-{n:06d}"
    os_name = rng.choice(OSES)
    ip = f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}" if on else None
    created = datetime.datetime(2018, 1, 1) + datetime.timedelta(minutes=rng.randint(0, 4_000_000))
    uuid = f"4213{n:04x}-{rng.getrandbits(16):04x}-4000-8000-{n:012x}"
    dc = n // 20000
    values = {
        "VM": name, "Powerstate": "poweredOn" if on else "poweredOff", "Template": template,
        "SRM Placeholder": False, "Config status": "green", "DNS Name": f"{name}.corp.example",
        "Connection state": "connected", "Guest state": "running" if on else "notRunning",
        "Heartbeat": "green" if on else "gray", "Consolidation Needed": False,
        "PowerOn": created + datetime.timedelta(days=30) if on else None,
        "Suspended To Memory": False, "Creation date": created, "Change Version": created.isoformat(),
        "CPUs": cpus, "Overall Cpu Readiness": rng.randint(0, 5), "Memory": memory,
        "Active Memory": memory // 4, "NICs": 1, "Disks": disks,
        "Total disk capacity MiB": provisioned, "Fixed Passthru HotPlug": False,
        "min Required EVC Mode Key": "intel-broadwell", "Latency Sensitivity": "normal",
        "Op Notification Timeout": 0, "EnableUUID": False, "CBT": True, "Primary IP Address": ip,
        "Network #1": f"VLAN{100 + n % 40}", "Num Monitors": 1, "Video Ram KiB": 8192,
        "Resource pool": "Resources", "Folder ID": f"group-v{n % 300}",
        "Folder": f"Apps{n % 300}", "DAS protection": True, "FT State": "notConfigured",
        "FT Latency": -1, "FT Bandwidth": -1, "FT Secondary Latency": -1,
        "Provisioned MiB": provisioned, "In Use MiB": used, "Unshared MiB": used,
        "HA Restart Priority": "medium", "HA Isolation Response": "none",
        "HA VM Monitoring": "vmMonitoringDisabled", "Boot Required": False, "Boot delay": 0,
        "Boot retry delay": 10000, "Boot retry enabled": False, "Boot BIOS setup": False,
        "Reboot PowerOff": False, "EFI Secure boot": False,
        "Firmware": "efi" if "Windows" in os_name else "bios", "HW version": "vmx-19",
        "HW upgrade status": "none", "HW upgrade policy": "never",
        "Path": f"[ds{n % 64:02d}] {name}/{name}.vmx", "Log directory": f"[ds{n % 64:02d}] {name}",
        "Snapshot directory": f"[ds{n % 64:02d}] {name}",
        "Suspend directory": f"[ds{n % 64:02d}] {name}",
        "Annotation": f"Owner: team {n % 97}" if n % 3 == 0 else None,
        "Datacenter": f"DC-{dc}", "Cluster": f"Cluster-{dc}-{n % 8}",
        "Host": f"esx{n % 400:03d}.corp.example", "OS according to the configuration file": os_name,
        "OS according to the VMware Tools": os_name if on else None,
        "Guest Detailed Data": "architecture='X86' bitness='64'" if on else None,
        "VM ID": f"vm-{1000 + n}", "SMBIOS UUID": uuid, "VM UUID": uuid,
        "VI SDK Server type": "VirtualCenter", "VI SDK API Version": "8.0.2.0",
        "VI SDK Server": f"vcenter{dc}.corp.example",
        "VI SDK UUID": f"5f0e{dc:04x}-0000-4000-8000-000000000000",
    }
    return [values.get(column) for column in VINFO_COLUMNS]


def vinfo_rows(count, seed):
    rng = random.Random(seed)
    yield VINFO_COLUMNS
    for n in range(1, count + 1):
        yield vm_row(n, rng)


def small_sheet(header, count):
    yield header
    for n in range(1, count + 1):
        yield [f"vm-{n:06d}", "poweredOn", False] + [f"{column} {n}" for column in header[3:]]


def csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y/%m/%d %H:%M:%S")
    return str(value)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="VMs in vInfo (default 100000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", required=True, help="the .xlsx to write")
    parser.add_argument("--csv", help="also write vInfo as CSV (UTF-8, every field quoted)")
    options = parser.parse_args()
    xlsx_writer.write_workbook(options.output, [
        ("vInfo", vinfo_rows(options.rows, options.seed)),
        ("vDisk", small_sheet(["VM", "Powerstate", "Template", "Disk", "Capacity MiB"], 100)),
        ("vNetwork", small_sheet(["VM", "Powerstate", "Template", "NIC label", "Network"], 100)),
    ])
    if options.csv:
        with open(options.csv, "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
            for row in vinfo_rows(options.rows, options.seed):
                writer.writerow([csv_cell(value) for value in row])


if __name__ == "__main__":
    main()
