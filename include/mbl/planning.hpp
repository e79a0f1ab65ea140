#pragma once
// Proposing an iteration's commitment: what fits the capacity, in the order priorities and
// dependencies give, with the reason for everything left out (docs/planning.md).

#include "mbl/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mbl {

// Where a plan's capacity came from: asked for (`--capacity`), the planned iteration's own
// `capacity` field, the velocity, or settings.default_capacity.
enum class CapacitySource { flag, iteration, velocity, default_capacity };

struct PlanningCapacity {
    double value = 0;
    CapacitySource source = CapacitySource::default_capacity;
    std::vector<std::string> from_iterations; // velocity: the closed iterations averaged
};

// `requested` when given; else the average completed_estimate of the last three closed iterations
// (by end date) that have one; else settings.default_capacity.
// Error(usage) for a requested capacity that is negative, not finite or above the limit.
PlanningCapacity planning_capacity(const Backlog& backlog, std::optional<double> requested);

// The capacity a new iteration gets when the caller gives none: planning_capacity without a
// request (velocity, else settings.default_capacity), rounded to hundredths so the file reads
// `69.33`, not `69.33333333333333`. `mbl iteration add`, `iteration close --carry-over` and a
// plan committed to a new iteration use it.
PlanningCapacity default_iteration_capacity(const Backlog& backlog);

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
// iteration by start date (none when there is none). The capacity filled is `capacity` when
// given (source flag), else the iteration's own `capacity` when above 0 (source iteration), else
// default_iteration_capacity (velocity or default_capacity): the plan `mbl iteration plan`
// shows. Deterministic: the same backlog and arguments give the same plan.
// O((assets + dependencies) log assets). Error(input) for an unknown id; Error(check_failed) when
// that iteration is not planned; Error(usage) for a bad `capacity` (see planning_capacity).
IterationPlan plan_iteration(const Backlog& backlog, const std::optional<std::string>& iteration_id,
                             std::optional<double> capacity);

// What commit_iteration_plan changed.
struct PlanCommitment {
    std::string iteration_id;
    bool created = false;           // the iteration was added for this plan
    std::vector<std::string> added; // newly committed, in plan order
    double added_estimate = 0;      // their effective estimates, without rounding noise
    // A capacity asked for (source flag) stored as the iteration's capacity: the capacity it had
    // before (none when the iteration was created, or already had it).
    std::optional<double> capacity_before;
};

// Commits `plan` (from plan_iteration on this `backlog`) as `mbl iteration plan --commit` does:
// adds the iteration first when the plan has none (dated after every existing one, from
// `today`, with the plan's capacity; `plan.iteration_id` is then set), stores a capacity asked for
// as the iteration's capacity, and commits the proposed assets; what the iteration already
// commits stays committed. Errors as commit_assets.
PlanCommitment commit_iteration_plan(Backlog& backlog, IterationPlan& plan, Date today);

} // namespace mbl
