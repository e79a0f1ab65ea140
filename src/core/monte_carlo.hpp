#pragma once
// The Monte Carlo simulation behind forecast_completion (private to the core library).
// Every draw is `samples[rng() % samples.size()]` from one std::mt19937_64 seeded with `seed`:
// the engine's output is fixed by the C++ standard, so the same seed gives the same draws with
// every compiler and standard library (std::uniform_int_distribution would not).
// With a `spread` above 0 each trial first draws its own pace, a factor uniform in
// [1 − spread, 1 + spread] (one rng() call, see pace_factor), and multiplies every draw of that
// trial by it: few samples say little about a team's true average, and a per-trial factor keeps
// that doubt in the result instead of letting it average out over many iterations.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace mbl {

// A trial stops after this many iterations (about 380 years of two-week iterations), so zero
// throughput cannot loop forever; work not done by then has no forecast.
inline constexpr std::size_t max_forecast_iterations = 10'000;

// How many trials needed how many iterations to reach one threshold. Dense over the range of
// counts seen, which stays narrow (the spread of a sum of draws), so recording a trial is O(1).
class IterationCounts {
  public:
    // One trial reached the threshold after `iterations` iterations.
    void add(std::size_t iterations) {
        if (iterations >= first_ && iterations - first_ < bins_.size()) {
            ++bins_[iterations - first_]; // the common case, inline
            ++trials_;
        } else {
            add_outside(iterations);
        }
    }
    // `trials` trials did not reach it within max_forecast_iterations.
    void add_not_reached(std::size_t trials = 1) { not_reached_ += trials; }

    // The smallest count c such that at least `percent`% of the trials needed c or fewer
    // (nearest rank: the sorted counts at index ceil(percent/100 × trials) − 1); none when that
    // many trials did not reach the threshold, or there were no trials.
    std::optional<std::size_t> percentile(int percent) const;

  private:
    void add_outside(std::size_t iterations);

    std::size_t first_ = 0;         // the count of bins_[0]
    std::vector<std::size_t> bins_; // trials per count from first_
    std::size_t trials_ = 0;        // reached
    std::size_t not_reached_ = 0;
};

// The pace factor of one trial from one output of the engine: 1 − spread + 2 × spread × u, with
// u = the top 53 bits of `bits` / 2^53 (uniform in [0, 1), exact on every platform).
double pace_factor(std::uint64_t bits, double spread);

// Runs `trials` trials. Each draws iteration throughput until the work done reaches each of
// `thresholds` (ascending, positive) in turn, or max_forecast_iterations have been drawn. A
// threshold counts as reached when the work done is within a relative 1e-9 of it, so sums of
// decimals do not need one more draw. Returns the counts per threshold.
std::vector<IterationCounts> simulate_iterations_needed(const std::vector<double>& samples,
                                                        const std::vector<double>& thresholds,
                                                        std::size_t trials, std::uint64_t seed,
                                                        double spread = 0);

// Runs `trials` trials of `iterations` draws each and returns the work done in each. A trial
// stops drawing once its work reaches `enough` (more would not change a capped percentage).
std::vector<double> simulate_work_done(const std::vector<double>& samples, std::size_t iterations,
                                       double enough, std::size_t trials, std::uint64_t seed,
                                       double spread = 0);

// The largest amount at least `percent`% of the trials reached (nearest rank: the sorted amounts
// at index trials − ceil(percent/100 × trials)). `amounts` must not be empty.
double amount_at_confidence(std::vector<double> amounts, int percent);

} // namespace mbl
