// Correcting a closed iteration: reopening it, and warning when a replicated_on cannot count
// where the team probably meant it to (iterations.hpp; docs/planning.md, "When work counts").

#include "field_values.hpp"
#include "mbl/iterations.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace mbl {

namespace {

bool commits(const Iteration& iteration, std::string_view asset_id) {
    return std::find(iteration.committed.begin(), iteration.committed.end(), asset_id) !=
           iteration.committed.end();
}

// The iteration whose dates hold `day` (the first in file order), or null.
const Iteration* iteration_on(const Backlog& backlog, Date day) {
    for (const Iteration& iteration : backlog.iterations) {
        if (iteration.start <= day && day <= iteration.end) {
            return &iteration;
        }
    }
    return nullptr;
}

} // namespace

ReopenReport reopen_iteration(Backlog& backlog, std::string_view iteration_id) {
    Iteration& reopening = require_iteration(backlog, iteration_id);
    if (reopening.state != IterationState::closed) {
        throw Error(ExitStatus::check_failed,
                    fmt::format("{} is {}; only a closed iteration can be reopened", reopening.id,
                                to_string(reopening.state)));
    }
    for (const Iteration& other : backlog.iterations) {
        if (other.state == IterationState::active) {
            throw Error(ExitStatus::check_failed,
                        fmt::format("{} is active; close it before reopening {} (at most one "
                                    "iteration is active)",
                                    other.id, reopening.id));
        }
    }
    ReopenReport report;
    for (Iteration& planned : backlog.iterations) {
        if (planned.state != IterationState::planned) {
            continue;
        }
        auto taken =
            std::stable_partition(planned.committed.begin(), planned.committed.end(),
                                  [&](const std::string& id) { return !commits(reopening, id); });
        if (taken == planned.committed.end()) {
            continue;
        }
        report.taken_back.insert(report.taken_back.end(), taken, planned.committed.end());
        report.taken_from = report.taken_from.value_or(planned.id);
        planned.committed.erase(taken, planned.committed.end());
    }
    reopening.completed.reset();
    reopening.completed_estimate.reset();
    reopening.state = IterationState::active;
    return report;
}

std::vector<std::string> replication_date_warnings(const Backlog& backlog, const Asset& asset) {
    std::vector<std::string> warnings;
    if (asset.status != AssetStatus::replicated || !asset.replicated_on) {
        return warnings;
    }
    const Date day = *asset.replicated_on;
    if (backlog.iterations.empty()) {
        return warnings; // a backlog without iterations has no velocity to lose
    }
    for (const Iteration& iteration : backlog.iterations) {
        if (iteration.state == IterationState::closed || !commits(iteration, asset.id)) {
            continue;
        }
        if (day < iteration.start) {
            warnings.push_back(fmt::format(
                "{} is committed to {}, which starts {}, but is replicated on {}: it will not "
                "count in {} (work counts in the iteration that commits it and whose dates hold "
                "its replicated_on)",
                asset.id, iteration.id, iteration.start.to_string(), day.to_string(),
                iteration.id));
        } else if (iteration.end < day) {
            warnings.push_back(fmt::format(
                "{} is committed to {}, which ended {}, but is replicated on {}: it will not "
                "count in {}; if it was done by then, set it with 'mbl asset set {} "
                "replicated_on={}'",
                asset.id, iteration.id, iteration.end.to_string(), day.to_string(), iteration.id,
                asset.id, iteration.end.to_string()));
        }
    }
    if (!iteration_on(backlog, day)) {
        warnings.push_back(fmt::format(
            "{} is replicated on {}, outside every iteration: its work counts in no iteration's "
            "velocity; correct it with 'mbl asset set {} replicated_on=YYYY-MM-DD' if it was "
            "done in one",
            asset.id, day.to_string(), asset.id));
    }
    return warnings;
}

} // namespace mbl
