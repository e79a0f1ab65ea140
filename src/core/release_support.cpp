// Which iteration each asset belongs to (release_support.hpp).

#include "release_support.hpp"

namespace mbl {

IterationsByAsset index_iterations_by_asset(const Backlog& backlog) {
    std::size_t completed = 0;
    std::size_t committed = 0;
    for (const Iteration& iteration : backlog.iterations) {
        if (iteration.state == IterationState::closed) {
            completed += iteration.completed ? iteration.completed->size() : 0;
        } else {
            committed += iteration.committed.size();
        }
    }
    IterationsByAsset index(completed + committed);
    for (const Iteration& iteration : backlog.iterations) {
        if (iteration.state == IterationState::closed && iteration.completed) {
            for (const std::string& id : *iteration.completed) {
                index.emplace(id, &iteration); // the first completing iteration stays
            }
        }
    }
    IterationsByAsset open(committed);
    for (const Iteration& iteration : backlog.iterations) {
        if (iteration.state == IterationState::closed) {
            continue;
        }
        for (const std::string& id : iteration.committed) {
            auto [found, added] = open.emplace(id, &iteration);
            if (!added && iteration.start < (*found)->start) {
                *found = &iteration;
            }
        }
    }
    // The completing iteration stays where both name an asset.
    open.for_each(
        [&](std::string_view id, const Iteration* iteration) { index.emplace(id, iteration); });
    return index;
}

const Iteration* lookup_iteration(const IterationsByAsset& index, std::string_view asset_id) {
    const Iteration* const* found = index.find(asset_id);
    return found ? *found : nullptr;
}

} // namespace mbl
