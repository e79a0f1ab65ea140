#include "mbl/error.hpp"
#include "mbl/load.hpp"
#include "mbl/merge.hpp"
#include "mbl/save.hpp"

#include <catch2/catch.hpp>

using namespace mbl;

namespace {

// Two workloads, three assets (one with attributes and unknown keys), one iteration.
const char* const base_text = R"({
  "format": "mbl/1",
  "name": "Merge fixture",
  "settings": {
    "estimate_unit": "hours",
    "iteration_length_days": 14,
    "default_capacity": 80,
    "x-team": "blue"
  },
  "workloads": [
    {"id": "crm", "name": "CRM", "priority": 1, "depends_on": [], "stage": "migrating",
     "stage_history": []},
    {"id": "hr", "name": "HR", "priority": 2, "depends_on": [], "stage": "planned",
     "stage_history": []}
  ],
  "assets": [
    {"id": "crm-sql-01", "name": "CRM database", "kind": "database", "workload": "crm",
     "estimate": 16, "status": "in-progress", "attributes": {"cores": 8, "memory_gb": 64},
     "x-cmdb": "CI1"},
    {"id": "crm-web-01", "name": "CRM web", "kind": "vm", "workload": "crm", "estimate": 8},
    {"id": "hr-app-01", "name": "HR app", "kind": "vm", "workload": "hr", "estimate": 4}
  ],
  "iterations": [
    {"id": "it-1", "name": "Iteration 1", "start": "2027-01-04", "end": "2027-01-17",
     "capacity": 80, "state": "planned", "committed": ["crm-sql-01"]}
  ]
})";

Backlog base_backlog() {
    return load_backlog_or_throw(base_text);
}

Asset& asset(Backlog& backlog, std::string_view id) {
    Asset* found = find_asset(backlog, id);
    REQUIRE(found != nullptr);
    return *found;
}

Asset new_asset(std::string id, std::string name) {
    Asset added;
    added.id = std::move(id);
    added.name = std::move(name);
    added.workload = "hr";
    return added;
}

std::vector<std::string> asset_ids(const Backlog& backlog) {
    std::vector<std::string> ids;
    for (const Asset& each : backlog.assets) {
        ids.push_back(each.id);
    }
    return ids;
}

std::vector<std::string> described(const MergeResult& result) {
    std::vector<std::string> lines;
    for (const MergeConflict& conflict : result.conflicts) {
        lines.push_back(describe(conflict));
    }
    return lines;
}

} // namespace

TEST_CASE("merging unchanged sides gives the base back, byte for byte", "[merge]") {
    Backlog base = base_backlog();
    MergeResult result = merge_backlogs(&base, base, base);
    CHECK(result.conflicts.empty());
    CHECK(result.broken_rules.empty());
    CHECK(to_canonical_text(result.merged) == to_canonical_text(base));
}

TEST_CASE("edits of different assets, and of different fields of one asset, both land", "[merge]") {
    Backlog base = base_backlog();
    Backlog ours = base;
    Backlog theirs = base;
    asset(ours, "crm-sql-01").status = AssetStatus::replicated;
    asset(theirs, "crm-sql-01").estimate = 20;
    asset(theirs, "hr-app-01").name = "HR application";
    MergeResult result = merge_backlogs(&base, ours, theirs);
    CHECK(described(result).empty());
    Asset& database = asset(result.merged, "crm-sql-01");
    CHECK(database.status == AssetStatus::replicated);
    CHECK(database.estimate == 20);
    CHECK(asset(result.merged, "hr-app-01").name == "HR application");
}

TEST_CASE("the same change on both sides is taken once", "[merge]") {
    Backlog base = base_backlog();
    Backlog ours = base;
    asset(ours, "crm-web-01").estimate = 10;
    MergeResult result = merge_backlogs(&base, ours, ours);
    CHECK(result.conflicts.empty());
    CHECK(result.merged == ours);
}

TEST_CASE("one field changed both ways is a conflict that keeps ours", "[merge]") {
    Backlog base = base_backlog();
    Backlog ours = base;
    Backlog theirs = base;
    asset(ours, "crm-sql-01").status = AssetStatus::replicated;
    asset(theirs, "crm-sql-01").status = AssetStatus::blocked;
    asset(theirs, "crm-sql-01").estimate = 24; // a clean change beside the conflict
    MergeResult result = merge_backlogs(&base, ours, theirs);
    REQUIRE(result.conflicts.size() == 1);
    const MergeConflict& conflict = result.conflicts.front();
    CHECK(conflict.kind == MergeConflict::Kind::changed_both_ways);
    CHECK(conflict.entity == "asset crm-sql-01");
    CHECK(conflict.field == "status");
    CHECK(describe(conflict) == "asset crm-sql-01 field status: ours \"replicated\", theirs "
                                "\"blocked\" (base \"in-progress\")");
    CHECK(asset(result.merged, "crm-sql-01").status == AssetStatus::replicated);
    CHECK(asset(result.merged, "crm-sql-01").estimate == 24);
}

TEST_CASE("an asset added on both sides merges when equal and conflicts where it differs",
          "[merge]") {
    Backlog base = base_backlog();
    Backlog ours = base;
    Backlog theirs = base;
    ours.assets.push_back(new_asset("hr-db-01", "HR database"));
    theirs.assets.push_back(new_asset("hr-db-01", "HR database"));
    CHECK(merge_backlogs(&base, ours, theirs).conflicts.empty());

    theirs.assets.back().name = "HR DB";
    MergeResult result = merge_backlogs(&base, ours, theirs);
    REQUIRE(result.conflicts.size() == 1);
    CHECK(result.conflicts.front().kind == MergeConflict::Kind::added_differently);
    CHECK(describe(result.conflicts.front()) ==
          "asset hr-db-01 field name: ours \"HR database\", theirs \"HR DB\" (added on both "
          "sides)");
    CHECK(asset(result.merged, "hr-db-01").name == "HR database");
}

TEST_CASE("an addition on one side and a removal on the other both land, in order", "[merge]") {
    Backlog base = base_backlog();
    Backlog ours = base;
    Backlog theirs = base;
    ours.assets.insert(ours.assets.begin(), new_asset("hr-db-01", "HR database"));
    theirs.assets.erase(theirs.assets.begin() + 1); // crm-web-01
    theirs.assets.push_back(new_asset("hr-share-01", "HR share"));
    MergeResult result = merge_backlogs(&base, ours, theirs);
    CHECK(result.conflicts.empty());
    CHECK(asset_ids(result.merged) ==
          std::vector<std::string>{"hr-db-01", "crm-sql-01", "hr-app-01", "hr-share-01"});
}

TEST_CASE("removed on one side and edited on the other is a conflict; ours decides", "[merge]") {
    Backlog base = base_backlog();
    Backlog ours = base;
    Backlog theirs = base;
    asset(ours, "crm-web-01").estimate = 12;
    theirs.assets.erase(theirs.assets.begin() + 1);
    MergeResult kept = merge_backlogs(&base, ours, theirs);
    REQUIRE(kept.conflicts.size() == 1);
    CHECK(describe(kept.conflicts.front()) ==
          "asset crm-web-01: removed in theirs, edited in ours (estimate); kept ours");
    CHECK(asset(kept.merged, "crm-web-01").estimate == 12);

    MergeResult removed = merge_backlogs(&base, theirs, ours);
    REQUIRE(removed.conflicts.size() == 1);
    CHECK(describe(removed.conflicts.front()) ==
          "asset crm-web-01: removed in ours, edited in theirs (estimate); kept removed");
    CHECK(find_asset(removed.merged, "crm-web-01") == nullptr);
}

TEST_CASE("unknown keys and attributes merge key by key like known fields", "[merge]") {
    Backlog base = base_backlog();
    Backlog ours = base;
    Backlog theirs = base;
    asset(ours, "crm-sql-01").extras = {{"x-cmdb", RawJson{"\"CI2\""}}};
    asset(theirs, "crm-sql-01").extras.push_back({"x-owner", RawJson{"\"dba\""}});
    asset(ours, "crm-sql-01").attributes[0].second = RawJson{"16"};    // cores
    asset(theirs, "crm-sql-01").attributes[1].second = RawJson{"128"}; // memory_gb
    theirs.settings.extras.push_back({"x-region", RawJson{"\"westeurope\""}});
    MergeResult result = merge_backlogs(&base, ours, theirs);
    CHECK(described(result).empty());
    const Asset& database = asset(result.merged, "crm-sql-01");
    CHECK(database.extras ==
          RawObject{{"x-cmdb", RawJson{"\"CI2\""}}, {"x-owner", RawJson{"\"dba\""}}});
    CHECK(database.attributes ==
          RawObject{{"cores", RawJson{"16"}}, {"memory_gb", RawJson{"128"}}});
    CHECK(result.merged.settings.extras.size() == 2);

    asset(theirs, "crm-sql-01").attributes[0].second = RawJson{"4"};
    asset(theirs, "crm-sql-01").extras[0].second = RawJson{"\"CI3\""};
    CHECK(described(merge_backlogs(&base, ours, theirs)) ==
          std::vector<std::string>{
              "asset crm-sql-01 field attributes.cores: ours 16, theirs 4 (base 8)",
              "asset crm-sql-01 field x-cmdb: ours \"CI2\", theirs \"CI3\" (base \"CI1\")"});
}

TEST_CASE("settings merge by key, the top level by key", "[merge]") {
    Backlog base = base_backlog();
    Backlog ours = base;
    Backlog theirs = base;
    ours.settings.iteration_length_days = 21;
    theirs.settings.default_capacity = 100;
    theirs.name = "Renamed";
    MergeResult result = merge_backlogs(&base, ours, theirs);
    CHECK(result.conflicts.empty());
    CHECK(result.merged.settings.iteration_length_days == 21);
    CHECK(result.merged.settings.default_capacity == 100);
    CHECK(result.merged.name == "Renamed");

    ours.name = "Mine";
    CHECK(described(merge_backlogs(&base, ours, theirs)) ==
          std::vector<std::string>{
              "backlog field name: ours \"Mine\", theirs \"Renamed\" (base \"Merge fixture\")"});
}

TEST_CASE("without a common ancestor, equal sides merge and differences conflict", "[merge]") {
    Backlog ours = base_backlog();
    Backlog theirs = ours;
    CHECK(merge_backlogs(nullptr, ours, theirs).conflicts.empty());
    asset(theirs, "hr-app-01").estimate = 6;
    CHECK(described(merge_backlogs(nullptr, ours, theirs)) ==
          std::vector<std::string>{
              "asset hr-app-01 field estimate: ours 4, theirs 6 (added on both sides)"});
}

TEST_CASE("a merge that breaks a rule neither side broke reports it", "[merge]") {
    Backlog base = base_backlog();
    Backlog ours = base;
    Backlog theirs = base;
    asset(ours, "hr-app-01").depends_on = {"crm-web-01"};
    theirs.assets.erase(theirs.assets.begin() + 1); // crm-web-01, unchanged in ours
    MergeResult result = merge_backlogs(&base, ours, theirs);
    CHECK(result.conflicts.empty());
    REQUIRE(result.broken_rules.size() == 1);
    CHECK(result.broken_rules.front().code == "unknown-asset");
}

TEST_CASE("two entities with one id on a side refuse the merge", "[merge]") {
    Backlog base = base_backlog();
    Backlog theirs = base;
    theirs.assets.push_back(theirs.assets.front());
    try {
        merge_backlogs(&base, base, theirs);
        FAIL("expected an error");
    } catch (const Error& error) {
        CHECK(error.status() == ExitStatus::check_failed);
        CHECK(std::string(error.what()).starts_with("theirs has two assets 'crm-sql-01'"));
    }
}

TEST_CASE("two entities with one id in ours refuse the merge, naming the first one repeated",
          "[merge]") {
    Backlog base = base_backlog();
    Backlog ours = base;
    ours.assets.push_back(ours.assets[1]); // crm-web-01 again, then crm-sql-01 again
    ours.assets.push_back(ours.assets[0]);
    Backlog theirs = base;
    theirs.assets[2].name = "HR application"; // something to merge
    theirs.assets.push_back(base.assets[0]);
    theirs.assets.back().id = "crm-sql-02"; // and an asset ours does not have
    try {
        merge_backlogs(&base, ours, theirs);
        FAIL("expected an error");
    } catch (const Error& error) {
        CHECK(error.status() == ExitStatus::check_failed);
        CHECK(std::string(error.what()) ==
              "ours has two assets 'crm-web-01'; give one of them another id, then merge again");
    }
}

TEST_CASE("conflicting values are shown shortened on one line", "[merge]") {
    MergeConflict conflict{MergeConflict::Kind::changed_both_ways,
                           "asset a",
                           "notes",
                           std::nullopt,
                           RawJson{"\"" + std::string(80, 'x') + "\""},
                           RawJson{"[\n  1,\n  2\n]"},
                           {},
                           {}};
    CHECK(describe(conflict) ==
          "asset a field notes: ours \"" + std::string(56, 'x') + "..., theirs [1, 2] (base none)");
}
