// mbl validate, end to end: the positions it reports are computed here from the file the test
// wrote, not copied from mbl's output.
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace mbl::test;
using nlohmann::json;

namespace {

// The minimal example with four problems: ts-db and ts-web depend on each other (a cycle),
// ts-exports depends on an asset that does not exist, the workload id `timesheets` is used twice,
// and ts-web has a typo `estimat` (a warning).
std::string text_with_problems() {
    std::string text = read_file(example_path("minimal"));
    text = replace_once(text, "\"depends_on\": [],",
                        "\"depends_on\": [\n        \"ts-web\"\n      ],", "\"id\": \"ts-db\"");
    text =
        replace_once(text, "\"depends_on\": [],",
                     "\"depends_on\": [\n        \"ts-nope\"\n      ],", "\"id\": \"ts-exports\"");
    text = replace_once(text, "\"estimate\": 8,", "\"estimat\": 8,");
    text = replace_once(text, "\n  ],\n  \"assets\"", R"(,
    {
      "id": "timesheets",
      "name": "Timesheets again",
      "priority": 2,
      "depends_on": [],
      "stage": "planned",
      "stage_history": []
    }
  ],
  "assets")");
    return text;
}

struct Expected {
    std::string severity;
    std::string code;
    TextPosition position;
    std::string message_part;
};

std::vector<Expected> expected_problems(const std::string& text) {
    TextPosition duplicate = position_of(text, "\"id\": \"timesheets\"", 1);
    duplicate.column += std::string("\"id\": ").size(); // the value is reported
    return {
        {"error", "duplicate-id", duplicate, "workload id timesheets is used twice"},
        {"warning", "unknown-key", position_of(text, "\"estimat\""), "did you mean \"estimate\"?"},
        {"error", "dependency-cycle", position_of(text, "\"ts-db\"\n", 0), "ts-db -> ts-web"},
        {"error", "unknown-asset", position_of(text, "\"ts-nope\""), "unknown asset ts-nope"},
    };
}

} // namespace

TEST_CASE("validate accepts the clean examples", "[e2e][validate]") {
    TempBacklog contoso("contoso");
    RunResult result = contoso.run({"validate"});
    CAPTURE(result);
    CHECK(result.exit_code == 0);
    CHECK(result.out == "backlog.json is valid: 8 workloads, 66 assets, 7 iterations\n");
    CHECK(result.err.empty());

    TempBacklog minimal;
    CHECK(minimal.run({"validate", "--strict"}).exit_code == 0);
}

TEST_CASE("validate reports every problem with file:line:column", "[e2e][validate]") {
    TempBacklog backlog = TempBacklog::with_text(text_with_problems());
    RunResult result = backlog.run({"validate"});
    CAPTURE(result);
    CHECK(result.exit_code == 1);
    CHECK(result.err.empty());
    std::vector<std::string> lines = lines_of(result.out);
    for (const Expected& problem : expected_problems(backlog.original())) {
        std::string prefix =
            location("backlog.json", problem.position) + ": " + problem.severity + ": ";
        CAPTURE(prefix, problem.message_part);
        CHECK(std::count_if(lines.begin(), lines.end(), [&](const std::string& line) {
                  return line.rfind(prefix, 0) == 0 && contains(line, problem.message_part) &&
                         contains(line, "[" + problem.code + "]");
              }) == 1);
    }
    REQUIRE(!lines.empty());
    CHECK(lines.back() == "3 errors, 1 warning");
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE("validate --format json lists the problems as objects", "[e2e][validate]") {
    TempBacklog backlog = TempBacklog::with_text(text_with_problems());
    RunResult result = backlog.run({"validate", "--format", "json"});
    CAPTURE(result);
    CHECK(result.exit_code == 1);
    CHECK(result.err.empty());
    json report = json::parse(result.out);
    CHECK(report["file"] == "backlog.json");
    CHECK(report["valid"] == false);
    CHECK(report["errors"] == 3);
    CHECK(report["warnings"] == 1);
    REQUIRE(report["problems"].size() == 4);
    for (const Expected& problem : expected_problems(backlog.original())) {
        CAPTURE(problem.code);
        auto found = std::find_if(report["problems"].begin(), report["problems"].end(),
                                  [&](const json& entry) { return entry["code"] == problem.code; });
        REQUIRE(found != report["problems"].end());
        CHECK((*found)["severity"] == problem.severity);
        CHECK((*found)["line"] == problem.position.line);
        CHECK((*found)["column"] == problem.position.column);
        CHECK(contains((*found)["message"].get<std::string>(), problem.message_part));
        CHECK((*found)["path"].get<std::string>().rfind("/", 0) == 0); // a JSON pointer
    }
    json by_code;
    for (const json& entry : report["problems"]) {
        by_code[entry["code"].get<std::string>()] = entry["path"];
    }
    CHECK(by_code["unknown-key"] == "/assets/1/estimat");
    CHECK(by_code["unknown-asset"] == "/assets/2/depends_on/0");
    CHECK(by_code["duplicate-id"] == "/workloads/1/id");
}

TEST_CASE("validate --format github prints workflow commands", "[e2e][validate]") {
    TempBacklog backlog = TempBacklog::with_text(text_with_problems());
    RunResult result = backlog.run({"validate", "--format", "github"});
    CAPTURE(result);
    CHECK(result.exit_code == 1);
    CHECK(result.err.empty());
    std::vector<std::string> lines = lines_of(result.out);
    for (const Expected& problem : expected_problems(backlog.original())) {
        std::string command = "::" + problem.severity +
                              " file=backlog.json,line=" + std::to_string(problem.position.line) +
                              ",col=" + std::to_string(problem.position.column) + ",";
        CAPTURE(command);
        CHECK(std::count_if(lines.begin(), lines.end(), [&](const std::string& line) {
                  return line.rfind(command, 0) == 0 &&
                         contains(line, "title=mbl validate (" + problem.code + ")::") &&
                         contains(line, problem.message_part);
              }) == 1);
    }
    CHECK(std::count_if(lines.begin(), lines.end(),
                        [](const std::string& line) { return line.rfind("::", 0) == 0; }) == 4);
}

TEST_CASE("validate --strict fails on warnings alone", "[e2e][validate]") {
    TempBacklog backlog;
    backlog.write(replace_once(backlog.original(), "\"iteration_length_days\": 14",
                               "\"iteration_length_days\": 30"));
    std::string warning = location("backlog.json", position_of(backlog.text(), "30")) +
                          ": warning: settings.iteration_length_days is 30";

    RunResult lenient = backlog.run({"validate"});
    CAPTURE(lenient);
    CHECK(lenient.exit_code == 0);
    CHECK(lenient.out.rfind(warning, 0) == 0);
    CHECK(contains(lenient.out, "backlog.json is valid (1 warning)"));

    RunResult strict = backlog.run({"validate", "--strict"});
    CAPTURE(strict);
    CHECK(strict.exit_code == 1);
    CHECK(strict.out.rfind(warning, 0) == 0);
    CHECK(contains(strict.out, "0 errors, 1 warning"));

    RunResult strict_json = backlog.run({"validate", "--strict", "--format", "json"});
    CHECK(strict_json.exit_code == 1);
    CHECK(json::parse(strict_json.out)["warnings"] == 1);
}

TEST_CASE("validate of an unreadable file reports where and exits 3", "[e2e][validate]") {
    std::string text = read_file(example_path("minimal"));
    text =
        replace_once(text, "\"name\": \"Timesheet database\",", "\"name\": \"Timesheet database\"");
    TempBacklog backlog = TempBacklog::with_text(text);
    // The missing comma is noticed at the next key.
    TextPosition at = position_of(text, "\"kind\": \"database\"");

    RunResult result = backlog.run({"validate", "--format", "github"});
    CAPTURE(result);
    CHECK(result.exit_code == 3);
    CHECK(lines_of(result.out)
              .at(0)
              .rfind("::error file=backlog.json,line=" + std::to_string(at.line) +
                         ",col=" + std::to_string(at.column) + ",",
                     0) == 0);
}
