#pragma once
// Done, remaining and unestimated: the one definition `status`, `forecast` and `report` share,
// so every view tells the same story about the same file.

#include "mbl/forecast.hpp"
#include "mbl/model.hpp"

#include <cstddef>

namespace mbl {

// The assets of a backlog by the one question every view asks: is it done for release?
//  - done: is_done_for_release, i.e. replicated, or retire/retain whatever its status (those
//    need no migration, so they are never remaining and never unestimated);
//  - remaining: every other asset, with the sum of the effective estimates of the estimated
//    ones and how many have none (`unestimated`);
//  - blocked: the remaining ones whose status is blocked.
struct BacklogProgress {
    std::size_t assets = 0;
    std::size_t done = 0;
    double done_estimate = 0; // effective estimates of the done assets (unestimated add 0)
    RemainingWork remaining;  // assets = assets − done
    std::size_t blocked = 0;
};

// Adds `asset` to `work` as remaining: one more asset, its effective estimate or one more
// unestimated. The caller has decided that it is not done (is_done_for_release).
void add_remaining(RemainingWork& work, const Asset& asset);

// Done, remaining and blocked over every asset of `backlog`.
BacklogProgress measure_progress(const Backlog& backlog);

} // namespace mbl
