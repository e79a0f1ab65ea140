#pragma once
// The morning stand-up view: the active iteration, its burndown, releases ready for staging, and
// what needs attention. Pure functions of a Backlog and `today`.

#include "mbl/backlog_progress.hpp"
#include "mbl/date.hpp"
#include "mbl/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mbl {

struct BurndownDay {
    Date day;
    std::optional<double> remaining; // scope not yet replicated at the end of `day`; none for
                                     // days after today
    // Straight line from the scope of the first day to 0 at the end of the last day: at the end
    // of day i (0-based) of n, first-day scope × (n − 1 − i) / n.
    double ideal = 0;
    // The total scope at the end of `day`: the estimates of the assets committed by then. An
    // asset is in scope from the first day when it was committed at the start (in
    // `committed_at_start`, or the iteration never recorded one) or before the start, else from
    // its `committed_on` day; one added later without `committed_on` (an older file) counts
    // from the first day, as before scope was recorded.
    double scope = 0;
};

struct Burndown {
    std::string iteration_id;
    double committed_estimate = 0; // effective estimates of the assets committed now
    std::vector<BurndownDay> days; // every day from start to end (none if end is before start)
};

// The burndown of `iteration`: for each day, its scope (BurndownDay::scope: the current
// commitment, each asset from the day it joined) minus the estimates of committed assets with
// status replicated whose replicated_on is on or before that day (one without replicated_on
// never counts; one replicated before it joined counts from the day it joined). Unknown ids and
// unestimated assets add 0.
Burndown compute_burndown(const Backlog& backlog, const Iteration& iteration, Date today);

enum class AttentionKind {
    over_commitment,       // committed estimate above capacity
    unestimated_committed, // a committed asset without an estimate
    blocked_committed,     // a committed asset that is blocked
    in_progress_past_end,  // committed, in progress, and the iteration has ended
    stale_active,          // the active iteration ended before today
    tasks_done,            // every task of an asset done, but it is not replicated yet
};

struct Attention {
    AttentionKind kind;
    std::string subject; // the asset or iteration id
    std::string message; // one line for people
};

struct ActiveIterationStatus {
    std::string iteration_id;
    std::string name;
    Date start;
    Date end;
    int days_left = 0; // days from today to end, inclusive of today; 0 once ended; the whole
                       // length before it starts
    double capacity = 0;
    double committed_estimate = 0;
    double done_estimate = 0; // committed, replicated within its dates (as close counts)
    Burndown burndown;
};

struct StatusReport {
    std::optional<ActiveIterationStatus> active; // the first active iteration in the file
    // Workloads at planned or migrating whose release backlog has assets, all done for release;
    // file order.
    std::vector<std::string> ready_for_staging;
    // For every open iteration (active or planned) in file order: stale_active, then
    // over_commitment, then per committed asset in commitment order unestimated_committed,
    // blocked_committed, in_progress_past_end; then tasks_done for every asset (file order)
    // whose tasks are all done but which is not done for release.
    std::vector<Attention> attention;
    std::size_t assets = 0;
    std::size_t assets_done = 0; // done for release (progress.done)
    BacklogProgress progress;    // measure_progress: done, remaining, unestimated, blocked
};

StatusReport compute_status(const Backlog& backlog, Date today);

} // namespace mbl
