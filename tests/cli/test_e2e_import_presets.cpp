// mbl import inventory/dependencies end to end with every preset: recognised from the header,
// the facts kept under the same attribute names, a renamed VM, dependencies found by IP. On a
// temporary copy of tests/data/import/backlog.json; stdout, stderr, exit code and the file after.
#include "import_fixtures.hpp"
#include "support/backlog_json.hpp"
#include "support/refusal.hpp"
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace mbl::test;
using nlohmann::json;

TEST_CASE("import inventory without --preset recognises each export and says which",
          "[e2e][import][presets]") {
    const std::vector<std::pair<std::string, std::string>> samples{
        {"rvtools-vinfo.csv", "rvtools"},
        {"rvtools-vinfo-3x.csv", "rvtools"},
        {"rvtools-vinfo-prefixed.csv", "rvtools"},
        {"azure-migrate-servers.csv", "azure-migrate"},
        {"azure-migrate-assessment.csv", "azure-migrate-assessment"},
        {"azure-migrate-discovered.csv", "azure-migrate-discovered"},
        {"aws-ads.csv", "aws-ads"},
    };
    for (const auto& [file, preset] : samples) {
        CAPTURE(file);
        TempBacklog backlog = crm_backlog();
        std::string out = run_ok(backlog, {"import", "inventory", sample(file)});
        CHECK(contains(lines_of(out)[0], "(" + preset + ", recognised from the header, read as "));
        json report =
            json::parse(run_ok(backlog, {"import", "inventory", sample(file), "--format", "json"}));
        CHECK(report["preset"] == preset);
        CHECK(report["preset_detected"] == true);
        CHECK(report["summary"]["added"] == 0); // the second time, nothing new
        CHECK(report["summary"]["updated"] == 0);
        CHECK(run_ok(backlog, {"validate"}).find("is valid") != std::string::npos);
    }
}

TEST_CASE("every preset keeps the planner's facts under the same names", "[e2e][import][presets]") {
    TempBacklog backlog = crm_backlog();
    run_ok(backlog, {"import", "inventory", sample("rvtools-vinfo-3x.csv")});
    json file = json::parse(backlog.text());
    // Empty cells (DNS Name, Primary IP Address, Annotation) set nothing.
    CHECK(asset_in(file, "crm-app-01")["attributes"] == json::parse(R"j({
        "power_state": "poweredOff", "cores": 4, "memory_mb": 16384, "nics": 2,
        "disk_count": 1, "disk_gb": 102.4, "disk_used_gb": 20, "boot_type": "bios",
        "datacenter": "DC-West", "cluster": "Prod-Cluster", "host": "esx02.contoso.local",
        "os": "Red Hat Enterprise Linux 8 (64-bit)",
        "source_id": "4213b2e3-0000-4000-8000-000000000002"})j"));

    TempBacklog aws = crm_backlog();
    run_ok(aws, {"import", "inventory", sample("aws-ads.csv"), "--preset", "aws-ads"});
    json db = asset_in(json::parse(aws.text()), "pay-db-01.contoso.local")["attributes"];
    CHECK(db["cores"] == 8);
    CHECK(db["memory_mb"] == 65536);
    CHECK(db["ips"] == json::array({"10.30.1.10"}));
    CHECK(db["source_id"] == "INV-4711");

    TempBacklog assessed = crm_backlog();
    run_ok(assessed, {"import", "inventory", sample("azure-migrate-assessment.csv")});
    json sql = asset_in(json::parse(assessed.text()), "crm-sql-01")["attributes"];
    CHECK(sql["cores"] == 8);
    CHECK(sql["disk_gb"] == 655.36);
    CHECK(sql["ips"] == json::array({"10.10.2.20", "fe80::5d:1a2b:3c4d:5e6f"}));
    CHECK(sql["owner_team"] == "dba"); // the team's attribute is kept
}

TEST_CASE("a VM renamed in vCenter updates its asset on re-import", "[e2e][import][presets]") {
    TempBacklog backlog = crm_backlog();
    run_ok(backlog, {"import", "inventory", sample("rvtools-vinfo.csv"), "--workload", "crm"});
    run_ok(backlog, {"asset", "set", "crm-app-01", "status=replicated", "estimate=6"});
    json before = json::parse(backlog.text());

    std::string out = run_ok(backlog, {"import", "inventory", sample("rvtools-vinfo-renamed.csv")});
    CHECK(contains(lines_of(out)[0], "0 added, 1 updated, 2 unchanged, 1 skipped"));
    CHECK(contains(out, "update     4  crm-app-01"));
    json file = json::parse(backlog.text());
    REQUIRE(file["assets"].size() == before["assets"].size()); // no twin
    json app = asset_in(file, "crm-app-01");
    CHECK(app["name"] == "crm-app-01-renamed");
    CHECK(app["status"] == "replicated");
    CHECK(app["estimate"] == 6);
    CHECK(app["attributes"]["source_id"] == "4213b2e3-0000-4000-8000-000000000002");
    CHECK(run_ok(backlog, {"validate"}).find("is valid") != std::string::npos);
}

TEST_CASE("an unrecognised header is refused with the presets and their columns",
          "[e2e][import][presets]") {
    TempBacklog backlog = crm_backlog();
    std::string cmdb = sample("generic-cmdb.csv");
    require_refused(backlog, {"import", "inventory", cmdb}, 3,
                    cmdb + ":1: the header row is not one of a preset's; name it with --preset");
    RunResult refused = backlog.run({"import", "inventory", cmdb});
    for (const char* preset : {"aws-ads", "rvtools", "azure-migrate-assessment", "azure-migrate ",
                               "azure-migrate-discovered"}) {
        CHECK(contains(refused.err, std::string("\n  ") + preset));
    }
    CHECK(contains(refused.err, "VM (or vInfoVMName) with Powerstate, Template or CPUs"));
    // --map alone means generic.
    std::string out = run_ok(backlog, {"import", "inventory", cmdb, "--map", "hostname=name"});
    CHECK(contains(lines_of(out)[0],
                   "(generic, read as ','-separated UTF-8, decimal point): 3 added"));
    require_refused(backlog, {"import", "dependencies", sample("aws-ads.csv")}, 3,
                    "the header row is not Azure Migrate's dependency export");
    std::string deps = sample("azure-migrate-dependencies-by-ip.csv");
    require_refused(backlog, {"import", "inventory", deps}, 3,
                    deps + ":1: this is Azure Migrate's dependency export, not an inventory; "
                           "import it with 'mbl import dependencies");

    // A new preset's number column: the line, the column, what to write instead.
    std::filesystem::path assessed = backlog.dir() / "assessed.csv";
    write_file(assessed, "Machine,Cores,Memory(MB)\nAPP-01,4,4096\nAPP-02,four,4096\n");
    require_refused(backlog, {"import", "inventory", assessed.string()}, 3,
                    assessed.string() + ":3: column 'Cores': 'four' is not a number");
}

TEST_CASE("import dependencies finds servers by IP and groups what stays unknown",
          "[e2e][import][presets]") {
    TempBacklog backlog = crm_backlog();
    run_ok(backlog, {"import", "inventory", sample("rvtools-vinfo.csv"), "--workload", "crm"});
    run_ok(backlog,
           {"import", "inventory", sample("azure-migrate-servers.csv"), "--workload", "crm"});
    std::string deps = sample("azure-migrate-dependencies-by-ip.csv");

    RunResult result = backlog.run({"import", "dependencies", deps});
    CAPTURE(result);
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.empty());
    std::vector<std::string> lines = lines_of(result.out);
    CHECK(contains(lines[0],
                   "(azure-migrate, recognised from the header, read as ','-separated UTF-8, "
                   "decimal point): 3 added, 0 already "
                   "present, 8 rows matched by IP"));
    CHECK(contains(lines[0], "4 unknown servers (12 rows)"));
    CHECK(contains(result.out, "destination server 10.10.9.5"));
    CHECK(contains(result.out, "source server 'BACKUP-01' (10.10.9.50)"));
    CHECK(std::count(result.out.begin(), result.out.end(), '\n') < 30); // grouped, not per row

    json file = json::parse(backlog.text());
    CHECK(asset_in(file, "crm-web-01")["depends_on"] == json::array({"crm-app-01", "crm-sql-01"}));
    CHECK(asset_in(file, "crm-app-01")["depends_on"] == json::array({"crm-sql-01"}));
    CHECK(asset_in(file, "crm-web-01")["attributes"]["dependency_ports"] ==
          json::parse(R"({"crm-app-01": [8080, 8443], "crm-sql-01": [1433]})"));
    CHECK(file["assets"].size() == 6); // nothing invented for the unknown servers

    std::string shown = run_ok(backlog, {"asset", "show", "crm-web-01"});
    CHECK(contains(shown, "dependency_ports"));
    CHECK(contains(shown, "8443"));

    // The same file again: nothing changes, the file keeps its bytes.
    std::string text = backlog.text();
    json again = json::parse(run_ok(backlog, {"import", "dependencies", deps, "--format", "json"}));
    CHECK(again["summary"]["added"] == 0);
    CHECK(again["summary"]["already_present"] == 3);
    CHECK(again["summary"]["ports_updated"] == 0);
    CHECK(again["unknown_servers"][0] == json::parse(R"({"side": "destination", "name": null,
        "ip": "10.10.9.5", "rows": 6, "line": 4})"));
    CHECK(backlog.text() == text);
}

TEST_CASE("the README's import lines run as written on examples/imports",
          "[e2e][import][presets]") {
    std::istringstream readme(read_file(std::filesystem::path(MBL_SOURCE_DIR) / "README.md"));
    std::vector<std::vector<std::string>> commands;
    bool in_section = false; // "Importing inventories" (the tour's lines are the tour test's)
    for (std::string line; std::getline(readme, line);) {
        if (line.rfind("## ", 0) == 0) {
            in_section = line == "## Importing inventories";
        }
        if (!in_section || line.rfind("mbl import ", 0) != 0) {
            continue;
        }
        std::istringstream words(line.substr(0, line.find(" #")));
        std::vector<std::string> args;
        for (std::string word; words >> word;) {
            args.push_back(word);
        }
        commands.emplace_back(args.begin() + 1, args.end());
    }
    REQUIRE(commands.size() >= 6);
    TempBacklog backlog = crm_backlog();
    RunOptions from_root;
    from_root.cwd = MBL_SOURCE_DIR;
    for (std::vector<std::string> args : commands) {
        args.insert(args.end(), {"-f", backlog.file().string()});
        RunResult result = backlog.run(args, from_root);
        CAPTURE(args, result);
        CHECK(result.exit_code == 0);
        CHECK(result.err.empty());
    }
    json file = json::parse(backlog.text());
    CHECK(asset_in(file, "crm-app-01")["depends_on"] == json::array({"crm-sql-01"}));
}
