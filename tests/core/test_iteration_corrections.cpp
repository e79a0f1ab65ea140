// Correcting iterations: work replicated late counts where it happened, reopen_iteration, and the
// warnings about a replicated_on that counts nowhere.

#include "iteration_fixtures.hpp"
#include "mbl/forecast.hpp"
#include "mbl/iterations.hpp"
#include "mbl/status.hpp"

#include <catch2/catch.hpp>

using Catch::Matchers::Contains;
using mbl::ExitStatus;
using mbl::IterationState;
using namespace iteration_fixtures;
using Ids = std::vector<std::string>;

namespace {

const mbl::Date today = day("2027-01-19");

// it-1 (active, Jan 4-17) commits a (replicated on its last day) and b (replicated the day
// after: a late update); it-2 (planned, Jan 18-31) commits c.
mbl::Backlog late_backlog() {
    mbl::Backlog backlog;
    backlog.settings.first_iteration_start = day("2027-01-04");
    backlog.assets = {replicated_asset("a", "2027-01-17", 5),
                      replicated_asset("b", "2027-01-18", 3), make_asset("c", 2)};
    backlog.iterations = {
        make_iteration("it-1", "2027-01-04", "2027-01-17", IterationState::active, {"a", "b"}),
        make_iteration("it-2", "2027-01-18", "2027-01-31", IterationState::planned, {"c"})};
    backlog.iterations[0].committed_at_start = Ids{"a", "b"};
    return backlog;
}

} // namespace

TEST_CASE("work replicated after the end counts in the iteration it is carried to",
          "[iterations][corrections]") {
    mbl::Backlog backlog = late_backlog();
    mbl::CloseReport first = mbl::close_iteration(backlog, "it-1", true, 0, today);
    CHECK(first.completed == Ids{"a"});
    CHECK(first.completed_estimate == 5);
    CHECK(first.late == Ids{"b"});
    CHECK(first.carried == Ids{"b"});
    CHECK(backlog.iterations[1].committed == Ids{"c", "b"});

    mbl::start_iteration(backlog, "it-2");
    mbl::CloseReport second = mbl::close_iteration(backlog, "it-2", false, 0, day("2027-02-01"));
    CHECK(second.completed == Ids{"b"});
    CHECK(second.completed_estimate == 3);
    mbl::Velocity velocity = mbl::compute_velocity(backlog, std::nullopt);
    REQUIRE(velocity.iterations.size() == 2);
    CHECK(velocity.average == 4); // (5 + 3) / 2: nothing lost
}

TEST_CASE("the close day does not matter, only the commitment and the replication day",
          "[iterations][corrections]") {
    mbl::Backlog early = late_backlog();
    mbl::Backlog late = late_backlog();
    mbl::CloseReport on_time = mbl::close_iteration(early, "it-1", false, 0, day("2027-01-17"));
    mbl::CloseReport weeks_later = mbl::close_iteration(late, "it-1", false, 0, day("2027-03-01"));
    CHECK(on_time.completed == weeks_later.completed);
    CHECK(on_time.completed_estimate == weeks_later.completed_estimate);
}

TEST_CASE("burndown and status count done work by the close rule", "[iterations][corrections]") {
    mbl::Backlog backlog = late_backlog();
    backlog.assets.push_back(replicated_asset("early", "2027-01-02", 7));
    backlog.iterations[0].committed.push_back("early");
    mbl::Burndown burndown = mbl::compute_burndown(backlog, backlog.iterations[0], today);
    REQUIRE(burndown.days.size() == 14);
    CHECK(burndown.committed_estimate == 15);
    // Only a (5, on the last day) burns down: b is after the end, early before the start.
    CHECK(burndown.days.front().remaining == 15);
    CHECK(burndown.days.back().remaining == 10);
    mbl::StatusReport status = mbl::compute_status(backlog, today);
    REQUIRE(status.active);
    CHECK(status.active->done_estimate == 5);
    CHECK(mbl::close_iteration(backlog, "it-1", false, 0, today).completed_estimate == 5);
}

TEST_CASE("reopen_iteration makes a closed iteration active and recomputes on close",
          "[iterations][corrections]") {
    mbl::Backlog backlog = late_backlog();
    mbl::close_iteration(backlog, "it-1", true, 0, today);
    REQUIRE(backlog.iterations[1].committed == Ids{"c", "b"});

    // The team finished b on the 17th and recorded it late: correct the day, reopen, close.
    backlog.assets[1].replicated_on = day("2027-01-17");
    // Closed, it-1's burndown shows what the close recorded (a, 5 of 8), like its velocity.
    CHECK(mbl::compute_burndown(backlog, backlog.iterations[0], today).days.back().remaining == 3);
    mbl::ReopenReport reopened = mbl::reopen_iteration(backlog, "it-1");
    CHECK(reopened.taken_back == Ids{"b"});
    CHECK(reopened.taken_from == "it-2");
    const mbl::Iteration& it1 = backlog.iterations[0];
    CHECK(it1.state == IterationState::active);
    CHECK_FALSE(it1.completed);
    CHECK_FALSE(it1.completed_estimate);
    CHECK(it1.committed == Ids{"a", "b"});
    CHECK(it1.committed_at_start == Ids{"a", "b"});
    CHECK(backlog.iterations[1].committed == Ids{"c"});

    mbl::CloseReport again = mbl::close_iteration(backlog, "it-1", true, 0, today);
    CHECK(mbl::compute_burndown(backlog, backlog.iterations[0], today).days.back().remaining == 0);
    CHECK(again.completed == Ids{"a", "b"});
    CHECK(again.completed_estimate == 8);
    CHECK(again.carried.empty());
    CHECK(backlog.iterations[1].committed == Ids{"c"});
}

TEST_CASE("reopen_iteration refuses what is not closed and while another is active",
          "[iterations][corrections]") {
    mbl::Backlog backlog = late_backlog();
    mbl::Error active = refusal(backlog, [](mbl::Backlog& b) { mbl::reopen_iteration(b, "it-1"); });
    CHECK(active.status() == ExitStatus::check_failed);
    CHECK(std::string(active.what()) == "it-1 is active; only a closed iteration can be reopened");

    mbl::close_iteration(backlog, "it-1", false, 0, today);
    mbl::start_iteration(backlog, "it-2");
    mbl::Error other = refusal(backlog, [](mbl::Backlog& b) { mbl::reopen_iteration(b, "it-1"); });
    CHECK(other.status() == ExitStatus::check_failed);
    CHECK_THAT(other.what(), Contains("it-2 is active; close it before reopening it-1"));

    mbl::Error unknown =
        refusal(backlog, [](mbl::Backlog& b) { mbl::reopen_iteration(b, "it-9"); });
    CHECK(unknown.status() == ExitStatus::input);
}

TEST_CASE("replication_date_warnings: outside every iteration, after the committed one ended",
          "[iterations][corrections]") {
    mbl::Backlog backlog = late_backlog();
    // a: on the last day of the iteration that commits it: nothing to say.
    CHECK(mbl::replication_date_warnings(backlog, backlog.assets[0]).empty());
    // b: committed to it-1 (open), replicated after it ended.
    auto late = mbl::replication_date_warnings(backlog, backlog.assets[1]);
    REQUIRE(late.size() == 1);
    CHECK_THAT(late[0], Contains("b is committed to it-1, which ended 2027-01-17, but is "
                                 "replicated on 2027-01-18: it will not count in it-1"));
    CHECK_THAT(late[0], Contains("mbl asset set b replicated_on=2027-01-17"));
    // Committed to the planned it-2 but replicated during it-1: it will not count in it-2.
    mbl::Asset early = replicated_asset("c", "2027-01-10", 2);
    auto before = mbl::replication_date_warnings(backlog, early);
    REQUIRE(before.size() == 1);
    CHECK_THAT(before[0], Contains("c is committed to it-2, which starts 2027-01-18, but is "
                                   "replicated on 2027-01-10: it will not count in it-2"));
    // c: replicated after the last iteration ends.
    backlog.assets[2] = replicated_asset("c", "2027-02-02", 2);
    backlog.iterations[1].committed.clear();
    auto outside = mbl::replication_date_warnings(backlog, backlog.assets[2]);
    REQUIRE(outside.size() == 1);
    CHECK_THAT(outside[0], Contains("c is replicated on 2027-02-02, outside every iteration"));
    // Not replicated, or a backlog without iterations: nothing.
    CHECK(mbl::replication_date_warnings(backlog, make_asset("d")).empty());
    backlog.iterations.clear();
    CHECK(mbl::replication_date_warnings(backlog, backlog.assets[2]).empty());
}
