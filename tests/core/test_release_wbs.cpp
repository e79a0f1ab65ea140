// work_breakdown: numbering, planning order, estimates and unestimated counts rolled up at every
// level, iterations and dates.

#include "forecast_fixtures.hpp"
#include "mbl/release.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

using namespace mbl;
using namespace mbl::test::forecast;

namespace {

// web (priority 2) and db (priority 1, so first); db1 has tasks (3 + 5, one unestimated), db2 no
// estimate, web1 10, an old retired asset without an estimate, and a stray asset without a
// workload. it-1 (closed) completed db1; it-2 (active) commits web1; it-3 (planned) db2.
Backlog wbs_sample() {
    Backlog backlog;
    backlog.name = "Fabrikam exit";
    backlog.workloads = {workload("web", 2), workload("db", 1)};
    Asset db1 = asset("db1", 20, "db", AssetStatus::replicated);
    db1.tasks = {task("Replicate", 3, true), task("Cut over", 5, true), task("Tidy", std::nullopt)};
    Asset old = asset("old", std::nullopt, "web");
    old.strategy = Strategy::retire;
    backlog.assets = {asset("web1", 10, "web"), db1, asset("db2", std::nullopt, "db"), old,
                      asset("stray", 4)};
    backlog.iterations = {
        closed("it-1", "2027-01-04", "2027-01-17", 8, {"db1"}, {"db1"}),
        iteration("it-2", "2027-01-18", "2027-01-31", IterationState::active, {"web1"}),
        iteration("it-3", "2027-02-01", "2027-02-14", IterationState::planned, {"db2"})};
    return backlog;
}

} // namespace

TEST_CASE("work_breakdown numbers every level in planning order", "[release_wbs]") {
    Backlog backlog = wbs_sample();
    WbsItem migration = work_breakdown(backlog);
    CHECK(migration.number == "1");
    CHECK(migration.level == WbsLevel::migration);
    CHECK(migration.name == "Fabrikam exit");
    REQUIRE(migration.children.size() == 3);

    const WbsItem& db = migration.children[0];
    CHECK(db.number == "1.1");
    CHECK(db.level == WbsLevel::workload);
    CHECK(db.workload == &backlog.workloads[1]);
    REQUIRE(db.children.size() == 2);
    CHECK(db.children[0].number == "1.1.1");
    CHECK(db.children[0].asset == &backlog.assets[1]);
    REQUIRE(db.children[0].children.size() == 3);
    CHECK(db.children[0].children[2].number == "1.1.1.3");
    CHECK(db.children[0].children[2].level == WbsLevel::task);
    CHECK(db.children[0].children[2].name == "Tidy");
    CHECK(db.children[0].children[2].task == &backlog.assets[1].tasks[2]);
    CHECK(db.children[1].number == "1.1.2");

    const WbsItem& web = migration.children[1];
    CHECK(web.number == "1.2");
    CHECK(web.children[0].name == "web1");
    CHECK(web.children[1].number == "1.2.2");

    const WbsItem& stray = migration.children[2];
    CHECK(stray.number == "1.3");
    CHECK(stray.workload == nullptr);
    CHECK(stray.name == "Assets without a workload");
    REQUIRE(stray.children.size() == 1);
    CHECK(stray.children[0].number == "1.3.1");
}

TEST_CASE("work_breakdown rolls estimates and unestimated assets up", "[release_wbs]") {
    WbsItem migration = work_breakdown(wbs_sample());
    const WbsItem& db = migration.children[0];
    const WbsItem& db1 = db.children[0];
    CHECK(db1.children[0].estimate == 3);
    CHECK_FALSE(db1.children[2].estimate);
    CHECK(db1.estimate == 8); // the tasks' sum (effective estimate), not its own 20
    CHECK(db1.unestimated == 0);
    CHECK_FALSE(db.children[1].estimate); // db2
    CHECK(db.children[1].unestimated == 1);
    CHECK(db.estimate == 8);
    CHECK(db.unestimated == 1);

    const WbsItem& web = migration.children[1];
    CHECK(web.estimate == 10);
    CHECK(web.unestimated == 0); // the retired asset needs no estimate
    CHECK(migration.children[2].estimate == 4);
    CHECK(migration.estimate == 22);
    CHECK(migration.unestimated == 1);
}

TEST_CASE("work_breakdown dates: the asset's iteration, spans above", "[release_wbs]") {
    WbsItem migration = work_breakdown(wbs_sample());
    const WbsItem& db = migration.children[0];
    const WbsItem& db1 = db.children[0];
    CHECK(db1.iteration == "it-1");
    CHECK(db1.start == on("2027-01-04"));
    CHECK(db1.finish == on("2027-01-17"));
    CHECK(db1.children[1].iteration == "it-1");
    CHECK(db1.children[1].finish == on("2027-01-17"));
    CHECK(db.children[1].iteration == "it-3");
    CHECK(db.start == on("2027-01-04"));
    CHECK(db.finish == on("2027-02-14"));
    CHECK_FALSE(db.iteration);

    const WbsItem& web = migration.children[1];
    CHECK(web.start == on("2027-01-18"));
    CHECK(web.finish == on("2027-01-31"));
    CHECK_FALSE(web.children[1].start); // old: in no iteration
    CHECK_FALSE(migration.children[2].start);
    CHECK(migration.start == on("2027-01-04"));
    CHECK(migration.finish == on("2027-02-14"));
}

TEST_CASE("work_breakdown of an empty backlog is the migration alone", "[release_wbs]") {
    Backlog backlog;
    backlog.name = "Nothing yet";
    backlog.workloads = {workload("idle")};
    WbsItem migration = work_breakdown(backlog);
    CHECK(migration.estimate == 0);
    REQUIRE(migration.children.size() == 1); // a workload without assets still shows
    CHECK(migration.children[0].estimate == 0);
    CHECK(migration.children[0].children.empty());
    CHECK_FALSE(migration.start);
    CHECK(work_breakdown(Backlog{}).children.empty());
}

namespace {

// What `visit` sees of one item: every field but the children.
std::string item_fields(const WbsItem& item) {
    auto date = [](const std::optional<Date>& d) { return d ? d->to_string() : "-"; };
    return item.number + "|" + std::to_string(static_cast<int>(item.level)) + "|" +
           std::to_string(reinterpret_cast<std::uintptr_t>(item.workload)) + "|" +
           std::to_string(reinterpret_cast<std::uintptr_t>(item.asset)) + "|" +
           std::to_string(reinterpret_cast<std::uintptr_t>(item.task)) + "|" + item.name + "|" +
           (item.estimate ? std::to_string(*item.estimate) : "-") + "|" +
           std::to_string(item.unestimated) + "|" + item.iteration.value_or("-") + "|" +
           date(item.start) + "|" + date(item.finish) + "|" + std::to_string(item.children.size());
}

void walk(const WbsItem& item, std::vector<std::string>& out) {
    WbsItem alone = item;
    alone.children.clear();
    out.push_back(item_fields(alone));
    for (const WbsItem& child : item.children) {
        walk(child, out);
    }
}

// The items of work_breakdown depth first, and what for_each_wbs_item gives.
std::pair<std::vector<std::string>, std::vector<std::string>> both_ways(const Backlog& backlog) {
    std::vector<std::string> tree;
    walk(work_breakdown(backlog), tree);
    std::vector<std::string> visited;
    for_each_wbs_item(backlog, [&](const WbsItem& item) { visited.push_back(item_fields(item)); });
    return {tree, visited};
}

} // namespace

TEST_CASE("for_each_wbs_item gives the items of work_breakdown, depth first, without the tree",
          "[release_wbs]") {
    SECTION("workloads in planning order, tasks, assets without a workload last") {
        auto [tree, visited] = both_ways(wbs_sample());
        REQUIRE(tree.size() == 12); // 1, 1.1, db1 + 3 tasks, db2, 1.2, web1, old, 1.3, stray
        CHECK(visited == tree);
    }
    SECTION("a workload without assets; no group of assets without a workload") {
        Backlog backlog = wbs_sample();
        backlog.assets.pop_back(); // stray
        backlog.workloads.push_back(workload("idle", 3));
        auto [tree, visited] = both_ways(backlog);
        CHECK(tree.back().rfind("1.3|", 0) == 0); // idle, last by priority
        CHECK(visited == tree);
    }
    SECTION("estimates that do not add up exactly in binary are summed in the same order") {
        Backlog backlog = wbs_sample();
        backlog.assets = {asset("a", 0.1, "web"), asset("b", 0.2, "web"), asset("c", 0.3, "db")};
        auto [tree, visited] = both_ways(backlog);
        CHECK(visited == tree);
    }
    SECTION("an empty backlog: the migration alone") {
        auto [tree, visited] = both_ways(Backlog{});
        CHECK(tree.size() == 1);
        CHECK(visited == tree);
    }
}
