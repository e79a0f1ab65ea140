// A month of a new engagement, end to end over simulated days (--today): the forecast uses the
// first closed iterations and says how sure it is, and blocked releases get conditional dates
// (docs/forecasting.md).
#include "forecast_engagement.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace mbl::test;
using namespace mbl::test::engagement;
using nlohmann::json;

namespace {

const json& release_in(const json& forecast, const std::string& workload) {
    for (const json& release : forecast["releases"]) {
        if (release["workload"] == workload) {
            return release;
        }
    }
    FAIL("no release " << workload);
    throw std::logic_error("unreachable");
}

std::size_t iterations_at(const json& completion, int percent) {
    for (const json& at : completion["percentiles"]) {
        if (at["percent"] == percent) {
            return at["iterations"].get<std::size_t>();
        }
    }
    FAIL("no percentile " << percent);
    return 0;
}

} // namespace

TEST_CASE("forecast: a stated range before any iteration, then both closed iterations",
          "[e2e][forecast][scenario]") {
    Engagement team;
    start_engagement(team);

    // Day one: no closed iteration, a range around default_capacity, very low confidence.
    std::string before = team.ok({"forecast"}, "2027-01-01");
    CHECK(contains(before,
                   "No closed iteration yet: throughput assumed between 2.5 and 7.5 "
                   "points per iteration (default_capacity 5 +/-50%): very low confidence"));
    json guess = team.json_of({"forecast"}, "2027-01-01");
    CHECK(guess["closed_iterations"] == 0);
    CHECK(guess["confidence"] == "very low");
    CHECK(guess["spread_percent"] == 50);
    CHECK(guess["samples"] == json::array({5}));
    // 90 points at 5 × [0.5, 1.5): 12 iterations at best, 18 at the average.
    CHECK(iterations_at(guess["all"], 50) >= 12);
    CHECK(iterations_at(guess["all"], 95) > iterations_at(guess["all"], 50));

    // Two iterations: 30 then 20 points.
    run_iteration(team, "it-1", "2027-01-04", "2027-01-18",
                  {{"crm-1", "2027-01-06"}, {"crm-2", "2027-01-12"}, {"crm-3", "2027-01-15"}});
    run_iteration(team, "it-2", "2027-01-18", "2027-02-01",
                  {{"crm-4", "2027-01-20"}, {"crm-5", "2027-01-28"}});
    json velocity = team.json_of({"velocity"}, "2027-02-01");
    REQUIRE(velocity["iterations"].size() == 2);
    CHECK(velocity["average"] == 25);

    std::string table = team.ok({"forecast"}, "2027-02-01");
    CHECK(contains(table, "Based on 2 closed iterations (30, 20 points): low confidence; each "
                          "trial's pace widened by +/-33% for so few samples."));
    json after = team.json_of({"forecast"}, "2027-02-01");
    CHECK(after["closed_iterations"] == 2);
    CHECK(after["confidence"] == "low");
    CHECK(after["weak"] == true);
    CHECK(after["spread_percent"] == 33);
    CHECK(after["samples"] == json::array({30, 20}));
    CHECK(after["first_iteration_start"] == "2027-02-01");
    // 40 left (crm-6 and erp): at 20-30 × [0.67, 1.33) two or three iterations, never the
    // eight or more that default_capacity 5 would take.
    CHECK(iterations_at(after["all"], 50) <= 3);
    CHECK(iterations_at(after["all"], 95) <= 5);

    // The same file without the closed iterations' samples: the default_capacity forecast.
    json file = json::parse(read_file(team.file()));
    for (json& iteration : file["iterations"]) {
        iteration.erase("completed_estimate");
    }
    write_file(team.file(), file.dump(2));
    json fallback = team.json_of({"forecast"}, "2027-02-01");
    CHECK(fallback["closed_iterations"] == 0);
    CHECK(iterations_at(fallback["all"], 50) >= 8);
    CHECK(fallback["all"]["percentiles"] != after["all"]["percentiles"]);
}

TEST_CASE("forecast: the same forecast in release list and report, seeded",
          "[e2e][forecast][scenario]") {
    Engagement team;
    start_engagement(team);
    run_iteration(team, "it-1", "2027-01-04", "2027-01-18",
                  {{"crm-1", "2027-01-06"}, {"crm-2", "2027-01-12"}});
    json forecast = team.json_of({"forecast"}, "2027-01-18");
    CHECK(forecast == team.json_of({"forecast"}, "2027-01-18")); // deterministic
    CHECK(forecast["closed_iterations"] == 1);
    json releases = team.json_of({"release", "list"}, "2027-01-18");
    for (const json& release : releases) {
        std::string id = release["id"];
        const json& completion = release_in(forecast, id);
        std::string date_85;
        for (const json& at : completion["percentiles"]) {
            if (at["percent"] == 85) {
                date_85 = at["date"];
            }
        }
        CHECK(release["forecast_85"] == date_85);
        CHECK(release["forecast_conditional"] == false);
    }
    json report = team.json_of({"report"}, "2027-01-18");
    CHECK(report["forecast"]["closed_iterations"] == 1);
    CHECK(report["forecast"]["releases"] == forecast["releases"]);
}

TEST_CASE("forecast: a release with a blocked asset gets no confident date",
          "[e2e][forecast][scenario]") {
    Engagement team;
    start_engagement(team);
    team.ok({"asset", "set", "erp-3", "status=blocked"}, "2027-01-02");
    team.ok({"asset", "set", "erp-2", "depends_on=erp-3"}, "2027-01-02");

    json forecast = team.json_of({"forecast"}, "2027-01-02");
    const json& erp = release_in(forecast, "erp");
    CHECK(erp["conditional"] == true);
    CHECK(erp["blocked_assets"] == json::array({"erp-2", "erp-3"}));
    CHECK(release_in(forecast, "crm")["conditional"] == false);
    CHECK(forecast["all"]["conditional"] == true);

    std::string table = team.ok({"forecast"}, "2027-01-02");
    CHECK(contains(table, "*erp: dates only if unblocked (blocked or waiting on a blocked asset: "
                          "erp-2, erp-3)"));
    for (const std::string& line : lines_of(table)) {
        if (line.rfind("erp ", 0) == 0) {
            CHECK(contains(line, ")*"));
        }
        if (line.rfind("crm ", 0) == 0) {
            CHECK_FALSE(contains(line, "*"));
        }
    }

    std::string releases = team.ok({"release", "list"}, "2027-01-02");
    CHECK(contains(releases, "\nif unblocked: the release waits on blocked assets; the date "
                             "holds only once they are unblocked ('mbl forecast' names them).\n"));
    for (const std::string& line : lines_of(releases)) {
        if (line.rfind("erp", 0) == 0) {
            CHECK(contains(line, " if unblocked"));
        }
        if (line.rfind("crm", 0) == 0) {
            CHECK_FALSE(contains(line, "if unblocked"));
        }
    }
    json list = team.json_of({"release", "list"}, "2027-01-02");
    CHECK(list[1]["id"] == "erp");
    CHECK(list[1]["forecast_conditional"] == true);
    CHECK(list[1]["blocked_assets"] == json::array({"erp-2", "erp-3"}));
    std::string report = team.ok({"report", "--format", "markdown"}, "2027-01-02");
    CHECK(contains(report, "if unblocked"));
    CHECK(contains(report, "erp: dates only if unblocked"));

    // Unblocked: the dates are plain again.
    team.ok({"asset", "set", "erp-3", "status=in-progress"}, "2027-01-03");
    CHECK(release_in(team.json_of({"forecast"}, "2027-01-03"), "erp")["conditional"] == false);
}
