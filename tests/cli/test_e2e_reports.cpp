// mbl velocity, forecast, status and burndown, end to end on the Contoso example (today
// 2026-11-25: it-1..5 closed, it-6 active 2026-11-16..29, it-7 planned).
#include "mbl/forecast.hpp"
#include "mbl/load.hpp"
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace mbl::test;
using nlohmann::json;

namespace {

bool is_ascii(const std::string& text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// The Contoso example without its closed iterations: no velocity, a weak forecast.
TempBacklog contoso_without_closed_iterations() {
    json file = json::parse(read_file(example_path("contoso")));
    json open = json::array();
    for (const json& iteration : file["iterations"]) {
        if (iteration["state"] != "closed") {
            open.push_back(iteration);
        }
    }
    file["iterations"] = open;
    return TempBacklog::with_text(file.dump(2) + "\n");
}

// Runs a read-only command that must succeed, checks it left the file alone, returns stdout.
std::string report(const TempBacklog& backlog, const std::vector<std::string>& args) {
    std::string before = backlog.text();
    RunResult result = backlog.run(args);
    CAPTURE(args, result);
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.empty());
    CHECK(backlog.text() == before);
    return result.out;
}

std::vector<double> closed_completed_estimates(const json& file) {
    std::vector<double> values;
    for (const json& iteration : file["iterations"]) {
        if (iteration["state"] == "closed") {
            values.push_back(iteration["completed_estimate"].get<double>());
        }
    }
    return values;
}

} // namespace

TEST_CASE("velocity lists the closed iterations with the file's completed estimates",
          "[e2e][reports]") {
    TempBacklog backlog("contoso");
    std::vector<double> completed = closed_completed_estimates(json::parse(backlog.original()));
    REQUIRE(completed == std::vector<double>{76, 90, 104, 96, 94});

    json velocity = json::parse(report(backlog, {"velocity", "--format", "json"}));
    REQUIRE(velocity["iterations"].size() == 5);
    for (std::size_t i = 0; i < completed.size(); ++i) {
        CHECK(velocity["iterations"][i]["id"] == "it-" + std::to_string(i + 1));
        CHECK(velocity["iterations"][i]["completed_estimate"] == completed[i]);
    }
    CHECK(velocity["iterations"][0]["start"] == "2026-09-07");
    CHECK(velocity["average"] == 92);
    CHECK(velocity["minimum"] == 76);
    CHECK(velocity["maximum"] == 104);
    CHECK(velocity["standard_deviation"] == 9.21); // 9.2086…, rounded once as everywhere

    std::vector<std::string> lines = lines_of(report(backlog, {"velocity", "--color", "never"}));
    REQUIRE(lines.size() == 11); // header, 5 iterations, blank, 4 summary lines
    CHECK(contains(lines[0], "COMPLETED"));
    CHECK(contains(lines[3], "it-3"));
    CHECK(contains(lines[3], std::string(30, '#'))); // the largest fills the bar
    CHECK(contains(lines[7], "average: 92 hours per iteration"));
    CHECK(contains(lines[8], "spread:  9.2"));

    std::vector<std::string> csv = lines_of(report(backlog, {"velocity", "--format", "csv"}));
    REQUIRE(csv.size() == 6);
    CHECK(csv[0] == "id,name,start,end,committed_estimate,completed_estimate,assets_migrated");
    CHECK(csv[1].rfind("it-1,Iteration 1,2026-09-07,2026-09-20,", 0) == 0);
}

TEST_CASE("velocity --last N keeps the last iterations by end date", "[e2e][reports]") {
    TempBacklog backlog("contoso");
    json velocity = json::parse(report(backlog, {"velocity", "--last", "2", "--format", "json"}));
    REQUIRE(velocity["iterations"].size() == 2);
    CHECK(velocity["iterations"][0]["id"] == "it-4");
    CHECK(velocity["average"] == 95);
    CHECK(backlog.run({"velocity", "--last", "0"}).exit_code == 2);
}

TEST_CASE("velocity with no closed iteration says so and succeeds", "[e2e][reports]") {
    TempBacklog backlog = contoso_without_closed_iterations();
    CHECK(report(backlog, {"velocity"}) ==
          "No closed iteration yet: velocity needs at least one (close one with 'mbl iteration "
          "close')\n");
    json velocity = json::parse(report(backlog, {"velocity", "--format", "json"}));
    CHECK(velocity["iterations"].empty());
    CHECK(velocity["average"].is_null());
}

TEST_CASE("forecast is reproducible with a seed and lists every release in planning order",
          "[e2e][reports]") {
    TempBacklog backlog("contoso");
    std::string first = report(backlog, {"forecast", "--seed", "7", "--format", "json"});
    CHECK(report(backlog, {"forecast", "--seed", "7", "--format", "json"}) == first);
    std::string table = report(backlog, {"forecast", "--seed", "7"});
    CHECK(report(backlog, {"forecast", "--seed", "7"}) == table);
    CHECK(contains(table, "Based on 5 closed iterations (76, 90, 104, 96, 94 hours): medium "
                          "confidence; each trial's pace widened by +/-8% for so few samples."));
    CHECK(contains(table, "seed 7"));

    json forecast = json::parse(first);
    CHECK(forecast["seed"] == 7);
    CHECK(forecast["trials"] == 10000);
    CHECK(forecast["weak"] == true); // five closed iterations: still widened
    CHECK(forecast["closed_iterations"] == 5);
    CHECK(forecast["confidence"] == "medium");
    std::vector<std::string> order =
        mbl::workloads_in_planning_order(mbl::load_backlog_or_throw(backlog.original()));
    REQUIRE(order.size() == json::parse(backlog.original())["workloads"].size());
    REQUIRE(forecast["releases"].size() == order.size());
    std::vector<json> rows(forecast["releases"].begin(), forecast["releases"].end());
    rows.push_back(forecast["all"]);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const json& row = rows[i];
        CAPTURE(row);
        CHECK(row["workload"] == (i < order.size() ? json(order[i]) : json(nullptr)));
        if (row["remaining_estimate"] == 0) {
            continue;
        }
        REQUIRE(row["percentiles"].size() == 3);
        CHECK(row["percentiles"][0]["percent"] == 50);
        std::string p50 = row["percentiles"][0]["date"];
        std::string p85 = row["percentiles"][1]["date"];
        std::string p95 = row["percentiles"][2]["date"];
        CHECK(p50 <= p85);
        CHECK(p85 <= p95);
        CHECK(row["average_velocity_date"].is_string());
    }
    // The whole backlog is done when the last release is, or later.
    CHECK(forecast["all"]["percentiles"][2]["date"] >=
          forecast["releases"][3]["percentiles"][2]["date"]);
}

TEST_CASE("forecast warns about unestimated assets and defaults to seed 1", "[e2e][reports]") {
    TempBacklog backlog("contoso");
    json forecast = json::parse(report(backlog, {"forecast", "--format", "json"}));
    CHECK(forecast["seed"] == 1);
    CHECK(json::parse(report(backlog, {"forecast", "--format", "json", "--seed", "1"})) ==
          forecast);
    std::size_t unestimated = forecast["all"]["unestimated"];
    REQUIRE(unestimated > 1);
    CHECK(contains(report(backlog, {"forecast"}),
                   "warning: " + std::to_string(unestimated) +
                       " assets have no estimate: the dates are optimistic"));
}

TEST_CASE("forecast --by gives the share done at each confidence", "[e2e][reports]") {
    TempBacklog backlog("contoso");
    json forecast =
        json::parse(report(backlog, {"forecast", "--by", "2027-01-31", "--format", "json"}));
    CHECK(forecast["by"] == "2027-01-31");
    const json& done_by = forecast["all"]["done_by"];
    REQUIRE(done_by.size() == 3);
    CHECK(done_by[0]["percent"] == 50);
    CHECK(done_by[2]["percent"] == 95);
    CHECK(done_by[0]["done_percent"] >= done_by[1]["done_percent"]);
    CHECK(done_by[1]["done_percent"] >= done_by[2]["done_percent"]);
    CHECK(done_by[2]["done_percent"] > 0);
    CHECK(done_by[0]["done_percent"] < 100); // the whole backlog needs until February

    std::string table = report(backlog, {"forecast", "--by", "2027-01-31"});
    CHECK(contains(lines_of(table)[4], "BY 95%"));
    CHECK(contains(table, "done by 2027-01-31"));

    RunResult bad = backlog.run({"forecast", "--by", "2027-02-30"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.out.empty());
    CHECK(contains(bad.err, "mbl: error: --by: '2027-02-30' is not a valid date"));
}

TEST_CASE("forecast refuses a negative seed and zero trials", "[e2e][reports]") {
    TempBacklog backlog("contoso");
    RunResult seed = backlog.run({"forecast", "--seed", "-1"});
    CHECK(seed.exit_code == 2);
    CHECK(contains(seed.err, "--seed: '-1' is not a whole number"));
    RunResult trials = backlog.run({"forecast", "--trials", "0"});
    CHECK(trials.exit_code == 2);
    CHECK(contains(trials.err, "--trials: '0' is not a number of trials from 1 to 10000000"));
    RunResult huge = backlog.run({"forecast", "--trials", "1000000000"});
    CHECK(huge.exit_code == 2);
    CHECK(huge.out.empty());
}

TEST_CASE("forecast --workload shows one release; an unknown one is an input error",
          "[e2e][reports]") {
    TempBacklog backlog("contoso");
    json forecast = json::parse(
        report(backlog, {"forecast", "--workload", "crm", "--format", "json", "--trials", "500"}));
    REQUIRE(forecast["releases"].size() == 1);
    CHECK(forecast["releases"][0]["workload"] == "crm");
    CHECK(forecast["all"].is_null());

    RunResult unknown = backlog.run({"forecast", "--workload", "nope"});
    CHECK(unknown.exit_code == 3);
    CHECK(unknown.out.empty());
}

TEST_CASE("forecast before any closed iteration states a range", "[e2e][reports]") {
    TempBacklog backlog = contoso_without_closed_iterations();
    CHECK(contains(report(backlog, {"forecast"}),
                   "No closed iteration yet: throughput assumed between 60 and 180 hours per "
                   "iteration (default_capacity 120 +/-50%): very low confidence."));
    json forecast = json::parse(report(backlog, {"forecast", "--format", "json"}));
    CHECK(forecast["weak"] == true);
    CHECK(forecast["closed_iterations"] == 0);
    CHECK(forecast["spread_percent"] == 50);
    CHECK(forecast["samples"] == json::array({120}));
}

TEST_CASE("status shows the active iteration, attention and totals", "[e2e][reports]") {
    TempBacklog backlog("contoso");
    json file = json::parse(backlog.original());
    json status = json::parse(report(backlog, {"status", "--format", "json"}));
    CHECK(status["today"] == "2026-11-25");
    REQUIRE(status["active"].is_object());
    CHECK(status["active"]["id"] == "it-6");
    CHECK(status["active"]["day"] == 10);
    CHECK(status["active"]["length_days"] == 14);
    CHECK(status["active"]["days_left"] == 5); // 25 to 29 November, today included
    CHECK(status["active"]["burndown"].size() == 14);
    CHECK(status["assets"] == file["assets"].size());
    CHECK(status["ready_for_staging"].is_array());
    for (const json& item : status["attention"]) {
        CHECK(item["message"].is_string());
    }

    std::string text = report(backlog, {"status", "--color", "never"});
    CHECK(contains(text, "it-6 (Iteration 6)"));
    CHECK(contains(text, "day 10 of 14, 5 days left"));
    CHECK(contains(text, "of " + std::to_string(file["assets"].size()) + " done"));
    for (const json& item : status["attention"]) {
        CHECK(contains(text, item["message"].get<std::string>()));
    }
    CHECK(is_ascii(text));
    CHECK(contains(report(backlog, {"status", "--color", "always"}), "▇"));
}

TEST_CASE("status without an active iteration suggests starting one", "[e2e][reports]") {
    TempBacklog backlog("contoso");
    backlog.write(
        replace_once(backlog.original(), "\"state\": \"active\"", "\"state\": \"closed\""));
    std::string text = report(backlog, {"status"});
    CHECK(contains(text, "none; start one with 'mbl iteration start it-7'"));
    CHECK(json::parse(report(backlog, {"status", "--format", "json"}))["active"].is_null());
}

TEST_CASE("burndown gives a day per day of the iteration, unknown after today", "[e2e][reports]") {
    TempBacklog backlog("contoso");
    json burndown = json::parse(report(backlog, {"burndown", "--format", "json"}));
    CHECK(burndown["iteration"] == "it-6");
    const json& days = burndown["days"];
    REQUIRE(days.size() == 14);
    CHECK(days[0]["day"] == "2026-11-16");
    CHECK(days[9]["day"] == "2026-11-25");
    CHECK(days[9]["remaining"].is_number());
    for (std::size_t i = 10; i < days.size(); ++i) {
        CHECK(days[i]["remaining"].is_null());
    }
    CHECK(days[13]["ideal"] == 0);
    CHECK(days[0]["remaining"] <= burndown["committed_estimate"]);
    CHECK(json::parse(report(backlog, {"burndown", "it-6", "--format", "json"})) == burndown);

    std::vector<std::string> csv = lines_of(report(backlog, {"burndown", "--format", "csv"}));
    REQUIRE(csv.size() == 15);
    CHECK(csv[0] == "day,remaining,ideal,scope");
    CHECK(csv[14] == "2026-11-29,,0,118");
}

TEST_CASE("burndown draws ASCII with --color never and blocks with --color always",
          "[e2e][reports]") {
    TempBacklog backlog("contoso");
    std::string ascii = report(backlog, {"burndown", "--color", "never"});
    CHECK(is_ascii(ascii));
    CHECK(contains(ascii, "# remaining"));
    CHECK(contains(ascii, "2026-11-29          -       0    118"));
    CHECK(contains(ascii, "- total scope"));
    std::string unicode = report(backlog, {"burndown", "--color", "always"});
    CHECK(contains(unicode, "█"));
    CHECK(contains(unicode, "· ideal"));
}

TEST_CASE("burndown without an active iteration needs an id", "[e2e][reports]") {
    TempBacklog backlog("contoso");
    backlog.write(
        replace_once(backlog.original(), "\"state\": \"active\"", "\"state\": \"closed\""));
    RunResult result = backlog.run({"burndown"});
    CHECK(result.exit_code == 3);
    CHECK(result.out.empty());
    CHECK(contains(result.err, "no active iteration; pass an iteration id"));
    CHECK(backlog.run({"burndown", "it-7"}).exit_code == 0);
    CHECK(backlog.run({"burndown", "it-99"}).exit_code == 3);
}

TEST_CASE("reports with --color never print only ASCII", "[e2e][reports]") {
    TempBacklog backlog("contoso");
    for (const char* command : {"velocity", "forecast", "status", "burndown"}) {
        CAPTURE(command);
        CHECK(is_ascii(report(backlog, {command, "--color", "never"})));
    }
}

TEST_CASE("charts follow the terminal with --color auto; NO_COLOR keeps the blocks",
          "[e2e][reports]") {
    TempBacklog backlog("contoso");
    CHECK(is_ascii(report(backlog, {"burndown"}))); // a pipe
    RunOptions terminal;
    terminal.stdout_is_terminal = true;
    RunResult on_terminal = backlog.run({"burndown"}, terminal);
    CAPTURE(on_terminal);
    REQUIRE(on_terminal.exit_code == 0);
    CHECK(contains(on_terminal.out, "█"));
    terminal.env["NO_COLOR"] = "1";
    CHECK(contains(backlog.run({"velocity"}, terminal).out, "█"));
}
