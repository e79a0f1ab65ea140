#include "mbl/error.hpp"
#include "mbl/planning.hpp"
#include "support/error_from.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>

using Catch::Matchers::Contains;
using mbl::ExclusionReason;
using mbl::ExitStatus;
using Ids = std::vector<std::string>;

namespace {

mbl::Date day(const char* text) {
    return *mbl::Date::parse(text);
}

mbl::Workload make_workload(std::string id, int priority = 2, Ids depends_on = {}) {
    mbl::Workload workload;
    workload.id = std::move(id);
    workload.name = "Workload " + workload.id;
    workload.priority = priority;
    workload.depends_on = std::move(depends_on);
    return workload;
}

mbl::Asset make_asset(std::string id, std::optional<std::string> workload,
                      std::optional<double> estimate = 1, int priority = 2, Ids depends_on = {}) {
    mbl::Asset asset;
    asset.id = std::move(id);
    asset.name = "Asset " + asset.id;
    asset.workload = std::move(workload);
    asset.estimate = estimate;
    asset.priority = priority;
    asset.depends_on = std::move(depends_on);
    return asset;
}

mbl::Iteration make_iteration(std::string id, const char* start, mbl::IterationState state,
                              Ids committed = {}) {
    mbl::Iteration iteration;
    iteration.id = std::move(id);
    iteration.name = "Iteration " + iteration.id;
    iteration.start = day(start);
    iteration.end = iteration.start.plus_days(13);
    iteration.state = state;
    iteration.committed = std::move(committed);
    return iteration;
}

mbl::Iteration closed_iteration(std::string id, const char* start,
                                std::optional<double> completed_estimate) {
    mbl::Iteration iteration = make_iteration(std::move(id), start, mbl::IterationState::closed);
    iteration.completed_estimate = completed_estimate;
    return iteration;
}

// A backlog whose default capacity is large and whose next planned iteration is `it-1`.
mbl::Backlog backlog_with(std::vector<mbl::Workload> workloads, std::vector<mbl::Asset> assets) {
    mbl::Backlog backlog;
    backlog.settings.default_capacity = 100;
    backlog.workloads = std::move(workloads);
    backlog.assets = std::move(assets);
    backlog.iterations = {make_iteration("it-1", "2027-01-04", mbl::IterationState::planned)};
    return backlog;
}

mbl::IterationPlan plan(const mbl::Backlog& backlog, std::optional<double> capacity = {}) {
    return mbl::plan_iteration(backlog, std::nullopt, capacity);
}

Ids proposed_ids(const mbl::IterationPlan& plan) {
    Ids ids;
    for (const auto& asset : plan.proposed) {
        ids.push_back(asset.asset_id);
    }
    return ids;
}

Ids left_out_ids(const mbl::IterationPlan& plan) {
    Ids ids;
    for (const auto& exclusion : plan.left_out) {
        ids.push_back(exclusion.asset_id);
    }
    return ids;
}

const mbl::Exclusion& exclusion_of(const mbl::IterationPlan& plan, std::string_view id) {
    for (const auto& exclusion : plan.left_out) {
        if (exclusion.asset_id == id) {
            return exclusion;
        }
    }
    FAIL("not left out: " << id);
    throw std::logic_error("unreachable");
}

using mbl::test::error_from;

} // namespace

TEST_CASE("planning capacity comes from the flag, recent velocity, or the default", "[planning]") {
    mbl::Backlog backlog;
    backlog.settings.default_capacity = 40;

    SECTION("the default without closed iterations") {
        backlog.iterations = {closed_iteration("it-1", "2027-01-04", std::nullopt)};
        auto capacity = mbl::planning_capacity(backlog, std::nullopt);
        CHECK(capacity.value == 40);
        CHECK(capacity.source == mbl::CapacitySource::default_capacity);
        CHECK(capacity.from_iterations.empty());
    }
    SECTION("the average of the last three closed iterations by end date") {
        // File order differs from date order; it-2 is the oldest and ignored; it-5 has no
        // completed estimate and it-6 is open: both ignored.
        backlog.iterations = {closed_iteration("it-4", "2027-02-15", 30),
                              closed_iteration("it-2", "2027-01-04", 1000),
                              closed_iteration("it-5", "2027-03-01", std::nullopt),
                              closed_iteration("it-3", "2027-01-18", 20),
                              closed_iteration("it-1", "2027-02-01", 10),
                              make_iteration("it-6", "2027-03-15", mbl::IterationState::planned)};
        backlog.iterations[5].completed_estimate = 500;
        auto capacity = mbl::planning_capacity(backlog, std::nullopt);
        CHECK(capacity.value == 20);
        CHECK(capacity.source == mbl::CapacitySource::velocity);
        CHECK(capacity.from_iterations == Ids{"it-3", "it-1", "it-4"});
    }
    SECTION("fewer than three closed iterations are averaged as they are") {
        backlog.iterations = {closed_iteration("it-1", "2027-01-04", 10),
                              closed_iteration("it-2", "2027-01-18", 15)};
        auto capacity = mbl::planning_capacity(backlog, std::nullopt);
        CHECK(capacity.value == 12.5);
        CHECK(capacity.from_iterations == Ids{"it-1", "it-2"});
    }
    SECTION("the flag wins, and must be a number from 0 to 1e15") {
        backlog.iterations = {closed_iteration("it-1", "2027-01-04", 10)};
        auto capacity = mbl::planning_capacity(backlog, 7.5);
        CHECK(capacity.value == 7.5);
        CHECK(capacity.source == mbl::CapacitySource::flag);
        CHECK(error_from([&] { mbl::planning_capacity(backlog, -1); }).status() ==
              ExitStatus::usage);
        CHECK(error_from([&] { mbl::planning_capacity(backlog, 1e16); }).status() ==
              ExitStatus::usage);
    }
    SECTION("plan_iteration uses it") {
        backlog.iterations = {closed_iteration("it-1", "2027-01-04", 3),
                              make_iteration("it-2", "2027-01-18", mbl::IterationState::planned)};
        backlog.assets = {make_asset("a", std::nullopt, 2), make_asset("b", std::nullopt, 2)};
        auto result = plan(backlog);
        CHECK(result.capacity.value == 3);
        CHECK(proposed_ids(result) == Ids{"a"});
        CHECK(result.proposed_estimate == 2);
    }
    SECTION("plan_iteration prefers the planned iteration's own capacity, as the CLI does") {
        backlog.iterations = {closed_iteration("it-1", "2027-01-04", 3),
                              make_iteration("it-2", "2027-01-18", mbl::IterationState::planned)};
        backlog.iterations[1].capacity = 4;
        backlog.assets = {make_asset("a", std::nullopt, 2), make_asset("b", std::nullopt, 2)};
        auto result = plan(backlog);
        CHECK(result.capacity.value == 4);
        CHECK(result.capacity.source == mbl::CapacitySource::iteration);
        CHECK(proposed_ids(result) == Ids{"a", "b"});
        CHECK(plan(backlog, 2).capacity.source == mbl::CapacitySource::flag);
    }
    SECTION("plan_iteration rounds the velocity to hundredths, as a new iteration records it") {
        backlog.iterations = {closed_iteration("it-1", "2027-01-04", 10),
                              closed_iteration("it-2", "2027-01-18", 10),
                              closed_iteration("it-3", "2027-02-01", 12),
                              make_iteration("it-4", "2027-02-15", mbl::IterationState::planned)};
        auto result = plan(backlog);
        CHECK(result.capacity.value == 10.67);
        CHECK(result.capacity.source == mbl::CapacitySource::velocity);
        CHECK(result.capacity.from_iterations == Ids{"it-1", "it-2", "it-3"});
    }
}

TEST_CASE("commit_iteration_plan commits the proposal as `iteration plan --commit`", "[planning]") {
    mbl::Date today = day("2027-01-10");
    SECTION("into the planned iteration, keeping a capacity asked for") {
        mbl::Backlog backlog =
            backlog_with({}, {make_asset("a", std::nullopt, 2), make_asset("b", std::nullopt, 3)});
        backlog.iterations[0].capacity = 10;
        backlog.iterations[0].committed = {"b"};
        mbl::IterationPlan proposal = plan(backlog, 5);
        mbl::PlanCommitment commitment = mbl::commit_iteration_plan(backlog, proposal, today);
        CHECK(commitment.iteration_id == "it-1");
        CHECK_FALSE(commitment.created);
        CHECK(commitment.added == Ids{"a"});
        CHECK(commitment.added_estimate == 2);
        CHECK(commitment.capacity_before == 10);
        CHECK(backlog.iterations[0].capacity == 5);
        CHECK(backlog.iterations[0].committed == Ids{"b", "a"});
    }
    SECTION("into a new iteration with the plan's capacity when none is planned") {
        mbl::Backlog backlog = backlog_with({}, {make_asset("a", std::nullopt, 2)});
        backlog.iterations.clear();
        mbl::IterationPlan proposal = plan(backlog);
        REQUIRE_FALSE(proposal.iteration_id);
        mbl::PlanCommitment commitment = mbl::commit_iteration_plan(backlog, proposal, today);
        CHECK(commitment.created);
        CHECK_FALSE(commitment.capacity_before);
        REQUIRE(backlog.iterations.size() == 1);
        CHECK(proposal.iteration_id == backlog.iterations[0].id);
        CHECK(backlog.iterations[0].capacity == 100);
        CHECK(backlog.iterations[0].committed == Ids{"a"});
    }
}

TEST_CASE("plan_iteration plans the first planned iteration or the one named", "[planning]") {
    mbl::Backlog backlog = backlog_with({}, {make_asset("a", std::nullopt)});
    backlog.iterations = {
        closed_iteration("it-1", "2027-01-04", 5),
        make_iteration("it-2", "2027-01-18", mbl::IterationState::active),
        make_iteration("it-4", "2027-02-15", mbl::IterationState::planned),
        make_iteration("it-3", "2027-02-01", mbl::IterationState::planned),
    };
    CHECK(plan(backlog).iteration_id == "it-3");
    CHECK(mbl::plan_iteration(backlog, "it-4", std::nullopt).iteration_id == "it-4");

    mbl::Error unknown = error_from([&] { mbl::plan_iteration(backlog, "it-9", std::nullopt); });
    CHECK(unknown.status() == ExitStatus::input);
    CHECK_THAT(unknown.what(), Contains("unknown iteration 'it-9'"));
    mbl::Error active = error_from([&] { mbl::plan_iteration(backlog, "it-2", std::nullopt); });
    CHECK(active.status() == ExitStatus::check_failed);
    CHECK_THAT(active.what(), Contains("it-2 is active; only a planned iteration can be planned"));
    CHECK(error_from([&] { mbl::plan_iteration(backlog, "it-1", std::nullopt); }).status() ==
          ExitStatus::check_failed);

    SECTION("without a planned iteration, the plan is for a new one") {
        backlog.iterations.erase(backlog.iterations.begin() + 2, backlog.iterations.end());
        auto result = plan(backlog);
        CHECK_FALSE(result.iteration_id.has_value());
        CHECK(proposed_ids(result) == Ids{"a"});
    }
}

TEST_CASE("plan_iteration leaves out each asset with its reason", "[planning]") {
    mbl::Backlog backlog = backlog_with(
        {}, {make_asset("done", std::nullopt), make_asset("retired", std::nullopt),
             make_asset("replicated-here", std::nullopt), make_asset("retained-here", std::nullopt),
             make_asset("blocked", std::nullopt), make_asset("elsewhere", std::nullopt),
             make_asset("unestimated", std::nullopt, std::nullopt),
             make_asset("waiting", std::nullopt, 1, 2, {"blocked"}),
             make_asset("big", std::nullopt, 50), make_asset("fits", std::nullopt, 4)});
    backlog.assets[0].status = mbl::AssetStatus::replicated;
    backlog.assets[1].strategy = mbl::Strategy::retire;
    backlog.assets[2].status = mbl::AssetStatus::replicated;
    backlog.assets[2].replicated_on = day("2027-01-02");
    backlog.assets[3].strategy = mbl::Strategy::retain;
    backlog.assets[4].status = mbl::AssetStatus::blocked;
    backlog.iterations = {
        make_iteration("it-1", "2027-01-04", mbl::IterationState::active, {"elsewhere"}),
        make_iteration("it-2", "2027-01-18", mbl::IterationState::planned,
                       {"replicated-here", "retained-here"})};

    auto result = plan(backlog, 10);
    CHECK(result.iteration_id == "it-2");
    CHECK(proposed_ids(result) == Ids{"fits"});
    // Done assets are listed only when the plan drops them from this iteration's commitment.
    CHECK(left_out_ids(result) == Ids{"replicated-here", "retained-here", "blocked", "elsewhere",
                                      "unestimated", "waiting", "big"});
    CHECK(exclusion_of(result, "replicated-here").reason == ExclusionReason::replicated);
    CHECK(exclusion_of(result, "replicated-here").detail == "replicated on 2027-01-02");
    CHECK(exclusion_of(result, "retained-here").reason == ExclusionReason::no_migration);
    CHECK(exclusion_of(result, "retained-here").detail == "retain");
    CHECK(exclusion_of(result, "blocked").reason == ExclusionReason::blocked);
    CHECK(exclusion_of(result, "elsewhere").reason == ExclusionReason::committed_elsewhere);
    CHECK(exclusion_of(result, "elsewhere").detail == "it-1");
    CHECK(exclusion_of(result, "unestimated").reason == ExclusionReason::needs_estimate);
    CHECK(exclusion_of(result, "waiting").reason == ExclusionReason::waiting_on_dependency);
    CHECK(exclusion_of(result, "waiting").detail == "blocked");
    CHECK(exclusion_of(result, "big").reason == ExclusionReason::over_capacity);
    CHECK(exclusion_of(result, "big").detail == "needs 50, 6 left");
}

TEST_CASE("an estimate from tasks counts; a zero estimate is an estimate", "[planning]") {
    mbl::Backlog backlog = backlog_with(
        {}, {make_asset("tasks", std::nullopt, std::nullopt), make_asset("zero", std::nullopt, 0)});
    backlog.assets[0].tasks = {{"assess", 1.5, false, {}}, {"replicate", 2, false, {}}};
    auto result = plan(backlog);
    CHECK(proposed_ids(result) == Ids{"tasks", "zero"});
    CHECK(result.proposed[0].estimate == 3.5);
    CHECK(result.proposed_estimate == 3.5);
}

TEST_CASE("plan_iteration orders by workload priority, asset priority, then file order",
          "[planning]") {
    mbl::Backlog backlog =
        backlog_with({make_workload("low", 3), make_workload("high", 1), make_workload("mid", 2)},
                     {make_asset("loose", std::nullopt, 1, 1), make_asset("low-1", "low"),
                      make_asset("mid-2", "mid", 1, 3), make_asset("mid-1", "mid", 1, 1),
                      make_asset("high-b", "high"), make_asset("high-a", "high"),
                      make_asset("orphan", "no-such-workload", 1, 1)});
    auto result = plan(backlog);
    CHECK(proposed_ids(result) ==
          Ids{"high-b", "high-a", "mid-1", "mid-2", "low-1", "loose", "orphan"});
    CHECK(result.left_out.empty());
}

TEST_CASE("over capacity is skipped and a later smaller asset may still fit", "[planning]") {
    mbl::Backlog backlog =
        backlog_with({}, {make_asset("a", std::nullopt, 6), make_asset("b", std::nullopt, 5),
                          make_asset("c", std::nullopt, 3), make_asset("d", std::nullopt, 1)});
    auto result = plan(backlog, 10);
    CHECK(proposed_ids(result) == Ids{"a", "c", "d"});
    CHECK(result.proposed_estimate == 10);
    CHECK(left_out_ids(result) == Ids{"b"});
    CHECK(exclusion_of(result, "b").reason == ExclusionReason::over_capacity);

    SECTION("decimal estimates that add up to the capacity fit") {
        backlog.assets = {make_asset("x", std::nullopt, 0.1), make_asset("y", std::nullopt, 0.2)};
        CHECK(proposed_ids(plan(backlog, 0.3)) == Ids{"x", "y"});
    }
    SECTION("a zero capacity proposes nothing but zero estimates") {
        backlog.assets.push_back(make_asset("free", std::nullopt, 0));
        auto empty = plan(backlog, 0);
        CHECK(proposed_ids(empty) == Ids{"free"});
        CHECK(empty.left_out.size() == 4);
    }
}

TEST_CASE("an asset comes after the assets it depends on", "[planning]") {
    SECTION("within a workload, before asset priority") {
        mbl::Backlog backlog = backlog_with(
            {make_workload("crm")},
            {make_asset("web", "crm", 1, 1, {"app"}), make_asset("app", "crm", 1, 3, {"sql"}),
             make_asset("sql", "crm", 1, 4), make_asset("dns", "crm", 1, 2)});
        CHECK(proposed_ids(plan(backlog)) == Ids{"dns", "sql", "app", "web"});
    }
    SECTION("across workloads: the waiting asset follows as soon as it is ready") {
        mbl::Backlog backlog = backlog_with(
            {make_workload("crm"), make_workload("erp"), make_workload("hr")},
            {make_asset("crm-1", "crm"), make_asset("crm-2", "crm", 1, 2, {"hr-1"}),
             make_asset("erp-1", "erp"), make_asset("hr-1", "hr"), make_asset("hr-2", "hr")});
        CHECK(proposed_ids(plan(backlog)) == Ids{"crm-1", "erp-1", "hr-1", "crm-2", "hr-2"});
    }
    SECTION("met by a replicated asset or a commitment to an earlier open iteration only") {
        mbl::Backlog backlog =
            backlog_with({}, {make_asset("done", std::nullopt), make_asset("earlier", std::nullopt),
                              make_asset("later", std::nullopt),
                              make_asset("after-done", std::nullopt, 1, 2, {"done"}),
                              make_asset("after-earlier", std::nullopt, 1, 2, {"earlier"}),
                              make_asset("after-later", std::nullopt, 1, 2, {"later"}),
                              make_asset("after-unknown", std::nullopt, 1, 2, {"ghost"})});
        backlog.assets[0].status = mbl::AssetStatus::replicated;
        backlog.iterations = {
            make_iteration("it-1", "2027-01-04", mbl::IterationState::active, {"earlier"}),
            make_iteration("it-2", "2027-01-18", mbl::IterationState::planned),
            make_iteration("it-3", "2027-02-01", mbl::IterationState::planned, {"later"})};
        auto result = plan(backlog);
        CHECK(proposed_ids(result) == Ids{"after-done", "after-earlier"});
        CHECK(exclusion_of(result, "after-later").reason == ExclusionReason::waiting_on_dependency);
        CHECK(exclusion_of(result, "after-later").detail == "later");
        CHECK(exclusion_of(result, "later").detail == "it-3");
        CHECK(exclusion_of(result, "after-unknown").detail == "ghost");
    }
    SECTION("an asset whose dependency is over capacity waits, and so do its dependents") {
        mbl::Backlog backlog =
            backlog_with({}, {make_asset("big", std::nullopt, 8),
                              make_asset("next", std::nullopt, 1, 2, {"small", "big"}),
                              make_asset("last", std::nullopt, 1, 2, {"next"}),
                              make_asset("small", std::nullopt, 1)});
        auto result = plan(backlog, 5);
        CHECK(proposed_ids(result) == Ids{"small"});
        CHECK(exclusion_of(result, "big").reason == ExclusionReason::over_capacity);
        CHECK(exclusion_of(result, "next").reason == ExclusionReason::waiting_on_dependency);
        CHECK(exclusion_of(result, "next").detail == "big");
        CHECK(exclusion_of(result, "last").detail == "next");
    }
}

TEST_CASE("a dependency cycle leaves its assets waiting and ends", "[planning]") {
    mbl::Backlog backlog =
        backlog_with({make_workload("w1", 2, {"w2"}), make_workload("w2", 2, {"w1"})},
                     {make_asset("a", "w1", 1, 2, {"b"}), make_asset("b", "w2", 1, 2, {"a"}),
                      make_asset("self", "w2", 1, 2, {"self"}), make_asset("free", "w2")});
    auto result = plan(backlog);
    CHECK(proposed_ids(result) == Ids{"free"});
    CHECK(left_out_ids(result) == Ids{"a", "b", "self"});
    CHECK(exclusion_of(result, "a").detail == "b");
    CHECK(exclusion_of(result, "self").detail == "self");
}

TEST_CASE("workloads come after the workloads they depend on", "[planning]") {
    SECTION("within the same priority") {
        mbl::Backlog backlog = backlog_with(
            {make_workload("erp", 2, {"crm"}), make_workload("hr", 2, {"erp"}),
             make_workload("crm")},
            {make_asset("hr-1", "hr"), make_asset("erp-1", "erp"), make_asset("crm-1", "crm")});
        CHECK(proposed_ids(plan(backlog)) == Ids{"crm-1", "erp-1", "hr-1"});
    }
    SECTION("a prerequisite takes the priority of the workload that needs it") {
        mbl::Backlog backlog =
            backlog_with({make_workload("other", 3), make_workload("mid", 2),
                          make_workload("urgent", 1, {"base"}), make_workload("base", 4)},
                         {make_asset("other-1", "other"), make_asset("mid-1", "mid"),
                          make_asset("urgent-1", "urgent"), make_asset("base-1", "base")});
        CHECK(proposed_ids(plan(backlog)) == Ids{"base-1", "urgent-1", "mid-1", "other-1"});
    }
}

TEST_CASE("a started workload is kept together", "[planning]") {
    // erp is first in file order, but crm is started by the iteration's own commitment: its
    // other assets come before erp's. The prerequisite `base` of crm comes first all the same.
    mbl::Backlog backlog =
        backlog_with({make_workload("erp"), make_workload("crm", 2, {"base"}),
                      make_workload("base"), make_workload("urgent", 1)},
                     {make_asset("erp-1", "erp"), make_asset("crm-1", "crm"),
                      make_asset("crm-2", "crm"), make_asset("base-1", "base"),
                      make_asset("urgent-1", "urgent"), make_asset("erp-2", "erp")});
    backlog.iterations[0].committed = {"crm-2"};
    auto result = plan(backlog);
    CHECK(proposed_ids(result) == Ids{"crm-2", "urgent-1", "base-1", "crm-1", "erp-1", "erp-2"});

    SECTION("a started workload goes on before a waiting one that is not started") {
        // w1's only asset waits on w3's first: w1 is still new when it becomes ready, so the
        // rest of the started w3 comes first.
        mbl::Backlog waiting = backlog_with(
            {make_workload("w1"), make_workload("w2"), make_workload("w3"), make_workload("w4")},
            {make_asset("w1-a", "w1", 1, 2, {"w3-a"}), make_asset("w2-a", "w2"),
             make_asset("w3-a", "w3"), make_asset("w4-a", "w4"), make_asset("w3-b", "w3")});
        CHECK(proposed_ids(plan(waiting)) == Ids{"w2-a", "w3-a", "w3-b", "w1-a", "w4-a"});
    }
}

TEST_CASE("existing commitments are kept first, in their order, while they fit", "[planning]") {
    mbl::Backlog backlog = backlog_with(
        {make_workload("urgent", 1)},
        {make_asset("urgent-1", "urgent", 1), make_asset("c1", std::nullopt, 7),
         make_asset("c2", std::nullopt, 6), make_asset("c3", std::nullopt, 1, 2, {"c4"}),
         make_asset("c4", std::nullopt, 2), make_asset("c5", std::nullopt, 1, 2, {"urgent-1"}),
         make_asset("new", std::nullopt, 1, 1)});
    backlog.iterations[0].committed = {"c5", "c2", "c1", "c3", "c4"};

    auto result = plan(backlog, 11);
    // c2 (6) is kept, then c1 (7) no longer fits; c4 comes before c3, which depends on it; c5
    // waits for urgent-1 and follows it; nothing is left for the new asset.
    CHECK(proposed_ids(result) == Ids{"c2", "c4", "c3", "urgent-1", "c5"});
    CHECK(result.proposed_estimate == 11);
    CHECK(left_out_ids(result) == Ids{"new", "c1"});
    CHECK(exclusion_of(result, "c1").reason == ExclusionReason::over_capacity);
    CHECK(exclusion_of(result, "new").reason == ExclusionReason::over_capacity);
}

TEST_CASE("plan_iteration is deterministic", "[planning]") {
    std::vector<mbl::Workload> workloads;
    std::vector<mbl::Asset> assets;
    for (int w = 0; w < 6; ++w) {
        Ids depends_on = w > 0 ? Ids{"w" + std::to_string(w - 1)} : Ids{};
        workloads.push_back(make_workload("w" + std::to_string(w), 1 + w % 3, depends_on));
    }
    for (int a = 0; a < 60; ++a) {
        Ids depends_on = a % 4 == 3 ? Ids{"a" + std::to_string(a / 2)} : Ids{};
        assets.push_back(make_asset("a" + std::to_string(a), "w" + std::to_string(a % 6), 1 + a % 5,
                                    1 + a % 4, depends_on));
    }
    mbl::Backlog backlog = backlog_with(workloads, assets);
    auto first = plan(backlog, 70);
    auto second = plan(backlog, 70);
    CHECK(proposed_ids(first) == proposed_ids(second));
    CHECK(left_out_ids(first) == left_out_ids(second));
    CHECK(first.proposed_estimate == second.proposed_estimate);
    CHECK(first.proposed_estimate <= 70);
    CHECK(first.proposed.size() + first.left_out.size() == assets.size());
}
