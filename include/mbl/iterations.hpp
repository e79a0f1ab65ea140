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
    std::optional<Date> start;       // default: next_iteration_start; never earlier (see below)
    double capacity = 0;             // the caller passes the planning capacity by default
    std::optional<std::string> name; // default: "Iteration N"
};

// Appends the next time box: id `it-N` (N one more than the highest it-N in the file, other ids
// ignored), name `Iteration N` by default, lasting `settings.iteration_length_days`, state
// planned. A later start than next_iteration_start leaves a gap, which is fine; an earlier one is
// refused (check_failed: it would overlap or shorten the iteration that ends last) unless the
// file has no iteration yet. Refuses a negative capacity or an empty name (usage) and an
// iteration_length_days below 1 (input: the file's setting is wrong).
Iteration& add_iteration(Backlog& backlog, const NewIteration& request, Date today);

// The open iteration (planned or active, not `except`) that commits `asset_id`, if any.
const Iteration* open_iteration_committing(const Backlog& backlog, std::string_view asset_id,
                                           std::string_view except = {});

// Adds assets to an open iteration's commitment, all or nothing. Refuses (check_failed, one line
// per asset with its reason): unknown ids (input), replicated assets, retire/retain assets (no
// migration needed), assets committed to another open iteration, a closed iteration. Assets
// already committed here are skipped, an id given twice counts once. Returns the ids added, in
// argument order. Linear in the assets plus the ids committed to open iterations. With `today`,
// an asset added to an active iteration records it as `committed_on` (the day the burndown's
// scope grows).
std::vector<std::string> commit_assets(Backlog& backlog, std::string_view iteration_id,
                                       const std::vector<std::string>& asset_ids,
                                       std::optional<Date> today = std::nullopt);

// Removes assets from an open iteration's commitment, all or nothing (an asset not committed to
// it is refused, check_failed; a closed iteration too). An id still committed here is removed
// even when no asset has it any more. Returns the ids removed, in argument order.
std::vector<std::string> uncommit_assets(Backlog& backlog, std::string_view iteration_id,
                                         const std::vector<std::string>& asset_ids);

// Makes a planned iteration active and records `committed_at_start` (a copy of `committed`).
// Refuses (check_failed) an iteration that is not planned, and while another one is active
// (naming it).
void start_iteration(Backlog& backlog, std::string_view iteration_id);

struct CloseReport {
    std::vector<std::string> completed;  // replicated within the iteration's dates
    double completed_estimate = 0;       // their effective estimates now
    std::vector<std::string> unfinished; // committed but not completed, in committed order
    // With carry-over: the unfinished assets that still need migration (not replicated, not
    // retire/retain), now committed to `carried_to`. Empty without carry-over.
    std::vector<std::string> carried;
    std::optional<std::string> carried_to; // set when `carried` is not empty
};

// Closes an active (or planned) iteration: records `completed` (committed assets, each once, in
// committed order, that are replicated with a replicated_on within start..end, both included)
// and `completed_estimate` (the sum of their effective estimates, none counting 0, rounded to
// millionths so binary fractions leave no noise like 0.30000000000000004), sets state
// closed; `committed` and `committed_at_start` stay as they are (a planned iteration closed
// without starting gets no committed_at_start). Unfinished assets go back to their release
// backlog, or, with `carry_over`, those still needing migration are committed to the first
// planned iteration that starts after this one (created with add_iteration, default start and
// `carry_capacity`, when there is none; only when there is something to carry). Refuses
// (check_failed) a closed iteration, and what add_iteration refuses.
CloseReport close_iteration(Backlog& backlog, std::string_view iteration_id, bool carry_over,
                            double carry_capacity, Date today);

// Fills an asset's tasks from `settings.task_templates` for its kind: one task per template
// entry, estimate = percent of the asset's effective estimate (rounded to two decimals), not
// done. When the percents add up to 100, the last task takes what rounding left over, so the
// tasks add up to that estimate exactly; the asset's own `estimate` is left as it was. Refuses
// (check_failed, listing every reason) when there is no template (or an empty one) for the kind,
// the asset has no effective estimate, or it already has tasks (unless `replace`). Returns the
// number of tasks.
std::size_t fill_tasks_from_template(Backlog& backlog, Asset& asset, bool replace);

// Marks task `number` (1-based, as listed) done or not done. Refuses (usage) a number out of
// range, naming the valid range (or saying the asset has no tasks).
// Returns a one-line description (`task 2 "Replicate": done`).
std::string set_task_done(Asset& asset, std::size_t number, bool done);

} // namespace mbl
