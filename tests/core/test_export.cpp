// The sheets of `export csv`: Azure Boards' Title 1-4 hierarchy, Jira's Issue Id / Parent Id
// links, the generic one row per asset, their states, priorities, estimates and cells.

#include "core/forecast_fixtures.hpp"
#include "mbl/error.hpp"
#include "mbl/export.hpp"
#include "mbl/raw_json.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <stdexcept>

using namespace mbl;
using namespace mbl::test::forecast;

namespace {

RawJson raw(const char* text) {
    return *parse_raw_json(text, 64);
}

// db (priority 1, production) before web (priority 3, migrating) in planning order. db1 is
// replicated with two tasks (3 h done, 5 h open); web1 is in progress, tagged, with attributes,
// committed to the active it-2; web2 is blocked with an open task and no estimate; stray has no
// workload.
Backlog export_sample() {
    Backlog backlog;
    backlog.name = "Fabrikam exit";
    backlog.workloads = {workload("web", 3, {}, Stage::migrating),
                         workload("db", 1, {}, Stage::production)};
    backlog.workloads[0].name = "Web shop";
    Asset db1 = asset("db1", 20, "db", AssetStatus::replicated);
    db1.name = "Orders database";
    db1.tasks = {task("Replicate", 3, true), task("Cut over", 5)};
    Asset web1 = asset("web1", 10, "web", AssetStatus::in_progress);
    web1.priority = 1;
    web1.tags = {"prod", "tier 1"};
    web1.attributes = {
        {"cores", raw("8")}, {"os", raw("\"linux \\\"x\\\"\"")}, {"delta", raw("-2")}};
    web1.notes = "Needs <TLS> & DNS";
    Asset web2 = asset("web2", std::nullopt, "web", AssetStatus::blocked);
    web2.priority = 4;
    web2.tasks = {task("Fix firewall", std::nullopt)};
    web2.attributes = {{"delta", raw("\"n/a\"")}, {"ports", raw("[80, 443]")}};
    backlog.assets = {web1, db1, web2, asset("stray", 4)};
    backlog.iterations = {
        iteration("it-2", "2027-01-18", "2027-01-31", IterationState::active, {"web1", "web2"})};
    return backlog;
}

std::size_t column(const Sheet& sheet, const std::string& name, std::size_t occurrence = 0) {
    for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
        if (sheet.columns[c].name == name && occurrence-- == 0) {
            return c;
        }
    }
    throw std::runtime_error("no column " + name);
}

const std::string& cell(const Sheet& sheet, std::size_t row, const std::string& name) {
    return sheet.rows.at(row).at(column(sheet, name));
}

std::vector<std::string> names(const Sheet& sheet) {
    std::vector<std::string> out;
    for (const SheetColumn& c : sheet.columns) {
        out.push_back(c.name);
    }
    return out;
}

// The title of an Azure row and the Title column (1-4) it is in.
std::pair<std::string, int> title_of(const Sheet& sheet, std::size_t row) {
    for (int level = 1; level <= 4; ++level) {
        const std::string& text = cell(sheet, row, "Title " + std::to_string(level));
        if (!text.empty()) {
            return {text, level};
        }
    }
    return {"", 0};
}

} // namespace

TEST_CASE("estimate_in_hours: hours as they are, days as 8 hours, points none", "[export]") {
    CHECK(estimate_in_hours(2.5, EstimateUnit::hours) == 2.5);
    CHECK(estimate_in_hours(2.5, EstimateUnit::days) == 20);
    CHECK_FALSE(estimate_in_hours(3, EstimateUnit::points).has_value());
}

TEST_CASE("azure_devops_sheet: columns and the Title 1-4 hierarchy", "[export]") {
    Backlog backlog = export_sample();
    Sheet sheet = azure_devops_sheet(backlog, {"Fabrikam"});
    CHECK(names(sheet) == std::vector<std::string>{"ID", "Work Item Type", "Title 1", "Title 2",
                                                   "Title 3", "Title 4", "State", "Priority",
                                                   "Tags", "Iteration Path", "Original Estimate",
                                                   "Story Points", "Description"});
    std::vector<std::tuple<std::string, std::string, int>> items;
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
        REQUIRE(sheet.rows[r].size() == sheet.columns.size());
        CHECK(cell(sheet, r, "ID").empty());
        auto [title, level] = title_of(sheet, r);
        items.emplace_back(cell(sheet, r, "Work Item Type"), title, level);
    }
    using Item = std::tuple<std::string, std::string, int>;
    CHECK(items == std::vector<Item>{{"Epic", "Fabrikam exit", 1},
                                     {"Feature", "db", 2},
                                     {"User Story", "Orders database", 3},
                                     {"Task", "Replicate", 4},
                                     {"Task", "Cut over", 4},
                                     {"Feature", "Web shop", 2},
                                     {"User Story", "web1", 3},
                                     {"User Story", "web2", 3},
                                     {"Task", "Fix firewall", 4},
                                     {"Feature", "Assets without a workload", 2},
                                     {"User Story", "stray", 3}});
}

TEST_CASE("azure_devops_sheet: State New on every row, mbl's progress in a tag", "[export]") {
    Backlog backlog = export_sample();
    Sheet sheet = azure_devops_sheet(backlog, {"Fabrikam"});
    std::vector<std::string> states, tags;
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
        states.push_back(cell(sheet, r, "State"));
        tags.push_back(cell(sheet, r, "Tags"));
    }
    // Azure creates imported work items in the New state and refuses any other.
    CHECK(states == std::vector<std::string>(11, "New"));
    CHECK(tags == std::vector<std::string>{"",               // the Epic
                                           "mbl:production", // db
                                           "mbl:replicated", // db1
                                           "mbl:done",       // Replicate
                                           "mbl:not-done",   // Cut over
                                           "mbl:migrating",  // Web shop
                                           "mbl:in-progress; prod; tier 1",
                                           "mbl:blocked",       // web2
                                           "mbl:not-done",      // Fix firewall
                                           "",                  // no workload: no stage
                                           "mbl:not-started"}); // stray
    CHECK(cell(sheet, 3, "Description") ==
          "Task of asset db1 (Orders database)<br>Status in mbl: done");
    CHECK(cell(sheet, 8, "Description") == "Task of asset web2 (web2)<br>Status in mbl: not-done");
    CHECK(cell(sheet, 7, "Description").ends_with("<br>Status in mbl: blocked"));
    CHECK(cell(sheet, 1, "Description") == "Workload db: stage production, priority 1");

    for (Workload& workload : backlog.workloads) {
        workload.stage = Stage::uat;
    }
    backlog.assets[1].status = AssetStatus::not_started; // db1
    backlog.assets[1].tasks[0].done = false;
    sheet = azure_devops_sheet(backlog, {"Fabrikam"});
    CHECK(cell(sheet, 1, "Tags") == "mbl:uat");
    CHECK(cell(sheet, 2, "Tags") == "mbl:not-started");
    CHECK(cell(sheet, 3, "Tags") == "mbl:not-done");
    CHECK(cell(sheet, 5, "Tags") == "mbl:uat");
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
        CHECK(cell(sheet, r, "State") == "New");
    }
}

TEST_CASE("azure_devops_sheet: priorities, tags, iterations, estimates", "[export]") {
    Backlog backlog = export_sample();
    Sheet sheet = azure_devops_sheet(backlog, {"Fabrikam"});
    std::vector<std::string> priorities;
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
        priorities.push_back(cell(sheet, r, "Priority"));
    }
    CHECK(priorities ==
          std::vector<std::string>{"", "1", "2", "2", "2", "3", "1", "4", "4", "", "2"});
    CHECK(cell(sheet, 6, "Iteration Path") == "Fabrikam\\Iteration it-2");
    CHECK(cell(sheet, 8, "Iteration Path") == "Fabrikam\\Iteration it-2");
    CHECK(cell(sheet, 2, "Iteration Path").empty());
    CHECK(cell(sheet, 3, "Original Estimate") == "3");
    CHECK(cell(sheet, 4, "Original Estimate") == "5");
    CHECK(cell(sheet, 2, "Original Estimate").empty()); // User Stories carry none
    CHECK(cell(sheet, 8, "Original Estimate").empty()); // an unestimated task
    CHECK(cell(sheet, 6, "Story Points").empty());      // the unit is hours
    CHECK(cell(sheet, 6, "Description") ==
          "Asset web1: other, rehost, in-progress<br>Estimate: 10 hours<br>Attributes: cores=8; "
          "os=linux &quot;x&quot;; delta=-2<br>Notes: Needs &lt;TLS&gt; &amp; DNS<br>Status in "
          "mbl: in-progress");

    backlog.settings.estimate_unit = EstimateUnit::days;
    sheet = azure_devops_sheet(backlog, {"Fabrikam"});
    CHECK(cell(sheet, 4, "Original Estimate") == "40");
    backlog.settings.estimate_unit = EstimateUnit::points;
    sheet = azure_devops_sheet(backlog, {"Fabrikam"});
    CHECK(cell(sheet, 4, "Original Estimate").empty());
    CHECK(cell(sheet, 2, "Story Points") == "8");
    CHECK(cell(sheet, 6, "Story Points") == "10");
}

TEST_CASE("azure_devops_sheet: a project is required", "[export]") {
    CHECK_THROWS_AS(azure_devops_sheet(export_sample(), {""}), Error);
}

TEST_CASE("jira_sheet: epics, stories and sub-tasks linked by Issue Id", "[export]") {
    Backlog backlog = export_sample();
    Sheet sheet = jira_sheet(backlog);
    CHECK(names(sheet) == std::vector<std::string>{"Issue Id", "Parent Id", "Issue Type", "Summary",
                                                   "Status", "Priority", "Labels", "Labels",
                                                   "Sprint", "Original Estimate", "Story Points",
                                                   "Description"});
    using Row = std::vector<std::string>;
    std::vector<Row> rows;
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
        rows.push_back({cell(sheet, r, "Issue Id"), cell(sheet, r, "Parent Id"),
                        cell(sheet, r, "Issue Type"), cell(sheet, r, "Summary"),
                        cell(sheet, r, "Status"), cell(sheet, r, "Priority")});
    }
    CHECK(rows == std::vector<Row>{{"1", "", "Epic", "db", "Done", "Highest"},
                                   {"2", "1", "Story", "Orders database", "Done", "High"},
                                   {"3", "2", "Sub-task", "Replicate", "Done", "High"},
                                   {"4", "2", "Sub-task", "Cut over", "To Do", "High"},
                                   {"5", "", "Epic", "Web shop", "In Progress", "Medium"},
                                   {"6", "5", "Story", "web1", "In Progress", "Highest"},
                                   {"7", "5", "Story", "web2", "In Progress", "Low"},
                                   {"8", "7", "Sub-task", "Fix firewall", "To Do", "Low"},
                                   {"9", "", "Story", "stray", "To Do", "High"}});
    std::size_t labels = column(sheet, "Labels"), second = column(sheet, "Labels", 1);
    CHECK(sheet.rows[5][labels] == "prod");
    CHECK(sheet.rows[5][second] == "tier_1");
    CHECK(sheet.rows[6][labels].empty());
    CHECK(cell(sheet, 5, "Sprint") == "Iteration it-2");
    CHECK(cell(sheet, 7, "Sprint") == "Iteration it-2");
    CHECK(cell(sheet, 1, "Sprint").empty());
    // Seconds; a story's own estimate only when its tasks have none (Jira adds them up).
    CHECK(cell(sheet, 1, "Original Estimate").empty());
    CHECK(cell(sheet, 2, "Original Estimate") == "10800");
    CHECK(cell(sheet, 5, "Original Estimate") == "36000");
    CHECK(cell(sheet, 8, "Original Estimate") == "14400");
    CHECK(cell(sheet, 5, "Description") ==
          "Asset web1: other, rehost, in-progress\nEstimate: 10 hours\nAttributes: cores=8; "
          "os=linux \"x\"; delta=-2\nNotes: Needs <TLS> & DNS");
    backlog.settings.estimate_unit = EstimateUnit::days;
    CHECK(cell(jira_sheet(backlog), 2, "Original Estimate") == "86400");
    backlog.settings.estimate_unit = EstimateUnit::points;
    Sheet points = jira_sheet(backlog);
    CHECK(cell(points, 2, "Original Estimate").empty());
    CHECK(cell(points, 1, "Story Points") == "8");
}

TEST_CASE("jira_sheet: one Labels column when no asset has tags", "[export]") {
    Backlog backlog = export_sample();
    for (Asset& asset : backlog.assets) {
        asset.tags.clear();
    }
    CHECK(std::ranges::count(names(jira_sheet(backlog)), "Labels") == 1);
}

TEST_CASE("generic_sheet: one row per asset, every field, attribute columns", "[export]") {
    Backlog backlog = export_sample();
    Sheet sheet = generic_sheet(backlog);
    std::vector<std::string> expected{"id",
                                      "name",
                                      "kind",
                                      "workload",
                                      "owner",
                                      "strategy",
                                      "estimate",
                                      "effective_estimate",
                                      "unit",
                                      "priority",
                                      "status",
                                      "replicated_on",
                                      "iteration",
                                      "depends_on",
                                      "tags",
                                      "tasks",
                                      "tasks_done",
                                      "notes",
                                      "attributes.cores",
                                      "attributes.os",
                                      "attributes.delta",
                                      "attributes.ports"};
    CHECK(names(sheet) == expected);
    REQUIRE(sheet.rows.size() == 4);
    CHECK(cell(sheet, 0, "id") == "web1");
    CHECK(cell(sheet, 0, "tags") == "prod; tier 1");
    CHECK(cell(sheet, 0, "iteration") == "it-2");
    CHECK(cell(sheet, 0, "attributes.os") == "linux \"x\"");
    CHECK(cell(sheet, 0, "attributes.delta") == "-2");
    CHECK(cell(sheet, 1, "effective_estimate") == "8");
    CHECK(cell(sheet, 1, "estimate") == "20");
    CHECK(cell(sheet, 1, "tasks") == "2");
    CHECK(cell(sheet, 1, "tasks_done") == "1");
    CHECK(cell(sheet, 1, "attributes.cores").empty());
    CHECK(cell(sheet, 2, "attributes.delta") == "n/a");
    CHECK(cell(sheet, 2, "attributes.ports") == "[80, 443]");
    CHECK(cell(sheet, 3, "workload").empty());
    auto numeric = [&](const std::string& name) {
        return sheet.columns[column(sheet, name)].numeric;
    };
    CHECK(numeric("attributes.cores"));
    CHECK_FALSE(numeric("attributes.delta")); // a string in one asset
    CHECK_FALSE(numeric("attributes.os"));
    CHECK(numeric("estimate"));
    CHECK_FALSE(numeric("name"));
}
