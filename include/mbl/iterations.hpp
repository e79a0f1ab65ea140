#pragma once
// The life of an iteration (a time box): adding the next one, editing its commitment, starting
// and closing it; and the tasks of an asset (the detailed work of an iteration backlog).
// Pure functions of a Backlog and an explicit `today`. Each refuses with mbl::Error and leaves
// the backlog unchanged when it does: ExitStatus::input for an unknown id (with a suggestion),
// ExitStatus::usage for a malformed value, ExitStatus::check_failed when a rule refuses the change
// (the message lists every reason).

#include "mbl/date.hpp"
#include "mbl/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mbl {

// The iteration with `id`, or Error(input) with a suggestion.
Iteration& require_iteration(Backlog& backlog, std::string_view id);
const Iteration& require_iteration(const Backlog& backlog, std::string_view id);

// The first day of the next iteration: the day after the latest iteration ends, else
// `settings.first_iteration_start`, else `today`.
Date next_iteration_start(const Backlog& backlog, Date today);

struct NewIteration {
    std::optional<Date> start;       // default: next_iteration_start; may only be later
    double capacity = 0;             // the caller passes the planning capacity by default
    std::optional<std::string> name; // default: "Iteration N"
};

// Appends the next time box: id `it-N` (N one more than the highest it-N in the file), lasting
// `settings.iteration_length_days`, state planned. Refuses a start before next_iteration_start
// (it would overlap or shorten the previous iteration) and a negative capacity.
Iteration& add_iteration(Backlog& backlog, const NewIteration& request, Date today);

// The open iteration (planned or active, not `except`) that commits `asset_id`, if any.
const Iteration* open_iteration_committing(const Backlog& backlog, std::string_view asset_id,
                                           std::string_view except = {});

// Adds assets to an open iteration's commitment, all or nothing. Refuses (check_failed, one line
// per asset with its reason): unknown ids (input), replicated assets, retire/retain assets (no
// migration needed), assets committed to another open iteration, a closed iteration. Assets
// already committed here are skipped. Returns the ids added.
std::vector<std::string> commit_assets(Backlog& backlog, std::string_view iteration_id,
                                       const std::vector<std::string>& asset_ids);

// Removes assets from an open iteration's commitment, all or nothing (an asset not committed to
// it is refused). Returns the ids removed.
std::vector<std::string> uncommit_assets(Backlog& backlog, std::string_view iteration_id,
                                         const std::vector<std::string>& asset_ids);

// Makes a planned iteration active and records `committed_at_start`. Refuses while another
// iteration is active, and an iteration that is not planned.
void start_iteration(Backlog& backlog, std::string_view iteration_id);

struct CloseReport {
    std::vector<std::string> completed;    // replicated within the iteration's dates
    double completed_estimate = 0;         // their effective estimates now
    std::vector<std::string> unfinished;   // committed but not completed
    std::optional<std::string> carried_to; // the iteration they were committed to, with carry-over
};

// Closes an active (or planned) iteration: records `completed` (committed assets whose
// replicated_on lies within start..end) and `completed_estimate` (the sum of their effective
// estimates), sets state closed. Unfinished assets go back to their release backlog, or, with
// `carry_over`, are committed to the next planned iteration (created with add_iteration and
// `carry_capacity` when there is none).
CloseReport close_iteration(Backlog& backlog, std::string_view iteration_id, bool carry_over,
                            double carry_capacity, Date today);

// Fills an asset's tasks from `settings.task_templates` for its kind: one task per template
// entry, estimate = percent of the asset's effective estimate (rounded to two decimals), not
// done. Refuses (check_failed) when there is no template for the kind, the asset has no
// estimate, or it already has tasks (unless `replace`). Returns the number of tasks.
std::size_t fill_tasks_from_template(Backlog& backlog, Asset& asset, bool replace);

// Marks task `number` (1-based, as listed) done or not done. Refuses (usage) a number out of range.
// Returns a one-line description (`task 2 "Replicate": done`).
std::string set_task_done(Asset& asset, std::size_t number, bool done);

} // namespace mbl
