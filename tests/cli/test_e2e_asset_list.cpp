// mbl asset list, end to end: every filter flag, and the table, json and csv renderings.
// Expected results are computed from the example file itself, not copied from mbl's output.
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <functional>
#include <nlohmann/json.hpp>

using namespace mbl::test;
using nlohmann::json;

namespace {

json contoso() {
    return json::parse(read_file(example_path("contoso")));
}

// The file's asset objects for which `keep` holds, in file order.
json assets_where(const json& file, const std::function<bool(const json&)>& keep) {
    json kept = json::array();
    for (const json& asset : file["assets"]) {
        if (keep(asset)) {
            kept.push_back(asset);
        }
    }
    return kept;
}

bool has_string(const json& array, const std::string& value) {
    return std::find(array.begin(), array.end(), json(value)) != array.end();
}

// `asset list ARGS --format json` on the Contoso example, parsed.
json list_json(const std::vector<std::string>& filter) {
    std::vector<std::string> args{"-f", example_path("contoso").string(), "asset", "list"};
    args.insert(args.end(), filter.begin(), filter.end());
    args.insert(args.end(), {"--format", "json"});
    RunResult result = run_mbl(args);
    INFO(result);
    REQUIRE(result.exit_code == 0);
    REQUIRE(result.err.empty());
    return json::parse(result.out);
}

} // namespace

TEST_CASE("asset list --format json prints the file's asset objects", "[e2e][asset-list]") {
    json file = contoso();
    json listed = list_json({});
    REQUIRE(listed.is_array());
    CHECK(listed == file["assets"]); // same objects, same keys, same order
}

TEST_CASE("asset list filters by each flag", "[e2e][asset-list]") {
    json file = contoso();
    json iteration_5 = file["iterations"][4];
    REQUIRE(iteration_5["id"] == "it-5");
    struct Case {
        std::vector<std::string> flags;
        std::function<bool(const json&)> keep;
    };
    const Case cases[] = {
        {{"--status", "blocked"}, [](const json& a) { return a["status"] == "blocked"; }},
        {{"--kind", "database"}, [](const json& a) { return a["kind"] == "database"; }},
        {{"--workload", "crm"}, [](const json& a) { return a.value("workload", "") == "crm"; }},
        {{"--strategy", "retire"}, [](const json& a) { return a["strategy"] == "retire"; }},
        {{"--tag", "pci"}, [](const json& a) { return has_string(a["tags"], "pci"); }},
        {{"--iteration", "it-5"},
         [&](const json& a) {
             return has_string(iteration_5["committed"], a["id"]) ||
                    has_string(iteration_5.value("completed", json::array()), a["id"]);
         }},
        {{"--workload", "erp-finance", "--status", "not-started", "--kind", "vm"},
         [](const json& a) {
             return a.value("workload", "") == "erp-finance" && a["status"] == "not-started" &&
                    a["kind"] == "vm";
         }},
    };
    for (const Case& c : cases) {
        json expected = assets_where(file, c.keep);
        CAPTURE(c.flags, expected.size());
        REQUIRE(!expected.empty());                       // the case means something
        REQUIRE(expected.size() < file["assets"].size()); // and filters something out
        CHECK(list_json(c.flags) == expected);
    }
}

TEST_CASE("asset list prints an aligned table", "[e2e][asset-list]") {
    TempBacklog backlog;
    RunResult result = backlog.run({"asset", "list"});
    CAPTURE(result);
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.empty());
    CHECK(result.out ==
          "ID          NAME                  KIND        WORKLOAD    STRATEGY    ESTIMATE  PRI  "
          "STATUS\n"
          "ts-db       Timesheet database    database    timesheets  replatform        12    1  "
          "not-started\n"
          "ts-web      Timesheet web server  vm          timesheets  rehost             8    2  "
          "not-started\n"
          "ts-exports  Payroll export share  file-share  timesheets  rehost             -    3  "
          "not-started\n");
}

TEST_CASE("an empty asset list is a success in every format", "[e2e][asset-list]") {
    TempBacklog backlog;
    RunResult table = backlog.run({"asset", "list", "--kind", "storage"});
    CHECK(table.exit_code == 0);
    CHECK(table.out == "No assets match.\n");
    CHECK(table.err.empty());

    RunResult as_json = backlog.run({"asset", "list", "--kind", "storage", "--format", "json"});
    CHECK(as_json.exit_code == 0);
    CHECK(json::parse(as_json.out) == json::array());

    RunResult csv = backlog.run({"asset", "list", "--kind", "storage", "--format", "csv"});
    CHECK(csv.exit_code == 0);
    CHECK(csv.out == "id,name,kind,workload,strategy,estimate,priority,status\n");
}

TEST_CASE("asset list --format csv quotes and neutralises fields", "[e2e][asset-list]") {
    TempBacklog backlog;
    REQUIRE(backlog.run({"asset", "add", "quoted", "--name", "Web, \"front\" end"}).exit_code == 0);
    REQUIRE(backlog.run({"asset", "add", "formula", "--name", "=HYPERLINK(\"x\")"}).exit_code == 0);
    REQUIRE(backlog.run({"asset", "add", "plus", "--name", "+1"}).exit_code == 0);
    RunResult result = backlog.run({"asset", "list", "--format", "csv"});
    CAPTURE(result);
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.empty());
    CHECK(result.out == "id,name,kind,workload,strategy,estimate,priority,status\n"
                        "ts-db,Timesheet database,database,timesheets,replatform,12,1,not-started\n"
                        "ts-web,Timesheet web server,vm,timesheets,rehost,8,2,not-started\n"
                        "ts-exports,Payroll export share,file-share,timesheets,rehost,,3,"
                        "not-started\n"
                        "quoted,\"Web, \"\"front\"\" end\",other,,rehost,,2,not-started\n"
                        "formula,\"'=HYPERLINK(\"\"x\"\")\",other,,rehost,,2,not-started\n"
                        "plus,'+1,other,,rehost,,2,not-started\n");
}

TEST_CASE("asset list refuses unknown filter values", "[e2e][asset-list]") {
    TempBacklog backlog;
    RunResult bad_status = backlog.run({"asset", "list", "--status", "done"});
    CHECK(bad_status.exit_code == 2);
    CHECK(bad_status.out.empty());
    CHECK(contains(bad_status.err, "mbl: error: "));
    CHECK(contains(bad_status.err, "not-started"));

    // A typo in a workload id must not look like an empty result.
    RunResult bad_workload = backlog.run({"asset", "list", "--workload", "timesheet"});
    CAPTURE(bad_workload);
    CHECK(bad_workload.exit_code == 3);
    CHECK(bad_workload.out.empty());
    CHECK(contains(bad_workload.err, "did you mean 'timesheets'?"));

    RunResult markdown = backlog.run({"asset", "list", "--format", "markdown"});
    CHECK(markdown.exit_code == 2);
    CHECK(contains(markdown.err, "--format markdown is not available for this command"));
}

// `asset list` reads the file asset by asset and prints once it has read it all: a mistake after
// the assets prints no half list, only the error, as every other command.
TEST_CASE("asset list prints nothing for a file with a late mistake", "[e2e][asset-list]") {
    std::string text = read_file(example_path("contoso"));
    std::string broken = replace_once(text, "\"end\": \"", "\"end\": \"2027-02-30\", \"x-was\": \"",
                                      "\"iterations\"");
    TempBacklog backlog = TempBacklog::with_text(broken);
    for (std::vector<std::string> args : {std::vector<std::string>{"--format", "json"},
                                          {"--format", "csv", "--status", "not-started"},
                                          {"--workload", "hr-portal"}}) {
        args.insert(args.begin(), {"asset", "list"});
        RunResult result = backlog.run(args);
        CAPTURE(result);
        CHECK(result.exit_code == 3);
        CHECK(result.out.empty());
        CHECK(contains(result.err, location("backlog.json", position_of(broken, "\"2027-02-30\"")) +
                                       ": end \"2027-02-30\" is not a valid date"));
        CHECK(backlog.text() == broken);
    }
}
