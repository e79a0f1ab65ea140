// Releases move the way teams move them: a workload starts migrating by itself when its work
// begins, goes from planned to staging when the gate holds, and steps back after a failed UAT
// without turning validate red. End to end over simulated days on a backlog made with init.
#include "support/engagement.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>

using namespace mbl::test;
using nlohmann::json;

namespace {

const json& workload(const json& file, const std::string& id) {
    for (const json& item : file["workloads"]) {
        if (item["id"] == id) {
            return item;
        }
    }
    throw std::runtime_error("no workload " + id);
}

json history_entry(const char* stage, const char* date, const char* reason) {
    return {{"stage", stage}, {"date", date}, {"reason", reason}, {"forced", false}};
}

} // namespace

TEST_CASE("a workload starts migrating by itself when its first asset starts",
          "[e2e][release-moves]") {
    Engagement team;
    team.ok({"init", "--start", "2027-01-04", "--capacity", "40"}, "2027-01-01");
    team.ok({"workload", "add", "crm"}, "2027-01-01");
    team.ok({"workload", "add", "erp"}, "2027-01-01");
    team.ok({"asset", "add", "crm-db", "--workload", "crm", "--estimate", "8"}, "2027-01-01");
    team.ok({"asset", "add", "crm-web", "--workload", "crm", "--estimate", "8"}, "2027-01-01");
    CHECK(workload(team.json(), "crm")["stage"] == "planned");

    // An estimate changes nothing; starting the first asset moves crm, recorded as automatic.
    CHECK(team.ok({"asset", "set", "crm-db", "estimate=6"}, "2027-01-04") ==
          "crm-db: estimate 8 -> 6\n");
    CHECK(team.ok({"asset", "set", "crm-db", "status=in-progress"}, "2027-01-05") ==
          "crm-db: status not-started -> in-progress\n"
          "crm: stage planned -> migrating on 2027-01-05, automatic: first asset started "
          "(crm-db)\n");
    json file = team.json();
    CHECK(workload(file, "crm")["stage"] == "migrating");
    CHECK(workload(file, "crm")["stage_history"] ==
          json::array({history_entry("migrating", "2027-01-05",
                                     "automatic: first asset started (crm-db)")}));
    // The second asset starting records nothing more.
    CHECK(team.ok({"asset", "set", "crm-web", "status=in-progress"}, "2027-01-06") ==
          "crm-web: status not-started -> in-progress\n");
    CHECK(workload(team.json(), "crm")["stage_history"].size() == 1);

    // An asset added already replicated starts its workload too.
    CHECK(team.ok({"asset", "add", "erp-app", "--workload", "erp", "--status", "replicated"},
                  "2027-01-07") ==
          "Added asset erp-app (other, workload erp)\n"
          "erp: stage planned -> migrating on 2027-01-07, automatic: first asset replicated "
          "(erp-app)\n");
    CHECK(workload(team.json(), "erp")["stage"] == "migrating");
    CHECK(team.ok({"validate"}, "2027-01-07") ==
          "backlog.json is valid: 2 workloads, 3 assets, 0 iterations\n");
}

TEST_CASE("release advance --to staging from planned passes migrating when the gate holds",
          "[e2e][release-moves]") {
    Engagement team;
    team.ok({"init"}, "2027-01-01");
    team.ok({"workload", "add", "hr"}, "2027-01-01");
    team.ok({"asset", "add", "hr-old", "--workload", "hr", "--strategy", "retire"}, "2027-01-01");
    team.ok({"asset", "add", "hr-app", "--workload", "hr", "--estimate", "4"}, "2027-01-01");
    team.refused({"release", "advance", "hr", "--to", "staging"}, "2027-01-02", 1,
                 "hr-app is not-started, not replicated");

    // hr-app is replicated the day it is marked; the workload started migrating then.
    team.ok({"asset", "set", "hr-app", "status=replicated"}, "2027-01-03");
    team.ok({"release", "advance", "hr", "--to", "planned", "--reason", "re-plan"}, "2027-01-04");
    CHECK(team.ok({"release", "advance", "hr", "--to", "staging"}, "2027-01-05") ==
          "hr: stage planned -> staging on 2027-01-05 (via migrating)\n");
    json history = workload(team.json(), "hr")["stage_history"];
    REQUIRE(history.size() == 4);
    CHECK(history[2] ==
          history_entry("migrating", "2027-01-05", "automatic: passed on the way to staging"));
    CHECK(history[3] == json({{"stage", "staging"}, {"date", "2027-01-05"}, {"forced", false}}));
    CHECK(team.run({"validate"}, "2027-01-05").exit_code == 0);

    // Skipping a stage with a gate is still refused.
    team.ok({"release", "advance", "hr", "--to", "planned", "--reason", "again"}, "2027-01-06");
    team.refused({"release", "advance", "hr", "--to", "uat"}, "2027-01-06", 1, "skips staging");
}

TEST_CASE("going back a stage after a failed UAT keeps validate clean", "[e2e][release-moves]") {
    Engagement team;
    team.ok({"init"}, "2027-01-01");
    team.ok({"workload", "add", "crm"}, "2027-01-01");
    team.ok({"asset", "add", "crm-db", "--workload", "crm", "--status", "replicated"},
            "2027-01-02");
    team.ok({"asset", "add", "crm-bus", "--workload", "crm", "--status", "in-progress"},
            "2027-01-02");
    // The bus moves after go-live: the team forces staging and uat, knowingly.
    team.ok({"release", "advance", "crm", "--force", "--reason", "bus after go-live (CHG-1)"},
            "2027-01-10");
    team.ok({"release", "advance", "crm", "--force", "--reason", "bus after go-live (CHG-2)"},
            "2027-01-12");
    RunResult clean = team.run({"validate"}, "2027-01-12");
    CHECK(clean.exit_code == 0);
    CHECK(contains(clean.out, "warning: workload crm was forced to stage uat on 2027-01-12"));

    // UAT fails: back to staging. An ordinary move, and the file stays as clean as it was.
    CHECK(team.ok({"release", "advance", "crm", "--to", "staging", "--reason", "UAT failed"},
                  "2027-01-14") ==
          "crm: stage uat -> staging on 2027-01-14 (reason: UAT failed)\n");
    RunResult after = team.run({"validate"}, "2027-01-14");
    CAPTURE(after);
    CHECK(after.exit_code == 0);
    CHECK(contains(after.out, "warning: workload crm was forced to stage uat on 2027-01-12 "
                              "(now at staging)"));
    CHECK_FALSE(contains(after.out, "error"));
}
