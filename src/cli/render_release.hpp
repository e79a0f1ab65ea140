#pragma once
// Releases as rows, `show` fields and JSON documents (release list/show), and the lines of
// `release advance`. Builds the shapes of render_table.hpp from release.hpp's results.

#include "cli/render_report_json.hpp"
#include "cli/render_table.hpp"
#include "mbl/release.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace mbl::cli {

// What the next stage needs: `ready for staging`, `staging: 3 assets not replicated`,
// `production: 1 workload not in production`, `released` at production.
std::string next_step_text(const ReleaseReadiness& release);

// Columns WORKLOAD, STAGE, DONE (`7/9`), REMAINING, UNESTIMATED, NEXT (next_step_text), 85%
// (the forecast date, `2027-03-14 if unblocked` when the release waits on blocked assets, `done`
// when nothing remains, `-` when it cannot be said). CSV keys:
// workload, stage, assets_done, remaining_estimate, unestimated, next, forecast_85.
Table release_table(const std::vector<ReleaseReadiness>& releases);

// The release's figures as fields, then its backlog group by group (a heading and a table with
// ID, NAME, KIND, STRATEGY, ITERATION, ESTIMATE, WAITING ON), empty groups left out.
void render_release_show(std::ostream& out, const Backlog& backlog, const ReleaseBacklog& release,
                         bool color);

// [{"id", "name", "priority", "stage", "depends_on", "assets_total", "assets_done",
// "remaining_estimate", "unestimated", "ready_for_staging", "next_stage", "blockers":
// [{"kind", "subject", "detail", "message"}], "forecast_85", "forecast_conditional",
// "blocked_assets"}], in the order given (forecast_conditional: forecast_85 holds only if the
// blocked_assets are unblocked).
ReportJson release_list_json(const Backlog& backlog, const std::vector<ReleaseReadiness>& releases);

// One entry of release_list_json, then "dependencies": [{"id", "stage"}] and "assets": the
// release backlog in group order, each {"id", "name", "kind", "strategy", "status", "estimate",
// "effective_estimate", "iteration", "group", "unmet_dependencies": [{"id", "workload",
// "status"}]}.
ReportJson release_show_json(const Backlog& backlog, const ReleaseBacklog& release);

// `crm: stage migrating -> staging on 2026-11-25`, with ` (forced past 2 blockers: <reason>)`
// or ` (reason: <reason>)` when there is one; `crm is already at staging; nothing changed` when
// it did not move.
std::string stage_move_line(const StageMove& move);

// `crm: stage planned -> migrating on 2027-01-05, automatic: first asset started (crm-sql-01)`.
std::string automatic_move_line(const AutomaticStageMove& move);

} // namespace mbl::cli
