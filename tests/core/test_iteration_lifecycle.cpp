#include "iteration_fixtures.hpp"
#include "mbl/iterations.hpp"

#include <catch2/catch.hpp>

using Catch::Matchers::Contains;
using mbl::ExitStatus;
using mbl::IterationState;
using namespace iteration_fixtures;
using Ids = std::vector<std::string>;

namespace {

const mbl::Date today = day("2027-03-01");

// it-1 (closed, Jan 4-17), it-2 (active, Jan 18-31), it-3 (planned, Feb 1-14).
mbl::Backlog three_iterations() {
    mbl::Backlog backlog;
    backlog.settings.first_iteration_start = day("2027-01-04");
    backlog.assets = {make_asset("crm-sql-01"), make_asset("crm-web-01")};
    backlog.iterations = {
        make_iteration("it-1", "2027-01-04", "2027-01-17", IterationState::closed),
        make_iteration("it-2", "2027-01-18", "2027-01-31", IterationState::active, {"crm-sql-01"}),
        make_iteration("it-3", "2027-02-01", "2027-02-14", IterationState::planned,
                       {"crm-web-01"})};
    return backlog;
}

} // namespace

TEST_CASE("require_iteration finds an iteration or suggests the nearest id", "[iterations]") {
    mbl::Backlog backlog = three_iterations();
    CHECK(&mbl::require_iteration(backlog, "it-2") == &backlog.iterations[1]);
    const mbl::Backlog& constant = backlog;
    CHECK(mbl::require_iteration(constant, "it-3").id == "it-3");

    mbl::Error typo = error_from([&] { mbl::require_iteration(constant, "it-4"); });
    CHECK(typo.status() == ExitStatus::input);
    CHECK(std::string(typo.what()) == "unknown iteration 'it-4'; did you mean 'it-1'?");
    mbl::Error far = error_from([&] { mbl::require_iteration(backlog, "sprint-twelve"); });
    CHECK(far.status() == ExitStatus::input);
    CHECK(std::string(far.what()) ==
          "unknown iteration 'sprint-twelve'; 'mbl iteration list' shows the existing ones");
    mbl::Backlog empty;
    mbl::Error none = error_from([&] { mbl::require_iteration(empty, "it-1"); });
    CHECK(none.status() == ExitStatus::input);
    CHECK(std::string(none.what()) == "unknown iteration 'it-1'; the backlog has no iterations "
                                      "yet ('mbl iteration add' adds one)");
}

TEST_CASE("next_iteration_start follows the iteration that ends last", "[iterations]") {
    mbl::Backlog backlog;
    CHECK(mbl::next_iteration_start(backlog, today) == today);
    backlog.settings.first_iteration_start = day("2027-01-04");
    CHECK(mbl::next_iteration_start(backlog, today) == day("2027-01-04"));
    backlog = three_iterations();
    CHECK(mbl::next_iteration_start(backlog, today) == day("2027-02-15"));
    std::swap(backlog.iterations[0], backlog.iterations[2]); // file order does not matter
    CHECK(mbl::next_iteration_start(backlog, today) == day("2027-02-15"));
}

TEST_CASE("add_iteration never starts the first iteration before the setting", "[iterations]") {
    mbl::Backlog backlog;
    backlog.settings.first_iteration_start = day("2027-01-04");
    mbl::Error early = refusal(backlog, [](mbl::Backlog& b) {
        mbl::add_iteration(b, {day("2026-12-01"), 100, std::nullopt}, today);
    });
    CHECK(early.status() == ExitStatus::check_failed);
    CHECK_THAT(early.what(), Contains("before settings.first_iteration_start (2027-01-04)"));
    CHECK(mbl::add_iteration(backlog, {day("2027-01-11"), 100, std::nullopt}, today).start ==
          day("2027-01-11"));
}

TEST_CASE("add_iteration appends the next time box", "[iterations]") {
    mbl::Backlog backlog;
    backlog.settings.first_iteration_start = day("2027-01-04");

    mbl::Iteration& first = mbl::add_iteration(backlog, {std::nullopt, 120, std::nullopt}, today);
    CHECK(first.id == "it-1");
    CHECK(first.name == "Iteration 1");
    CHECK(first.start == day("2027-01-04"));
    CHECK(first.end == day("2027-01-17"));
    CHECK(first.capacity == 120);
    CHECK(first.state == IterationState::planned);
    CHECK(first.committed.empty());
    CHECK_FALSE(first.committed_at_start);
    CHECK_FALSE(first.completed);

    mbl::Iteration& second = mbl::add_iteration(backlog, {std::nullopt, 0, "Cut-over"}, today);
    CHECK(second.id == "it-2");
    CHECK(second.name == "Cut-over");
    CHECK(second.start == day("2027-01-18"));
    CHECK(second.end == day("2027-01-31"));

    SECTION("a later start leaves a gap") {
        mbl::Iteration& third = mbl::add_iteration(backlog, {day("2027-02-10"), 80, {}}, today);
        CHECK(third.start == day("2027-02-10"));
        CHECK(third.end == day("2027-02-23"));
        CHECK(backlog.iterations.size() == 3);
    }
    SECTION("the length comes from the settings") {
        backlog.settings.iteration_length_days = 1;
        mbl::Iteration& one_day = mbl::add_iteration(backlog, {}, today);
        CHECK(one_day.start == day("2027-02-01"));
        CHECK(one_day.end == one_day.start);
    }
}

TEST_CASE("add_iteration numbers after the highest it-N only", "[iterations]") {
    mbl::Backlog backlog;
    backlog.iterations = {
        make_iteration("it-7", "2027-01-04", "2027-01-17", IterationState::closed),
        make_iteration("sprint-99", "2027-01-18", "2027-01-31", IterationState::closed),
        make_iteration("it-x2", "2027-02-01", "2027-02-14", IterationState::closed),
        make_iteration("it-3", "2027-02-15", "2027-02-28", IterationState::closed)};
    mbl::Iteration& added = mbl::add_iteration(backlog, {}, today);
    CHECK(added.id == "it-8");
    CHECK(added.name == "Iteration 8");
    CHECK(added.start == day("2027-03-01"));
}

TEST_CASE("add_iteration without any iteration starts where it is asked", "[iterations]") {
    mbl::Backlog backlog;
    backlog.settings.first_iteration_start = day("2027-01-04");
    mbl::Iteration& later = mbl::add_iteration(backlog, {day("2027-01-11"), 0, {}}, today);
    CHECK(later.start == day("2027-01-11"));
    backlog.iterations.clear();
    backlog.settings.first_iteration_start.reset();
    CHECK(mbl::add_iteration(backlog, {}, today).start == today);
}

TEST_CASE("add_iteration refuses an overlap, a bad capacity or name, a bad length",
          "[iterations]") {
    mbl::Backlog backlog = three_iterations();
    mbl::Error overlap = refusal(backlog, [](mbl::Backlog& b) {
        mbl::add_iteration(b, {day("2027-02-10"), 0, {}}, today);
    });
    CHECK(overlap.status() == ExitStatus::check_failed);
    CHECK(std::string(overlap.what()) == "it-4 would start 2027-02-10, before it-3 ends "
                                         "(2027-02-14); the earliest start is 2027-02-15");
    // The day before the earliest start is refused, the earliest start itself is not.
    refusal(backlog, [](mbl::Backlog& b) {
        mbl::add_iteration(b, {day("2027-02-14"), 0, {}}, today);
    });
    CHECK(mbl::add_iteration(backlog, {day("2027-02-15"), 0, {}}, today).id == "it-4");

    backlog = three_iterations();
    mbl::Error capacity = refusal(backlog, [](mbl::Backlog& b) {
        mbl::add_iteration(b, {std::nullopt, -5, {}}, today);
    });
    CHECK(capacity.status() == ExitStatus::usage);
    CHECK_THAT(capacity.what(), Contains("capacity must be a number from 0 to 1000000000000000"));
    mbl::Error huge = refusal(backlog, [](mbl::Backlog& b) {
        mbl::add_iteration(b, {std::nullopt, 1e308, {}}, today);
    });
    CHECK(huge.status() == ExitStatus::usage);

    mbl::Error name = refusal(backlog, [](mbl::Backlog& b) {
        mbl::add_iteration(b, {std::nullopt, 0, " "}, today);
    });
    CHECK(name.status() == ExitStatus::usage);
    CHECK(std::string(name.what()) == "name must not be empty");

    backlog.settings.iteration_length_days = 0;
    mbl::Error length = refusal(backlog, [](mbl::Backlog& b) { mbl::add_iteration(b, {}, today); });
    CHECK(length.status() == ExitStatus::input);
    CHECK_THAT(length.what(), Contains("settings.iteration_length_days is 0"));
}

TEST_CASE("open_iteration_committing ignores closed iterations and the exception", "[iterations]") {
    mbl::Backlog backlog = three_iterations();
    backlog.iterations[0].committed = {"crm-sql-01", "crm-web-01"};
    CHECK(mbl::open_iteration_committing(backlog, "crm-sql-01") == &backlog.iterations[1]);
    CHECK(mbl::open_iteration_committing(backlog, "crm-web-01") == &backlog.iterations[2]);
    CHECK(mbl::open_iteration_committing(backlog, "crm-web-01", "it-3") == nullptr);
    CHECK(mbl::open_iteration_committing(backlog, "crm-sql-01", "it-3") == &backlog.iterations[1]);
    CHECK(mbl::open_iteration_committing(backlog, "nothing") == nullptr);
}

TEST_CASE("start_iteration makes a planned iteration active and records the commitment",
          "[iterations]") {
    mbl::Backlog backlog = three_iterations();
    backlog.iterations[1].state = IterationState::closed;
    mbl::start_iteration(backlog, "it-3");
    const mbl::Iteration& started = backlog.iterations[2];
    CHECK(started.state == IterationState::active);
    REQUIRE(started.committed_at_start);
    CHECK(*started.committed_at_start == Ids{"crm-web-01"});
    // A later change of scope leaves the record as it was.
    backlog.iterations[2].committed.push_back("crm-sql-01");
    CHECK(*started.committed_at_start == Ids{"crm-web-01"});
}

TEST_CASE("start_iteration refuses what is not planned and a second active one", "[iterations]") {
    mbl::Backlog backlog = three_iterations();
    mbl::Error other = refusal(backlog, [](mbl::Backlog& b) { mbl::start_iteration(b, "it-3"); });
    CHECK(other.status() == ExitStatus::check_failed);
    CHECK(std::string(other.what()) ==
          "it-2 is active; close it before starting it-3 (at most one iteration is active)");

    mbl::Error active = refusal(backlog, [](mbl::Backlog& b) { mbl::start_iteration(b, "it-2"); });
    CHECK(active.status() == ExitStatus::check_failed);
    CHECK(std::string(active.what()) == "it-2 is active; only a planned iteration can start");

    mbl::Error closed = refusal(backlog, [](mbl::Backlog& b) { mbl::start_iteration(b, "it-1"); });
    CHECK(closed.status() == ExitStatus::check_failed);
    CHECK(std::string(closed.what()) == "it-1 is closed; only a planned iteration can start");

    mbl::Error unknown = refusal(backlog, [](mbl::Backlog& b) { mbl::start_iteration(b, "it-9"); });
    CHECK(unknown.status() == ExitStatus::input);
}

namespace {

// it-1 (active, Jan 4-17) commits assets replicated on both boundaries, just outside them, not
// yet, or with a stale replicated_on; `tasked` counts its tasks' estimates (3.5 + 4).
mbl::Backlog closing_backlog() {
    mbl::Backlog backlog;
    mbl::Asset tasked = replicated_asset("tasked", "2027-01-10", 100);
    tasked.tasks = {{"Assess", 3.5, true, {}}, {"Replicate", 4, true, {}}, {"Test", {}, false, {}}};
    mbl::Asset in_progress = make_asset("in-progress");
    in_progress.status = mbl::AssetStatus::in_progress;
    mbl::Asset stale = make_asset("stale-date");
    stale.status = mbl::AssetStatus::in_progress;
    stale.replicated_on = day("2027-01-05");
    mbl::Asset retired = make_asset("retired");
    retired.strategy = mbl::Strategy::retire;
    backlog.assets = {replicated_asset("on-start", "2027-01-04", 5),
                      replicated_asset("before-start", "2027-01-03"),
                      tasked,
                      replicated_asset("on-end", "2027-01-17", 2.25),
                      replicated_asset("after-end", "2027-01-18"),
                      replicated_asset("unestimated", "2027-01-12", std::nullopt),
                      in_progress,
                      stale,
                      retired,
                      replicated_asset("uncommitted", "2027-01-11"),
                      make_asset("queued")};
    backlog.iterations = {
        make_iteration("it-1", "2027-01-04", "2027-01-17", IterationState::active,
                       {"on-end", "in-progress", "before-start", "on-start", "tasked", "after-end",
                        "unestimated", "on-start", "stale-date", "retired"})};
    backlog.iterations[0].committed_at_start = Ids{"on-end", "in-progress"};
    return backlog;
}

const Ids expected_completed{"on-end", "on-start", "tasked", "unestimated"};
const Ids expected_unfinished{"in-progress", "before-start", "after-end", "stale-date", "retired"};

} // namespace

TEST_CASE("close_iteration records what was replicated within the iteration's dates",
          "[iterations]") {
    mbl::Backlog backlog = closing_backlog();
    const mbl::Iteration before = backlog.iterations[0];
    mbl::CloseReport report = mbl::close_iteration(backlog, "it-1", false, 0, today);
    CHECK(report.completed == expected_completed);
    CHECK(report.completed_estimate == 14.75); // 2.25 + 5 + (3.5 + 4) + 0
    CHECK(report.unfinished == expected_unfinished);
    CHECK(report.carried.empty());
    CHECK_FALSE(report.carried_to);

    const mbl::Iteration& closed = backlog.iterations[0];
    CHECK(closed.state == IterationState::closed);
    REQUIRE(closed.completed);
    CHECK(*closed.completed == expected_completed);
    CHECK(closed.completed_estimate == 14.75);
    CHECK(closed.committed == before.committed);
    CHECK(closed.committed_at_start == before.committed_at_start);
    CHECK(backlog.iterations.size() == 1);
}

TEST_CASE("close_iteration refuses an iteration that never started", "[iterations]") {
    mbl::Backlog backlog = closing_backlog();
    backlog.iterations[0].state = IterationState::planned;
    mbl::Error planned =
        refusal(backlog, [](mbl::Backlog& b) { mbl::close_iteration(b, "it-1", true, 0, today); });
    CHECK(planned.status() == ExitStatus::check_failed);
    CHECK_THAT(planned.what(), Contains("it-1 never started; only the active iteration can close"));
}

TEST_CASE("close_iteration refuses a closed iteration and an unknown id", "[iterations]") {
    mbl::Backlog backlog = closing_backlog();
    mbl::close_iteration(backlog, "it-1", false, 0, today);
    mbl::Error closed =
        refusal(backlog, [](mbl::Backlog& b) { mbl::close_iteration(b, "it-1", true, 0, today); });
    CHECK(closed.status() == ExitStatus::check_failed);
    CHECK(std::string(closed.what()) == "it-1 is already closed; its completed work is recorded");
    mbl::Error unknown =
        refusal(backlog, [](mbl::Backlog& b) { mbl::close_iteration(b, "it-2", true, 0, today); });
    CHECK(unknown.status() == ExitStatus::input);
}

TEST_CASE("close_iteration carries unfinished work to the next planned iteration", "[iterations]") {
    mbl::Backlog backlog = closing_backlog();
    // In file order: a planned iteration before it-1, then two after it, the later one first.
    backlog.iterations.insert(
        backlog.iterations.begin(),
        {make_iteration("it-0", "2026-12-21", "2027-01-03", IterationState::planned),
         make_iteration("it-3", "2027-02-01", "2027-02-14", IterationState::planned)});
    backlog.iterations.push_back(
        make_iteration("it-2", "2027-01-18", "2027-01-31", IterationState::planned, {"queued"}));

    mbl::CloseReport report = mbl::close_iteration(backlog, "it-1", true, 99, today);
    CHECK(report.unfinished == expected_unfinished);
    // Not replicated and not retired, or replicated after the end (it counts where it happened).
    CHECK(report.carried == Ids{"in-progress", "after-end", "stale-date"});
    CHECK(report.late == Ids{"after-end"});
    CHECK(report.carried_to == "it-2");
    REQUIRE(backlog.iterations.size() == 4);
    CHECK(backlog.iterations[3].committed ==
          Ids{"queued", "in-progress", "after-end", "stale-date"});
    CHECK(backlog.iterations[3].capacity == 40);
    CHECK(backlog.iterations[0].committed.empty());
    CHECK(backlog.iterations[1].committed.empty());
    CHECK(backlog.iterations[2].state == IterationState::closed);
}

TEST_CASE("close_iteration creates the next iteration to carry work to", "[iterations]") {
    mbl::Backlog backlog = closing_backlog();
    mbl::CloseReport report = mbl::close_iteration(backlog, "it-1", true, 30, today);
    CHECK(report.carried_to == "it-2");
    REQUIRE(backlog.iterations.size() == 2);
    const mbl::Iteration& next = backlog.iterations[1];
    CHECK(next.id == "it-2");
    CHECK(next.start == day("2027-01-18"));
    CHECK(next.end == day("2027-01-31"));
    CHECK(next.capacity == 30);
    CHECK(next.state == IterationState::planned);
    CHECK(next.committed == Ids{"in-progress", "after-end", "stale-date"});
    CHECK(backlog.iterations[0].state == IterationState::closed);
    CHECK(backlog.iterations[0].completed == expected_completed);
}

TEST_CASE("close_iteration changes nothing when the new iteration is refused", "[iterations]") {
    mbl::Backlog backlog = closing_backlog();
    mbl::Error capacity =
        refusal(backlog, [](mbl::Backlog& b) { mbl::close_iteration(b, "it-1", true, -1, today); });
    CHECK(capacity.status() == ExitStatus::usage);
    CHECK_THAT(capacity.what(), Contains("capacity"));
}

TEST_CASE("close_iteration is deterministic", "[iterations]") {
    mbl::Backlog first = closing_backlog();
    mbl::Backlog second = closing_backlog();
    mbl::CloseReport a = mbl::close_iteration(first, "it-1", true, 30, today);
    mbl::CloseReport b = mbl::close_iteration(second, "it-1", true, 30, today);
    CHECK(first == second);
    CHECK(a.completed == b.completed);
    CHECK(a.unfinished == b.unfinished);
    CHECK(a.carried == b.carried);
    CHECK(a.completed_estimate == b.completed_estimate);
    CHECK(a.carried_to == b.carried_to);
}
