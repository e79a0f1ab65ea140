#pragma once
// What `mbl report` says, before any format: the tables and sentences of the progress report,
// built once from a ProgressReport so the Markdown and the HTML pages say the same thing. Plain
// text from the file, not escaped: each renderer escapes for its format.

#include "cli/render_table.hpp"
#include "mbl/progress_report.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace mbl::cli {

// Problems listed in full before `… and N more`.
inline constexpr std::size_t problems_shown = 10;

// Status, assets, estimate and unestimated per release group (the statuses, then
// `retire/retain`, which need no migration whatever their status), then `total`.
Table status_totals_table(const ProgressReport& report);

// The report's first sentence, from the same counts as status and forecast (measure_progress):
// `12 of 31 assets done (19 left: 480 hours, 3 unestimated), 3 blocked; next release crm: 85%
// likely by 2027-03-14.`
std::string headline(const ProgressReport& report, std::string_view unit);

// What needs attention, as `status` lists it (over-commitment, unestimated or blocked committed
// assets, a stale iteration …), then `Blocked (N): a, b` for every blocked asset still to
// migrate; empty when nothing does.
std::vector<std::string> attention_lines(const ProgressReport& report);

// `it-6 (Iteration 6): 2026-11-16 to 2026-11-29, day 10 of 14` (or `starts in 3 days`, `ended 2
// days ago`); empty without an active iteration.
std::string active_iteration_line(const ProgressReport& report);

// Capacity, committed, done (with its share), remaining (committed − done) of the active
// iteration, each `name: 96 hours`.
std::vector<std::string> active_iteration_figures(const ProgressReport& report,
                                                  std::string_view unit);

// `5 closed iterations: average 92 hours per iteration, spread 9.2 (standard deviation), min 76,
// max 104`; says so when there is none.
std::string velocity_line(const ProgressReport& report, std::string_view unit);

// Iteration, name, end, committed and completed per closed iteration, by end date.
Table velocity_table(const ProgressReport& report);

// Workload, name, stage, done (`3/9`), next stage, blockers (how many), 85% date per release, in
// planning order.
Table readiness_table(const ProgressReport& report);

// `10000 trials, seed 1; iterations of 14 days from …. ` then forecast_basis (how many closed
// iterations, how confident) and a conditional_note per release with blocked assets.
std::string forecast_line(const ProgressReport& report, std::string_view unit);

// Release (then `all`), remaining estimate, assets left, unestimated, 50/85/95% dates (`done`
// when nothing is left, `-` beyond the horizon).
Table forecast_table(const ProgressReport& report);

// `2 errors, 1 warning` or `none: the file is valid`.
std::string problems_line(const ProgressReport& report);

// Place (`backlog.json:12:7`, or the JSON pointer when the line is unknown), severity, code and
// message of the first `problems_shown` problems.
Table problems_table(const ProgressReport& report, std::string_view file_label);

// The ids of the workloads ready for staging (status.hpp), comma-separated; empty for none.
std::string ready_for_staging_line(const ProgressReport& report);

} // namespace mbl::cli
