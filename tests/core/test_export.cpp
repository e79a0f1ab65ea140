// The sheets of `export csv`: Azure Boards' Title 1-4 hierarchy and its split at the import's
// limit, Jira's Issue ID / Parent links, the id tags, the generic one row per asset, their
// states, priorities, estimates and cells.

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

// The one sheet of an export that fits in one Azure import.
Sheet azure_sheet(const Backlog& backlog,
                  const AzureDevOpsOptions& options = {"Fabrikam", "", ""}) {
    std::vector<Sheet> sheets = azure_devops_sheets(backlog, options);
    REQUIRE(sheets.size() == 1);
    return sheets.front();
}

// Each row's work item type, title and Title column.
std::vector<std::tuple<std::string, std::string, int>> azure_items(const Sheet& sheet) {
    std::vector<std::tuple<std::string, std::string, int>> items;
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
        REQUIRE(sheet.rows[r].size() == sheet.columns.size());
        CHECK(cell(sheet, r, "ID").empty());
        auto [title, level] = title_of(sheet, r);
        items.emplace_back(cell(sheet, r, "Work Item Type"), title, level);
    }
    return items;
}

std::vector<std::string> column_cells(const Sheet& sheet, const std::string& name) {
    std::vector<std::string> cells;
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
        cells.push_back(cell(sheet, r, name));
    }
    return cells;
}

using Item = std::tuple<std::string, std::string, int>;

TEST_CASE("azure_devops_sheets: columns and the Title 1-4 hierarchy", "[export]") {
    Sheet sheet = azure_sheet(export_sample());
    CHECK(names(sheet) == std::vector<std::string>{"ID", "Work Item Type", "Title 1", "Title 2",
                                                   "Title 3", "Title 4", "Priority", "Tags",
                                                   "Area Path", "Iteration Path",
                                                   "Original Estimate", "Remaining Work",
                                                   "Story Points", "Description"});
    CHECK_FALSE(sheet.for_spreadsheet);
    CHECK(azure_items(sheet) == std::vector<Item>{{"Epic", "Fabrikam exit", 1},
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

TEST_CASE("azure_devops_sheets: id tags first, then mbl's progress, no State", "[export]") {
    Backlog backlog = export_sample();
    backlog.assets[0].tags.push_back("mbl:web2");           // reserved: left out
    backlog.assets[0].tags.push_back("mbl-status:blocked"); // reserved: left out
    Sheet sheet = azure_sheet(backlog);
    CHECK(std::ranges::count(names(sheet), "State") == 0);
    CHECK(column_cells(sheet, "Tags") ==
          std::vector<std::string>{
              "", "mbl-workload:db; mbl-stage:production", "mbl:db1; mbl-status:replicated",
              "mbl:db1#1; mbl-status:done", "mbl:db1#2; mbl-status:not-done",
              "mbl-workload:web; mbl-stage:migrating",
              "mbl:web1; mbl-status:in-progress; prod; tier 1", "mbl:web2; mbl-status:blocked",
              "mbl:web2#1; mbl-status:not-done",
              "", // no workload: no workload tag
              "mbl:stray; mbl-status:not-started"});
    CHECK(cell(sheet, 3, "Description") ==
          "Task of asset db1 (Orders database)<br>Status in mbl: done");
    CHECK(cell(sheet, 8, "Description") == "Task of asset web2 (web2)<br>Status in mbl: not-done");
    CHECK(cell(sheet, 7, "Description").ends_with("<br>Status in mbl: blocked"));
    CHECK(cell(sheet, 1, "Description") == "Workload db: stage production, priority 1");

    backlog.workloads[1].stage = Stage::uat;
    backlog.assets[1].status = AssetStatus::not_started; // db1
    backlog.assets[1].tasks[0].done = false;
    sheet = azure_sheet(backlog);
    CHECK(cell(sheet, 1, "Tags") == "mbl-workload:db; mbl-stage:uat");
    CHECK(cell(sheet, 2, "Tags") == "mbl:db1; mbl-status:not-started");
    CHECK(cell(sheet, 3, "Tags") == "mbl:db1#1; mbl-status:not-done");
}

TEST_CASE("azure_devops_sheets: priorities, paths, estimates and remaining work", "[export]") {
    Backlog backlog = export_sample();
    Sheet sheet = azure_sheet(backlog);
    CHECK(column_cells(sheet, "Priority") ==
          std::vector<std::string>{"", "1", "2", "2", "2", "3", "1", "4", "4", "", "2"});
    CHECK(column_cells(sheet, "Area Path") == std::vector<std::string>(11, "Fabrikam"));
    CHECK(cell(sheet, 6, "Iteration Path") == "Fabrikam\\Iteration it-2");
    CHECK(cell(sheet, 8, "Iteration Path") == "Fabrikam\\Iteration it-2");
    CHECK(cell(sheet, 2, "Iteration Path").empty());
    // Tasks: the estimate in hours, and what remains of it (0 once done) for the burndown.
    CHECK(cell(sheet, 3, "Original Estimate") == "3");
    CHECK(cell(sheet, 3, "Remaining Work") == "0");
    CHECK(cell(sheet, 4, "Original Estimate") == "5");
    CHECK(cell(sheet, 4, "Remaining Work") == "5");
    CHECK(cell(sheet, 2, "Original Estimate").empty()); // User Stories carry none
    CHECK(cell(sheet, 2, "Remaining Work").empty());
    CHECK(cell(sheet, 8, "Original Estimate").empty()); // an unestimated open task
    CHECK(cell(sheet, 8, "Remaining Work").empty());
    CHECK(cell(sheet, 6, "Story Points").empty()); // the unit is hours
    CHECK(cell(sheet, 6, "Description") ==
          "Asset web1: other, rehost, in-progress<br>Estimate: 10 hours<br>Attributes: cores=8; "
          "os=linux &quot;x&quot;; delta=-2<br>Notes: Needs &lt;TLS&gt; &amp; DNS<br>Status in "
          "mbl: in-progress");

    sheet = azure_sheet(backlog, {"Fabrikam", "Fabrikam\\Sprints", "fabrikam\\Migration\\Wave 1"});
    CHECK(cell(sheet, 6, "Iteration Path") == "Fabrikam\\Sprints\\Iteration it-2");
    CHECK(cell(sheet, 0, "Area Path") == "fabrikam\\Migration\\Wave 1");
    CHECK(cell(sheet, 8, "Area Path") == "fabrikam\\Migration\\Wave 1");

    backlog.settings.estimate_unit = EstimateUnit::days;
    sheet = azure_sheet(backlog);
    CHECK(cell(sheet, 4, "Original Estimate") == "40");
    CHECK(cell(sheet, 4, "Remaining Work") == "40");
    backlog.settings.estimate_unit = EstimateUnit::points;
    sheet = azure_sheet(backlog);
    CHECK(cell(sheet, 4, "Original Estimate").empty());
    CHECK(cell(sheet, 3, "Remaining Work") == "0");
    CHECK(cell(sheet, 2, "Story Points") == "8");
    CHECK(cell(sheet, 6, "Story Points") == "10");
}

TEST_CASE("azure_devops_sheets: a project is required, paths start with it", "[export]") {
    Backlog backlog = export_sample();
    CHECK_THROWS_AS(azure_devops_sheets(backlog, {"", "", ""}), Error);
    for (const AzureDevOpsOptions& options :
         std::vector<AzureDevOpsOptions>{{"Fabrikam", "Contoso\\Sprints", ""},
                                         {"Fabrikam", "FabrikamX", ""},
                                         {"Fabrikam", "Fabrikam\\", ""},
                                         {"Fabrikam", "", "Fabrikam\\\\Migration"},
                                         {"Fabrikam", "", "Other"}}) {
        CAPTURE(options.iteration_path_prefix, options.area_path);
        try {
            azure_devops_sheets(backlog, options);
            FAIL("accepted");
        } catch (const Error& error) {
            CHECK(error.status() == ExitStatus::usage);
            CHECK(std::string(error.what()).find("is not a path of the project 'Fabrikam'") !=
                  std::string::npos);
        }
    }
    CHECK(azure_devops_sheets(backlog, {"Fabrikam", "FABRIKAM", ""}).size() == 1);
}

TEST_CASE("azure_devops_sheets: split at the limit, each Feature whole in one sheet", "[export]") {
    Backlog backlog = export_sample();
    // Epic 1, db's Feature 4 (db1 and its 2 tasks), web's 4, the group without a workload 2.
    std::vector<Sheet> sheets = azure_devops_sheets(backlog, {"Fabrikam", "", ""}, 6);
    REQUIRE(sheets.size() == 2);
    CHECK(azure_items(sheets[0]) == std::vector<Item>{{"Epic", "Fabrikam exit", 1},
                                                      {"Feature", "db", 2},
                                                      {"User Story", "Orders database", 3},
                                                      {"Task", "Replicate", 4},
                                                      {"Task", "Cut over", 4}});
    // The later sheets have no Epic: their Features are the top level, no Title 4.
    CHECK(names(sheets[1]) == std::vector<std::string>{"ID", "Work Item Type", "Title 1", "Title 2",
                                                       "Title 3", "Priority", "Tags", "Area Path",
                                                       "Iteration Path", "Original Estimate",
                                                       "Remaining Work", "Story Points",
                                                       "Description"});
    CHECK(azure_items(sheets[1]) == std::vector<Item>{{"Feature", "Web shop", 1},
                                                      {"User Story", "web1", 2},
                                                      {"User Story", "web2", 2},
                                                      {"Task", "Fix firewall", 3},
                                                      {"Feature", "Assets without a workload", 1},
                                                      {"User Story", "stray", 2}});
    CHECK(cell(sheets[1], 3, "Tags") == "mbl:web2#1; mbl-status:not-done");
    CHECK(cell(sheets[1], 3, "Iteration Path") == "Fabrikam\\Iteration it-2");

    sheets = azure_devops_sheets(backlog, {"Fabrikam", "", ""}, 5);
    REQUIRE(sheets.size() == 3);
    CHECK(sheets[0].rows.size() == 5);
    CHECK(sheets[1].rows.size() == 4);
    CHECK(sheets[2].rows.size() == 2);
    CHECK(azure_devops_sheets(backlog, {"Fabrikam", "", ""}, 11).size() == 1);
    CHECK(azure_devops_sheets(backlog, {"Fabrikam", "", ""}, 10).size() == 2);
}

TEST_CASE("azure_devops_sheets: a workload bigger than one import is refused", "[export]") {
    try {
        azure_devops_sheets(export_sample(), {"Fabrikam", "", ""}, 3);
        FAIL("accepted");
    } catch (const Error& error) {
        CHECK(error.status() == ExitStatus::input);
        CHECK(std::string(error.what()) ==
              "workload 'db' is 4 work items (its Feature, stories and tasks), more than one "
              "Azure Boards import takes (3): split the workload so that each part fits in one "
              "file");
    }
}

TEST_CASE("the id tags", "[export]") {
    CHECK(asset_tag("crm-sql-01") == "mbl:crm-sql-01");
    CHECK(task_tag("crm-sql-01", 2) == "mbl:crm-sql-01#2");
    CHECK(workload_tag("crm") == "mbl-workload:crm");
    CHECK(is_reserved_tag("mbl:x"));
    CHECK(is_reserved_tag("mbl-stage:uat"));
    CHECK_FALSE(is_reserved_tag("mbl"));
    CHECK_FALSE(is_reserved_tag("prod"));
}

TEST_CASE("jira_sheet: epics, then stories, then sub-tasks, linked by Issue ID", "[export]") {
    Backlog backlog = export_sample();
    backlog.assets[0].tags.push_back("mbl:web2"); // reserved: left out
    Sheet sheet = jira_sheet(backlog);
    CHECK_FALSE(sheet.for_spreadsheet);
    CHECK(names(sheet) == std::vector<std::string>{"Issue ID", "Parent", "Issue Type", "Summary",
                                                   "Status", "Priority", "Labels", "Labels",
                                                   "Labels", "Sprint", "Original Estimate",
                                                   "Story Points", "Description"});
    using Row = std::vector<std::string>;
    std::vector<Row> rows;
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
        rows.push_back({cell(sheet, r, "Issue ID"), cell(sheet, r, "Parent"),
                        cell(sheet, r, "Issue Type"), cell(sheet, r, "Summary"),
                        cell(sheet, r, "Status"), cell(sheet, r, "Priority")});
    }
    CHECK(rows == std::vector<Row>{{"1", "", "Epic", "db", "Done", "Highest"},
                                   {"2", "", "Epic", "Web shop", "In Progress", "Medium"},
                                   {"3", "1", "Story", "Orders database", "Done", "High"},
                                   {"4", "2", "Story", "web1", "In Progress", "Highest"},
                                   {"5", "2", "Story", "web2", "In Progress", "Low"},
                                   {"6", "", "Story", "stray", "To Do", "High"},
                                   {"7", "3", "Sub-task", "Replicate", "Done", "High"},
                                   {"8", "3", "Sub-task", "Cut over", "To Do", "High"},
                                   {"9", "5", "Sub-task", "Fix firewall", "To Do", "Low"}});
    std::vector<Row> labels;
    for (const Row& row : sheet.rows) {
        labels.push_back({row[column(sheet, "Labels")], row[column(sheet, "Labels", 1)],
                          row[column(sheet, "Labels", 2)]});
    }
    CHECK(labels == std::vector<Row>{{"mbl-workload:db", "", ""},
                                     {"mbl-workload:web", "", ""},
                                     {"mbl:db1", "", ""},
                                     {"mbl:web1", "prod", "tier_1"},
                                     {"mbl:web2", "", ""},
                                     {"mbl:stray", "", ""},
                                     {"mbl:db1#1", "", ""},
                                     {"mbl:db1#2", "", ""},
                                     {"mbl:web2#1", "", ""}});
    CHECK(cell(sheet, 3, "Sprint") == "Iteration it-2");
    CHECK(cell(sheet, 8, "Sprint") == "Iteration it-2");
    CHECK(cell(sheet, 2, "Sprint").empty());
    // Seconds; a story's own estimate only when its tasks have none (Jira adds them up).
    CHECK(cell(sheet, 2, "Original Estimate").empty());
    CHECK(cell(sheet, 6, "Original Estimate") == "10800");
    CHECK(cell(sheet, 3, "Original Estimate") == "36000");
    CHECK(cell(sheet, 5, "Original Estimate") == "14400");
    CHECK(cell(sheet, 8, "Original Estimate").empty());
    CHECK(cell(sheet, 3, "Description") ==
          "Asset web1: other, rehost, in-progress\nEstimate: 10 hours\nAttributes: cores=8; "
          "os=linux \"x\"; delta=-2\nNotes: Needs <TLS> & DNS");
    backlog.settings.estimate_unit = EstimateUnit::days;
    CHECK(cell(jira_sheet(backlog), 6, "Original Estimate") == "86400");
    backlog.settings.estimate_unit = EstimateUnit::points;
    Sheet points = jira_sheet(backlog);
    CHECK(cell(points, 6, "Original Estimate").empty());
    CHECK(cell(points, 2, "Story Points") == "8");
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
    CHECK(sheet.for_spreadsheet);
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
