// Every view tells the same story: `report`, `status` and `forecast` count done, remaining and
// unestimated work alike (retire/retain assets are done, never unestimated), computed numbers
// print rounded once and the same in every format, and counts of one read in the singular.
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>

using namespace mbl::test;
using nlohmann::json;

namespace {

// crm at migrating: a replicated, b retired (not started, unestimated), c retained (in progress),
// d blocked (5), e unestimated; f with two tasks of 0.1 and 0.2 hours (0.30000000000000004 as a
// double sum), g 4.37 and h 4.3 (8.670000000000002 together), both committed to the active it-2.
// it-1 closed with 8.67 done.
constexpr std::string_view mixed_backlog = R"({
  "format": "mbl/1",
  "name": "Views",
  "settings": {"estimate_unit": "hours", "iteration_length_days": 14,
               "first_iteration_start": "2027-01-04", "default_capacity": 40},
  "workloads": [{"id": "crm", "name": "CRM", "priority": 1, "stage": "migrating"}],
  "assets": [
    {"id": "a", "workload": "crm", "estimate": 3, "status": "replicated", "replicated_on": "2027-01-10"},
    {"id": "b", "workload": "crm", "strategy": "retire"},
    {"id": "c", "workload": "crm", "strategy": "retain", "estimate": 2, "status": "in-progress"},
    {"id": "d", "workload": "crm", "estimate": 5, "status": "blocked"},
    {"id": "e", "workload": "crm"},
    {"id": "f", "workload": "crm", "tasks": [{"title": "Replicate", "estimate": 0.1},
                                             {"title": "Test", "estimate": 0.2}]},
    {"id": "g", "workload": "crm", "estimate": 4.37},
    {"id": "h", "workload": "crm", "estimate": 4.3}
  ],
  "iterations": [
    {"id": "it-1", "start": "2027-01-04", "end": "2027-01-17", "capacity": 40, "state": "closed",
     "committed": ["a"], "completed": ["a"], "completed_estimate": 3},
    {"id": "it-2", "start": "2027-01-18", "end": "2027-01-31", "capacity": 40, "state": "active",
     "committed": ["f", "g", "h"]}
  ]
}
)";

json json_of(const TempBacklog& backlog, std::vector<std::string> args) {
    args.insert(args.end(), {"--format", "json", "--today", "2027-01-20"});
    RunResult result = backlog.run(args);
    CAPTURE(args, result);
    REQUIRE(result.exit_code == 0);
    return json::parse(result.out);
}

std::string output_of(const TempBacklog& backlog, std::vector<std::string> args) {
    args.insert(args.end(), {"--today", "2027-01-20"});
    RunResult result = backlog.run(args);
    CAPTURE(args, result);
    REQUIRE(result.exit_code == 0);
    return result.out;
}

} // namespace

TEST_CASE("report, status and forecast agree on done, remaining and unestimated", "[e2e][views]") {
    TempBacklog backlog = TempBacklog::with_text(mixed_backlog);
    json report = json_of(backlog, {"report"});
    json status = json_of(backlog, {"status"});
    json forecast = json_of(backlog, {"forecast"});

    // a replicated, b retired, c retained: done. d, e, f, g, h remain; e is the one unestimated
    // (b has no estimate either, but needs no migration).
    json expected = {{"assets", 8},      {"done", 3},
                     {"remaining", 5},   {"remaining_estimate", 13.97},
                     {"unestimated", 1}, {"blocked", 1}};
    CHECK(status["overall"] == expected);
    CHECK(forecast["overall"] == expected);
    CHECK(report["overall"] == expected);
    CHECK(report["status"]["overall"] == expected);
    CHECK(status["assets_done"] == 3);
    CHECK(forecast["all"]["assets_left"] == 5);
    CHECK(forecast["all"]["unestimated"] == 1);
    CHECK(forecast["all"]["remaining_estimate"] == 13.97);

    // The report's totals by group add up to the same counts: retire/retain apart, as done.
    std::size_t done = 0;
    std::size_t unestimated = 0;
    for (const json& total : report["totals"]) {
        if (total["status"] == "replicated" || total["status"] == "no-migration") {
            done += total["assets"].get<std::size_t>();
            CHECK(total["unestimated"] == 0);
        }
        unestimated += total["unestimated"].get<std::size_t>();
    }
    CHECK(done == 3);
    CHECK(unestimated == 1);
    CHECK(report["blocked"] == json::array({"d"}));

    std::string markdown = output_of(backlog, {"report"});
    CHECK(contains(markdown, "**3 of 8 assets done (5 left: 13.97 hours, 1 unestimated), 1 "
                             "blocked; next release crm: "));
    CHECK(contains(markdown, "## Needs attention\n"));
    CHECK(contains(markdown, "- Blocked (1): d\n"));
    CHECK(contains(markdown, "| retire/retain | 2 | 2 | 0 |"));
}

TEST_CASE("computed numbers print rounded once, the same in every format", "[e2e][views]") {
    TempBacklog backlog = TempBacklog::with_text(mixed_backlog);
    // More than two decimals anywhere is a sum printed unrounded.
    std::regex unrounded(R"(\d\.\d{3,})");
    std::vector<std::vector<std::string>> commands = {
        {"status"},
        {"status", "--format", "json"},
        {"asset", "show", "f"},
        {"asset", "list"},
        {"asset", "list", "--format", "csv"},
        {"velocity"},
        {"forecast"},
        {"forecast", "--format", "json"},
        {"report"},
        {"report", "--format", "json"},
        {"report", "--format", "html"},
        {"burndown"},
        {"burndown", "--format", "json"},
        {"burndown", "--format", "csv"},
        {"iteration", "list"},
        {"iteration", "list", "--format", "json"},
        {"iteration", "show", "it-2"},
        {"release", "list"},
        {"release", "list", "--format", "json"},
        {"release", "show", "crm"},
        {"export", "csv", "--for", "generic"},
        {"export", "csv", "--for", "jira"},
        {"export", "wbs", "--format", "csv"},
    };
    for (const auto& command : commands) {
        std::string out = output_of(backlog, command);
        std::smatch found;
        CAPTURE(command, out);
        CHECK_FALSE(std::regex_search(out, found, unrounded));
    }
    // The commitment of it-2 is 0.3 + 4.37 + 4.3 hours, said the same in table and JSON.
    CHECK(contains(output_of(backlog, {"status"}), "8.97 hours"));
    CHECK(json_of(backlog, {"status"})["active"]["committed_estimate"] == 8.97);
    CHECK(json_of(backlog, {"iteration", "list"})[1]["committed_estimate"] == 8.97);
}

TEST_CASE("counts of one read in the singular", "[e2e][views]") {
    TempBacklog backlog = TempBacklog::with_text(mixed_backlog);
    CHECK(contains(backlog.run({"status", "--today", "2027-01-31"}).out, "1 day left"));
    CHECK(contains(backlog.run({"status", "--today", "2027-02-01"}).out, "ended 1 day ago"));
    CHECK(contains(backlog.run({"report", "--today", "2027-02-01"}).out, "ended 1 day ago"));

    RunResult early = backlog.run({"status", "--today", "2027-01-17"});
    CAPTURE(early);
    CHECK(contains(early.out, "starts in 1 day"));

    RunResult one_trial = backlog.run({"forecast", "--trials", "1", "--today", "2027-01-17"});
    CAPTURE(one_trial);
    CHECK(contains(one_trial.out, "Forecast: 1 trial, seed"));
    RunResult report_one_trial = backlog.run({"report", "--trials", "1", "--today", "2027-01-17"});
    CAPTURE(report_one_trial);
    CHECK(report_one_trial.exit_code == 0);
    CHECK(contains(report_one_trial.out, "1 trial, seed"));
    CHECK_FALSE(contains(report_one_trial.out, "1 trials"));

    write_file(backlog.dir() / "one.csv", "name,cores\nweb-09,4\n");
    RunResult import =
        backlog.run({"import", "inventory", "one.csv", "--preset", "generic", "--map", "name=name",
                     "--map", "cores=attributes.cores", "--workload", "crm", "--dry-run"});
    CAPTURE(import);
    CHECK(contains(import.out, "1 attribute"));
    CHECK_FALSE(contains(import.out, "1 attributes"));

    backlog.write(
        replace_once(mixed_backlog, "\"end\": \"2027-01-31\"", "\"end\": \"2027-01-18\""));
    RunResult short_iteration = backlog.run({"validate"});
    CAPTURE(short_iteration);
    CHECK(contains(short_iteration.out, "it-2 lasts 1 day (2027-01-18 to 2027-01-18)"));
}

TEST_CASE("the burndown shows work committed mid-iteration joining the scope that day",
          "[e2e][views]") {
    TempBacklog backlog = TempBacklog::with_text(R"({
  "format": "mbl/1",
  "settings": {"estimate_unit": "hours", "iteration_length_days": 14, "default_capacity": 40},
  "assets": [
    {"id": "a", "estimate": 10},
    {"id": "b", "estimate": 6}
  ],
  "iterations": [
    {"id": "it-1", "start": "2027-01-04", "end": "2027-01-17", "capacity": 40,
     "state": "planned", "committed": ["a"]}
  ]
}
)");
    REQUIRE(backlog.run({"iteration", "start", "it-1", "--today", "2027-01-04"}).exit_code == 0);
    RunResult commit = backlog.run({"iteration", "commit", "it-1", "b", "--today", "2027-01-08"});
    CAPTURE(commit);
    REQUIRE(commit.exit_code == 0);
    CHECK(contains(backlog.text(), "\"committed_on\": \"2027-01-08\""));
    RunResult done =
        backlog.run({"asset", "set", "a", "status=replicated", "--today", "2027-01-09"});
    REQUIRE(done.exit_code == 0);

    json burndown = json_of(backlog, {"burndown"});
    const json& days = burndown["days"];
    REQUIRE(days.size() == 14);
    CHECK(days[0]["scope"] == 10); // b was not there on day one
    CHECK(days[3]["scope"] == 10);
    CHECK(days[3]["remaining"] == 10);
    CHECK(days[4]["scope"] == 16); // 2027-01-08: b joins
    CHECK(days[4]["remaining"] == 16);
    CHECK(days[5]["remaining"] == 6); // 2027-01-09: a replicated
    CHECK(days[0]["ideal"] == 9.29);  // from the first day's scope, 10 × 13 / 14, rounded
    CHECK(burndown["committed_estimate"] == 16);

    std::string csv = output_of(backlog, {"burndown", "--format", "csv"});
    CHECK(contains(csv, "day,remaining,ideal,scope\n"));
    CHECK(contains(csv, "2027-01-08,16,"));
    std::string chart = output_of(backlog, {"burndown", "--color", "never"});
    CHECK(contains(chart, "total scope"));
}
