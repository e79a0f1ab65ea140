// Work replicated late counts where it happened: a late update, its correction with
// `iteration reopen`, carry-over, and the warnings for a replicated_on that counts nowhere
// (docs/forecasting.md, "When work counts").
#include "forecast_engagement.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace mbl::test;
using namespace mbl::test::engagement;
using nlohmann::json;

TEST_CASE("late update: replicated the morning after the end, corrected, reopened",
          "[e2e][iteration][scenario]") {
    Engagement team;
    start_engagement(team);
    team.ok({"iteration", "add"}, "2027-01-04");
    team.ok({"iteration", "commit", "it-1", "crm-1", "crm-2"}, "2027-01-04");
    team.ok({"iteration", "start", "it-1"}, "2027-01-04");
    team.ok({"asset", "set", "crm-1", "status=replicated"}, "2027-01-17");

    // The morning after it-1 ended: recorded as the 18th, which counts in no iteration.
    RunResult late = team.run({"asset", "set", "crm-2", "status=replicated"}, "2027-01-18");
    INFO(late);
    CHECK(late.exit_code == 0);
    CHECK(contains(late.out, "crm-2: status not-started -> replicated"));
    CHECK(contains(late.err, "mbl: warning: crm-2 is committed to it-1, which ended 2027-01-17, "
                             "but is replicated on 2027-01-18: it will not count in it-1"));
    CHECK(contains(late.err, "crm-2 is replicated on 2027-01-18, outside every iteration"));

    // Closing (a day later still) counts what was replicated by the end: crm-1 only.
    team.ok({"iteration", "close", "it-1"}, "2027-01-19");
    json velocity = team.json_of({"velocity"}, "2027-01-19");
    REQUIRE(velocity["iterations"].size() == 1);
    CHECK(velocity["iterations"][0]["completed_estimate"] == 10);
    CHECK(velocity["iterations"][0]["assets_migrated"] == 1);
    json burndown = team.json_of({"burndown", "it-1"}, "2027-01-19");
    CHECK(burndown["days"].back()["remaining"] == 10); // burndown agrees with the close

    // It was done on the 17th: correct the day. The closed iteration keeps its record…
    team.ok({"asset", "set", "crm-2", "replicated_on=2027-01-17"}, "2027-01-19");
    CHECK(team.json_of({"velocity"}, "2027-01-19")["average"] == 10);
    CHECK(team.json_of({"burndown", "it-1"}, "2027-01-19")["days"].back()["remaining"] == 10);
    // …until it is reopened and closed again.
    CHECK(team.ok({"iteration", "reopen", "it-1"}, "2027-01-19") ==
          "Reopened it-1: active again; what it completed is recomputed when it closes\n");
    json reopened = json::parse(read_file(team.file()));
    CHECK(reopened["iterations"][0]["state"] == "active");
    CHECK_FALSE(reopened["iterations"][0].contains("completed"));
    team.ok({"iteration", "close", "it-1"}, "2027-01-20");
    velocity = team.json_of({"velocity"}, "2027-01-20");
    CHECK(velocity["iterations"][0]["completed_estimate"] == 20);
    CHECK(team.json_of({"burndown", "it-1"}, "2027-01-20")["days"].back()["remaining"] == 0);
    CHECK(velocity["iterations"][0]["assets_migrated"] == 2);
    CHECK(team.json_of({"forecast"}, "2027-01-20")["samples"] == json::array({20}));
    CHECK(team.run({"validate"}, "2027-01-20").exit_code == 0);
}

TEST_CASE("late update with carry-over counts in the next iteration",
          "[e2e][iteration][scenario]") {
    Engagement team;
    start_engagement(team);
    team.ok({"iteration", "add"}, "2027-01-04");
    team.ok({"iteration", "add"}, "2027-01-04"); // it-2, planned: 2027-01-18 to 31
    team.ok({"iteration", "commit", "it-1", "crm-1", "crm-2"}, "2027-01-04");
    team.ok({"iteration", "start", "it-1"}, "2027-01-04");
    team.ok({"asset", "set", "crm-1", "status=replicated"}, "2027-01-15");
    // Really finished on the 18th, inside it-2: only the committed iteration's end is named.
    RunResult late = team.run({"asset", "set", "crm-2", "status=replicated"}, "2027-01-18");
    CHECK(late.exit_code == 0);
    CHECK(contains(late.err, "it will not count in it-1"));
    CHECK_FALSE(contains(late.err, "outside every iteration"));

    team.ok({"iteration", "close", "it-1", "--carry-over"}, "2027-01-19");
    json file = json::parse(read_file(team.file()));
    CHECK(file["iterations"][1]["committed"] == json::array({"crm-2"}));
    team.ok({"iteration", "start", "it-2"}, "2027-01-19");
    team.ok({"iteration", "close", "it-2"}, "2027-02-01");
    json velocity = team.json_of({"velocity"}, "2027-02-01");
    REQUIRE(velocity["iterations"].size() == 2);
    CHECK(velocity["iterations"][0]["completed_estimate"] == 10);
    CHECK(velocity["iterations"][1]["completed_estimate"] == 10); // crm-2, where it happened
    CHECK(velocity["average"] == 10);
}

TEST_CASE("a replication dated outside every iteration warns and still saves",
          "[e2e][iteration][scenario]") {
    Engagement team;
    start_engagement(team);
    team.ok({"iteration", "add"}, "2027-01-04"); // it-1: 2027-01-04 to 17
    RunResult before = team.run({"asset", "set", "erp-1", "status=replicated"}, "2027-01-03");
    INFO(before);
    CHECK(before.exit_code == 0);
    CHECK(before.err == "mbl: warning: erp-1 is replicated on 2027-01-03, outside every "
                        "iteration: its work counts in no iteration's velocity; correct it with "
                        "'mbl asset set erp-1 replicated_on=YYYY-MM-DD' if it was done in one\n");
    CHECK(json::parse(read_file(team.file()))["assets"][6]["replicated_on"] == "2027-01-03");
    // Moved into it-1's dates: nothing to warn about.
    CHECK(team.run({"asset", "set", "erp-1", "replicated_on=2027-01-05"}, "2027-01-05").err == "");
    // Added already replicated, on a day after every iteration.
    RunResult added = team.run({"asset", "add", "erp-4", "--status", "replicated"}, "2027-02-20");
    CHECK(added.exit_code == 0);
    CHECK(contains(added.err, "erp-4 is replicated on 2027-02-20, outside every iteration"));
    // A reopen while another iteration is active is refused, naming it.
    team.ok({"iteration", "start", "it-1"}, "2027-01-05");
    RunResult refused = team.run({"iteration", "reopen", "it-1"}, "2027-01-05");
    CHECK(refused.exit_code == 1);
    CHECK(contains(refused.err, "it-1 is active; only a closed iteration can be reopened"));
}
