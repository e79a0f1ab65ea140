// How releases move in practice: start_migrating_workloads (release_automatic.cpp), planned to
// staging through migrating (move_release), and validate after a move back (validate_release.cpp);
// with the task rules that touch status and validate (validate_tasks.cpp, status.cpp).
#include "mbl/error.hpp"
#include "mbl/release.hpp"
#include "mbl/status.hpp"
#include "mbl/validate.hpp"
#include "validate_baseline.hpp"

#include <catch2/catch.hpp>

using namespace mbl;
using mbl::test::day;
using mbl::test::make_task;
using mbl::test::valid_backlog;

namespace {

StageMoveRequest to(Stage stage, std::optional<std::string> reason = std::nullopt,
                    bool force = false) {
    StageMoveRequest request;
    request.to = stage;
    request.reason = std::move(reason);
    request.force = force;
    return request;
}

std::vector<Problem> of_code(const std::vector<Problem>& problems, std::string_view code) {
    std::vector<Problem> found;
    for (const Problem& problem : problems) {
        if (problem.code == code) {
            found.push_back(problem);
        }
    }
    return found;
}

} // namespace

TEST_CASE("start_migrating_workloads moves a planned workload when an asset starts",
          "[release_moves]") {
    Backlog backlog = valid_backlog(); // hr is planned; hr-app-01 not started
    CHECK(start_migrating_workloads(backlog, {"hr-app-01"}, day("2027-01-20")).empty());
    CHECK(backlog.workloads[1].stage == Stage::planned);

    backlog.assets[2].status = AssetStatus::in_progress;
    std::vector<AutomaticStageMove> moves =
        start_migrating_workloads(backlog, {"hr-app-01", "ghost"}, day("2027-01-20"));
    REQUIRE(moves.size() == 1);
    CHECK(moves[0].workload_id == "hr");
    const Workload& hr = backlog.workloads[1];
    CHECK(hr.stage == Stage::migrating);
    REQUIRE(hr.stage_history.size() == 1);
    CHECK(hr.stage_history[0] == moves[0].recorded);
    CHECK(hr.stage_history[0].stage == Stage::migrating);
    CHECK(hr.stage_history[0].date == day("2027-01-20"));
    CHECK(hr.stage_history[0].reason == "automatic: first asset started (hr-app-01)");
    CHECK_FALSE(hr.stage_history[0].forced);
    // Once migrating, nothing more is recorded.
    CHECK(start_migrating_workloads(backlog, {"hr-app-01"}, day("2027-01-21")).empty());
    CHECK(hr.stage_history.size() == 1);
}

TEST_CASE("start_migrating_workloads says when the first asset was replicated", "[release_moves]") {
    Backlog backlog = valid_backlog();
    backlog.assets[2].status = AssetStatus::replicated;
    auto moves = start_migrating_workloads(backlog, {"hr-app-01", "hr-app-01"}, day("2027-01-20"));
    REQUIRE(moves.size() == 1);
    CHECK(moves[0].recorded.reason == "automatic: first asset replicated (hr-app-01)");
    // Workloads at other stages never move by themselves.
    backlog.workloads[0].stage = Stage::staging;
    CHECK(start_migrating_workloads(backlog, {"crm-web-01"}, day("2027-01-20")).empty());
    CHECK(backlog.workloads[0].stage == Stage::staging);
}

TEST_CASE("move_release from planned to staging records migrating on the way", "[release_moves]") {
    Backlog backlog = valid_backlog();
    backlog.assets[2].status = AssetStatus::replicated;
    StageMove move = move_release(backlog, "hr", to(Stage::staging), day("2027-02-01"));
    CHECK(move.from == Stage::planned);
    CHECK(move.to == Stage::staging);
    CHECK(move.forced.empty());
    REQUIRE(move.passed_through);
    const Workload& hr = backlog.workloads[1];
    REQUIRE(hr.stage_history.size() == 2);
    CHECK(hr.stage_history[0] == *move.passed_through);
    CHECK(hr.stage_history[0].stage == Stage::migrating);
    CHECK(hr.stage_history[0].reason == "automatic: passed on the way to staging");
    CHECK(hr.stage_history[1].stage == Stage::staging);
    CHECK(hr.stage == Stage::staging);

    // The gate still holds: an unreplicated asset refuses the move, and nothing is recorded.
    Backlog refused = valid_backlog();
    CHECK_THROWS_AS(move_release(refused, "hr", to(Stage::staging), day("2027-02-01")), Error);
    CHECK(refused == valid_backlog());
}

TEST_CASE("a move back after a forced uat keeps validate's warning, not an error",
          "[release_moves]") {
    Backlog backlog = valid_backlog(); // crm at migrating: crm-web-01 in progress
    move_release(backlog, "crm", to(Stage::staging, "CAB-7: web tier fixed in staging", true),
                 day("2027-01-20"));
    move_release(backlog, "crm", to(Stage::uat, "CAB-7: web tier fixed in uat", true),
                 day("2027-01-25"));
    std::vector<Problem> forced = validate_backlog(backlog);
    REQUIRE(forced.size() == 1);
    CHECK(forced[0].code == "stage-not-ready");
    CHECK(forced[0].severity == Severity::warning);

    // UAT failed: back to staging, an ordinary move. Still a warning, naming the forced move.
    move_release(backlog, "crm", to(Stage::staging, "UAT failed"), day("2027-01-27"));
    std::vector<Problem> after = validate_backlog(backlog);
    REQUIRE(after.size() == 1);
    CHECK(after[0].severity == Severity::warning);
    CHECK(after[0].message ==
          "workload crm was forced to stage uat on 2027-01-25 (now at staging) but 1 of its "
          "assets is not replicated (nor retired or retained): crm-web-01; replicate them before "
          "its next stage");

    // Forward again without force is checked afresh (the gate held, or the file was edited).
    backlog.workloads[0].stage_history.push_back({Stage::uat, day("2027-01-28"), {}, false, {}});
    backlog.workloads[0].stage = Stage::uat;
    CHECK(of_code(validate_backlog(backlog), "stage-not-ready")[0].severity == Severity::error);
    // Back to migrating: no rule past migrating applies any more.
    move_release(backlog, "crm", to(Stage::migrating), day("2027-01-29"));
    CHECK(validate_backlog(backlog).empty());
}

TEST_CASE("validate warns about a replicated asset with open tasks", "[release_moves]") {
    Backlog backlog = valid_backlog();
    backlog.assets[0].tasks = {make_task("Replicate", 8), make_task("Test", 4),
                               make_task("Cut over", 4)};
    backlog.assets[0].tasks[0].done = true;
    std::vector<Problem> problems = validate_backlog(backlog);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].severity == Severity::warning);
    CHECK(problems[0].code == "replicated-open-tasks");
    CHECK(problems[0].path == "/assets/0/tasks");
    CHECK(problems[0].message ==
          "asset crm-sql-01 is replicated but 2 of its 3 tasks are not done (2 3); tick them "
          "with 'mbl asset task done crm-sql-01 2 3', or set its status back");
    for (Task& task : backlog.assets[0].tasks) {
        task.done = true;
    }
    CHECK(validate_backlog(backlog).empty());
}

TEST_CASE("status lists an asset whose tasks are all done until it is replicated",
          "[release_moves]") {
    Backlog backlog = valid_backlog(); // hr-app-01 has two tasks, not done
    auto tasks_done = [](const StatusReport& report) {
        std::vector<std::string> subjects;
        for (const Attention& item : report.attention) {
            if (item.kind == AttentionKind::tasks_done) {
                subjects.push_back(item.subject + ": " + item.message);
            }
        }
        return subjects;
    };
    CHECK(tasks_done(compute_status(backlog, day("2027-01-20"))).empty());
    for (Task& task : backlog.assets[2].tasks) {
        task.done = true;
    }
    CHECK(tasks_done(compute_status(backlog, day("2027-01-20"))) ==
          std::vector<std::string>{"hr-app-01: hr-app-01: all tasks done: mark it replicated "
                                   "('mbl asset set hr-app-01 status=replicated')"});
    backlog.assets[2].status = AssetStatus::replicated;
    CHECK(tasks_done(compute_status(backlog, day("2027-01-20"))).empty());
}
