// plan_inventory_import / apply_inventory_plan (import_inventory.cpp, import_columns.cpp) and
// slug_of (import_names.cpp), field by field on the sample exports of tests/data/import.
#include "import_samples.hpp"
#include "mbl/error.hpp"
#include "mbl/import.hpp"
#include "mbl/load.hpp"
#include "mbl/save.hpp"
#include "support/error_from.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using mbl::RowAction;
using mbl::test::error_from;
using mbl::test::import_sample;
using mbl::test::import_sample_backlog;

namespace {

std::string attribute(const mbl::Asset& asset, std::string_view key) {
    for (const auto& [name, value] : asset.attributes) {
        if (name == key) {
            return value.text;
        }
    }
    return "(absent)";
}

mbl::InventoryPlan plan_of(const mbl::Backlog& backlog, const std::string& file,
                           mbl::InventoryImportOptions options) {
    return mbl::plan_inventory_import(backlog, mbl::read_csv(import_sample(file), file), options,
                                      file);
}

const mbl::PlannedRow& row_at(const mbl::InventoryPlan& plan, std::size_t line) {
    for (const mbl::PlannedRow& row : plan.rows) {
        if (row.line == line) {
            return row;
        }
    }
    FAIL("no row on line " << line);
    throw std::logic_error("unreachable");
}

} // namespace

TEST_CASE("slug_of: lowercase, other characters one dash, trimmed, at most 64", "[import]") {
    CHECK(mbl::slug_of("CRM-SQL-01") == "crm-sql-01");
    CHECK(mbl::slug_of("web \"legacy\" 02") == "web-legacy-02");
    CHECK(mbl::slug_of("  Zürich File Server ") == "zurich-file-server");
    CHECK(mbl::slug_of("Straße-01") == "strasse-01");
    CHECK(mbl::slug_of("ŁÓDŹ São Paulo") == "lodz-sao-paulo");
    CHECK(mbl::slug_of("東京-web") == "web"); // no ASCII spelling: a separator, trimmed
    CHECK(mbl::slug_of("a\xff b") == "a-b");  // not UTF-8: the bytes as they are
    std::string long_name;
    for (int i = 0; i < 200; ++i) {
        long_name += "ß"; // spelled `ss`: 400 letters, cut to 64
    }
    CHECK(mbl::slug_of(long_name + "!x") == std::string(64, 's'));
    CHECK(mbl::slug_of("db01.contoso.local") == "db01.contoso.local");
    CHECK(mbl::slug_of("a - b") == "a-b");
    CHECK(mbl::slug_of("-_.x.-") == "x");
    CHECK(mbl::slug_of("日本") == "");
    CHECK(mbl::slug_of(std::string(70, 'a') + "-b") == std::string(64, 'a'));
    CHECK(mbl::is_slug(mbl::slug_of(std::string(63, 'a') + " b")));
}

TEST_CASE("import inventory, azure-migrate: adds servers with typed attributes", "[import]") {
    mbl::Backlog backlog = import_sample_backlog();
    mbl::InventoryImportOptions options;
    options.preset = mbl::ImportPreset::azure_migrate;
    options.workload = "crm";
    mbl::InventoryPlan plan = plan_of(backlog, "azure-migrate-servers.csv", options);
    REQUIRE(plan.rows.size() == 6);
    CHECK(plan.count(RowAction::add) == 3);
    CHECK(plan.count(RowAction::update) == 1);
    CHECK(plan.count(RowAction::skip) == 2);

    const mbl::PlannedRow& web = row_at(plan, 3);
    CHECK(web.action == RowAction::add);
    CHECK(web.asset.id == "crm-web-01");
    CHECK(web.asset.name == "CRM-WEB-01");
    CHECK(web.asset.kind == mbl::AssetKind::vm);
    CHECK(web.asset.workload == "crm");
    CHECK_FALSE(web.asset.estimate.has_value());
    CHECK(attribute(web.asset, "ips") == "[\n  \"10.10.2.30\"\n]");
    CHECK(attribute(web.asset, "cores") == "4");
    CHECK(attribute(web.asset, "memory_mb") == "16384");
    CHECK(attribute(web.asset, "os") == "\"Windows Server 2019\"");
    CHECK(attribute(web.asset, "os_version") == "(absent)"); // an empty cell sets nothing
    CHECK(attribute(web.asset, "boot_type") == "\"BIOS\"");
    CHECK(attribute(web.asset, "disk_count") == "1");
    CHECK(attribute(web.asset, "disk_gb") == "128");

    const mbl::PlannedRow& legacy = row_at(plan, 4);
    CHECK(legacy.asset.id == "web-legacy-02");
    CHECK(legacy.asset.name == "web \"legacy\" 02");
    CHECK(attribute(legacy.asset, "os") == "\"Red Hat Enterprise Linux 8\\r\\n(Ootpa)\"");

    const mbl::PlannedRow& duplicate = row_at(plan, 6);
    CHECK(duplicate.action == RowAction::skip);
    CHECK_THAT(duplicate.reason, StartsWith("the same id 'crm-web-01' as line 3"));
    CHECK(row_at(plan, 7).reason == "no server name");
    CHECK(row_at(plan, 8).asset.name == "=HYPERLINK(\"http://x\",\"y\")");
    CHECK(plan.ignored_columns.empty()); // the sample has every column of the template
}

TEST_CASE("import inventory: per-disk columns become disks and disk_gb", "[import]") {
    mbl::Backlog backlog = import_sample_backlog();
    backlog.assets.clear();
    backlog.iterations.clear();
    mbl::InventoryImportOptions options;
    options.preset = mbl::ImportPreset::azure_migrate;
    mbl::InventoryPlan plan = plan_of(backlog, "azure-migrate-servers.csv", options);
    const mbl::Asset& sql = row_at(plan, 2).asset;
    CHECK(attribute(sql, "disk_gb") == "639");
    CHECK(attribute(sql, "disks") == "[\n  {\n    \"name\": \"disk1\",\n    \"size_gb\": 127,\n"
                                     "    \"read_mbps\": 20,\n    \"write_mbps\": 10,\n"
                                     "    \"read_iops\": 300,\n    \"write_iops\": 150\n  },\n"
                                     "  {\n    \"name\": \"disk2\",\n    \"size_gb\": 512,\n"
                                     "    \"read_mbps\": 60,\n    \"write_mbps\": 40,\n"
                                     "    \"read_iops\": 900,\n    \"write_iops\": 450\n  }\n]");
    CHECK(attribute(sql, "cpu_utilization_percent") == "35.5");
    CHECK(attribute(sql, "ips") == "[\n  \"10.10.2.20\",\n  \"10.10.2.21\"\n]");
    CHECK(attribute(sql, "os") == "\"Microsoft Windows Server 2019 Datacenter, 64-bit\"");
}

TEST_CASE("import inventory: a re-import changes the name and attributes only", "[import]") {
    mbl::Backlog backlog = import_sample_backlog();
    const mbl::Asset before = backlog.assets.front();
    mbl::InventoryImportOptions options;
    options.preset = mbl::ImportPreset::rvtools;
    options.kind = mbl::AssetKind::other;
    mbl::InventoryPlan plan = plan_of(backlog, "rvtools-vinfo.csv", options);
    const mbl::PlannedRow& sql = row_at(plan, 2);
    REQUIRE(sql.action == RowAction::update);
    CHECK(sql.fields.front() == "name");
    CHECK(std::find(sql.fields.begin(), sql.fields.end(), "attributes.cores") != sql.fields.end());
    mbl::apply_inventory_plan(backlog, plan);

    const mbl::Asset& after = backlog.assets.front();
    CHECK(after.name == "CRM-SQL-01");
    CHECK(attribute(after, "cores") == "8");
    CHECK(attribute(after, "owner_team") == "\"dba\""); // an attribute the export lacks is kept
    CHECK(attribute(after, "annotation") ==
          "\"Owner: CRM team\\nPatch window: Sun 02:00, \\\"critical\\\"\"");
    CHECK(after.kind == before.kind); // not the --kind of new assets
    CHECK(after.estimate == before.estimate);
    CHECK(after.status == before.status);
    CHECK(after.priority == before.priority);
    CHECK(after.strategy == before.strategy);
    CHECK(after.tags == before.tags);
    CHECK(after.tasks == before.tasks);
    CHECK(after.notes == before.notes);
    CHECK(after.workload == before.workload);
    CHECK(backlog.iterations.front().committed == std::vector<std::string>{"crm-sql-01"});

    REQUIRE(backlog.assets.size() == 3); // the template was skipped
    CHECK(backlog.assets[1].id == "crm-app-01");
    CHECK(backlog.assets[1].kind == mbl::AssetKind::other);
    CHECK_FALSE(backlog.assets[1].workload.has_value());
    CHECK(attribute(backlog.assets[1], "power_state") == "\"poweredOff\"");
    CHECK(attribute(backlog.assets[1], "disk_gb") == "102.4");   // 104857 MiB
    CHECK(attribute(backlog.assets[1], "disk_used_gb") == "20"); // 20480 MiB
    CHECK(attribute(backlog.assets[1], "source_id") == "\"4213b2e3-0000-4000-8000-000000000002\"");
    CHECK(attribute(backlog.assets[1], "dns_name") == "(absent)");
    CHECK(backlog.assets[2].id == "zurich-file-server");
    CHECK(backlog.assets[2].name == "Zürich File Server");
    CHECK(row_at(plan, 5).reason ==
          "an RVTools template (Template = True), not a server to migrate");

    // The same export again changes nothing.
    mbl::InventoryPlan again = plan_of(backlog, "rvtools-vinfo.csv", options);
    CHECK(again.count(RowAction::unchanged) == 3);
    std::string text = mbl::to_canonical_text(backlog);
    mbl::apply_inventory_plan(backlog, again);
    CHECK(mbl::to_canonical_text(backlog) == text);
}

TEST_CASE("import inventory: an asset whose id an older mbl spelled differently is updated",
          "[import]") {
    // Before names were spelled in ASCII, `Zürich File Server` became `z-rich-file-server`: a
    // re-import finds that asset by its name (or its source_id), never adds a twin.
    for (bool with_source : {false, true}) {
        mbl::Backlog backlog;
        mbl::Asset old;
        old.id = "z-rich-file-server";
        old.name = "Zürich File Server";
        if (with_source) {
            old.attributes.emplace_back("source_id",
                                        mbl::RawJson{"\"4213d4e5-0000-4000-8000-000000000004\""});
        }
        backlog.assets.push_back(old);
        mbl::InventoryImportOptions options;
        options.preset = mbl::ImportPreset::rvtools;
        mbl::InventoryPlan plan = plan_of(backlog, "rvtools-vinfo.csv", options);
        const mbl::PlannedRow& zurich = row_at(plan, 6);
        CHECK(zurich.id == "z-rich-file-server");
        CHECK(zurich.action == RowAction::update);
        mbl::apply_inventory_plan(backlog, plan);
        CHECK(std::count_if(backlog.assets.begin(), backlog.assets.end(), [](const auto& asset) {
                  return asset.name == "Zürich File Server";
              }) == 1);
    }
}

TEST_CASE("import inventory: applying a plan by moving it gives the same backlog", "[import]") {
    mbl::InventoryImportOptions options;
    options.preset = mbl::ImportPreset::rvtools;
    mbl::Backlog copied = import_sample_backlog();
    mbl::Backlog moved = import_sample_backlog();
    mbl::InventoryPlan plan = plan_of(copied, "rvtools-vinfo.csv", options);
    REQUIRE(plan.count(RowAction::add) == 2);
    REQUIRE(plan.count(RowAction::update) == 1);
    mbl::apply_inventory_plan(copied, plan);
    mbl::InventoryPlan given = plan;
    mbl::apply_inventory_plan(moved, std::move(given));
    CHECK(mbl::to_canonical_text(moved) == mbl::to_canonical_text(copied));
    // What a report of the plan shows is still there.
    const mbl::PlannedRow& added = row_at(given, 4);
    REQUIRE(added.action == RowAction::add);
    CHECK(added.asset.id == "crm-app-01");
    CHECK(added.asset.name == row_at(plan, 4).asset.name);
    CHECK(added.attribute_count == row_at(plan, 4).asset.attributes.size());
    CHECK(added.asset.attributes.empty()); // moved into the backlog
    CHECK(row_at(given, 2).asset.name == "CRM-SQL-01");
}

TEST_CASE("import inventory: rows are planned as a reader gives them", "[import]") {
    mbl::Backlog backlog = import_sample_backlog();
    mbl::InventoryImportOptions options;
    options.preset = mbl::ImportPreset::rvtools;
    std::string csv = import_sample("rvtools-vinfo.csv");
    std::unique_ptr<mbl::TableReader> reader = mbl::open_csv(csv, "vInfo.csv");
    mbl::InventoryPlan streamed =
        mbl::plan_inventory_import(backlog, *reader, options, "vInfo.csv");
    mbl::InventoryPlan whole = plan_of(backlog, "rvtools-vinfo.csv", options);
    REQUIRE(streamed.rows.size() == whole.rows.size());
    for (std::size_t i = 0; i < whole.rows.size(); ++i) {
        CHECK(streamed.rows[i].line == whole.rows[i].line);
        CHECK(streamed.rows[i].action == whole.rows[i].action);
        CHECK(streamed.rows[i].asset == whole.rows[i].asset);
    }
    // An unchanged row holds no copy of its asset: the backlog has it.
    mbl::apply_inventory_plan(backlog, whole);
    mbl::InventoryPlan again = plan_of(backlog, "rvtools-vinfo.csv", options);
    REQUIRE(again.rows.front().action == RowAction::unchanged);
    CHECK(again.rows.front().asset.id.empty());
    CHECK(again.rows.front().id == "crm-sql-01");
}

TEST_CASE("import inventory: disk_gb is the sum of the disk sizes to two decimals", "[import]") {
    mbl::Backlog backlog;
    std::string csv = "*Server name,Disk 2 size (In GB),Disk 1 size (In GB),Disk 3 size (In GB)\n"
                      "a,0.1,0.2,\n"
                      "b,,,\n";
    mbl::InventoryImportOptions options;
    options.preset = mbl::ImportPreset::azure_migrate;
    mbl::InventoryPlan plan =
        mbl::plan_inventory_import(backlog, mbl::read_csv(csv, "in.csv"), options, "in.csv");
    CHECK(attribute(plan.rows[0].asset, "disk_gb") == "0.3");
    CHECK(attribute(plan.rows[0].asset, "disks") ==
          "[\n  {\n    \"name\": \"disk1\",\n    \"size_gb\": 0.2\n  },\n"
          "  {\n    \"name\": \"disk2\",\n    \"size_gb\": 0.1\n  }\n]");
    CHECK(plan.rows[1].asset.attributes.empty()); // no disk has a value: no disks, no disk_gb
}

TEST_CASE("import inventory, generic: --map names the columns", "[import]") {
    mbl::Backlog backlog = import_sample_backlog();
    mbl::InventoryImportOptions options;
    options.mappings = {"hostname=name", "vcpu=attributes.cores", "ram_gb=attributes.memory_gb",
                        "environment=attributes.environment", "owner=-"};
    mbl::InventoryPlan plan = plan_of(backlog, "generic-cmdb.csv", options);
    REQUIRE(plan.count(RowAction::add) == 3);
    const mbl::Asset& batch = row_at(plan, 4).asset;
    CHECK(batch.id == "pay-batch");
    CHECK(attribute(batch, "cores") == "2");
    CHECK(attribute(batch, "memory_gb") == "8");
    CHECK(attribute(batch, "environment") == "\"test, staging\"");
    CHECK(plan.ignored_columns == std::vector<std::string>{"fqdn", "owner"});

    options.mappings = {"fqdn=id", "hostname=name"};
    mbl::InventoryPlan by_id = plan_of(backlog, "generic-cmdb.csv", options);
    CHECK(row_at(by_id, 2).asset.id == "pay-api-01.contoso.local");
    CHECK(row_at(by_id, 4).asset.id == "pay-batch"); // no id cell: the name's slug
}

TEST_CASE("import inventory refuses bad columns, mappings and values", "[import]") {
    mbl::Backlog backlog = import_sample_backlog();
    auto refusal = [&](const std::string& csv, mbl::InventoryImportOptions options) {
        return error_from([&] {
            mbl::plan_inventory_import(backlog, mbl::read_csv(csv, "in.csv"), options, "in.csv");
        });
    };
    mbl::InventoryImportOptions rvtools;
    rvtools.preset = mbl::ImportPreset::rvtools;
    mbl::Error missing = refusal("Name,CPUs\nx,2\n", rvtools);
    CHECK(missing.status() == mbl::ExitStatus::input);
    CHECK_THAT(missing.what(), StartsWith("in.csv:1: no 'VM' column, which the rvtools preset"));

    mbl::Error not_number = refusal("VM,CPUs\nx,2\ny,four\n", rvtools);
    CHECK(not_number.status() == mbl::ExitStatus::input);
    CHECK_THAT(not_number.what(), StartsWith("in.csv:3: column 'CPUs': 'four' is not a number"));

    mbl::InventoryImportOptions generic;
    CHECK_THAT(refusal("host,cpu\nx,2\n", generic).what(),
               Contains("the generic preset needs to know which column names the server"));
    generic.mappings = {"host"};
    CHECK(refusal("host,cpu\nx,2\n", generic).status() == mbl::ExitStatus::usage);
    generic.mappings = {"hots=name"};
    CHECK_THAT(refusal("host,cpu\nx,2\n", generic).what(), Contains("has no column 'hots'"));
    generic.mappings = {"host=title"};
    CHECK_THAT(refusal("host,cpu\nx,2\n", generic).what(),
               Contains("must be name, id, source_id, ips, attributes.KEY or -"));

    mbl::InventoryImportOptions unknown_workload;
    unknown_workload.preset = mbl::ImportPreset::rvtools;
    unknown_workload.workload = "crn";
    mbl::Error workload = refusal("VM\nx\n", unknown_workload);
    CHECK(workload.status() == mbl::ExitStatus::input);
    CHECK_THAT(workload.what(), Contains("did you mean 'crm'"));

    mbl::Backlog new_backlog; // `mbl init` then an import: no workload to name yet
    unknown_workload.workload = "dc";
    mbl::Error no_workloads = error_from([&] {
        mbl::plan_inventory_import(new_backlog, mbl::read_csv("VM\nx\n", "in.csv"),
                                   unknown_workload, "in.csv");
    });
    CHECK(no_workloads.status() == mbl::ExitStatus::input);
    CHECK(std::string(no_workloads.what()) ==
          "unknown workload 'dc'; the backlog has no workloads yet ('mbl workload add ID' adds "
          "one)");
}

TEST_CASE("import inventory reports progress every N rows and at the end", "[import]") {
    mbl::Backlog backlog;
    std::string csv = "VM,CPUs\n";
    for (int i = 0; i < 1234; ++i) {
        csv += "vm-" + std::to_string(i) + ",2\n";
    }
    mbl::InventoryImportOptions options;
    options.preset = mbl::ImportPreset::rvtools;
    options.progress_every = 500;
    std::vector<std::pair<std::size_t, bool>> calls;
    options.progress = [&](std::size_t done, bool finished) { calls.emplace_back(done, finished); };
    mbl::InventoryPlan plan =
        mbl::plan_inventory_import(backlog, mbl::read_csv(csv, "in.csv"), options, "in.csv");
    CHECK(plan.count(RowAction::add) == 1234);
    CHECK(calls ==
          std::vector<std::pair<std::size_t, bool>>{{500, false}, {1000, false}, {1234, true}});
    mbl::apply_inventory_plan(backlog, plan);
    CHECK(backlog.assets.size() == 1234);
    CHECK(backlog.assets.back().id == "vm-1233");
}
