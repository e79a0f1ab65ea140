// set_iteration_field, remove_iteration, check_close_date and returned_to_backlog
// (iteration_edit.cpp).
#include "iteration_fixtures.hpp"
#include "mbl/iterations.hpp"

#include <catch2/catch.hpp>

using Catch::Matchers::Contains;
using mbl::ExitStatus;
using mbl::IterationState;
using namespace iteration_fixtures;

namespace {

// it-1 closed, it-2 active, it-3 and it-4 planned with a gap between them; 14-day iterations.
mbl::Backlog edit_backlog() {
    mbl::Backlog backlog;
    backlog.assets = {make_asset("a"), make_asset("b"), replicated_asset("c", "2027-01-20")};
    backlog.iterations = {
        make_iteration("it-1", "2027-01-04", "2027-01-17", IterationState::closed),
        make_iteration("it-2", "2027-01-18", "2027-01-31", IterationState::active, {"c"}),
        make_iteration("it-3", "2027-02-01", "2027-02-14", IterationState::planned, {"a", "b"}),
        make_iteration("it-4", "2027-03-01", "2027-03-14", IterationState::planned)};
    return backlog;
}

} // namespace

TEST_CASE("set_iteration_field changes capacity, name and notes", "[iteration_edit]") {
    mbl::Backlog backlog = edit_backlog();
    mbl::Iteration& it2 = backlog.iterations[1];
    CHECK(set_iteration_field(backlog, it2, "capacity", "55.5") == "capacity: 40 -> 55.5");
    CHECK(it2.capacity == 55.5);
    CHECK(set_iteration_field(backlog, it2, "name", "Sprint two") ==
          "name: Iteration it-2 -> Sprint two");
    CHECK(it2.name == "Sprint two");
    CHECK(set_iteration_field(backlog, it2, "notes", "short week") == "notes: none -> short week");
    CHECK(it2.notes == "short week");
    CHECK(set_iteration_field(backlog, it2, "notes", "") == "notes: short week -> none");
    CHECK_FALSE(it2.notes);
    // Closed iterations keep their dates, but capacity is the team's planning figure.
    CHECK(set_iteration_field(backlog, backlog.iterations[0], "capacity", "0") ==
          "capacity: 40 -> 0");
}

TEST_CASE("set_iteration_field refuses bad values and unknown fields", "[iteration_edit]") {
    mbl::Backlog backlog = edit_backlog();
    auto set = [&](const char* field, const char* value) {
        return refusal(backlog, [&](mbl::Backlog& b) {
            set_iteration_field(b, b.iterations[2], field, value);
        });
    };
    mbl::Error negative = set("capacity", "-5");
    CHECK(negative.status() == ExitStatus::usage);
    CHECK_THAT(negative.what(),
               Contains("capacity must be a number from 0 to 1000000000000000, not '-5'"));
    CHECK(set("capacity", "lots").status() == ExitStatus::usage);
    CHECK(set("name", " ").status() == ExitStatus::usage);
    mbl::Error typo = set("capacty", "5");
    CHECK(typo.status() == ExitStatus::usage);
    CHECK_THAT(typo.what(), Contains("did you mean 'capacity'"));
    CHECK_THAT(set("end", "2027-02-20").what(), Contains("set start (the end moves with it)"));
    CHECK_THAT(set("state", "active").what(), Contains("mbl iteration start"));
}

TEST_CASE("set_iteration_field moves a planned iteration's dates together", "[iteration_edit]") {
    mbl::Backlog backlog = edit_backlog();
    mbl::Iteration& it3 = backlog.iterations[2];
    CHECK(set_iteration_field(backlog, it3, "start", "2027-02-08") ==
          "start: 2027-02-01 -> 2027-02-08 (end 2027-02-21)");
    CHECK(it3.start == day("2027-02-08"));
    CHECK(it3.end == day("2027-02-21"));
    // Up to the day before it-4 starts: fine.
    CHECK_NOTHROW(set_iteration_field(backlog, it3, "start", "2027-02-15"));
    CHECK(it3.end == day("2027-02-28"));
}

TEST_CASE("set_iteration_field refuses overlaps and date changes once started",
          "[iteration_edit]") {
    mbl::Backlog backlog = edit_backlog();
    mbl::Error overlap = refusal(backlog, [](mbl::Backlog& b) {
        set_iteration_field(b, b.iterations[2], "start", "2027-02-16");
    });
    CHECK(overlap.status() == ExitStatus::check_failed);
    CHECK_THAT(overlap.what(),
               Contains("it-3 would run 2027-02-16 to 2027-03-01, overlapping it-4 (2027-03-01 "
                        "to 2027-03-14)"));
    mbl::Error before_active = refusal(backlog, [](mbl::Backlog& b) {
        set_iteration_field(b, b.iterations[2], "start", "2027-01-25");
    });
    CHECK_THAT(before_active.what(), Contains("overlapping it-2"));
    for (std::size_t started : {0, 1}) {
        mbl::Error fixed = refusal(backlog, [&](mbl::Backlog& b) {
            set_iteration_field(b, b.iterations[started], "start", "2027-05-03");
        });
        CHECK(fixed.status() == ExitStatus::check_failed);
        CHECK_THAT(fixed.what(), Contains("its dates are fixed once it starts"));
    }
    CHECK(refusal(backlog, [](mbl::Backlog& b) {
              set_iteration_field(b, b.iterations[2], "start", "2027-02-30");
          }).status() == ExitStatus::usage);
}

TEST_CASE("remove_iteration removes a planned one and returns its commitment", "[iteration_edit]") {
    mbl::Backlog backlog = edit_backlog();
    mbl::Iteration removed = remove_iteration(backlog, "it-3");
    CHECK(removed.id == "it-3");
    CHECK(removed.committed == std::vector<std::string>{"a", "b"});
    REQUIRE(backlog.iterations.size() == 3);
    CHECK(backlog.iterations[2].id == "it-4");
    CHECK(backlog.assets.size() == 3); // the assets stay, back in their release backlog
}

TEST_CASE("remove_iteration refuses active, closed and unknown iterations", "[iteration_edit]") {
    mbl::Backlog backlog = edit_backlog();
    mbl::Error active = refusal(backlog, [](mbl::Backlog& b) { remove_iteration(b, "it-2"); });
    CHECK(active.status() == ExitStatus::check_failed);
    CHECK_THAT(active.what(), Contains("it-2 is active; only a planned iteration can be removed"));
    CHECK_THAT(active.what(), Contains("mbl iteration close it-2"));
    mbl::Error closed = refusal(backlog, [](mbl::Backlog& b) { remove_iteration(b, "it-1"); });
    CHECK_THAT(closed.what(), Contains("it-1 is closed"));
    mbl::Error unknown = refusal(backlog, [](mbl::Backlog& b) { remove_iteration(b, "it-33"); });
    CHECK(unknown.status() == ExitStatus::input);
}

TEST_CASE("check_close_date refuses closing the active iteration before its first day",
          "[iteration_edit]") {
    mbl::Backlog backlog = edit_backlog();
    const mbl::Iteration& active = backlog.iterations[1];
    mbl::Error early = error_from([&] { check_close_date(active, day("2027-01-17"), false); });
    CHECK(early.status() == ExitStatus::check_failed);
    CHECK_THAT(early.what(), Contains("it-2 starts on 2027-01-18, after today (2027-01-17)"));
    CHECK_THAT(early.what(), Contains("--force"));
    CHECK_NOTHROW(check_close_date(active, day("2027-01-17"), true));
    CHECK_NOTHROW(check_close_date(active, day("2027-01-18"), false));
    // A planned one is close_iteration's to refuse.
    CHECK_NOTHROW(check_close_date(backlog.iterations[2], day("2027-01-01"), false));
}

TEST_CASE("returned_to_backlog lists the unfinished assets not carried and not done",
          "[iteration_edit]") {
    mbl::Backlog backlog = edit_backlog();
    backlog.assets.push_back(make_asset("retired"));
    backlog.assets.back().strategy = mbl::Strategy::retire;
    mbl::CloseReport report;
    report.unfinished = {"a", "retired", "b", "ghost"};
    CHECK(returned_to_backlog(backlog, report) == std::vector<std::string>{"a", "b"});
    report.carried = {"b"};
    CHECK(returned_to_backlog(backlog, report) == std::vector<std::string>{"a"});
}
