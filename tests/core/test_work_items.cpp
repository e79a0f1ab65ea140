// plan_work_item_import / apply_work_item_plan (import_work_items.cpp), the states' meanings
// (work_item_states.cpp) and the rows of a tree query (work_item_rows.cpp), on small exports
// written here.
#include "mbl/error.hpp"
#include "mbl/load.hpp"
#include "mbl/raw_json.hpp"
#include "mbl/save.hpp"
#include "mbl/work_items.hpp"
#include "support/error_from.hpp"

#include <catch2/catch.hpp>

using Catch::Matchers::Contains;
using mbl::AgileTool;
using mbl::AssetStatus;
using mbl::WorkItemAction;
using mbl::test::error_from;

namespace {

// Two assets: `db` (in-progress, two tasks, the first done) and `web` (not-started).
mbl::Backlog two_assets() {
    mbl::Backlog backlog;
    mbl::Asset db;
    db.id = "db";
    db.name = "Database";
    db.status = AssetStatus::in_progress;
    db.tasks = {{"Replicate", 8.0, true, {}}, {"Cut over", 4.0, false, {}}};
    mbl::Asset web;
    web.id = "web";
    web.name = "Web server";
    backlog.assets = {db, web};
    return backlog;
}

mbl::WorkItemPlan plan_of(const mbl::Backlog& backlog, std::string_view csv, AgileTool tool) {
    return mbl::plan_work_item_import(backlog, mbl::read_csv(csv, "items.csv"), tool, "items.csv");
}

} // namespace

TEST_CASE("work item states: the tools' defaults, case-insensitive", "[work-items]") {
    auto status = [](AgileTool tool, std::string_view state) {
        return mbl::default_state_meaning(tool, state).value().status;
    };
    CHECK(status(AgileTool::azure_devops, "New") == AssetStatus::not_started);
    CHECK(status(AgileTool::azure_devops, "approved") == AssetStatus::not_started);
    CHECK(status(AgileTool::azure_devops, "Committed") == AssetStatus::in_progress);
    CHECK(status(AgileTool::azure_devops, "Resolved") == AssetStatus::in_progress);
    CHECK(status(AgileTool::azure_devops, "DONE") == AssetStatus::replicated);
    CHECK_FALSE(status(AgileTool::azure_devops, "Removed"));
    CHECK(status(AgileTool::jira, "Selected for Development") == AssetStatus::not_started);
    CHECK(status(AgileTool::jira, "Resolved") == AssetStatus::replicated);
    CHECK_FALSE(mbl::default_state_meaning(AgileTool::jira, "QA"));
}

TEST_CASE("work item states: settings.work_item_states overrides a default", "[work-items]") {
    mbl::LoadResult loaded = mbl::load_backlog(R"({"format": "mbl/1", "settings": {
        "work_item_states": {"jira": {"QA": "in-progress", "Done": "ignore"}}}})");
    REQUIRE(loaded.problems.empty());
    const mbl::Settings& settings = loaded.backlog.settings;
    CHECK(mbl::state_meaning(settings, AgileTool::jira, "qa")->status == AssetStatus::in_progress);
    CHECK_FALSE(mbl::state_meaning(settings, AgileTool::jira, "Done")->status);
    CHECK(mbl::state_meaning(settings, AgileTool::azure_devops, "Done")->status ==
          AssetStatus::replicated);
}

TEST_CASE("work items: a tree query's tasks find their asset through the row above",
          "[work-items]") {
    mbl::Backlog backlog = two_assets();
    mbl::WorkItemPlan plan = plan_of(backlog,
                                     "ID,Work Item Type,Title 1,Title 2,State,Tags\n"
                                     "1,User Story,Database,,Active,mbl:db\n"
                                     "2,Task,,Cut over,Closed,\n"
                                     "3,Task,,Replicate,New,\n"
                                     "4,User Story,Web server,,Closed,mbl:web; mbl-status:blocked\n"
                                     "5,Task,,Cut over,Closed,\n",
                                     AgileTool::azure_devops);
    REQUIRE(plan.rows.size() == 5);
    CHECK(plan.rows[0].action == WorkItemAction::unchanged);
    CHECK(plan.rows[1].action == WorkItemAction::update);
    CHECK(plan.rows[1].task == 2u);
    CHECK(plan.rows[2].action == WorkItemAction::kept);      // New: as the export created it
    CHECK(plan.rows[3].action == WorkItemAction::conflict);  // base blocked, mbl not-started
    CHECK(plan.rows[4].action == WorkItemAction::unmatched); // web has no tasks
    CHECK_THAT(plan.rows[4].reason, Contains("asset web has no task titled 'Cut over'"));

    mbl::apply_work_item_plan(backlog, plan, mbl::Date::parse("2027-01-15").value());
    CHECK(backlog.assets[0].tasks[1].done);
    CHECK(backlog.assets[0].status == AssetStatus::in_progress);
    CHECK(backlog.assets[1].status == AssetStatus::not_started);
    CHECK(plan_of(backlog,
                  "ID,Work Item Type,Title 1,Title 2,State,Tags\n"
                  "1,User Story,Database,,Active,mbl:db\n"
                  "2,Task,,Cut over,Closed,\n",
                  AgileTool::azure_devops)
              .count(WorkItemAction::unchanged) == 2);
}

TEST_CASE("work items: a move to replicated records the day, as asset set does", "[work-items]") {
    mbl::Backlog backlog = two_assets();
    mbl::WorkItemPlan plan = plan_of(backlog,
                                     "Summary,Issue key,Status,Labels,Labels\n"
                                     "Web server,MIG-2,Done,prod,mbl:web\n"
                                     "Database,MIG-1,To Do,mbl:db,\n",
                                     AgileTool::jira);
    CHECK(plan.rows[0].action == WorkItemAction::update);
    CHECK(plan.rows[1].action == WorkItemAction::conflict); // back, and no base
    mbl::apply_work_item_plan(backlog, plan, mbl::Date::parse("2027-01-15").value());
    CHECK(backlog.assets[1].status == AssetStatus::replicated);
    CHECK(backlog.assets[1].replicated_on == mbl::Date::parse("2027-01-15"));
    CHECK(backlog.assets[0].status == AssetStatus::in_progress);
}

TEST_CASE("work items: a file without the tool's columns is refused with its line",
          "[work-items]") {
    mbl::Error error = error_from(
        [] { plan_of(two_assets(), "Summary,Issue key,Status\nA,B,Done\n", AgileTool::jira); });
    CHECK(error.status() == mbl::ExitStatus::input);
    CHECK_THAT(error.what(), Contains("items.csv:1: no Labels column in this Jira export"));
}

TEST_CASE("work item states: kept as written, in their place after the known settings",
          "[work-items]") {
    mbl::LoadResult loaded = mbl::load_backlog(R"({"format": "mbl/1", "settings": {
        "x-team": "ops", "work_item_states": {"azure-devops": {"Resolved": "replicated"}},
        "estimate_unit": "days"}})");
    REQUIRE(loaded.problems.empty());
    std::string text = mbl::to_canonical_text(loaded.backlog);
    std::size_t states = text.find("\"work_item_states\": {\n      \"azure-devops\": {\n        "
                                   "\"Resolved\": \"replicated\"");
    CHECK(states != std::string::npos);
    CHECK(text.find("\"default_capacity\"") < states);
    CHECK(states < text.find("\"x-team\""));
    CHECK(mbl::to_canonical_text(mbl::load_backlog(text).backlog) == text);
}

TEST_CASE("work item states: what validate needs to name a wrong setting", "[work-items]") {
    mbl::LoadResult loaded = mbl::load_backlog(R"({"format": "mbl/1", "settings": {
        "work_item_states": {"jira": {"QA": "in-progress", "Hold": 3, "Won't do": ["x"]},
        "trello": "done"}}})");
    std::vector<mbl::WorkItemStateSetting> settings =
        mbl::work_item_state_settings(loaded.backlog.settings);
    REQUIRE(settings.size() == 4);
    CHECK(settings[0].state == "QA");
    CHECK(settings[0].meaning == "in-progress");
    CHECK(settings[1].state == "Hold");
    CHECK_FALSE(settings[1].meaning);
    CHECK(settings[2].state == "Won't do");
    CHECK_FALSE(settings[2].meaning);
    CHECK(settings[3].tool == "trello");
    CHECK(settings[3].state.empty());
}
