#include "mbl/error.hpp"
#include "mbl/load.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace mbl;

namespace {

// The message of the mbl::Error that loading `text` throws, or "" when it does not throw.
std::string load_error(const std::string& text) {
    try {
        load_backlog(text, "b.json");
    } catch (const Error& error) {
        CHECK(error.status() == ExitStatus::input);
        return error.what();
    }
    return "";
}

const Problem& only_problem(const LoadResult& result) {
    REQUIRE(result.problems.size() == 1);
    return result.problems.front();
}

} // namespace

TEST_CASE("a complete file loads into typed values", "[load]") {
    auto result = load_backlog(R"({
  "format": "mbl/1",
  "name": "Contoso",
  "settings": {"estimate_unit": "days", "iteration_length_days": 21,
               "first_iteration_start": "2027-01-04", "default_capacity": 12.5},
  "workloads": [{"id": "crm", "name": "CRM", "priority": 1, "owner": "sales-it",
                 "depends_on": ["id"], "stage": "uat",
                 "stage_history": [{"stage": "staging", "date": "2027-02-01", "forced": true,
                                    "reason": "ok"}]}],
  "assets": [{"id": "crm-sql-01", "name": "CRM database", "kind": "file-share",
              "workload": "crm", "strategy": "retain", "estimate": null, "priority": 3,
              "status": "replicated", "replicated_on": "2027-01-10", "depends_on": ["a"],
              "tags": ["prod", "pci"], "attributes": {"cores": 8, "os": "Linux"},
              "tasks": [{"title": "Replicate", "estimate": 8, "done": true}], "notes": "n"}],
  "iterations": [{"id": "it-1", "name": "Iteration 1", "start": "2027-01-04",
                  "end": "2027-01-17", "capacity": 120, "state": "closed",
                  "committed": ["crm-sql-01"], "completed": [], "completed_estimate": 0}]
})");
    CHECK(result.problems.empty());
    const Backlog& b = result.backlog;
    CHECK(b.name == "Contoso");
    CHECK(b.settings.estimate_unit == EstimateUnit::days);
    CHECK(b.settings.iteration_length_days == 21);
    CHECK(b.settings.first_iteration_start == Date::parse("2027-01-04"));
    CHECK(b.settings.default_capacity == 12.5);
    REQUIRE(b.workloads.size() == 1);
    CHECK(b.workloads[0].stage == Stage::uat);
    REQUIRE(b.workloads[0].stage_history.size() == 1);
    CHECK(b.workloads[0].stage_history[0].forced);
    CHECK(b.workloads[0].stage_history[0].reason == "ok");
    REQUIRE(b.assets.size() == 1);
    const Asset& a = b.assets[0];
    CHECK(a.kind == AssetKind::file_share);
    CHECK(a.strategy == Strategy::retain);
    CHECK_FALSE(a.estimate.has_value());
    CHECK(a.priority == 3);
    CHECK(a.status == AssetStatus::replicated);
    CHECK(a.replicated_on == Date::parse("2027-01-10"));
    CHECK(a.tags == std::vector<std::string>{"prod", "pci"});
    REQUIRE(a.attributes.size() == 2);
    CHECK(a.attributes[0].first == "cores");
    CHECK(a.attributes[0].second.text == "8");
    CHECK(a.attributes[1].second.text == "\"Linux\"");
    REQUIRE(a.tasks.size() == 1);
    CHECK(a.tasks[0].estimate == 8);
    CHECK(effective_estimate(a) == 8);
    REQUIRE(b.iterations.size() == 1);
    CHECK(b.iterations[0].state == IterationState::closed);
    CHECK(b.iterations[0].completed == std::vector<std::string>{});
    CHECK(b.iterations[0].completed_estimate == 0);
}

TEST_CASE("syntax errors name the exact line and column", "[load]") {
    CHECK(load_error("{\"format\": \"mbl/1\",\n  \"name\": tru }")
              .rfind("b.json:2:11: invalid JSON", 0) == 0);
    CHECK(load_error("{\"format\": \"mbl/1\",\n  \"name\": \"x\",\n").find("b.json:3:1:") == 0);
    CHECK(load_error("{\"format\": \"mbl/1\",\n  \"name\": \"x\",\n").find("end of input") !=
          std::string::npos);
    CHECK(load_error("").rfind("b.json:1:1: the file is empty", 0) == 0);
    CHECK(load_error(" \n").rfind("b.json:1:1: the file is empty", 0) == 0);
    CHECK(load_error("{\"format\": \"mbl/1\"} x").rfind("b.json:1:21:", 0) == 0);
    CHECK(load_error("{\"format\": \"mbl/1\",\n  \"name\" \"x\"}").rfind("b.json:2:10:", 0) == 0);
}

TEST_CASE("invalid UTF-8 is refused with its position, shown escaped", "[load]") {
    std::string message = load_error("{\"format\": \"mbl/1\",\n \"name\": \"ab\xff\"}");
    CHECK(message.rfind("b.json:2:", 0) == 0);
    CHECK(message.find("\\xff") != std::string::npos);
    CHECK(message.find('\xff') == std::string::npos);
}

TEST_CASE("a duplicate key stops the load, at any level", "[load]") {
    CHECK(load_error("{\"format\": \"mbl/1\", \"name\": \"a\",\n \"name\": \"b\"}") ==
          "b.json:2:2: duplicate key \"name\" in the same object; remove one of them (a JSON "
          "reader would silently keep only the last)");
    CHECK(
        load_error(
            R"({"format": "mbl/1", "assets": [{"id": "a", "status": "blocked", "status": "replicated"}]})")
            .find("duplicate key \"status\"") != std::string::npos);
    CHECK(load_error(
              R"({"format": "mbl/1", "assets": [{"id": "a", "attributes": {"c": 1, "c": 2}}]})")
              .find("duplicate key \"c\"") != std::string::npos);
    CHECK(load_error(R"({"format": "mbl/1", "x-a": {"deep": [{"k": 1, "k": 1}]}})")
              .find("duplicate key \"k\"") != std::string::npos);
    CHECK(load_error(R"({"format": "mbl/1", "x-a": 1, "x-a": 2})").find("duplicate key \"x-a\"") !=
          std::string::npos);
}

TEST_CASE("wrong types name the field, its path and position, and keep reading", "[load]") {
    auto result = load_backlog("{\"format\": \"mbl/1\", \"assets\": [\n  {\"id\": \"a\"},\n"
                               "  {\"id\": \"b\", \"estimate\": \"16h\", \"priority\": 1.5}]}");
    REQUIRE(result.problems.size() == 2);
    CHECK(result.problems[0].path == "/assets/1/estimate");
    CHECK(result.problems[0].message ==
          "estimate must be a number or null, not the string \"16h\"");
    CHECK(result.problems[0].position == SourcePosition{3, 27});
    CHECK(result.problems[1].path == "/assets/1/priority");
    CHECK(result.problems[1].message == "priority must be a whole number, not the number 1.5");
    CHECK(result.backlog.assets.size() == 2);
}

TEST_CASE("containers where scalars belong and scalars where lists belong", "[load]") {
    auto result = load_backlog(R"({"format": "mbl/1", "name": {"a": [1]}, "assets": 5,
        "workloads": [{"id": "w", "depends_on": "x", "priority": [1]}, 7]})");
    REQUIRE(result.problems.size() == 5);
    CHECK(result.problems[0].message == "name must be a string, not an object");
    CHECK(result.problems[1].message == "assets must be a list of objects, not the number 5");
    CHECK(result.problems[2].message ==
          "depends_on must be a list of strings, not the string \"x\"");
    CHECK(result.problems[3].message == "priority must be a whole number, not an array");
    CHECK(result.problems[4].path == "/workloads/1");
    CHECK(result.problems[4].message == "each workload must be an object, not the number 7");
}

TEST_CASE("unknown enum values list the allowed ones", "[load]") {
    auto result =
        load_backlog(R"({"format": "mbl/1", "assets": [{"id": "a", "status": "replicted"}]})");
    const Problem& problem = only_problem(result);
    CHECK(problem.code == "invalid-value");
    CHECK(problem.message == "invalid status \"replicted\": expected not-started, in-progress, "
                             "replicated or blocked (did you mean replicated?)");
}

TEST_CASE("unknown keys are kept and draw a warning unless they start with x-", "[load]") {
    auto result = load_backlog(R"({"format": "mbl/1", "assets": [{"id": "a", "estimat": 3,
        "x-cmdb": {"id": 7}}], "x-top": true})");
    const Problem& problem = only_problem(result);
    CHECK(problem.severity == Severity::warning);
    CHECK(problem.path == "/assets/0/estimat");
    CHECK(problem.message.find("did you mean \"estimate\"?") != std::string::npos);
    const Asset& asset = result.backlog.assets[0];
    REQUIRE(asset.extras.size() == 2);
    CHECK(asset.extras[0] == std::pair<std::string, RawJson>{"estimat", {"3"}});
    CHECK(asset.extras[1] == std::pair<std::string, RawJson>{"x-cmdb", {"{\n  \"id\": 7\n}"}});
    CHECK(result.backlog.extras[0].second.text == "true");
}

TEST_CASE("the format version is checked before anything else", "[load]") {
    CHECK(load_error(R"({"format": "mbl/2", "assets": [{"estimate": "x"}]})") ==
          "b.json:1:12: this file is format mbl/2, newer than this mbl understands (mbl/1); "
          "upgrade mbl to read it");
    CHECK(load_error(R"({"name": "x"})").find("\"format\": \"mbl/1\" is missing") !=
          std::string::npos);
    CHECK(load_error(R"({"format": "jira/1"})").find("unknown format \"jira/1\"") !=
          std::string::npos);
}

TEST_CASE("the top level must be an object", "[load]") {
    CHECK(load_error("[1, 2]").find("not an array") != std::string::npos);
    CHECK(load_error("42").find("not a single value") != std::string::npos);
}

TEST_CASE("nesting is limited without exhausting the stack", "[load]") {
    std::string deep = "{\"format\": \"mbl/1\", \"x-deep\": " + std::string(1000000, '[') +
                       std::string(1000000, ']') + "}";
    CHECK(load_error(deep).find("nesting deeper than 256 levels") != std::string::npos);
}

TEST_CASE("a byte-order mark is skipped", "[load]") {
    auto result = load_backlog("\xEF\xBB\xBF{\"format\": \"mbl/1\", \"name\": \"x\"}");
    CHECK(result.backlog.name == "x");
}

TEST_CASE("numbers beyond 64 bits are kept as written; beyond a double they are refused",
          "[load]") {
    auto result = load_backlog(R"({"format": "mbl/1", "assets": [{"id": "a",
        "attributes": {"big": 123456789012345678901234567890}}]})");
    CHECK(result.problems.empty());
    CHECK(result.backlog.assets[0].attributes[0].second.text == "123456789012345678901234567890");
    CHECK(load_error("{\"format\": \"mbl/1\", \"x-e\": 1e400}") ==
          "b.json:1:28: invalid JSON: the number 1e400 is beyond what a double can hold");
}

TEST_CASE("invalid dates and missing ids are reported where they are", "[load]") {
    auto result = load_backlog("{\"format\": \"mbl/1\",\n \"iterations\": [{\"id\": \"it-1\", "
                               "\"start\": \"2027-02-30\", \"end\": \"2027-03-13\"}],\n"
                               " \"assets\": [{\"name\": \"no id\"}]}");
    REQUIRE(result.problems.size() == 2);
    CHECK(result.problems[0].path == "/iterations/0/start");
    CHECK(result.problems[0].message ==
          "start \"2027-02-30\" is not a valid date; write YYYY-MM-DD, e.g. 2027-01-04");
    CHECK(result.problems[1].path == "/assets/0");
    CHECK(result.problems[1].position == SourcePosition{3, 13});
    CHECK(result.problems[1].message == "this asset has no id; add \"id\": \"crm-sql-01\"");
}

TEST_CASE("load_backlog_or_throw lists the first errors with positions", "[load]") {
    std::string text = "{\"format\": \"mbl/1\", \"assets\": [\n";
    for (int i = 0; i < 7; ++i) {
        text += std::string(i ? ",\n" : "") + "{\"id\": \"a\", \"priority\": \"high\"}";
    }
    text += "]}";
    try {
        load_backlog_or_throw(text, "b.json");
        FAIL("expected an error");
    } catch (const Error& error) {
        std::string message = error.what();
        CHECK(message.rfind("b.json:2:25: priority must be a whole number", 0) == 0);
        CHECK(message.find("… and 2 more; run 'mbl validate'") != std::string::npos);
    }
}

TEST_CASE("task templates and the commitment at start are read", "[load]") {
    auto result = load_backlog(R"({"format": "mbl/1",
        "settings": {"task_templates": {"vm": [{"title": "Assess", "percent": 10},
                                              {"title": "Replicate", "percent": 90}],
                                       "database": "x"}},
        "iterations": [{"id": "it-1", "start": "2027-01-04", "end": "2027-01-17",
                        "committed": ["a", "b"], "committed_at_start": ["a"]}]})");
    const Problem& problem = only_problem(result);
    CHECK(problem.path == "/settings/task_templates/database");
    CHECK(problem.message == "database must be a list of task templates, not the string \"x\"");
    const auto& templates = result.backlog.settings.task_templates;
    REQUIRE(templates.size() == 1);
    CHECK(templates[0].kind == "vm");
    REQUIRE(templates[0].tasks.size() == 2);
    CHECK(templates[0].tasks[1].title == "Replicate");
    CHECK(templates[0].tasks[1].percent == 90);
    CHECK(result.backlog.iterations[0].committed_at_start == std::vector<std::string>{"a"});
}

TEST_CASE("a key written with escapes is read decoded, and named so in problems", "[load]") {
    auto result = load_backlog(
        R"({"format": "mbl/1", "x-\u0061": {"b": {"c": {"d": [1]}}},
            "assets": [{"id": "a", "prio\u0072ity": "high", "attributes": {"\u00e9t\u00e9": 1}}]})");
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].path == "/assets/0/priority");
    CHECK(result.problems[0].position == SourcePosition{2, 53});
    CHECK(result.backlog.extras[0].first == "x-a");
    CHECK(result.backlog.assets[0].attributes[0].first == "été");
}
