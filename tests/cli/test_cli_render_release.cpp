// The release renderers: what the next stage needs, the list's cells, the line of a move.
#include "cli/render_release.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace mbl;
using namespace mbl::cli;

namespace {

ReleaseReadiness readiness(Stage stage, std::vector<Blocker> blockers) {
    ReleaseReadiness release;
    release.workload_id = "crm";
    release.stage = stage;
    release.next = next_stage(stage);
    release.next_blockers = std::move(blockers);
    release.assets = 3;
    release.assets_done = 1;
    release.remaining.assets = 2;
    release.remaining.estimate = 0.1 + 0.2;
    return release;
}

} // namespace

TEST_CASE("next_step_text sums the blockers up by kind", "[render_release]") {
    CHECK(next_step_text(readiness(Stage::production, {})) == "released");
    CHECK(next_step_text(readiness(Stage::uat, {})) == "ready for production");
    CHECK(next_step_text(
              readiness(Stage::migrating, {{BlockerKind::asset_not_done, "a", "blocked"}})) ==
          "staging: 1 asset not replicated");
    CHECK(next_step_text(readiness(
              Stage::uat, {{BlockerKind::asset_not_done, "a", "blocked"},
                           {BlockerKind::asset_not_done, "b", "in-progress"},
                           {BlockerKind::dependency_not_in_production, "erp", "uat"},
                           {BlockerKind::dependency_not_in_production, "x", "unknown"}})) ==
          "production: 2 assets not replicated, 2 workloads not in production");
}

TEST_CASE("release_table: done, forecast and rounded cells", "[render_release]") {
    ReleaseReadiness pending = readiness(Stage::migrating, {});
    pending.forecast_85 = Date::parse("2027-03-14");
    ReleaseReadiness unknown = readiness(Stage::migrating, {});
    ReleaseReadiness done = readiness(Stage::staging, {});
    done.remaining = {};
    Table table = release_table({pending, unknown, done});
    REQUIRE(table.rows.size() == 3);
    CHECK(table.rows[0][2].text == "1/3");
    CHECK(table.rows[0][3].text == "0.3"); // no binary noise
    CHECK(table.rows[0][5].text == "ready for staging");
    CHECK(table.rows[0][5].tone == Tone::good);
    CHECK(table.rows[0][6].text == "2027-03-14");
    CHECK(table.rows[1][6].text == "-");
    CHECK(table.rows[2][6].text == "done");
}

TEST_CASE("stage_move_line: moved, forced, with a reason, or not at all", "[render_release]") {
    StageMove move;
    move.workload_id = "crm";
    move.from = Stage::uat;
    move.to = Stage::staging;
    CHECK(stage_move_line(move) == "crm is already at staging; nothing changed");

    StageChange entry;
    entry.stage = Stage::staging;
    entry.date = *Date::parse("2027-01-07");
    move.recorded = entry;
    CHECK(stage_move_line(move) == "crm: stage uat -> staging on 2027-01-07");
    move.recorded->reason = "UAT failed";
    CHECK(stage_move_line(move) == "crm: stage uat -> staging on 2027-01-07 (reason: UAT failed)");
    move.forced = {{BlockerKind::stage_skipped, "uat", ""},
                   {BlockerKind::asset_not_done, "a", "x"}};
    CHECK(stage_move_line(move) ==
          "crm: stage uat -> staging on 2027-01-07 (forced past 2 blockers: UAT failed)");
}
