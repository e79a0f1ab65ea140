// One workload's release backlog, grouped, with each asset's iteration and unmet dependencies
// (release.hpp).

#include "forecast_support.hpp"
#include "mbl/edit.hpp"
#include "mbl/release.hpp"
#include "release_support.hpp"

#include <algorithm>

namespace mbl {

ReleaseGroup release_group(const Asset& asset) {
    if (asset.strategy == Strategy::retire || asset.strategy == Strategy::retain) {
        return ReleaseGroup::no_migration;
    }
    switch (asset.status) {
    case AssetStatus::in_progress:
        return ReleaseGroup::in_progress;
    case AssetStatus::blocked:
        return ReleaseGroup::blocked;
    case AssetStatus::replicated:
        return ReleaseGroup::replicated;
    default:
        return ReleaseGroup::not_started;
    }
}

namespace {

// The dependencies of `asset` on assets not done for release, in depends_on order.
std::vector<UnmetDependency> unmet_dependencies(const AssetsById& assets, const Asset& asset) {
    std::vector<UnmetDependency> unmet;
    for (const std::string& id : asset.depends_on) {
        const Asset* dependency = lookup_asset(assets, id);
        if (!dependency) {
            unmet.push_back({id, std::nullopt, std::nullopt});
        } else if (!is_done_for_release(*dependency)) {
            std::optional<std::string> other_workload;
            if (dependency->workload != asset.workload) {
                other_workload = dependency->workload;
            }
            unmet.push_back({id, std::move(other_workload), dependency->status});
        }
    }
    return unmet;
}

} // namespace

ReleaseBacklog release_backlog(const Backlog& backlog, std::string_view workload_id, Date today) {
    const Workload& workload = require_workload(backlog, workload_id);
    ReleaseBacklog release;
    for (ReleaseReadiness& readiness : release_readiness(backlog, today)) {
        if (readiness.workload_id == workload.id) {
            release.readiness = std::move(readiness);
        }
    }
    for (const std::string& id : workload.depends_on) {
        const Workload* dependency = find_workload(backlog, id);
        release.depends_on.push_back(
            {id, dependency ? std::optional(dependency->stage) : std::nullopt});
    }
    AssetsById assets = index_assets(backlog);
    IterationsByAsset iterations = index_iterations_by_asset(backlog);
    for (const Asset& asset : backlog.assets) {
        if (asset.workload != workload.id) {
            continue;
        }
        const Iteration* iteration = lookup_iteration(iterations, asset.id);
        release.assets.push_back({&asset, release_group(asset),
                                  iteration ? std::optional(iteration->id) : std::nullopt,
                                  unmet_dependencies(assets, asset)});
    }
    std::stable_sort(
        release.assets.begin(), release.assets.end(),
        [](const ReleaseAsset& a, const ReleaseAsset& b) { return a.group < b.group; });
    return release;
}

std::optional<std::string> iteration_of_asset(const Backlog& backlog, std::string_view asset_id) {
    const Iteration* iteration = lookup_iteration(index_iterations_by_asset(backlog), asset_id);
    return iteration ? std::optional(iteration->id) : std::nullopt;
}

} // namespace mbl
