#include "forecast_support.hpp"

#include "flat_id_map.hpp"
#include "prefetch.hpp"

#include <algorithm>
#include <unordered_set>

namespace mbl {

AssetsById index_assets(const Backlog& backlog) {
    AssetsById index;
    index.reserve(backlog.assets.size());
    for (const Asset& asset : backlog.assets) {
        index.emplace(asset.id, &asset);
    }
    return index;
}

AssetsById index_assets_named(const Backlog& backlog,
                              const std::vector<const std::vector<std::string>*>& lists) {
    std::size_t named = 0;
    for (const std::vector<std::string>* ids : lists) {
        named += ids->size();
    }
    detail::FlatIdMap<bool> wanted(
        named); // flat: most assets are not named, told by its tags alone
    for (const std::vector<std::string>* ids : lists) {
        for (const std::string& id : *ids) {
            wanted.emplace(id, true);
        }
    }
    AssetsById index;
    if (wanted.empty()) {
        return index;
    }
    index.reserve(wanted.size());
    const std::vector<Asset>& assets = backlog.assets;
    for (std::size_t i = 0; i < assets.size(); ++i) {
        detail::prefetch_id_ahead(assets, i);
        if (wanted.find(assets[i].id)) { // the first of duplicates wins, as index_assets
            index.emplace(assets[i].id, &assets[i]);
        }
    }
    return index;
}

AssetsById index_assets_named(const Backlog& backlog,
                              std::initializer_list<const std::vector<std::string>*> lists) {
    return index_assets_named(backlog, std::vector<const std::vector<std::string>*>(lists));
}

const Asset* lookup_asset(const AssetsById& assets, std::string_view id) {
    auto found = assets.find(id);
    return found == assets.end() ? nullptr : found->second;
}

std::vector<const Asset*> resolve_assets(const AssetsById& assets,
                                         const std::vector<std::string>& ids) {
    std::vector<const Asset*> resolved;
    std::unordered_set<const Asset*> seen;
    for (const std::string& id : ids) {
        const Asset* asset = lookup_asset(assets, id);
        if (asset && seen.insert(asset).second) {
            resolved.push_back(asset);
        }
    }
    return resolved;
}

double sum_of_estimates(const std::vector<const Asset*>& assets) {
    double sum = 0;
    for (const Asset* asset : assets) {
        sum += effective_estimate(*asset).value_or(0);
    }
    return sum;
}

double sum_of_estimates(const AssetsById& assets, const std::vector<std::string>& ids) {
    return sum_of_estimates(resolve_assets(assets, ids));
}

std::vector<double> sums_of_estimates(const Backlog& backlog,
                                      const std::vector<const std::vector<std::string>*>& lists) {
    struct Named {
        const Asset* asset = nullptr; // the first asset holding the id; null: none
        std::size_t counted_in = 0;   // 1 + the last list whose sum has it; 0: none yet
    };
    std::size_t ids = 0;
    for (const std::vector<std::string>* list : lists) {
        ids += list->size();
    }
    detail::FlatIdMap<Named> named(ids);
    for (const std::vector<std::string>* list : lists) {
        for (const std::string& id : *list) {
            named.emplace(id, Named{});
        }
    }
    if (!named.empty()) {
        for (const Asset& asset : backlog.assets) {
            Named* found = named.find(asset.id);
            if (found && !found->asset) {
                found->asset = &asset; // the first of duplicates wins, as index_assets
            }
        }
    }
    std::vector<double> sums;
    for (std::size_t l = 0; l < lists.size(); ++l) {
        double sum = 0;
        for (const std::string& id : *lists[l]) {
            Named* found = named.find(id);
            if (found && found->asset && found->counted_in != l + 1) { // each asset once
                found->counted_in = l + 1;
                sum += effective_estimate(*found->asset).value_or(0);
            }
        }
        sums.push_back(sum);
    }
    return sums;
}

bool completed_within(const Asset& asset, const Iteration& iteration) {
    return asset.status == AssetStatus::replicated && asset.replicated_on &&
           iteration.start <= *asset.replicated_on && *asset.replicated_on <= iteration.end;
}

std::vector<const Iteration*> closed_iterations_by_end(const Backlog& backlog) {
    std::vector<const Iteration*> closed;
    for (const Iteration& iteration : backlog.iterations) {
        if (iteration.state == IterationState::closed && iteration.completed_estimate) {
            closed.push_back(&iteration);
        }
    }
    std::stable_sort(closed.begin(), closed.end(),
                     [](const Iteration* a, const Iteration* b) { return a->end < b->end; });
    return closed;
}

} // namespace mbl
