// How ready each release is, and which releases a change to the assets made unready
// (release.hpp).

#include "mbl/enums.hpp"
#include "mbl/release.hpp"
#include "release_support.hpp"

#include <fmt/format.h>
#include <optional>
#include <unordered_map>

namespace mbl {

namespace {

struct AssetCount {
    std::size_t assets = 0;
    std::size_t done = 0;
};

// Assets and assets done for release per workload id, in one pass over the assets. A workload's
// assets mostly follow one another in a file: the count of the previous asset's workload is
// reused without hashing while the workload stays the same.
std::unordered_map<std::string_view, AssetCount> count_assets(const Backlog& backlog) {
    std::unordered_map<std::string_view, AssetCount> counts;
    std::string_view previous;
    AssetCount* previous_count = nullptr;
    for (const Asset& asset : backlog.assets) {
        if (asset.workload) {
            if (!previous_count || *asset.workload != previous) {
                previous = *asset.workload;
                previous_count = &counts[previous]; // stable: a node-based map
            }
            AssetCount& count = *previous_count;
            ++count.assets;
            count.done += is_done_for_release(asset) ? 1 : 0;
        }
    }
    return counts;
}

AssetCount count_of(const std::unordered_map<std::string_view, AssetCount>& counts,
                    std::string_view workload_id) {
    auto found = counts.find(workload_id);
    return found == counts.end() ? AssetCount{} : found->second;
}

bool is_past_migrating(Stage stage) {
    return stage > Stage::migrating;
}

bool is_ready_for_staging(const Workload& workload, AssetCount count) {
    return !is_past_migrating(workload.stage) && count.assets > 0 && count.done == count.assets;
}

std::optional<Date> date_at_85(const CompletionForecast& completion) {
    for (const PercentileDate& at : completion.percentiles) {
        if (at.percent == 85) {
            return at.date;
        }
    }
    return std::nullopt;
}

std::string lost_message(const Workload& workload, const std::vector<std::string>& assets) {
    std::string listed = assets.front();
    for (std::size_t a = 1; a < assets.size(); ++a) {
        listed += ", " + assets[a];
    }
    return fmt::format("workload {} is at stage {} but its release is no longer ready: {} {} not "
                       "replicated; replicate {} again, or move the workload back with 'mbl "
                       "release advance {} --to migrating'",
                       workload.id, to_string(workload.stage), listed,
                       assets.size() == 1 ? "is" : "are", assets.size() == 1 ? "it" : "them",
                       workload.id);
}

} // namespace

std::vector<ReleaseReadiness> release_readiness(const Backlog& backlog, Date today) {
    return release_readiness(backlog, forecast_completion(backlog, ForecastOptions{}, today));
}

std::vector<ReleaseReadiness> release_readiness(const Backlog& backlog, const Forecast& forecast) {
    auto counts = count_assets(backlog);
    ReleaseIndex index(backlog);
    std::vector<ReleaseReadiness> releases;
    for (const CompletionForecast& completion : forecast.releases) {
        const Workload* workload = index.workload(*completion.workload);
        if (!workload) {
            continue; // cannot happen: the forecast names the file's workloads
        }
        AssetCount count = count_of(counts, workload->id);
        ReleaseReadiness release;
        release.workload_id = workload->id;
        release.name = workload->name;
        release.priority = workload->priority;
        release.stage = workload->stage;
        release.assets = count.assets;
        release.assets_done = count.done;
        release.remaining = completion.remaining;
        release.ready_for_staging = is_ready_for_staging(*workload, count);
        release.next = next_stage(workload->stage);
        if (release.next) {
            release.next_blockers = stage_blockers(index, *workload, *release.next);
        }
        release.forecast_85 = date_at_85(completion);
        release.blocked = completion.blocked;
        releases.push_back(std::move(release));
    }
    return releases;
}

std::vector<std::string> workloads_ready_for_staging(const Backlog& backlog) {
    auto counts = count_assets(backlog);
    std::vector<std::string> ready;
    for (const Workload& workload : backlog.workloads) {
        if (is_ready_for_staging(workload, count_of(counts, workload.id))) {
            ready.push_back(workload.id);
        }
    }
    return ready;
}

std::vector<std::string> ready_releases_past_migrating(const Backlog& backlog) {
    auto counts = count_assets(backlog);
    std::vector<std::string> ready;
    for (const Workload& workload : backlog.workloads) {
        AssetCount count = count_of(counts, workload.id);
        if (is_past_migrating(workload.stage) && count.done == count.assets) {
            ready.push_back(workload.id);
        }
    }
    return ready;
}

std::vector<ReadinessLost> readiness_lost(const Backlog& backlog,
                                          const std::vector<std::string>& ready_before) {
    std::vector<ReadinessLost> lost;
    if (ready_before.empty()) {
        return lost;
    }
    auto counts = count_assets(backlog);
    std::optional<ReleaseIndex> index; // built only when a release is lost: most edits lose none
    for (const std::string& id : ready_before) {
        if (AssetCount count = count_of(counts, id); count.done == count.assets) {
            continue; // still ready; only a lost release pays for the list of its assets
        }
        if (!index) {
            index.emplace(backlog);
        }
        const Workload* workload = index->workload(id);
        if (!workload || !is_past_migrating(workload->stage)) {
            continue;
        }
        std::vector<std::string> assets;
        for (const Blocker& blocker : staging_blockers(*index, *workload)) {
            assets.push_back(blocker.subject);
        }
        if (!assets.empty()) {
            std::string message = lost_message(*workload, assets);
            lost.push_back({workload->id, workload->stage, std::move(assets), std::move(message)});
        }
    }
    return lost;
}

} // namespace mbl
