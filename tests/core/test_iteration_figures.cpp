// iteration_figures (mbl/iteration_figures.hpp) and default_iteration_capacity (mbl/planning.hpp).
#include "mbl/iteration_figures.hpp"
#include "mbl/planning.hpp"

#include <catch2/catch.hpp>

using namespace mbl;

namespace {

Date day(const char* text) {
    return *Date::parse(text);
}

Asset asset(const char* id, std::optional<double> estimate,
            AssetStatus status = AssetStatus::not_started) {
    Asset made;
    made.id = id;
    made.estimate = estimate;
    made.status = status;
    return made;
}

Backlog sample() {
    Backlog backlog;
    backlog.assets = {asset("a", 10, AssetStatus::replicated), asset("b", 4), asset("c", {}),
                      asset("d", 2.5, AssetStatus::replicated)};
    backlog.assets[1].tasks = {{"one", 1, true, {}}, {"two", 2, false, {}}}; // effective 3
    Iteration iteration;
    iteration.id = "it-1";
    iteration.start = day("2027-01-04");
    iteration.end = day("2027-01-17");
    iteration.state = IterationState::active;
    iteration.committed = {"a", "b", "c", "a", "ghost"};
    backlog.iterations.push_back(iteration);
    return backlog;
}

} // namespace

TEST_CASE("iteration_figures counts each committed id once; unknown and unestimated add 0",
          "[iteration-figures]") {
    Backlog backlog = sample();
    IterationFigures figures = iteration_figures(backlog, backlog.iterations[0], day("2027-01-10"));
    CHECK(figures.committed_assets == 4); // a, b, c, ghost
    CHECK(figures.committed_estimate == 13);
    REQUIRE(figures.done_estimate);
    CHECK(*figures.done_estimate == 10);
    CHECK(figures.done_assets == 1);
    CHECK(figures.days_left == 8);
    CHECK_FALSE(figures.started);
}

TEST_CASE("iteration_figures counts days left as status does", "[iteration-figures]") {
    Backlog backlog = sample();
    const Iteration& iteration = backlog.iterations[0];
    CHECK(iteration_figures(backlog, iteration, day("2027-01-01")).days_left == 14);
    CHECK(iteration_figures(backlog, iteration, day("2027-01-17")).days_left == 1);
    CHECK(iteration_figures(backlog, iteration, day("2027-01-18")).days_left == 0);
    backlog.iterations[0].state = IterationState::planned;
    CHECK_FALSE(iteration_figures(backlog, iteration, day("2027-01-10")).days_left);
}

TEST_CASE("a closed iteration's done estimate is the one it recorded", "[iteration-figures]") {
    Backlog backlog = sample();
    Iteration& iteration = backlog.iterations[0];
    iteration.state = IterationState::closed;
    CHECK_FALSE(iteration_figures(backlog, iteration, day("2027-02-01")).done_estimate);
    iteration.completed = {"a", "d"};
    iteration.completed_estimate = 7; // as recorded, whatever the assets say now
    IterationFigures figures = iteration_figures(backlog, iteration, day("2027-02-01"));
    CHECK(figures.done_estimate == 7);
    CHECK(figures.done_assets == 2);
    CHECK_FALSE(figures.days_left);
}

TEST_CASE("iteration_figures lists the scope added and removed since the start",
          "[iteration-figures]") {
    Backlog backlog = sample();
    Iteration& iteration = backlog.iterations[0];
    iteration.committed_at_start = std::vector<std::string>{"a", "d", "b", "d"};
    IterationFigures figures = iteration_figures(backlog, iteration, day("2027-01-10"));
    CHECK(figures.started);
    CHECK(figures.added_since_start == std::vector<std::string>{"c", "ghost"});
    CHECK(figures.removed_since_start == std::vector<std::string>{"d"});
}

TEST_CASE("default_iteration_capacity rounds the velocity to hundredths", "[iteration-figures]") {
    Backlog backlog;
    backlog.settings.default_capacity = 50;
    CHECK(default_iteration_capacity(backlog).value == 50);
    CHECK(default_iteration_capacity(backlog).source == CapacitySource::default_capacity);
    for (double completed : {10.0, 10.0, 12.0}) {
        Iteration closed;
        closed.id = "it-" + std::to_string(backlog.iterations.size() + 1);
        closed.state = IterationState::closed;
        closed.completed_estimate = completed;
        backlog.iterations.push_back(closed);
    }
    PlanningCapacity capacity = default_iteration_capacity(backlog);
    CHECK(capacity.value == 10.67);
    CHECK(capacity.source == CapacitySource::velocity);
    CHECK(estimate_of(sample(), {"a", "b", "a", "ghost"}) == 13);
}
