// mbl release list/show in every format, end to end on the Contoso example (today 2026-11-25).
#include "support/backlog_json.hpp"
#include "support/refusal.hpp"
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>

using namespace mbl::test;
using nlohmann::json;

namespace {

// The 85% date of each release in `mbl forecast --format json`, by workload.
std::map<std::string, json> forecast_85_dates(const TempBacklog& backlog) {
    json forecast = json::parse(run_ok(backlog, {"forecast", "--format", "json"}));
    std::map<std::string, json> dates;
    for (const json& release : forecast["releases"]) {
        json date = nullptr;
        for (const json& at : release["percentiles"]) {
            if (at["percent"] == 85) {
                date = at["date"];
            }
        }
        dates[release["workload"].get<std::string>()] = date;
    }
    return dates;
}

} // namespace

TEST_CASE("release list: a row per workload in planning order", "[e2e][release]") {
    TempBacklog backlog("contoso");
    std::vector<std::string> lines = lines_of(run_ok(backlog, {"release", "list"}));
    REQUIRE(lines.size() == 12); // header, 8 workloads, a blank line, the two notes
    CHECK(lines[0] ==
          "WORKLOAD         STAGE       DONE  REMAINING  UNESTIMATED  NEXT              "
          "                85%");
    CHECK(lines[1] == "shared-identity  production   9/9          0            0  released        "
                      "                  done");
    CHECK(lines[3] == "crm              migrating    6/9         92            0  staging: 3 "
                      "assets not replicated  2026-12-27");
    CHECK(lines[6] == "data-warehouse   planned      1/7         92            2  ready for "
                      "migrating               2027-02-21");
    CHECK(lines[8] == "intranet         uat          6/6          0            0  ready for "
                      "production              done");
    CHECK(lines[10].rfind("DONE: assets replicated, retired or retained", 0) == 0);
    // file-services and erp-finance wait on blocked assets: their dates are conditional.
    CHECK(lines[2].rfind("file-services", 0) == 0);
    CHECK(lines[2].substr(lines[2].size() - 13) == " if unblocked");
    CHECK(lines[11].rfind("if unblocked: the release waits on blocked assets", 0) == 0);
}

TEST_CASE("release list --format json: the forecast's 85% dates, the next gate", "[e2e][release]") {
    TempBacklog backlog("contoso");
    json list = json::parse(run_ok(backlog, {"release", "list", "--format", "json"}));
    REQUIRE(list.size() == 8);
    std::map<std::string, json> dates = forecast_85_dates(backlog);
    for (const json& release : list) {
        CHECK(release["forecast_85"] == dates.at(release["id"].get<std::string>()));
    }
    const json& crm = list[2];
    CHECK(crm["id"] == "crm");
    CHECK(crm["stage"] == "migrating");
    CHECK(crm["depends_on"] == json::array({"shared-identity"}));
    CHECK(crm["assets_total"] == 9);
    CHECK(crm["assets_done"] == 6);
    CHECK(crm["remaining_estimate"] == 92);
    CHECK(crm["ready_for_staging"] == false);
    CHECK(crm["next_stage"] == "staging");
    REQUIRE(crm["blockers"].size() == 3);
    CHECK(crm["blockers"][0] == json{{"kind", "asset-not-done"},
                                     {"subject", "crm-web-01"},
                                     {"detail", "in-progress"},
                                     {"message", "crm-web-01 is in-progress, not replicated"}});
    CHECK(list[0]["next_stage"] == nullptr); // shared-identity, in production
    CHECK(list[0]["forecast_85"] == nullptr);
}

TEST_CASE("release list --format csv", "[e2e][release]") {
    TempBacklog backlog("contoso");
    std::vector<std::string> lines =
        lines_of(run_ok(backlog, {"release", "list", "--format", "csv"}));
    REQUIRE(lines.size() == 9);
    CHECK(lines[0] == "workload,stage,assets_done,remaining_estimate,unestimated,next,forecast_85");
    CHECK(lines[3] == "crm,migrating,6/9,92,0,staging: 3 assets not replicated,2026-12-27");
}

TEST_CASE("release show: the figures, then the backlog by status", "[e2e][release]") {
    TempBacklog backlog("contoso");
    std::vector<std::string> lines = lines_of(run_ok(backlog, {"release", "show", "crm"}));
    CHECK(lines[0] == "workload:     crm (CRM (Dynamics CRM 2016 on-premises))");
    CHECK(lines[2] == "next:         staging: 3 assets not replicated");
    CHECK(lines[3] == "  crm-web-01 is in-progress, not replicated");
    CHECK(lines[6] == "depends on:   shared-identity (production)");
    CHECK(lines[7] == "assets:       6 of 9 done (replicated, retire or retain)");
    CHECK(lines[9] == "forecast 85%: 2026-12-27");
    CHECK(lines[11] == "not-started (2 assets)");
    CHECK(lines[13].rfind("crm-reports-ssrs     CRM reporting server (SSRS)  vm     rehost    "
                          "it-7             12",
                          0) == 0);
    CHECK(lines[16] == "in-progress (1 asset)");
    CHECK(lines[20] == "replicated (5 assets)");
    CHECK(lines[28] == "retire or retain, nothing to migrate (1 asset)");

    // Dependencies not yet met, in other workloads too.
    std::string warehouse = run_ok(backlog, {"release", "show", "data-warehouse"});
    CHECK(contains(warehouse, "dw-sql-01 (not-started), erp-db-01 in erp-finance (in-progress)"));
    CHECK(contains(warehouse, "depends on:   crm (migrating), erp-finance (migrating)"));
}

TEST_CASE("release show --format json", "[e2e][release]") {
    TempBacklog backlog("contoso");
    json show =
        json::parse(run_ok(backlog, {"release", "show", "data-warehouse", "--format", "json"}));
    CHECK(show["id"] == "data-warehouse");
    CHECK(show["dependencies"] ==
          json::array({json{{"id", "crm"}, {"stage", "migrating"}},
                       json{{"id", "erp-finance"}, {"stage", "migrating"}}}));
    REQUIRE(show["assets"].size() == 7);
    const json& etl = show["assets"][1];
    CHECK(etl["id"] == "dw-etl-01");
    CHECK(etl["group"] == "not-started");
    CHECK(etl["estimate"] == nullptr);
    CHECK(etl["unmet_dependencies"] ==
          json::array(
              {json{{"id", "dw-sql-01"}, {"workload", nullptr}, {"status", "not-started"}},
               json{{"id", "erp-db-01"}, {"workload", "erp-finance"}, {"status", "in-progress"}}}));
    CHECK(show["assets"].back()["group"] == "no-migration");

    json crm = json::parse(run_ok(backlog, {"release", "show", "crm", "--format", "json"}));
    const json& web = crm["assets"][2];
    CHECK(web["id"] == "crm-web-01");
    CHECK(web["iteration"] == "it-6");
    CHECK(web["effective_estimate"] ==
          effective_estimate_in(asset_in(json::parse(backlog.text()), "crm-web-01")));
}

TEST_CASE("release list and show refusals", "[e2e][release]") {
    TempBacklog backlog("contoso");
    require_refused(backlog, {"release", "show", "warehouse"}, 3, "unknown workload 'warehouse'");
    require_refused(backlog, {"release", "show", "crm", "--format", "csv"}, 2,
                    "--format csv is not available for this command; use table or json");
    require_refused(backlog, {"release", "advance", "crm", "--format", "json"}, 2,
                    "this command has no --format choice");
}

TEST_CASE("release list of a backlog without workloads", "[e2e][release]") {
    TempBacklog backlog = TempBacklog::with_text("{\"format\": \"mbl/1\", \"name\": \"Empty\"}\n");
    CHECK(run_ok(backlog, {"release", "list"}) ==
          "No workloads yet; add one with 'mbl workload add'.\n");
    CHECK(run_ok(backlog, {"release", "list", "--format", "json"}) == "[]\n");
}
