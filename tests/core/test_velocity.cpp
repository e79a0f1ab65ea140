// compute_velocity: closed iterations by end date, committed and completed estimates, statistics.

#include "forecast_fixtures.hpp"
#include "mbl/forecast.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using namespace mbl;
using namespace mbl::test::forecast;
using Catch::Detail::Approx;

namespace {

// it-1 (committed a+b at start, a at close), it-3 listed before it-2 but ending later, an
// iteration closed without a completed estimate, and an active one.
Backlog velocity_backlog() {
    Backlog backlog;
    Asset with_tasks = asset("c", 100);
    with_tasks.tasks = {
        {"Replicate", 3.0, false, {}}, {"Test", 4.0, true, {}}, {"Cut", {}, false, {}}};
    backlog.assets = {asset("a", 10), asset("b", 5), with_tasks, asset("d", std::nullopt)};

    Iteration first = closed("it-1", "2027-01-04", "2027-01-17", 12, {"a"}, {"a"});
    first.committed_at_start = std::vector<std::string>{"a", "b"};
    backlog.iterations = {
        first,
        closed("it-3", "2027-02-01", "2027-02-14", 7, {"c", "d", "ghost"}, {"c"}),
        closed("it-2", "2027-01-18", "2027-01-31", 5, {"b"}, {"b"}),
        iteration("it-4", "2027-02-15", "2027-02-28", IterationState::closed, {"a"}),
        iteration("it-5", "2027-03-01", "2027-03-14", IterationState::active, {"b"}),
    };
    return backlog;
}

} // namespace

TEST_CASE("velocity lists the closed iterations with a completed estimate by end date",
          "[forecast][velocity]") {
    Velocity velocity = compute_velocity(velocity_backlog(), std::nullopt);
    REQUIRE(velocity.iterations.size() == 3);
    CHECK(velocity.iterations[0].iteration_id == "it-1");
    CHECK(velocity.iterations[1].iteration_id == "it-2");
    CHECK(velocity.iterations[2].iteration_id == "it-3");
    CHECK(velocity.iterations[2].name == "Iteration it-3");
    CHECK(velocity.iterations[2].start == on("2027-02-01"));
    CHECK(velocity.iterations[2].end == on("2027-02-14"));
}

TEST_CASE("velocity counts the commitment at start at today's estimates", "[forecast][velocity]") {
    Velocity velocity = compute_velocity(velocity_backlog(), std::nullopt);
    REQUIRE(velocity.iterations.size() == 3);
    // it-1: a + b from committed_at_start; it-2: b; it-3: c by its tasks (3 + 4), d unestimated,
    // "ghost" unknown.
    CHECK(velocity.iterations[0].committed_estimate == 15);
    CHECK(velocity.iterations[1].committed_estimate == 5);
    CHECK(velocity.iterations[2].committed_estimate == 7);
    // The completed estimate is the recorded one, not a's estimate today.
    CHECK(velocity.iterations[0].completed_estimate == 12);
    CHECK(velocity.iterations[0].assets_migrated == 1);
    CHECK(velocity.iterations[2].assets_migrated == 1);
}

TEST_CASE("velocity statistics: average, population deviation, extremes", "[forecast][velocity]") {
    Velocity velocity = compute_velocity(velocity_backlog(), std::nullopt);
    CHECK(velocity.average == Approx(8));
    // deviations 4, -3, -1: sqrt(26 / 3)
    CHECK(velocity.standard_deviation == Approx(std::sqrt(26.0 / 3)));
    CHECK(velocity.minimum == 5);
    CHECK(velocity.maximum == 12);
}

TEST_CASE("velocity over the last N closed iterations", "[forecast][velocity]") {
    Velocity two = compute_velocity(velocity_backlog(), 2);
    REQUIRE(two.iterations.size() == 2);
    CHECK(two.iterations[0].iteration_id == "it-2");
    CHECK(two.average == Approx(6));
    CHECK(two.standard_deviation == Approx(1));
    CHECK(two.minimum == 5);
    CHECK(two.maximum == 7);

    CHECK(compute_velocity(velocity_backlog(), 10).iterations.size() == 3);
    Velocity none = compute_velocity(velocity_backlog(), 0);
    CHECK(none.iterations.empty());
    CHECK(none.average == 0);
}

TEST_CASE("velocity without a closed iteration is empty", "[forecast][velocity]") {
    Backlog backlog = velocity_backlog();
    backlog.iterations.resize(1);
    backlog.iterations[0].state = IterationState::active;
    Velocity velocity = compute_velocity(backlog, std::nullopt);
    CHECK(velocity.iterations.empty());
    CHECK(velocity.average == 0);
    CHECK(velocity.standard_deviation == 0);
    CHECK(velocity.minimum == 0);
    CHECK(velocity.maximum == 0);
}
