// forecast_completion: samples, first iteration, remaining work, percentiles against a brute-force
// reimplementation of the draws, by-date; workloads_in_planning_order.

#include "forecast_fixtures.hpp"
#include "mbl/error.hpp"
#include "mbl/forecast.hpp"
#include "support/error_from.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

using namespace mbl;
using namespace mbl::test::forecast;
using Catch::Detail::Approx;
using Catch::Matchers::Contains;

namespace {

// Settings for a weak forecast: `capacity` alone, two-week iterations from 2027-01-04.
Backlog weak_backlog(double capacity) {
    Backlog backlog;
    backlog.settings.default_capacity = capacity;
    backlog.settings.first_iteration_start = on("2027-01-04");
    backlog.workloads = {workload("crm")};
    backlog.assets = {asset("crm-1", 10, "crm"), asset("crm-2", 15, "crm")};
    return backlog;
}

// crm (priority 1) 40 left, erp (priority 2, listed first) 30 left, 20 left without a workload;
// closed iterations completed 5, 15, 5, 15; the next iteration starts 2027-03-01.
Backlog sampled_backlog() {
    Backlog backlog;
    backlog.workloads = {workload("erp", 2), workload("crm", 1)};
    Asset retired = asset("erp-old", 40, "erp");
    retired.strategy = Strategy::retire;
    backlog.assets = {asset("crm-1", 20, "crm"),
                      asset("erp-1", 30, "erp"),
                      replicated("crm-done", 50, "2027-01-10"),
                      retired,
                      asset("loose-1", 20),
                      asset("crm-2", 20, "crm")};
    backlog.assets[2].workload = "crm";
    backlog.iterations = {closed("it-1", "2027-01-04", "2027-01-17", 5),
                          closed("it-2", "2027-01-18", "2027-01-31", 15),
                          closed("it-3", "2027-02-01", "2027-02-14", 5),
                          closed("it-4", "2027-02-15", "2027-02-28", 15)};
    return backlog;
}

// The pace of one trial from the contract: 1 − spread + 2 × spread × (top 53 bits / 2^53), one
// draw, only when there is a spread.
double replayed_pace(std::mt19937_64& rng, double spread) {
    if (spread == 0) {
        return 1;
    }
    double unit = static_cast<double>(rng() >> 11) / 9007199254740992.0;
    return 1 - spread + 2 * spread * unit;
}

// Four closed iterations: the pace is widened by 0.5 × (6 − 4) / 6.
constexpr double spread_of_four = 0.5 * 2 / 6;

// The draws reimplemented from the contract: per trial, the pace, then draw until every threshold
// is reached in turn; counts[k] holds the iterations each trial needed for threshold k.
std::vector<std::vector<std::size_t>> brute_force_counts(const std::vector<double>& samples,
                                                         const std::vector<double>& thresholds,
                                                         std::size_t trials, std::uint64_t seed,
                                                         double spread) {
    std::mt19937_64 rng(seed);
    std::vector<std::vector<std::size_t>> counts(thresholds.size());
    for (std::size_t trial = 0; trial < trials; ++trial) {
        double pace = replayed_pace(rng, spread);
        double done = 0;
        std::size_t iterations = 0;
        for (std::size_t k = 0; k < thresholds.size(); ++k) {
            while (done < thresholds[k] * (1 - 1e-9)) {
                done += samples[rng() % samples.size()] * pace;
                ++iterations;
            }
            counts[k].push_back(iterations);
        }
    }
    return counts;
}

// Nearest rank: the smallest count that at least `percent`% of the trials did not exceed.
std::size_t nearest_rank(std::vector<std::size_t> counts, int percent) {
    std::sort(counts.begin(), counts.end());
    return counts[(static_cast<std::size_t>(percent) * counts.size() + 99) / 100 - 1];
}

Date iteration_end(Date first_start, std::size_t iterations) {
    return first_start.plus_days(static_cast<int>(iterations) * 14 - 1);
}

void check_percentiles_match(const CompletionForecast& completion,
                             const std::vector<std::size_t>& counts) {
    REQUIRE(completion.percentiles.size() == 3);
    int percents[] = {50, 85, 95};
    for (std::size_t i = 0; i < 3; ++i) {
        const PercentileDate& percentile = completion.percentiles[i];
        CHECK(percentile.percent == percents[i]);
        CHECK(percentile.iterations == nearest_rank(counts, percents[i]));
        CHECK(percentile.date == iteration_end(on("2027-03-01"), percentile.iterations));
    }
    CHECK(completion.percentiles[0].iterations <= completion.percentiles[1].iterations);
    CHECK(completion.percentiles[1].iterations <= completion.percentiles[2].iterations);
}

using mbl::test::error_from;

} // namespace

TEST_CASE("no closed iteration: default_capacity widened by half, 25 left at 10", "[forecast]") {
    // Each trial's pace is uniform in [0.5, 1.5): 25 at 10 × pace takes 2 iterations from a pace
    // of 1.25 (a quarter of the trials), 3 from 5/6, 4 from 0.625, else 5. Cumulative: 2: 25%,
    // 3: 67%, 4: 87.5%, 5: 100%; so 3, 4 and 5 iterations at 50, 85 and 95%.
    Forecast forecast = forecast_completion(weak_backlog(10), {}, on("2026-12-01"));
    CHECK(forecast.weak);
    CHECK(forecast.closed_iterations == 0);
    CHECK(forecast.spread == 0.5);
    CHECK(forecast.samples == std::vector<double>{10});
    CHECK(forecast.first_iteration_start == on("2027-01-04"));
    CHECK(forecast.iteration_length_days == 14);
    REQUIRE(forecast.releases.size() == 1);
    REQUIRE(forecast.whole);
    for (const CompletionForecast* completion : {&forecast.releases[0], &*forecast.whole}) {
        CHECK(completion->remaining.estimate == 25);
        REQUIRE(completion->percentiles.size() == 3);
        CHECK(completion->percentiles[0].iterations == 3);
        CHECK(completion->percentiles[0].date == on("2027-02-14"));
        CHECK(completion->percentiles[1].iterations == 4);
        CHECK(completion->percentiles[1].date == on("2027-02-28"));
        CHECK(completion->percentiles[2].iterations == 5);
        CHECK(completion->percentiles[2].date == on("2027-03-14"));
        // the average date stays the point estimate: 25 / 10 rounds up to 3
        CHECK(completion->average_velocity_date == on("2027-02-14"));
        CHECK(completion->done_by.empty());
    }
    CHECK(forecast.releases[0].workload == "crm");
    CHECK_FALSE(forecast.whole->workload);
}

TEST_CASE("percentiles by nearest rank: 20 left with six samples 10, 20, 20, …", "[forecast]") {
    // Six closed iterations: plain resampling. A trial needs one iteration when it draws 20 (two
    // thirds of the time), else two: the median is 1, the 85th and 95th percentiles 2.
    Backlog backlog = weak_backlog(0);
    backlog.assets = {asset("crm-1", 20, "crm")};
    backlog.iterations = {closed("it-1", "2026-09-14", "2026-09-27", 10),
                          closed("it-2", "2026-09-28", "2026-10-11", 20),
                          closed("it-3", "2026-10-12", "2026-10-25", 20),
                          closed("it-4", "2026-10-26", "2026-11-08", 10),
                          closed("it-5", "2026-11-09", "2026-11-22", 20),
                          closed("it-6", "2026-11-23", "2026-12-06", 20)};
    backlog.settings.first_iteration_start = on("2026-09-14");
    backlog.iterations.push_back(iteration("it-7", "2027-01-18", "2027-01-31"));
    Forecast forecast = forecast_completion(backlog, {}, on("2027-01-18"));
    CHECK_FALSE(forecast.weak);
    CHECK(forecast.spread == 0);
    CHECK(forecast.closed_iterations == 6);
    CHECK(forecast.first_iteration_start == on("2027-01-18"));
    REQUIRE(forecast.whole);
    const auto& percentiles = forecast.whole->percentiles;
    REQUIRE(percentiles.size() == 3);
    CHECK(percentiles[0].iterations == 1);
    CHECK(percentiles[0].date == on("2027-01-31"));
    CHECK(percentiles[1].iterations == 2);
    CHECK(percentiles[2].iterations == 2);
    CHECK(percentiles[2].date == on("2027-02-14"));
    // 20 / (100 / 6) rounds up to 2 iterations
    CHECK(forecast.whole->average_velocity_date == on("2027-02-14"));
}

TEST_CASE("percentiles match a brute-force replay of the seeded draws", "[forecast]") {
    ForecastOptions options;
    options.trials = 500;
    options.seed = GENERATE(as<std::uint64_t>{}, 1, 42, 20270301);
    Forecast forecast = forecast_completion(sampled_backlog(), options, on("2027-03-02"));
    CHECK(forecast.weak);
    CHECK(forecast.spread == Approx(spread_of_four));
    CHECK(forecast.samples == std::vector<double>{5, 15, 5, 15});
    CHECK(forecast.first_iteration_start == on("2027-03-01"));
    REQUIRE(forecast.releases.size() == 2);
    CHECK(forecast.releases[0].workload == "crm");
    CHECK(forecast.releases[1].workload == "erp");
    REQUIRE(forecast.whole);

    // crm 40, then erp 30 more, then 20 without a workload.
    auto counts = brute_force_counts({5, 15, 5, 15}, {40, 70, 90}, options.trials, options.seed,
                                     spread_of_four);
    check_percentiles_match(forecast.releases[0], counts[0]);
    check_percentiles_match(forecast.releases[1], counts[1]);
    check_percentiles_match(*forecast.whole, counts[2]);

    // The average (10) gives 4, 7 and 9 iterations.
    CHECK(forecast.releases[0].average_velocity_date == iteration_end(on("2027-03-01"), 4));
    CHECK(forecast.releases[1].average_velocity_date == iteration_end(on("2027-03-01"), 7));
    CHECK(forecast.whole->average_velocity_date == iteration_end(on("2027-03-01"), 9));
}

TEST_CASE("the same seed gives the same forecast", "[forecast]") {
    ForecastOptions options;
    options.trials = 200;
    Forecast first = forecast_completion(sampled_backlog(), options, on("2027-03-02"));
    Forecast again = forecast_completion(sampled_backlog(), options, on("2027-03-02"));
    REQUIRE(first.whole);
    REQUIRE(again.whole);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(first.whole->percentiles[i].iterations == again.whole->percentiles[i].iterations);
    }
}

TEST_CASE("remaining work skips done assets and counts unestimated ones", "[forecast]") {
    Backlog backlog = sampled_backlog();
    backlog.assets.push_back(asset("crm-3", std::nullopt, "crm"));
    backlog.assets.push_back(asset("loose-2", std::nullopt));
    Forecast forecast = forecast_completion(backlog, {}, on("2027-03-02"));
    REQUIRE(forecast.releases.size() == 2);
    const RemainingWork& crm = forecast.releases[0].remaining;
    CHECK(crm.estimate == 40);
    CHECK(crm.assets == 3);
    CHECK(crm.unestimated == 1);
    const RemainingWork& erp = forecast.releases[1].remaining;
    CHECK(erp.estimate == 30);
    CHECK(erp.assets == 1);
    CHECK(erp.unestimated == 0);
    REQUIRE(forecast.whole);
    CHECK(forecast.whole->remaining.estimate == 90);
    CHECK(forecast.whole->remaining.assets == 6);
    CHECK(forecast.whole->remaining.unestimated == 2);
}

TEST_CASE("remaining work uses the tasks' estimates", "[forecast]") {
    Backlog backlog = weak_backlog(10);
    backlog.assets[1].tasks = {{"Replicate", 2.0, false, {}}, {"Test", 3.0, false, {}}};
    Forecast forecast = forecast_completion(backlog, {}, on("2027-01-04"));
    REQUIRE(forecast.whole);
    CHECK(forecast.whole->remaining.estimate == 15);
    CHECK(forecast.whole->percentiles.at(0).iterations == 2);
}

TEST_CASE("two closed iterations are the samples, widened by a third", "[forecast]") {
    Backlog backlog = sampled_backlog();
    backlog.settings.default_capacity = 30;
    backlog.iterations.resize(2);
    Forecast forecast = forecast_completion(backlog, {}, on("2027-03-02"));
    CHECK(forecast.weak);
    CHECK(forecast.closed_iterations == 2);
    CHECK(forecast.spread == Approx(0.5 * 4 / 6));
    CHECK(forecast.samples == std::vector<double>{5, 15});
    // The day after the last iteration (2027-02-01) is long past: counting starts with the
    // iteration that holds today.
    CHECK(forecast.first_iteration_start == on("2027-03-01"));
    REQUIRE(forecast.whole);
    // 90 left at 10 on average: 9 iterations at the average, more at 95%.
    CHECK(forecast.whole->average_velocity_date == on("2027-03-01").plus_days(9 * 14 - 1));
    CHECK(forecast.whole->percentiles.at(2).iterations > 9);
}

TEST_CASE("without any throughput no percentile and no average date", "[forecast]") {
    Forecast forecast = forecast_completion(weak_backlog(0), {}, on("2027-01-04"));
    CHECK(forecast.weak);
    REQUIRE(forecast.whole);
    CHECK(forecast.whole->remaining.estimate == 25);
    CHECK(forecast.whole->percentiles.empty());
    CHECK_FALSE(forecast.whole->average_velocity_date);
}

TEST_CASE("a release with nothing left has no percentiles", "[forecast]") {
    Backlog backlog = weak_backlog(10);
    backlog.workloads.push_back(workload("done"));
    backlog.assets.push_back(replicated("done-1", 8, "2027-01-05"));
    backlog.assets.back().workload = "done";
    Forecast forecast = forecast_completion(backlog, {}, on("2027-01-04"));
    REQUIRE(forecast.releases.size() == 2);
    CHECK(forecast.releases[1].workload == "done");
    CHECK(forecast.releases[1].remaining.assets == 0);
    CHECK(forecast.releases[1].percentiles.empty());
    CHECK_FALSE(forecast.releases[1].average_velocity_date);
    CHECK(forecast.releases[0].percentiles.size() == 3);
}

TEST_CASE("the first iteration counted", "[forecast]") {
    Backlog backlog = weak_backlog(10);
    CHECK(forecast_completion(backlog, {}, on("2026-06-01")).first_iteration_start ==
          on("2027-01-04"));
    backlog.settings.first_iteration_start.reset();
    CHECK(forecast_completion(backlog, {}, on("2026-06-01")).first_iteration_start ==
          on("2026-06-01"));
    backlog.iterations = {closed("it-1", "2027-01-04", "2027-01-17", 5)};
    CHECK(forecast_completion(backlog, {}, on("2026-06-01")).first_iteration_start ==
          on("2027-01-18"));
    backlog.iterations.push_back(iteration("it-2", "2027-01-25", "2027-02-07"));
    CHECK(forecast_completion(backlog, {}, on("2026-06-01")).first_iteration_start ==
          on("2027-01-25"));
    backlog.iterations[1].state = IterationState::active;
    backlog.iterations.push_back(iteration("it-3", "2027-02-08", "2027-02-21"));
    CHECK(forecast_completion(backlog, {}, on("2026-06-01")).first_iteration_start ==
          on("2027-01-25"));
}

TEST_CASE("by a date: the share of the work done at each percentile", "[forecast]") {
    // Six samples of 10 (plain resampling, no spread) and 10 / 20 left in two releases: two
    // whole iterations end by 2027-02-10 (the third ends 2027-02-14).
    Backlog backlog = weak_backlog(0);
    for (int i = 0; i < 6; ++i) {
        Iteration made = closed("it-" + std::to_string(i + 1), "2026-10-12", "2026-10-25", 10);
        made.start = on("2026-10-12").plus_days(14 * i);
        made.end = made.start.plus_days(13); // the last ends 2027-01-03
        backlog.iterations.push_back(made);
    }
    backlog.workloads.push_back(workload("erp"));
    backlog.assets = {asset("crm-1", 10, "crm"), asset("erp-1", 20, "erp")};
    ForecastOptions options;
    options.by = on("2027-02-10");
    Forecast forecast = forecast_completion(backlog, options, on("2027-01-04"));
    REQUIRE(forecast.releases.size() == 2);
    REQUIRE(forecast.whole);
    using Shares = std::vector<std::pair<int, double>>;
    CHECK(forecast.releases[0].done_by == Shares{{50, 100}, {85, 100}, {95, 100}});
    CHECK(forecast.releases[1].done_by == Shares{{50, 50}, {85, 50}, {95, 50}});
    REQUIRE(forecast.whole->done_by.size() == 3);
    CHECK(forecast.whole->done_by[1].second == Approx(200.0 / 3));

    options.by = on("2027-01-03");
    CHECK(forecast_completion(backlog, options, on("2027-01-04")).whole->done_by[0].second == 0);
    options.by = on("2027-12-31");
    CHECK(forecast_completion(backlog, options, on("2027-01-04")).whole->done_by[2].second == 100);
}

TEST_CASE("by a date matches a brute-force replay of the seeded draws", "[forecast]") {
    ForecastOptions options;
    options.trials = 400;
    options.seed = 7;
    options.by = on("2027-04-30"); // four whole iterations from 2027-03-01
    Forecast forecast = forecast_completion(sampled_backlog(), options, on("2027-03-02"));

    std::vector<double> samples{5, 15, 5, 15};
    std::mt19937_64 rng(options.seed);
    std::vector<double> amounts;
    for (std::size_t trial = 0; trial < options.trials; ++trial) {
        double pace = replayed_pace(rng, spread_of_four);
        double done = 0;
        for (int iteration = 0; iteration < 4 && done < 90; ++iteration) {
            done += samples[rng() % samples.size()] * pace;
        }
        amounts.push_back(done);
    }
    std::sort(amounts.begin(), amounts.end());
    REQUIRE(forecast.whole);
    const auto& whole = forecast.whole->done_by;
    REQUIRE(whole.size() == 3);
    int percents[] = {50, 85, 95};
    for (std::size_t i = 0; i < 3; ++i) {
        std::size_t covered = (static_cast<std::size_t>(percents[i]) * options.trials + 99) / 100;
        double amount = amounts[options.trials - covered];
        CHECK(whole[i].first == percents[i]);
        CHECK(whole[i].second == Approx(std::min(100.0, amount / 90 * 100)));
        double crm = std::clamp(amount, 0.0, 40.0) / 40 * 100;
        CHECK(forecast.releases[0].done_by[i].second == Approx(crm));
        double erp = std::clamp(amount - 40, 0.0, 30.0) / 30 * 100;
        CHECK(forecast.releases[1].done_by[i].second == Approx(erp));
    }
    CHECK(whole[0].second >= whole[1].second);
    CHECK(whole[1].second >= whole[2].second);
}

TEST_CASE("a workload filter keeps that release and its unfiltered numbers", "[forecast]") {
    ForecastOptions options;
    options.trials = 300;
    Forecast all = forecast_completion(sampled_backlog(), options, on("2027-03-02"));
    options.workload = "erp";
    Forecast erp = forecast_completion(sampled_backlog(), options, on("2027-03-02"));
    CHECK_FALSE(erp.whole);
    REQUIRE(erp.releases.size() == 1);
    CHECK(erp.releases[0].workload == "erp");
    CHECK(erp.releases[0].remaining.estimate == 30);
    REQUIRE(erp.releases[0].percentiles.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(erp.releases[0].percentiles[i].iterations ==
              all.releases[1].percentiles[i].iterations);
    }
}

TEST_CASE("an unknown workload and zero trials are refused", "[forecast]") {
    ForecastOptions options;
    options.workload = "ecp";
    Error unknown =
        error_from([&] { forecast_completion(sampled_backlog(), options, on("2027-03-02")); });
    CHECK(unknown.status() == ExitStatus::input);
    CHECK_THAT(unknown.what(), Contains("unknown workload 'ecp'; did you mean 'erp'?"));

    ForecastOptions no_trials;
    no_trials.trials = 0;
    Error zero =
        error_from([&] { forecast_completion(sampled_backlog(), no_trials, on("2027-03-02")); });
    CHECK(zero.status() == ExitStatus::usage);
}

TEST_CASE("a large backlog is forecast with a bounded number of draws", "[forecast]") {
    Backlog backlog = sampled_backlog();
    backlog.assets.clear();
    for (int i = 0; i < 20'000; ++i) {
        backlog.assets.push_back(asset("a-" + std::to_string(i), 1, i % 2 ? "crm" : "erp"));
    }
    ForecastOptions options;
    options.trials = 20;
    Forecast forecast = forecast_completion(backlog, options, on("2027-03-02"));
    REQUIRE(forecast.whole);
    // 20,000 at 5 to 15 per iteration: between 1,334 and 4,000 iterations.
    const auto& percentiles = forecast.whole->percentiles;
    REQUIRE(percentiles.size() == 3);
    CHECK(percentiles[0].iterations > 1'334);
    CHECK(percentiles[2].iterations < 4'000);
}

TEST_CASE("a forecast never counts from an iteration long past", "[forecast]") {
    Backlog backlog;
    backlog.settings.iteration_length_days = 14;
    backlog.settings.default_capacity = 10;
    backlog.settings.first_iteration_start = Date::parse("2027-01-04");
    Asset asset;
    asset.id = "a";
    asset.estimate = 25;
    backlog.assets.push_back(asset);
    // 2027-03-01 lies in the fifth 14-day iteration from 2027-01-04 (2027-03-01..03-14).
    Forecast forecast = forecast_completion(backlog, {}, *Date::parse("2027-03-01"));
    CHECK(forecast.first_iteration_start == Date::parse("2027-03-01"));
    REQUIRE(forecast.whole);
    REQUIRE_FALSE(forecast.whole->percentiles.empty());
    CHECK(forecast.whole->percentiles.front().date == Date::parse("2027-04-11"));
    Forecast early = forecast_completion(backlog, {}, *Date::parse("2027-01-10"));
    CHECK(early.first_iteration_start == Date::parse("2027-01-04"));
}
