// mbl workload add/list/show/set/rm, end to end.
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace mbl::test;
using nlohmann::json;

TEST_CASE("workload add appends a canonical workload", "[e2e][workload]") {
    TempBacklog backlog;
    RunResult result = backlog.run({"workload", "add", "billing", "--name", "Billing", "--priority",
                                    "1", "--owner", "finance-it", "--depends-on", "timesheets"});
    CAPTURE(result);
    REQUIRE(result.exit_code == 0);
    CHECK(result.out == "Added workload billing (priority 1)\n");
    CHECK(result.err.empty());
    CHECK(backlog.text() == replace_once(backlog.original(), "\n  ],\n  \"assets\"",
                                         R"(,
    {
      "id": "billing",
      "name": "Billing",
      "priority": 1,
      "owner": "finance-it",
      "depends_on": [
        "timesheets"
      ],
      "stage": "planned",
      "stage_history": []
    }
  ],
  "assets")"));
    CHECK(backlog.run({"validate"}).exit_code == 0);
}

TEST_CASE("workload list prints a table, or the file's objects with --format json",
          "[e2e][workload]") {
    TempBacklog backlog("contoso");
    RunResult table = backlog.run({"workload", "list"});
    CAPTURE(table);
    REQUIRE(table.exit_code == 0);
    CHECK(table.err.empty());
    std::vector<std::string> lines = lines_of(table.out);
    json file = json::parse(backlog.original());
    REQUIRE(lines.size() == file["workloads"].size() + 1);
    CHECK(lines[0].rfind("ID ", 0) == 0);
    CHECK(contains(lines[0], "STAGE"));
    for (std::size_t i = 0; i < file["workloads"].size(); ++i) {
        CHECK(lines[i + 1].rfind(file["workloads"][i]["id"].get<std::string>() + " ", 0) == 0);
    }

    RunResult as_json = backlog.run({"workload", "list", "--format", "json"});
    REQUIRE(as_json.exit_code == 0);
    CHECK(json::parse(as_json.out) == file["workloads"]);

    RunResult csv = backlog.run({"workload", "list", "--format", "csv"});
    REQUIRE(csv.exit_code == 0);
    CHECK(lines_of(csv.out).size() == file["workloads"].size() + 1);
    CHECK(lines_of(csv.out)[0] == "id,name,priority,owner,stage,assets,depends_on");
}

TEST_CASE("workload show prints its fields, or the file's object with --format json",
          "[e2e][workload]") {
    TempBacklog backlog;
    RunResult table = backlog.run({"workload", "show", "timesheets"});
    CAPTURE(table);
    REQUIRE(table.exit_code == 0);
    CHECK(table.out.rfind("id:", 0) == 0);
    CHECK(contains(table.out, "Timesheet application"));
    CHECK(contains(table.out, "planned"));

    RunResult as_json = backlog.run({"workload", "show", "timesheets", "--format", "json"});
    REQUIRE(as_json.exit_code == 0);
    CHECK(json::parse(as_json.out) == json::parse(backlog.original())["workloads"][0]);
}

TEST_CASE("workload set changes only the lines of its fields", "[e2e][workload]") {
    TempBacklog backlog;
    RunResult result = backlog.run({"workload", "set", "timesheets", "priority=1", "owner=hr-it"});
    CAPTURE(result);
    REQUIRE(result.exit_code == 0);
    CHECK(result.out == "timesheets: priority 2 -> 1\ntimesheets: owner none -> hr-it\n");
    CHECK(backlog.text() == replace_once(backlog.original(), "\"priority\": 2,\n",
                                         "\"priority\": 1,\n      \"owner\": \"hr-it\",\n"));
}

TEST_CASE("workload set refuses a bad value and leaves the file", "[e2e][workload]") {
    TempBacklog backlog;
    RunResult result = backlog.run({"workload", "set", "timesheets", "depends_on=timesheets"});
    CAPTURE(result);
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(contains(result.err, "mbl: error: workload 'timesheets' cannot depend on itself"));
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE("workload rm refuses while referenced; --force drops the references", "[e2e][workload]") {
    TempBacklog backlog;
    RunResult refused = backlog.run({"workload", "rm", "timesheets"});
    CAPTURE(refused);
    CHECK(refused.exit_code == 1);
    CHECK(refused.out.empty());
    CHECK(refused.err == "mbl: error: workload 'timesheets' is referenced by ts-db.workload, "
                         "ts-web.workload, ts-exports.workload; use --force to remove it and "
                         "drop these references\n");
    CHECK(backlog.text() == backlog.original());

    RunResult forced = backlog.run({"workload", "rm", "timesheets", "--force"});
    CAPTURE(forced);
    REQUIRE(forced.exit_code == 0);
    CHECK(forced.out == "Removed workload timesheets (dropped references: ts-db.workload, "
                        "ts-web.workload, ts-exports.workload)\n");
    std::string expected = backlog.original();
    expected = replace_once(expected, R"(
    {
      "id": "timesheets",
      "name": "Timesheet application",
      "priority": 2,
      "depends_on": [],
      "stage": "planned",
      "stage_history": []
    }
  ],)",
                            "],");
    for (int i = 0; i < 3; ++i) {
        expected = replace_once(expected, "      \"workload\": \"timesheets\",\n", "");
    }
    CHECK(backlog.text() == expected);
}

TEST_CASE("an unknown workload id is an input error with a suggestion", "[e2e][workload]") {
    TempBacklog backlog;
    RunResult result = backlog.run({"workload", "show", "timesheet"});
    CAPTURE(result);
    CHECK(result.exit_code == 3);
    CHECK(result.out.empty());
    CHECK(result.err == "mbl: error: unknown workload 'timesheet'; did you mean 'timesheets'?\n");

    RunResult add = backlog.run({"workload", "add", "payroll", "--depends-on", "nope"});
    CHECK(add.exit_code == 3);
    CHECK(contains(add.err, "unknown workload 'nope'"));
    CHECK(backlog.text() == backlog.original());
}
