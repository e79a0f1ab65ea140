#!/usr/bin/env python3
"""The HTML report parsed by a real XML parser (Python's xml.etree): well-formed, self-contained,
with its sections and three charts, and a hostile backlog's names coming back as plain text.

Usage: check_html_report.py MBL SOURCE_DIR SCRATCH_DIR. Standard library only. Exit 0 when every
check passes; otherwise prints each failure and exits 1.
"""
import json
import pathlib
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = "\"onload=alert(1) x='"
CDATA_END = "]]> & &amp; <!-- -->"
ANSI = "\x1b[31mred\x1b[0m"
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def hostile(contoso):
    """Contoso with hostile names, as tests/cli/test_e2e_report.cpp builds it."""
    data = json.loads(contoso)
    data["name"] = "plan " + SCRIPT + ATTRIBUTE
    for workload in data["workloads"]:
        workload["name"] = workload["id"] + " " + SCRIPT + " " + ANSI
    data["workloads"][1]["name"] = ATTRIBUTE + CDATA_END
    for iteration in data["iterations"]:
        iteration["name"] = SCRIPT + CDATA_END + ANSI
    data["assets"][0]["depends_on"] = ["</td>" + SCRIPT + ATTRIBUTE + ANSI]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render(mbl, directory, text):
    """Writes backlog.json, renders report.html with -o, returns the parsed page."""
    backlog = directory / "backlog.json"
    backlog.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [mbl, "--today", "2026-11-25", "report", "--format", "html", "-o", "report.html"],
        cwd=directory, capture_output=True, text=True, check=False)
    check(result.returncode == 0, f"{directory.name}: exit {result.returncode}: {result.stderr}")
    check(backlog.read_text(encoding="utf-8") == text, f"{directory.name}: backlog.json changed")
    page = (directory / "report.html").read_text(encoding="utf-8")
    try:
        return ElementTree.fromstring(page)
    except ElementTree.ParseError as error:
        failures.append(f"{directory.name}: not well-formed XML: {error}")
        return None


def check_self_contained(name, root):
    for element in root.iter():
        check(element.tag not in ("script", "iframe", "object", "embed", "link", "img"),
              f"{name}: a <{element.tag}> element")
        for key, value in element.attrib.items():
            check(not key.lower().startswith("on"), f"{name}: an event attribute {key}")
            check(key not in ("href", "src", "xlink:href"), f"{name}: a reference {key}={value}")
            check("http" not in value and "javascript:" not in value,
                  f"{name}: {key}={value}")
    style = "".join(root.find("head/style").itertext())
    check("url(" not in style and "@import" not in style, f"{name}: the style loads something")


def check_structure(name, root):
    check(root.tag == "html" and root.get("lang") == "en", f"{name}: root is <{root.tag}>")
    sections = [section.get("id") for section in root.iter("section")]
    check(sections == ["totals", "attention", "iteration", "velocity", "releases", "forecast", "problems"],
          f"{name}: sections {sections}")
    charts = list(root.iter("svg"))
    check(len(charts) == 3, f"{name}: {len(charts)} charts")
    for chart in charts:
        check(len(chart) > 0 and chart[0].tag == "title", f"{name}: a chart without a title")
        check(chart.get("viewBox", "").startswith("0 0 "), f"{name}: a chart without a viewBox")
        labels = ["".join(text.itertext()) for text in chart.iter("text")]
        check(len(labels) >= 5, f"{name}: a chart with {len(labels)} labels")


def text_of(element):
    return "".join(element.itertext())


def check_hostile_names(root):
    heading = text_of(root.find("body/main/header/h1"))
    check(heading == "Migration report: plan " + SCRIPT + ATTRIBUTE, f"h1 is {heading!r}")
    cells = [text_of(cell) for cell in root.iter("td")]
    check(ATTRIBUTE + CDATA_END in cells, "the workload named with quotes is not a cell")
    shown_ansi = "shared-identity " + SCRIPT + " \\x1b[31mred\\x1b[0m"
    check(shown_ansi in cells, "the ANSI escapes are not shown escaped in a cell")
    titles = [text_of(title) for title in root.iter("title")]
    check(any(title.startswith(ATTRIBUTE + CDATA_END + ": ") for title in titles),
          "the release chart's tooltip lacks the hostile name")
    page_text = text_of(root)
    check("\x1b" not in page_text, "an escape character in the page's text")


def main():
    mbl = str(pathlib.Path(sys.argv[1]).resolve())
    source, scratch = pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    shutil.rmtree(scratch, ignore_errors=True)
    contoso = (source / "examples" / "contoso" / "backlog.json").read_text(encoding="utf-8")
    for name, text in (("contoso", contoso), ("hostile", hostile(contoso))):
        directory = scratch / name
        directory.mkdir(parents=True)
        root = render(mbl, directory, text)
        if root is None:
            continue
        check_structure(name, root)
        check_self_contained(name, root)
        if name == "hostile":
            check_hostile_names(root)
    for failure in failures:
        print("FAILED:", failure)
    print("check_html_report:", "ok" if not failures else f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
