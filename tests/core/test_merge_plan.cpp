// merge_backlogs with lists that are sets, histories and tasks, and the merge checked as a plan.
#include "core/merge_plan.hpp"
#include "mbl/load.hpp"
#include "mbl/merge.hpp"

#include <catch2/catch.hpp>

using namespace mbl;

namespace {

// One workload with a stage change, three estimated assets, two planned iterations of 20 hours.
const char* const base_text = R"({
  "format": "mbl/1",
  "name": "Planning merge fixture",
  "workloads": [
    {"id": "crm", "name": "CRM", "depends_on": [], "stage": "migrating",
     "stage_history": [{"stage": "migrating", "date": "2027-01-04"}]}
  ],
  "assets": [
    {"id": "db", "name": "Database", "workload": "crm", "estimate": 12, "tags": ["sql"],
     "tasks": [{"title": "Back up", "estimate": 8}, {"title": "Restore", "estimate": 4}]},
    {"id": "web", "name": "Web", "workload": "crm", "estimate": 8},
    {"id": "app", "name": "App", "workload": "crm", "estimate": 6}
  ],
  "iterations": [
    {"id": "it-1", "name": "Iteration 1", "start": "2027-01-04", "end": "2027-01-17",
     "capacity": 20, "state": "planned", "committed": []},
    {"id": "it-2", "name": "Iteration 2", "start": "2027-01-18", "end": "2027-01-31",
     "capacity": 20, "state": "planned", "committed": []}
  ]
})";

Backlog base_backlog() {
    return load_backlog_or_throw(base_text);
}

std::vector<std::string> described(const MergeResult& result) {
    std::vector<std::string> lines;
    for (const MergeConflict& conflict : result.conflicts) {
        lines.push_back(describe(conflict));
    }
    return lines;
}

using Ids = std::vector<std::string>;

} // namespace

TEST_CASE("two sides committing different assets to one iteration both land", "[merge]") {
    Backlog base = base_backlog();
    Backlog ours = base;
    Backlog theirs = base;
    ours.iterations[0].committed = {"web"};
    theirs.iterations[0].committed = {"app"};
    MergeResult result = merge_backlogs(&base, ours, theirs);
    CHECK(described(result).empty());
    CHECK(result.broken_rules.empty());
    CHECK(result.merged.iterations[0].committed == Ids{"web", "app"});
}

TEST_CASE("tags and dependencies added and removed on both sides merge as sets", "[merge]") {
    Backlog base = base_backlog();
    Backlog ours = base;
    Backlog theirs = base;
    ours.assets[0].tags = {"sql", "wave-1"};
    theirs.assets[0].tags = {"pci"};
    ours.assets[1].depends_on = {"db"};
    theirs.assets[1].depends_on = {"app"};
    MergeResult result = merge_backlogs(&base, ours, theirs);
    CHECK(described(result).empty());
    CHECK(result.merged.assets[0].tags == Ids{"wave-1", "pci"});
    CHECK(result.merged.assets[1].depends_on == Ids{"db", "app"});
}

TEST_CASE("stage changes appended on both sides are kept in date order", "[merge]") {
    Backlog base = base_backlog();
    Backlog ours = base;
    Backlog theirs = base;
    ours.workloads[0].stage_history.push_back({Stage::uat, *Date::parse("2027-03-01"), {}, {}, {}});
    theirs.workloads[0].stage_history.push_back(
        {Stage::staging, *Date::parse("2027-02-01"), {}, {}, {}});
    MergeResult result = merge_backlogs(&base, ours, theirs);
    std::vector<StageChange> history = result.merged.workloads[0].stage_history;
    REQUIRE(history.size() == 3);
    CHECK(history[1] == theirs.workloads[0].stage_history[1]);
    CHECK(history[2] == ours.workloads[0].stage_history[1]);
}

TEST_CASE("tasks merge by position; one task changed both ways is a conflict", "[merge]") {
    Backlog base = base_backlog();
    Backlog ours = base;
    Backlog theirs = base;
    ours.assets[0].tasks[0].done = true;
    theirs.assets[0].tasks[1].estimate = 5;
    MergeResult clean = merge_backlogs(&base, ours, theirs);
    CHECK(described(clean).empty());
    CHECK(clean.merged.assets[0].tasks[0].done);
    CHECK(clean.merged.assets[0].tasks[1].estimate == 5);

    theirs.assets[0].tasks[0].title = "Back up twice";
    MergeResult conflicting = merge_backlogs(&base, ours, theirs);
    REQUIRE(conflicting.conflicts.size() == 1);
    CHECK(conflicting.conflicts[0].entity == "asset db");
    CHECK(conflicting.conflicts[0].field == "task 1");
    CHECK(conflicting.merged.assets[0].tasks[0] == ours.assets[0].tasks[0]);
    CHECK(conflicting.merged.assets[0].tasks[1].estimate == 5);
}

TEST_CASE("an unknown array changed on both sides stays one value", "[merge]") {
    Backlog base = base_backlog();
    Backlog ours = base;
    Backlog theirs = base;
    ours.assets[0].extras.push_back({"x-owners", RawJson{"[\n  \"ann\"\n]"}});
    theirs.assets[0].extras.push_back({"x-owners", RawJson{"[\n  \"bob\"\n]"}});
    CHECK(described(merge_backlogs(&base, ours, theirs)) ==
          std::vector<std::string>{
              "asset db field x-owners: ours [\"ann\"], theirs [\"bob\"] (base none)"});
}

TEST_CASE("a union over capacity is a plan conflict naming both sides", "[merge]") {
    Backlog base = base_backlog();
    Backlog ours = base;
    Backlog theirs = base;
    ours.iterations[0].committed = {"db"};
    theirs.iterations[0].committed = {"web", "app"};
    MergeResult result = merge_backlogs(&base, ours, theirs);
    CHECK(result.merged.iterations[0].committed == Ids{"db", "web", "app"});
    CHECK(described(result) ==
          std::vector<std::string>{
              "iteration it-1: ours and theirs together commit 26 hours, above its capacity of 20 "
              "(ours alone: 12 hours, added db; theirs alone: 14 hours, added web, app); the file "
              "keeps both: uncommit assets or raise the capacity"});

    SECTION("a capacity lowered on one side while the other commits more") {
        Backlog lowered = base;
        lowered.iterations[0].capacity = 10;
        CHECK(described(merge_backlogs(&base, ours, lowered)) ==
              std::vector<std::string>{
                  "iteration it-1: ours and theirs together commit 12 hours, above its capacity "
                  "of 10 (ours alone: 12 hours, added db; theirs alone: 0 hours, added none, "
                  "capacity 10); the file keeps both: uncommit assets or raise the capacity"});
    }
    SECTION("an iteration one side already over-committed is not the merge's doing") {
        ours.iterations[0].committed = {"db", "web", "app"};
        CHECK(described(merge_backlogs(&base, ours, theirs)).empty());
    }
}

TEST_CASE("one asset committed to two open iterations by two sides is a plan conflict", "[merge]") {
    Backlog base = base_backlog();
    Backlog ours = base;
    Backlog theirs = base;
    ours.iterations[0].committed = {"web"};
    theirs.iterations[1].committed = {"web"};
    MergeResult result = merge_backlogs(&base, ours, theirs);
    CHECK(described(result) ==
          std::vector<std::string>{
              "asset web: committed to open iterations it-1 (in ours) and it-2 (in theirs); the "
              "file keeps both: uncommit it from one with 'mbl iteration uncommit ID web'"});
    CHECK(result.broken_rules.empty()); // validate's double-commitment, not reported twice

    SECTION("a closed iteration does not count") {
        base.iterations[1].state = IterationState::closed;
        ours.iterations[1].state = IterationState::closed;
        theirs.iterations[1].state = IterationState::closed;
        CHECK(described(merge_backlogs(&base, ours, theirs)).empty());
    }
}

TEST_CASE("plan facts: each committed asset counts once per iteration, the first of its id, and an "
          "unknown one adds nothing",
          "[merge]") {
    Backlog backlog = base_backlog();
    Asset second_db = backlog.assets[1];
    second_db.id = "db"; // a second asset with db's id: the first holds the id
    second_db.estimate = 100;
    backlog.assets.push_back(second_db);
    backlog.iterations[0].committed = {"db", "web", "db", "gone"};
    backlog.iterations[1].committed = {"web", "app"};
    detail::PlanFacts facts = detail::plan_facts(backlog);
    REQUIRE(facts.iterations.size() == 2);
    CHECK(facts.iterations[0].committed_estimate == 20); // db's tasks (12), web 8
    CHECK(facts.iterations[1].committed_estimate == 14); // web again, in another iteration
    CHECK(facts.iterations[0].committed == Ids{"db", "web", "db", "gone"});
    CHECK(facts.iteration("it-2") == &facts.iterations[1]);
    CHECK(facts.iteration("it-3") == nullptr);
    CHECK(facts.over_commits("it-1") == false); // 20 of 20
    CHECK(facts.commits_twice("web"));          // it-1 and it-2, both open
    CHECK(facts.commits_twice("db"));           // twice in it-1
    CHECK_FALSE(facts.commits_twice("app"));
    CHECK_FALSE(facts.commits_twice("nothing"));

    SECTION("closed iterations commit nothing twice, and facts moved keep their counts") {
        backlog.iterations[1].state = IterationState::closed;
        detail::PlanFacts moved = detail::plan_facts(backlog);
        detail::PlanFacts facts_again = std::move(moved);
        CHECK_FALSE(facts_again.commits_twice("web"));
        CHECK(facts_again.commits_twice("db"));
        CHECK(facts_again.iterations[1].committed_estimate == 14);
    }
}
