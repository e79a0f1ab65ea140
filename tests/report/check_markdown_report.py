#!/usr/bin/env python3
"""The Markdown report rendered by GitHub's own Markdown parser (Debian's cmark-gfm, with the
extensions GitHub enables): a hostile backlog's names add no link, no HTML and no table cell.

Usage: check_markdown_report.py MBL SOURCE_DIR SCRATCH_DIR. Exit 77 (skipped) when cmark-gfm is
not installed (CI does not install it), 0 when every check passes, 1 otherwise.
"""
import json
import pathlib
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

HOSTILE = ("see https://evil.example and www.evil.example [x](http://a) <b>hi</b> "
           "<script>alert(1)</script> | cell ![i](x.png) *em* `code` &amp; \x1b[31m "
           "cc @octocat @github/security #123 owner/repo#45 GH-7")

# What GitHub turns into a mention or an issue reference in the rendered text (its own matching
# runs after Markdown, so it is checked on the text here): `@name`, `#123`, `GH-123`.
LIVE_REFERENCE = re.compile(r"@[A-Za-z0-9]|#[0-9]|GH-[0-9]")
ZERO_WIDTH_SPACE = "\u200b"


def main():
    cmark = shutil.which("cmark-gfm")
    if cmark is None:
        print("check_markdown_report: SKIPPED: cmark-gfm is not installed")
        return 77
    mbl = str(pathlib.Path(sys.argv[1]).resolve())
    source, scratch = pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    data = json.loads((source / "examples" / "contoso" / "backlog.json").read_text("utf-8"))
    data["name"] = HOSTILE
    for workload in data["workloads"]:
        workload["name"] = HOSTILE
    for iteration in data["iterations"]:
        iteration["name"] = HOSTILE
    (scratch / "backlog.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    markdown = subprocess.run([mbl, "--today", "2026-11-25", "report"], cwd=scratch,
                              capture_output=True, text=True, check=True).stdout
    html = subprocess.run([cmark, "-e", "table", "-e", "autolink", "-e", "strikethrough", "-e",
                           "tagfilter", "-e", "tasklist"], input=markdown, capture_output=True,
                          text=True, check=True).stdout
    root = ElementTree.fromstring("<body>" + html + "</body>")
    failures = []
    tags = {element.tag for element in root.iter()}
    for tag in ("a", "img", "script", "b", "em", "code", "del"):
        if tag in tags:
            failures.append(f"a <{tag}> element from a name")
    tables = root.findall("table")
    if len(tables) != 4:  # totals, velocity, readiness, forecast (the file is valid)
        failures.append(f"{len(tables)} tables, not 4")
    for table in tables:
        width = len(table.find("thead/tr"))
        for row in table.iter("tr"):
            if len(row) != width:
                failures.append(f"a row of {len(row)} cells under {width} headers")
    shown = "".join(root.find("h1").itertext())
    if shown.replace(ZERO_WIDTH_SPACE, "") != "Migration report: " + HOSTILE.replace("\x1b", "\\x1b"):
        failures.append(f"the heading shows {shown!r}")
    live = LIVE_REFERENCE.findall("".join(root.itertext()))
    if live:
        failures.append(f"mentions or references GitHub would link: {live}")
    for failure in failures:
        print("FAILED:", failure)
    print("check_markdown_report:", "ok" if not failures else f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
