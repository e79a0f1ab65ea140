// mbl import inventory/dependencies end to end: the sample exports of tests/data/import on a
// temporary copy of tests/data/import/backlog.json; stdout, stderr, exit code and the file after.
#include "import_fixtures.hpp"
#include "support/backlog_json.hpp"
#include "support/refusal.hpp"
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <regex>

using namespace mbl::test;
using nlohmann::json;

namespace {

// The asset as the file holds it, without its attributes (the team's fields).
json team_fields(const json& asset) {
    json copy = asset;
    copy.erase("attributes");
    copy.erase("name");
    return copy;
}

} // namespace

TEST_CASE("import inventory --preset azure-migrate adds and updates assets", "[e2e][import]") {
    TempBacklog backlog = crm_backlog();
    json before = json::parse(backlog.original());
    std::string out = run_ok(backlog, {"import", "inventory", sample("azure-migrate-servers.csv"),
                                       "--preset", "azure-migrate", "--workload", "crm"});
    std::vector<std::string> lines = lines_of(out);
    REQUIRE(lines.size() >= 9);
    CHECK(contains(lines[0], "(azure-migrate, read as ','-separated UTF-8 with BOM, decimal "
                             "point): 3 added, 1 updated, 0 unchanged, 2 skipped"));
    CHECK(lines[2].rfind("ACTION  LINE  ID", 0) == 0);
    CHECK(contains(out, "update     2  crm-sql-01"));
    CHECK(contains(out, "skip       6  crm-web-01"));
    CHECK(contains(out, "the same id 'crm-web-01' as line 3"));
    CHECK_FALSE(contains(out, "Columns not imported"));

    json file = json::parse(backlog.text());
    REQUIRE(file["assets"].size() == 4);
    const json& sql = asset_in(file, "crm-sql-01");
    CHECK(team_fields(sql) == team_fields(before["assets"][0])); // estimate, status, tasks, …
    CHECK(sql["name"] == "CRM-SQL-01");
    CHECK(sql["attributes"]["cores"] == 8);
    CHECK(sql["attributes"]["owner_team"] == "dba");
    CHECK(sql["attributes"]["memory_mb"] == 65536);
    CHECK(sql["attributes"]["disks"][1]["size_gb"] == 512);
    CHECK(file["iterations"] == before["iterations"]);
    const json& web = asset_in(file, "crm-web-01");
    CHECK(web["kind"] == "vm");
    CHECK(web["workload"] == "crm");
    CHECK(web["status"] == "not-started");
    CHECK(web["estimate"].is_null());
    CHECK(web["attributes"] == json::parse(R"({"ips": ["10.10.2.30"], "cores": 4,
        "memory_mb": 16384, "os": "Windows Server 2019", "os_architecture": "x64",
        "server_type": "Virtual", "nics": 1, "boot_type": "BIOS", "disk_count": 1,
        "disk_gb": 128, "disks": [{"name": "disk1", "size_gb": 128}]})"));
    CHECK(asset_in(file, "web-legacy-02")["name"] == "web \"legacy\" 02");
    CHECK(run_ok(backlog, {"validate"}).find("is valid") != std::string::npos);
    CHECK(backlog.run({"fmt", "--check"}).exit_code == 0); // written canonically
}

TEST_CASE("import inventory --preset rvtools skips templates; a re-import keeps team fields",
          "[e2e][import]") {
    TempBacklog backlog = crm_backlog();
    run_ok(backlog, {"asset", "set", "crm-sql-01", "status=replicated", "priority=2"});
    json before = json::parse(backlog.text());
    std::string out = run_ok(backlog, {"import", "inventory", sample("rvtools-vinfo.csv"),
                                       "--preset", "rvtools", "--kind", "other"});
    CHECK(contains(out, "2 added, 1 updated, 0 unchanged, 1 skipped"));
    CHECK(contains(out, "skip       5  -                   W2019-GOLD          an RVTools template "
                        "(Template = True), not a server to migrate"));
    json file = json::parse(backlog.text());
    CHECK(team_fields(asset_in(file, "crm-sql-01")) == team_fields(before["assets"][0]));
    CHECK(asset_in(file, "crm-sql-01")["attributes"]["annotation"] ==
          "Owner: CRM team\nPatch window: Sun 02:00, \"critical\"");
    CHECK(asset_in(file, "crm-app-01")["kind"] == "other");
    CHECK_FALSE(asset_in(file, "crm-app-01").contains("workload"));
    CHECK(asset_in(file, "zurich-file-server")["name"] == "Zürich File Server");

    // The same export again: nothing to change, the file keeps its bytes.
    std::string text = backlog.text();
    json again = json::parse(run_ok(backlog, {"import", "inventory", sample("rvtools-vinfo.csv"),
                                              "--preset", "rvtools", "--format", "json"}));
    CHECK(again["summary"] == json::parse(R"({"added": 0, "updated": 0, "unchanged": 3,
                                              "skipped": 1})"));
    CHECK(again["skipped"][0] == json::parse(R"({"line": 5, "id": null, "name": "W2019-GOLD",
        "reason": "an RVTools template (Template = True), not a server to migrate"})"));
    CHECK(backlog.text() == text);
}

TEST_CASE("import inventory --dry-run prints the plan and writes nothing", "[e2e][import]") {
    TempBacklog backlog = crm_backlog();
    json plan = json::parse(
        run_ok(backlog, {"import", "inventory", sample("azure-migrate-servers.csv"), "--preset",
                         "azure-migrate", "--dry-run", "--format", "json"}));
    CHECK(plan["dry_run"] == true);
    CHECK(plan["summary"]["added"] == 3);
    CHECK(plan["updated"][0]["id"] == "crm-sql-01");
    CHECK(plan["updated"][0]["fields"][0] == "name");
    CHECK(plan["added"][2] == json::parse(R"j({"line": 8, "id": "hyperlink-http-x-y",
                          "name": "=HYPERLINK(\"http://x\",\"y\")"
})j"));
    CHECK(backlog.text() == backlog.original());

    std::string out =
        run_ok(backlog, {"import", "inventory", sample("generic-cmdb.csv"), "--preset", "generic",
                         "--map", "hostname=name", "--map", "vcpu=attributes.cores", "--dry-run"});
    CHECK(contains(lines_of(out)[0], "Dry run, nothing written: "));
    CHECK(contains(lines_of(out)[0], "would add 3, update 0, skip 0 (0 unchanged)"));
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE("import inventory refuses bad input and leaves the file as it was", "[e2e][import]") {
    TempBacklog backlog = crm_backlog();
    std::string malformed = sample("malformed-quote.csv");
    require_refused(backlog, {"import", "inventory", malformed, "--preset", "azure-migrate"}, 3,
                    malformed + ":5: malformed CSV at column 23");
    std::string latin1 = sample("not-utf8.csv");
    require_refused(backlog, {"import", "inventory", latin1, "--preset", "rvtools"}, 3,
                    latin1 + ":3: not UTF-8 text");
    require_refused(backlog,
                    {"import", "inventory", sample("rvtools-vinfo.csv"), "--preset", "rvtools",
                     "--workload", "crn"},
                    3, "unknown workload 'crn'; did you mean 'crm'?");
    require_refused(backlog,
                    {"import", "inventory", sample("generic-cmdb.csv"), "--preset", "generic"}, 3,
                    "add --map 'COLUMN=name'");
    require_refused(
        backlog, {"import", "inventory", sample("rvtools-vinfo.csv"), "--preset", "azure-migrate"},
        3, "no '*Server name' column, which the azure-migrate preset needs");
    require_refused(backlog,
                    {"import", "inventory", sample("rvtools-vinfo.csv"), "--preset", "vmware"}, 2,
                    "--preset must be one of azure-migrate, rvtools, generic, "
                    "azure-migrate-assessment, azure-migrate-discovered, aws-ads, not 'vmware'");
    require_refused(backlog,
                    {"import", "inventory", sample("generic-cmdb.csv"), "--preset", "generic",
                     "--map", "hostname"},
                    2, "expected COLUMN=FIELD");
    require_refused(backlog, {"import", "inventory", "missing.csv", "--preset", "rvtools"}, 3,
                    "missing.csv does not exist; check the path of the file to import");
    require_refused(backlog,
                    {"import", "inventory", sample("rvtools-vinfo.csv"), "--preset", "rvtools",
                     "--kind", "server"},
                    2, "kind");
}

TEST_CASE("import dependencies links known assets and reports unknown servers", "[e2e][import]") {
    TempBacklog backlog = crm_backlog();
    run_ok(backlog, {"import", "inventory", sample("azure-migrate-servers.csv"), "--preset",
                     "azure-migrate", "--workload", "crm"});
    std::string before = backlog.text();
    std::string deps = sample("azure-migrate-dependencies.csv");

    std::string dry = run_ok(backlog, {"import", "dependencies", deps, "--dry-run"});
    CHECK(contains(dry, "Dry run, nothing written"));
    CHECK(backlog.text() == before);

    RunResult result = backlog.run({"import", "dependencies", deps, "--preset", "azure-migrate"});
    CAPTURE(result);
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    std::vector<std::string> lines = lines_of(result.out);
    CHECK(contains(lines[0], "2 added, 0 already present, 0 rows matched by IP, 2 duplicate "
                             "rows, 1 self-links dropped, 2 unknown servers (2 rows), 1 left out "
                             "(cycle)"));
    CHECK(contains(result.out, "crm-web-01     crm-sql-01     3     2"));
    CHECK(contains(result.out, "source server 'BACKUP-01' (10.10.9.50)     1           7"));
    CHECK(contains(result.out, "  line 9: crm-sql-01 -> web-legacy-02 left out"));

    json file = json::parse(backlog.text());
    CHECK(asset_in(file, "crm-web-01")["depends_on"] == json::array({"crm-sql-01"}));
    CHECK(asset_in(file, "web-legacy-02")["depends_on"] == json::array({"crm-web-01"}));
    CHECK(asset_in(file, "crm-sql-01")["depends_on"] == json::array());
    CHECK(file["assets"].size() == 4); // BACKUP-01 was not invented
    CHECK(run_ok(backlog, {"validate"}).find("is valid") != std::string::npos);

    require_refused(backlog, {"import", "dependencies", deps, "--preset", "rvtools"}, 2,
                    "Azure Migrate's dependency export only");
    require_refused(backlog, {"import", "dependencies", sample("rvtools-vinfo.csv")}, 3,
                    "the header row is not Azure Migrate's dependency export");
    require_refused(
        backlog,
        {"import", "dependencies", sample("rvtools-vinfo.csv"), "--preset", "azure-migrate"}, 3,
        "no 'Source server name' or 'Source IP' column");
}

TEST_CASE("import output shows names from the export escaped", "[e2e][import]") {
    // ESC sequences, a C1 control and a bidi override in server names and cells.
    const std::string hostile = "\x1b]0;owned\x07\x1b[31mred\u009b7m\u202eevil";
    const std::regex acts_on_terminal(
        "[\\x07\\x08\\x0d\\x1b\\x7f]|\\xc2[\\x80-\\x9f]|\\xe2\\x80[\\x8e\\x8f\\xaa-\\xae]");
    TempBacklog backlog = crm_backlog();
    std::filesystem::path servers = backlog.dir() / "servers.csv";
    write_file(servers, "VM,CPUs,Annotation\nweb " + hostile + ",2,x\nweb " + hostile + ",2,y\n");
    std::string out = run_ok(backlog, {"import", "inventory", servers.string(), "--preset",
                                       "rvtools", "--map", "Annotation=-"});
    CHECK(contains(out, "web \\x1b]0;owned\\x07"));
    CHECK_FALSE(std::regex_search(out, acts_on_terminal));
    json file = json::parse(backlog.text());
    CHECK(file["assets"][1]["name"] == "web " + hostile); // the file keeps the name exactly

    std::filesystem::path deps = backlog.dir() / "deps.csv";
    write_file(deps, "Source server name,Destination server name\nweb " + hostile + ",db " +
                         hostile + "\n");
    out = run_ok(backlog, {"import", "dependencies", deps.string()});
    CHECK(contains(out, "destination server 'db \\x1b]0;owned"));
    CHECK_FALSE(std::regex_search(out, acts_on_terminal));

    write_file(servers, "VM,CPUs\nweb,2 " + hostile + "\n");
    RunResult refused =
        backlog.run({"import", "inventory", servers.string(), "--preset", "rvtools"});
    CHECK(refused.exit_code == 3);
    CHECK(contains(refused.err, "servers.csv:2: column 'CPUs': '2 \\x1b]0;owned"));
    CHECK_FALSE(std::regex_search(refused.err, acts_on_terminal));
}

TEST_CASE("import shows progress on stderr only when stderr is a terminal", "[e2e][import]") {
    TempBacklog backlog = crm_backlog();
    std::filesystem::path servers = backlog.dir() / "servers.csv";
    std::string csv = "VM,CPUs\n";
    for (int i = 0; i < 1200; ++i) {
        csv += "vm-" + std::to_string(i) + ",2\n";
    }
    write_file(servers, csv);
    std::vector<std::string> args{"import",   "inventory", servers.string(),
                                  "--preset", "rvtools",   "--dry-run"};

    RunResult piped = backlog.run(args); // stderr is a pipe here
    CHECK(piped.exit_code == 0);
    CHECK(piped.err.empty());

    // script(1) (util-linux, Essential in Debian) runs mbl on a pseudo-terminal: stdout and
    // stderr both reach the terminal, and script copies what the terminal shows to its stdout.
    std::string command = "cd '" + backlog.dir().string() +
                          "' && script -qec \"'" MBL_BINARY
                          "' import inventory servers.csv --preset rvtools --dry-run "
                          "--format json >/dev/null\" /dev/null";
    FILE* terminal = popen(command.c_str(), "r");
    REQUIRE(terminal != nullptr);
    std::string shown;
    char buffer[4096];
    for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, terminal)) > 0;) {
        shown.append(buffer, n);
    }
    CHECK(pclose(terminal) == 0);
    CAPTURE(shown);
    CHECK(contains(shown, "\rmbl: importing: 500 rows\rmbl: importing: 1000 rows"));
    CHECK(contains(shown, "mbl: importing: 1200 rows\r\x1b[K"));

    // TERM=dumb: a terminal that cannot clear a line gets no progress.
    FILE* dumb = popen(("export TERM=dumb; " + command).c_str(), "r");
    REQUIRE(dumb != nullptr);
    std::string dumb_shown;
    for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, dumb)) > 0;) {
        dumb_shown.append(buffer, n);
    }
    CHECK(pclose(dumb) == 0);
    CAPTURE(dumb_shown);
    CHECK_FALSE(contains(dumb_shown, "importing"));
}
