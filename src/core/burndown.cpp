// Burndown: the scope and the work left at the end of each day of an iteration. An asset is in
// scope from the day it joined (status.hpp, BurndownDay::scope) and counts as done from its
// replicated_on day while its status is replicated, when that day is within the iteration's dates:
// the rule `close` records as completed (an asset replicated before the start or after the end, or
// without replicated_on, never burns down here). A closed iteration shows what its close recorded:
// only the assets in its `completed` burn down, so its burndown agrees with velocity until it is
// reopened and closed again.

#include "forecast_support.hpp"
#include "mbl/status.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_set>

namespace mbl {

namespace {

// Whether the close of `iteration` recorded `asset_id` as completed (`completed`: the ids of its
// `completed`); true while it is open.
bool recorded_completed(const Iteration& iteration,
                        const std::unordered_set<std::string_view>& completed,
                        const std::string& asset_id) {
    if (iteration.state != IterationState::closed || !iteration.completed) {
        return true;
    }
    return completed.contains(asset_id);
}

// The 0-based day of `iteration` (of `length` days) from which `asset` is in its scope.
int day_joined(const Iteration& iteration, int length, const Asset& asset,
               const std::unordered_set<std::string_view>& at_start) {
    if (!iteration.committed_at_start || at_start.contains(asset.id) || !asset.committed_on) {
        return 0;
    }
    return std::clamp(iteration.start.days_until(*asset.committed_on), 0, length - 1);
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
    std::unordered_set<std::string_view> at_start;
    if (iteration.committed_at_start) {
        at_start.insert(iteration.committed_at_start->begin(), iteration.committed_at_start->end());
    }
    std::unordered_set<std::string_view> completed; // looked up once per committed asset
    if (iteration.state == IterationState::closed && iteration.completed) {
        completed.insert(iteration.completed->begin(), iteration.completed->end());
    }
    // added_on[d], done_on[d]: the estimate that joined the scope, was replicated, on day d.
    std::vector<double> added_on(static_cast<std::size_t>(length), 0);
    std::vector<double> done_on(static_cast<std::size_t>(length), 0);
    for (const Asset* asset : committed) {
        double estimate = effective_estimate(*asset).value_or(0);
        int joined = day_joined(iteration, length, *asset, at_start);
        added_on[static_cast<std::size_t>(joined)] += estimate;
        if (!completed_within(*asset, iteration) ||
            !recorded_completed(iteration, completed, asset->id)) {
            continue;
        }
        int day = std::max(joined, iteration.start.days_until(*asset->replicated_on));
        done_on[static_cast<std::size_t>(day)] += estimate;
    }
    double first_day_scope = added_on[0];
    double scope = 0;
    double done = 0;
    for (int d = 0; d < length; ++d) {
        BurndownDay day;
        day.day = iteration.start.plus_days(d);
        scope += added_on[static_cast<std::size_t>(d)];
        done += done_on[static_cast<std::size_t>(d)];
        day.scope = scope;
        if (day.day <= today) {
            day.remaining = std::max(0.0, scope - done);
        }
        day.ideal = first_day_scope * (length - 1 - d) / length;
        burndown.days.push_back(day);
    }
    return burndown;
}

Burndown compute_burndown(const Backlog& backlog, const Iteration& iteration, Date today) {
    return burndown_of(
        iteration,
        resolve_assets(index_assets_named(backlog, {&iteration.committed}), iteration.committed),
        today);
}

} // namespace mbl
