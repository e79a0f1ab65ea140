#include "mbl/error.hpp"
#include "mbl/load.hpp"
#include "mbl/save.hpp"

#include <catch2/catch.hpp>
#include <limits>
#include <nlohmann/json.hpp>

using namespace mbl;

namespace {

// A canonical file with unknown keys at every level, nested raw values, empty containers,
// escapes, UTF-8 and number spellings that must survive.
const char* const canonical = R"({
  "$schema": "../schema/backlog.schema.json",
  "format": "mbl/1",
  "name": "Contoso \"exit\" ü\n\u001b",
  "settings": {
    "estimate_unit": "hours",
    "iteration_length_days": 14,
    "first_iteration_start": "2027-01-04",
    "default_capacity": 120,
    "task_templates": {
      "vm": [
        {
          "title": "Assess",
          "percent": 10,
          "x-share": 0.10
        },
        {
          "title": "Replicate",
          "percent": 90
        }
      ],
      "database": []
    },
    "x-team": "blue"
  },
  "workloads": [
    {
      "id": "crm",
      "name": "CRM",
      "priority": 1,
      "owner": "sales-it",
      "depends_on": [],
      "stage": "migrating",
      "stage_history": [
        {
          "stage": "migrating",
          "date": "2027-01-04",
          "forced": false,
          "x-by": "ana"
        }
      ],
      "target_date": "2027-03-01",
      "x-cmdb-id": "CI0042"
    }
  ],
  "assets": [
    {
      "id": "crm-sql-01",
      "name": "CRM database",
      "kind": "database",
      "workload": "crm",
      "strategy": "rehost",
      "estimate": 16.5,
      "priority": 1,
      "status": "replicated",
      "replicated_on": "2027-01-08",
      "depends_on": [
        "crm-fs-01"
      ],
      "tags": [
        "prod"
      ],
      "attributes": {
        "cores": 8,
        "memory_gb": 64.0,
        "disks": [
          {
            "size_gb": 512,
            "tier": null
          },
          []
        ],
        "empty": {}
      },
      "tasks": [
        {
          "title": "Replicate",
          "estimate": null,
          "done": false,
          "x-jira": "MIG-1"
        }
      ],
      "notes": "line one\nline two",
      "unknown-legacy-field": [
        1,
        2.50,
        -3e5
      ]
    },
    {
      "id": "crm-fs-01",
      "name": "",
      "kind": "file-share",
      "strategy": "retire",
      "estimate": null,
      "priority": 2,
      "status": "not-started",
      "depends_on": [],
      "tags": [],
      "attributes": {},
      "tasks": []
    }
  ],
  "iterations": [
    {
      "id": "it-1",
      "name": "Iteration 1",
      "start": "2027-01-04",
      "end": "2027-01-17",
      "capacity": 120,
      "state": "closed",
      "committed": [
        "crm-sql-01"
      ],
      "committed_at_start": [],
      "completed": [
        "crm-sql-01"
      ],
      "completed_estimate": 16.5
    }
  ],
  "x-generated-by": "hand"
}
)";

} // namespace

TEST_CASE("a canonical file loads and saves back byte for byte", "[save]") {
    LoadResult loaded = load_backlog(canonical);
    for (const Problem& p : loaded.problems) {
        INFO(p.path << ": " << p.message);
        CHECK(p.severity == Severity::warning);
    }
    CHECK(to_canonical_text(loaded.backlog) == canonical);
}

TEST_CASE("saving orders keys canonically, unknown keys after known ones in their order",
          "[save]") {
    auto loaded = load_backlog(R"({"x-z": 1, "assets": [{"zz": 1, "status": "blocked", "id": "a",
        "aa": 2}], "format": "mbl/1", "x-a": 2})");
    std::string text = to_canonical_text(loaded.backlog);
    auto json = nlohmann::ordered_json::parse(text);
    std::vector<std::string> top;
    for (auto& [key, value] : json.items()) {
        top.push_back(key);
    }
    CHECK(top == std::vector<std::string>{"format", "name", "settings", "workloads", "assets",
                                          "iterations", "x-z", "x-a"});
    std::vector<std::string> asset;
    for (auto& [key, value] : json["assets"][0].items()) {
        asset.push_back(key);
    }
    CHECK(asset == std::vector<std::string>{"id", "name", "kind", "strategy", "estimate",
                                            "priority", "status", "depends_on", "tags",
                                            "attributes", "tasks", "zz", "aa"});
    // Canonical text is what nlohmann's own two-space dump gives for the same document.
    CHECK(text == json.dump(2) + "\n");
    CHECK(to_canonical_text(load_backlog(text).backlog) == text);
}

TEST_CASE("the writer formats numbers and strings the canonical way", "[save]") {
    CHECK(format_number(16) == "16");
    CHECK(format_number(2.5) == "2.5");
    CHECK(format_number(0.1) == "0.1");
    CHECK(format_number(-0.0) == "0");
    CHECK(format_number(1e20) == "1e+20");
    CHECK(json_quote("a\"b\\c\n\t\x01\x1b é") == "\"a\\\"b\\\\c\\n\\t\\u0001\\u001b é\"");
}

TEST_CASE("one entity as JSON is shaped like the file's", "[save]") {
    Asset asset;
    asset.id = "web-01";
    asset.estimate = 4;
    asset.tags = {"prod"};
    asset.attributes = {{"cores", RawJson{"2"}}};
    std::string text = to_json_text(asset);
    auto json = nlohmann::ordered_json::parse(text);
    CHECK(json["id"] == "web-01");
    CHECK(json["estimate"] == 4);
    CHECK(json["kind"] == "other");
    CHECK(json["attributes"]["cores"] == 2);
    CHECK(text == json.dump(2));
}

TEST_CASE("entities as a JSON array are shaped like the file's arrays", "[save]") {
    CHECK(to_json_array_text(std::vector<const Asset*>{}) == "[]");
    CHECK(to_json_array_text(std::vector<const Workload*>{}) == "[]");

    Asset first;
    first.id = "web-01";
    first.attributes = {{"disks", RawJson{"[\n  100,\n  200\n]"}}};
    Asset second;
    second.id = "web-02";
    std::string text = to_json_array_text(std::vector<const Asset*>{&first, &second});
    auto json = nlohmann::ordered_json::parse(text);
    CHECK(json[0]["attributes"]["disks"][1] == 200);
    CHECK(json[1]["id"] == "web-02");
    CHECK(text == json.dump(2));

    Workload crm;
    crm.id = "crm";
    std::string workloads = to_json_array_text(std::vector<const Workload*>{&crm});
    CHECK(
        workloads ==
        nlohmann::ordered_json::array({nlohmann::ordered_json::parse(to_json_text(crm))}).dump(2));
}

TEST_CASE("the writer refuses a value the file cannot hold, as an internal error", "[save]") {
    // The last line of defence: every command checks its numbers and days before this, so a
    // value here is a bug, and nothing may be written.
    auto refusal_of = [](const Backlog& backlog) {
        try {
            to_canonical_text(backlog);
        } catch (const Error& error) {
            return error;
        }
        FAIL("written");
        return Error(ExitStatus::success, "");
    };
    for (double number :
         {std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
          std::numeric_limits<double>::quiet_NaN()}) {
        Backlog backlog;
        backlog.assets.push_back(Asset{});
        backlog.assets[0].id = "a";
        backlog.assets[0].estimate = number;
        Error error = refusal_of(backlog);
        CHECK(error.status() == ExitStatus::internal);
        CHECK(static_cast<int>(error.status()) == 70);
        CHECK_THAT(error.what(), Catch::StartsWith("internal error: mbl was about to write "
                                                   "\"estimate\": "));
        CHECK_THAT(error.what(), Catch::Contains("nothing was written"));
    }
    Backlog late;
    Iteration iteration;
    iteration.id = "it-1";
    iteration.start = *Date::parse("9999-12-31");
    iteration.end = iteration.start.plus_days(1);
    late.iterations.push_back(iteration);
    CHECK_THAT(refusal_of(late).what(), Catch::Contains("\"end\": 10000-01-01"));
    late.iterations[0].end = iteration.start; // 9999-12-31 itself is fine
    CHECK(load_backlog(to_canonical_text(late)).backlog == late);
}
