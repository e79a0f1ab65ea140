// Tasks and status are connected: a new file has task templates, ticking the first task starts
// the asset (and its workload), all tasks done shows in status until the asset is replicated,
// a replicated asset with open tasks draws a validate warning; tasks are added and removed, and
// list fields edited with += and -=. End to end over simulated days on a backlog made with init.
#include "support/engagement.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>

using namespace mbl::test;
using nlohmann::json;

namespace {

const json& asset(const json& file, const std::string& id) {
    for (const json& item : file["assets"]) {
        if (item["id"] == id) {
            return item;
        }
    }
    throw std::runtime_error("no asset " + id);
}

std::vector<bool> done_flags(const json& asset) {
    std::vector<bool> flags;
    for (const json& task : asset["tasks"]) {
        flags.push_back(task["done"].get<bool>());
    }
    return flags;
}

} // namespace

TEST_CASE("a web server's tasks from template to replicated", "[e2e][task-status]") {
    Engagement team;
    team.ok({"init", "--start", "2027-01-04", "--capacity", "40"}, "2027-01-01");
    team.ok({"workload", "add", "crm"}, "2027-01-01");
    team.ok({"asset", "add", "crm-web", "--kind", "vm", "--workload", "crm", "--estimate", "20"},
            "2027-01-01");

    // A new file has templates: --from-template works without editing settings.
    CHECK(team.ok({"asset", "tasks", "crm-web", "--from-template"}, "2027-01-04") ==
          "crm-web: 5 tasks from the vm template\n");
    CHECK(team.ok({"asset", "tasks", "crm-web"}, "2027-01-04") ==
          "N  DONE  TITLE                ESTIMATE\n"
          "1  [ ]   Assess                      2\n"
          "2  [ ]   Replicate                   8\n"
          "3  [ ]   Test                        5\n"
          "4  [ ]   Cut over                    3\n"
          "5  [ ]   Decommission source         2\n");

    // Ticking the first task starts the asset, and its workload with it.
    CHECK(team.ok({"asset", "task", "done", "crm-web", "1"}, "2027-01-05") ==
          "crm-web: task 1 \"Assess\": done\n"
          "crm-web: status not-started -> in-progress (its first task is done)\n"
          "crm: stage planned -> migrating on 2027-01-05, automatic: first asset started "
          "(crm-web)\n");
    json file = team.json();
    CHECK(asset(file, "crm-web")["status"] == "in-progress");
    CHECK(file["workloads"][0]["stage"] == "migrating");

    // A task the template lacks, added and removed again; a bad number changes nothing.
    CHECK(team.ok({"asset", "task", "add", "crm-web", "Rehearse cut-over", "--estimate", "4"},
                  "2027-01-06") == "crm-web: added task 6 \"Rehearse cut-over\" (4)\n");
    CHECK(asset(team.json(), "crm-web")["tasks"][5] ==
          json({{"title", "Rehearse cut-over"}, {"estimate", 4}, {"done", false}}));
    CHECK(team.ok({"asset", "task", "rm", "crm-web", "6"}, "2027-01-06") ==
          "crm-web: removed task 6 \"Rehearse cut-over\"\n");
    team.refused({"asset", "task", "done", "crm-web", "2", "9"}, "2027-01-06", 2,
                 "crm-web has no task 9; its tasks are numbered 1 to 5");
    team.refused({"asset", "task", "add", "crm-web", "Soak", "--estimate", "-3"}, "2027-01-06", 2,
                 "estimate must be a number from 0 to 1000000000, not '-3'");

    // Several at once; when the last one is ticked, status asks for the replication.
    CHECK(team.ok({"asset", "task", "done", "crm-web", "2", "3", "4", "5"}, "2027-01-08") ==
          "crm-web: task 2 \"Replicate\": done\n"
          "crm-web: task 3 \"Test\": done\n"
          "crm-web: task 4 \"Cut over\": done\n"
          "crm-web: task 5 \"Decommission source\": done\n"
          "crm-web: all tasks done; mark it replicated with 'mbl asset set crm-web "
          "status=replicated'\n");
    CHECK(done_flags(asset(team.json(), "crm-web")) ==
          std::vector<bool>{true, true, true, true, true});
    std::string status = team.ok({"status"}, "2027-01-08");
    CHECK(contains(status, "crm-web: all tasks done: mark it replicated ('mbl asset set crm-web "
                           "status=replicated')"));
    json attention =
        json::parse(team.ok({"status", "--format", "json"}, "2027-01-08"))["attention"];
    REQUIRE(attention.size() == 1);
    CHECK(attention[0]["kind"] == "tasks-done");
    CHECK(attention[0]["subject"] == "crm-web");

    team.ok({"asset", "set", "crm-web", "status=replicated"}, "2027-01-09");
    CHECK_FALSE(contains(team.ok({"status"}, "2027-01-09"), "all tasks done"));
    CHECK(team.ok({"validate"}, "2027-01-09") ==
          "backlog.json is valid: 1 workload, 1 asset, 0 iterations\n");

    // A replicated asset with an open task: validate warns (exit 0), naming the tasks.
    team.ok({"asset", "task", "undo", "crm-web", "5"}, "2027-01-10");
    RunResult warned = team.run({"validate"}, "2027-01-10");
    CAPTURE(warned);
    CHECK(warned.exit_code == 0);
    CHECK(contains(warned.out, "warning: asset crm-web is replicated but 1 of its 5 tasks is not "
                               "done (5); tick it with 'mbl asset task done crm-web 5', or set "
                               "its status back"));
}

TEST_CASE("asset set appends to and removes from depends_on and tags", "[e2e][task-status]") {
    Engagement team;
    team.ok({"init"}, "2027-01-01");
    team.ok({"asset", "add", "db"}, "2027-01-01");
    team.ok({"asset", "add", "dns"}, "2027-01-01");
    team.ok({"asset", "add", "web", "--depends-on", "db", "--tag", "prod"}, "2027-01-01");

    CHECK(team.ok({"asset", "set", "web", "depends_on+=dns", "tags+=dmz,wave-2"}, "2027-01-02") ==
          "web: depends_on db -> db, dns\n"
          "web: tags prod -> prod, dmz, wave-2\n");
    json web = asset(team.json(), "web");
    CHECK(web["depends_on"] == json({"db", "dns"}));
    CHECK(web["tags"] == json({"prod", "dmz", "wave-2"}));

    CHECK(team.ok({"asset", "set", "web", "depends_on-=db", "tags-=prod"}, "2027-01-02") ==
          "web: depends_on db, dns -> dns\n"
          "web: tags prod, dmz, wave-2 -> dmz, wave-2\n");
    web = asset(team.json(), "web");
    CHECK(web["depends_on"] == json({"dns"}));
    CHECK(web["tags"] == json({"dmz", "wave-2"}));

    // The usual checks, all or nothing.
    team.refused({"asset", "set", "web", "tags+=x", "depends_on+=dsn"}, "2027-01-02", 3,
                 "unknown asset 'dsn'; did you mean 'dns'?");
    team.refused({"asset", "set", "dns", "depends_on+=web"}, "2027-01-02", 2, "cycle");
    team.refused({"asset", "set", "web", "tags-=prod"}, "2027-01-02", 2,
                 "web has no tag 'prod' to remove");
}

TEST_CASE("init --no-task-templates leaves the templates out", "[e2e][task-status]") {
    Engagement team;
    team.ok({"init", "--no-task-templates"}, "2027-01-01");
    CHECK_FALSE(team.json()["settings"].contains("task_templates"));
    team.ok({"asset", "add", "web", "--kind", "vm", "--estimate", "8"}, "2027-01-01");
    RunResult refused = team.run({"asset", "tasks", "web", "--from-template"}, "2027-01-01");
    CHECK(refused.exit_code == 1);
    CHECK(contains(refused.err, "no task template for kind vm"));
}
