// mbl import work-items end to end: Contoso exported with `mbl export csv`, turned into what the
// agile tool's own export of those items looks like after the team moved some of them, and read
// back; then the hand-written exports of tests/data/import (their exact column layouts).
#include "import_fixtures.hpp"
#include "support/backlog_json.hpp"
#include "support/csv_reader.hpp"
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

using namespace mbl::test;
using nlohmann::json;

namespace {

// The asset id of an exported row: its Description starts `Asset <id>:` (export_support's
// asset_summary); empty for rows that are no asset.
std::string asset_id_of(const std::string& description) {
    static const std::regex asset(R"(^Asset ([a-z0-9][a-z0-9._-]*):)");
    std::smatch match;
    return std::regex_search(description, match, asset) ? match[1].str() : std::string();
}

std::string quoted(const std::string& cell) {
    std::string out = "\"";
    for (char c : cell) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

// The cell of `row` in the first of `names` the sheet has (the exporter's spellings, old and new).
std::string cell_of(const CsvTable& sheet, std::size_t row,
                    std::initializer_list<std::string_view> names) {
    for (std::string_view name : names) {
        for (std::size_t i = 0; i < sheet.header.size(); ++i) {
            if (sheet.header[i] == name) {
                return sheet.rows[row][i];
            }
        }
    }
    return "";
}

// Rows as a CSV: every field quoted, CRLF (as Azure Boards writes its query exports).
std::string csv_text(const std::vector<std::vector<std::string>>& rows) {
    std::string text;
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            text += (i ? "," : "") + quoted(row[i]);
        }
        text += "\r\n";
    }
    return text;
}

// Azure Boards' export of a flat query over the work items `mbl export csv --for azure-devops`
// created: ID, Work Item Type, Title, State, Tags (mbl's, plus the `mbl:<asset-id>` tag of the
// export contract), Parent. Every item is New, as Azure creates imported items, except those
// `moved` names: `<asset-id>` for a User Story, `<asset-id>#<task title>` for a Task.
std::string azure_query_export(const std::string& exported,
                               const std::map<std::string, std::string>& moved) {
    CsvTable sheet = parse_csv_table(exported);
    std::vector<std::vector<std::string>> rows{
        {"ID", "Work Item Type", "Title", "State", "Tags", "Parent"}};
    std::string story_id, story_asset;
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
        std::string type = sheet.at(r, "Work Item Type");
        std::string title;
        for (const char* level : {"Title 1", "Title 2", "Title 3", "Title 4"}) {
            title += sheet.at(r, level);
        }
        std::string id = std::to_string(1000 + r);
        std::string tags = sheet.at(r, "Tags");
        std::string state = "New";
        std::string parent;
        if (type == "User Story") {
            story_id = id;
            story_asset = asset_id_of(sheet.at(r, "Description"));
            if (!contains("; " + tags + ";", "; mbl:" + story_asset + ";")) {
                tags += "; mbl:" + story_asset; // the id tag of the export contract
            }
            if (auto found = moved.find(story_asset); found != moved.end()) {
                state = found->second;
            }
        } else if (type == "Task") {
            parent = story_id;
            if (auto found = moved.find(story_asset + "#" + title); found != moved.end()) {
                state = found->second;
            }
        }
        rows.push_back({id, type, title, state, tags, parent});
    }
    return "\xEF\xBB\xBF" + csv_text(rows);
}

// Jira's export of the issues `mbl export csv --for jira` created: Summary, Issue key, Issue id,
// Parent id, Issue Type, Status, Labels (one column per label, `mbl:<asset-id>` added), Sprint.
// Each issue keeps the status mbl exported except those `moved` names.
std::string jira_filter_export(const std::string& exported,
                               const std::map<std::string, std::string>& moved) {
    CsvTable sheet = parse_csv_table(exported);
    std::size_t label_columns = 0;
    for (const std::string& name : sheet.header) {
        label_columns += name == "Labels" ? 1 : 0;
    }
    std::vector<std::string> header{"Summary",   "Issue key",  "Issue id",
                                    "Parent id", "Issue Type", "Status"};
    header.insert(header.end(), label_columns + 1, "Labels");
    header.push_back("Sprint");
    std::vector<std::vector<std::string>> rows{header};
    std::map<std::string, std::string> asset_of_issue;
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
        std::string issue = cell_of(sheet, r, {"Issue ID", "Issue Id"});
        std::string parent = cell_of(sheet, r, {"Parent", "Parent Id"});
        std::string type = sheet.at(r, "Issue Type");
        std::string summary = sheet.at(r, "Summary");
        std::string asset = asset_id_of(sheet.at(r, "Description"));
        asset_of_issue[issue] = asset;
        std::string status = cell_of(sheet, r, {"Status"});
        std::string key = type == "Sub-task" ? asset_of_issue[parent] + "#" + summary : asset;
        if (auto found = moved.find(key); !key.empty() && found != moved.end()) {
            status = found->second;
        }
        std::vector<std::string> row{summary,
                                     "MIG-" + issue,
                                     std::to_string(10000 + std::stoi(issue)),
                                     parent.empty() ? ""
                                                    : std::to_string(10000 + std::stoi(parent)),
                                     type,
                                     status};
        for (std::size_t l = 0; l < label_columns; ++l) {
            row.push_back(sheet.rows[r][sheet.column("Labels", l)]);
        }
        row.push_back(type == "Story" ? "mbl:" + asset : "");
        row.push_back(sheet.at(r, "Sprint"));
        rows.push_back(row);
    }
    return csv_text(rows);
}

// The ids of the assets whose JSON differs between two versions of the file.
std::vector<std::string> changed_assets(const json& before, const json& after) {
    std::vector<std::string> changed;
    REQUIRE(before["assets"].size() == after["assets"].size());
    for (std::size_t i = 0; i < before["assets"].size(); ++i) {
        if (before["assets"][i] != after["assets"][i]) {
            changed.push_back(before["assets"][i]["id"]);
        }
    }
    return changed;
}

// Exports Contoso for `tool`, makes the tool's export with `moved` states, imports it; checks
// that exactly `expected` changed, and that a second import changes nothing.
json round_trip(const std::string& tool, const std::map<std::string, std::string>& moved,
                const std::vector<std::string>& expected) {
    TempBacklog backlog("contoso");
    std::vector<std::string> args{"export", "csv", "--for", tool};
    if (tool == "azure-devops") {
        args.insert(args.end(), {"--project", "Contoso"});
    }
    std::string exported = run_ok(backlog, args);
    std::string tool_export = tool == "azure-devops" ? azure_query_export(exported, moved)
                                                     : jira_filter_export(exported, moved);
    write_file(backlog.dir() / "tool-export.csv", tool_export);

    std::string preview =
        run_ok(backlog, {"import", "work-items", "tool-export.csv", "--from", tool, "--dry-run"});
    CHECK(contains(preview, "Dry run, nothing written: tool-export.csv (" + tool));
    CHECK(contains(preview, "would update " + std::to_string(moved.size()) + ";"));
    CHECK(backlog.text() == backlog.original());

    std::string out = run_ok(backlog, {"import", "work-items", "tool-export.csv", "--from", tool});
    CAPTURE(out);
    CHECK(contains(out, std::to_string(moved.size()) + " updated"));
    CHECK(contains(out, "0 conflicts"));
    json before = json::parse(backlog.original());
    json after = json::parse(backlog.text());
    CHECK(changed_assets(before, after) == expected);

    std::string written = backlog.text();
    std::string again =
        run_ok(backlog, {"import", "work-items", "tool-export.csv", "--from", tool});
    CHECK(contains(again, ": 0 updated"));
    CHECK(backlog.text() == written);
    return after;
}

} // namespace

TEST_CASE("import work-items --from azure-devops: Contoso's exported items, three moved",
          "[e2e][work-items]") {
    json after = round_trip("azure-devops",
                            {{"crm-reports-ssrs", "Active"},
                             {"erp-app-01", "Closed"},
                             {"backup-01#Migrate long-term retention sets", "Closed"}},
                            {"backup-01", "crm-reports-ssrs", "erp-app-01"});
    CHECK(asset_in(after, "crm-reports-ssrs")["status"] == "in-progress");
    CHECK(asset_in(after, "erp-app-01")["status"] == "replicated");
    CHECK(asset_in(after, "erp-app-01")["replicated_on"] == "2026-11-25"); // MBL_TODAY
    CHECK(asset_in(after, "backup-01")["tasks"][2]["done"] == true);
    CHECK(asset_in(after, "backup-01")["status"] == "in-progress");
}

TEST_CASE("import work-items --from jira: Contoso's exported issues, three moved",
          "[e2e][work-items]") {
    json after = round_trip("jira",
                            {{"crm-reports-ssrs", "In Progress"},
                             {"erp-app-01", "Done"},
                             {"crm-web-01#Custom domain and TLS certificate", "Done"}},
                            {"crm-web-01", "crm-reports-ssrs", "erp-app-01"});
    CHECK(asset_in(after, "crm-reports-ssrs")["status"] == "in-progress");
    CHECK(asset_in(after, "erp-app-01")["status"] == "replicated");
    CHECK(asset_in(after, "crm-web-01")["tasks"][1]["done"] == true);
    CHECK(asset_in(after, "crm-web-01")["tasks"][2]["done"] == false);
}
