// release_backlog (release show): the groups, each asset's iteration and unmet dependencies; and
// iteration_of_asset.

#include "forecast_fixtures.hpp"
#include "mbl/release.hpp"
#include "support/error_from.hpp"

#include <catch2/catch.hpp>

using namespace mbl;
using namespace mbl::test::forecast;
using Catch::Matchers::Contains;
using mbl::test::error_from;

namespace {

// crm (depends on identity at production and erp at staging) with one asset per group, in an
// order unlike the groups'; erp-db belongs to erp.
Backlog show_sample() {
    Backlog backlog;
    backlog.workloads = {workload("identity", 1, {}, Stage::production),
                         workload("erp", 2, {}, Stage::staging),
                         workload("crm", 1, {"identity", "erp", "ghost"}, Stage::migrating)};
    Asset retired = asset("crm-old", std::nullopt, "crm", AssetStatus::replicated);
    retired.strategy = Strategy::retire;
    Asset web = asset("crm-web", 8, "crm", AssetStatus::in_progress);
    web.depends_on = {"crm-db", "erp-db", "crm-files", "ghost-db"};
    backlog.assets = {replicated("crm-files", 3, "2027-01-10"),
                      web,
                      retired,
                      asset("crm-app", 5, "crm", AssetStatus::blocked),
                      asset("crm-db", 13, "crm"),
                      asset("erp-db", 20, "erp", AssetStatus::in_progress)};
    backlog.assets[0].workload = "crm";
    Iteration first =
        closed("it-1", "2027-01-04", "2027-01-17", 3, {"crm-files", "crm-web"}, {"crm-files"});
    backlog.iterations = {
        first,
        iteration("it-3", "2027-02-01", "2027-02-14", IterationState::planned,
                  {"crm-web", "crm-db"}),
        iteration("it-2", "2027-01-18", "2027-01-31", IterationState::active, {"crm-web"})};
    return backlog;
}

} // namespace

TEST_CASE("release_backlog groups the assets by status, retire/retain last", "[release_backlog]") {
    Backlog backlog = show_sample();
    ReleaseBacklog release = release_backlog(backlog, "crm", on("2027-01-20"));
    std::vector<std::pair<std::string, ReleaseGroup>> order;
    for (const ReleaseAsset& entry : release.assets) {
        order.emplace_back(entry.asset->id, entry.group);
    }
    CHECK(order == std::vector<std::pair<std::string, ReleaseGroup>>{
                       {"crm-db", ReleaseGroup::not_started},
                       {"crm-web", ReleaseGroup::in_progress},
                       {"crm-app", ReleaseGroup::blocked},
                       {"crm-files", ReleaseGroup::replicated},
                       {"crm-old", ReleaseGroup::no_migration}});
    CHECK(release.assets[0].asset == &backlog.assets[4]); // points into the backlog given
    CHECK(release.readiness.workload_id == "crm");
    CHECK(release.readiness.assets == 5);
    CHECK(release.readiness.assets_done == 2);
}

TEST_CASE("release_backlog gives each asset's iteration", "[release_backlog]") {
    Backlog backlog = show_sample(); // the release points into it
    ReleaseBacklog release = release_backlog(backlog, "crm", on("2027-01-20"));
    auto iteration_of = [&](std::string_view id) {
        for (const ReleaseAsset& entry : release.assets) {
            if (entry.asset->id == id) {
                return entry.iteration;
            }
        }
        FAIL("no asset " << id);
        return std::optional<std::string>();
    };
    CHECK(iteration_of("crm-files") == "it-1"); // completed there
    CHECK(iteration_of("crm-web") == "it-2");   // the open one that starts first
    CHECK(iteration_of("crm-db") == "it-3");
    CHECK_FALSE(iteration_of("crm-app"));
}

TEST_CASE("release_backlog lists unmet dependencies, other workloads' too", "[release_backlog]") {
    Backlog backlog = show_sample(); // the release points into it
    ReleaseBacklog release = release_backlog(backlog, "crm", on("2027-01-20"));
    const ReleaseAsset& web = release.assets[1];
    REQUIRE(web.asset->id == "crm-web");
    REQUIRE(web.unmet.size() == 3); // crm-files is replicated: met
    CHECK(web.unmet[0].asset_id == "crm-db");
    CHECK_FALSE(web.unmet[0].workload); // the release's own
    CHECK(web.unmet[0].status == AssetStatus::not_started);
    CHECK(web.unmet[1].asset_id == "erp-db");
    CHECK(web.unmet[1].workload == "erp");
    CHECK(web.unmet[1].status == AssetStatus::in_progress);
    CHECK(web.unmet[2].asset_id == "ghost-db");
    CHECK_FALSE(web.unmet[2].status); // no such asset
    CHECK(release.assets[0].unmet.empty());
}

TEST_CASE("release_backlog gives the stages of the workloads it depends on", "[release_backlog]") {
    Backlog backlog = show_sample(); // the release points into it
    ReleaseBacklog release = release_backlog(backlog, "crm", on("2027-01-20"));
    REQUIRE(release.depends_on.size() == 3);
    CHECK(release.depends_on[0].workload_id == "identity");
    CHECK(release.depends_on[0].stage == Stage::production);
    CHECK(release.depends_on[1].stage == Stage::staging);
    CHECK(release.depends_on[2].workload_id == "ghost");
    CHECK_FALSE(release.depends_on[2].stage);
}

TEST_CASE("release_backlog refuses an unknown workload", "[release_backlog]") {
    Error error = error_from([] { release_backlog(show_sample(), "cmr", on("2027-01-20")); });
    CHECK(error.status() == ExitStatus::input);
    CHECK_THAT(error.what(), Contains("did you mean 'crm'?"));
}

TEST_CASE("iteration_of_asset: completed first, else the first open one", "[release_backlog]") {
    Backlog backlog = show_sample();
    CHECK(iteration_of_asset(backlog, "crm-files") == "it-1");
    CHECK(iteration_of_asset(backlog, "crm-web") == "it-2");
    CHECK_FALSE(iteration_of_asset(backlog, "crm-app"));
    CHECK_FALSE(iteration_of_asset(backlog, "nothing"));
    // Committed to a closed iteration without completing it: in no iteration.
    backlog.iterations[1].committed.clear();
    backlog.iterations[0].committed.push_back("crm-db");
    CHECK_FALSE(iteration_of_asset(backlog, "crm-db"));
}
