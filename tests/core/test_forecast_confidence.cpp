// How sure a forecast is: the spread that few closed iterations deserve, the range before any,
// determinism with a seed, and the conditional dates of releases with blocked assets.

#include "forecast_fixtures.hpp"
#include "mbl/forecast.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

using namespace mbl;
using namespace mbl::test::forecast;

namespace {

// 200 left in one release; `closed` closed iterations that each completed 20 (two-week
// iterations back to back, the last ending 2027-02-28); default_capacity 20.
Backlog steady_backlog(std::size_t closed_count) {
    Backlog backlog;
    backlog.settings.default_capacity = 20;
    backlog.settings.first_iteration_start = on("2027-03-01");
    backlog.workloads = {workload("crm")};
    backlog.assets = {asset("crm-1", 120, "crm"), asset("crm-2", 80, "crm")};
    Date end = on("2027-02-28");
    for (std::size_t i = closed_count; i > 0; --i) {
        Date start = end.plus_days(-13);
        Iteration made = closed("it-" + std::to_string(i), "2027-01-04", "2027-01-17", 20);
        made.start = start;
        made.end = end;
        backlog.iterations.insert(backlog.iterations.begin(), made);
        end = start.plus_days(-1);
    }
    return backlog;
}

// Iterations between the 50% and the 95% date of the whole backlog.
std::size_t width(const Forecast& forecast) {
    const auto& percentiles = forecast.whole->percentiles;
    return percentiles.at(2).iterations - percentiles.at(0).iterations;
}

} // namespace

TEST_CASE("the spread shrinks with every closed iteration and is gone at six",
          "[forecast][confidence]") {
    CHECK(forecast_spread(0) == 0.5);
    for (std::size_t closed = 1; closed <= 6; ++closed) {
        CHECK(forecast_spread(closed) < forecast_spread(closed - 1));
    }
    CHECK(forecast_spread(6) == 0);
    CHECK(forecast_spread(40) == 0);
    CHECK(forecast_confidence(0) == "very low");
    CHECK(forecast_confidence(2) == "low");
    CHECK(forecast_confidence(5) == "medium");
    CHECK(forecast_confidence(6) == "good");
}

TEST_CASE("the range of dates narrows as samples grow", "[forecast][confidence]") {
    // Every sample is 20, like default_capacity: only the widening spreads the dates.
    std::size_t previous = 1000;
    for (std::size_t closed = 0; closed <= 6; ++closed) {
        Forecast forecast = forecast_completion(steady_backlog(closed), {}, on("2027-03-01"));
        CAPTURE(closed);
        CHECK(forecast.closed_iterations == closed);
        CHECK(forecast.weak == (closed < 6));
        REQUIRE(forecast.whole);
        REQUIRE(forecast.whole->percentiles.size() == 3);
        CHECK(width(forecast) <= previous);
        previous = width(forecast);
        // At the average of 20, 200 takes 10 iterations whatever the spread.
        CHECK(forecast.whole->average_velocity_date == on("2027-03-01").plus_days(10 * 14 - 1));
    }
    CHECK(width(forecast_completion(steady_backlog(0), {}, on("2027-03-01"))) >= 5);
    // Six identical samples: every trial needs exactly 10 iterations.
    Forecast plain = forecast_completion(steady_backlog(6), {}, on("2027-03-01"));
    CHECK(width(plain) == 0);
    CHECK(plain.whole->percentiles[0].iterations == 10);
}

TEST_CASE("a widened forecast is the same for the same seed and moves with another",
          "[forecast][confidence]") {
    ForecastOptions options;
    options.trials = 2000;
    options.seed = 7;
    Forecast first = forecast_completion(steady_backlog(1), options, on("2027-03-01"));
    Forecast again = forecast_completion(steady_backlog(1), options, on("2027-03-01"));
    REQUIRE(first.whole);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(first.whole->percentiles.at(i).iterations ==
              again.whole->percentiles.at(i).iterations);
    }
    options.by = on("2027-06-20"); // eight whole iterations
    Forecast by = forecast_completion(steady_backlog(1), options, on("2027-03-01"));
    Forecast by_again = forecast_completion(steady_backlog(1), options, on("2027-03-01"));
    CHECK(by.whole->done_by == by_again.whole->done_by);
    // Eight iterations at 20 × a pace in [0.58, 1.42): from 93 to 227 of 200, so the 95% share
    // is below 100 while the 50% share is not far from 80.
    CHECK(by.whole->done_by.at(2).second < by.whole->done_by.at(0).second);
    CHECK(by.whole->done_by.at(0).second > 60);
}

TEST_CASE("a release with blocked work has conditional dates", "[forecast][confidence]") {
    Backlog backlog = steady_backlog(2);
    backlog.workloads.push_back(workload("erp", 3));
    backlog.assets.push_back(asset("erp-db", 10, "erp", AssetStatus::blocked));
    Asset app = asset("erp-app", 10, "erp");
    app.depends_on = {"erp-db"};
    backlog.assets.push_back(app);
    backlog.assets.push_back(asset("erp-web", 10, "erp"));
    Forecast forecast = forecast_completion(backlog, {}, on("2027-03-01"));
    REQUIRE(forecast.releases.size() == 2);
    CHECK(forecast.releases[0].workload == "crm");
    CHECK_FALSE(forecast.releases[0].conditional());
    CHECK(forecast.releases[1].workload == "erp");
    CHECK(forecast.releases[1].conditional());
    CHECK(forecast.releases[1].blocked == std::vector<std::string>{"erp-db", "erp-app"});
    CHECK(forecast.releases[1].percentiles.size() == 3); // still computed, marked conditional
    REQUIRE(forecast.whole);
    CHECK(forecast.whole->blocked == std::vector<std::string>{"erp-db", "erp-app"});

    // Unblocked (in progress again): no longer conditional.
    backlog.assets[2].status = AssetStatus::in_progress;
    Forecast unblocked = forecast_completion(backlog, {}, on("2027-03-01"));
    CHECK_FALSE(unblocked.releases[1].conditional());
    CHECK_FALSE(unblocked.whole->conditional());
}

TEST_CASE("waiting on a duplicated id: the first asset holding it decides",
          "[forecast][confidence]") {
    Backlog backlog = steady_backlog(2);
    backlog.workloads.push_back(workload("erp", 3));
    Asset app = asset("erp-app", 10, "erp");
    app.depends_on = {"erp-db"};
    backlog.assets.push_back(app);

    SECTION("the first is in progress, a second of the same id blocked: not waiting") {
        backlog.assets.push_back(asset("erp-db", 10, "erp", AssetStatus::in_progress));
        backlog.assets.push_back(asset("erp-db", 10, "erp", AssetStatus::blocked));
        Forecast forecast = forecast_completion(backlog, {}, on("2027-03-01"));
        REQUIRE(forecast.releases.size() == 2);
        CHECK(forecast.releases[1].blocked == std::vector<std::string>{"erp-db"});
    }
    SECTION("the first is blocked, a second in progress: waiting") {
        backlog.assets.push_back(asset("erp-db", 10, "erp", AssetStatus::blocked));
        backlog.assets.push_back(asset("erp-db", 10, "erp", AssetStatus::in_progress));
        Forecast forecast = forecast_completion(backlog, {}, on("2027-03-01"));
        REQUIRE(forecast.releases.size() == 2);
        CHECK(forecast.releases[1].blocked == std::vector<std::string>{"erp-app", "erp-db"});
    }
}
