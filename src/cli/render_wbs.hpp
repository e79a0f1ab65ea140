#pragma once
// The work breakdown structure (export wbs) as a table (for CSV and Markdown) and as JSON.

#include "cli/render_report_json.hpp"
#include "cli/render_table.hpp"
#include "mbl/release.hpp"

#include <ostream>

namespace mbl::cli {

// One row per item, depth first (the migration, each workload, its assets, each asset's tasks).
// Columns WBS, LEVEL (migration, workload, asset, task), ID, NAME, STATUS (a workload's stage, an
// asset's status, `done` or `open` for a task), ESTIMATE (rolled up, empty when unestimated),
// UNESTIMATED (empty for tasks), ITERATION, START, FINISH. CSV keys: wbs, level, id, name,
// status, estimate, unestimated, iteration, start, finish.
Table wbs_table(const WbsItem& migration);

// wbs_table as render_csv writes it, a row at a time as the tree is walked: the table is never
// held whole (at a million assets it would be larger than the backlog file).
void render_wbs_csv(std::ostream& out, const WbsItem& migration);
// The same of work_breakdown(backlog), a row at a time as for_each_wbs_item gives the items: the
// tree is never held either.
void render_wbs_csv(std::ostream& out, const Backlog& backlog);

// A `#` title naming the backlog, a line on the unit and where the dates come from, and
// wbs_table as a Markdown table.
void render_wbs_markdown(std::ostream& out, const Backlog& backlog, const WbsItem& migration);

// The tree with the file's keys: {"wbs", "name", "unit", "estimate", "unestimated", "start",
// "finish", "workloads": [{"wbs", "id", "name", "stage", …, "assets": [{"wbs", "id", "name",
// "status", "strategy", …, "iteration", "tasks": [{"wbs", "title", "estimate", "done", …}]}]}]};
// the group of assets without a workload has a null id and stage.
ReportJson wbs_json(const Backlog& backlog, const WbsItem& migration);

} // namespace mbl::cli
