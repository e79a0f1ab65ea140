// Workloads that move to migrating by themselves when their work begins (release.hpp).

#include "mbl/edit.hpp"
#include "mbl/release.hpp"

#include <fmt/format.h>

namespace mbl {

std::vector<AutomaticStageMove>
start_migrating_workloads(Backlog& backlog, const std::vector<std::string>& changed_assets,
                          Date today) {
    std::vector<AutomaticStageMove> moves;
    for (const std::string& id : changed_assets) {
        const Asset* asset = find_asset(backlog, id);
        if (asset == nullptr || !asset->workload ||
            (asset->status != AssetStatus::in_progress &&
             asset->status != AssetStatus::replicated)) {
            continue;
        }
        Workload* workload = find_workload(backlog, *asset->workload);
        if (workload == nullptr || workload->stage != Stage::planned) {
            continue;
        }
        StageChange change;
        change.stage = Stage::migrating;
        change.date = today;
        change.reason = fmt::format(
            "automatic: first asset {} ({})",
            asset->status == AssetStatus::replicated ? "replicated" : "started", asset->id);
        workload->stage = Stage::migrating;
        workload->stage_history.push_back(change);
        moves.push_back({workload->id, std::move(change)});
    }
    return moves;
}

} // namespace mbl
