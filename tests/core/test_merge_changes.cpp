// What theirs changed from base with base read from its text entity by entity (TheirChanges from
// a ReleasableText, src/core/merge_changes.hpp): the same merge as with base held whole, whatever
// base and theirs moved, added, removed or repeated.
#include "mbl/error.hpp"
#include "mbl/load.hpp"
#include "mbl/merge.hpp"
#include "mbl/save.hpp"
#include "support/held_text.hpp"

#include <catch2/catch.hpp>

using namespace mbl;
using mbl::test::HeldText;

namespace {

const char* const base_text = R"({
  "format": "mbl/1",
  "name": "Merge fixture",
  "workloads": [
    {"id": "crm", "name": "CRM", "stage": "migrating"},
    {"id": "hr", "name": "HR", "stage": "planned"}
  ],
  "assets": [
    {"id": "db", "name": "Database", "workload": "crm", "estimate": 12, "attributes": {"cores": 8}},
    {"id": "web", "name": "Web", "workload": "crm", "estimate": 8},
    {"id": "app", "name": "App", "workload": "hr", "estimate": 6},
    {"id": "old", "name": "Old box", "workload": "hr", "estimate": 2}
  ],
  "iterations": [
    {"id": "it-1", "name": "Iteration 1", "start": "2027-01-04", "end": "2027-01-17",
     "capacity": 20, "state": "planned", "committed": ["db"]},
    {"id": "it-2", "name": "Iteration 2", "start": "2027-01-18", "end": "2027-01-31",
     "capacity": 20, "state": "planned", "committed": []}
  ]
})";

// The merge's file text, then its conflicts and the rules it breaks, one a line.
std::string shown(const MergeResult& result) {
    std::string out = to_canonical_text(result.merged);
    for (const MergeConflict& conflict : result.conflicts) {
        out += describe(conflict) + "\n";
    }
    for (const Problem& problem : result.broken_rules) {
        out += problem.code + ": " + problem.message + "\n";
    }
    return out;
}

// The merge with base read from its canonical text, required to be the merge with base whole.
std::string streamed_merge(const Backlog& base, const Backlog& ours, const Backlog& theirs) {
    std::string whole = shown(merge_backlogs(&base, ours, theirs));
    HeldText text(to_canonical_text(base));
    CHECK(shown(merge_backlogs(TheirChanges(text, "base.json", theirs), Backlog(ours))) == whole);
    return whole;
}

// What merging throws: "" when it does not.
std::string merge_error(const Backlog& base, const Backlog& theirs, bool streamed) {
    try {
        if (streamed) {
            HeldText text(to_canonical_text(base));
            TheirChanges changes(text, "base.json", theirs);
        } else {
            TheirChanges changes(&base, theirs);
        }
    } catch (const Error& error) {
        return std::to_string(static_cast<int>(error.status())) + " " + error.what();
    }
    return "";
}

Asset& asset(Backlog& backlog, std::string_view id) {
    Asset* found = find_asset(backlog, id);
    REQUIRE(found != nullptr);
    return *found;
}

} // namespace

TEST_CASE("base read from text merges as base held whole: edits on both sides", "[merge]") {
    Backlog base = load_backlog_or_throw(base_text);
    Backlog ours = base;
    Backlog theirs = base;
    asset(ours, "db").status = AssetStatus::in_progress;
    asset(theirs, "db").attributes[0].second = RawJson{"16"};
    asset(theirs, "web").estimate = 9;
    asset(ours, "web").estimate = 10;
    theirs.name = "Renamed";
    std::string merged = streamed_merge(base, ours, theirs);
    CHECK(merged.find("asset web field estimate: ours 10, theirs 9 (base 8)") != std::string::npos);
    CHECK(streamed_merge(base, base, base) == to_canonical_text(base));
}

TEST_CASE("base read from text: entities theirs moved, added, removed and renamed", "[merge]") {
    Backlog base = load_backlog_or_throw(base_text);
    Backlog ours = base;
    asset(ours, "app").notes = "ours";
    Backlog theirs = base;
    std::swap(theirs.assets[0], theirs.assets[2]); // app first, db third
    std::swap(theirs.workloads[0], theirs.workloads[1]);
    asset(theirs, "web").estimate = 9;
    theirs.assets.pop_back(); // old removed
    Asset added;
    added.id = "cache";
    added.name = "Cache";
    theirs.assets.insert(theirs.assets.begin() + 1, added);
    theirs.iterations[1].id = "it-9"; // renamed: it-2 removed, it-9 added
    std::string merged = streamed_merge(base, ours, theirs);
    CHECK(merged.find("\"id\": \"old\"") == std::string::npos);
    CHECK(merged.find("\"id\": \"cache\"") != std::string::npos);
    CHECK(merged.find("\"id\": \"it-9\"") != std::string::npos);

    asset(ours, "old").estimate = 3; // removed in theirs, edited in ours
    CHECK(streamed_merge(base, ours, theirs)
              .find("asset old: removed in theirs, edited in ours "
                    "(estimate); kept ours") != std::string::npos);

    Backlog shorter = base; // theirs adds at the end only
    shorter.assets.resize(2);
    CHECK(streamed_merge(shorter, ours, theirs).find("\"id\": \"app\"") != std::string::npos);
    CHECK(streamed_merge(theirs, ours, shorter).find("\"id\": \"cache\"") == std::string::npos);
}

TEST_CASE("base read from text: the plan check sees base's commitments", "[merge]") {
    Backlog base = load_backlog_or_throw(base_text);
    Backlog ours = base;
    Backlog theirs = base;
    ours.iterations[0].committed = {"db", "web"};
    theirs.iterations[0].committed = {"db", "app"};
    std::swap(theirs.iterations[0], theirs.iterations[1]);
    CHECK(streamed_merge(base, ours, theirs)
              .find("iteration it-1: ours and theirs together commit 26 hours, above its capacity "
                    "of 20 (ours alone: 20 hours, added web; theirs alone: 18 hours, added app)") !=
          std::string::npos);
    theirs.iterations[1].capacity = 22; // changed in theirs: base's version is kept for the check
    CHECK(streamed_merge(base, ours, theirs)
              .find("(ours alone: 20 hours, added web; theirs alone: 18 hours, added app, "
                    "capacity 22)") != std::string::npos);
}

TEST_CASE("base read from text: two entities with one id refuse the merge alike", "[merge]") {
    Backlog base = load_backlog_or_throw(base_text);
    Backlog theirs = base;
    Backlog twice = base; // `web` twice in base, where theirs has it once
    twice.assets.push_back(twice.assets[1]);
    CHECK(merge_error(twice, theirs, true) == merge_error(twice, theirs, false));
    CHECK(merge_error(twice, theirs, true) ==
          "1 base has two assets 'web'; give one of them another id, then merge again");

    theirs.assets.push_back(theirs.assets[1]); // both sides: theirs is named first
    CHECK(merge_error(twice, theirs, true) == merge_error(twice, theirs, false));
    CHECK(merge_error(twice, theirs, true).starts_with("1 theirs has two assets 'web'"));

    Backlog workloads = base; // an earlier kind's duplicate comes first
    workloads.workloads.push_back(workloads.workloads[0]);
    CHECK(merge_error(workloads, theirs, true) == merge_error(workloads, theirs, false));
    CHECK(merge_error(workloads, theirs, true).starts_with("1 base has two workloads 'crm'"));
    CHECK(merge_error(base, base, true).empty());
}

TEST_CASE("base read from text that cannot be loaded is refused as the loader refuses it",
          "[merge]") {
    Backlog theirs = load_backlog_or_throw(base_text);
    std::string broken = base_text;
    broken.replace(broken.find("\"estimate\": 8"), 13, "\"estimate\": \"8\"");
    HeldText text(broken);
    std::string expected;
    try {
        load_backlog_or_throw(broken, "base.json");
    } catch (const Error& error) {
        expected = error.what();
    }
    REQUIRE(expected.starts_with("base.json:10:"));
    CHECK_THROWS_WITH(TheirChanges(text, "base.json", theirs), expected);
}
