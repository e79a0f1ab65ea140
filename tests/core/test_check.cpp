#include "mbl/error.hpp"
#include "mbl/load.hpp"
#include "mbl/validate.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace mbl;

TEST_CASE("check reports load warnings and validation problems together, by position", "[check]") {
    auto result = check_backlog_text("{\"format\": \"mbl/1\",\n"
                                     " \"assets\": [\n"
                                     "  {\"id\": \"b\", \"depends_on\": [\"nope\"]},\n"
                                     "  {\"id\": \"a\", \"priorty\": 1}\n"
                                     " ]}",
                                     "b.json");
    REQUIRE(result.problems.size() == 2);
    CHECK(result.problems[0].code == "unknown-asset");
    CHECK(result.problems[0].position == SourcePosition{3, 30});
    CHECK(result.problems[1].code == "unknown-key");
    CHECK(result.problems[1].position == SourcePosition{4, 15});
}

TEST_CASE("check does not validate what could not be read", "[check]") {
    auto result = check_backlog_text(R"({"format": "mbl/1", "iterations": [
        {"id": "it-1", "start": "2027-01-04", "end": "2027-01-17"},
        {"id": "it-2", "start": "2027-13-18", "end": "2027-01-31"}]})",
                                     "b.json");
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].code == "invalid-date");
    CHECK(result.problems[0].path == "/iterations/1/start");
}

TEST_CASE("check leaves out validation problems that repeat a load error", "[check]") {
    auto result = check_backlog_text(R"({"format": "mbl/1", "assets": [{"name": "no id"}],
        "iterations": [{"id": "it-1", "end": "2027-01-17"}]})",
                                     "b.json");
    std::vector<std::string> codes;
    for (const Problem& p : result.problems) {
        codes.push_back(p.code + " " + p.path);
    }
    CHECK(codes == std::vector<std::string>{"missing-key /assets/0", "missing-key /iterations/0"});
}

TEST_CASE("check validates around what could not be read, so one run finds every problem",
          "[check]") {
    auto result = check_backlog_text(R"({"format": "mbl/1",
        "workloads": [{"id": "crm", "stage": "uat"}],
        "assets": [
          {"id": "a", "workload": "crm", "status": "replicatd", "priority": 9},
          {"id": "b", "workload": "crm", "depends_on": [5, "nope"]},
          7,
          {"id": "c", "workload": "crm", "status": "replicated"}],
        "iterations": [{"id": "it-1", "start": "2027-01-04", "end": "2027-01-17",
                        "state": "planned", "committed": ["c", ["x"], "gone"]}]})",
                                     "b.json");
    std::vector<std::string> codes;
    for (const Problem& p : result.problems) {
        codes.push_back(p.code + " " + p.path);
    }
    // Later entries keep their index: "nope" is /assets/1/depends_on/1, c is /assets/3.
    CHECK(codes == std::vector<std::string>{
                       "stage-not-ready /workloads/0/stage",
                       "invalid-value /assets/0/status",
                       "priority-range /assets/0/priority",
                       "wrong-type /assets/1/depends_on/0",
                       "unknown-asset /assets/1/depends_on/1",
                       "wrong-type /assets/2",
                       "wrong-type /iterations/0/committed/1",
                       "unknown-asset /iterations/0/committed/2",
                   });
    // Asset a's status is unknown: the readiness names b only.
    auto ready = std::find_if(result.problems.begin(), result.problems.end(),
                              [](const Problem& p) { return p.code == "stage-not-ready"; });
    REQUIRE(ready != result.problems.end());
    CHECK(ready->message.find("1 of its assets is not replicated") != std::string::npos);
    CHECK(ready->message.find(": b;") != std::string::npos);
}

TEST_CASE("check reports no unknown id while an id of that kind is unreadable", "[check]") {
    auto result = check_backlog_text(R"({"format": "mbl/1", "assets": [
        {"id": 12}, {"id": "b", "depends_on": ["a"]}]})",
                                     "b.json");
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].code == "wrong-type");
    CHECK(result.problems[0].path == "/assets/0/id");
}

TEST_CASE("check says whether the loader itself found an error", "[check]") {
    const std::string valid = R"({"format": "mbl/1", "assets": [
        {"id": "a", "name": "A", "kind": "vm", "strategy": "rehost", "estimate": 4,
         "depends_on": ["nope"]}]})";
    SECTION("warnings and validation errors only: the model is the loader's, whole") {
        CheckResult checked = check_backlog_text(valid, "b.json");
        CHECK(has_errors(checked.problems)); // unknown-asset, validation's
        CHECK_FALSE(checked.load_errors);
        Backlog loaded = load_backlog_or_throw(valid, "b.json");
        REQUIRE(checked.backlog.assets.size() == 1);
        CHECK(checked.backlog.assets[0].id == loaded.assets[0].id);
        CHECK(checked.backlog.assets[0].estimate == loaded.assets[0].estimate);
        CHECK(checked.backlog.assets[0].depends_on == loaded.assets[0].depends_on);
    }
    SECTION("a value the loader could not read") {
        std::string bad = valid;
        bad.replace(bad.find("\"estimate\": 4"), 13, "\"estimate\": \"4\"");
        CheckResult checked = check_backlog_text(bad, "b.json");
        CHECK(checked.load_errors);
        CHECK_THROWS_AS(load_backlog_or_throw(bad, "b.json"), Error);
    }
}
