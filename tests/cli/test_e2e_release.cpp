// mbl release list/show/advance, end to end on a copy of the Contoso example (today 2026-11-25):
// crm walks from migrating to production through a refused gate, a forced one and a step back;
// the readiness warning of `asset set`; the listings in every format.
#include "support/backlog_json.hpp"
#include "support/refusal.hpp"
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace mbl::test;
using nlohmann::json;

namespace {

json history_entry(const char* stage, const char* date, const char* reason, bool forced) {
    json entry{{"stage", stage}, {"date", date}};
    if (reason) {
        entry["reason"] = reason;
    }
    entry["forced"] = forced;
    return entry;
}

} // namespace

TEST_CASE("crm from migrating to production: refused, forced, stepped back, released",
          "[e2e][release]") {
    TempBacklog backlog("contoso");
    json before = json::parse(backlog.original());

    // The staging gate: three assets of crm are not replicated.
    require_refused(backlog, {"release", "advance", "crm"}, 1,
                    "cannot move workload crm from migrating to staging: 3 blockers");
    RunResult refused = backlog.run({"release", "advance", "crm"});
    CHECK(lines_of(refused.err) ==
          std::vector<std::string>{
              "mbl: error: cannot move workload crm from migrating to staging: 3 blockers",
              "  crm-web-01 is in-progress, not replicated",
              "  crm-reports-ssrs is not-started, not replicated",
              "  crm-integration-bus is not-started, not replicated",
              "replicate the assets (or mark them retire/retain), or pass --force --reason TEXT "
              "to move it anyway (recorded in its stage_history)"});

    run_ok(backlog, {"asset", "set", "crm-web-01", "status=replicated"});
    // Committed to the planned it-7, done now during it-6: saved, with a warning that it counts
    // in neither (docs/forecasting.md).
    RunResult early = backlog.run({"asset", "set", "crm-reports-ssrs", "status=replicated"});
    CHECK(early.exit_code == 0);
    CHECK(contains(early.err, "it will not count in it-7"));

    // Forced past the last asset, with the reason recorded; validate only warns about it.
    const char* reason = "integration bus moves after go-live (CHG-2211)";
    CHECK(run_ok(backlog, {"release", "advance", "crm", "--force", "--reason", reason}) ==
          "crm: stage migrating -> staging on 2026-11-25 (forced past 1 blocker: " +
              std::string(reason) + ")\n");
    json file = json::parse(backlog.text());
    CHECK(workload_in(file, "crm")["stage"] == "staging");
    CHECK(workload_in(file, "crm")["stage_history"].back() ==
          history_entry("staging", "2026-11-25", reason, true));
    RunResult validated = backlog.run({"validate"});
    CHECK(validated.exit_code == 0);
    CHECK(contains(validated.out, "warning: workload crm was forced to stage staging"));

    // Still blocked into uat while the bus is not replicated; then it is.
    require_refused(backlog, {"release", "advance", "crm"}, 1,
                    "crm-integration-bus is not-started, not replicated");
    run_ok(backlog, {"asset", "set", "crm-integration-bus", "status=replicated"});
    CHECK(run_ok(backlog, {"release", "advance", "crm", "--today", "2026-12-01"}) ==
          "crm: stage staging -> uat on 2026-12-01\n");

    // UAT failed: back to staging, with the reason; then forward again, one stage at a time.
    CHECK(run_ok(backlog, {"release", "advance", "crm", "--to", "staging", "--reason",
                           "UAT failed: SSO loop", "--today", "2026-12-03"}) ==
          "crm: stage uat -> staging on 2026-12-03 (reason: UAT failed: SSO loop)\n");
    require_refused(backlog, {"release", "advance", "crm", "--to", "production"}, 1, "skips uat");
    run_ok(backlog, {"release", "advance", "crm", "--today", "2026-12-08"});
    CHECK(run_ok(backlog, {"release", "advance", "crm", "--today", "2026-12-10"}) ==
          "crm: stage uat -> production on 2026-12-10\n");

    file = json::parse(backlog.text());
    json history = workload_in(before, "crm")["stage_history"];
    history.push_back(history_entry("staging", "2026-11-25", reason, true));
    history.push_back(history_entry("uat", "2026-12-01", nullptr, false));
    history.push_back(history_entry("staging", "2026-12-03", "UAT failed: SSO loop", false));
    history.push_back(history_entry("uat", "2026-12-08", nullptr, false));
    history.push_back(history_entry("production", "2026-12-10", nullptr, false));
    CHECK(workload_in(file, "crm")["stage"] == "production");
    CHECK(workload_in(file, "crm")["stage_history"] == history);
    CHECK(file["workloads"].size() == before["workloads"].size());
    for (const json& workload : before["workloads"]) {
        if (workload["id"] != "crm") {
            CHECK(workload_in(file, workload["id"]) == workload);
        }
    }
    CHECK(backlog.run({"validate"}).exit_code == 0);
    CHECK(backlog.run({"fmt", "--check"}).exit_code == 0);
    std::string shown = run_ok(backlog, {"workload", "show", "crm"});
    CHECK(contains(shown, "2026-11-25  staging (forced: " + std::string(reason) + ")\n"));
    CHECK(contains(shown, "2026-12-03  staging (UAT failed: SSO loop)\n"));
    CHECK(contains(shown, "2026-12-10  production\n"));

    // At the last stage, advance needs --to.
    require_refused(backlog, {"release", "advance", "crm"}, 2, "the last stage");
}

TEST_CASE("release advance refuses what it cannot do, leaving the file", "[e2e][release]") {
    TempBacklog backlog("contoso");
    require_refused(backlog, {"release", "advance", "crm", "--force"}, 2,
                    "--force needs --reason TEXT");
    require_refused(backlog, {"release", "advance", "crm", "--force", "--reason", " "}, 2,
                    "--reason must not be empty");
    require_refused(backlog, {"release", "advance", "crn"}, 3,
                    "unknown workload 'crn'; did you mean 'crm'?");
    require_refused(backlog, {"release", "advance", "crm", "--to", "prod"}, 2,
                    "invalid stage 'prod'");
    // data-warehouse (planned) depends on crm and erp-finance, both migrating.
    require_refused(backlog, {"release", "advance", "data-warehouse", "--to", "production"}, 1,
                    "  crm is at migrating, not production\n  erp-finance is at migrating, not "
                    "production\n");
    // The stage of a workload changes only here.
    require_refused(backlog, {"workload", "set", "crm", "stage=uat"}, 2,
                    "use 'mbl release advance crm --to STAGE'");
}

TEST_CASE("release advance to the stage it is at changes nothing", "[e2e][release]") {
    TempBacklog backlog("contoso");
    CHECK(run_ok(backlog, {"release", "advance", "intranet", "--to", "uat"}) ==
          "intranet is already at uat; nothing changed\n");
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE("leaving production warns about the workloads still there that depend on it",
          "[e2e][release]") {
    TempBacklog backlog("contoso");
    run_ok(backlog, {"release", "advance", "intranet"}); // uat -> production
    RunResult result = backlog.run(
        {"release", "advance", "shared-identity", "--to", "uat", "--reason", "DC rebuild"});
    CHECK(result.exit_code == 0);
    CHECK(result.out == "shared-identity: stage production -> uat on 2026-11-25 (reason: DC "
                        "rebuild)\n");
    CHECK(result.err ==
          "mbl: warning: intranet is in production but depends on shared-identity, now at uat\n");
}

TEST_CASE("an asset leaving replicated in a release past migrating warns", "[e2e][release]") {
    TempBacklog backlog("contoso");
    RunResult result = backlog.run({"asset", "set", "sp-web-01", "status=in-progress"});
    CAPTURE(result);
    CHECK(result.exit_code == 0);
    CHECK(result.out == "sp-web-01: status replicated -> in-progress (replicated_on cleared)\n");
    CHECK(result.err ==
          "mbl: warning: workload intranet is at stage uat but its release is no longer ready: "
          "sp-web-01 is not replicated; replicate it again, or move the workload back with 'mbl "
          "release advance intranet --to migrating'\n");
    CHECK(asset_in(json::parse(backlog.text()), "sp-web-01")["status"] == "in-progress");

    // Adding an asset that is not replicated to a released workload warns the same way.
    RunResult added =
        backlog.run({"asset", "add", "hr-new-01", "--workload", "hr-portal", "--estimate", "4"});
    CHECK(added.exit_code == 0);
    CHECK(contains(added.err, "workload hr-portal is at stage staging but its release is no "
                              "longer ready: hr-new-01 is not replicated"));
    // A change in a workload still migrating draws no warning.
    RunResult quiet = backlog.run({"asset", "set", "crm-sql-01", "status=in-progress"});
    CHECK(quiet.exit_code == 0);
    CHECK(quiet.err.empty());
}
