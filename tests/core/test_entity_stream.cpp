// A backlog read entity by entity (src/core/entity_stream.hpp): the same entities, the same
// top level, the same errors as load_backlog_or_throw.
#include "core/entity_stream.hpp"
#include "mbl/error.hpp"
#include "mbl/load.hpp"
#include "mbl/save.hpp"
#include "mbl/store.hpp"
#include "support/scratch_files.hpp"

#include <catch2/catch.hpp>
#include <random>

using namespace mbl;

namespace {

// Keeps a copy of every entity it is given, in order.
struct Collected final : detail::EntityReceiver {
    void receive(const Workload& workload) override { backlog.workloads.push_back(workload); }
    void receive(const Asset& asset) override { backlog.assets.push_back(asset); }
    void receive(const Iteration& iteration) override { backlog.iterations.push_back(iteration); }
    Backlog backlog;
};

// The backlog read entity by entity, put together again.
Backlog streamed(const std::string& text) {
    Collected collected;
    Backlog top = detail::stream_backlog_or_throw(text, collected, "backlog.json");
    CHECK(top.workloads.empty());
    CHECK(top.assets.empty());
    CHECK(top.iterations.empty());
    top.workloads = std::move(collected.backlog.workloads);
    top.assets = std::move(collected.backlog.assets);
    top.iterations = std::move(collected.backlog.iterations);
    return top;
}

// What load_backlog_or_throw throws for `text`: exit status and message ("" when it loads).
std::string load_error(const std::string& text) {
    try {
        load_backlog_or_throw(text, "b.json");
    } catch (const Error& error) {
        return std::to_string(static_cast<int>(error.status())) + " " + error.what();
    }
    return "";
}

std::string stream_error(const std::string& text) {
    try {
        Collected collected;
        detail::stream_backlog_or_throw(text, collected, "b.json");
    } catch (const Error& error) {
        return std::to_string(static_cast<int>(error.status())) + " " + error.what();
    }
    return "";
}

const char* const fixture = "{\r\n"
                            R"( "$schema": "./backlog.schema.json", "format": "mbl/1", "name": "S",
  "settings": {"estimate_unit": "days", "x-team": {"a": [1, 2.50]}},
  "workloads": [{"id": "crm", "name": "CRM", "stage": "uat",
                 "stage_history": [{"stage": "uat", "date": "2027-01-04"}]},
                {"id": "hr", "name": "HR", "x-cost": 3}],
  "assets": [{"id": "a", "name": "A", "kind": "vm", "tasks": [{"title": "T", "done": true}],
              "attributes": {"cores": 8, "os": {"name": "Linux"}}, "x-ci": "CI1"},
             {"id": "b", "name": "B", "estimate": 1.50, "tags": ["x", "y"]},
             {"id": "a", "name": "A again"}],
  "x-between": [],
  "iterations": [{"id": "it-1", "name": "I1", "start": "2027-01-04", "end": "2027-01-17",
                  "capacity": 80, "state": "active", "committed": ["a", "b"],
                  "committed_at_start": ["a"]}],
  "x-last": true
})";

// The fixture with `from` replaced by `to` (once).
std::string with(std::string_view from, std::string_view to) {
    std::string text = fixture;
    std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

} // namespace

TEST_CASE("entities come one by one, in file order, as the loader reads them", "[entity-stream]") {
    Backlog whole = load_backlog_or_throw(fixture);
    REQUIRE(whole.assets.size() == 3);
    CHECK(streamed(fixture) == whole); // top level, settings, extras, layout and every entity
}

TEST_CASE("a large file given back as it is read streams the same entities", "[entity-stream]") {
    Backlog backlog;
    backlog.name = "Large";
    for (int i = 0; i < 20000; ++i) { // about 3 MB: past the loader's release step
        Asset asset;
        asset.id = "asset-" + std::to_string(i);
        asset.name = "Asset number " + std::to_string(i) + " with a name long enough";
        asset.estimate = i % 7;
        asset.attributes = {{"cores", RawJson{std::to_string(i % 16)}}};
        backlog.assets.push_back(asset);
    }
    test::TempDir dir;
    test::write_text(dir / "backlog.json", to_canonical_text(backlog));
    BacklogFileText text(dir / "backlog.json");
    Collected collected;
    Backlog top = detail::stream_backlog_or_throw(text, collected, "backlog.json");
    CHECK(top.name == "Large");
    CHECK(collected.backlog.assets == backlog.assets);
    CHECK(text.view().substr(0, 1 << 20).find_first_not_of('\0') == std::string_view::npos);
}

TEST_CASE("a text refused is refused with load_backlog_or_throw's words", "[entity-stream]") {
    std::vector<std::string> texts = {
        "",
        " \n ",
        "[]",
        std::string("\xFF\xFE{\0\"\0", 6),
        with(R"("format": "mbl/1")", R"("format": "mbl/2")"),
        with(R"("format": "mbl/1")", R"("format": "one")"),
        with(R"("format": "mbl/1",)", ""),
        with(R"("name": "B",)", R"("name": "B", "name": "C",)"),           // duplicate key
        with(R"("tags": ["x", "y"]},)", R"("tags": ["x", "y"]}, broken)"), // syntax, halfway
        with(R"("tags": ["x", "y"]},)", "\n<<<<<<< ours\n"),               // conflict markers
        with(R"("estimate": 1.50)", R"("estimate": "1.5")"),               // a wrong type
        with(R"("kind": "vm", "tasks": [{"title": "T", "done": true}])",   // more than five errors
             R"("kind": "box", "status": 1, "priority": "x", "owner": 2, "tasks": [{}],
                "strategy": "z", "depends_on": 3)"),
        with(R"({"id": "b", "name": "B", "estimate": 1.50, "tags": ["x", "y"]},)",
             "4, [],"),                        // entities that are not objects
        with(R"("start": "2027-01-04",)", ""), // a missing key
        with(R"("x-last": true)", R"("x-last": true, "assets": [])"),
    };
    for (const std::string& text : texts) {
        CAPTURE(text);
        std::string expected = load_error(text);
        CHECK_FALSE(expected.empty());
        CHECK(stream_error(text) == expected);
    }
}

TEST_CASE("a large file refused past what was given back names the same place", "[entity-stream]") {
    std::string text = R"({"format": "mbl/1", "name": "L", "assets": [)";
    for (int i = 0; i < 30000; ++i) {
        text += R"({"id": "asset-)" + std::to_string(i) + R"(", "name": "An asset"},)" + "\n";
    }
    text += R"({"id": "last", "status": "gone"}]})";
    test::TempDir dir;
    test::write_text(dir / "backlog.json", text);
    std::string expected = load_error(text);
    REQUIRE(expected.find("b.json:30001:") != std::string::npos);
    BacklogFileText file(dir / "backlog.json");
    Collected collected;
    try {
        detail::stream_backlog_or_throw(file, collected, "b.json");
        FAIL("not refused");
    } catch (const Error& error) {
        CHECK(std::to_string(static_cast<int>(error.status())) + " " + error.what() == expected);
    }
    CHECK(collected.backlog.assets.size() == 30001); // given as read, before the refusal
}

TEST_CASE("damaged texts: streamed, each is refused alike or gives the same backlog",
          "[entity-stream]") {
    std::mt19937 random(20261206);
    const std::vector<std::string> pieces = {"{",
                                             "}",
                                             "[",
                                             "]",
                                             "\"",
                                             ":",
                                             ",",
                                             " ",
                                             "1",
                                             "\"x\"",
                                             "null",
                                             "[]",
                                             "{}",
                                             "\"id\": \"a\", ",
                                             "\n<<<<<<< ours\n"};
    int loaded = 0;
    int refused_for_values = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string text = fixture;
        int edits = 1 + static_cast<int>(random() % 2);
        for (int edit = 0; edit < edits; ++edit) {
            std::size_t at = random() % text.size();
            if (random() % 2 == 0) {
                text.erase(at, 1 + random() % 6);
            } else {
                text.insert(at, pieces[random() % pieces.size()]);
            }
        }
        CAPTURE(text);
        std::string expected = load_error(text);
        REQUIRE(stream_error(text) == expected);
        if (expected.empty()) {
            ++loaded;
            REQUIRE(streamed(text) == load_backlog_or_throw(text));
        } else if (expected.find("invalid JSON") == std::string::npos) {
            ++refused_for_values;
        }
    }
    CHECK(loaded > 100); // the damage reached every outcome
    CHECK(refused_for_values > 100);
}
