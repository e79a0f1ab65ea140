// The stage gates (staging, production, skipped stages) and move_release: the history entry,
// forcing with a reason, going back, and every refusal.

#include "forecast_fixtures.hpp"
#include "mbl/release.hpp"
#include "support/error_from.hpp"

#include <catch2/catch.hpp>

using namespace mbl;
using namespace mbl::test::forecast;
using Catch::Matchers::Contains;
using mbl::test::error_from;

namespace {

Asset in_release(std::string id, std::string workload, AssetStatus status,
                 Strategy strategy = Strategy::rehost) {
    Asset made = asset(std::move(id), 8, std::move(workload), status);
    made.strategy = strategy;
    return made;
}

// crm (migrating) depends on identity (production) and erp (uat); crm has one asset of each
// situation; erp's assets are all done.
Backlog release_backlog_sample() {
    Backlog backlog;
    backlog.workloads = {workload("identity", 1, {}, Stage::production),
                         workload("erp", 2, {}, Stage::uat),
                         workload("crm", 1, {"identity", "erp"}, Stage::migrating)};
    backlog.assets = {in_release("crm-db", "crm", AssetStatus::replicated),
                      in_release("crm-web", "crm", AssetStatus::in_progress),
                      in_release("erp-db", "erp", AssetStatus::replicated),
                      in_release("crm-old", "crm", AssetStatus::not_started, Strategy::retire),
                      in_release("crm-app", "crm", AssetStatus::blocked),
                      in_release("crm-ftp", "crm", AssetStatus::not_started, Strategy::retain)};
    return backlog;
}

// Replicates every asset of `backlog`.
void replicate_all(Backlog& backlog) {
    for (Asset& each : backlog.assets) {
        each.status = AssetStatus::replicated;
    }
}

Blocker not_done(std::string id, std::string status) {
    return {BlockerKind::asset_not_done, std::move(id), std::move(status)};
}

Blocker not_in_production(std::string id, std::string stage) {
    return {BlockerKind::dependency_not_in_production, std::move(id), std::move(stage)};
}

Blocker skipped(std::string stage) {
    return {BlockerKind::stage_skipped, std::move(stage), ""};
}

StageMoveRequest to(Stage stage) {
    StageMoveRequest request;
    request.to = stage;
    return request;
}

StageMoveRequest forced(std::optional<Stage> stage, std::string reason) {
    StageMoveRequest request;
    request.to = stage;
    request.force = true;
    request.reason = std::move(reason);
    return request;
}

} // namespace

TEST_CASE("next_stage walks planned to production and stops", "[release_gates]") {
    CHECK(next_stage(Stage::planned) == Stage::migrating);
    CHECK(next_stage(Stage::migrating) == Stage::staging);
    CHECK(next_stage(Stage::staging) == Stage::uat);
    CHECK(next_stage(Stage::uat) == Stage::production);
    CHECK_FALSE(next_stage(Stage::production));
}

TEST_CASE("the staging gate lists the release's assets not done, in file order",
          "[release_gates]") {
    Backlog backlog = release_backlog_sample();
    // Replicated and retire/retain assets pass; erp's assets are not crm's.
    CHECK(staging_blockers(backlog, backlog.workloads[2]) ==
          std::vector<Blocker>{not_done("crm-web", "in-progress"), not_done("crm-app", "blocked")});
    CHECK(staging_blockers(backlog, backlog.workloads[1]).empty());
    replicate_all(backlog);
    CHECK(staging_blockers(backlog, backlog.workloads[2]).empty());
    Backlog empty;
    empty.workloads = {workload("new")};
    CHECK(staging_blockers(empty, empty.workloads[0]).empty());
}

TEST_CASE("the production gate lists dependencies not in production, unknown ones too",
          "[release_gates]") {
    Backlog backlog = release_backlog_sample();
    CHECK(production_blockers(backlog, backlog.workloads[2]) ==
          std::vector<Blocker>{not_in_production("erp", "uat")});
    backlog.workloads[2].depends_on = {"ghost", "identity", "erp"};
    CHECK(production_blockers(backlog, backlog.workloads[2]) ==
          std::vector<Blocker>{not_in_production("ghost", "unknown"),
                               not_in_production("erp", "uat")});
    backlog.workloads[1].stage = Stage::production;
    backlog.workloads[2].depends_on = {"identity", "erp"};
    CHECK(production_blockers(backlog, backlog.workloads[2]).empty());
    CHECK(production_blockers(backlog, backlog.workloads[0]).empty()); // depends on nothing
}

TEST_CASE("stage_blockers: the gates a move passes through", "[release_gates]") {
    Backlog backlog = release_backlog_sample();
    Workload& crm = backlog.workloads[2];
    std::vector<Blocker> assets{not_done("crm-web", "in-progress"), not_done("crm-app", "blocked")};

    SECTION("backward and to the same stage: nothing") {
        CHECK(stage_blockers(backlog, crm, Stage::migrating).empty());
        CHECK(stage_blockers(backlog, crm, Stage::planned).empty());
    }
    SECTION("into migrating: no gate") {
        crm.stage = Stage::planned;
        CHECK(stage_blockers(backlog, crm, Stage::migrating).empty());
    }
    SECTION("into staging: the assets") {
        CHECK(stage_blockers(backlog, crm, Stage::staging) == assets);
    }
    SECTION("into uat: the assets still, as validate requires past migrating") {
        crm.stage = Stage::staging;
        CHECK(stage_blockers(backlog, crm, Stage::uat) == assets);
        replicate_all(backlog);
        CHECK(stage_blockers(backlog, crm, Stage::uat).empty());
    }
    SECTION("into production: the assets and the dependencies") {
        crm.stage = Stage::uat;
        std::vector<Blocker> expected = assets;
        expected.push_back(not_in_production("erp", "uat"));
        CHECK(stage_blockers(backlog, crm, Stage::production) == expected);
    }
    SECTION("forward over stages: each skipped stage first") {
        replicate_all(backlog);
        crm.stage = Stage::staging;
        CHECK(stage_blockers(backlog, crm, Stage::production) ==
              std::vector<Blocker>{skipped("uat"), not_in_production("erp", "uat")});
        crm.stage = Stage::planned; // migrating has no gate: passed on the way
        CHECK(stage_blockers(backlog, crm, Stage::uat) == std::vector<Blocker>{skipped("staging")});
        CHECK(stage_blockers(backlog, crm, Stage::staging).empty());
    }
}

TEST_CASE("describe_blocker says what blocks in one line", "[release_gates]") {
    CHECK(describe_blocker(not_done("crm-web", "in-progress")) ==
          "crm-web is in-progress, not replicated");
    CHECK(describe_blocker(not_in_production("erp", "uat")) == "erp is at uat, not production");
    CHECK(describe_blocker(not_in_production("ghost", "unknown")) ==
          "ghost is not a workload (in depends_on)");
    CHECK(describe_blocker(skipped("uat")) == "skips uat");
}

TEST_CASE("move_release moves one stage and records the day", "[release_gates]") {
    Backlog backlog = release_backlog_sample();
    backlog.workloads[2].stage = Stage::planned;
    StageMove move = move_release(backlog, "crm", {}, on("2027-01-04"));
    CHECK(move.workload_id == "crm");
    CHECK(move.from == Stage::planned);
    CHECK(move.to == Stage::migrating);
    CHECK(move.forced.empty());
    const Workload& crm = backlog.workloads[2];
    CHECK(crm.stage == Stage::migrating);
    REQUIRE(crm.stage_history.size() == 1);
    CHECK(crm.stage_history[0].stage == Stage::migrating);
    CHECK(crm.stage_history[0].date == on("2027-01-04"));
    CHECK_FALSE(crm.stage_history[0].reason);
    CHECK_FALSE(crm.stage_history[0].forced);
    CHECK(move.recorded == crm.stage_history[0]);
}

TEST_CASE("move_release refuses a closed gate, listing every blocker", "[release_gates]") {
    Backlog backlog = release_backlog_sample();
    const Backlog before = backlog;
    Error refused = error_from([&] { move_release(backlog, "crm", {}, on("2027-01-04")); });
    CHECK(refused.status() == ExitStatus::check_failed);
    CHECK(std::string(refused.what()) ==
          "cannot move workload crm from migrating to staging: 2 blockers\n"
          "  crm-web is in-progress, not replicated\n"
          "  crm-app is blocked, not replicated\n"
          "replicate the assets (or mark them retire/retain), or pass --force --reason TEXT to "
          "move it anyway (recorded in its stage_history)");
    CHECK(backlog == before);

    Error skipping =
        error_from([&] { move_release(backlog, "crm", to(Stage::production), on("2027-01-04")); });
    CHECK_THAT(skipping.what(), Contains("from migrating to production: 5 blockers\n  skips "
                                         "staging\n  skips uat\n  crm-web is in-progress") &&
                                    Contains("  erp is at uat, not production\nadvance one stage "
                                             "at a time, replicate the assets (or mark them "
                                             "retire/retain) or release the workloads it depends "
                                             "on first, or pass --force"));
    CHECK(backlog == before);
}

TEST_CASE("move_release with force and a reason records both", "[release_gates]") {
    Backlog backlog = release_backlog_sample();
    StageMove move = move_release(
        backlog, "crm", forced(std::nullopt, "  go-live approved by CAB "), on("2027-01-05"));
    CHECK(move.to == Stage::staging);
    CHECK(move.forced ==
          std::vector<Blocker>{not_done("crm-web", "in-progress"), not_done("crm-app", "blocked")});
    const StageChange& entry = backlog.workloads[2].stage_history.back();
    CHECK(entry.stage == Stage::staging);
    CHECK(entry.date == on("2027-01-05"));
    CHECK(entry.reason == "go-live approved by CAB"); // trimmed
    CHECK(entry.forced);
}

TEST_CASE("move_release records forced only when a gate was passed", "[release_gates]") {
    Backlog backlog = release_backlog_sample();
    replicate_all(backlog);
    StageMove move =
        move_release(backlog, "crm", forced(std::nullopt, "nothing to force"), on("2027-01-05"));
    CHECK(move.forced.empty());
    CHECK_FALSE(backlog.workloads[2].stage_history.back().forced);
    CHECK(backlog.workloads[2].stage_history.back().reason == "nothing to force");

    StageMoveRequest with_reason;
    with_reason.reason = "UAT booked for week 3";
    move_release(backlog, "crm", with_reason, on("2027-01-06"));
    CHECK(backlog.workloads[2].stage == Stage::uat);
    CHECK(backlog.workloads[2].stage_history.back().reason == "UAT booked for week 3");
    CHECK_FALSE(backlog.workloads[2].stage_history.back().forced);
}

TEST_CASE("move_release goes back without a gate and records it", "[release_gates]") {
    Backlog backlog = release_backlog_sample();
    backlog.workloads[1].stage = Stage::uat;
    StageMoveRequest back = to(Stage::staging);
    back.reason = "UAT failed: login loop";
    StageMove move = move_release(backlog, "erp", back, on("2027-01-07"));
    CHECK(move.from == Stage::uat);
    CHECK(move.to == Stage::staging);
    CHECK(move.forced.empty());
    CHECK(backlog.workloads[1].stage == Stage::staging);
    REQUIRE(backlog.workloads[1].stage_history.size() == 1);
    CHECK(backlog.workloads[1].stage_history[0].reason == "UAT failed: login loop");

    // crm's assets are not done, yet going back to planned is allowed.
    CHECK(move_release(backlog, "crm", to(Stage::planned), on("2027-01-07")).recorded);
    CHECK(backlog.workloads[2].stage == Stage::planned);
}

TEST_CASE("move_release to the stage it is at changes nothing", "[release_gates]") {
    Backlog backlog = release_backlog_sample();
    const Backlog before = backlog;
    StageMove move = move_release(backlog, "crm", to(Stage::migrating), on("2027-01-07"));
    CHECK_FALSE(move.recorded);
    CHECK(move.from == Stage::migrating);
    CHECK(move.to == Stage::migrating);
    CHECK(backlog == before);
}

TEST_CASE("move_release names the dependants left in production", "[release_gates]") {
    Backlog backlog = release_backlog_sample();
    backlog.workloads.push_back(workload("web", 2, {"identity"}, Stage::production));
    backlog.workloads.push_back(workload("portal", 2, {"identity"}, Stage::uat));
    StageMove move = move_release(backlog, "identity", to(Stage::uat), on("2027-01-07"));
    CHECK(move.dependants_in_production == std::vector<std::string>{"web"});
    CHECK(move_release(backlog, "web", to(Stage::uat), on("2027-01-07"))
              .dependants_in_production.empty());
}

TEST_CASE("move_release refusals", "[release_gates]") {
    Backlog backlog = release_backlog_sample();
    const Backlog before = backlog;
    auto refusal = [&](std::string_view id, const StageMoveRequest& request) {
        return error_from([&] { move_release(backlog, id, request, on("2027-01-07")); });
    };

    Error unknown = refusal("crn", {});
    CHECK(unknown.status() == ExitStatus::input);
    CHECK_THAT(unknown.what(), Contains("unknown workload 'crn'; did you mean 'crm'?"));

    StageMoveRequest no_reason;
    no_reason.force = true;
    Error force_alone = refusal("crm", no_reason);
    CHECK(force_alone.status() == ExitStatus::usage);
    CHECK_THAT(force_alone.what(), Contains("--force needs --reason TEXT"));
    CHECK(refusal("crn", no_reason).status() == ExitStatus::usage); // usage before lookup

    CHECK(refusal("crm", forced(std::nullopt, " \t")).status() == ExitStatus::usage);
    CHECK(refusal("crm", forced(std::nullopt, "bad \xff byte")).status() == ExitStatus::usage);

    Error last = refusal("identity", {});
    CHECK(last.status() == ExitStatus::usage);
    CHECK_THAT(last.what(), Contains("identity is at production, the last stage"));
    CHECK(backlog == before);
}
