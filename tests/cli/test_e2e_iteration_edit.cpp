// Iterations can be edited (iteration set, iteration rm, plan --capacity --commit, close's
// refusals and names) and destructive commands take --dry-run: end to end over simulated days
// on a backlog made with `mbl init`.
#include "support/engagement.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>

using namespace mbl::test;
using nlohmann::json;

namespace {

const json& entry(const json& array, const std::string& id) {
    for (const json& item : array) {
        if (item["id"] == id) {
            return item;
        }
    }
    throw std::runtime_error("no entry " + id);
}

// Four crm assets (16 + 8 + 8 + 12 hours), 14-day iterations from 2027-01-04, capacity 40.
void set_up(const Engagement& team) {
    const std::string day = "2027-01-01";
    team.ok({"init", "--name", "Fabrikam", "--start", "2027-01-04", "--capacity", "40"}, day);
    team.ok({"workload", "add", "crm"}, day);
    team.ok({"asset", "add", "crm-web", "--kind", "vm", "--workload", "crm", "--estimate", "16"},
            day);
    team.ok({"asset", "add", "crm-app", "--kind", "vm", "--workload", "crm", "--estimate", "8"},
            day);
    team.ok({"asset", "add", "crm-api", "--kind", "vm", "--workload", "crm", "--estimate", "8"},
            day);
    team.ok(
        {"asset", "add", "crm-db", "--kind", "database", "--workload", "crm", "--estimate", "12"},
        day);
    team.ok({"iteration", "add"}, day);
    team.ok({"iteration", "add"}, day);
}

} // namespace

TEST_CASE("a team edits its iterations as the plan changes", "[e2e][iteration-edit]") {
    Engagement team;
    set_up(team);

    // Day 1: the first iteration gets a name, a smaller capacity and a note.
    CHECK(team.ok({"iteration", "set", "it-1", "capacity=30", "name=Wave 1", "notes=two on leave"},
                  "2027-01-02") == "it-1: capacity 40 -> 30\n"
                                   "it-1: name Iteration 1 -> Wave 1\n"
                                   "it-1: notes none -> two on leave\n");
    json file = team.json();
    CHECK(entry(file["iterations"], "it-1")["capacity"] == 30);
    CHECK(entry(file["iterations"], "it-1")["name"] == "Wave 1");
    CHECK(entry(file["iterations"], "it-1")["notes"] == "two on leave");

    // it-2 moves a week later (a holiday week between); never onto it-1's days.
    team.refused({"iteration", "set", "it-2", "start=2027-01-10"}, "2027-01-02", 1,
                 "it-2 would run 2027-01-10 to 2027-01-23, overlapping it-1 (2027-01-04 to "
                 "2027-01-17)");
    team.refused({"iteration", "set", "it-2", "capacity=-1"}, "2027-01-02", 2,
                 "capacity must be a number from 0 to 1000000000000000, not '-1'");
    team.refused({"iteration", "set", "it-2", "capacty=20"}, "2027-01-02", 2,
                 "did you mean 'capacity'");
    CHECK(team.ok({"iteration", "set", "it-2", "start=2027-01-25"}, "2027-01-02") ==
          "it-2: start 2027-01-18 -> 2027-01-25 (end 2027-02-07)\n");
    CHECK(entry(team.json()["iterations"], "it-2")["end"] == "2027-02-07");

    // Planning with a capacity for this iteration stores it.
    std::string plan =
        team.ok({"iteration", "plan", "it-1", "--capacity", "24", "--commit"}, "2027-01-02");
    CHECK(contains(plan, "it-1: capacity 30 -> 24\n"));
    CHECK(contains(plan, "Committed 2 assets (24 hours) to it-1\n"));
    file = team.json();
    CHECK(entry(file["iterations"], "it-1")["capacity"] == 24);
    CHECK(entry(file["iterations"], "it-1")["committed"] == json({"crm-web", "crm-app"}));

    // Started early (the team is keen); closing before day one is refused without --force.
    team.ok({"iteration", "start", "it-1"}, "2027-01-03");
    team.refused({"iteration", "close", "it-1"}, "2027-01-03", 1,
                 "it-1 starts on 2027-01-04, after today (2027-01-03)");
    team.refused({"iteration", "close", "it-1", "--dry-run"}, "2027-01-03", 1, "--force");
    team.refused({"iteration", "set", "it-1", "start=2027-01-05"}, "2027-01-03", 1,
                 "it-1 is active: its dates are fixed once it starts");
    team.refused({"iteration", "rm", "it-1"}, "2027-01-03", 1,
                 "it-1 is active; only a planned iteration can be removed");

    // A planned iteration goes away with its commitment, which the output names.
    team.ok({"iteration", "commit", "it-2", "crm-db"}, "2027-01-05");
    std::string before = team.text();
    CHECK(team.ok({"iteration", "rm", "it-2", "--dry-run"}, "2027-01-05") ==
          "Dry run, nothing written; without --dry-run:\n"
          "  Removed iteration it-2 (2027-01-25 to 2027-02-07)\n"
          "  Its commitment is dropped, back in the release backlog: crm-db\n");
    CHECK(team.text() == before);
    CHECK(team.ok({"iteration", "rm", "it-2"}, "2027-01-05") ==
          "Removed iteration it-2 (2027-01-25 to 2027-02-07)\n"
          "Its commitment is dropped, back in the release backlog: crm-db\n");
    CHECK(team.json()["iterations"].size() == 1);
    CHECK(team.ok({"validate"}, "2027-01-05") ==
          "backlog.json is valid: 1 workload, 4 assets, 1 iteration\n");

    // The end of it-1: a dry run first, then the close names what goes back.
    team.ok({"asset", "set", "crm-web", "status=replicated"}, "2027-01-12");
    before = team.text();
    CHECK(team.ok({"iteration", "close", "it-1", "--dry-run"}, "2027-01-18") ==
          "Dry run, nothing written; without --dry-run:\n"
          "  Closed it-1: 1 completed (16 hours); 1 unfinished back in the release backlog\n"
          "  Back in the release backlog: crm-app\n");
    CHECK(team.text() == before);
    CHECK(team.ok({"iteration", "close", "it-1"}, "2027-01-18") ==
          "Closed it-1: 1 completed (16 hours); 1 unfinished back in the release backlog\n"
          "Back in the release backlog: crm-app\n");
    CHECK(entry(team.json()["iterations"], "it-1")["state"] == "closed");
    team.refused({"iteration", "set", "it-1", "start=2027-03-01"}, "2027-01-18", 1,
                 "it-1 is closed: its dates are fixed");
}

TEST_CASE("an active iteration closes before its start only with --force",
          "[e2e][iteration-edit]") {
    Engagement team;
    set_up(team);
    team.ok({"iteration", "start", "it-1"}, "2027-01-02");
    CHECK(team.ok({"iteration", "close", "it-1", "--force"}, "2027-01-02") ==
          "Closed it-1: 0 completed (0 hours)\n");
    CHECK(entry(team.json()["iterations"], "it-1")["completed"] == json::array());
}

TEST_CASE("destructive commands take --dry-run and leave the file byte for byte",
          "[e2e][iteration-edit]") {
    Engagement team;
    set_up(team);
    team.ok({"asset", "set", "crm-app", "depends_on=crm-db"}, "2027-01-02");
    team.ok({"iteration", "commit", "it-1", "crm-db"}, "2027-01-02");
    const std::string before = team.text();

    CHECK(team.ok({"asset", "rm", "crm-db", "--force", "--dry-run"}, "2027-01-02") ==
          "Dry run, nothing written; without --dry-run:\n"
          "  Removed asset crm-db (dropped references: crm-app.depends_on, it-1.committed)\n");
    CHECK(team.ok({"workload", "rm", "crm", "--force", "--dry-run"}, "2027-01-02") ==
          "Dry run, nothing written; without --dry-run:\n"
          "  Removed workload crm (dropped references: crm-web.workload, crm-app.workload, "
          "crm-api.workload, crm-db.workload)\n");
    CHECK(team.ok({"release", "advance", "crm", "--to", "staging", "--force", "--reason", "CAB-1",
                   "--dry-run"},
                  "2027-01-02") ==
          "Dry run, nothing written; without --dry-run:\n"
          "  crm: stage planned -> staging on 2027-01-02 (via migrating) (forced past 4 "
          "blockers: CAB-1)\n");
    CHECK(team.text() == before);

    // A dry run refuses what the command would refuse, and says so the same way.
    team.refused({"asset", "rm", "crm-db", "--dry-run"}, "2027-01-02", 1, "--force");
    team.refused({"release", "advance", "crm", "--to", "staging", "--dry-run"}, "2027-01-02", 1,
                 "crm-web is not-started, not replicated");
    CHECK(team.text() == before);

    // Without --dry-run the same commands change the file as they said.
    team.ok({"asset", "rm", "crm-db", "--force"}, "2027-01-02");
    json file = team.json();
    CHECK(file["assets"].size() == 3);
    CHECK(entry(file["iterations"], "it-1")["committed"] == json::array());
}
