#pragma once
// Shared by the release reports and the work breakdown (private to the core library): which
// iteration each asset belongs to, in one pass over the iterations; each workload's assets and
// the workloads by id, in one pass over the assets, for gates checked on every workload.

#include "flat_id_map.hpp"
#include "mbl/model.hpp"
#include "mbl/release.hpp"

#include <string_view>
#include <unordered_map>
#include <vector>

namespace mbl {

// Asset id -> the iteration it belongs to (see iteration_of_asset in release.hpp): the first
// closed iteration in file order whose `completed` names it, else the open iteration committing
// it that starts first (file order on ties). Assets in neither are absent.
using IterationsByAsset = detail::FlatIdMap<const Iteration*>;
IterationsByAsset index_iterations_by_asset(const Backlog& backlog);

// The iteration of `asset_id` in `index`, or null.
const Iteration* lookup_iteration(const IterationsByAsset& index, std::string_view asset_id);

// Each workload id's release backlog (the assets naming it, file order) and the workloads by id
// (the first with that id, as find_workload): built in one pass over the assets and one over the
// workloads, so that the gates of every workload cost one pass in all, not one each.
class ReleaseIndex {
  public:
    explicit ReleaseIndex(const Backlog& backlog);
    // The assets whose `workload` is `workload_id`, in file order; empty for none.
    const std::vector<const Asset*>& assets_of(std::string_view workload_id) const;
    // The workload with id `id`, or null.
    const Workload* workload(std::string_view id) const;

  private:
    std::unordered_map<std::string_view, std::vector<const Asset*>> assets_;
    std::unordered_map<std::string_view, const Workload*> workloads_;
};

// staging_blockers, production_blockers and stage_blockers (release.hpp) over an index of the
// same backlog.
std::vector<Blocker> staging_blockers(const ReleaseIndex& index, const Workload& workload);
std::vector<Blocker> production_blockers(const ReleaseIndex& index, const Workload& workload);
std::vector<Blocker> stage_blockers(const ReleaseIndex& index, const Workload& workload,
                                    Stage target);

} // namespace mbl
