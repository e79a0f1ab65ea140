// mbl export wbs in Markdown, CSV and JSON, end to end on the Contoso example: numbering, roll-ups,
// and text from the file made safe for spreadsheets and Markdown.
#include "support/backlog_json.hpp"
#include "support/refusal.hpp"
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace mbl::test;
using nlohmann::json;

namespace {

// Items in the Contoso WBS: the migration, 8 workloads, the group of 2 assets without a workload,
// 66 assets and their 21 tasks.
constexpr std::size_t contoso_items = 1 + 8 + 1 + 66 + 21;

} // namespace

TEST_CASE("export wbs: Markdown by default, one row per item", "[e2e][export]") {
    TempBacklog backlog("contoso");
    std::vector<std::string> lines = lines_of(run_ok(backlog, {"export", "wbs"}));
    REQUIRE(lines.size() == 6 + contoso_items);
    CHECK(lines[0] == "# Work breakdown structure: Contoso datacenter exit");
    CHECK(lines[4] == "| WBS | LEVEL | ID | NAME | STATUS | ESTIMATE | UNESTIMATED | ITERATION | "
                      "START | FINISH |");
    CHECK(lines[5] == "| --- | --- | --- | --- | --- | ---: | ---: | --- | --- | --- |");
    CHECK(lines[6] ==
          "| 1 | migration | | Contoso datacenter exit | | 1028 | 5 | | 2026-09-07 | 2026-12-13 |");
    CHECK(lines[7] == "| 1.1 | workload | shared-identity | Identity and shared services | "
                      "production | 136 | 0 | | 2026-09-07 | 2026-10-04 |");
    CHECK(lines[8] == "| 1.1.1 | asset | core-network | Hub virtual network and ExpressRoute | "
                      "replicated | 40 | 0 | it-1 | 2026-09-07 | 2026-09-20 |");
}

TEST_CASE("export wbs --format json rolls the file's estimates up", "[e2e][export]") {
    TempBacklog backlog("contoso");
    json wbs = json::parse(run_ok(backlog, {"export", "wbs", "--format", "json"}));
    json file = json::parse(backlog.original());
    CHECK(wbs["name"] == file["name"]);
    CHECK(wbs["unit"] == "hours");
    double total = 0;
    std::size_t assets = 0;
    for (const json& workload : wbs["workloads"]) {
        double sum = 0;
        for (const json& asset : workload["assets"]) {
            CHECK(asset["estimate"] ==
                  (asset_in(file, asset["id"])["estimate"].is_null() &&
                           asset_in(file, asset["id"])["tasks"].empty()
                       ? json(nullptr)
                       : json(effective_estimate_in(asset_in(file, asset["id"])))));
            sum += effective_estimate_in(asset_in(file, asset["id"]));
            ++assets;
        }
        CHECK(workload["estimate"] == sum);
        total += sum;
    }
    CHECK(assets == file["assets"].size());
    CHECK(wbs["estimate"] == total);
    CHECK(wbs["workloads"][2]["wbs"] == "1.3");
    CHECK(wbs["workloads"][2]["id"] == "crm");
    CHECK(wbs["workloads"].back()["id"] == nullptr);
    CHECK(wbs["workloads"].back()["name"] == "Assets without a workload");

    const json& web = wbs["workloads"][2]["assets"][4];
    CHECK(web["id"] == "crm-web-01");
    CHECK(web["iteration"] == "it-6");
    REQUIRE(web["tasks"].size() == 3);
    CHECK(web["tasks"][0]["wbs"] == "1.3.5.1");
    CHECK(web["tasks"][0]["start"] == "2026-11-16");
    CHECK(web["tasks"][0].contains("done"));
}

TEST_CASE("export wbs --format csv", "[e2e][export]") {
    TempBacklog backlog("contoso");
    std::vector<std::string> lines =
        lines_of(run_ok(backlog, {"export", "wbs", "--format", "csv"}));
    REQUIRE(lines.size() == 1 + contoso_items);
    CHECK(lines[0] == "wbs,level,id,name,status,estimate,unestimated,iteration,start,finish");
    CHECK(lines[1] == "1,migration,,Contoso datacenter exit,,1028,5,,2026-09-07,2026-12-13");
}

TEST_CASE("export wbs neutralises formulas in CSV and escapes Markdown", "[e2e][export]") {
    TempBacklog backlog("minimal");
    json file = json::parse(backlog.original());
    std::string workload = file["workloads"][0]["id"];
    std::string asset = file["assets"][0]["id"];
    run_ok(backlog, {"workload", "set", workload, "name==HYPERLINK(\"http://x\",\"y\")"});
    run_ok(backlog, {"asset", "set", asset, "name=a | *b* <img src=x> [l](u)\\"});

    std::string csv = run_ok(backlog, {"export", "wbs", "--format", "csv"});
    CHECK(contains(csv, ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","));
    std::string markdown = run_ok(backlog, {"export", "wbs"});
    CHECK(contains(markdown, "| a \\| \\*b\\* \\<img src=x\\> \\[l\\](u)\\\\ |"));
    CHECK(contains(markdown, "| =HYPERLINK(\"http\\://x\",\"y\") |"));
}

TEST_CASE("export refusals and help", "[e2e][export]") {
    TempBacklog backlog("contoso");
    require_refused(backlog, {"export", "wbs", "--format", "table"}, 2,
                    "--format table is not available for this command; use markdown, csv or json");
    RunResult bare = backlog.run({"export"});
    CHECK(bare.exit_code == 2);
    RunResult help = backlog.run({"export", "--help"});
    CHECK(help.exit_code == 0);
    CHECK(contains(help.out, "wbs"));
}
