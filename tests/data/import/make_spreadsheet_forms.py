#!/usr/bin/env python3
"""Writes one RVTools vInfo sheet in the four forms Excel saves a CSV in (tests/data/import/).

    python3 tests/data/import/make_spreadsheet_forms.py   # rewrites the four files

The same servers in each, numbers as Excel displays RVTools' `#,##0` cells:
  rvtools-vinfo-excel-en.csv      'CSV UTF-8 (Comma delimited)', en-US: UTF-8 BOM, ',', "12,288"
  rvtools-vinfo-excel-de.csv      'CSV UTF-8 (Trennzeichen-getrennt)', de-DE: UTF-8 BOM, ';', 12.288
  rvtools-vinfo-unicode.txt       'Unicode Text', en-US: UTF-16LE BOM, tab, 12,288
  rvtools-vinfo-excel-1252.csv    'CSV (Comma delimited)', en-US: Windows-1252, no BOM, ',', "12,288"
Quoting as Excel does it: only fields holding the delimiter, a quote or a line break; CRLF.
Python 3 standard library only; the output is deterministic.
"""
import csv
import io
import os

HEADER = ["VM", "Powerstate", "Template", "DNS Name", "CPUs", "Memory", "NICs", "Disks",
          "Provisioned MiB", "In Use MiB", "Primary IP Address",
          "OS according to the configuration file", "Annotation", "Datacenter", "Cluster", "Host"]

# Numbers as (integer part, decimals or None); the annotation has a comma, an en dash (0x96 in
# Windows-1252, not in Latin-1), a quote and an accented letter; one VM name is not ASCII.
ROWS = [
    ["Müller-App-01", "poweredOn", "False", "mueller01.contoso.local", (4, None), (12288, None),
     (1, None), (2, None), (105472, "53"), (20480, None), "10.10.3.21",
     "Microsoft Windows Server 2019 (64-bit)", 'Owner: Café team, "tier 1" – patch Sun',
     "DC-West", "Prod-Cluster", "esx01.contoso.local"],
    ["crm-batch-02", "poweredOff", "False", "", (2, None), (1024, None), (1, None), (1, None),
     (61440, None), (2, "5"), "", "Red Hat Enterprise Linux 8 (64-bit)", "", "DC-West",
     "Prod-Cluster", "esx02.contoso.local"],
    ["W2019-GOLD", "poweredOff", "True", "", (2, None), (4096, None), (1, None), (1, None),
     (61440, None), (15000, None), "", "Microsoft Windows Server 2019 (64-bit)", "Golden image",
     "DC-West", "Prod-Cluster", "esx01.contoso.local"],
    ["archive-db-03", "poweredOn", "False", "archive03.contoso.local", (16, None),
     (1048576, None), (2, None), (6, None), (4194304, None), (3145728, "25"), "10.10.4.9",
     "Microsoft Windows Server 2016 (64-bit)", "", "DC-Zurich", "Zurich-Cluster",
     "esx11.contoso.local"],
]


def displayed(number, group, decimal):
    whole, fraction = number
    text = f"{whole:,}".replace(",", group)
    return text + (decimal + fraction if fraction else "")


def sheet(delimiter, group, decimal):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n",
                        quoting=csv.QUOTE_MINIMAL)
    writer.writerow(HEADER)
    for row in ROWS:
        writer.writerow([displayed(cell, group, decimal) if isinstance(cell, tuple) else cell
                         for cell in row])
    return out.getvalue()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    forms = {
        "rvtools-vinfo-excel-en.csv": b"\xef\xbb\xbf" + sheet(",", ",", ".").encode("utf-8"),
        "rvtools-vinfo-excel-de.csv": b"\xef\xbb\xbf" + sheet(";", ".", ",").encode("utf-8"),
        "rvtools-vinfo-unicode.txt": b"\xff\xfe" + sheet("\t", ",", ".").encode("utf-16-le"),
        "rvtools-vinfo-excel-1252.csv": sheet(",", ",", ".").encode("cp1252"),
    }
    for name, data in forms.items():
        with open(os.path.join(here, name), "wb") as file:
            file.write(data)


if __name__ == "__main__":
    main()
