// mbl export csv --for azure-devops|jira|generic end to end on the Contoso example: the output
// parsed back with an RFC 4180 reader and checked field by field against the file's JSON.
#include "support/backlog_json.hpp"
#include "support/csv_reader.hpp"
#include "support/refusal.hpp"
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

using namespace mbl::test;
using nlohmann::json;

namespace {

std::string workload_name_of(const json& file, const json& asset) {
    if (asset.contains("workload") && !asset["workload"].is_null()) {
        return workload_in(file, asset["workload"])["name"];
    }
    return "Assets without a workload";
}

// The names of the iterations that commit or completed `id`.
std::vector<std::string> iterations_holding(const json& file, const std::string& id) {
    std::vector<std::string> names;
    for (const json& iteration : file["iterations"]) {
        json lists = {iteration["committed"], iteration.value("completed", json::array())};
        for (const json& list : lists) {
            if (std::find(list.begin(), list.end(), id) != list.end()) {
                names.push_back(iteration["name"]);
                break;
            }
        }
    }
    return names;
}

std::string joined(const json& items, const std::string& separator) {
    std::string out;
    for (const json& item : items) {
        out += (out.empty() ? "" : separator) + item.get<std::string>();
    }
    return out;
}

// The Tags cell of an asset's User Story: its id tag, mbl's status as a tag, then the asset's
// tags (docs/agile-tools.md).
std::string story_tags(const json& asset) {
    std::string tags = "mbl:" + asset["id"].get<std::string>() +
                       "; mbl-status:" + asset["status"].get<std::string>();
    return asset["tags"].empty() ? tags : tags + "; " + joined(asset["tags"], "; ");
}

bool ends_with(const std::string& text, const std::string& end) {
    return text.size() >= end.size() &&
           text.compare(text.size() - end.size(), end.size(), end) == 0;
}

} // namespace

TEST_CASE("export csv --for azure-devops: the Title 1-4 hierarchy of Contoso", "[e2e][export]") {
    TempBacklog backlog("contoso");
    json file = json::parse(backlog.original());
    CsvTable csv = parse_csv_table(
        run_ok(backlog, {"export", "csv", "--for", "azure-devops", "--project", "Contoso"}));
    // No State: Azure creates imported work items in their type's initial state.
    CHECK(csv.header == CsvRecord{"ID", "Work Item Type", "Title 1", "Title 2", "Title 3",
                                  "Title 4", "Priority", "Tags", "Area Path", "Iteration Path",
                                  "Original Estimate", "Remaining Work", "Story Points",
                                  "Description"});
    REQUIRE(csv.rows.size() == 1 + 9 + 66 + 21);
    CHECK(csv.at(0, "Work Item Type") == "Epic");
    CHECK(csv.at(0, "Title 1") == file["name"]);
    CHECK(csv.at(0, "Tags").empty());
    for (std::size_t r = 0; r < csv.rows.size(); ++r) {
        CHECK(csv.at(r, "Area Path") == "Contoso");
    }

    std::string feature;
    const json* story = nullptr;
    std::size_t features = 0, stories = 0, tasks = 0, task_index = 0;
    for (std::size_t r = 1; r < csv.rows.size(); ++r) {
        CAPTURE(r, csv.rows[r]);
        CHECK(csv.at(r, "ID").empty());
        CHECK(csv.at(r, "Title 1").empty());
        std::string type = csv.at(r, "Work Item Type");
        if (type == "Feature") {
            ++features;
            feature = csv.at(r, "Title 2");
            CHECK(csv.at(r, "Title 3").empty());
            std::string stage_tag; // none for the group without a workload
            for (const json& workload : file["workloads"]) {
                if (workload["name"] == feature) {
                    stage_tag = "mbl-workload:" + workload["id"].get<std::string>() +
                                "; mbl-stage:" + workload["stage"].get<std::string>();
                    CHECK(csv.at(r, "Priority") == std::to_string(workload["priority"].get<int>()));
                }
            }
            CHECK(csv.at(r, "Tags") == stage_tag);
        } else if (type == "User Story") {
            ++stories;
            task_index = 0;
            CHECK(csv.at(r, "Title 2").empty());
            story = &asset_named(file, csv.at(r, "Title 3"));
            CHECK(workload_name_of(file, *story) == feature);
            CHECK(csv.at(r, "Priority") == std::to_string((*story)["priority"].get<int>()));
            CHECK(csv.at(r, "Tags") == story_tags(*story));
            CHECK(csv.at(r, "Original Estimate").empty());
            std::vector<std::string> holding = iterations_holding(file, (*story)["id"]);
            std::string path = csv.at(r, "Iteration Path");
            if (holding.empty()) {
                CHECK(path.empty());
            } else {
                REQUIRE(path.rfind("Contoso\\", 0) == 0);
                CHECK(std::count(holding.begin(), holding.end(), path.substr(8)) == 1);
            }
            CHECK(contains(csv.at(r, "Description"), "Asset " + (*story)["id"].get<std::string>()));
            CHECK(ends_with(csv.at(r, "Description"),
                            "<br>Status in mbl: " + (*story)["status"].get<std::string>()));
        } else {
            REQUIRE(type == "Task");
            REQUIRE(story != nullptr);
            ++tasks;
            const json& task = (*story)["tasks"].at(task_index++);
            CHECK(csv.at(r, "Title 4") == task["title"]);
            CHECK(csv.at(r, "Title 3").empty());
            std::string done = task["done"] ? "done" : "not-done";
            CHECK(csv.at(r, "Tags") == "mbl:" + (*story)["id"].get<std::string>() + "#" +
                                           std::to_string(task_index) + "; mbl-status:" + done);
            CHECK(ends_with(csv.at(r, "Description"), "<br>Status in mbl: " + done));
            if (task["estimate"].is_null()) {
                CHECK(csv.at(r, "Original Estimate").empty());
            } else {
                CHECK(std::stod(csv.at(r, "Original Estimate")) == task["estimate"].get<double>());
            }
            // Azure's burndown counts Remaining Work down: 0 once the task is done.
            if (task["done"]) {
                CHECK(csv.at(r, "Remaining Work") == "0");
            } else {
                CHECK(csv.at(r, "Remaining Work") == csv.at(r, "Original Estimate"));
            }
        }
    }
    CHECK(features == 9);
    CHECK(stories == file["assets"].size());
    CHECK(tasks == 21);
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE("export csv --for azure-devops: an asset's iteration path", "[e2e][export]") {
    TempBacklog backlog("contoso");
    CsvTable csv = parse_csv_table(
        run_ok(backlog, {"export", "csv", "--for", "azure-devops", "--project", "Contoso"}));
    bool found = false;
    for (std::size_t r = 0; r < csv.rows.size(); ++r) {
        if (csv.at(r, "Title 3") == "CRM customer portal") {
            found = true;
            CHECK(csv.at(r, "Iteration Path") == "Contoso\\Iteration 6");
            CHECK(csv.at(r, "Tags") == "mbl:crm-web-01; mbl-status:in-progress; prod");
            CHECK(csv.at(r + 1, "Iteration Path") == "Contoso\\Iteration 6");
        }
    }
    CHECK(found);

    csv = parse_csv_table(run_ok(backlog, {"export", "csv", "--for", "azure-devops", "--project",
                                           "Contoso", "--iteration-path-prefix", "Contoso\\Sprints",
                                           "--area-path", "Contoso\\Cloud"}));
    for (std::size_t r = 0; r < csv.rows.size(); ++r) {
        CHECK(csv.at(r, "Area Path") == "Contoso\\Cloud");
        if (csv.at(r, "Title 3") == "CRM customer portal") {
            CHECK(csv.at(r, "Iteration Path") == "Contoso\\Sprints\\Iteration 6");
        }
    }
    require_refused(backlog,
                    {"export", "csv", "--for", "azure-devops", "--project", "Contoso",
                     "--area-path", "Fabrikam\\Cloud"},
                    2, "--area-path 'Fabrikam\\Cloud' is not a path of the project 'Contoso'");
}

TEST_CASE("export csv --for jira: epics, then stories, then sub-tasks of Contoso",
          "[e2e][export]") {
    TempBacklog backlog("contoso");
    json file = json::parse(backlog.original());
    CsvTable csv = parse_csv_table(run_ok(backlog, {"export", "csv", "--for", "jira"}));
    CHECK(csv.header == CsvRecord{"Issue ID", "Parent", "Issue Type", "Summary", "Status",
                                  "Priority", "Labels", "Labels", "Labels", "Labels", "Sprint",
                                  "Original Estimate", "Story Points", "Description"});
    REQUIRE(csv.rows.size() == 8 + 66 + 21);
    const std::vector<std::string> priorities{"Highest", "High", "Medium", "Low"};
    const std::vector<std::string> order{"Epic", "Story", "Sub-task"};
    std::size_t epics = 0, stories = 0, subtasks = 0, rank = 0;
    for (std::size_t r = 0; r < csv.rows.size(); ++r) {
        CAPTURE(r, csv.rows[r]);
        CHECK(csv.at(r, "Issue ID") == std::to_string(r + 1));
        std::string type = csv.at(r, "Issue Type");
        // Jira's importer needs every parent before its children: all epics, stories, sub-tasks.
        std::size_t type_rank = std::find(order.begin(), order.end(), type) - order.begin();
        REQUIRE(type_rank < order.size());
        CHECK(type_rank >= rank);
        rank = type_rank;
        std::string parent = csv.at(r, "Parent");
        std::size_t parent_row = parent.empty() ? 0 : std::stoul(parent) - 1;
        REQUIRE((parent.empty() || parent_row < r));
        std::string id_label = csv.rows[r][csv.column("Labels", 0)];
        if (type == "Epic") {
            ++epics;
            CHECK(parent.empty());
            CHECK(id_label == "mbl-workload:" +
                                  workload_in(file, id_label.substr(13))["id"].get<std::string>());
            CHECK(workload_in(file, id_label.substr(13))["name"] == csv.at(r, "Summary"));
        } else if (type == "Story") {
            ++stories;
            const json& asset = asset_named(file, csv.at(r, "Summary"));
            CHECK(id_label == "mbl:" + asset["id"].get<std::string>());
            if (parent.empty()) {
                CHECK(workload_name_of(file, asset) == "Assets without a workload");
            } else {
                CHECK(csv.at(parent_row, "Issue Type") == "Epic");
                CHECK(csv.at(parent_row, "Summary") == workload_name_of(file, asset));
            }
            CHECK(csv.at(r, "Priority") == priorities.at(asset["priority"].get<int>() - 1));
            for (std::size_t l = 1; l < 4; ++l) {
                CHECK(csv.rows[r][csv.column("Labels", l)] ==
                      (l <= asset["tags"].size() ? asset["tags"][l - 1].get<std::string>() : ""));
            }
            std::vector<std::string> holding = iterations_holding(file, asset["id"]);
            std::string sprint = csv.at(r, "Sprint");
            CHECK((sprint.empty() ? holding.empty()
                                  : std::count(holding.begin(), holding.end(), sprint) == 1));
            CHECK(csv.at(r, "Status") == (asset["status"] == "replicated"    ? "Done"
                                          : asset["status"] == "not-started" ? "To Do"
                                                                             : "In Progress"));
        } else {
            ++subtasks;
            REQUIRE(csv.at(parent_row, "Issue Type") == "Story");
            const json& asset = asset_named(file, csv.at(parent_row, "Summary"));
            std::string story_label = "mbl:" + asset["id"].get<std::string>() + "#";
            REQUIRE(id_label.rfind(story_label, 0) == 0);
            const json& task =
                asset["tasks"].at(std::stoul(id_label.substr(story_label.size())) - 1);
            CHECK(csv.at(r, "Summary") == task["title"]);
            CHECK(csv.at(r, "Status") == (task["done"] ? "Done" : "To Do"));
            CHECK(csv.at(r, "Sprint") == csv.at(parent_row, "Sprint"));
            if (!task["estimate"].is_null()) {
                CHECK(std::stod(csv.at(r, "Original Estimate")) ==
                      task["estimate"].get<double>() * 3600);
            }
        }
    }
    CHECK(epics == file["workloads"].size());
    CHECK(stories == file["assets"].size());
    CHECK(subtasks == 21);
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE("export csv --for generic: every asset, every field", "[e2e][export]") {
    TempBacklog backlog("contoso");
    json file = json::parse(backlog.original());
    CsvTable csv = parse_csv_table(run_ok(backlog, {"export", "csv", "--for", "generic"}));
    REQUIRE(csv.rows.size() == file["assets"].size());
    CHECK(csv.header.at(0) == "id");
    // The attribute columns: the union of the keys, first seen first (core-network's first).
    CHECK(csv.header.at(18) == "attributes.address_space");
    std::set<std::string> keys;
    for (const json& asset : file["assets"]) {
        for (const auto& [key, value] : asset["attributes"].items()) {
            keys.insert("attributes." + key);
        }
    }
    CHECK(std::set<std::string>(csv.header.begin() + 18, csv.header.end()) == keys);
    CHECK(csv.header.size() == 18 + keys.size());
    for (std::size_t r = 0; r < csv.rows.size(); ++r) {
        const json& asset = file["assets"][r];
        CAPTURE(asset["id"]);
        CHECK(csv.at(r, "id") == asset["id"]);
        CHECK(csv.at(r, "name") == asset["name"]);
        CHECK(csv.at(r, "kind") == asset["kind"]);
        CHECK(csv.at(r, "status") == asset["status"]);
        CHECK(csv.at(r, "strategy") == asset["strategy"]);
        CHECK(csv.at(r, "unit") == "hours");
        CHECK(csv.at(r, "priority") == std::to_string(asset["priority"].get<int>()));
        CHECK(csv.at(r, "workload") == asset.value("workload", json("")).get<std::string>());
        CHECK(csv.at(r, "tags") == joined(asset["tags"], "; "));
        CHECK(csv.at(r, "depends_on") == joined(asset["depends_on"], "; "));
        CHECK(csv.at(r, "tasks") == std::to_string(asset["tasks"].size()));
        if (asset["estimate"].is_null()) {
            CHECK(csv.at(r, "estimate").empty());
        } else {
            CHECK(std::stod(csv.at(r, "estimate")) == asset["estimate"].get<double>());
        }
        for (const auto& [key, value] : asset["attributes"].items()) {
            std::string cell = csv.at(r, "attributes." + key);
            CHECK(cell == (value.is_string() ? value.get<std::string>() : value.dump()));
        }
    }
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE("export csv -o writes the file atomically, never over the backlog", "[e2e][export]") {
    TempBacklog backlog("contoso");
    std::string stdout_csv = run_ok(backlog, {"export", "csv", "--for", "jira"});
    CHECK(run_ok(backlog, {"export", "csv", "--for", "jira", "-o", "jira.csv"}).empty());
    CHECK(read_file(backlog.dir() / "jira.csv") == stdout_csv);
    require_refused(backlog, {"export", "csv", "--for", "generic", "-o", "backlog.json"}, 2,
                    "is the backlog file");
}

TEST_CASE("export csv writes its rows as they are made: stdout and -o agree, a refusal writes "
          "nothing",
          "[e2e][export]") {
    TempBacklog backlog("contoso");
    for (std::vector<std::string> tool : {std::vector<std::string>{"--for", "generic"},
                                          {"--for", "jira"},
                                          {"--for", "azure-devops", "--project", "Contoso"}}) {
        CAPTURE(tool);
        std::vector<std::string> command{"export", "csv"};
        command.insert(command.end(), tool.begin(), tool.end());
        std::string stdout_csv = run_ok(backlog, command);
        CHECK(std::count(stdout_csv.begin(), stdout_csv.end(), '\n') > 20);
        command.insert(command.end(), {"-o", "out.csv"});
        CHECK(run_ok(backlog, command).empty());
        CHECK(read_file(backlog.dir() / "out.csv") == stdout_csv);
    }
    RunResult refused = backlog.run({"export", "csv", "--for", "azure-devops", "-o", "out.csv"});
    CHECK(refused.exit_code == 2);
    CHECK(refused.out.empty());
    CHECK(contains(read_file(backlog.dir() / "out.csv"), "Epic")); // the last export, untouched
    RunResult to_stdout = backlog.run({"export", "csv", "--for", "azure-devops"});
    CHECK(to_stdout.exit_code == 2);
    CHECK(to_stdout.out.empty()); // not even the header
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE("export csv refusals and help", "[e2e][export]") {
    TempBacklog backlog("contoso");
    require_refused(backlog, {"export", "csv", "--for", "trello"}, 2,
                    "--for 'trello' is not an export; use azure-devops, jira or generic");
    require_refused(backlog, {"export", "csv", "--for", "azure-devops"}, 2, "needs --project");
    require_refused(backlog, {"export", "csv", "--for", "jira", "--project", "X"}, 2,
                    "--project applies to --for azure-devops only");
    require_refused(backlog, {"export", "csv", "--for", "generic", "--area-path", "X"}, 2,
                    "--area-path applies to --for azure-devops only");
    require_refused(backlog, {"export", "csv", "--for", "jira", "--iteration-path-prefix", "X"}, 2,
                    "--iteration-path-prefix applies to --for azure-devops only");
    require_refused(backlog, {"export", "csv", "--for", "jira", "--format", "json"}, 2,
                    "this command has no --format choice; drop --format json");
    require_refused(backlog, {"export", "csv"}, 2, "--for");
    require_refused(backlog,
                    {"export", "csv", "--for", "azure-devops", "--project", "C", "--no-state"}, 2,
                    "--no-state");
    RunResult help = backlog.run({"export", "csv", "--help"});
    CHECK(help.exit_code == 0);
    CHECK(contains(help.out, "--for"));
    CHECK(contains(help.out, "--project"));
    CHECK(contains(help.out, "--iteration-path-prefix"));
    CHECK(contains(help.out, "--area-path"));
    CHECK(contains(help.out, "at most 1,000 work items"));
    CHECK(contains(help.out, "mbl:ASSET#N"));
    CHECK_FALSE(contains(help.out, "--no-state"));
}
