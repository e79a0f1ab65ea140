// Burndown: the committed estimate left at the end of each day of an iteration. An asset counts
// as done from its replicated_on day while its status is replicated, when that day is within the
// iteration's dates: the rule `close` records as completed (an asset replicated before the start
// or after the end, or without replicated_on, never burns down here). A closed iteration shows
// what its close recorded: only the assets in its `completed` burn down, so its burndown agrees
// with velocity until it is reopened and closed again.

#include "forecast_support.hpp"
#include "mbl/status.hpp"

#include <algorithm>

namespace mbl {

namespace {

// Whether the close of `iteration` recorded `asset_id` as completed; true while it is open.
bool recorded_completed(const Iteration& iteration, const std::string& asset_id) {
    if (iteration.state != IterationState::closed || !iteration.completed) {
        return true;
    }
    const auto& completed = *iteration.completed;
    return std::find(completed.begin(), completed.end(), asset_id) != completed.end();
}

} // namespace

Burndown burndown_of(const Iteration& iteration, const std::vector<const Asset*>& committed,
                     Date today) {
    Burndown burndown;
    burndown.iteration_id = iteration.id;
    burndown.committed_estimate = sum_of_estimates(committed);
    int length = iteration.start.days_until(iteration.end) + 1;
    if (length <= 0) {
        return burndown;
    }
    // done_on[d]: the estimate replicated on day d (0-based from start).
    std::vector<double> done_on(static_cast<std::size_t>(length), 0);
    for (const Asset* asset : committed) {
        if (!completed_within(*asset, iteration) || !recorded_completed(iteration, asset->id)) {
            continue;
        }
        int day = iteration.start.days_until(*asset->replicated_on);
        done_on[static_cast<std::size_t>(day)] += effective_estimate(*asset).value_or(0);
    }
    double remaining = burndown.committed_estimate;
    for (int d = 0; d < length; ++d) {
        BurndownDay day;
        day.day = iteration.start.plus_days(d);
        remaining -= done_on[static_cast<std::size_t>(d)];
        if (day.day <= today) {
            day.remaining = std::max(0.0, remaining);
        }
        day.ideal = burndown.committed_estimate * (length - 1 - d) / length;
        burndown.days.push_back(day);
    }
    return burndown;
}

Burndown compute_burndown(const Backlog& backlog, const Iteration& iteration, Date today) {
    return burndown_of(iteration, resolve_assets(index_assets(backlog), iteration.committed),
                       today);
}

} // namespace mbl
