#!/usr/bin/python3
"""Checks schema/backlog.schema.json with a real validator and keeps it in step with mbl.

Usage: check_schema.py MBL SOURCE_DIR SCRATCH_DIR   (SCRATCH_DIR is emptied first)

Needs Debian's python3-jsonschema (scripts/setup.sh installs it); without it the test fails, it
never skips. It checks that:
- the schema is a valid draft 2020-12 schema, uses nothing editors do not support, and is what
  `mbl schema` prints and what `mbl init` writes beside a new backlog;
- every example, the file with every field, the benchmark generator's output and a new `mbl init`
  backlog pass the schema;
- the schema and `mbl validate` agree, pointer by pointer: on every file, the places the schema
  rejects are exactly those where `mbl validate` reports a problem the schema can express (a wrong
  type, value, date, id or range, a missing or unknown key). What a schema cannot express (ids
  referenced but not defined, duplicates, cycles, overlapping iterations, ...) is left to mbl;
- deliberately broken files (a typo key, a wrong enum value, a non-slug id, priority 7, bad dates,
  a string estimate, ...) are rejected by both, at the same place, and so are the files of the
  hostile-input corpus (tests/data/bad/) that mbl reads.
"""

import copy
import json
import pathlib
import re
import shutil
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    sys.exit(f"schema test: FAILED: {sys.executable} has no jsonschema module; install Debian's "
             "python3-jsonschema (scripts/setup.sh does)")

# The codes of `mbl validate` problems that the schema expresses too. Every other problem needs
# more than one value to see (references, uniqueness, cycles, dates of several iterations).
SCHEMA_CODES = {"invalid-date", "invalid-id", "invalid-value", "iteration-length-setting",
                "missing-key", "negative-capacity", "negative-estimate", "negative-percent",
                "number-too-large", "priority-range", "unknown-key", "unknown-kind", "wrong-type"}
# Keywords editors (VS Code's JSON language service among them) do not support.
UNSUPPORTED_KEYWORDS = {"$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor"}

failures = []


def fail(message):
    failures.append(message)
    print(f"schema test: FAILED: {message}", file=sys.stderr)


def pointer(parts):
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def keywords(node):
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from keywords(value)
    elif isinstance(node, list):
        for value in node:
            yield from keywords(value)


def schema_problems(validator, document):
    """The pointers the schema rejects. An unknown key is reported at the key itself, as mbl
    does, rather than at the object holding it."""
    places = set()
    for error in validator.iter_errors(document):
        where = list(error.absolute_path)
        if error.validator == "additionalProperties":
            known = error.schema.get("properties", {})
            patterns = error.schema.get("patternProperties", {})
            for key in error.instance:
                if key not in known and not any(re.search(p, key) for p in patterns):
                    places.add(pointer(where + [key]))
        else:
            places.add(pointer(where))
    return places


def mbl_validate(mbl, path, may_refuse=False):
    """The exit status of `mbl validate --strict` and the pointers of its problems the schema
    expresses too, with their codes. A file mbl refuses to read (exit 3) is a failure unless
    `may_refuse`."""
    run = subprocess.run([mbl, "-f", str(path), "validate", "--strict", "--format", "json"],
                         capture_output=True, text=True)
    if run.returncode not in (0, 1):
        if not (may_refuse and run.returncode == 3):
            fail(f"mbl validate {path} exited {run.returncode}: {run.stderr.strip()}")
        return run.returncode, {}
    report = json.loads(run.stdout)
    found = {}
    for problem in report["problems"]:
        if problem["code"] in SCHEMA_CODES and (problem["severity"] == "error" or
                                                problem["code"] == "unknown-key"):
            found.setdefault(problem["path"], set()).add(problem["code"])
    return run.returncode, found


def check_valid(validator, mbl, path, expected=frozenset()):
    """`path` passes the schema except at `expected`, and mbl agrees."""
    document = json.loads(path.read_text(encoding="utf-8"))
    rejected = schema_problems(validator, document)
    status, reported = mbl_validate(mbl, path)
    if rejected != set(expected):
        fail(f"{path}: the schema rejects {sorted(rejected) or 'nothing'}, expected "
             f"{sorted(expected) or 'nothing'}")
    if set(reported) != rejected:
        fail(f"{path}: the schema rejects {sorted(rejected) or 'nothing'} but mbl validate "
             f"reports {sorted(reported) or 'nothing'}")
    if not expected and status != 0:
        fail(f"{path}: mbl validate --strict exited {status}")
    print(f"schema test: {path.name} in {path.parent.name}/: "
          f"{'valid' if not rejected else 'rejected at ' + ', '.join(sorted(rejected))}, "
          "as mbl validate says")


def broken_cases():
    """(name, what is wrong, the change to examples/minimal/backlog.json, where, mbl's code)."""
    def set_value(*parts_and_value):
        *parts, value = parts_and_value

        def change(document):
            node = document
            for part in parts[:-1]:
                node = node[part]
            node[parts[-1]] = value
        return change

    def rename_key(parts, old, new):
        def change(document):
            node = document
            for part in parts:
                node = node[part]
            node[new] = node.pop(old)
        return change

    def remove_key(parts, key):
        def change(document):
            node = document
            for part in parts:
                node = node[part]
            del node[key]
        return change

    def iteration(**fields):
        record = {"id": "it-1", "name": "Iteration 1", "start": "2027-01-04",
                  "end": "2027-01-17", "capacity": 40, "state": "planned", "committed": []}
        record.update(fields)
        record = {key: value for key, value in record.items() if value is not None}
        return set_value("iterations", [record])

    return [
        ("typo-key", "a typo in a key", rename_key(["assets", 0], "estimate", "estimat"),
         "/assets/0/estimat", "unknown-key"),
        ("top-level-typo", "an unknown top-level key", set_value("nmae", "Typo"),
         "/nmae", "unknown-key"),
        ("wrong-enum", "a status that does not exist", set_value("assets", 0, "status", "done"),
         "/assets/0/status", "invalid-value"),
        ("wrong-kind", "a kind spelled with an underscore",
         set_value("assets", 2, "kind", "file_share"), "/assets/2/kind", "invalid-value"),
        ("non-slug-id", "an id with capitals and a space",
         set_value("assets", 2, "id", "Payroll Exports"), "/assets/2/id", "invalid-id"),
        ("long-id", "an id of 65 characters", set_value("assets", 2, "id", "a" * 65),
         "/assets/2/id", "invalid-id"),
        ("priority-7", "priority 7", set_value("assets", 1, "priority", 7),
         "/assets/1/priority", "priority-range"),
        ("fractional-priority", "priority 1.5", set_value("workloads", 0, "priority", 1.5),
         "/workloads/0/priority", "wrong-type"),
        ("impossible-date", "30 February",
         set_value("settings", "first_iteration_start", "2027-02-30"),
         "/settings/first_iteration_start", "invalid-date"),
        ("date-with-slashes", "a date written 2027/01/05",
         set_value("assets", 1, "replicated_on", "2027/01/05"),
         "/assets/1/replicated_on", "invalid-date"),
        ("string-estimate", "an estimate in quotes", set_value("assets", 0, "estimate", "12"),
         "/assets/0/estimate", "wrong-type"),
        ("negative-estimate", "a negative estimate", set_value("assets", 0, "estimate", -4),
         "/assets/0/estimate", "negative-estimate"),
        ("huge-estimate", "an estimate of 1e308", set_value("assets", 0, "estimate", 1e308),
         "/assets/0/estimate", "number-too-large"),
        ("huge-percent", "a task template share of 150%",
         set_value("settings", "task_templates", {"vm": [{"title": "Replicate",
                                                          "percent": 150}]}),
         "/settings/task_templates/vm/0/percent", "number-too-large"),
        ("huge-capacity", "an iteration capacity of 2e15", iteration(capacity=2e15),
         "/iterations/0/capacity", "number-too-large"),
        ("negative-capacity", "a negative default capacity",
         set_value("settings", "default_capacity", -1), "/settings/default_capacity",
         "negative-capacity"),
        ("zero-length", "iterations of 0 days", set_value("settings", "iteration_length_days", 0),
         "/settings/iteration_length_days", "iteration-length-setting"),
        ("template-for-no-kind", "a task template for a kind that does not exist",
         set_value("settings", "task_templates", {"vms": [{"title": "Replicate",
                                                           "percent": 100}]}),
         "/settings/task_templates/vms", "unknown-kind"),
        ("task-without-title", "a task without a title",
         set_value("assets", 0, "tasks", [{"estimate": 2, "done": False}]),
         "/assets/0/tasks/0", "missing-key"),
        ("asset-without-id", "an asset without an id", remove_key(["assets", 1], "id"),
         "/assets/1", "missing-key"),
        ("iteration-capacity", "an iteration of negative capacity", iteration(capacity=-5),
         "/iterations/0/capacity", "negative-capacity"),
        ("iteration-state", "an iteration state that does not exist", iteration(state="open"),
         "/iterations/0/state", "invalid-value"),
        ("iteration-commitment", "a commitment of one asset id, not a list",
         iteration(committed="ts-db"), "/iterations/0/committed", "wrong-type"),
        ("stage-change-stage", "a stage history entry with a stage that does not exist",
         set_value("workloads", 0, "stage_history", [{"stage": "done", "date": "2027-01-04",
                                                      "forced": False}]),
         "/workloads/0/stage_history/0/stage", "invalid-value"),
        ("iteration-without-end", "an iteration without its last day",
         iteration(end=None), "/iterations/0", "missing-key"),
        ("workload-without-id", "a workload without an id", remove_key(["workloads", 0], "id"),
         "/workloads/0", "missing-key"),
        ("stage-change-without-date", "a stage history entry without its date",
         set_value("workloads", 0, "stage_history", [{"stage": "migrating", "forced": False}]),
         "/workloads/0/stage_history/0", "missing-key"),
        ("template-without-title", "a task template without a title",
         set_value("settings", "task_templates", {"vm": [{"percent": 100}]}),
         "/settings/task_templates/vm/0", "missing-key"),
        ("tags-as-text", "tags as one string", set_value("assets", 0, "tags", "prod"),
         "/assets/0/tags", "wrong-type"),
    ]


def check_broken(validator, mbl, base, scratch):
    folder = scratch / "broken"
    folder.mkdir()
    for name, what, change, where, code in broken_cases():
        document = copy.deepcopy(base)
        change(document)
        path = folder / f"{name}.json"
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n",
                        encoding="utf-8")
        rejected = schema_problems(validator, document)
        status, reported = mbl_validate(mbl, path)
        if rejected != {where}:
            fail(f"{path} ({what}): the schema rejects {sorted(rejected) or 'nothing'}, "
                 f"expected {where}")
        if reported != {where: {code}}:
            fail(f"{path} ({what}): mbl validate reports {reported or 'nothing'}, expected "
                 f"{code} at {where}")
        if status != 1:
            fail(f"{path} ({what}): mbl validate --strict exited {status}, expected 1")
        print(f"schema test: broken/{name}.json ({what}): rejected at {where} by the schema "
              f"and by mbl validate ({code})")


# Where the schema knowingly says more than mbl: it checks that a reference is a slug, while mbl
# reports the non-slug id where it is defined and resolves the reference to it.
CORPUS_SCHEMA_ONLY = {"non-slug-ids.json": {"/assets/1/depends_on/0"}}


def check_corpus(validator, mbl, corpus):
    """The hostile-input files that mbl reads (the others are refused before any field is read):
    the schema and mbl validate reject the same places."""
    checked = 0
    for path in sorted(corpus.glob("*.json")):
        try:
            document = json.loads(path.read_bytes().decode("utf-8"))
        except ValueError:
            continue  # not JSON at all: mbl refuses it with file:line:column (tests/cli)
        status, reported = mbl_validate(mbl, path, may_refuse=True)
        if status == 3:
            continue
        checked += 1
        rejected = schema_problems(validator, document)
        if rejected - CORPUS_SCHEMA_ONLY.get(path.name, set()) != set(reported):
            fail(f"{path}: the schema rejects {sorted(rejected) or 'nothing'} but mbl validate "
                 f"reports {sorted(reported) or 'nothing'}")
    if checked < 10:
        fail(f"only {checked} files of {corpus} were read by mbl; expected 10 or more")
    print(f"schema test: {checked} files of {corpus.name}/: the schema and mbl validate agree")


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.split("\n\n")[1])
    mbl, source, scratch = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)

    schema_path = source / "schema" / "backlog.schema.json"
    schema_bytes = schema_path.read_bytes()
    schema = json.loads(schema_bytes)
    jsonschema.Draft202012Validator.check_schema(schema)
    used = set(keywords(schema)) & UNSUPPORTED_KEYWORDS
    if used:
        fail(f"the schema uses {sorted(used)}, which editors do not support")
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)

    printed = subprocess.run([mbl, "schema"], capture_output=True, check=True).stdout
    if printed != schema_bytes:
        fail("`mbl schema` does not print schema/backlog.schema.json byte for byte")

    for example in sorted((source / "examples").glob("*/backlog.json")):
        # The extensions example has a hand-added key without the x- prefix, on purpose.
        expected = {"/approvals"} if example.parent.name == "extensions" else set()
        check_valid(validator, mbl, example, expected)
    check_valid(validator, mbl, source / "tests" / "data" / "schema" / "every-field.json")

    generated = scratch / "bench" / "backlog.json"
    generated.parent.mkdir()
    subprocess.run([sys.executable, str(source / "bench" / "generate.py"), "--assets", "200",
                    "--seed", "7", "-o", str(generated)], check=True)
    check_valid(validator, mbl, generated)

    # A new backlog points at the schema written beside it, as an editor resolves it.
    new = scratch / "init" / "backlog.json"
    new.parent.mkdir()
    subprocess.run([mbl, "init", "-f", str(new)], check=True, capture_output=True)
    reference = json.loads(new.read_text(encoding="utf-8")).get("$schema")
    beside = new.parent / str(reference)
    if reference != "./backlog.schema.json" or not beside.is_file():
        fail(f"mbl init wrote \"$schema\": {reference!r}, not a schema file beside the backlog")
    elif beside.read_bytes() != schema_bytes:
        fail(f"mbl init wrote {beside}, which is not schema/backlog.schema.json")
    check_valid(validator, mbl, new)

    check_corpus(validator, mbl, source / "tests" / "data" / "bad")

    base = json.loads((source / "examples" / "minimal" / "backlog.json").read_text())
    check_broken(validator, mbl, base, scratch)

    if failures:
        sys.exit(f"schema test: {len(failures)} failure(s)")
    print("schema test: passed")


if __name__ == "__main__":
    main()
