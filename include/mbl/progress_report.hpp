#pragma once
// The progress report (`mbl report`): everything a team publishes about its migration in one
// value, gathered from the functions behind `status`, `velocity`, `forecast`, `release list` and
// `validate`, never recomputed here. Pure: a function of a Backlog, its problems and `today`.

#include "mbl/backlog_progress.hpp"
#include "mbl/date.hpp"
#include "mbl/forecast.hpp"
#include "mbl/model.hpp"
#include "mbl/problem.hpp"
#include "mbl/release.hpp"
#include "mbl/status.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace mbl {

// The assets of one release group (the statuses, with retire/retain apart as no_migration,
// whatever their status: release_group): how many, and the sum of their effective estimates.
struct StatusTotal {
    ReleaseGroup group = ReleaseGroup::not_started;
    std::size_t assets = 0;
    double estimate = 0; // unestimated assets add nothing
    // Of `assets`, those without an effective estimate that still need migrating: 0 for the
    // replicated and no_migration groups (done work is never unestimated: measure_progress).
    std::size_t unestimated = 0;
};

// One release's assets counted by ReleaseGroup (indexed by the enum), for the stacked bars.
struct ReleaseProgress {
    std::string workload_id;
    std::string name;
    std::array<std::size_t, 5> by_group{}; // not_started, in_progress, blocked, replicated,
                                           // no_migration
};

struct ProgressReportOptions {
    std::uint64_t seed = ForecastOptions{}.seed;
    std::size_t trials = ForecastOptions{}.trials;
    std::optional<std::size_t> velocity_last; // compute_velocity's `last`
};

struct ProgressReport {
    Date today;
    std::array<StatusTotal, 5> totals; // by ReleaseGroup, in enum order; they add up to `overall`
    BacklogProgress overall;           // status.progress: done, remaining, unestimated, blocked
    std::vector<std::string> blocked;  // the ids of the blocked assets still to migrate, file order
    StatusReport status;               // compute_status: the active iteration and its burndown
    Velocity velocity;                 // compute_velocity(velocity_last)
    Forecast forecast;                 // forecast_completion: every release and the whole
    ProgressReportOptions options;
    std::vector<ReleaseReadiness> releases; // release_readiness from `forecast` (planning order)
    std::vector<ReleaseProgress> progress;  // the same releases, in the same order
    std::vector<Problem> problems;          // as given (validate's), in their order
    // The index in `releases` of the next release: the first in planning order, short of
    // production, with assets still to migrate; none when there is no such release.
    std::optional<std::size_t> next_release;
};

// Gathers the report of `backlog` on `today`. `problems` are what check_backlog_text found in
// the file the backlog came from. Runs one forecast (seeded with `options.seed`), whose 85% dates
// are also the releases' forecast_85. Error(usage) for zero trials, as forecast_completion.
ProgressReport gather_progress_report(const Backlog& backlog, std::vector<Problem> problems,
                                      const ProgressReportOptions& options, Date today);

} // namespace mbl
