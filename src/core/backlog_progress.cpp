#include "mbl/backlog_progress.hpp"

namespace mbl {

void add_remaining(RemainingWork& work, const Asset& asset) {
    ++work.assets;
    if (auto estimate = effective_estimate(asset)) {
        work.estimate += *estimate;
    } else {
        ++work.unestimated;
    }
}

BacklogProgress measure_progress(const Backlog& backlog) {
    BacklogProgress progress;
    progress.assets = backlog.assets.size();
    for (const Asset& asset : backlog.assets) {
        if (is_done_for_release(asset)) {
            ++progress.done;
            progress.done_estimate += effective_estimate(asset).value_or(0);
            continue;
        }
        add_remaining(progress.remaining, asset);
        if (asset.status == AssetStatus::blocked) {
            ++progress.blocked;
        }
    }
    return progress;
}

} // namespace mbl
