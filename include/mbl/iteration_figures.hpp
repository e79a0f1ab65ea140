#pragma once
// What `iteration list` and `iteration show` print beyond the file's own fields: the committed
// and done estimates, the days left, the scope changed since the start. Computed from the backlog
// and `today`; prints nothing.

#include "mbl/date.hpp"
#include "mbl/model.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace mbl {

struct IterationFigures {
    // Effective estimates of the committed assets, each id once; unknown ids and unestimated
    // assets add nothing. Sums here are without rounding noise.
    double committed_estimate = 0;
    std::size_t committed_assets = 0; // distinct committed ids
    // Closed: the recorded completed_estimate (none when the file has none). Open: the effective
    // estimates of the committed assets with status replicated, as `status` counts them.
    std::optional<double> done_estimate;
    std::size_t done_assets = 0; // closed: completed ids; open: committed and replicated
    // Active only: days from today to the end, today included (0 once ended), as `status` counts.
    std::optional<int> days_left;
    // Started iterations (committed_at_start recorded): ids committed now but not at the start,
    // and the other way round, each in its list's order.
    bool started = false;
    std::vector<std::string> added_since_start;
    std::vector<std::string> removed_since_start;
};

IterationFigures iteration_figures(const Backlog& backlog, const Iteration& iteration, Date today);

// Days from `today` to the iteration's end, both included: its whole length before it starts, 0
// once it has ended (what `status` and `iteration show` print as days left).
int days_left(const Iteration& iteration, Date today);

// `sum` rounded to millionths, as the core records completed_estimate, so adding binary fractions
// leaves no noise: 0.1 + 0.2 reads `0.3`, not `0.30000000000000004`.
double without_rounding_noise(double sum);

// The effective estimates of the assets named by `ids`, each once (unknown and unestimated add 0),
// without rounding noise.
double estimate_of(const Backlog& backlog, const std::vector<std::string>& ids);

} // namespace mbl
