#include "mbl/iteration_figures.hpp"

#include "forecast_support.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace mbl {
namespace {

// `ids` in order, each once.
std::vector<std::string> distinct(const std::vector<std::string>& ids) {
    std::vector<std::string> once;
    std::unordered_set<std::string_view> seen;
    for (const std::string& id : ids) {
        if (seen.insert(id).second) {
            once.push_back(id);
        }
    }
    return once;
}

// The ids of `from` (each once) that `other` does not hold.
std::vector<std::string> missing_from(const std::vector<std::string>& from,
                                      const std::vector<std::string>& other) {
    std::unordered_set<std::string_view> present(other.begin(), other.end());
    std::vector<std::string> missing;
    for (const std::string& id : distinct(from)) {
        if (!present.contains(id)) {
            missing.push_back(id);
        }
    }
    return missing;
}

} // namespace

double without_rounding_noise(double sum) {
    constexpr double millionths = 1e6;
    return std::round(sum * millionths) / millionths;
}

double estimate_of(const Backlog& backlog, const std::vector<std::string>& ids) {
    AssetsById index = index_assets_named(backlog, {&ids});
    double sum = 0;
    for (const std::string& id : distinct(ids)) {
        auto found = index.find(id);
        if (found != index.end()) {
            sum += effective_estimate(*found->second).value_or(0);
        }
    }
    return without_rounding_noise(sum);
}

IterationFigures iteration_figures(const Backlog& backlog, const Iteration& iteration, Date today) {
    AssetsById index = index_assets_named(backlog, {&iteration.committed});
    IterationFigures figures;
    double replicated_estimate = 0;
    std::size_t replicated_assets = 0;
    for (const std::string& id : distinct(iteration.committed)) {
        ++figures.committed_assets;
        auto found = index.find(id);
        if (found == index.end()) {
            continue;
        }
        const Asset& asset = *found->second;
        double estimate = effective_estimate(asset).value_or(0);
        figures.committed_estimate += estimate;
        if (asset.status == AssetStatus::replicated) {
            replicated_estimate += estimate;
            ++replicated_assets;
        }
    }
    figures.committed_estimate = without_rounding_noise(figures.committed_estimate);
    if (iteration.state == IterationState::closed) {
        figures.done_estimate = iteration.completed_estimate;
        figures.done_assets = iteration.completed ? distinct(*iteration.completed).size() : 0;
    } else {
        figures.done_estimate = without_rounding_noise(replicated_estimate);
        figures.done_assets = replicated_assets;
    }
    if (iteration.state == IterationState::active) {
        figures.days_left = days_left(iteration, today);
    }
    if (iteration.committed_at_start) {
        figures.started = true;
        figures.added_since_start =
            missing_from(iteration.committed, *iteration.committed_at_start);
        figures.removed_since_start =
            missing_from(*iteration.committed_at_start, iteration.committed);
    }
    return figures;
}

int days_left(const Iteration& iteration, Date today) {
    if (today < iteration.start) {
        return iteration.start.days_until(iteration.end) + 1;
    }
    if (today <= iteration.end) {
        return today.days_until(iteration.end) + 1;
    }
    return 0;
}

} // namespace mbl
