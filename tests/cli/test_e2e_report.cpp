// mbl report, end to end on a temporary copy of the Contoso example (today 2026-11-25): the
// Markdown and the JSON say what status, velocity, forecast, release list and validate say in the
// same run, and the file is left alone. (HTML: test_e2e_report_html.cpp.)

#include "report_run.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

using namespace mbl::test;
using namespace mbl::test::report;
using mbl::cli::rounded_number;
using nlohmann::json;

TEST_CASE("report --format markdown says what status, velocity, forecast and release list say",
          "[e2e][report]") {
    TempBacklog backlog("contoso");
    std::string markdown = output_of(backlog, {"report", "--seed", "7"});
    CHECK(markdown.starts_with("# Migration report: Contoso datacenter exit\n"));
    CHECK(contains(markdown, "On 2026-11-25, estimates in hours"));

    SECTION("assets by status") {
        // Retire/retain assets need no migration: a row of their own, whatever their status.
        std::string totals = section_of(markdown, "Assets by status");
        json assets = json_of(backlog, {"asset", "list"});
        std::map<std::string, std::size_t> counts;
        for (const json& asset : assets) {
            bool no_migration = asset["strategy"] == "retire" || asset["strategy"] == "retain";
            ++counts[no_migration ? "retire/retain" : asset["status"].get<std::string>()];
        }
        CHECK(counts["retire/retain"] > 0);
        std::size_t all = 0;
        for (std::string group :
             {"not-started", "in-progress", "blocked", "replicated", "retire/retain"}) {
            all += counts[group];
            CHECK(contains(totals, "| " + group + " | " + std::to_string(counts[group]) + " | "));
        }
        CHECK(contains(totals, "| total | " + std::to_string(all) + " | "));
        CHECK(all == assets.size());
    }
    SECTION("the active iteration") {
        json status = json_of(backlog, {"status"});
        const json& active = status["active"];
        REQUIRE(active.is_object());
        std::string section = section_of(markdown, "Active iteration");
        CHECK(contains(section, active_line(active)));
        CHECK(contains(section, "- committed: " + number(active["committed_estimate"]) + " hours"));
        CHECK(contains(section, "- done: " + number(active["done_estimate"]) + " hours"));
        CHECK(contains(section, "- remaining: " +
                                    rounded_number(active["committed_estimate"].get<double>() -
                                                   active["done_estimate"].get<double>()) +
                                    " hours"));
        CHECK(contains(section, "- capacity: " + number(active["capacity"]) + " hours"));
    }
    SECTION("velocity") {
        json velocity = json_of(backlog, {"velocity"});
        std::string section = section_of(markdown, "Velocity");
        CHECK(contains(section, std::to_string(velocity["iterations"].size()) +
                                    " closed iterations: average " + number(velocity["average"]) +
                                    " hours per iteration, spread " +
                                    number(velocity["standard_deviation"])));
        for (const json& iteration : velocity["iterations"]) {
            CHECK(contains(section, "| " + iteration["id"].get<std::string>() + " | " +
                                        iteration["name"].get<std::string>() + " | " +
                                        iteration["end"].get<std::string>() + " | " +
                                        number(iteration["committed_estimate"]) + " | " +
                                        number(iteration["completed_estimate"]) + " |"));
        }
    }
    SECTION("the forecast, with the same seed") {
        json forecast = json_of(backlog, {"forecast", "--seed", "7"});
        std::string section = section_of(markdown, "Forecast");
        CHECK(contains(section, "10000 trials, seed 7"));
        json rows = forecast["releases"];
        rows.push_back(forecast["all"]);
        for (const json& completion : rows) {
            std::string name = completion["workload"].is_null() ? "all" : completion["workload"];
            CHECK(contains(section,
                           "| " + name + " | " + number(completion["remaining_estimate"]) + " | " +
                               std::to_string(completion["assets_left"].get<int>()) + " | " +
                               std::to_string(completion["unestimated"].get<int>()) + " | " +
                               date_at(completion, 50) + " | " + date_at(completion, 85) + " | " +
                               date_at(completion, 95) + " |"));
        }
    }
    SECTION("release readiness, its 85% dates from the same seeded forecast") {
        json releases = json_of(backlog, {"release", "list"});
        json forecast = json_of(backlog, {"forecast", "--seed", "7"});
        std::string section = section_of(markdown, "Release readiness");
        REQUIRE(releases.size() == forecast["releases"].size());
        for (std::size_t r = 0; r < releases.size(); ++r) {
            const json& release = releases[r];
            std::string next = release["next_stage"].is_null() ? "-" : release["next_stage"];
            std::string blockers =
                release["next_stage"].is_null() ? "" : std::to_string(release["blockers"].size());
            CHECK(contains(section, "| " + release["id"].get<std::string>() + " | " +
                                        release["name"].get<std::string>() + " | " +
                                        release["stage"].get<std::string>() + " | " +
                                        std::to_string(release["assets_done"].get<int>()) + "/" +
                                        std::to_string(release["assets_total"].get<int>()) + " | " +
                                        next + " | " + blockers +
                                        (blockers.empty() ? "| " : " | ") +
                                        date_at(forecast["releases"][r], 85) + " |"));
        }
    }
    SECTION("problems") {
        CHECK(contains(section_of(markdown, "Problems"), "None: the file is valid."));
    }
}

TEST_CASE("report is the same every run, and --seed changes only the forecast's draw",
          "[e2e][report]") {
    TempBacklog backlog("contoso");
    std::string first = output_of(backlog, {"report"});
    CHECK(output_of(backlog, {"report"}) == first);
    CHECK(output_of(backlog, {"report", "--format", "markdown", "-o", "-"}) == first);
    CHECK(contains(first, "10000 trials, seed 1;"));
    std::string seeded = output_of(backlog, {"report", "--seed", "7", "--trials", "500"});
    CHECK(contains(seeded, "500 trials, seed 7;"));
    CHECK(section_of(seeded, "Velocity") == section_of(first, "Velocity"));
    // --last: the velocity of the last closed iterations, as `mbl velocity --last` gives it.
    json last = json_of(backlog, {"velocity", "--last", "2"});
    std::string recent = output_of(backlog, {"report", "--last", "2"});
    CHECK(contains(section_of(recent, "Velocity"),
                   "2 closed iterations: average " + number(last["average"]) + " hours"));
}

TEST_CASE("report lists validate's problems with their lines", "[e2e][report]") {
    TempBacklog contoso("contoso");
    // A hand-typed key: validate warns, naming its line; the report still runs (exit 0).
    TempBacklog backlog = TempBacklog::with_text(
        replace_once(contoso.original(), "\"estimate\": 40,", "\"estimat\": 40,"));
    json validate = json::parse(backlog.run({"validate", "--format", "json"}).out);
    REQUIRE(validate["warnings"] == 1);
    const json& problem = validate["problems"][0];
    std::string markdown = output_of(backlog, {"report"});
    std::string section = section_of(markdown, "Problems");
    CHECK(contains(section, "0 errors, 1 warning."));
    CHECK(contains(section, "| backlog.json:" + std::to_string(problem["line"].get<int>()) + ":" +
                                std::to_string(problem["column"].get<int>()) + " | warning | " +
                                problem["code"].get<std::string>() + " | "));
}

TEST_CASE("report --format json holds the documents of the commands it gathers from",
          "[e2e][report]") {
    TempBacklog contoso("contoso");
    TempBacklog backlog = TempBacklog::with_text(
        replace_once(contoso.original(), "\"estimate\": 40,", "\"estimat\": 40,"));
    json report = json_of(backlog, {"report"});
    CHECK(report["file"] == "backlog.json");
    CHECK(report["today"] == "2026-11-25");
    CHECK(report["status"] == json_of(backlog, {"status"}));
    CHECK(report["velocity"] == json_of(backlog, {"velocity"}));
    CHECK(report["forecast"] == json_of(backlog, {"forecast"}));
    CHECK(report["releases"] == json_of(backlog, {"release", "list"}));
    json validate = json::parse(backlog.run({"validate", "--format", "json"}).out);
    CHECK(report["problems"]["problems"] == validate["problems"]);
    CHECK(report["problems"]["warnings"] == 1);
    REQUIRE(report["totals"].size() == 5);
    CHECK(report["totals"][3]["status"] == "replicated");
    CHECK(report["totals"][4]["status"] == "no-migration");
    CHECK(report["overall"] == report["status"]["overall"]);
    CHECK(report["overall"] == report["forecast"]["overall"]);

    json seeded = json_of(backlog, {"report", "--seed", "7", "--trials", "500", "--last", "2"});
    CHECK(seeded["forecast"] == json_of(backlog, {"forecast", "--seed", "7", "--trials", "500"}));
    CHECK(seeded["velocity"] == json_of(backlog, {"velocity", "--last", "2"}));
    // Release progress: the assets of each release by group add up to its total.
    REQUIRE(report["progress"].size() == report["releases"].size());
    for (std::size_t r = 0; r < report["progress"].size(); ++r) {
        const json& progress = report["progress"][r];
        CHECK(progress["id"] == report["releases"][r]["id"]);
        int sum = 0;
        for (const char* group :
             {"not-started", "in-progress", "blocked", "replicated", "no-migration"}) {
            sum += progress[group].get<int>();
        }
        CHECK(sum == report["releases"][r]["assets_total"]);
        CHECK(progress["replicated"].get<int>() + progress["no-migration"].get<int>() ==
              report["releases"][r]["assets_done"]);
    }
}

TEST_CASE("report of a backlog without an active or closed iteration says so", "[e2e][report]") {
    TempBacklog backlog("minimal");
    std::string markdown = output_of(backlog, {"report"});
    CHECK(contains(section_of(markdown, "Active iteration"), "No active iteration."));
    CHECK(contains(section_of(markdown, "Velocity"), "No closed iteration yet"));
    CHECK(contains(section_of(markdown, "Forecast"),
                   "No closed iteration yet: throughput assumed between 40 and 120 hours per "
                   "iteration (default\\_capacity 80 +/-50%): very low confidence."));
    json forecast = json_of(backlog, {"forecast"});
    CHECK(contains(section_of(markdown, "Forecast"),
                   "| all | " + number(forecast["all"]["remaining_estimate"]) + " | "));

    std::string page = output_of(backlog, {"report", "--format", "html"});
    CHECK(contains(page, "No active iteration."));
    CHECK_FALSE(contains(page, "<title>Burndown"));
    CHECK_FALSE(contains(page, "<title>Velocity"));
    CHECK(contains(page, "<title>Progress per release: assets by status</title>"));
}

TEST_CASE("report refuses a file the loader cannot read, as every read-only command does",
          "[e2e][report]") {
    TempBacklog contoso("contoso");
    // An impossible date: the loader's error, not validation's (the check and the report share
    // one model, which must never stand in for a file that could not be read).
    TempBacklog backlog = TempBacklog::with_text(
        replace_once(contoso.original(), "\"start\": \"2026-11-16\"", "\"start\": \"2026-13-16\""));
    std::string before = backlog.text();
    RunResult status = backlog.run(with_day({"status"}));
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"report"}, {"report", "--format", "json"}}) {
        RunResult result = backlog.run(with_day(args));
        CAPTURE(args, result);
        CHECK(result.exit_code == 3);
        CHECK(result.out.empty());
        CHECK(contains(result.err, "2026-13-16"));
        CHECK(result.err == status.err);
    }
    CHECK(status.exit_code == 3);
    CHECK(backlog.text() == before);
}
