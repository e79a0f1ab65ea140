// compute_burndown and compute_status: the burndown day by day, the active iteration, releases
// ready for staging, and each kind of attention.

#include "forecast_fixtures.hpp"
#include "mbl/status.hpp"

#include <catch2/catch.hpp>

using namespace mbl;
using namespace mbl::test::forecast;
using Catch::Detail::Approx;
using Catch::Matchers::Contains;

namespace {

// it-1 runs 2027-01-04..2027-01-08 (5 days) committing a (10, replicated 01-05), b (6, replicated
// 01-07), c (4, replicated before the start), d (unestimated) and e (5, replicated without a day).
Backlog burndown_backlog() {
    Backlog backlog;
    Asset undated = asset("e", 5, std::nullopt, AssetStatus::replicated);
    backlog.assets = {replicated("a", 10, "2027-01-05"),
                      replicated("b", 6, "2027-01-07"),
                      replicated("c", 4, "2027-01-03"),
                      asset("d", std::nullopt),
                      undated,
                      asset("other", 50)};
    backlog.iterations = {iteration("it-1", "2027-01-04", "2027-01-08", IterationState::active,
                                    {"a", "b", "c", "d", "e", "ghost"}, 30)};
    return backlog;
}

std::vector<Attention> of_kind(const StatusReport& report, AttentionKind kind) {
    std::vector<Attention> found;
    for (const Attention& attention : report.attention) {
        if (attention.kind == kind) {
            found.push_back(attention);
        }
    }
    return found;
}

} // namespace

TEST_CASE("burndown day by day until today", "[status]") {
    Backlog backlog = burndown_backlog();
    Burndown burndown = compute_burndown(backlog, backlog.iterations[0], on("2027-01-07"));
    CHECK(burndown.iteration_id == "it-1");
    CHECK(burndown.committed_estimate == 25);
    REQUIRE(burndown.days.size() == 5);
    CHECK(burndown.days[0].day == on("2027-01-04"));
    CHECK(burndown.days[4].day == on("2027-01-08"));
    // a counts from 01-05, b from 01-07; c never (replicated before the start) nor e (no day),
    // as close_iteration would not count them.
    CHECK(burndown.days[0].remaining == 25);
    CHECK(burndown.days[1].remaining == 15);
    CHECK(burndown.days[2].remaining == 15);
    CHECK(burndown.days[3].remaining == 9);
    CHECK_FALSE(burndown.days[4].remaining);
    double ideal[] = {20, 15, 10, 5, 0};
    for (std::size_t d = 0; d < 5; ++d) {
        CHECK(burndown.days[d].ideal == Approx(ideal[d]));
    }
}

TEST_CASE("burndown before the start has no remaining values", "[status]") {
    Backlog backlog = burndown_backlog();
    Burndown burndown = compute_burndown(backlog, backlog.iterations[0], on("2027-01-01"));
    REQUIRE(burndown.days.size() == 5);
    for (const BurndownDay& day : burndown.days) {
        CHECK_FALSE(day.remaining);
    }
}

TEST_CASE("status of the active iteration", "[status]") {
    StatusReport report = compute_status(burndown_backlog(), on("2027-01-06"));
    REQUIRE(report.active);
    CHECK(report.active->iteration_id == "it-1");
    CHECK(report.active->name == "Iteration it-1");
    CHECK(report.active->start == on("2027-01-04"));
    CHECK(report.active->end == on("2027-01-08"));
    CHECK(report.active->days_left == 3);
    CHECK(report.active->capacity == 30);
    CHECK(report.active->committed_estimate == 25);
    // a and b are replicated within its dates; c (before the start) and e (no day) count in no
    // iteration, as in the burndown and at the close.
    CHECK(report.active->done_estimate == 16);
    CHECK(report.active->burndown.days.size() == 5);
    CHECK(report.assets == 6);
    CHECK(report.assets_done == 4);
}

TEST_CASE("days left: the whole length before the start, 0 after the end", "[status]") {
    Backlog backlog = burndown_backlog();
    CHECK(compute_status(backlog, on("2027-01-01")).active->days_left == 5);
    CHECK(compute_status(backlog, on("2027-01-04")).active->days_left == 5);
    CHECK(compute_status(backlog, on("2027-01-08")).active->days_left == 1);
    CHECK(compute_status(backlog, on("2027-01-09")).active->days_left == 0);
}

TEST_CASE("status without an active iteration", "[status]") {
    Backlog backlog = burndown_backlog();
    backlog.iterations[0].state = IterationState::closed;
    StatusReport report = compute_status(backlog, on("2027-01-06"));
    CHECK_FALSE(report.active);
    CHECK(report.attention.empty());
}

TEST_CASE("releases ready for staging", "[status]") {
    Backlog backlog;
    backlog.workloads = {workload("crm", 1, {}, Stage::migrating), workload("erp"),
                         workload("hr", 2, {}, Stage::staging), workload("empty"), workload("web")};
    Asset retired = asset("erp-old", 3, "erp");
    retired.strategy = Strategy::retire;
    backlog.assets = {replicated("crm-1", 5, "2027-01-05"), retired,
                      replicated("hr-1", 5, "2027-01-05"), asset("web-1", 5, "web"),
                      replicated("web-2", 5, "2027-01-05")};
    backlog.assets[0].workload = "crm";
    backlog.assets[2].workload = "hr";
    backlog.assets[4].workload = "web";
    StatusReport report = compute_status(backlog, on("2027-01-06"));
    CHECK(report.ready_for_staging == std::vector<std::string>{"crm", "erp"});
}

TEST_CASE("attention: over-commitment", "[status]") {
    Backlog backlog = burndown_backlog();
    backlog.iterations[0].capacity = 24;
    backlog.iterations.push_back(
        iteration("it-2", "2027-01-09", "2027-01-13", IterationState::planned, {"other"}, 50));
    auto found = of_kind(compute_status(backlog, on("2027-01-06")), AttentionKind::over_commitment);
    REQUIRE(found.size() == 1);
    CHECK(found[0].subject == "it-1");
    CHECK(found[0].message ==
          "it-1 commits 25 hours, above its capacity of 24; uncommit assets or raise the capacity");

    backlog.iterations[1].capacity = 49.5;
    found = of_kind(compute_status(backlog, on("2027-01-06")), AttentionKind::over_commitment);
    REQUIRE(found.size() == 2);
    CHECK(found[1].subject == "it-2");
}

TEST_CASE("attention: unestimated and blocked committed assets", "[status]") {
    Backlog backlog = burndown_backlog();
    backlog.assets[3].status = AssetStatus::blocked;
    StatusReport report = compute_status(backlog, on("2027-01-06"));
    auto unestimated = of_kind(report, AttentionKind::unestimated_committed);
    REQUIRE(unestimated.size() == 1);
    CHECK(unestimated[0].subject == "d");
    CHECK_THAT(unestimated[0].message, Contains("d is committed to it-1 without an estimate"));
    auto blocked = of_kind(report, AttentionKind::blocked_committed);
    REQUIRE(blocked.size() == 1);
    CHECK(blocked[0].subject == "d");
    CHECK(blocked[0].message == "d is committed to it-1 but blocked");
    CHECK(report.attention.size() == 2);
}

TEST_CASE("attention: in progress past the end and a stale active iteration", "[status]") {
    Backlog backlog = burndown_backlog();
    backlog.assets[3].status = AssetStatus::in_progress;
    backlog.assets[3].estimate = 1;
    StatusReport during = compute_status(backlog, on("2027-01-08"));
    CHECK(during.attention.empty());

    StatusReport after = compute_status(backlog, on("2027-01-09"));
    REQUIRE(after.attention.size() == 2);
    CHECK(after.attention[0].kind == AttentionKind::stale_active);
    CHECK(after.attention[0].subject == "it-1");
    CHECK(after.attention[0].message ==
          "it-1 ended on 2027-01-08 but is still active; close it with 'mbl iteration close it-1'");
    CHECK(after.attention[1].kind == AttentionKind::in_progress_past_end);
    CHECK(after.attention[1].subject == "d");
    CHECK(after.attention[1].message == "d is still in progress but it-1 ended on 2027-01-08");
}
