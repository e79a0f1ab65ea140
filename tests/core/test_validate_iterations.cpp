// validate_backlog: iteration dates and states, commitments, release gates.

#include "mbl/validate.hpp"
#include "validate_baseline.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace mbl;
using mbl::test::day;
using mbl::test::make_asset;
using mbl::test::valid_backlog;
using mbl::test::with_code;

TEST_CASE("an iteration ending before it starts is an error", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.iterations[2].end = day("2027-01-30");
    auto problems = validate_backlog(backlog);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == "iteration-dates");
    CHECK(problems[0].severity == Severity::error);
    CHECK(problems[0].path == "/iterations/2/end");
    CHECK(problems[0].message == "iteration it-3 ends on 2027-01-30, before it starts on "
                                 "2027-02-01; set its end on or after its start");
}

TEST_CASE("an iteration of another length than the setting is a warning", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.iterations[2].end = day("2027-02-10");
    auto problems = validate_backlog(backlog);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == "iteration-length");
    CHECK(problems[0].severity == Severity::warning);
    CHECK(problems[0].path == "/iterations/2/end");
    CHECK(problems[0].message ==
          "iteration it-3 lasts 10 days (2027-02-01 to 2027-02-10) but "
          "settings.iteration_length_days is 14; set its end to 2027-02-14 or change the setting");
}

TEST_CASE("iteration_length_days outside 7-28 is a warning", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.settings.iteration_length_days = 30;
    auto problems = validate_backlog(backlog);
    auto setting = with_code(problems, "iteration-length-setting");
    REQUIRE(setting.size() == 1);
    CHECK(setting[0].severity == Severity::warning);
    CHECK(setting[0].path == "/settings/iteration_length_days");
    CHECK_THAT(setting[0].message, Catch::Contains("is 30") && Catch::Contains("7 to 28 days"));
    CHECK(with_code(problems, "iteration-length").size() == 3);
    CHECK(problems[0].code == "iteration-length-setting");
}

TEST_CASE("iteration_length_days below 1 or above a year is an error", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.settings.iteration_length_days = GENERATE(0, 367, 2147483647);
    auto problems = validate_backlog(backlog);
    REQUIRE(problems.size() == 1); // no length warnings against a meaningless setting
    CHECK(problems[0].code == "iteration-length-setting");
    CHECK(problems[0].severity == Severity::error);
    CHECK(problems[0].path == "/settings/iteration_length_days");
}

TEST_CASE("each active iteration after the first is an error", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.iterations[0].state = IterationState::active;
    backlog.iterations[2].state = IterationState::active;
    auto problems = with_code(validate_backlog(backlog), "multiple-active");
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].path == "/iterations/1/state");
    CHECK_THAT(problems[0].message, Catch::StartsWith("iteration it-2 is active but iteration "
                                                      "it-1 already is"));
    CHECK(problems[1].path == "/iterations/2/state");
    CHECK_THAT(problems[1].message, Catch::Contains("it-3 is active but iteration it-1"));
}

TEST_CASE("overlapping iterations are reported once per pair", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.iterations[2].start = day("2027-01-31");
    backlog.iterations[2].end = day("2027-02-13");
    auto problems = validate_backlog(backlog);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == "overlapping-iterations");
    CHECK(problems[0].path == "/iterations/2/start");
    CHECK(problems[0].message ==
          "iteration it-3 (2027-01-31 to 2027-02-13) overlaps iteration it-2 (2027-01-18 to "
          "2027-01-31); iterations must not share days: start it after 2027-01-31");
}

TEST_CASE("overlaps are found whatever the file order, and listed in file order", "[validate]") {
    Backlog backlog = valid_backlog();
    // it-1 moved after it-3 in time, overlapping it; a copy of it-2 lying inside it-2.
    backlog.iterations[0].start = day("2027-02-14");
    backlog.iterations[0].end = day("2027-02-27");
    Iteration inner = backlog.iterations[1];
    inner.id = "it-4";
    inner.state = IterationState::planned;
    inner.committed.clear();
    backlog.iterations.push_back(inner);
    auto problems = with_code(validate_backlog(backlog), "overlapping-iterations");
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].path == "/iterations/0/start");
    CHECK_THAT(problems[0].message, Catch::Contains("overlaps iteration it-3"));
    CHECK(problems[1].path == "/iterations/3/start");
    CHECK_THAT(problems[1].message, Catch::Contains("it-4") && Catch::Contains("overlaps "
                                                                               "iteration it-2"));
}

TEST_CASE("an iteration ending before it starts is left out of overlaps", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.iterations[2].start = day("2027-01-20");
    backlog.iterations[2].end = day("2027-01-19");
    auto problems = validate_backlog(backlog);
    CHECK(with_code(problems, "overlapping-iterations").empty());
    CHECK(with_code(problems, "iteration-dates").size() == 1);
}

TEST_CASE("an asset committed to two open iterations is an error", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.iterations[2].committed.push_back("crm-web-01");
    auto problems = validate_backlog(backlog);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == "double-commitment");
    CHECK(problems[0].path == "/iterations/2/committed/1");
    CHECK_THAT(problems[0].message,
               Catch::StartsWith("asset crm-web-01 is committed to open iterations it-2 and "
                                 "it-3"));
}

TEST_CASE("a closed iteration's commitments do not count twice", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.iterations[1].committed.push_back("crm-sql-01"); // also in closed it-1
    CHECK(validate_backlog(backlog).empty());
}

TEST_CASE("an asset listed twice in one iteration is an error", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.iterations[1].committed.push_back("crm-web-01");
    auto problems = validate_backlog(backlog);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == "duplicate-commitment");
    CHECK(problems[0].path == "/iterations/1/committed/1");
    CHECK_THAT(problems[0].message, Catch::Contains("listed twice") && Catch::Contains("it-2"));
}

TEST_CASE("a workload past migrating needs its assets replicated", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.workloads[0].stage = Stage::uat;
    auto problems = validate_backlog(backlog);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == "stage-not-ready");
    CHECK(problems[0].path == "/workloads/0/stage");
    CHECK(problems[0].message ==
          "workload crm is at stage uat but 1 of its assets is not replicated (nor retired or "
          "retained): crm-web-01; replicate them, or move the workload back to migrating");

    backlog.assets[1].strategy = Strategy::retire;
    CHECK(validate_backlog(backlog).empty());
    backlog.assets[1].strategy = Strategy::rehost;
    backlog.assets[1].status = AssetStatus::replicated;
    CHECK(validate_backlog(backlog).empty());
}

TEST_CASE("a forced move past the staging gate makes stage-not-ready a warning", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.workloads[0].stage = Stage::staging;
    StageChange forced;
    forced.stage = Stage::staging;
    forced.date = *Date::parse("2027-01-20");
    forced.reason = "bus moves after go-live";
    forced.forced = true;
    backlog.workloads[0].stage_history = {forced};
    auto problems = validate_backlog(backlog);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == "stage-not-ready");
    CHECK(problems[0].severity == Severity::warning);
    CHECK(problems[0].message ==
          "workload crm was forced to stage staging on 2027-01-20 but 1 of its assets is not "
          "replicated (nor retired or retained): crm-web-01; replicate them before its next stage");

    // Only the move into the current stage counts: a later unforced one is checked again.
    StageChange later = forced;
    later.stage = Stage::uat;
    later.forced = false;
    backlog.workloads[0].stage_history.push_back(later);
    backlog.workloads[0].stage = Stage::uat;
    problems = validate_backlog(backlog);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].severity == Severity::error);
}

TEST_CASE("stage-not-ready lists five assets and counts the rest", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.workloads[1].stage = Stage::production;
    for (int i = 2; i <= 7; ++i) {
        Asset asset = make_asset("hr-app-0" + std::to_string(i), "hr");
        backlog.assets.push_back(asset);
    }
    auto problems = validate_backlog(backlog);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "/workloads/1/stage");
    CHECK_THAT(problems[0].message,
               Catch::Contains("at stage production but 7 of its assets are not replicated") &&
                   Catch::Contains(": hr-app-01, hr-app-02, hr-app-03, hr-app-04, hr-app-05 and "
                                   "2 more;"));
}

TEST_CASE("workloads planned or migrating are not gated", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.workloads[1].stage = Stage::migrating;
    CHECK(validate_backlog(backlog).empty());
}

TEST_CASE("a closed iteration without completed values is a warning", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.iterations[0].completed.reset();
    backlog.iterations[0].completed_estimate.reset();
    auto problems = validate_backlog(backlog);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == "closed-without-completed");
    CHECK(problems[0].severity == Severity::warning);
    CHECK(problems[0].path == "/iterations/0/completed");
    CHECK_THAT(problems[0].message,
               Catch::StartsWith("closed iteration it-1 has no completed and completed_estimate, "
                                 "so velocity cannot be computed from it"));

    backlog.iterations[0].completed = std::vector<std::string>{};
    problems = validate_backlog(backlog);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "/iterations/0/completed_estimate");
}
