#!/usr/bin/env python3
"""Generate a realistic, valid mbl backlog of any size, deterministically from a seed.

    bench/generate.py --assets 100000 --seed 1 -o backlog-100k.json

The file is what a large migration looks like a few months in: workloads of 20 to 200 assets
(every kind and strategy), a third of the assets depending on one or two earlier ones, tags,
discovery attributes, tasks on some assets, twelve closed iterations whose `completed`,
`completed_estimate` and commitments agree with the assets' `replicated_on` days, one active
iteration, one planned, workloads released to production, a few `x-` extension keys.

It is valid (`mbl validate --strict` exits 0) and canonical (`mbl fmt --check` exits 0): the
layout of `json.dumps(indent=2, ensure_ascii=False)`, keys in the order of
src/core/file_keys.hpp, and numbers as mbl writes them (whole numbers without `.0`). The same
`--assets` and `--seed` give the same bytes. Assets are written one at a time, so a million
of them fit in a few hundred megabytes of memory. Python 3 standard library only.
"""

import argparse
import datetime
import json
import random
import sys

from asset_records import (KIND_WEIGHTS, KINDS, NOT_MIGRATED, OWNERS, ROLES, STRATEGIES,
                           STRATEGY_WEIGHTS, asset_record, draw_estimate, number)

FIRST_ITERATION_START = datetime.date(2026, 1, 5)
ITERATION_LENGTH_DAYS = 14
CLOSED_ITERATIONS = 12
# The active iteration is the one after the closed ones; "today" is its fifth day.
ACTIVE_START = FIRST_ITERATION_START + datetime.timedelta(
    days=CLOSED_ITERATIONS * ITERATION_LENGTH_DAYS)
TODAY = ACTIVE_START + datetime.timedelta(days=4)
# Share of the migratable assets replicated in the closed iterations.
DONE_SHARE = 0.3

BUSINESS_AREAS = ["crm", "erp", "hr", "billing", "shop", "intranet", "payroll", "logistics",
                  "reporting", "identity", "mail", "backup", "claims", "portal", "warehouse",
                  "pricing", "support", "analytics", "docs", "scada"]
AREA_NAMES = {"crm": "Customer relations", "erp": "ERP", "hr": "HR self-service",
              "billing": "Billing", "shop": "Web shop", "intranet": "Intranet",
              "payroll": "Payroll", "logistics": "Logistics", "reporting": "Reporting",
              "identity": "Identity services", "mail": "Mail relay", "backup": "Backup",
              "claims": "Claims handling", "portal": "Partner portal",
              "warehouse": "Data warehouse", "pricing": "Pricing engine",
              "support": "Support desk", "analytics": "Analytics", "docs": "Document archive",
              "scada": "Plant monitoring"}
STAGE_STEP_DAYS = 7


def day(date):
    return date.isoformat()


def iteration_start(index):
    return FIRST_ITERATION_START + datetime.timedelta(days=index * ITERATION_LENGTH_DAYS)


class Asset:
    """What the plan needs to know of an asset before it is written."""

    __slots__ = ("id", "workload", "kind", "strategy", "estimate", "status", "replicated_on",
                 "depends_on")

    def __init__(self, asset_id, workload, kind, strategy, estimate, depends_on):
        self.id = asset_id
        self.workload = workload
        self.kind = kind
        self.strategy = strategy
        self.estimate = estimate
        self.status = "not-started"
        self.replicated_on = None
        self.depends_on = depends_on


def workload_sizes(rng, total):
    """Sizes of 20 to 200 assets adding up to `total` (one smaller workload when `total` < 20)."""
    sizes = []
    left = total
    while left > 0:
        size = rng.randint(20, 200)
        if left - size < 20:
            size = left if left <= 200 else left - 20
        sizes.append(size)
        left -= size
    return sizes


def make_assets(rng, workloads, sizes):
    """Asset skeletons in file order: ids, kinds, strategies, estimates and dependencies."""
    assets = []
    for workload, size in zip(workloads, sizes):
        first = len(assets)
        kinds = sorted(rng.choices(KINDS, KIND_WEIGHTS, k=size), key=KINDS.index)
        for number_in_workload, kind in enumerate(kinds, start=1):
            strategy = rng.choices(STRATEGIES, STRATEGY_WEIGHTS)[0]
            estimate = draw_estimate(rng, kind, strategy not in NOT_MIGRATED)
            index = len(assets)
            depends_on = []
            if rng.random() < 0.34 and index > 0:
                for _ in range(rng.choice((1, 1, 2))):
                    inside = index > first and rng.random() < 0.85
                    target = rng.randrange(first, index) if inside else rng.randrange(index)
                    if assets[target].id not in depends_on:
                        depends_on.append(assets[target].id)
            asset_id = f"{workload['id']}-{ROLES[kind]}-{number_in_workload:03d}"
            assets.append(Asset(asset_id, workload["id"], kind, strategy, estimate, depends_on))
    return assets


def make_workloads(rng, sizes):
    workloads = []
    for index in range(len(sizes)):
        area = BUSINESS_AREAS[index % len(BUSINESS_AREAS)] if index else "identity"
        depends_on = []
        if index > 0:
            depends_on.append(workloads[0]["id"])
            if index > 1 and rng.random() < 0.3:
                other = workloads[rng.randrange(1, index)]["id"]
                depends_on.append(other)
        workloads.append({
            "id": f"{area}-{index + 1:05d}",
            "name": f"{AREA_NAMES[area]} {index + 1}",
            "priority": 1 if index == 0 else rng.choice((1, 2, 2, 3, 3, 4)),
            "owner": rng.choice(OWNERS),
            "depends_on": depends_on,
            "stage": "planned",
            "stage_history": [],
        })
    return workloads


def split_into_iterations(rng, sequence, count):
    """`sequence` cut into `count` consecutive chunks of roughly equal size."""
    chunks = []
    start = 0
    for index in range(count):
        left = len(sequence) - start
        if index == count - 1:
            size = left
        else:
            even = left / (count - index)
            size = min(left, round(even * rng.uniform(0.8, 1.2)))
        chunks.append(sequence[start:start + size])
        start += size
    return chunks


def random_day(rng, first, last):
    return first + datetime.timedelta(days=rng.randint(0, (last - first).days))


def plan_history(rng, assets):
    """Sets statuses and replicated_on days; returns the iterations, committed lists included.

    Migratable assets move in file order: the first DONE_SHARE of them in the closed iterations,
    then one iteration's worth committed to the active iteration (some replicated by today),
    then one more to the planned iteration. A few assets of each closed iteration slip into the
    next one (carried over, as `mbl iteration close --carry-over` does).
    """
    migratable = [asset for asset in assets if asset.strategy not in NOT_MIGRATED]
    done_count = round(len(migratable) * DONE_SHARE)
    per_iteration = max(1, done_count // CLOSED_ITERATIONS)
    done = split_into_iterations(rng, migratable[:done_count], CLOSED_ITERATIONS)
    active_own = migratable[done_count:done_count + per_iteration]
    planned_own = migratable[done_count + per_iteration:done_count + 2 * per_iteration]

    iterations = []
    carried = []
    for index, own in enumerate(done):
        start = iteration_start(index)
        end = start + datetime.timedelta(days=ITERATION_LENGTH_DAYS - 1)
        slip_count = len(own) // 10 if index + 1 < len(done) else 0
        slipping = own[len(own) - slip_count:]
        committed = own + carried  # carried over from the previous iteration: appended
        completed = own[:len(own) - slip_count] + carried
        for asset in completed:
            asset.status = "replicated"
            asset.replicated_on = random_day(rng, start, end)
        iterations.append(iteration_record(index, [a.id for a in committed], "closed", completed))
        carried = slipping

    index = len(done)
    active = carried + active_own
    for position, asset in enumerate(active):
        share = position / max(1, len(active))
        if share < 0.25:
            asset.status = "replicated"
            asset.replicated_on = random_day(rng, ACTIVE_START, TODAY - datetime.timedelta(days=1))
        else:
            draw = rng.random()
            if draw < 0.5:
                asset.status = "blocked" if draw < 0.03 else "in-progress"
    iterations.append(iteration_record(index, [a.id for a in active], "active", None))
    iterations.append(iteration_record(index + 1, [a.id for a in planned_own], "planned", None))
    return iterations


def iteration_record(index, committed_ids, state, completed):
    start = iteration_start(index)
    record = {
        "id": f"it-{index + 1}",
        "name": f"Iteration {index + 1}",
        "start": day(start),
        "end": day(start + datetime.timedelta(days=ITERATION_LENGTH_DAYS - 1)),
        "capacity": 0,
        "state": state,
        "committed": committed_ids,
    }
    if state != "planned":
        record["committed_at_start"] = list(committed_ids)
    if completed is not None:
        record["completed"] = [asset.id for asset in completed]
        record["completed_estimate"] = number(sum(asset.estimate or 0 for asset in completed))
    return record


def set_capacities(rng, iterations, estimates):
    for record in iterations:
        committed = sum(estimates.get(asset_id) or 0 for asset_id in record["committed"])
        record["capacity"] = max(40, round(committed * rng.uniform(1.0, 1.15)))
        if rng.random() < 0.2:
            record["notes"] = rng.choice(["Two engineers on leave.", "Change freeze in week 2.",
                                          "Vendor escalation slowed replication."])


def set_stages(rng, workloads, assets):
    """Stage and stage history of each workload from the state of its assets."""
    by_workload = {}
    for asset in assets:
        by_workload.setdefault(asset.workload, []).append(asset)
    for workload in workloads:
        members = by_workload[workload["id"]]
        replicated = [a.replicated_on for a in members if a.replicated_on]
        if not replicated and all(a.status == "not-started" for a in members):
            if rng.random() < 0.3:
                later = datetime.timedelta(days=rng.randint(60, 720))
                workload["target_date"] = day(TODAY + later)
            continue
        began = min(replicated) if replicated else ACTIVE_START
        history = [("migrating", began)]
        if all(a.status == "replicated" or a.strategy in NOT_MIGRATED for a in members):
            last = max(replicated) if replicated else began
            for step, stage in enumerate(("staging", "uat", "production"), start=1):
                when = last + datetime.timedelta(days=step * STAGE_STEP_DAYS)
                if when > TODAY:
                    break
                history.append((stage, when))
        workload["stage"] = history[-1][0]
        workload["stage_history"] = [{"stage": stage, "date": day(when), "forced": False}
                                     for stage, when in history]
        if rng.random() < 0.5:
            workload["target_date"] = day(history[0][1] + datetime.timedelta(days=90))
    for workload in workloads[:: max(1, len(workloads) // 5)]:
        workload["x-servicenow"] = {"assignment_group": workload["owner"],
                                    "business_criticality": "2 - somewhat critical"}


def indented(value, depth):
    """`value` as json.dumps(indent=2) at nesting `depth` (strings never hold a raw newline)."""
    text = json.dumps(value, indent=2, ensure_ascii=False)
    return text.replace("\n", "\n" + "  " * depth)


def write_array(out, key, items):
    """Writes `"key": [...]` as a top-level member; `items` is an iterable of JSON values."""
    out.write(f'  "{key}": [')
    first = True
    for item in items:
        out.write("\n    " if first else ",\n    ")
        out.write(indented(item, 2))
        first = False
    out.write("],\n" if first else "\n  ],\n")


def generate(out, asset_count, seed):
    """Writes the backlog to the text stream `out`; returns facts a benchmark needs."""
    rng = random.Random(seed)
    sizes = workload_sizes(rng, asset_count)
    workloads = make_workloads(rng, sizes)
    assets = make_assets(rng, workloads, sizes)
    iterations = plan_history(rng, assets)
    set_capacities(rng, iterations, {asset.id: asset.estimate for asset in assets})
    set_stages(rng, workloads, assets)
    names = {workload["id"]: workload["name"] for workload in workloads}

    out.write("{\n")
    header = {"format": "mbl/1", "name": f"Generated estate: {asset_count} assets (seed {seed})",
              "settings": {"estimate_unit": "hours",
                           "iteration_length_days": ITERATION_LENGTH_DAYS,
                           "first_iteration_start": day(FIRST_ITERATION_START),
                           "default_capacity": 120}}
    for key, value in header.items():
        out.write(f'  "{key}": {indented(value, 1)},\n')
    write_array(out, "workloads", workloads)
    write_array(out, "assets", (asset_record(rng, asset, names[asset.workload])
                                for asset in assets))
    write_array(out, "iterations", iterations)
    out.write(f'  "x-generator": {indented({"tool": "bench/generate.py", "seed": seed}, 1)}\n')
    out.write("}\n")
    return {"assets": asset_count, "seed": seed, "today": day(TODAY),
            "edit_asset": pick_edit_target(assets)}


def pick_edit_target(assets):
    """A not-started migratable asset near the middle of the file: `asset set ID status=...`."""
    middle = len(assets) // 2
    for asset in assets[middle:] + assets[:middle]:
        if asset.status == "not-started" and asset.strategy not in NOT_MIGRATED:
            return asset.id
    return assets[middle].id if assets else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--assets", type=int, required=True, help="number of assets (>= 1)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("-o", "--output", help="file to write (default: standard output)")
    options = parser.parse_args()
    if options.assets < 1:
        parser.error("--assets must be at least 1")
    if options.output:
        with open(options.output, "w", encoding="utf-8", newline="\n") as out:
            generate(out, options.assets, options.seed)
    else:
        generate(sys.stdout, options.assets, options.seed)


if __name__ == "__main__":
    main()
