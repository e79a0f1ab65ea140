#include "mbl/diff.hpp"
#include "mbl/load.hpp"
#include "mbl/save.hpp"

#include <catch2/catch.hpp>

using namespace mbl;

namespace {

const char* const before_text = R"({
  "format": "mbl/1",
  "name": "Diff fixture",
  "settings": {"estimate_unit": "hours", "iteration_length_days": 14, "default_capacity": 80},
  "workloads": [
    {"id": "crm", "name": "CRM", "stage": "migrating"},
    {"id": "hr", "name": "HR", "stage": "uat"}
  ],
  "assets": [
    {"id": "crm-sql-01", "name": "CRM \"main\" database", "kind": "database", "workload": "crm",
     "estimate": 16, "status": "in-progress", "attributes": {"cores": 8}},
    {"id": "crm-old-01", "name": "Old CRM box", "kind": "vm", "workload": "crm"}
  ],
  "iterations": [
    {"id": "it-1", "name": "Iteration 1", "start": "2027-01-04", "end": "2027-01-17",
     "capacity": 80, "state": "active", "committed": ["crm-sql-01"]},
    {"id": "it-2", "name": "Iteration 2", "start": "2027-01-18", "end": "2027-01-31",
     "capacity": 80, "state": "planned", "committed": []}
  ]
})";

Backlog before_backlog() {
    return load_backlog_or_throw(before_text);
}

RawJson raw(std::string text) {
    return RawJson{std::move(text)};
}

} // namespace

TEST_CASE("a backlog compared with itself has no changes", "[diff]") {
    Backlog backlog = before_backlog();
    CHECK(diff_backlogs(backlog, backlog).empty());
}

TEST_CASE("changed fields are listed per entity, known and unknown alike", "[diff]") {
    Backlog before = before_backlog();
    Backlog after = before;
    after.assets[0].status = AssetStatus::replicated;
    after.assets[0].notes = "moved";
    after.assets[0].attributes[0].second = raw("16");
    after.assets[0].extras.push_back({"x-cmdb", raw("\"CI1\"")});
    BacklogDiff diff = diff_backlogs(before, after);
    REQUIRE(diff.changes.size() == 1);
    const EntityChange& change = diff.changes.front();
    CHECK(change.kind == "asset");
    CHECK(change.id == "crm-sql-01");
    CHECK(change.type == EntityChange::Type::changed);
    CHECK(change.name == "CRM \"main\" database");
    CHECK(change.milestone == Milestone::none);
    CHECK(change.fields ==
          std::vector<FieldChange>{{"status", raw("\"in-progress\""), raw("\"replicated\"")},
                                   {"attributes.cores", raw("8"), raw("16")},
                                   {"notes", std::nullopt, raw("\"moved\"")},
                                   {"x-cmdb", std::nullopt, raw("\"CI1\"")}});
}

TEST_CASE("added and removed entities carry their value; removed ones come last", "[diff]") {
    Backlog before = before_backlog();
    Backlog after = before;
    after.assets.erase(after.assets.begin() + 1);
    Asset added;
    added.id = "crm-web-02";
    added.name = "CRM web";
    after.assets.insert(after.assets.begin(), added);
    after.assets[1].estimate = 20;
    BacklogDiff diff = diff_backlogs(before, after);
    REQUIRE(diff.changes.size() == 3);
    CHECK(diff.changes[0].type == EntityChange::Type::added);
    CHECK(diff.changes[0].id == "crm-web-02");
    CHECK(diff.changes[0].name == "CRM web");
    REQUIRE(diff.changes[0].value);
    CHECK(diff.changes[0].value->text.starts_with("{\n  \"id\": \"crm-web-02\",\n"));
    CHECK(diff.changes[0].fields.empty());
    CHECK(diff.changes[1].id == "crm-sql-01");
    CHECK(diff.changes[2].type == EntityChange::Type::removed);
    CHECK(diff.changes[2].id == "crm-old-01");
    CHECK(diff.changes[2].name == "Old CRM box");
}

TEST_CASE("iteration state changes are named: started, closed, reopened", "[diff]") {
    Backlog before = before_backlog();
    Backlog after = before;
    after.iterations[0].state = IterationState::closed;
    after.iterations[0].completed = std::vector<std::string>{"crm-sql-01"};
    after.iterations[1].state = IterationState::active;
    BacklogDiff diff = diff_backlogs(before, after);
    REQUIRE(diff.changes.size() == 2);
    CHECK(diff.changes[0].milestone == Milestone::iteration_closed);
    CHECK(diff.changes[0].milestone_field == "state");
    CHECK(diff.changes[0].fields.size() == 2); // state and completed
    CHECK(diff.changes[1].milestone == Milestone::iteration_started);

    BacklogDiff back = diff_backlogs(after, before);
    CHECK(back.changes[0].milestone == Milestone::iteration_reopened);
    CHECK(back.changes[1].milestone == Milestone::iteration_unstarted);
    CHECK(milestone_verb(Milestone::iteration_started) == "started");
    CHECK(milestone_verb(Milestone::iteration_unstarted) == "set back to planned");
}

TEST_CASE("workload stage changes are named: advanced or stepped back", "[diff]") {
    Backlog before = before_backlog();
    Backlog after = before;
    after.workloads[0].stage = Stage::staging;
    after.workloads[1].stage = Stage::staging;
    BacklogDiff diff = diff_backlogs(before, after);
    REQUIRE(diff.changes.size() == 2);
    CHECK(diff.changes[0].milestone == Milestone::workload_advanced);
    CHECK(diff.changes[1].milestone == Milestone::workload_stepped_back);
    CHECK(milestone_verb(diff.changes[0].milestone) == "advanced");
}

TEST_CASE("settings and the top level are compared by key", "[diff]") {
    Backlog before = before_backlog();
    Backlog after = before;
    after.settings.iteration_length_days = 21;
    after.name = "Renamed";
    BacklogDiff diff = diff_backlogs(before, after);
    REQUIRE(diff.changes.size() == 2);
    CHECK(diff.changes[0].kind == "backlog");
    CHECK(diff.changes[0].fields ==
          std::vector<FieldChange>{{"name", raw("\"Diff fixture\""), raw("\"Renamed\"")}});
    CHECK(diff.changes[1].kind == "settings");
    CHECK(diff.changes[1].id.empty());
    CHECK(diff.changes[1].fields ==
          std::vector<FieldChange>{{"iteration_length_days", raw("14"), raw("21")}});
}

TEST_CASE("numbers compare by value as the writer spells them", "[diff]") {
    Backlog before = before_backlog();
    Backlog after = load_backlog_or_throw(
        std::string(before_text)
            .replace(std::string(before_text).find("\"estimate\": 16"), 14, "\"estimate\": 16.0"));
    CHECK(diff_backlogs(before, after).empty());
}

namespace {

// Each change on one line: kind, id, type, name, fields (and the first line of a value).
std::string shown(const BacklogDiff& diff) {
    const char* const types[] = {"added", "removed", "changed"};
    std::string out;
    for (const EntityChange& change : diff.changes) {
        out += change.kind + " " + change.id + " " + types[static_cast<int>(change.type)] + " " +
               change.name;
        for (const FieldChange& field : change.fields) {
            out += " " + field.field + ":" + (field.before ? field.before->text : "none") + "->" +
                   (field.after ? field.after->text : "none");
        }
        if (change.value) {
            out += " value " + change.value->text.substr(0, change.value->text.find(','));
        }
        out += "\n";
    }
    return out;
}

// The diff with `after` read from its canonical text entity by entity, required to be the diff
// of the two backlogs.
std::string streamed_diff(const Backlog& before, const Backlog& after) {
    std::string whole = shown(diff_backlogs(before, after));
    CHECK(shown(diff_backlogs(before, to_canonical_text(after), "after.json")) == whole);
    return whole;
}

Asset asset_named(std::string id, std::string name) {
    Asset asset;
    asset.id = std::move(id);
    asset.name = std::move(name);
    return asset;
}

} // namespace

TEST_CASE("entities moved are no change; an id renamed is one added and one removed", "[diff]") {
    Backlog before = before_backlog();
    Backlog after = before;
    std::swap(after.assets[0], after.assets[1]);
    std::swap(after.workloads[0], after.workloads[1]);
    CHECK(streamed_diff(before, after).empty());

    after.assets[0].estimate = 3; // crm-old-01, now first
    after.iterations[1].id = "it-9";
    CHECK(streamed_diff(before, after) ==
          "asset crm-old-01 changed Old CRM box estimate:null->3\n"
          "iteration it-9 added Iteration 2 value {\n  \"id\": \"it-9\"\n"
          "iteration it-2 removed Iteration 2 value {\n  \"id\": \"it-2\"\n");
}

TEST_CASE("a version cut short or grown at the end: the rest is removed or added", "[diff]") {
    Backlog before = before_backlog();
    Backlog shorter = before;
    shorter.assets.pop_back();
    shorter.assets[0].notes = "kept";
    CHECK(streamed_diff(before, shorter) ==
          "asset crm-sql-01 changed CRM \"main\" database notes:none->\"kept\"\n"
          "asset crm-old-01 removed Old CRM box value {\n  \"id\": \"crm-old-01\"\n");
    CHECK(streamed_diff(shorter, before) ==
          "asset crm-sql-01 changed CRM \"main\" database notes:\"kept\"->none\n"
          "asset crm-old-01 added Old CRM box value {\n  \"id\": \"crm-old-01\"\n");
    Backlog empty = before;
    empty.assets.clear();
    CHECK(streamed_diff(empty, empty).empty());
    CHECK(streamed_diff(empty, before) ==
          "asset crm-sql-01 added CRM \"main\" database value {\n  \"id\": \"crm-sql-01\"\n"
          "asset crm-old-01 added Old CRM box value {\n  \"id\": \"crm-old-01\"\n");
}

TEST_CASE("duplicate ids: paired by position when both sides hold them in one order, else the "
          "first of each id counts",
          "[diff]") {
    Backlog before = before_backlog();
    before.assets = {asset_named("a", "A1"), asset_named("a", "A2"), asset_named("b", "B")};
    Backlog after = before;
    after.assets[1].name = "A2 renamed";
    CHECK(streamed_diff(before, after) ==
          "asset a changed A2 renamed name:\"A2\"->\"A2 renamed\"\n");

    after.assets.pop_back(); // no longer the same ids: the second `a` is not compared
    after.assets[0].name = "A1 renamed";
    CHECK(streamed_diff(before, after) == "asset a changed A1 renamed name:\"A1\"->\"A1 renamed\"\n"
                                          "asset b removed B value {\n  \"id\": \"b\"\n");

    Backlog added = before;
    added.assets.push_back(asset_named("c", "C1"));
    added.assets.push_back(asset_named("c", "C2"));
    added.assets.push_back(asset_named("a", "A3"));
    CHECK(streamed_diff(before, added) == "asset c added C1 value {\n  \"id\": \"c\"\n");
    CHECK(streamed_diff(added, before) == "asset c removed C1 value {\n  \"id\": \"c\"\n");
}

TEST_CASE("a new version read from text that cannot be loaded is refused as the loader refuses it",
          "[diff]") {
    Backlog before = before_backlog();
    std::string broken =
        std::string(before_text)
            .replace(std::string(before_text).find("\"kind\": \"vm\""), 12, "\"kind\": \"box\"");
    CHECK_THROWS_WITH(diff_backlogs(before, broken, "new.json"),
                      "new.json:12:57: invalid kind \"box\": expected vm, database, file-share, "
                      "storage, app-service, network or other");
    CHECK_THROWS_WITH(load_backlog_or_throw(broken, "new.json"),
                      "new.json:12:57: invalid kind \"box\": expected vm, database, file-share, "
                      "storage, app-service, network or other");
}
