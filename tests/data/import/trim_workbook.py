#!/usr/bin/env python3
"""Trims and anonymises a real RVTools workbook saved by Excel into a small test sample, keeping
Excel's own XML (namespaces, mc:Ignorable, spans, styles, the shared-string table, the thousands of
styled empty rows below the data) and changing only what names a place or a machine.

    trim_workbook.py SizingWorkshop-RVTools.xlsx tests/data/import/rvtools-excel-3x.xlsx

Made from samples/SizingWorkshop-RVTools.xlsx of https://github.com/mjvincent/rvtools-to-ibm-cloud
(MIT licence, copyright (c) 2026 jonesmi@us.ibm.com), see README.md here. Python 3 standard
library only.
"""

import re
import sys
import zipfile

KEEP_ROWS = {"xl/worksheets/sheet1.xml": 9, "xl/worksheets/sheet2.xml": 4,
             "xl/worksheets/sheet3.xml": 4, "xl/worksheets/sheet4.xml": 4}
KEEP_TRAILING_EMPTY_ROWS = 3  # of vInfo: Excel's styled empty rows, which the reader must skip
# Columns whose text names a machine, a place or an address, per sheet.
ANONYMISED = {"xl/worksheets/sheet1.xml": {"A": "vm", "J": "dc", "K": "cluster", "L": "host"},
              "xl/worksheets/sheet2.xml": {"A": "vm", "M": "ip"},
              "xl/worksheets/sheet3.xml": {"A": "vm", "I": "dc", "J": "cluster", "K": "host"},
              "xl/worksheets/sheet4.xml": {"A": "host", "B": "dc", "C": "cluster"}}
PSEUDONYM_FORMS = {"vm": "vm-{:02}", "dc": "Datacenter{}", "cluster": "Cluster{}",
                   "host": "esx-{:02}.example.com", "ip": "192.0.2.{}"}
ROW = re.compile(r"<row [^>]*>.*?</row>|<row [^>]*/>", re.S)
SHARED_CELL = re.compile(r'(<c r="([A-Z]+)\d+"[^>]*t="s"[^>]*><v>)(\d+)(</v>)')


def main(source, target):
    with zipfile.ZipFile(source) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
        infos = archive.infolist()
    strings = re.findall(r"<si>.*?</si>", parts["xl/sharedStrings.xml"].decode(), re.S)
    header_ids = set()
    kept = {}  # new shared strings, by old index or pseudonym
    pseudonyms = {}

    def keep(old_index, kind):
        if kind and old_index not in header_ids:
            key = (kind, old_index)
            if key not in pseudonyms:
                count = sum(1 for k in pseudonyms if k[0] == kind) + 1
                pseudonyms[key] = f"<si><t>{PSEUDONYM_FORMS[kind].format(count)}</t></si>"
            item = pseudonyms[key]
        else:
            item = strings[old_index]
        if item not in kept:
            kept[item] = len(kept)
        return kept[item]

    for name, keep_rows in KEEP_ROWS.items():
        text = parts[name].decode()
        rows = ROW.findall(text)
        chosen = rows[:keep_rows]
        if name == "xl/worksheets/sheet1.xml":
            chosen += rows[-KEEP_TRAILING_EMPTY_ROWS:]
        for index in (int(v) for v in re.findall(r't="s"[^>]*><v>(\d+)<', chosen[0])):
            header_ids.add(index)

        def renumber(match):
            kind = ANONYMISED[name].get(match.group(2))
            return match.group(1) + str(keep(int(match.group(3)), kind)) + match.group(4)

        new_rows = [SHARED_CELL.sub(renumber, row) for row in chosen]
        start = text.index("<sheetData>") + len("<sheetData>")
        end = text.index("</sheetData>")
        parts[name] = (text[:start] + "".join(new_rows) + text[end:]).encode()

    sst = parts["xl/sharedStrings.xml"].decode()
    head = sst[:sst.index("<si>")]
    head = re.sub(r'count="\d+"', 'count="{}"'.format(len(kept)), head)
    head = re.sub(r'uniqueCount="\d+"', 'uniqueCount="{}"'.format(len(kept)), head)
    parts["xl/sharedStrings.xml"] = (head + "".join(kept) + "</sst>").encode()
    parts["xl/workbook.xml"] = re.sub(rb'url="[^"]*"', b'url="/Users/example/"',
                                      parts["xl/workbook.xml"])
    parts["docProps/core.xml"] = re.sub(rb"<cp:lastModifiedBy>[^<]*</cp:lastModifiedBy>",
                                        b"<cp:lastModifiedBy>example</cp:lastModifiedBy>",
                                        parts["docProps/core.xml"])
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in infos:
            out.writestr(info, parts[info.filename], zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
