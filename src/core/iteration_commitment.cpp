// Editing an iteration's commitment (iterations.hpp): all or nothing, every refusal listed.

#include "field_values.hpp"
#include "mbl/iterations.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <unordered_map>
#include <unordered_set>

namespace mbl {

namespace {

// The iteration to edit, refused when it is closed (its commitment is history).
Iteration& require_open_iteration(Backlog& backlog, std::string_view iteration_id,
                                  std::string_view verb) {
    Iteration& iteration = require_iteration(backlog, iteration_id);
    if (iteration.state == IterationState::closed) {
        throw Error(ExitStatus::check_failed,
                    fmt::format("cannot {} {}: it is closed; 'mbl iteration add' creates the "
                                "next one",
                                verb, iteration.id));
    }
    return iteration;
}

// The assets named in `asset_ids`, each once, in argument order; Error(input) with a suggestion
// for the first unknown id.
std::vector<const Asset*> require_distinct_assets(const Backlog& backlog,
                                                  const std::vector<std::string>& asset_ids) {
    std::unordered_map<std::string_view, const Asset*> assets_by_id;
    assets_by_id.reserve(backlog.assets.size());
    for (const Asset& asset : backlog.assets) {
        assets_by_id.emplace(asset.id, &asset);
    }
    std::vector<const Asset*> assets;
    std::unordered_set<const Asset*> seen;
    for (const std::string& id : asset_ids) {
        auto found = assets_by_id.find(id);
        if (found == assets_by_id.end()) {
            throw unknown_id_error("asset", id, ids_of(backlog.assets));
        }
        if (seen.insert(found->second).second) {
            assets.push_back(found->second);
        }
    }
    return assets;
}

// `heading`, then one indented line per refusal, then `outcome`.
Error refused_assets(std::string_view heading, const std::vector<std::string>& refusals,
                     std::string_view outcome) {
    std::string message(heading);
    for (const std::string& refusal : refusals) {
        message += "\n  " + refusal;
    }
    message += "\n";
    message += outcome;
    return Error(ExitStatus::check_failed, message);
}

} // namespace

std::vector<std::string> commit_assets(Backlog& backlog, std::string_view iteration_id,
                                       const std::vector<std::string>& asset_ids,
                                       std::optional<Date> today) {
    Iteration& iteration = require_open_iteration(backlog, iteration_id, "commit to");
    std::vector<const Asset*> assets = require_distinct_assets(backlog, asset_ids);

    std::unordered_set<std::string_view> committed_here(iteration.committed.begin(),
                                                        iteration.committed.end());
    std::unordered_map<std::string_view, const Iteration*> committed_elsewhere;
    for (const Iteration& other : backlog.iterations) {
        if (&other == &iteration || other.state == IterationState::closed) {
            continue;
        }
        for (const std::string& id : other.committed) {
            committed_elsewhere.emplace(id, &other);
        }
    }

    std::vector<std::string> added;
    std::vector<std::string> refusals;
    for (const Asset* asset : assets) {
        if (committed_here.contains(asset->id)) {
            continue;
        }
        if (asset->status == AssetStatus::replicated) {
            refusals.push_back(fmt::format("{}: already replicated", asset->id));
        } else if (asset->strategy == Strategy::retire || asset->strategy == Strategy::retain) {
            refusals.push_back(fmt::format("{}: strategy {} needs no migration", asset->id,
                                           to_string(asset->strategy)));
        } else if (auto other = committed_elsewhere.find(asset->id);
                   other != committed_elsewhere.end()) {
            refusals.push_back(fmt::format("{}: committed to {} ({})", asset->id, other->second->id,
                                           to_string(other->second->state)));
        } else {
            added.push_back(asset->id);
        }
    }
    if (!refusals.empty()) {
        throw refused_assets(fmt::format("cannot commit to {}:", iteration.id), refusals,
                             "nothing was committed");
    }
    iteration.committed.insert(iteration.committed.end(), added.begin(), added.end());
    if (today && iteration.state == IterationState::active) { // scope added mid-iteration
        std::unordered_set<std::string_view> added_ids(added.begin(), added.end());
        for (Asset& asset : backlog.assets) {
            if (added_ids.contains(asset.id)) {
                asset.committed_on = *today;
            }
        }
    }
    return added;
}

std::vector<std::string> uncommit_assets(Backlog& backlog, std::string_view iteration_id,
                                         const std::vector<std::string>& asset_ids) {
    Iteration& iteration = require_open_iteration(backlog, iteration_id, "uncommit from");
    std::unordered_set<std::string_view> committed_here(iteration.committed.begin(),
                                                        iteration.committed.end());
    std::unordered_set<std::string_view> known_assets;
    known_assets.reserve(backlog.assets.size());
    for (const Asset& asset : backlog.assets) {
        known_assets.insert(asset.id);
    }
    std::vector<std::string> removed;
    std::vector<std::string> refusals;
    std::unordered_set<std::string_view> seen;
    for (const std::string& id : asset_ids) {
        if (!seen.insert(id).second) {
            continue;
        }
        if (committed_here.contains(id)) { // even when the asset itself is gone from the file
            removed.push_back(id);
        } else if (!known_assets.contains(id)) {
            throw unknown_id_error("asset", id, ids_of(backlog.assets));
        } else {
            refusals.push_back(fmt::format("{}: not committed to {}", id, iteration.id));
        }
    }
    if (!refusals.empty()) {
        throw refused_assets(fmt::format("cannot uncommit from {}:", iteration.id), refusals,
                             "nothing was uncommitted");
    }
    std::unordered_set<std::string_view> leaving(removed.begin(), removed.end());
    std::erase_if(iteration.committed, [&](const std::string& id) { return leaving.contains(id); });
    return removed;
}

} // namespace mbl
