#pragma once
// Proposing an iteration's commitment: what fits the capacity, in the order priorities and
// dependencies give, with the reason for everything left out (docs/planning.md).

#include "mbl/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mbl {

enum class CapacitySource { flag, velocity, default_capacity };

struct PlanningCapacity {
    double value = 0;
    CapacitySource source = CapacitySource::default_capacity;
    std::vector<std::string> from_iterations; // velocity: the closed iterations averaged
};

// `requested` when given; else the average completed_estimate of the last three closed iterations
// (by end date) that have one; else settings.default_capacity.
PlanningCapacity planning_capacity(const Backlog& backlog, std::optional<double> requested);

enum class ExclusionReason {
    replicated,            // already done
    no_migration,          // strategy retire or retain
    blocked,               // status blocked
    committed_elsewhere,   // committed to another open iteration
    needs_estimate,        // no effective estimate: never committed
    waiting_on_dependency, // depends on an asset neither replicated nor committed earlier/here
    over_capacity,         // would not fit what is left of the capacity
};

struct Exclusion {
    std::string asset_id;
    ExclusionReason reason;
    std::string detail; // e.g. the iteration it is committed to, the dependency waited on
};

struct PlannedAsset {
    std::string asset_id;
    double estimate = 0;
};

struct IterationPlan {
    std::optional<std::string> iteration_id; // none: no planned iteration exists yet
    PlanningCapacity capacity;
    std::vector<PlannedAsset> proposed; // in planning order
    double proposed_estimate = 0;       // never more than capacity.value
    // The assets that still need migration and are not proposed, plus done assets this
    // iteration commits that the plan drops; ordered by workload, asset priority, file order
    // (docs/planning.md).
    std::vector<Exclusion> left_out;
};

// Proposes the commitment of a planned iteration: `iteration_id`, else the first planned
// iteration by start date (none when there is none). Deterministic: the same backlog and
// arguments give the same plan. O((assets + dependencies) log assets).
// Error(input) for an unknown id; Error(check_failed) when that iteration is not planned.
IterationPlan plan_iteration(const Backlog& backlog, const std::optional<std::string>& iteration_id,
                             std::optional<double> capacity);

} // namespace mbl
