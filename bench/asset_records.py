"""What one asset of a generated backlog looks like: kinds, strategies, estimates, tags,
discovery attributes and tasks, drawn from a random.Random. Used by generate.py."""

KINDS = ["network", "storage", "database", "file-share", "vm", "app-service", "other"]
KIND_WEIGHTS = [3, 4, 14, 6, 60, 9, 4]
STRATEGIES = ["rehost", "replatform", "refactor", "rearchitect", "rebuild", "replace",
              "retire", "retain"]
STRATEGY_WEIGHTS = [55, 15, 5, 3, 3, 6, 8, 5]
NOT_MIGRATED = {"retire", "retain"}
ROLES = {"network": "net", "storage": "blob", "database": "sql", "file-share": "fs",
         "vm": "vm", "app-service": "app", "other": "misc"}
ROLE_NAMES = {"network": "network segment", "storage": "storage account",
              "database": "database", "file-share": "file share", "vm": "server",
              "app-service": "web app", "other": "appliance"}
ESTIMATE_RANGES = {"network": (8, 40), "storage": (2, 12), "database": (8, 40),
                   "file-share": (4, 16), "vm": (2, 16), "app-service": (4, 24), "other": (2, 8)}
OWNERS = ["infra-platform", "sales-it", "finance-it", "hr-it", "digital", "data-analytics",
          "workplace-it", "network-team", "dba-team", "plant-it"]
TAGS = ["prod", "prod", "prod", "dev", "test", "dmz", "pci", "legacy", "core-infra", "gdpr",
        "eu-west", "24x7"]
OPERATING_SYSTEMS = ["Windows Server 2012 R2", "Windows Server 2016", "Windows Server 2019",
                     "Windows Server 2022", "Red Hat Enterprise Linux 7.9",
                     "Red Hat Enterprise Linux 8.8", "Ubuntu 20.04 LTS", "SUSE Linux 15 SP4"]
ENGINES = [("SQL Server", ["2012", "2014", "2016", "2019"]), ("Oracle", ["12c", "19c"]),
           ("PostgreSQL", ["11.19", "13.11", "15.3"]), ("MySQL", ["5.7", "8.0"])]
RUNTIMES = ["dotnet-4.8", "dotnet-6", "java-11", "java-17", "node-18", "php-8.1"]
TASK_TITLES = ["Assess", "Replicate", "Test failover", "Cut over", "Decommission source"]
NOTES = ["Change freeze during quarter-end close.", "Vendor support ends next year.",
         "Licence is tied to the host's MAC address.", "Owner: Müller (Zürich); café hours.",
         "Needs a maintenance window agreed with the business.",
         "Latency-sensitive: keep in the same region as its database."]


def number(value):
    """A number as mbl writes it: whole numbers without `.0` (json.dumps writes 76.0)."""
    return int(value) if value == int(value) else value


def draw_estimate(rng, kind, migrated):
    low, high = ESTIMATE_RANGES[kind]
    if not migrated:
        return None if rng.random() < 0.5 else rng.randint(0, 2)
    value = rng.randint(low, high)
    return value + 0.5 if rng.random() < 0.1 else value


def attributes_of(rng, kind):
    if kind == "vm":
        found = {"cores": rng.choice((1, 2, 4, 8, 16)),
                 "memory_mb": rng.choice((2048, 4096, 8192, 16384, 32768)),
                 "os": rng.choice(OPERATING_SYSTEMS)}
        if rng.random() < 0.05:  # several disks, as RVTools lists them
            found["disks"] = [{"name": f"disk{n}", "size_gb": rng.choice((128, 256, 512))}
                              for n in range(rng.randint(2, 3))]
        else:
            found["disk_gb"] = rng.choice((64, 128, 256, 512, 1024))
        if rng.random() < 0.3:
            found["ip"] = f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        return found
    if kind == "database":
        engine, versions = rng.choice(ENGINES)
        return {"engine": engine, "version": rng.choice(versions),
                "size_gb": round(rng.uniform(5, 4000), 1), "cores": rng.choice((2, 4, 8, 16))}
    if kind == "file-share":
        return {"path": f"\\\\fs{rng.randint(1, 40):02d}\\share{rng.randint(1, 99)}",
                "size_gb": rng.randint(10, 8000), "files": rng.randint(1000, 9000000)}
    if kind == "storage":
        return {"capacity_gb": rng.randint(100, 20000), "tier": rng.choice(("hot", "cool"))}
    if kind == "app-service":
        return {"runtime": rng.choice(RUNTIMES), "instances": rng.randint(1, 6)}
    if kind == "network":
        return {"address_space": f"10.{rng.randint(0, 255)}.0.0/16", "vlans": rng.randint(1, 40)}
    return {"description": "Hardware appliance", "rack_units": rng.randint(1, 4)}


def tasks_of(rng, asset):
    """Two to four tasks whose estimates add up to the asset's, done as far as its status says."""
    count = rng.randint(2, 4)
    whole = int(asset.estimate)
    parts = [whole // count] * count
    parts[0] += whole - sum(parts) + (asset.estimate - whole)
    done = {"replicated": count, "in-progress": count // 2}.get(asset.status, 0)
    titles = TASK_TITLES[:count - 1] + ["Cut over"] if count < 4 else TASK_TITLES[1:]
    return [{"title": title, "estimate": number(part), "done": n < done}
            for n, (title, part) in enumerate(zip(titles, parts))]


def asset_record(rng, asset, workload_name):
    record = {"id": asset.id,
              "name": f"{workload_name} {ROLE_NAMES[asset.kind]} {asset.id.rsplit('-', 1)[1]}",
              "kind": asset.kind, "workload": asset.workload}
    if rng.random() < 0.1:
        record["owner"] = rng.choice(OWNERS)
    record["strategy"] = asset.strategy
    record["estimate"] = asset.estimate
    record["priority"] = rng.choice((1, 2, 2, 3, 3, 3, 4))
    record["status"] = asset.status
    if asset.replicated_on:
        record["replicated_on"] = asset.replicated_on.isoformat()
    record["depends_on"] = asset.depends_on
    record["tags"] = sorted(set(rng.choices(TAGS, k=rng.choice((0, 1, 1, 1, 2, 3)))))
    record["attributes"] = attributes_of(rng, asset.kind)
    with_tasks = asset.estimate and asset.estimate >= 4 and rng.random() < 0.1
    record["tasks"] = tasks_of(rng, asset) if with_tasks else []
    if rng.random() < 0.05:
        record["notes"] = rng.choice(NOTES)
    if rng.random() < 0.02:
        record["x-cmdb-id"] = f"CI{rng.randint(0, 9999999):07d}"
    return record
