#pragma once
// The merge checked as a plan (merge.hpp): commitments clean field by field can still add up to
// more than an iteration holds, or put one asset in two open iterations.

#include "flat_id_map.hpp"
#include "mbl/merge.hpp"
#include "mbl/model.hpp"

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace mbl::detail {

// What the plan check needs of one version of the backlog, taken before the merge changes it:
// each iteration's commitment and its committed estimate (the assets' effective estimates).
struct PlanFacts {
    struct IterationFacts {
        std::string id;
        bool open = false; // planned or active
        double capacity = 0;
        std::vector<std::string> committed;
        double committed_estimate = 0;
    };
    PlanFacts() = default;
    PlanFacts(PlanFacts&&) noexcept = default;
    PlanFacts& operator=(PlanFacts&&) noexcept = default;
    PlanFacts(const PlanFacts&) = delete; // open_commitments views the iterations' strings
    PlanFacts& operator=(const PlanFacts&) = delete;

    std::vector<IterationFacts> iterations; // in the file's order
    std::unordered_map<std::string, std::size_t> by_id;
    // asset id (a view of an id in `iterations`' committed lists) -> open iterations
    FlatIdMap<int> open_commitments;

    const IterationFacts* iteration(const std::string& id) const;
    bool over_commits(const std::string& iteration_id) const;
    bool commits_twice(const std::string& asset_id) const;
};

PlanFacts plan_facts(const Backlog& backlog);

// Gives each asset of a backlog to its argument, in the backlog's order.
using AssetVisitor = std::function<void(const Asset&)>;
using AssetWalk = std::function<void(const AssetVisitor&)>;

// The facts of a backlog given as its `iterations`, in order, and a walk over its assets (the
// first asset of an id counts): for a backlog no longer held whole (the merge's base, known by
// theirs and what theirs changed from it).
PlanFacts plan_facts(const std::vector<const Iteration*>& iterations, const AssetWalk& assets);

// Conflicts of `merged` (the merge of `ours` and `theirs`, from `base`, null when none) as a plan,
// in `merged`'s order: over_committed for each open iteration whose committed estimate is above
// its capacity while neither side's is; then committed_twice for each asset committed to two or
// more open iterations while neither side's is. Each names what each side committed; `unit` is
// the merge's estimate unit.
std::vector<MergeConflict> plan_conflicts(const PlanFacts* base, const PlanFacts& ours,
                                          const PlanFacts& theirs, const PlanFacts& merged,
                                          EstimateUnit unit);

} // namespace mbl::detail
