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
    // Of the unfinished, those replicated after the end (a late update): carried with carry-over
    // like unfinished work, so they count in the iteration whose dates hold their replicated_on.
    std::vector<std::string> late;
    // With carry-over: the unfinished assets that still need migration (not replicated, not
    // retire/retain) and the late ones, now committed to `carried_to`. Empty without carry-over.
    std::vector<std::string> carried;
    std::optional<std::string> carried_to; // set when `carried` is not empty
};

// Closes an active (or planned) iteration: records `completed` (committed assets, each once, in
// committed order, that are replicated with a replicated_on within start..end, both included:
// the commitment and the day of replication decide, not the day of the close)
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

// The task templates `mbl init` writes into `settings.task_templates`: one per asset kind, in
// the kinds' order, each the usual steps of moving such an asset (for a vm: assess, replicate,
// test, cut over, decommission the source), with percents adding up to 100.
std::vector<KindTemplate> default_task_templates();

struct ReopenReport {
    // Assets of its commitment that were also committed to a planned iteration (carried there at
    // the close), taken back from it, in committed order, with the iteration they left.
    std::vector<std::string> taken_back;
    std::optional<std::string> taken_from; // the first iteration they left, when any
};

// Makes a closed iteration active again, so that closing it later recomputes `completed` and
// `completed_estimate` (for example after correcting a replicated_on): clears both, keeps
// `committed` and `committed_at_start`. Its committed assets that are committed to a planned
// iteration are taken back from it (no asset is committed to two open iterations; closing with
// carry-over carries them again). Refuses (check_failed) an iteration that is not closed, and
// while another iteration is active (naming it: at most one is active).
ReopenReport reopen_iteration(Backlog& backlog, std::string_view iteration_id);

// Warnings about the replicated_on of `asset` (replicated, with a replicated_on; else none):
// the day is outside every iteration (its work counts in no velocity; none when the file has no
// iteration), or before the start or after the end of an open iteration that commits it (it will
// not count there). Each names the asset and the day and says what to do.
std::vector<std::string> replication_date_warnings(const Backlog& backlog, const Asset& asset);

// Fills an asset's tasks from `settings.task_templates` for its kind: one task per template
// entry, estimate = percent of the asset's effective estimate (rounded to two decimals), not
// done. When the percents add up to 100, the last task takes what rounding left over, so the
// tasks add up to that estimate exactly; the asset's own `estimate` is left as it was. Refuses
// (check_failed, listing every reason) when there is no template (or an empty one) for the kind,
// the asset has no effective estimate, or it already has tasks (unless `replace`). Returns the
// number of tasks.
std::size_t fill_tasks_from_template(Backlog& backlog, Asset& asset, bool replace);

// Sets one field of an iteration from its command-line spelling. Fields: name (not empty),
// capacity (a non-negative number, read as `asset set estimate=` reads one), notes (empty
// clears), start (YYYY-MM-DD; the end moves with it, so the iteration keeps its length). Only a
// planned iteration's dates change: an active or closed one's decide what it completed, so
// `start` is refused for them (check_failed), as is a start that makes it overlap another
// iteration (check_failed, naming it). An unknown field is Error(usage) listing the fields.
// Returns a one-line description (`capacity: 100 -> 80`, `start: 2027-02-01 -> 2027-02-08
// (end 2027-02-21)`).
std::string set_iteration_field(Backlog& backlog, Iteration& iteration, std::string_view field,
                                std::string_view value);

// Removes a planned iteration and returns it (its `committed` is what was dropped: those assets
// go back to their release backlog). Refuses an active or closed one (check_failed: their
// record is the team's history; close the active one instead), and an unknown id (input).
Iteration remove_iteration(Backlog& backlog, std::string_view iteration_id);

// Refuses (check_failed) to close the active `iteration` before its first day (`today` < start)
// unless `force`: nothing could have been completed yet, and closing would record a velocity of
// 0. Other states are left to close_iteration's own refusals.
void check_close_date(const Iteration& iteration, Date today, bool force);

// The assets a close returns to their release backlog: those of `report.unfinished` that still
// need migration (not done for release) and were not carried over, in committed order.
std::vector<std::string> returned_to_backlog(const Backlog& backlog, const CloseReport& report);

// Marks task `number` (1-based, as listed) done or not done. Refuses (usage) a number out of
// range, naming the valid range (or saying the asset has no tasks).
// Returns a one-line description (`task 2 "Replicate": done`).
std::string set_task_done(Asset& asset, std::size_t number, bool done);

struct TaskTicks {
    std::vector<std::string> lines;     // one set_task_done description per number, in order
    std::optional<std::string> started; // `status: not-started -> in-progress` when it started
};

// Marks tasks `numbers` (1-based, each checked as set_task_done checks it, all before any
// changes) done or not done. Ticking a task done on a not-started asset starts it: its status
// becomes in-progress (the work has begun). Blocked, in-progress and replicated assets keep
// their status.
TaskTicks set_tasks_done(Asset& asset, const std::vector<std::size_t>& numbers, bool done);

// Appends a task (not done) to the asset's tasks and returns its number. `title` must be
// non-empty valid UTF-8 (usage); `estimate`, when given, is read as `asset set estimate=` reads
// one (none or empty: no estimate).
std::size_t add_task(Asset& asset, std::string_view title,
                     std::optional<std::string_view> estimate);

// Removes task `number` (checked as set_task_done checks it); the later tasks move up one.
// Returns the task removed.
Task remove_task(Asset& asset, std::size_t number);

// True when the asset has tasks and every one is done.
bool all_tasks_done(const Asset& asset);

} // namespace mbl
