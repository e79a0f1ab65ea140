// The capacity a plan fills: asked for, else recent velocity, else the file's default.

#include "field_values.hpp"
#include "mbl/planning.hpp"

#include <algorithm>
#include <cmath>

namespace mbl {

namespace {

// How many of the latest closed iterations the velocity capacity averages.
constexpr std::size_t averaged_iterations = 3;

} // namespace

PlanningCapacity planning_capacity(const Backlog& backlog, std::optional<double> requested) {
    if (requested) {
        check_estimate(*requested, "capacity", max_iteration_total);
        return {*requested == 0 ? 0.0 : *requested, CapacitySource::flag, {}};
    }

    std::vector<const Iteration*> closed;
    for (const Iteration& iteration : backlog.iterations) {
        if (iteration.state == IterationState::closed && iteration.completed_estimate) {
            closed.push_back(&iteration);
        }
    }
    if (closed.empty()) {
        return {backlog.settings.default_capacity, CapacitySource::default_capacity, {}};
    }
    // By end date; equal ends keep file order.
    std::stable_sort(closed.begin(), closed.end(),
                     [](const Iteration* a, const Iteration* b) { return a->end < b->end; });
    std::size_t first = closed.size() - std::min(closed.size(), averaged_iterations);

    PlanningCapacity capacity{0, CapacitySource::velocity, {}};
    double sum = 0;
    for (std::size_t i = first; i < closed.size(); ++i) {
        sum += *closed[i]->completed_estimate;
        capacity.from_iterations.push_back(closed[i]->id);
    }
    capacity.value = sum / static_cast<double>(closed.size() - first);
    return capacity;
}

PlanningCapacity default_iteration_capacity(const Backlog& backlog) {
    PlanningCapacity capacity = planning_capacity(backlog, std::nullopt);
    constexpr double hundredths = 100;
    capacity.value = std::round(capacity.value * hundredths) / hundredths;
    return capacity;
}

} // namespace mbl
