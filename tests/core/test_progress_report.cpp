// gather_progress_report: totals by status, release progress by group, and that every section is
// what its own function gives (the report gathers, it does not recompute).

#include "forecast_fixtures.hpp"
#include "mbl/progress_report.hpp"

#include <catch2/catch.hpp>

using namespace mbl;
using namespace mbl::test::forecast;

namespace {

// crm: a (10, replicated), b (6, in progress), c (unestimated), r (retire, not started);
// erp: d (20, blocked); e (4) without a workload. it-1..3 closed (30, 40, 50), it-4 active.
Backlog small_backlog() {
    Backlog backlog;
    backlog.workloads = {workload("crm", 1), workload("erp", 2)};
    Asset retired = asset("r", 3, "crm");
    retired.strategy = Strategy::retire;
    backlog.assets = {asset("a", 10, "crm", AssetStatus::replicated),
                      asset("b", 6, "crm", AssetStatus::in_progress),
                      asset("c", std::nullopt, "crm"),
                      retired,
                      asset("d", 20, "erp", AssetStatus::blocked),
                      asset("e", 4)};
    backlog.assets[0].replicated_on = on("2027-02-02");
    backlog.iterations = {
        closed("it-1", "2027-01-04", "2027-01-17", 30),
        closed("it-2", "2027-01-18", "2027-01-31", 40),
        closed("it-3", "2027-02-01", "2027-02-14", 50),
        iteration("it-4", "2027-02-15", "2027-02-28", IterationState::active, {"b", "d"}, 60)};
    return backlog;
}

} // namespace

TEST_CASE("gather_progress_report totals the assets by status, retire/retain apart",
          "[progress-report]") {
    ProgressReport report = gather_progress_report(small_backlog(), {}, {}, on("2027-02-20"));
    const auto& totals = report.totals;
    CHECK(totals[0].group == ReleaseGroup::not_started);
    CHECK(totals[0].assets == 2); // c, e
    CHECK(totals[0].estimate == 4);
    CHECK(totals[0].unestimated == 1);
    CHECK(totals[1].group == ReleaseGroup::in_progress);
    CHECK(totals[1].assets == 1);
    CHECK(totals[1].estimate == 6);
    CHECK(totals[2].group == ReleaseGroup::blocked);
    CHECK(totals[2].estimate == 20);
    CHECK(totals[3].group == ReleaseGroup::replicated);
    CHECK(totals[3].estimate == 10);
    CHECK(totals[4].group == ReleaseGroup::no_migration);
    CHECK(totals[4].assets == 1); // r, retired: done, whatever its status
    CHECK(totals[4].unestimated == 0);
    // The same counts as status and forecast.
    CHECK(report.overall.done == 2);
    CHECK(report.overall.remaining.assets == 4);
    CHECK(report.overall.remaining.unestimated == 1);
    CHECK(report.overall.remaining.estimate == 30);
    CHECK(report.overall.blocked == 1);
    CHECK(report.overall.remaining.assets == report.forecast.whole->remaining.assets);
    CHECK(report.overall.remaining.estimate == report.forecast.whole->remaining.estimate);
    CHECK(report.blocked == std::vector<std::string>{"d"});
    REQUIRE(report.next_release);
    CHECK(report.releases[*report.next_release].workload_id == "crm");
}

TEST_CASE("gather_progress_report counts each release's assets by release group",
          "[progress-report]") {
    ProgressReport report = gather_progress_report(small_backlog(), {}, {}, on("2027-02-20"));
    REQUIRE(report.progress.size() == 2);
    REQUIRE(report.releases.size() == 2);
    const ReleaseProgress& crm = report.progress[0];
    CHECK(crm.workload_id == "crm");
    CHECK(report.releases[0].workload_id == "crm");
    auto count = [&](const ReleaseProgress& progress, ReleaseGroup group) {
        return progress.by_group[static_cast<std::size_t>(group)];
    };
    CHECK(count(crm, ReleaseGroup::replicated) == 1);
    CHECK(count(crm, ReleaseGroup::in_progress) == 1);
    CHECK(count(crm, ReleaseGroup::not_started) == 1);
    CHECK(count(crm, ReleaseGroup::no_migration) == 1);
    CHECK(count(crm, ReleaseGroup::blocked) == 0);
    CHECK(count(report.progress[1], ReleaseGroup::blocked) == 1);
}

TEST_CASE("gather_progress_report holds what status, velocity, forecast and readiness give",
          "[progress-report]") {
    Backlog backlog = small_backlog();
    Date today = on("2027-02-20");
    ProgressReportOptions options;
    options.seed = 7;
    options.trials = 500;
    options.velocity_last = 2;
    std::vector<Problem> problems{{Severity::warning, "/x", "odd", {3, 4}, "code"}};
    ProgressReport report = gather_progress_report(backlog, problems, options, today);

    CHECK(report.today == today);
    CHECK(report.problems == problems);
    REQUIRE(report.status.active);
    CHECK(report.status.active->iteration_id == "it-4");
    CHECK(report.status.active->committed_estimate ==
          compute_status(backlog, today).active->committed_estimate);

    Velocity velocity = compute_velocity(backlog, 2);
    REQUIRE(report.velocity.iterations.size() == 2);
    CHECK(report.velocity.average == velocity.average);

    ForecastOptions forecast_options;
    forecast_options.seed = 7;
    forecast_options.trials = 500;
    Forecast forecast = forecast_completion(backlog, forecast_options, today);
    REQUIRE(report.forecast.whole);
    CHECK(report.forecast.whole->percentiles.size() == forecast.whole->percentiles.size());
    for (std::size_t p = 0; p < forecast.whole->percentiles.size(); ++p) {
        CHECK(report.forecast.whole->percentiles[p].date == forecast.whole->percentiles[p].date);
    }
    // The readiness's 85% dates come from the same seeded forecast.
    for (std::size_t r = 0; r < report.releases.size(); ++r) {
        std::optional<Date> expected;
        for (const PercentileDate& at : forecast.releases[r].percentiles) {
            if (at.percent == 85) {
                expected = at.date;
            }
        }
        CHECK(report.releases[r].forecast_85 == expected);
    }
}

TEST_CASE("release_readiness from a forecast is release_readiness with its own forecast",
          "[progress-report]") {
    Backlog backlog = small_backlog();
    Date today = on("2027-02-20");
    std::vector<ReleaseReadiness> own = release_readiness(backlog, today);
    std::vector<ReleaseReadiness> given =
        release_readiness(backlog, forecast_completion(backlog, {}, today));
    REQUIRE(own.size() == given.size());
    for (std::size_t r = 0; r < own.size(); ++r) {
        CHECK(own[r].workload_id == given[r].workload_id);
        CHECK(own[r].assets_done == given[r].assets_done);
        CHECK(own[r].next_blockers == given[r].next_blockers);
        CHECK(own[r].forecast_85 == given[r].forecast_85);
    }
}

TEST_CASE("gather_progress_report of an empty backlog has nothing to show", "[progress-report]") {
    ProgressReport report = gather_progress_report(Backlog{}, {}, {}, on("2027-02-20"));
    for (const StatusTotal& total : report.totals) {
        CHECK(total.assets == 0);
    }
    CHECK_FALSE(report.status.active);
    CHECK(report.velocity.iterations.empty());
    CHECK(report.releases.empty());
    CHECK(report.progress.empty());
}
