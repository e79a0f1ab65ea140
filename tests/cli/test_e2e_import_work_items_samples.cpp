// mbl import work-items on the hand-written exports of tests/data/import (Azure Boards' query
// export: BOM, every field quoted, CRLF; Jira's: repeated Labels and Sprint columns) into a copy
// of Contoso: updates, kept items, conflicts, unmatched and unknown rows with their lines.
#include "import_fixtures.hpp"
#include "support/backlog_json.hpp"
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace mbl::test;
using nlohmann::json;

namespace {

// The output line of the row on `line` (`update     4  521 …`), or empty.
std::string row_line(const std::string& out, const std::string& action, int line) {
    for (const std::string& text : lines_of(out)) {
        if (text.rfind(action, 0) == 0 && contains(text, " " + std::to_string(line) + "  ")) {
            return text;
        }
    }
    return "";
}

} // namespace

TEST_CASE("import work-items --from azure-devops: a query export with every kind of row",
          "[e2e][work-items]") {
    TempBacklog backlog("contoso");
    RunResult result = backlog.run(
        {"import", "work-items", sample("azure-boards-query.csv"), "--from", "azure-devops"});
    CAPTURE(result);
    CHECK(result.exit_code == 1); // conflicts: reported, not overwritten
    CHECK(result.err.empty());
    CHECK(contains(result.out, "(azure-devops, read as ','-separated UTF-8 with BOM): 3 updated, "
                               "2 unchanged, 1 kept, 2 conflicts, 2 unmatched, 1 unknown, 2 "
                               "ignored"));
    CHECK(contains(row_line(result.out, "update", 4), "status: not-started -> in-progress"));
    CHECK(contains(row_line(result.out, "update", 5), "status: not-started -> replicated"));
    CHECK(contains(row_line(result.out, "update", 7), "task 2 done: false -> true"));
    CHECK(contains(row_line(result.out, "conflict", 10),
                   "changed in both: mbl not-started -> blocked since the export"));
    CHECK(contains(row_line(result.out, "conflict", 11), "would move replicated back"));
    CHECK(contains(row_line(result.out, "unknown", 12), "state 'Waiting for vendor'"));
    CHECK(contains(row_line(result.out, "unmatched", 2), "no mbl: tag"));
    CHECK(contains(row_line(result.out, "unmatched", 13),
                   "mbl:prn-01 names no asset of the backlog"));
    CHECK(contains(result.out, "Old print server, \"PRN-01\""));

    json before = json::parse(backlog.original());
    json after = json::parse(backlog.text());
    CHECK(asset_in(after, "crm-reports-ssrs")["status"] == "in-progress");
    CHECK(asset_in(after, "crm-email-router")["status"] == "replicated");
    CHECK(asset_in(after, "crm-email-router")["replicated_on"] == "2026-11-25");
    CHECK(asset_in(after, "crm-web-01")["tasks"][1]["done"] == true);
    for (const char* untouched : {"erp-batch-01", "fs-01", "fs-02", "crm-sql-01", "tape-library"}) {
        CHECK(asset_in(after, untouched) == asset_in(before, untouched));
    }

    std::string written = backlog.text();
    RunResult again = backlog.run(
        {"import", "work-items", sample("azure-boards-query.csv"), "--from", "azure-devops"});
    CHECK(contains(again.out, ": 0 updated, 5 unchanged, 1 kept, 2 conflicts"));
    CHECK(backlog.text() == written);
}

TEST_CASE("import work-items --from jira: a filter export with repeated Labels columns",
          "[e2e][work-items]") {
    TempBacklog backlog("contoso");
    RunResult result = backlog.run(
        {"import", "work-items", sample("jira-filter.csv"), "--from", "jira", "--format", "json"});
    CAPTURE(result);
    CHECK(result.exit_code == 1);
    json report = json::parse(result.out);
    CHECK(report["summary"] == json::parse(R"({"updated": 3, "unchanged": 2, "kept": 1,
        "conflicts": 1, "unmatched": 2, "unknown": 1, "ignored": 1})"));
    const json& rows = report["rows"];
    REQUIRE(rows.size() == 11);
    CHECK(rows[1]["action"] == "update");
    CHECK(rows[1]["asset"] == "crm-reports-ssrs");
    CHECK(rows[3] == json::parse(R"({"line": 5, "item": "MIG-4",
        "title": "Custom domain and TLS certificate", "state": "Done", "action": "update",
        "asset": "crm-web-01", "task": 2, "field": "done", "from": false, "to": true,
        "reason": null})"));
    CHECK(rows[5]["action"] == "unmatched");
    CHECK(rows[5]["reason"] == "asset crm-web-01 has no task titled 'Write the cut-over runbook'");
    CHECK(rows[6]["action"] == "conflict");           // crm-sql-01: replicated, In Progress in Jira
    CHECK(rows[7]["action"] == "kept");               // erp-batch-01: blocked, exported In Progress
    CHECK(rows[8]["asset"] == "erp-reporting-share"); // labels separated by a blank
    CHECK(rows[8]["to"] == "replicated");
    CHECK(rows[10]["action"] == "unknown");

    json after = json::parse(backlog.text());
    CHECK(asset_in(after, "erp-reporting-share")["status"] == "replicated");
    CHECK(asset_in(after, "crm-sql-01")["status"] == "replicated");
}

TEST_CASE("import work-items: settings.work_item_states gives a state its meaning",
          "[e2e][work-items]") {
    json file = json::parse(read_file(example_path("contoso")));
    file["settings"]["work_item_states"] = {{"azure-devops", {{"waiting for vendor", "blocked"}}}};
    TempBacklog backlog = TempBacklog::with_text(file.dump(2) + "\n");
    run_ok(backlog, {"fmt"});
    CHECK(backlog.run({"validate"}).exit_code == 0);
    std::string formatted = backlog.text();
    RunResult result = backlog.run(
        {"import", "work-items", sample("azure-boards-query.csv"), "--from", "azure-devops"});
    CHECK(contains(row_line(result.out, "update", 12), "status: not-started -> blocked"));
    json after = json::parse(backlog.text());
    CHECK(asset_in(after, "fs-02")["status"] == "blocked");
    CHECK(after["settings"] == json::parse(formatted)["settings"]);

    file["settings"]["work_item_states"] = {{"azure-devops", {{"Resolved", "replicating"}}},
                                            {"trello", json::object()}};
    backlog.write(file.dump(2) + "\n");
    RunResult check = backlog.run({"validate"});
    CHECK(check.exit_code == 1);
    CHECK(contains(check.out, "work_item_states.azure-devops.\"Resolved\" is \"replicating\""));
    CHECK(contains(check.out, "\"trello\", which is not a tool mbl imports from"));
}

TEST_CASE("import work-items: the wrong tool's export, and --dry-run", "[e2e][work-items]") {
    TempBacklog backlog("contoso");
    RunResult wrong =
        backlog.run({"import", "work-items", sample("jira-filter.csv"), "--from", "azure-devops"});
    CHECK(wrong.exit_code == 3);
    CHECK(contains(wrong.err, "jira-filter.csv:1: no Title, State, Tags columns in this Azure "
                              "Boards export; it looks like Jira's export: pass --from jira"));
    RunResult usage = backlog.run({"import", "work-items", sample("jira-filter.csv")});
    CHECK(usage.exit_code == 2);

    RunResult preview = backlog.run({"import", "work-items", sample("azure-boards-query.csv"),
                                     "--from", "azure-devops", "--dry-run"});
    CHECK(preview.exit_code == 1);
    CHECK(contains(preview.out, "Dry run, nothing written"));
    CHECK(contains(preview.out, "would update 3;"));
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE("import work-items: a planned workload whose first asset starts moves to migrating",
          "[e2e][work-items]") {
    TempBacklog backlog("contoso");
    write_file(backlog.dir() / "jira.csv", "Summary,Issue key,Status,Labels\n"
                                           "Data warehouse SQL,MIG-40,In Progress,mbl:dw-sql-01\n");
    std::string out = run_ok(backlog, {"import", "work-items", "jira.csv", "--from", "jira"});
    CHECK(contains(out, "1 updated"));
    CHECK(contains(out, "data-warehouse: stage planned -> migrating on 2026-11-25, automatic: "
                        "first asset started (dw-sql-01)"));
    json after = json::parse(backlog.text());
    CHECK(workload_in(after, "data-warehouse")["stage"] == "migrating");
    CHECK(asset_in(after, "dw-sql-01")["status"] == "in-progress");
}
