#include "monte_carlo.hpp"

#include <algorithm>
#include <random>

namespace mbl {

namespace {

constexpr double reach_tolerance = 1e-9;

// ceil(percent/100 × trials), at least 1: how many trials a percentile must cover.
std::size_t trials_covered(std::size_t trials, int percent) {
    std::size_t covered = (static_cast<std::size_t>(percent) * trials + 99) / 100;
    return std::clamp<std::size_t>(covered, 1, trials);
}

// The factor of the next trial: drawn only when there is a spread, so without one the draws are
// exactly the plain resampling's.
double next_pace(std::mt19937_64& rng, double spread) {
    return spread > 0 ? pace_factor(rng(), spread) : 1.0;
}

} // namespace

double pace_factor(std::uint64_t bits, double spread) {
    constexpr double two_to_minus_53 = 1.0 / 9007199254740992.0;
    double unit = static_cast<double>(bits >> 11) * two_to_minus_53;
    return 1 - spread + 2 * spread * unit;
}

void IterationCounts::add_outside(std::size_t iterations) {
    ++trials_;
    if (bins_.empty()) {
        first_ = iterations;
        bins_.assign(1, 0);
    } else if (iterations < first_) {
        bins_.insert(bins_.begin(), first_ - iterations, 0);
        first_ = iterations;
    } else if (iterations - first_ >= bins_.size()) {
        bins_.resize(iterations - first_ + 1, 0);
    }
    ++bins_[iterations - first_];
}

std::optional<std::size_t> IterationCounts::percentile(int percent) const {
    if (trials_ == 0) {
        return std::nullopt;
    }
    std::size_t needed = trials_covered(trials_ + not_reached_, percent);
    std::size_t seen = 0;
    for (std::size_t bin = 0; bin < bins_.size(); ++bin) {
        seen += bins_[bin];
        if (seen >= needed) {
            return first_ + bin;
        }
    }
    return std::nullopt;
}

std::vector<IterationCounts> simulate_iterations_needed(const std::vector<double>& samples,
                                                        const std::vector<double>& thresholds,
                                                        std::size_t trials, std::uint64_t seed,
                                                        double spread) {
    std::vector<IterationCounts> counts(thresholds.size());
    bool any_throughput =
        std::any_of(samples.begin(), samples.end(), [](double sample) { return sample > 0; });
    if (!any_throughput) {
        for (IterationCounts& threshold : counts) {
            threshold.add_not_reached(trials);
        }
        return counts;
    }
    std::vector<double> reached_at;
    reached_at.reserve(thresholds.size());
    for (double threshold : thresholds) {
        reached_at.push_back(threshold * (1 - reach_tolerance));
    }
    std::mt19937_64 rng(seed);
    for (std::size_t trial = 0; trial < trials; ++trial) {
        double pace = next_pace(rng, spread);
        double done = 0;
        std::size_t next = 0;
        for (std::size_t iteration = 1; next < reached_at.size(); ++iteration) {
            if (iteration > max_forecast_iterations) {
                for (; next < reached_at.size(); ++next) {
                    counts[next].add_not_reached();
                }
                break;
            }
            done += samples[rng() % samples.size()] * pace;
            for (; next < reached_at.size() && done >= reached_at[next]; ++next) {
                counts[next].add(iteration);
            }
        }
    }
    return counts;
}

std::vector<double> simulate_work_done(const std::vector<double>& samples, std::size_t iterations,
                                       double enough, std::size_t trials, std::uint64_t seed,
                                       double spread) {
    std::vector<double> amounts(trials, 0);
    std::mt19937_64 rng(seed);
    for (double& done : amounts) {
        double pace = next_pace(rng, spread);
        for (std::size_t iteration = 0; iteration < iterations && done < enough; ++iteration) {
            done += samples[rng() % samples.size()] * pace;
        }
    }
    return amounts;
}

double amount_at_confidence(std::vector<double> amounts, int percent) {
    auto nth = amounts.begin() + static_cast<std::ptrdiff_t>(
                                     amounts.size() - trials_covered(amounts.size(), percent));
    std::nth_element(amounts.begin(), nth, amounts.end());
    return *nth;
}

} // namespace mbl
