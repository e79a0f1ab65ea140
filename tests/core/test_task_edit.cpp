// set_tasks_done, add_task, remove_task, all_tasks_done and default_task_templates
// (asset_tasks.cpp, task_templates.cpp).
#include "iteration_fixtures.hpp"
#include "mbl/enums.hpp"
#include "mbl/iterations.hpp"
#include "mbl/validate.hpp"

#include <catch2/catch.hpp>
#include <numeric>

using Catch::Matchers::Contains;
using mbl::AssetStatus;
using mbl::ExitStatus;
using namespace iteration_fixtures;

namespace {

mbl::Asset with_tasks(std::size_t count, AssetStatus status = AssetStatus::not_started) {
    mbl::Asset asset = make_asset("web-01");
    asset.status = status;
    for (std::size_t i = 1; i <= count; ++i) {
        asset.tasks.push_back({"Task " + std::to_string(i), 2.0, false, {}});
    }
    return asset;
}

} // namespace

TEST_CASE("set_tasks_done ticks several tasks and starts a not-started asset", "[task_edit]") {
    mbl::Asset asset = with_tasks(4);
    mbl::TaskTicks ticks = set_tasks_done(asset, {3, 4}, true);
    CHECK(ticks.lines ==
          std::vector<std::string>{"task 3 \"Task 3\": done", "task 4 \"Task 4\": done"});
    CHECK(ticks.started == "status: not-started -> in-progress");
    CHECK(asset.status == AssetStatus::in_progress);
    CHECK_FALSE(asset.tasks[0].done);
    CHECK(asset.tasks[2].done);
    CHECK(asset.tasks[3].done);
    // Already in progress: no second start; undo never changes the status.
    CHECK_FALSE(set_tasks_done(asset, {1}, true).started);
    CHECK_FALSE(set_tasks_done(asset, {1, 3, 4}, false).started);
    CHECK(asset.status == AssetStatus::in_progress);
}

TEST_CASE("set_tasks_done keeps blocked and replicated statuses", "[task_edit]") {
    for (AssetStatus status : {AssetStatus::blocked, AssetStatus::replicated}) {
        mbl::Asset asset = with_tasks(2, status);
        CHECK_FALSE(set_tasks_done(asset, {1}, true).started);
        CHECK(asset.status == status);
    }
}

TEST_CASE("set_tasks_done checks every number before ticking any", "[task_edit]") {
    mbl::Asset asset = with_tasks(3);
    const mbl::Asset before = asset;
    mbl::Error error = error_from([&] { set_tasks_done(asset, {1, 9}, true); });
    CHECK(error.status() == ExitStatus::usage);
    CHECK_THAT(error.what(), Contains("web-01 has no task 9; its tasks are numbered 1 to 3"));
    CHECK(asset == before);
}

TEST_CASE("add_task appends a task with an optional estimate", "[task_edit]") {
    mbl::Asset asset = with_tasks(1);
    CHECK(add_task(asset, "  Rehearse cut-over ", std::string_view("4.5")) == 2);
    CHECK(asset.tasks[1].title == "Rehearse cut-over");
    CHECK(asset.tasks[1].estimate == 4.5);
    CHECK_FALSE(asset.tasks[1].done);
    CHECK(add_task(asset, "Sign off", std::nullopt) == 3);
    CHECK_FALSE(asset.tasks[2].estimate);
    CHECK(add_task(asset, "Zero", std::string_view("-0")) == 4);
    CHECK_FALSE(std::signbit(*asset.tasks[3].estimate));
}

TEST_CASE("add_task refuses an empty title and a bad estimate", "[task_edit]") {
    mbl::Asset asset = with_tasks(1);
    const mbl::Asset before = asset;
    CHECK(error_from([&] { add_task(asset, " ", std::nullopt); }).status() == ExitStatus::usage);
    mbl::Error negative = error_from([&] { add_task(asset, "x", std::string_view("-1")); });
    CHECK(negative.status() == ExitStatus::usage);
    CHECK_THAT(negative.what(),
               Contains("estimate must be a number from 0 to 1000000000, not '-1'"));
    CHECK(asset == before);
}

TEST_CASE("remove_task removes one task and renumbers the rest", "[task_edit]") {
    mbl::Asset asset = with_tasks(3);
    mbl::Task removed = remove_task(asset, 2);
    CHECK(removed.title == "Task 2");
    REQUIRE(asset.tasks.size() == 2);
    CHECK(asset.tasks[1].title == "Task 3");
    CHECK(error_from([&] { remove_task(asset, 3); }).status() == ExitStatus::usage);
    mbl::Asset none = make_asset("bare");
    CHECK_THAT(error_from([&] { remove_task(none, 1); }).what(), Contains("bare has no tasks"));
}

TEST_CASE("all_tasks_done needs tasks, all done", "[task_edit]") {
    mbl::Asset asset = with_tasks(2);
    CHECK_FALSE(all_tasks_done(make_asset("bare")));
    CHECK_FALSE(all_tasks_done(asset));
    set_tasks_done(asset, {1, 2}, true);
    CHECK(all_tasks_done(asset));
}

TEST_CASE("default_task_templates: every kind, steps adding up to 100", "[task_edit]") {
    std::vector<mbl::KindTemplate> templates = mbl::default_task_templates();
    REQUIRE(templates.size() == 7);
    for (const mbl::KindTemplate& entry : templates) {
        CAPTURE(entry.kind);
        CHECK(mbl::parse_enum<mbl::AssetKind>(entry.kind));
        REQUIRE(entry.tasks.size() >= 4);
        double total = std::accumulate(entry.tasks.begin(), entry.tasks.end(), 0.0,
                                       [](double sum, const auto& t) { return sum + t.percent; });
        CHECK(total == 100);
        CHECK(entry.tasks[0].percent > 0);
    }
    std::vector<std::string> vm;
    for (const mbl::TaskTemplate& task : templates[0].tasks) {
        vm.push_back(task.title);
    }
    CHECK(vm == std::vector<std::string>{"Assess", "Replicate", "Test", "Cut over",
                                         "Decommission source"});
    // A backlog with them validates clean, and a vm's tasks come from them.
    mbl::Backlog backlog;
    backlog.settings.task_templates = templates;
    backlog.assets = {make_asset("web-01", 20)};
    backlog.assets[0].kind = mbl::AssetKind::vm;
    CHECK(mbl::validate_backlog(backlog).empty());
    CHECK(fill_tasks_from_template(backlog, backlog.assets[0], false) == 5);
    CHECK(backlog.assets[0].tasks[1].estimate == 8);
}
