#include "mbl/locate.hpp"

#include <catch2/catch.hpp>

using namespace mbl;

namespace {
const char* const text = "{\n"
                         "  \"format\": \"mbl/1\",\n"
                         "  \"assets\": [\n"
                         "    {\"id\": \"a\", \"depends_on\": []},\n"
                         "    {\"id\": \"b\", \"name\": \"é\", \"depends_on\": [\"a\", \"zz\"]}\n"
                         "  ]\n"
                         "}\n";

Problem at_path(std::string path) {
    Problem problem;
    problem.path = std::move(path);
    return problem;
}
} // namespace

TEST_CASE("problems get the position of the value at their path", "[locate]") {
    std::vector<Problem> problems{at_path("/assets/1/depends_on/1"), at_path("/assets/0"),
                                  at_path("/format"), at_path("")};
    locate_problems(text, problems);
    CHECK(problems[0].position == SourcePosition{5, 50});
    CHECK(problems[1].position == SourcePosition{4, 5});
    CHECK(problems[2].position == SourcePosition{2, 13});
    CHECK(problems[3].position == SourcePosition{1, 1});
}

TEST_CASE("a path missing from the text points at its nearest enclosing value", "[locate]") {
    std::vector<Problem> problems{at_path("/assets/0/estimate"), at_path("/settings/x")};
    locate_problems(text, problems);
    CHECK(problems[0].position == SourcePosition{4, 5});
    CHECK(problems[1].position == SourcePosition{1, 1});
}

TEST_CASE("known positions are kept", "[locate]") {
    std::vector<Problem> problems{at_path("/format")};
    problems[0].position = {9, 9};
    locate_problems(text, problems);
    CHECK(problems[0].position == SourcePosition{9, 9});
}

TEST_CASE("columns count code points, not bytes", "[locate]") {
    CHECK(position_of("ab\néé x", 8) == SourcePosition{2, 4});
    CHECK(position_of("ab", 99) == SourcePosition{1, 3});
}
