#pragma once
// Backlog values for the tests of iterations.hpp (lifecycle, commitment, tasks).

#include "mbl/error.hpp"
#include "mbl/model.hpp"
#include "support/error_from.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace iteration_fixtures {

// A day spelled YYYY-MM-DD (usable before Catch2 runs, for constants).
inline mbl::Date day(const char* text) {
    return mbl::Date::parse(text).value();
}

inline mbl::Asset make_asset(std::string id, std::optional<double> estimate = 8) {
    mbl::Asset asset;
    asset.name = "Asset " + id;
    asset.id = std::move(id);
    asset.estimate = estimate;
    return asset;
}

inline mbl::Asset replicated_asset(std::string id, const char* on,
                                   std::optional<double> estimate = 8) {
    mbl::Asset asset = make_asset(std::move(id), estimate);
    asset.status = mbl::AssetStatus::replicated;
    asset.replicated_on = day(on);
    return asset;
}

inline mbl::Iteration make_iteration(std::string id, const char* start, const char* end,
                                     mbl::IterationState state,
                                     std::vector<std::string> committed = {}) {
    mbl::Iteration iteration;
    iteration.name = "Iteration " + id;
    iteration.id = std::move(id);
    iteration.start = day(start);
    iteration.end = day(end);
    iteration.capacity = 40;
    iteration.state = state;
    iteration.committed = std::move(committed);
    return iteration;
}

using mbl::test::error_from;

// The error `action` throws on `backlog`, checking it left `backlog` unchanged.
template <class Action> mbl::Error refusal(mbl::Backlog& backlog, Action&& action) {
    const mbl::Backlog before = backlog;
    mbl::Error error = error_from([&] { action(backlog); });
    CHECK(backlog == before);
    return error;
}

} // namespace iteration_fixtures
