// `asset list` criteria (edit.hpp, filter_assets).

#include "field_values.hpp"
#include "mbl/edit.hpp"

#include <algorithm>
#include <unordered_set>

namespace mbl {

namespace {

// The asset ids an iteration holds: committed, and completed once closed.
std::unordered_set<std::string_view> assets_of(const Iteration& iteration) {
    std::unordered_set<std::string_view> ids(iteration.committed.begin(),
                                             iteration.committed.end());
    if (iteration.completed) {
        ids.insert(iteration.completed->begin(), iteration.completed->end());
    }
    return ids;
}

} // namespace

std::vector<const Asset*> filter_assets(const Backlog& backlog, const AssetFilter& filter) {
    if (filter.workload) {
        require_workload(backlog, *filter.workload);
    }
    std::optional<std::unordered_set<std::string_view>> in_iteration;
    if (filter.iteration) {
        const Iteration* iteration = find_iteration(backlog, *filter.iteration);
        if (!iteration) {
            throw unknown_id_error("iteration", *filter.iteration, ids_of(backlog.iterations));
        }
        in_iteration = assets_of(*iteration);
    }
    auto matches = [&](const Asset& asset) {
        return (!filter.status || asset.status == *filter.status) &&
               (!filter.kind || asset.kind == *filter.kind) &&
               (!filter.workload || asset.workload == *filter.workload) &&
               (!in_iteration || in_iteration->contains(asset.id)) &&
               (!filter.tag ||
                std::find(asset.tags.begin(), asset.tags.end(), *filter.tag) != asset.tags.end()) &&
               (!filter.strategy || asset.strategy == *filter.strategy);
    };
    std::vector<const Asset*> matching;
    for (const Asset& asset : backlog.assets) {
        if (matches(asset)) {
            matching.push_back(&asset);
        }
    }
    return matching;
}

} // namespace mbl
