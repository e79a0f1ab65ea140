// Which iteration each asset belongs to (release_support.hpp).

#include "release_support.hpp"

namespace mbl {

IterationsByAsset index_iterations_by_asset(const Backlog& backlog) {
    IterationsByAsset index;
    for (const Iteration& iteration : backlog.iterations) {
        if (iteration.state == IterationState::closed && iteration.completed) {
            for (const std::string& id : *iteration.completed) {
                index.emplace(id, &iteration); // the first completing iteration stays
            }
        }
    }
    IterationsByAsset open;
    for (const Iteration& iteration : backlog.iterations) {
        if (iteration.state == IterationState::closed) {
            continue;
        }
        for (const std::string& id : iteration.committed) {
            auto [found, added] = open.emplace(id, &iteration);
            if (!added && iteration.start < found->second->start) {
                found->second = &iteration;
            }
        }
    }
    index.merge(open); // keeps the completing iteration where both name an asset
    return index;
}

const Iteration* lookup_iteration(const IterationsByAsset& index, std::string_view asset_id) {
    auto found = index.find(asset_id);
    return found == index.end() ? nullptr : found->second;
}

} // namespace mbl
