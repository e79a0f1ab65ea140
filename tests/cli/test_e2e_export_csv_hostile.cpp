// mbl export csv on a hostile backlog: names, tags, notes and attributes that a spreadsheet
// would run as formulas or that hold the CSV's own separators. The output is parsed back with an
// RFC 4180 reader and every cell checked: the rows and cells are where they belong. In the generic
// export, meant for spreadsheets, a formula reads as text (a leading `'`) while numbers stay
// numbers; the Azure Boards and Jira exports, meant for the tool's importer, hold every title
// exactly as written (docs/agile-tools.md).
#include "support/backlog_json.hpp"
#include "support/csv_reader.hpp"
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace mbl::test;
using nlohmann::json;

namespace {

const std::vector<std::string> hostile{"=cmd|' /C calc'!A0", "+SUM(1,2)",  "-2+3",    "@SUM(A1:A9)",
                                       "\tHYPERLINK",        "\rcarriage", "a, b, c", "say \"hi\"",
                                       "line 1\nline 2",     "plain"};

// What a spreadsheet must see for `text`: a leading `'` when it would start a formula.
std::string neutralised(const std::string& text) {
    return !text.empty() && std::string("=+-@\t\r").find(text[0]) != std::string::npos ? "'" + text
                                                                                       : text;
}

// The minimal example with a hostile backlog and workload name, and one asset per hostile
// string: its name, tag, notes, task title and `label` attribute all that string, and a numeric
// attribute `delta` of -5.
json hostile_backlog(const std::string& original) {
    json file = json::parse(original);
    file["name"] = hostile[0];
    file["workloads"][0]["name"] = hostile[1];
    json asset = file["assets"][0];
    file["assets"] = json::array();
    for (std::size_t i = 0; i < hostile.size(); ++i) {
        asset["id"] = "h-" + std::to_string(i);
        asset["name"] = hostile[i];
        asset["tags"] = {hostile[i]};
        asset["notes"] = hostile[i];
        asset["attributes"] = {{"label", hostile[i]}, {"delta", -5}};
        asset["tasks"] = {{{"title", hostile[i]}, {"estimate", 2}, {"done", false}}};
        file["assets"].push_back(asset);
    }
    return file;
}

// A Jira label: blanks become `_`.
std::string label_of(std::string tag) {
    for (char& c : tag) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            c = '_';
        }
    }
    return tag;
}

} // namespace

TEST_CASE("export csv keeps every value in its cell, neutralising formulas for spreadsheets",
          "[e2e][export]") {
    TempBacklog minimal("minimal");
    TempBacklog backlog =
        TempBacklog::with_text(hostile_backlog(minimal.original()).dump(2) + "\n");
    const std::size_t n = hostile.size();

    SECTION("azure-devops") {
        CsvTable csv = parse_csv_table(
            run_ok(backlog, {"export", "csv", "--for", "azure-devops", "--project", "=P"}));
        REQUIRE(csv.rows.size() == 2 + 2 * n);
        const std::string status = json::parse(minimal.original())["assets"][0]["status"];
        CHECK(csv.at(0, "Title 1") == hostile[0]);
        CHECK(csv.at(1, "Title 2") == hostile[1]);
        CHECK(csv.at(0, "Area Path") == "=P");
        for (std::size_t i = 0; i < n; ++i) {
            std::size_t story = 2 + 2 * i;
            CAPTURE(i, csv.rows[story]);
            CHECK(csv.at(story, "Work Item Type") == "User Story");
            std::string id = "h-" + std::to_string(i);
            CHECK(csv.at(story, "Title 3") == hostile[i]);
            CHECK(csv.at(story, "Tags") ==
                  "mbl:" + id + "; mbl-status:" + status + "; " + hostile[i]);
            CHECK(csv.at(story + 1, "Tags") == "mbl:" + id + "#1; mbl-status:not-done");
            CHECK(csv.at(story + 1, "Work Item Type") == "Task");
            CHECK(csv.at(story + 1, "Title 4") == hostile[i]);
            CHECK(csv.at(story + 1, "Original Estimate") == "2");
            CHECK(contains(csv.at(story, "Description"), "Attributes: delta=-5; label="));
        }
    }
    SECTION("jira") {
        CsvTable csv = parse_csv_table(run_ok(backlog, {"export", "csv", "--for", "jira"}));
        REQUIRE(csv.rows.size() == 1 + 2 * n);
        CHECK(csv.at(0, "Summary") == hostile[1]);
        for (std::size_t i = 0; i < n; ++i) {
            std::size_t story = 1 + i, subtask = 1 + n + i; // epics, stories, then sub-tasks
            CAPTURE(i, csv.rows[story]);
            CHECK(csv.at(story, "Parent") == "1");
            CHECK(csv.at(story, "Summary") == hostile[i]);
            CHECK(csv.rows[story][csv.column("Labels", 0)] == "mbl:h-" + std::to_string(i));
            CHECK(csv.rows[story][csv.column("Labels", 1)] == label_of(hostile[i]));
            CHECK(csv.at(subtask, "Parent") == csv.at(story, "Issue ID"));
            CHECK(csv.at(subtask, "Summary") == hostile[i]);
            CHECK(csv.at(subtask, "Original Estimate") == "7200");
            CHECK(csv.at(story, "Description").find("Notes: " + hostile[i]) != std::string::npos);
        }
    }
    SECTION("generic") {
        CsvTable csv = parse_csv_table(run_ok(backlog, {"export", "csv", "--for", "generic"}));
        REQUIRE(csv.rows.size() == n);
        CHECK(csv.header.back() == "attributes.label"); // nlohmann wrote the keys sorted
        for (std::size_t i = 0; i < n; ++i) {
            CAPTURE(i, csv.rows[i]);
            CHECK(csv.at(i, "id") == "h-" + std::to_string(i));
            CHECK(csv.at(i, "name") == neutralised(hostile[i]));
            CHECK(csv.at(i, "tags") == neutralised(hostile[i]));
            CHECK(csv.at(i, "notes") == neutralised(hostile[i]));
            CHECK(csv.at(i, "attributes.label") == neutralised(hostile[i]));
            CHECK(csv.at(i, "attributes.delta") == "-5"); // a number stays a number
        }
    }
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE("the test CSV reader refuses malformed CSV", "[e2e][export]") {
    CHECK(parse_csv("a,\"b,\"\"c\"\"\nd\"\r\n,\n") ==
          std::vector<CsvRecord>{{"a", "b,\"c\"\nd"}, {"", ""}});
    CHECK_THROWS(parse_csv("a,b\"c\n"));
    CHECK_THROWS(parse_csv("a,\"b\"c\n"));
    CHECK_THROWS(parse_csv("a,\"b\n"));
    CHECK_THROWS(parse_csv_table("a,b\n1,2,3\n"));
}
