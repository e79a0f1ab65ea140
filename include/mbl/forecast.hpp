#pragma once
// The pace of migration and when the backlog will be done: velocity from closed iterations, and
// Monte Carlo forecasts as percentiles. Pure functions; the only randomness is a seeded
// std::mt19937_64, so the same seed gives the same forecast everywhere.

#include "mbl/date.hpp"
#include "mbl/model.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mbl {

struct IterationVelocity {
    std::string iteration_id;
    std::string name;
    Date start;
    Date end;
    double committed_estimate = 0; // effective estimates of committed_at_start (else committed)
    double completed_estimate = 0; // as recorded at close
    std::size_t assets_migrated = 0;
};

struct Velocity {
    std::vector<IterationVelocity> iterations; // closed ones with completed_estimate, by end date
    double average = 0;                        // of completed_estimate; 0 when none
    double standard_deviation = 0;             // population standard deviation
    double minimum = 0;
    double maximum = 0;
};

// Velocity over the last `last` closed iterations (all when not given).
Velocity compute_velocity(const Backlog& backlog, std::optional<std::size_t> last);

// Remaining work of a set of assets: those not done for release.
struct RemainingWork {
    double estimate = 0;         // sum of effective estimates of the estimated ones
    std::size_t assets = 0;      // not done
    std::size_t unestimated = 0; // not done and without an estimate: a warning, never zero
};

struct ForecastOptions {
    std::optional<std::string> workload; // only this release (else all, plus the whole backlog)
    std::size_t trials = 10'000;
    std::uint64_t seed = 1;
    std::optional<Date> by;
};

struct PercentileDate {
    int percent = 0;            // 50, 85, 95
    std::size_t iterations = 0; // iterations needed from the first open one
    Date date;                  // end of the iteration in which the work is done
};

struct CompletionForecast {
    std::optional<std::string> workload; // none: the whole migration backlog
    RemainingWork remaining;
    std::vector<PercentileDate> percentiles;   // empty when nothing remains
    std::optional<Date> average_velocity_date; // none when the average is 0
    // Percentage of remaining work done by `by`, per percentile (50, 85, 95), when asked.
    std::vector<std::pair<int, double>> done_by;
};

struct Forecast {
    // Fewer than three closed iterations: the samples are settings.default_capacity alone.
    bool weak = false;
    std::vector<double> samples; // the throughput per iteration drawn from
    Date first_iteration_start;  // of the first iteration the forecast counts (active or next)
    int iteration_length_days = 14;
    std::vector<CompletionForecast> releases; // per workload, in planning order
    std::optional<CompletionForecast> whole;  // the whole backlog (absent with a workload filter)
};

// Forecasts each release (workloads in planning order: priority, then dependencies first, then
// file order; release k is done when the work of releases 1..k is done) and the whole backlog.
// Each trial draws iteration throughput from `samples` with replacement until the remaining work
// is done. Error(input) for an unknown workload; Error(usage) for zero trials.
Forecast forecast_completion(const Backlog& backlog, const ForecastOptions& options, Date today);

// Workload ids in planning order: priority (1 first), then each workload after those it depends
// on, then file order. Cycles (reported by validate) are broken by file order.
std::vector<std::string> workloads_in_planning_order(const Backlog& backlog);

} // namespace mbl
