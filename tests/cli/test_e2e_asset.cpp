// mbl asset add/show/set/rm, end to end: the real binary on a temporary copy of an example.
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace mbl::test;
using nlohmann::json;

namespace {

// The canonical text of an asset as the writer puts it in the `assets` array.
const std::string new_vm_block = R"(,
    {
      "id": "new-vm",
      "name": "New VM",
      "kind": "vm",
      "workload": "timesheets",
      "strategy": "replatform",
      "estimate": 4.5,
      "priority": 3,
      "status": "in-progress",
      "depends_on": [
        "ts-db"
      ],
      "tags": [
        "prod",
        "eu"
      ],
      "attributes": {
        "cores": 4,
        "os": "Windows Server 2019"
      },
      "tasks": []
    })";

// The minimal example with `block` appended to its assets.
std::string with_asset_appended(const std::string& original, const std::string& block) {
    return replace_once(original, "\n  ],\n  \"iterations\"", block + "\n  ],\n  \"iterations\"");
}

} // namespace

TEST_CASE("asset add appends a canonical asset", "[e2e][asset]") {
    TempBacklog backlog;
    RunResult result = backlog.run({"asset",      "add",         "new-vm",
                                    "--name",     "New VM",      "--kind",
                                    "vm",         "--workload",  "timesheets",
                                    "--strategy", "replatform",  "--estimate",
                                    "4.5",        "--priority",  "3",
                                    "--status",   "in-progress", "--depends-on",
                                    "ts-db",      "--tag",       "prod",
                                    "--tag",      "eu",          "--attr",
                                    "cores=4",    "--attr",      "os=Windows Server 2019"});
    CAPTURE(result);
    REQUIRE(result.exit_code == 0);
    // An asset that is in progress starts its planned workload: migrating, recorded as automatic.
    CHECK(result.out == "Added asset new-vm (vm, workload timesheets)\n"
                        "timesheets: stage planned -> migrating on 2026-11-25, automatic: first "
                        "asset started (new-vm)\n");
    CHECK(result.err.empty());
    CHECK(backlog.text() == replace_once(with_asset_appended(backlog.original(), new_vm_block),
                                         "\"stage\": \"planned\",\n      \"stage_history\": []",
                                         R"json("stage": "migrating",
      "stage_history": [
        {
          "stage": "migrating",
          "date": "2026-11-25",
          "reason": "automatic: first asset started (new-vm)",
          "forced": false
        }
      ])json"));

    CHECK(backlog.run({"fmt", "--check"}).exit_code == 0);
    CHECK(backlog.run({"validate"}).exit_code == 0);
}

TEST_CASE("asset add with only an id writes the defaults", "[e2e][asset]") {
    TempBacklog backlog;
    RunResult result = backlog.run({"asset", "add", "bare"});
    CAPTURE(result);
    REQUIRE(result.exit_code == 0);
    CHECK(result.out == "Added asset bare (other)\n");
    json added = json::parse(backlog.text())["assets"].back();
    CHECK(added["id"] == "bare");
    CHECK(added["kind"] == "other");
    CHECK(added["strategy"] == "rehost");
    CHECK(added["status"] == "not-started");
    CHECK(added["estimate"].is_null());
    CHECK_FALSE(added.contains("workload"));
}

TEST_CASE("asset add refuses a used id, a bad slug and unknown references", "[e2e][asset]") {
    TempBacklog backlog;
    struct Case {
        std::vector<std::string> args;
        int exit_code;
        std::string message;
    };
    const Case cases[] = {
        {{"asset", "add", "ts-db"}, 3, "mbl: error: asset 'ts-db' already exists\n"},
        {{"asset", "add", "Bad ID"}, 2, "asset id 'Bad ID' is not a slug"},
        {{"asset", "add", "x", "--workload", "nope"}, 3, "unknown workload 'nope'"},
        {{"asset", "add", "x", "--depends-on", "ts-dbb"}, 3, "unknown asset 'ts-dbb'"},
        {{"asset", "add", "x", "--priority", "5"}, 2, "priority"},
        {{"asset", "add", "x", "--estimate", "-1"}, 2, "estimate"},
    };
    for (const Case& c : cases) {
        RunResult result = backlog.run(c.args);
        CAPTURE(c.args, result);
        CHECK(result.exit_code == c.exit_code);
        CHECK(result.out.empty());
        CHECK(result.err.rfind("mbl: error: ", 0) == 0);
        CHECK(contains(result.err, c.message));
        CHECK(backlog.text() == backlog.original());
    }
}

TEST_CASE("asset show prints every field, or the file's object with --format json",
          "[e2e][asset]") {
    TempBacklog backlog("contoso");
    RunResult table = backlog.run({"asset", "show", "crm-sql-01"});
    CAPTURE(table);
    REQUIRE(table.exit_code == 0);
    CHECK(table.err.empty());
    CHECK(table.out.rfind("id:", 0) == 0);
    CHECK(contains(table.out, "crm-sql-01"));
    CHECK(contains(table.out, "database"));

    RunResult as_json = backlog.run({"asset", "show", "crm-sql-01", "--format", "json"});
    REQUIRE(as_json.exit_code == 0);
    json file = json::parse(backlog.text());
    json expected;
    for (const json& asset : file["assets"]) {
        if (asset["id"] == "crm-sql-01") {
            expected = asset;
        }
    }
    CHECK(json::parse(as_json.out) == expected);
}

TEST_CASE("asset set of one field changes exactly that line", "[e2e][asset]") {
    TempBacklog backlog;
    RunResult result = backlog.run({"asset", "set", "ts-web", "estimate=10"});
    CAPTURE(result);
    REQUIRE(result.exit_code == 0);
    CHECK(result.out == "ts-web: estimate 8 -> 10\n");
    CHECK(result.err.empty());
    CHECK(backlog.text() ==
          replace_once(backlog.original(), "\"estimate\": 8,", "\"estimate\": 10,"));
}

TEST_CASE("asset set of several fields changes only their lines", "[e2e][asset]") {
    TempBacklog backlog;
    RunResult result = backlog.run(
        {"asset", "set", "ts-exports", "estimate=6", "priority=1", "name=Payroll exports"});
    CAPTURE(result);
    REQUIRE(result.exit_code == 0);
    CHECK(result.out == "ts-exports: estimate none -> 6\n"
                        "ts-exports: priority 3 -> 1\n"
                        "ts-exports: name Payroll export share -> Payroll exports\n");
    std::string expected = backlog.original();
    expected = replace_once(expected, "\"estimate\": null,", "\"estimate\": 6,", "\"ts-exports\"");
    expected = replace_once(expected, "\"priority\": 3,", "\"priority\": 1,", "\"ts-exports\"");
    expected = replace_once(expected, "\"Payroll export share\"", "\"Payroll exports\"");
    CHECK(backlog.text() == expected);
}

TEST_CASE("asset set status=replicated records today's date, from MBL_TODAY", "[e2e][asset]") {
    TempBacklog backlog;
    RunResult result = backlog.run({"asset", "set", "ts-db", "status=replicated"});
    CAPTURE(result);
    REQUIRE(result.exit_code == 0);
    CHECK(result.out == "ts-db: status not-started -> replicated (replicated_on 2026-11-25)\n"
                        "timesheets: stage planned -> migrating on 2026-11-25, automatic: first "
                        "asset replicated (ts-db)\n");
    std::string expected = replace_once(backlog.original(), "\"status\": \"not-started\",",
                                        "\"status\": \"replicated\",\n"
                                        "      \"replicated_on\": \"2026-11-25\",");
    CHECK(backlog.text() == replace_once(expected,
                                         "\"stage\": \"planned\",\n      \"stage_history\": []",
                                         R"json("stage": "migrating",
      "stage_history": [
        {
          "stage": "migrating",
          "date": "2026-11-25",
          "reason": "automatic: first asset replicated (ts-db)",
          "forced": false
        }
      ])json"));
}

TEST_CASE("asset set is all or nothing", "[e2e][asset]") {
    TempBacklog backlog;
    RunResult result = backlog.run({"asset", "set", "ts-db", "estimate=5", "status=done"});
    CAPTURE(result);
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(contains(result.err, "mbl: error: invalid status 'done'"));
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE("asset rm of an unreferenced asset removes exactly its block", "[e2e][asset]") {
    TempBacklog backlog;
    RunResult result = backlog.run({"asset", "rm", "ts-web"});
    CAPTURE(result);
    REQUIRE(result.exit_code == 0);
    CHECK(result.out == "Removed asset ts-web\n");
    std::string original = backlog.original();
    std::size_t begin = original.find("    {\n      \"id\": \"ts-web\"");
    std::size_t end = original.find("    {\n", begin + 1);
    REQUIRE(begin != std::string::npos);
    REQUIRE(end != std::string::npos);
    CHECK(backlog.text() == original.substr(0, begin) + original.substr(end));
}

TEST_CASE("asset rm refuses while referenced; --force drops the references", "[e2e][asset]") {
    TempBacklog backlog;
    RunResult refused = backlog.run({"asset", "rm", "ts-db"});
    CAPTURE(refused);
    CHECK(refused.exit_code == 1);
    CHECK(refused.out.empty());
    CHECK(refused.err == "mbl: error: asset 'ts-db' is referenced by ts-web.depends_on; use "
                         "--force to remove it and drop these references\n");
    CHECK(backlog.text() == backlog.original());

    RunResult forced = backlog.run({"asset", "rm", "ts-db", "--force"});
    CAPTURE(forced);
    REQUIRE(forced.exit_code == 0);
    CHECK(forced.out == "Removed asset ts-db (dropped references: ts-web.depends_on)\n");
    json file = json::parse(backlog.text());
    REQUIRE(file["assets"].size() == 2);
    CHECK(file["assets"][0]["id"] == "ts-web");
    CHECK(file["assets"][0]["depends_on"] == json::array());
    CHECK_FALSE(contains(backlog.text(), "\"ts-db\""));
    CHECK(backlog.run({"validate"}).exit_code == 0);
}

TEST_CASE("asset rm --force drops iteration commitments too", "[e2e][asset]") {
    TempBacklog backlog("contoso");
    json before = json::parse(backlog.original());
    std::string committed = before["iterations"][5]["committed"][0]; // it-6, the active one
    RunResult refused = backlog.run({"asset", "rm", committed});
    CHECK(refused.exit_code == 1);
    CHECK(contains(refused.err, "it-6.committed"));
    CHECK(backlog.text() == backlog.original());

    RunResult forced = backlog.run({"asset", "rm", committed, "--force"});
    CAPTURE(forced);
    REQUIRE(forced.exit_code == 0);
    CHECK(contains(forced.out, "it-6.committed"));
    json after = json::parse(backlog.text());
    CHECK(after["assets"].size() == before["assets"].size() - 1);
    for (const json& id : after["iterations"][5]["committed"]) {
        CHECK(id != committed);
    }
}

TEST_CASE("an unknown asset id is an input error with a suggestion", "[e2e][asset]") {
    TempBacklog backlog;
    for (const char* verb : {"show", "set", "rm"}) {
        std::vector<std::string> args{"asset", verb, "ts-dbb"};
        if (std::string(verb) == "set") {
            args.push_back("estimate=1");
        }
        RunResult result = backlog.run(args);
        CAPTURE(verb, result);
        CHECK(result.exit_code == 3);
        CHECK(result.out.empty());
        CHECK(result.err == "mbl: error: unknown asset 'ts-dbb'; did you mean 'ts-db'?\n");
        CHECK(backlog.text() == backlog.original());
    }
}
