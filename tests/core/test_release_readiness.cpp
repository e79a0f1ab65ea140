// release_readiness (release list), workloads_ready_for_staging, and the releases a change to
// the assets makes unready (readiness_lost).

#include "forecast_fixtures.hpp"
#include "mbl/release.hpp"

#include <catch2/catch.hpp>

using namespace mbl;
using namespace mbl::test::forecast;
using Catch::Matchers::Contains;

namespace {

// Three closed iterations of 10 each, then:
// - base (priority 3, production): b1 replicated;
// - app (priority 1, migrating, depends on base): a1 replicated, a2 12 not started,
//   a3 unestimated in progress, a4 retired;
// - ready (priority 2, planned): r1 replicated;
// - empty (priority 2, migrating): no assets;
// - live (priority 4, uat, depends on app): l1 replicated, l2 retained.
Backlog readiness_sample() {
    Backlog backlog;
    backlog.settings.iteration_length_days = 14;
    backlog.workloads = {
        workload("base", 3, {}, Stage::production), workload("app", 1, {"base"}, Stage::migrating),
        workload("ready", 2, {}, Stage::planned), workload("empty", 2, {}, Stage::migrating),
        workload("live", 4, {"app"}, Stage::uat)};
    Asset retired = asset("a4", std::nullopt, "app");
    retired.strategy = Strategy::retire;
    Asset retained = asset("l2", std::nullopt, "live");
    retained.strategy = Strategy::retain;
    backlog.assets = {asset("b1", 5, "base", AssetStatus::replicated),
                      asset("a1", 4, "app", AssetStatus::replicated),
                      asset("a2", 12, "app"),
                      asset("a3", std::nullopt, "app", AssetStatus::in_progress),
                      retired,
                      asset("r1", 2, "ready", AssetStatus::replicated),
                      asset("l1", 3, "live", AssetStatus::replicated),
                      retained};
    backlog.iterations = {closed("it-1", "2027-01-04", "2027-01-17", 10),
                          closed("it-2", "2027-01-18", "2027-01-31", 10),
                          closed("it-3", "2027-02-01", "2027-02-14", 10)};
    return backlog;
}

const ReleaseReadiness& release_of(const std::vector<ReleaseReadiness>& releases,
                                   std::string_view id) {
    for (const ReleaseReadiness& release : releases) {
        if (release.workload_id == id) {
            return release;
        }
    }
    FAIL("no release " << id);
    throw std::logic_error("unreachable");
}

} // namespace

TEST_CASE("release_readiness: one entry per workload in planning order", "[release_readiness]") {
    Backlog backlog = readiness_sample();
    std::vector<ReleaseReadiness> releases = release_readiness(backlog, on("2027-02-15"));
    std::vector<std::string> ids;
    for (const ReleaseReadiness& release : releases) {
        ids.push_back(release.workload_id);
    }
    CHECK(ids == workloads_in_planning_order(backlog));
    CHECK(ids == std::vector<std::string>{"base", "app", "ready", "empty", "live"});
}

TEST_CASE("release_readiness counts, remaining work and the next gate", "[release_readiness]") {
    std::vector<ReleaseReadiness> releases =
        release_readiness(readiness_sample(), on("2027-02-15"));

    const ReleaseReadiness& app = release_of(releases, "app");
    CHECK(app.name == "app");
    CHECK(app.priority == 1);
    CHECK(app.stage == Stage::migrating);
    CHECK(app.assets == 4);
    CHECK(app.assets_done == 2); // a1 replicated, a4 retired
    CHECK(app.remaining.estimate == 12);
    CHECK(app.remaining.assets == 2);
    CHECK(app.remaining.unestimated == 1);
    CHECK_FALSE(app.ready_for_staging);
    CHECK(app.next == Stage::staging);
    REQUIRE(app.next_blockers.size() == 2);
    CHECK(app.next_blockers[0].subject == "a2");
    CHECK(app.next_blockers[1].subject == "a3");

    const ReleaseReadiness& ready = release_of(releases, "ready");
    CHECK(ready.ready_for_staging); // planned counts too: its gate into staging is open
    CHECK(ready.next == Stage::migrating);
    CHECK(ready.next_blockers.empty());

    const ReleaseReadiness& empty = release_of(releases, "empty");
    CHECK_FALSE(empty.ready_for_staging); // nothing to release yet
    CHECK(empty.assets == 0);

    const ReleaseReadiness& live = release_of(releases, "live");
    CHECK_FALSE(live.ready_for_staging); // already past it
    CHECK(live.assets_done == 2);
    CHECK(live.next == Stage::production);
    REQUIRE(live.next_blockers.size() == 1);
    CHECK(live.next_blockers[0].kind == BlockerKind::dependency_not_in_production);
    CHECK(live.next_blockers[0].subject == "app");

    const ReleaseReadiness& base = release_of(releases, "base");
    CHECK_FALSE(base.next);
    CHECK(base.next_blockers.empty());
}

TEST_CASE("release_readiness counts a workload's assets wherever they stand in the file",
          "[release_readiness]") {
    // The count reuses the previous asset's workload while it stays the same: assets of one
    // workload apart from each other, or after an asset without a workload, count too.
    Backlog backlog = readiness_sample();
    std::vector<Asset> interleaved;
    for (std::size_t from_end = backlog.assets.size(); from_end > 0; --from_end) {
        interleaved.push_back(backlog.assets[from_end - 1]);
        interleaved.push_back(asset("x" + std::to_string(from_end), 1, std::nullopt));
    }
    interleaved.push_back(asset("a5", 1, "app", AssetStatus::replicated));
    backlog.assets = interleaved;
    std::vector<ReleaseReadiness> releases = release_readiness(backlog, on("2027-02-15"));
    CHECK(release_of(releases, "app").assets == 5);
    CHECK(release_of(releases, "app").assets_done == 3);
    CHECK(release_of(releases, "live").assets == 2);
    CHECK(release_of(releases, "base").assets == 1);
    CHECK(release_of(releases, "empty").assets == 0);
}

TEST_CASE("release_readiness takes the 85% date of the forecast", "[release_readiness]") {
    Backlog backlog = readiness_sample();
    std::vector<ReleaseReadiness> releases = release_readiness(backlog, on("2027-02-15"));
    Forecast forecast = forecast_completion(backlog, ForecastOptions{}, on("2027-02-15"));
    for (const CompletionForecast& completion : forecast.releases) {
        const ReleaseReadiness& release = release_of(releases, *completion.workload);
        std::optional<Date> expected;
        for (const PercentileDate& at : completion.percentiles) {
            if (at.percent == 85) {
                expected = at.date;
            }
        }
        CHECK(release.forecast_85 == expected);
    }
    // 12 hours at 10 per iteration from 2027-02-15: two iterations, ending 2027-03-14.
    CHECK(release_of(releases, "app").forecast_85 == on("2027-03-14"));
    CHECK_FALSE(release_of(releases, "base").forecast_85); // nothing remains
}

TEST_CASE("workloads_ready_for_staging: planned or migrating, with assets, all done",
          "[release_readiness]") {
    Backlog backlog = readiness_sample();
    CHECK(workloads_ready_for_staging(backlog) == std::vector<std::string>{"ready"});
    backlog.assets[2].status = AssetStatus::replicated;
    backlog.assets[3].status = AssetStatus::replicated;
    CHECK(workloads_ready_for_staging(backlog) == std::vector<std::string>{"app", "ready"});
}

TEST_CASE("ready_releases_past_migrating: staging and later, all done", "[release_readiness]") {
    Backlog backlog = readiness_sample();
    CHECK(ready_releases_past_migrating(backlog) == std::vector<std::string>{"base", "live"});
    backlog.workloads[3].stage = Stage::staging; // an empty release is ready
    CHECK(ready_releases_past_migrating(backlog) ==
          std::vector<std::string>{"base", "empty", "live"});
}

TEST_CASE("readiness_lost names the releases an asset change broke", "[release_readiness]") {
    Backlog backlog = readiness_sample();
    std::vector<std::string> ready = ready_releases_past_migrating(backlog);
    CHECK(readiness_lost(backlog, ready).empty());

    backlog.assets[6].status = AssetStatus::in_progress; // l1, in live (uat)
    std::vector<ReadinessLost> lost = readiness_lost(backlog, ready);
    REQUIRE(lost.size() == 1);
    CHECK(lost[0].workload_id == "live");
    CHECK(lost[0].stage == Stage::uat);
    CHECK(lost[0].assets_not_done == std::vector<std::string>{"l1"});
    CHECK(lost[0].message ==
          "workload live is at stage uat but its release is no longer ready: l1 is not "
          "replicated; replicate it again, or move the workload back with 'mbl release advance "
          "live --to migrating'");

    backlog.assets.push_back(asset("l3", 1, "live"));
    lost = readiness_lost(backlog, ready);
    REQUIRE(lost.size() == 1);
    CHECK(lost[0].assets_not_done == std::vector<std::string>{"l1", "l3"});
    CHECK_THAT(lost[0].message, Contains("l1, l3 are not replicated; replicate them again"));

    // A release moved back to migrating, and ids no workload has, are left out.
    backlog.workloads[4].stage = Stage::migrating;
    CHECK(readiness_lost(backlog, {"live", "ghost"}).empty());
}

TEST_CASE("readiness_lost: an asset added to an empty released workload", "[release_readiness]") {
    Backlog backlog = readiness_sample();
    backlog.workloads[3].stage = Stage::production;
    std::vector<std::string> ready = ready_releases_past_migrating(backlog);
    backlog.assets.push_back(asset("e1", 3, "empty"));
    std::vector<ReadinessLost> lost = readiness_lost(backlog, ready);
    REQUIRE(lost.size() == 1);
    CHECK(lost[0].workload_id == "empty");
    CHECK(lost[0].stage == Stage::production);
}
