#include "mbl/validate.hpp"

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
