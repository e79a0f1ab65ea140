#pragma once
// What plan_iteration walks: every asset classified once (left out before the walk, or a
// candidate), and the dependency graph among candidates. Private to the core library
// (docs/planning.md).

#include "id_index.hpp"
#include "mbl/planning.hpp"
#include "workload_order.hpp"

#include <cstddef>
#include <limits>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mbl {

inline constexpr std::size_t not_committed_here = std::numeric_limits<std::size_t>::max();

struct PlanInput {
    const Iteration* target = nullptr; // the planned iteration, none when none exists yet
    WorkloadOrder workloads;
    IdIndex<Asset> asset_index; // id -> first asset with it

    // Per asset index:
    // - the workload group: the workload's index, or workloads.order.size() for an asset without
    //   a (known) workload;
    std::vector<std::size_t> group;
    // - the reason it is left out, when known before the walk (no reason: a candidate, or a
    //   done asset that is simply not listed; see `candidate`);
    std::vector<std::optional<ExclusionReason>> reason;
    std::vector<bool> candidate;
    // - the other open iteration committing it, if any (the detail of committed_elsewhere);
    std::vector<const Iteration*> committed_elsewhere;
    // - true when assets that depend on it may be planned whatever this plan does: done, or
    //   committed to an open iteration earlier than the target;
    std::vector<bool> meets_dependents;
    // - its position in the target's commitment, or not_committed_here;
    std::vector<std::size_t> commitment_position;
    // - its priority (copied so the walk's heaps compare compact values);
    std::vector<int> priority;
    // - its effective estimate (candidates only; 0 otherwise);
    std::vector<double> estimate;
    // - how many of its dependencies are not met yet (candidates only). A dependency on an
    //   unknown id or on an asset that is neither met nor a candidate is never met.
    std::vector<std::size_t> unmet_dependencies;

    // Candidates that depend on each candidate, as compressed rows: the dependents of asset `i`
    // are dependents[dependent_offsets[i] .. dependent_offsets[i + 1]).
    std::vector<std::size_t> dependent_offsets;
    std::vector<std::size_t> dependents;
};

// The first planned iteration by start date (file order on ties), null when there is none; or
// the one named `iteration_id`: Error(input) when unknown, Error(check_failed) when not planned.
const Iteration* plan_target(const Backlog& backlog,
                             const std::optional<std::string>& iteration_id);

// Classifies every asset of `backlog` for a plan of `target` (null: a new iteration after every
// existing one). Linear in assets, commitments and dependencies, plus the workload order.
PlanInput classify_assets(const Backlog& backlog, const Iteration* target);

} // namespace mbl
