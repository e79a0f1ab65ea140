// mbl asset tasks / asset task done|undo, end to end on a copy of the Contoso example with a
// task template added by hand.
#include "support/backlog_json.hpp"
#include "support/refusal.hpp"
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace mbl::test;
using nlohmann::json;

namespace {

// The Contoso example with a template for VMs, edited into the text as a person would.
void add_vm_template(const TempBacklog& backlog) {
    backlog.write(replace_once(backlog.original(), "\"default_capacity\": 120",
                               R"("default_capacity": 120,
    "task_templates": {
      "vm": [
        { "title": "Assess", "percent": 10 },
        { "title": "Replicate", "percent": 50 },
        { "title": "Test", "percent": 20 },
        { "title": "Cut over", "percent": 20 }
      ]
    })"));
}

json tasks_in_file(const TempBacklog& backlog, const std::string& id) {
    return asset_in(json::parse(backlog.text()), id)["tasks"];
}

} // namespace

TEST_CASE("asset tasks --from-template shares the estimate by the template's percents",
          "[e2e][tasks]") {
    TempBacklog backlog("contoso");
    add_vm_template(backlog);
    CHECK(run_ok(backlog, {"asset", "tasks", "fs-02", "--from-template"}) ==
          "fs-02: 4 tasks from the vm template\n");
    json tasks = tasks_in_file(backlog, "fs-02");
    CHECK(tasks == json::parse(R"([
        {"title": "Assess", "estimate": 1.6, "done": false},
        {"title": "Replicate", "estimate": 8, "done": false},
        {"title": "Test", "estimate": 3.2, "done": false},
        {"title": "Cut over", "estimate": 3.2, "done": false}])"));
    CHECK(effective_estimate_in(asset_in(json::parse(backlog.text()), "fs-02")) == Approx(16));

    CHECK(run_ok(backlog, {"asset", "tasks", "fs-02"}) == "N  DONE  TITLE      ESTIMATE\n"
                                                          "1  [ ]   Assess          1.6\n"
                                                          "2  [ ]   Replicate         8\n"
                                                          "3  [ ]   Test            3.2\n"
                                                          "4  [ ]   Cut over        3.2\n");
    CHECK(json::parse(run_ok(backlog, {"asset", "tasks", "fs-02", "--format", "json"})) == tasks);
    CHECK(lines_of(run_ok(backlog, {"asset", "tasks", "fs-02", "--format", "csv"}))[0] ==
          "number,done,title,estimate");
    CHECK(backlog.run({"validate"}).exit_code == 0);
}

TEST_CASE("asset task done and undo tick one task", "[e2e][tasks]") {
    TempBacklog backlog("contoso");
    add_vm_template(backlog);
    run_ok(backlog, {"asset", "tasks", "fs-02", "--from-template"});
    CHECK(run_ok(backlog, {"asset", "task", "done", "fs-02", "2"}) ==
          "fs-02: task 2 \"Replicate\": done\n"
          "fs-02: status not-started -> in-progress (its first task is done)\n");
    json tasks = tasks_in_file(backlog, "fs-02");
    CHECK(tasks[1]["done"] == true);
    CHECK(tasks[0]["done"] == false);
    // The iteration backlog shows it: fs-02 is committed to it-7.
    CHECK(contains(run_ok(backlog, {"iteration", "show", "it-7"}),
                   "  fs-02:               in-progress, 16 hours: Secondary file server\n"
                   "    [ ] Assess (1.6)\n    [x] Replicate (8)\n"));
    CHECK(run_ok(backlog, {"asset", "task", "undo", "fs-02", "2"}) ==
          "fs-02: task 2 \"Replicate\": not done\n");
    CHECK(tasks_in_file(backlog, "fs-02")[1]["done"] == false);
}

TEST_CASE("asset tasks refusals leave the file", "[e2e][tasks]") {
    TempBacklog backlog("contoso");
    add_vm_template(backlog);
    run_ok(backlog, {"asset", "tasks", "fs-02", "--from-template"});
    require_refused(backlog, {"asset", "task", "done", "fs-02", "5"}, 2,
                    "fs-02 has no task 5; its tasks are numbered 1 to 4");
    require_refused(backlog, {"asset", "task", "done", "print-01", "1"}, 2,
                    "print-01 has no tasks");
    require_refused(backlog, {"asset", "tasks", "fs-02", "--from-template"}, 1,
                    "fs-02 already has 4 tasks");
    require_refused(backlog, {"asset", "tasks", "crm-reports-ssrs", "--replace"}, 2,
                    "--replace goes with --from-template");
    require_refused(backlog, {"asset", "tasks", "erp-reporting-share", "--from-template"}, 1,
                    "no task template for kind file-share");
    require_refused(backlog, {"asset", "tasks", "fs-2", "--from-template"}, 3,
                    "unknown asset 'fs-2'");

    CHECK(run_ok(backlog, {"asset", "tasks", "fs-02", "--from-template", "--replace"}) ==
          "fs-02: 4 tasks from the vm template (replacing 4)\n");
    CHECK(run_ok(backlog, {"asset", "tasks", "print-01"}) ==
          "print-01 has no tasks; 'mbl asset tasks print-01 --from-template' fills them from its "
          "kind's template.\n");
}

TEST_CASE("a task number below 1 is a usage error", "[e2e][tasks]") {
    TempBacklog backlog("contoso");
    RunResult result = backlog.run({"asset", "task", "done", "crm-sql-01", "--", "-1"});
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(backlog.text() == backlog.original());
}
