// Velocity: what the closed iterations committed and completed. The committed estimate is
// computed from today's estimates of the commitment at start (else the final commitment), so it
// moves when estimates are edited; the completed estimate is the one recorded at close.

#include "forecast_support.hpp"
#include "mbl/forecast.hpp"

#include <algorithm>
#include <cmath>

namespace mbl {

Velocity compute_velocity(const Backlog& backlog, std::optional<std::size_t> last) {
    std::vector<const Iteration*> closed = closed_iterations_by_end(backlog);
    if (last && *last < closed.size()) {
        closed.erase(closed.begin(), closed.end() - static_cast<std::ptrdiff_t>(*last));
    }
    Velocity velocity;
    if (closed.empty()) {
        return velocity;
    }
    std::vector<const std::vector<std::string>*> commitments;
    for (const Iteration* iteration : closed) {
        commitments.push_back(iteration->committed_at_start ? &*iteration->committed_at_start
                                                            : &iteration->committed);
    }
    std::vector<double> committed = sums_of_estimates(backlog, commitments);
    for (std::size_t i = 0; i < closed.size(); ++i) {
        const Iteration* iteration = closed[i];
        IterationVelocity entry;
        entry.iteration_id = iteration->id;
        entry.name = iteration->name;
        entry.start = iteration->start;
        entry.end = iteration->end;
        entry.committed_estimate = committed[i];
        entry.completed_estimate = *iteration->completed_estimate;
        entry.assets_migrated = iteration->completed ? iteration->completed->size() : 0;
        velocity.iterations.push_back(std::move(entry));
    }

    double sum = 0;
    velocity.minimum = velocity.iterations.front().completed_estimate;
    velocity.maximum = velocity.minimum;
    for (const IterationVelocity& entry : velocity.iterations) {
        sum += entry.completed_estimate;
        velocity.minimum = std::min(velocity.minimum, entry.completed_estimate);
        velocity.maximum = std::max(velocity.maximum, entry.completed_estimate);
    }
    auto count = static_cast<double>(velocity.iterations.size());
    velocity.average = sum / count;
    double squares = 0;
    for (const IterationVelocity& entry : velocity.iterations) {
        double deviation = entry.completed_estimate - velocity.average;
        squares += deviation * deviation;
    }
    velocity.standard_deviation = std::sqrt(squares / count);
    return velocity;
}

} // namespace mbl
