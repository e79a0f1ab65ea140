// The presets (import_presets.cpp, import_detect.cpp) on the sample exports of tests/data/import:
// header variants, the attributes every preset writes under the same names, source_id and the
// re-import of a renamed VM, and recognising a preset from the header row.
#include "import_samples.hpp"
#include "mbl/error.hpp"
#include "mbl/import.hpp"
#include "mbl/load.hpp"
#include "mbl/raw_json.hpp"
#include "mbl/save.hpp"
#include "support/error_from.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using mbl::ImportPreset;
using mbl::RowAction;
using mbl::test::error_from;
using mbl::test::import_sample;

namespace {

std::string attribute(const mbl::Asset& asset, std::string_view key) {
    for (const auto& [name, value] : asset.attributes) {
        if (name == key) {
            return mbl::one_line(value);
        }
    }
    return "(absent)";
}

// `attributes` by key, each value on one line: the same facts whatever the column order.
std::vector<std::pair<std::string, std::string>> sorted(const mbl::RawObject& attributes) {
    std::vector<std::pair<std::string, std::string>> list;
    for (const auto& [key, value] : attributes) {
        list.emplace_back(key, mbl::one_line(value));
    }
    std::sort(list.begin(), list.end());
    return list;
}

mbl::CsvTable table_of(const std::string& file) {
    return mbl::read_csv(import_sample(file), file);
}

mbl::InventoryPlan plan_of(const mbl::Backlog& backlog, const std::string& file,
                           ImportPreset preset) {
    mbl::InventoryImportOptions options;
    options.preset = preset;
    return mbl::plan_inventory_import(backlog, table_of(file), options, file);
}

const mbl::Asset& added(const mbl::InventoryPlan& plan, std::string_view id) {
    for (const mbl::PlannedRow& row : plan.rows) {
        if (row.id == id && row.action == RowAction::add) {
            return row.asset;
        }
    }
    FAIL("no asset '" << id << "' added");
    throw std::logic_error("unreachable");
}

} // namespace

TEST_CASE("import presets: each sample's header names its preset", "[import][presets]") {
    CHECK(mbl::detect_inventory_preset(table_of("rvtools-vinfo.csv").header) ==
          ImportPreset::rvtools);
    CHECK(mbl::detect_inventory_preset(table_of("rvtools-vinfo-3x.csv").header) ==
          ImportPreset::rvtools);
    CHECK(mbl::detect_inventory_preset(table_of("rvtools-vinfo-prefixed.csv").header) ==
          ImportPreset::rvtools);
    CHECK(mbl::detect_inventory_preset(table_of("azure-migrate-servers.csv").header) ==
          ImportPreset::azure_migrate);
    CHECK(mbl::detect_inventory_preset(table_of("azure-migrate-assessment.csv").header) ==
          ImportPreset::azure_migrate_assessment);
    CHECK(mbl::detect_inventory_preset(table_of("azure-migrate-discovered.csv").header) ==
          ImportPreset::azure_migrate_discovered);
    CHECK(mbl::detect_inventory_preset(table_of("aws-ads.csv").header) == ImportPreset::aws_ads);
    CHECK_FALSE(mbl::detect_inventory_preset(table_of("generic-cmdb.csv").header));
    CHECK_FALSE(mbl::detect_inventory_preset(table_of("azure-migrate-dependencies.csv").header));
    CHECK(mbl::is_dependency_export(table_of("azure-migrate-dependencies-by-ip.csv").header));
    CHECK_FALSE(mbl::is_dependency_export(table_of("rvtools-vinfo.csv").header));

    mbl::Error error = error_from([] {
        mbl::detect_inventory_preset_or_throw(table_of("generic-cmdb.csv").header, "cmdb.csv", 1);
    });
    CHECK(error.status() == mbl::ExitStatus::input);
    CHECK_THAT(error.what(), StartsWith("cmdb.csv:1: the header row is not one of a preset's"));
    CHECK_THAT(error.what(), Contains("--preset generic --map 'COLUMN=name'"));
    for (std::string_view name : mbl::import_preset_names()) {
        if (name != "generic") {
            CHECK_THAT(error.what(), Contains("\n  " + std::string(name)));
        }
    }
    CHECK_THAT(error.what(), Contains("ExternalId, RAM.TotalSizeInMB"));
}

TEST_CASE("import presets: preset names round-trip", "[import][presets]") {
    for (std::string_view name : mbl::import_preset_names()) {
        REQUIRE(mbl::parse_import_preset(name));
        CHECK(mbl::to_string(*mbl::parse_import_preset(name)) == name);
    }
    CHECK(mbl::import_preset_names().size() == 6);
    CHECK_FALSE(mbl::parse_import_preset("azure"));
}

TEST_CASE("import presets, rvtools: 4.x, 3.x and vInfo-prefixed headers give the same assets",
          "[import][presets]") {
    mbl::Backlog empty;
    mbl::InventoryPlan four = plan_of(empty, "rvtools-vinfo.csv", ImportPreset::rvtools);
    const mbl::Asset& sql = added(four, "crm-sql-01");
    CHECK(attribute(sql, "cores") == "8");
    CHECK(attribute(sql, "memory_mb") == "65536");
    CHECK(attribute(sql, "disk_gb") == "655.36");      // 671088 MiB
    CHECK(attribute(sql, "disk_used_gb") == "402.35"); // 412003 MiB
    CHECK(attribute(sql, "power_state") == "\"poweredOn\"");
    CHECK(attribute(sql, "datacenter") == "\"DC-West\"");
    CHECK(attribute(sql, "cluster") == "\"Prod-Cluster\"");
    CHECK(attribute(sql, "host") == "\"esx01.contoso.local\"");
    CHECK(attribute(sql, "os") == "\"Microsoft Windows Server 2019 (64-bit)\"");
    CHECK(attribute(sql, "ips") == "[\"10.10.2.20\"]");
    CHECK(attribute(sql, "source_id") == "\"4213a1f2-9c1e-5b7a-8d3e-0a1b2c3d4e5f\"");
    CHECK(four.count(RowAction::skip) == 1); // the template

    mbl::InventoryPlan three = plan_of(empty, "rvtools-vinfo-3x.csv", ImportPreset::rvtools);
    mbl::InventoryPlan prefixed =
        plan_of(empty, "rvtools-vinfo-prefixed.csv", ImportPreset::rvtools);
    auto ignored = [](const mbl::InventoryPlan& plan, std::string_view column) {
        return std::find(plan.ignored_columns.begin(), plan.ignored_columns.end(), column) !=
               plan.ignored_columns.end();
    };
    CHECK_FALSE(ignored(three, "Provisioned MB"));
    CHECK_FALSE(ignored(three, "In Use MB"));
    CHECK(ignored(three, "Unshared MB"));
    REQUIRE(three.rows.size() == four.rows.size());
    REQUIRE(prefixed.rows.size() == four.rows.size());
    for (std::size_t i = 0; i < four.rows.size(); ++i) {
        CAPTURE(four.rows[i].line);
        CHECK(three.rows[i].action == four.rows[i].action);
        CHECK(sorted(three.rows[i].asset.attributes) == sorted(four.rows[i].asset.attributes));
        CHECK(prefixed.rows[i].action == four.rows[i].action);
        CHECK(prefixed.rows[i].id == four.rows[i].id);
        // The prefixed sample has every mapped column but Firmware and Annotation.
        for (const auto& [key, value] : four.rows[i].asset.attributes) {
            CAPTURE(key);
            std::string expected =
                key == "boot_type" || key == "annotation" ? "(absent)" : mbl::one_line(value);
            CHECK(attribute(prefixed.rows[i].asset, key) == expected);
        }
    }
    CHECK(attribute(added(three, "crm-sql-01"), "disk_used_gb") == "402.35");
    CHECK(attribute(added(prefixed, "crm-sql-01"), "disk_gb") == "655.36");
    CHECK(attribute(added(prefixed, "crm-sql-01"), "dns_name") == "\"crmsql01.contoso.local\"");
}

TEST_CASE("import presets, rvtools: a template is never an asset, however it is spelled",
          "[import][presets]") {
    mbl::Backlog empty;
    std::string csv = "VM,Template,CPUs\na,True,1\nb,TRUE,1\nc,true,1\nd,1,1\ne,False,1\nf,0,1\n";
    mbl::InventoryImportOptions options;
    options.preset = ImportPreset::rvtools;
    mbl::InventoryPlan plan =
        mbl::plan_inventory_import(empty, mbl::read_csv(csv, "in.csv"), options, "in.csv");
    CHECK(plan.count(RowAction::skip) == 4);
    CHECK(plan.count(RowAction::add) == 2);
    CHECK(plan.rows[4].id == "e");
}

TEST_CASE("import presets: Azure Migrate's assessment and discovered servers, AWS ADS",
          "[import][presets]") {
    mbl::Backlog empty;
    mbl::InventoryPlan assessed =
        plan_of(empty, "azure-migrate-assessment.csv", ImportPreset::azure_migrate_assessment);
    const mbl::Asset& sql = added(assessed, "crm-sql-01");
    CHECK(attribute(sql, "cores") == "8");
    CHECK(attribute(sql, "memory_mb") == "65536");
    CHECK(attribute(sql, "disk_gb") == "655.36");
    CHECK(attribute(sql, "host") == "\"esx01.contoso.local\"");
    CHECK(attribute(sql, "os") == "\"Microsoft Windows Server 2019 Datacenter\"");
    CHECK(attribute(sql, "ips") == "[\"10.10.2.20\", \"fe80::5d:1a2b:3c4d:5e6f\"]");
    CHECK(attribute(sql, "source_id") == "\"4213a1f2-9c1e-5b7a-8d3e-0a1b2c3d4e5f\"");
    CHECK(attribute(sql, "azure_size") == "\"Standard_E8s_v5\"");
    CHECK(attribute(added(assessed, "crm-app-01"), "ips") == "(absent)");

    mbl::InventoryPlan discovered =
        plan_of(empty, "azure-migrate-discovered.csv", ImportPreset::azure_migrate_discovered);
    const mbl::Asset& found = added(discovered, "crm-sql-01");
    CHECK(attribute(found, "ips") == "[\"10.10.2.20\", \"10.10.2.21\"]");
    CHECK(attribute(found, "power_state") == "\"ON\"");
    CHECK(attribute(found, "memory_mb") == "65536");
    CHECK(attribute(found, "disk_count") == "2");
    CHECK(attribute(found, "source_id") == "\"4213a1f2-9c1e-5b7a-8d3e-0a1b2c3d4e5f\"");
    CHECK(attribute(added(discovered, "old-ftp-02"), "power_state") == "\"OFF\"");

    mbl::InventoryPlan aws = plan_of(empty, "aws-ads.csv", ImportPreset::aws_ads);
    const mbl::Asset& db = added(aws, "pay-db-01.contoso.local");
    CHECK(attribute(db, "source_id") == "\"INV-4711\"");
    CHECK(attribute(db, "cores") == "8");
    CHECK(attribute(db, "logical_cores") == "16");
    CHECK(attribute(db, "memory_mb") == "65536");
    CHECK(attribute(db, "os") == "\"Linux\"");
    CHECK(attribute(db, "os_version") == "\"Ubuntu 22.04\"");
    CHECK(attribute(db, "ips") == "[\"10.30.1.10\"]");
    const mbl::Asset& api = added(aws, "pay-api-01"); // no HostName: VMware.VMName
    CHECK(api.name == "PAY-API-01");
    CHECK(attribute(api, "ips") == "[\"10.30.1.20\", \"10.30.1.21\"]");
    // No ExternalId: the vCenter's MoRef id within it.
    CHECK(attribute(added(aws, "pay-batch.contoso.local"), "source_id") == "\"vcenter03/vm-3003\"");
}

TEST_CASE("import presets: a renamed VM updates its asset by source_id", "[import][presets]") {
    mbl::Backlog backlog =
        mbl::load_backlog_or_throw(import_sample("backlog.json"), "backlog.json");
    mbl::apply_inventory_plan(backlog,
                              plan_of(backlog, "rvtools-vinfo.csv", ImportPreset::rvtools));
    const std::size_t assets = backlog.assets.size();

    mbl::InventoryPlan renamed =
        plan_of(backlog, "rvtools-vinfo-renamed.csv", ImportPreset::rvtools);
    CHECK(renamed.count(RowAction::add) == 0);
    REQUIRE(renamed.count(RowAction::update) == 1);
    const mbl::PlannedRow& row = renamed.rows[1];
    CHECK(row.action == RowAction::update);
    CHECK(row.id == "crm-app-01");
    CHECK(row.fields == std::vector<std::string>{"name"});
    mbl::apply_inventory_plan(backlog, renamed);
    CHECK(backlog.assets.size() == assets);
    CHECK(backlog.assets[1].id == "crm-app-01");
    CHECK(backlog.assets[1].name == "crm-app-01-renamed");

    // Another server that only shares a name with an asset is not merged into it.
    std::string csv = "VM,VM UUID\ncrm-app-01-renamed,0000-other\n";
    mbl::InventoryImportOptions options;
    options.preset = ImportPreset::rvtools;
    mbl::InventoryPlan twin =
        mbl::plan_inventory_import(backlog, mbl::read_csv(csv, "in.csv"), options, "in.csv");
    CHECK(twin.rows[0].action == RowAction::skip);
    CHECK_THAT(twin.rows[0].reason,
               StartsWith("asset 'crm-app-01' has source_id \"4213b2e3-0000-4000-8000-"
                          "000000000002\", this row \"0000-other\""));

    // Two rows with one source id: the second is skipped.
    csv = "VM,VM UUID\nx,u-1\ny,u-1\n";
    mbl::InventoryPlan twice =
        mbl::plan_inventory_import(backlog, mbl::read_csv(csv, "in.csv"), options, "in.csv");
    CHECK(twice.rows[1].reason == "the same source_id \"u-1\" as line 2");
}

TEST_CASE("import presets: IP lists are split, lowercased and kept once", "[import][presets]") {
    mbl::Backlog empty;
    std::string csv = "hostname,addresses\n"
                      "a,\"10.0.0.4; 10.0.0.5,FE80::1  10.0.0.4 N/A\"\n"
                      "b,[10.0.0.9]\n"
                      "c,-\n";
    mbl::InventoryImportOptions options;
    options.mappings = {"hostname=name", "addresses=ips"};
    mbl::InventoryPlan plan =
        mbl::plan_inventory_import(empty, mbl::read_csv(csv, "in.csv"), options, "in.csv");
    CHECK(attribute(plan.rows[0].asset, "ips") == "[\"10.0.0.4\", \"10.0.0.5\", \"fe80::1\"]");
    CHECK(attribute(plan.rows[1].asset, "ips") == "[\"10.0.0.9\"]");
    CHECK(attribute(plan.rows[2].asset, "ips") == "(absent)");
}

TEST_CASE("import presets, rvtools: vNetwork's rows per adapter add every address once",
          "[import][presets]") {
    mbl::Backlog backlog =
        mbl::load_backlog_or_throw(import_sample("backlog.json"), "backlog.json");
    mbl::apply_inventory_plan(backlog,
                              plan_of(backlog, "rvtools-vinfo.csv", ImportPreset::rvtools));
    CHECK(mbl::detect_inventory_preset(table_of("rvtools-vnetwork.csv").header) ==
          ImportPreset::rvtools);

    mbl::InventoryPlan network = plan_of(backlog, "rvtools-vnetwork.csv", ImportPreset::rvtools);
    REQUIRE(network.rows.size() == 5);
    CHECK(network.rows[0].action == RowAction::update);
    CHECK(network.rows[0].fields == std::vector<std::string>{"attributes.ips"});
    CHECK(network.rows[1].action == RowAction::unchanged); // its address went to line 2
    CHECK(network.rows[1].id == "crm-sql-01");
    CHECK(attribute(network.rows[0].asset, "ips") ==
          "[\"10.10.2.20\", \"fe80::250:56ff:fe01:203\", \"10.10.2.21\"]");
    CHECK(attribute(network.rows[2].asset, "ips") ==
          "[\"10.10.2.40\", \"192.168.50.40\", \"192.168.50.41\"]");
    CHECK(network.rows[4].action == RowAction::skip); // the template
    mbl::apply_inventory_plan(backlog, network);

    // Again: every row unchanged, also the first of each server.
    mbl::InventoryPlan again = plan_of(backlog, "rvtools-vnetwork.csv", ImportPreset::rvtools);
    CHECK(again.count(RowAction::unchanged) == 4);
    CHECK(again.count(RowAction::update) == 0);
}

TEST_CASE("import presets: a plan without its assets (keep_assets false) reports the same rows",
          "[import][presets]") {
    mbl::Backlog backlog =
        mbl::load_backlog_or_throw(import_sample("backlog.json"), "backlog.json");
    mbl::InventoryImportOptions options;
    options.preset = ImportPreset::rvtools;
    mbl::Backlog empty;
    for (const mbl::Backlog* into : {&backlog, &empty}) { // updates, and adds (with merged ips)
        for (const char* file : {"rvtools-vinfo.csv", "rvtools-vnetwork.csv"}) {
            CAPTURE(file, into == &empty);
            options.keep_assets = true;
            mbl::InventoryPlan kept =
                mbl::plan_inventory_import(*into, table_of(file), options, file);
            options.keep_assets = false;
            mbl::InventoryPlan reported =
                mbl::plan_inventory_import(*into, table_of(file), options, file);
            REQUIRE(reported.rows.size() == kept.rows.size());
            for (std::size_t i = 0; i < kept.rows.size(); ++i) {
                const mbl::PlannedRow& full = kept.rows[i];
                const mbl::PlannedRow& slim = reported.rows[i];
                CHECK(slim.action == full.action);
                CHECK(slim.id == full.id);
                CHECK(slim.fields == full.fields);
                CHECK(slim.asset.id == full.asset.id);
                CHECK(slim.asset.name == full.asset.name);
                CHECK(slim.asset.attributes.empty());
                if (full.action == RowAction::add) {
                    CHECK(slim.attribute_count == full.asset.attributes.size());
                    CHECK(full.attribute_count == full.asset.attributes.size());
                }
            }
        }
    }
}
