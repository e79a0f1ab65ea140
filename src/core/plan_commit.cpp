// Committing a plan (planning.hpp): what `mbl iteration plan --commit` does to the backlog.

#include "mbl/iteration_figures.hpp"
#include "mbl/iterations.hpp"
#include "mbl/planning.hpp"

namespace mbl {

PlanCommitment commit_iteration_plan(Backlog& backlog, IterationPlan& plan, Date today) {
    PlanCommitment commitment;
    if (!plan.iteration_id) {
        NewIteration request;
        request.capacity = plan.capacity.value;
        plan.iteration_id = add_iteration(backlog, request, today).id;
        commitment.created = true;
    }
    commitment.iteration_id = *plan.iteration_id;
    if (plan.capacity.source == CapacitySource::flag) {
        // The team said what it can do this time: the iteration keeps it.
        Iteration& iteration = require_iteration(backlog, commitment.iteration_id);
        if (iteration.capacity != plan.capacity.value) {
            commitment.capacity_before = iteration.capacity;
            iteration.capacity = plan.capacity.value;
        }
    }
    std::vector<std::string> ids;
    ids.reserve(plan.proposed.size());
    for (const PlannedAsset& planned : plan.proposed) {
        ids.push_back(planned.asset_id);
    }
    commitment.added = commit_assets(backlog, commitment.iteration_id, ids);
    commitment.added_estimate = estimate_of(backlog, commitment.added);
    return commitment;
}

} // namespace mbl
