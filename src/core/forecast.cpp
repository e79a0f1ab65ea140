// Forecasts: the remaining work of each release (in planning order) and of the whole backlog,
// then one Monte Carlo simulation for all of them (monte_carlo.hpp). Work is done release by
// release in planning order, so release k is done when the work of releases 1..k is; assets
// without a (known) workload come after every release and count in the whole backlog only.
// Every trial runs until the whole backlog is done, with or without a workload filter, so
// `--workload W` shows the same numbers as the unfiltered forecast's line for W.

#include "mbl/forecast.hpp"

#include "field_values.hpp"
#include "forecast_support.hpp"
#include "mbl/backlog_progress.hpp"
#include "mbl/error.hpp"
#include "monte_carlo.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace mbl {

namespace {

constexpr int forecast_percents[] = {50, 85, 95};
constexpr double spread_with_no_sample = 0.5;

struct ReleaseWork {
    std::optional<std::string> workload; // none: the whole backlog
    RemainingWork remaining;
    double before = 0;                // remaining work of the releases before it in planning order
    std::vector<std::string> blocked; // CompletionForecast::blocked
};

// The ids whose asset is blocked, as index_assets would find them (the first asset holding an
// id wins): usually few, so looking up every dependency in them is cheaper than indexing every
// asset.
std::unordered_set<std::string_view> blocked_ids(const Backlog& backlog) {
    std::unordered_set<std::string_view> blocked;
    for (const Asset& asset : backlog.assets) {
        if (asset.status == AssetStatus::blocked) {
            blocked.insert(asset.id);
        }
    }
    std::unordered_set<std::string_view> seen; // of the blocked ids, the ones met once already
    for (const Asset& asset : backlog.assets) {
        if (!blocked.empty() && blocked.count(asset.id) && seen.insert(asset.id).second &&
            asset.status != AssetStatus::blocked) {
            blocked.erase(asset.id); // a duplicate id: its first asset is not blocked
        }
    }
    return blocked;
}

// Blocked, or waiting on a blocked asset (a direct dependency; unknown ids are validate's).
bool cannot_progress(const Asset& asset, const std::unordered_set<std::string_view>& blocked) {
    if (asset.status == AssetStatus::blocked) {
        return true;
    }
    return !blocked.empty() &&
           std::any_of(asset.depends_on.begin(), asset.depends_on.end(),
                       [&](const std::string& id) { return blocked.count(id) > 0; });
}

// The releases in planning order, then the whole backlog.
std::vector<ReleaseWork> remaining_work(const Backlog& backlog) {
    std::vector<ReleaseWork> releases;
    std::unordered_map<std::string_view, std::size_t> release_of;
    for (std::string& id : workloads_in_planning_order(backlog)) {
        releases.push_back({std::move(id), {}, 0, {}});
    }
    for (std::size_t r = 0; r < releases.size(); ++r) {
        release_of.emplace(*releases[r].workload, r);
    }
    ReleaseWork whole;
    std::unordered_set<std::string_view> blocked = blocked_ids(backlog);
    for (const Asset& asset : backlog.assets) {
        if (is_done_for_release(asset)) {
            continue;
        }
        bool stuck = cannot_progress(asset, blocked);
        add_remaining(whole.remaining, asset);
        if (stuck) {
            whole.blocked.push_back(asset.id);
        }
        if (asset.workload) {
            if (auto found = release_of.find(*asset.workload); found != release_of.end()) {
                add_remaining(releases[found->second].remaining, asset);
                if (stuck) {
                    releases[found->second].blocked.push_back(asset.id);
                }
            }
        }
    }
    double before = 0;
    for (ReleaseWork& release : releases) {
        release.before = before;
        before += release.remaining.estimate;
    }
    releases.push_back(std::move(whole));
    return releases;
}

Date planned_first_start(const Backlog& backlog, Date today);

// Where the forecast starts: the active iteration, else the first planned one, else the day
// after the last iteration, else settings.first_iteration_start, else today; moved forward by
// whole iterations to the one holding `today` when that start is long past (no date in the past).
Date first_counted_start(const Backlog& backlog, Date today) {
    Date start = planned_first_start(backlog, today);
    int length = backlog.settings.iteration_length_days;
    if (length >= 1 && start.days_until(today) >= length) {
        start = start.plus_days(start.days_until(today) / length * length);
    }
    return start;
}

// The first iteration the backlog itself names (see first_counted_start).
Date planned_first_start(const Backlog& backlog, Date today) {
    const Iteration* active = nullptr;
    const Iteration* first_planned = nullptr;
    std::optional<Date> last_end;
    for (const Iteration& iteration : backlog.iterations) {
        if (iteration.state == IterationState::active && !active) {
            active = &iteration;
        }
        if (iteration.state == IterationState::planned &&
            (!first_planned || iteration.start < first_planned->start)) {
            first_planned = &iteration;
        }
        last_end = std::max(last_end.value_or(iteration.end), iteration.end);
    }
    if (active) {
        return active->start;
    }
    if (first_planned) {
        return first_planned->start;
    }
    if (last_end) {
        return last_end->plus_days(1);
    }
    return backlog.settings.first_iteration_start.value_or(today);
}

Date end_of_iteration(const Forecast& forecast, std::size_t iterations) {
    auto days = static_cast<int>(iterations) * forecast.iteration_length_days;
    return forecast.first_iteration_start.plus_days(days - 1);
}

// The share of `release`'s remaining work done once `amount` of all work is done, in percent.
double percent_done(const ReleaseWork& release, double amount) {
    double own = release.remaining.estimate;
    if (own <= 0) {
        return 100;
    }
    double done = std::clamp(amount - release.before, 0.0, own);
    return std::min(100.0, done / own * 100);
}

// Iterations to do `work` at `average` per iteration; none when the average is 0 or it takes
// more than max_forecast_iterations.
std::optional<std::size_t> iterations_at_average(double work, double average) {
    if (average <= 0) {
        return std::nullopt;
    }
    double iterations = std::ceil(work / average - 1e-9); // 0.3 / 0.1 is 3, not 4
    if (iterations > static_cast<double>(max_forecast_iterations)) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(iterations);
}

} // namespace

double forecast_spread(std::size_t closed) {
    if (closed >= samples_for_plain_resampling) {
        return 0;
    }
    auto missing = static_cast<double>(samples_for_plain_resampling - closed);
    return spread_with_no_sample * missing / static_cast<double>(samples_for_plain_resampling);
}

std::string_view forecast_confidence(std::size_t closed) {
    if (closed == 0) {
        return "very low";
    }
    if (closed < 3) {
        return "low";
    }
    return closed < samples_for_plain_resampling ? "medium" : "good";
}

Forecast forecast_completion(const Backlog& backlog, const ForecastOptions& options, Date today) {
    if (options.trials == 0) {
        throw usage_error("the number of trials must be at least 1");
    }
    if (options.workload && !find_workload(backlog, *options.workload)) {
        throw unknown_id_error("workload", *options.workload, ids_of(backlog.workloads));
    }

    Forecast forecast;
    for (const Iteration* iteration : closed_iterations_by_end(backlog)) {
        forecast.samples.push_back(*iteration->completed_estimate);
    }
    forecast.closed_iterations = forecast.samples.size();
    forecast.spread = forecast_spread(forecast.closed_iterations);
    forecast.weak = forecast.spread > 0;
    if (forecast.samples.empty()) {
        forecast.samples = {backlog.settings.default_capacity};
    }
    forecast.first_iteration_start = first_counted_start(backlog, today);
    forecast.iteration_length_days = std::max(1, backlog.settings.iteration_length_days);

    std::vector<ReleaseWork> releases = remaining_work(backlog);
    std::vector<double> thresholds;
    std::vector<std::optional<std::size_t>> threshold_of;
    for (const ReleaseWork& release : releases) {
        bool remains = release.remaining.estimate > 0;
        threshold_of.push_back(remains ? std::optional(thresholds.size()) : std::nullopt);
        if (remains) {
            // max: the whole backlog's sum, added in file order, may round below the releases'
            double threshold = release.before + release.remaining.estimate;
            thresholds.push_back(thresholds.empty() ? threshold
                                                    : std::max(threshold, thresholds.back()));
        }
    }
    auto counts = simulate_iterations_needed(forecast.samples, thresholds, options.trials,
                                             options.seed, forecast.spread);

    // The work done by `options.by` at each percentile, as (percent, amount).
    std::vector<std::pair<int, double>> amounts_by;
    if (options.by) {
        int days = forecast.first_iteration_start.days_until(*options.by) + 1;
        std::size_t iterations =
            days > 0 ? static_cast<std::size_t>(days / forecast.iteration_length_days) : 0;
        std::vector<double> amounts = simulate_work_done(
            forecast.samples, std::min(iterations, max_forecast_iterations),
            releases.back().remaining.estimate, options.trials, options.seed, forecast.spread);
        for (int percent : forecast_percents) {
            amounts_by.emplace_back(percent, amount_at_confidence(amounts, percent));
        }
    }

    double average = std::accumulate(forecast.samples.begin(), forecast.samples.end(), 0.0) /
                     static_cast<double>(forecast.samples.size());
    for (std::size_t r = 0; r < releases.size(); ++r) {
        const ReleaseWork& release = releases[r];
        bool is_whole = r + 1 == releases.size();
        if (is_whole ? options.workload.has_value()
                     : options.workload && options.workload != release.workload) {
            continue;
        }
        CompletionForecast completion{release.workload, release.remaining, {}, {}, {},
                                      release.blocked};
        if (threshold_of[r]) {
            for (int percent : forecast_percents) {
                if (auto needed = counts[*threshold_of[r]].percentile(percent)) {
                    completion.percentiles.push_back(
                        {percent, *needed, end_of_iteration(forecast, *needed)});
                }
            }
            if (auto iterations = iterations_at_average(thresholds[*threshold_of[r]], average)) {
                completion.average_velocity_date = end_of_iteration(forecast, *iterations);
            }
        }
        for (auto [percent, amount] : amounts_by) {
            completion.done_by.emplace_back(percent, percent_done(release, amount));
        }
        if (is_whole) {
            forecast.whole = std::move(completion);
        } else {
            forecast.releases.push_back(std::move(completion));
        }
    }
    return forecast;
}

} // namespace mbl
