#include "iteration_fixtures.hpp"
#include "mbl/edit.hpp"
#include "mbl/iterations.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using Catch::Matchers::Contains;
using mbl::ExitStatus;
using namespace iteration_fixtures;

namespace {

mbl::KindTemplate make_template(std::string kind,
                                std::vector<std::pair<std::string, double>> shares) {
    mbl::KindTemplate kind_template;
    kind_template.kind = std::move(kind);
    for (auto& [title, percent] : shares) {
        kind_template.tasks.push_back({std::move(title), percent, {}});
    }
    return kind_template;
}

// Templates for vm (10/50/20/20), database (thirds) and network (60/30, not 100%).
mbl::Backlog tasks_backlog() {
    mbl::Backlog backlog;
    backlog.settings.task_templates = {
        make_template("vm", {{"Assess", 10}, {"Replicate", 50}, {"Test", 20}, {"Cut over", 20}}),
        make_template("database", {{"Export", 33.33}, {"Import", 33.33}, {"Verify", 33.34}}),
        make_template("network", {{"Design", 60}, {"Build", 30}}), make_template("storage", {})};
    mbl::Asset vm = make_asset("web-01", 16);
    vm.kind = mbl::AssetKind::vm;
    mbl::Asset database = make_asset("sql-01", 7);
    database.kind = mbl::AssetKind::database;
    mbl::Asset network = make_asset("net-01", 16);
    network.kind = mbl::AssetKind::network;
    mbl::Asset share = make_asset("fs-01", 4);
    share.kind = mbl::AssetKind::file_share;
    mbl::Asset storage = make_asset("st-01", 4);
    storage.kind = mbl::AssetKind::storage;
    backlog.assets = {vm, database, network, share, storage};
    return backlog;
}

std::vector<double> estimates_of(const mbl::Asset& asset) {
    std::vector<double> estimates;
    for (const mbl::Task& task : asset.tasks) {
        REQUIRE(task.estimate);
        estimates.push_back(*task.estimate);
    }
    return estimates;
}

long long cents_of(const mbl::Asset& asset) {
    long long cents = 0;
    for (double estimate : estimates_of(asset)) {
        cents += std::llround(estimate * 100);
    }
    return cents;
}

std::size_t fill(mbl::Backlog& backlog, std::string_view id, bool replace = false) {
    return mbl::fill_tasks_from_template(backlog, mbl::require_asset(backlog, id), replace);
}

} // namespace

TEST_CASE("fill_tasks_from_template shares the estimate by the kind's template", "[iterations]") {
    mbl::Backlog backlog = tasks_backlog();
    CHECK(fill(backlog, "web-01") == 4);
    const mbl::Asset& vm = backlog.assets[0];
    REQUIRE(vm.tasks.size() == 4);
    CHECK(vm.tasks[0].title == "Assess");
    CHECK(vm.tasks[3].title == "Cut over");
    CHECK(estimates_of(vm) == std::vector<double>{1.6, 8, 3.2, 3.2});
    CHECK(std::none_of(vm.tasks.begin(), vm.tasks.end(), [](auto& t) { return t.done; }));
    CHECK(vm.estimate == 16.0);
    CHECK(cents_of(vm) == 1600);
    CHECK(mbl::effective_estimate(vm).value() == Approx(16).margin(1e-9));
}

TEST_CASE("fill_tasks_from_template puts the rounding difference on the last task",
          "[iterations]") {
    mbl::Backlog backlog = tasks_backlog();
    fill(backlog, "sql-01");
    const mbl::Asset& database = backlog.assets[1];
    // 33.33% of 7 is 2.3331 and 33.34% is 2.3338: both round to 2.33, which would add up to 6.99.
    CHECK(estimates_of(database) == std::vector<double>{2.33, 2.33, 2.34});
    CHECK(cents_of(database) == 700);
    CHECK(database.estimate == 7.0);
}

TEST_CASE("fill_tasks_from_template keeps the shares of a template that is not 100%",
          "[iterations]") {
    mbl::Backlog backlog = tasks_backlog();
    fill(backlog, "net-01");
    CHECK(estimates_of(backlog.assets[2]) == std::vector<double>{9.6, 4.8});
    CHECK(backlog.assets[2].estimate == 16.0);
}

TEST_CASE("fill_tasks_from_template shares the effective estimate when replacing", "[iterations]") {
    mbl::Backlog backlog = tasks_backlog();
    mbl::Asset& vm = backlog.assets[0];
    vm.tasks = {{"Old", 12, true, {}}, {"Older", 8, false, {}}}; // effective estimate 20
    CHECK(fill(backlog, "web-01", true) == 4);
    CHECK(estimates_of(vm) == std::vector<double>{2, 10, 4, 4});
    CHECK(vm.tasks[0].title == "Assess");
    CHECK_FALSE(vm.tasks[0].done);
    CHECK(vm.estimate == 16.0);
}

TEST_CASE("fill_tasks_from_template refuses listing every reason", "[iterations]") {
    mbl::Backlog backlog = tasks_backlog();
    mbl::Error none = refusal(backlog, [](mbl::Backlog& b) { fill(b, "fs-01"); });
    CHECK(none.status() == ExitStatus::check_failed);
    CHECK(std::string(none.what()) ==
          "cannot fill the tasks of fs-01 from a template:\n"
          "  no task template for kind file-share; add one under settings.task_templates");

    mbl::Error empty = refusal(backlog, [](mbl::Backlog& b) { fill(b, "st-01"); });
    CHECK(empty.status() == ExitStatus::check_failed);
    CHECK_THAT(empty.what(), Contains("no task template for kind storage"));

    backlog.assets[0].estimate.reset();
    mbl::Error unestimated = refusal(backlog, [](mbl::Backlog& b) { fill(b, "web-01"); });
    CHECK(unestimated.status() == ExitStatus::check_failed);
    CHECK(std::string(unestimated.what()) ==
          "cannot fill the tasks of web-01 from a template:\n"
          "  web-01 has no estimate; set one first ('mbl asset set web-01 estimate=N')");

    mbl::Asset& share = backlog.assets[3];
    share.estimate.reset();
    share.tasks = {{"Copy", {}, false, {}}};
    mbl::Error all = refusal(backlog, [](mbl::Backlog& b) { fill(b, "fs-01"); });
    CHECK(all.status() == ExitStatus::check_failed);
    CHECK_THAT(all.what(), Contains("\n  no task template for kind file-share") &&
                               Contains("\n  fs-01 has no estimate") &&
                               Contains("\n  fs-01 already has 1 task; replace them"));
}

TEST_CASE("fill_tasks_from_template refuses existing tasks unless replacing", "[iterations]") {
    mbl::Backlog backlog = tasks_backlog();
    backlog.assets[0].tasks = {{"Old", 12, true, {}}, {"Older", 8, false, {}}};
    mbl::Error error = refusal(backlog, [](mbl::Backlog& b) { fill(b, "web-01"); });
    CHECK(error.status() == ExitStatus::check_failed);
    CHECK_THAT(error.what(), Contains("web-01 already has 2 tasks"));
}

TEST_CASE("set_task_done ticks one task by its number", "[iterations]") {
    mbl::Backlog backlog = tasks_backlog();
    fill(backlog, "web-01");
    mbl::Asset& vm = backlog.assets[0];
    CHECK(mbl::set_task_done(vm, 2, true) == "task 2 \"Replicate\": done");
    CHECK(vm.tasks[1].done);
    CHECK_FALSE(vm.tasks[0].done);
    CHECK(mbl::set_task_done(vm, 2, false) == "task 2 \"Replicate\": not done");
    CHECK_FALSE(vm.tasks[1].done);
    CHECK(mbl::set_task_done(vm, 4, true) == "task 4 \"Cut over\": done");
    CHECK(vm.tasks[3].done);
}

TEST_CASE("set_task_done refuses a number out of range", "[iterations]") {
    mbl::Backlog backlog = tasks_backlog();
    fill(backlog, "web-01");
    for (std::size_t number : {std::size_t{0}, std::size_t{5}}) {
        mbl::Error error = refusal(
            backlog, [&](mbl::Backlog& b) { mbl::set_task_done(b.assets[0], number, true); });
        CHECK(error.status() == ExitStatus::usage);
        CHECK(std::string(error.what()) ==
              "web-01 has no task " + std::to_string(number) + "; its tasks are numbered 1 to 4");
    }
    mbl::Error no_tasks =
        refusal(backlog, [](mbl::Backlog& b) { mbl::set_task_done(b.assets[1], 1, true); });
    CHECK(no_tasks.status() == ExitStatus::usage);
    CHECK_THAT(no_tasks.what(), Contains("sql-01 has no tasks"));
}
