#pragma once
// The pace of migration and when the backlog will be done: velocity from closed iterations, and
// Monte Carlo forecasts as percentiles. Pure functions; the only randomness is a seeded
// std::mt19937_64, so the same seed gives the same forecast everywhere.

#include "mbl/date.hpp"
#include "mbl/model.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mbl {

struct IterationVelocity {
    std::string iteration_id;
    std::string name;
    Date start;
    Date end;
    // Effective estimates, as they are today, of committed_at_start (else of committed); unknown
    // and unestimated assets add nothing.
    double committed_estimate = 0;
    double completed_estimate = 0;   // as recorded at close
    std::size_t assets_migrated = 0; // the size of `completed`
};

struct Velocity {
    std::vector<IterationVelocity> iterations; // closed ones with completed_estimate, by end date
    double average = 0;                        // of completed_estimate; 0 when none
    double standard_deviation = 0;             // population standard deviation
    double minimum = 0;                        // 0 when none
    double maximum = 0;
};

// Velocity over the last `last` closed iterations (all when not given) that recorded a
// completed_estimate, ordered by end date (file order on ties).
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

// The iterations needed at one confidence: the smallest count c such that at least `percent`% of
// the trials were done within c iterations (nearest rank over the trials).
struct PercentileDate {
    int percent = 0;            // 50, 85, 95
    std::size_t iterations = 0; // iterations needed, counting the first one (1 or more)
    Date date; // end of that iteration: first_iteration_start + iterations × length − 1
};

struct CompletionForecast {
    std::optional<std::string> workload; // none: the whole migration backlog
    RemainingWork remaining;
    // In order 50, 85, 95. Empty when no estimated work remains (remaining.estimate is 0: done,
    // unless remaining.unestimated says otherwise). A percentile is left out when that share of
    // the trials is not done within 10,000 iterations: so all are, when every sample is 0.
    std::vector<PercentileDate> percentiles;
    // The end of iteration ceil(work / average sample); none when nothing remains, the average
    // is 0, or it is beyond 10,000 iterations. `work` is cumulative like the percentiles'.
    std::optional<Date> average_velocity_date;
    // With `by`: (50, x), (85, y), (95, z): the percentage of this remaining work done by the end
    // of the last whole iteration ending on or before `by`, reached in at least that share of the
    // trials (0 to 100; 100 when nothing remains). Empty without `by`.
    std::vector<std::pair<int, double>> done_by;
    // The remaining assets that cannot progress as things stand: status blocked, or depending
    // (directly) on an asset that is blocked and not done for release; in file order. When not
    // empty, every date above holds only if they are unblocked ("conditional"): the simulation
    // cannot know when that happens.
    std::vector<std::string> blocked;
    bool conditional() const { return !blocked.empty(); }
};

// How many closed iterations make a forecast from observed throughput alone (plain resampling).
// Below it the pace of each trial is widened by forecast_spread. Hubbard's "rule of five": the
// median of a population lies between the smallest and largest of n random samples with
// probability 1 − 2^(1−n), 94% for five samples and 97% for six.
inline constexpr std::size_t samples_for_plain_resampling = 6;

// The relative half-width of the pace factor drawn once per trial, after `closed` closed
// iterations: 0.5 × (6 − closed) / 6 below six (±50% with none, ±42%, ±33%, ±25%, ±17%, ±8%),
// then 0 (docs/forecasting.md).
double forecast_spread(std::size_t closed);

// How far to trust a forecast from `closed` closed iterations, in words: "very low" (none: a
// range from settings.default_capacity), "low" (1 or 2), "medium" (3 to 5), "good" (6 or more).
std::string_view forecast_confidence(std::size_t closed);

struct Forecast {
    // The closed iterations with a completed_estimate: the throughput samples observed.
    std::size_t closed_iterations = 0;
    // Fewer than samples_for_plain_resampling closed iterations: the pace is widened by `spread`.
    bool weak = false;
    double spread = 0; // forecast_spread(closed_iterations)
    // The throughput per iteration drawn from: the completed_estimate of every closed iteration
    // (not only the last three), by end date; or {default_capacity} when there is none.
    std::vector<double> samples;
    // The first iteration counted: the active iteration's start; else the earliest planned
    // iteration's; else the day after the latest iteration ends; else
    // settings.first_iteration_start; else today.
    Date first_iteration_start;
    int iteration_length_days = 14;           // settings.iteration_length_days (at least 1)
    std::vector<CompletionForecast> releases; // per workload, in planning order
    std::optional<CompletionForecast> whole;  // the whole backlog (absent with a workload filter)
};

// Forecasts each release (workloads in planning order; release k is done when the estimated work
// remaining in releases 1..k is done) and the whole backlog (every asset not done, also those
// without a workload, after all releases). Each trial draws its pace factor (monte_carlo.hpp, only
// when `spread` is above 0), then iteration throughput from `samples` with replacement
// (`samples[rng() % size]` × pace, from one std::mt19937_64 seeded with `seed`, the same on every
// platform) until the whole backlog is done or 10,000 iterations have passed, recording
// when each release is done. The filter only selects what is returned: the numbers for a
// workload are the same with or without it. `by` runs a second simulation of that many whole
// iterations, from the same seed. Cost: trials × iterations needed, plus a linear pass over the
// assets. Error(input) for an unknown workload; Error(usage) for zero trials.
Forecast forecast_completion(const Backlog& backlog, const ForecastOptions& options, Date today);

// Workload ids in planning order: by priority (1 first), then file order, except that each
// workload comes right after those it depends on that are not yet placed (so a priority-1
// workload pulls its dependencies ahead, whatever their priority). A dependency that would close
// a cycle (reported by validate) is ignored where the search meets it; unknown ids and repeated
// workload ids are ignored too. Each id appears once.
std::vector<std::string> workloads_in_planning_order(const Backlog& backlog);

} // namespace mbl
