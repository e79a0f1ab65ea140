// The merge checked as a plan (merge_plan.hpp).

#include "merge_plan.hpp"

#include "forecast_support.hpp"
#include "mbl/enums.hpp"
#include "mbl/figure.hpp"
#include "mbl/save.hpp"

#include <fmt/format.h>
#include <unordered_map>
#include <unordered_set>

namespace mbl::detail {
namespace {

bool is_open(const Iteration& iteration) {
    return iteration.state != IterationState::closed;
}

// One side of the merge with its iterations and assets indexed.
struct Side {
    Side(std::string_view name_, const Backlog& backlog_)
        : name(name_), backlog(backlog_), assets(index_assets(backlog_)) {
        for (const Iteration& iteration : backlog_.iterations) {
            iterations.emplace(iteration.id, &iteration);
            if (is_open(iteration)) {
                for (const std::string& id : iteration.committed) {
                    ++open_commitments[id];
                }
            }
        }
    }

    const Iteration* iteration(std::string_view id) const {
        auto found = iterations.find(id);
        return found == iterations.end() ? nullptr : found->second;
    }

    double committed_estimate(const Iteration& iteration) const {
        return sum_of_estimates(assets, iteration.committed);
    }

    bool over_commits(std::string_view id) const {
        const Iteration* found = iteration(id);
        return found != nullptr && is_open(*found) && committed_estimate(*found) > found->capacity;
    }

    bool commits_twice(std::string_view asset_id) const {
        auto found = open_commitments.find(asset_id);
        return found != open_commitments.end() && found->second > 1;
    }

    bool commits(std::string_view iteration_id, std::string_view asset_id) const {
        const Iteration* found = iteration(iteration_id);
        if (found == nullptr) {
            return false;
        }
        for (const std::string& id : found->committed) {
            if (id == asset_id) {
                return true;
            }
        }
        return false;
    }

    std::string_view name;
    const Backlog& backlog;
    AssetsById assets;
    std::unordered_map<std::string_view, const Iteration*> iterations;
    std::unordered_map<std::string_view, int> open_commitments; // asset id -> open iterations
};

std::string joined(const std::vector<std::string_view>& ids) {
    std::string out;
    for (std::string_view id : ids) {
        out += out.empty() ? "" : ", ";
        out += id;
    }
    return out;
}

// `ours alone: 18 hours, added db, capacity 20`: what one side's version of `iteration` holds.
std::string side_of(const Side& side, const Iteration* base, std::string_view iteration_id,
                    std::string_view unit) {
    const Iteration* own = side.iteration(iteration_id);
    if (own == nullptr) {
        return fmt::format("{} has no {}", side.name, iteration_id);
    }
    std::unordered_set<std::string_view> before;
    if (base != nullptr) {
        before.insert(base->committed.begin(), base->committed.end());
    }
    std::vector<std::string_view> added;
    for (const std::string& id : own->committed) {
        if (!before.contains(id)) {
            added.push_back(id);
        }
    }
    std::string out = fmt::format("{} alone: {} {}", side.name,
                                  format_figure(side.committed_estimate(*own)), unit);
    out += added.empty() ? ", added none" : ", added " + joined(added);
    if (base == nullptr || base->capacity != own->capacity) {
        out += ", capacity " + format_number(own->capacity);
    }
    return out;
}

} // namespace

std::vector<MergeConflict> plan_conflicts(const Backlog* base, const Backlog& ours,
                                          const Backlog& theirs, const Backlog& merged) {
    static const Backlog nothing;
    Side original("base", base ? *base : nothing);
    Side our("ours", ours);
    Side their("theirs", theirs);
    Side result("merge", merged);
    std::string_view unit = to_string(merged.settings.estimate_unit);
    std::vector<MergeConflict> conflicts;
    for (const Iteration& iteration : merged.iterations) {
        if (!result.over_commits(iteration.id) || our.over_commits(iteration.id) ||
            their.over_commits(iteration.id)) {
            continue;
        }
        const Iteration* before = original.iteration(iteration.id);
        MergeConflict conflict;
        conflict.kind = MergeConflict::Kind::over_committed;
        conflict.entity = "iteration " + iteration.id;
        conflict.field = "committed";
        conflict.plan = fmt::format(
            "ours and theirs together commit {} {}, above its capacity of {} ({}; {}); the file "
            "keeps both: uncommit assets or raise the capacity",
            format_figure(result.committed_estimate(iteration)), unit,
            format_number(iteration.capacity), side_of(our, before, iteration.id, unit),
            side_of(their, before, iteration.id, unit));
        conflicts.push_back(std::move(conflict));
    }

    std::unordered_map<std::string_view, std::vector<const Iteration*>> twice;
    std::vector<std::string_view> order;
    for (const Iteration& iteration : merged.iterations) {
        if (!is_open(iteration)) {
            continue;
        }
        for (const std::string& id : iteration.committed) {
            if (result.commits_twice(id) && !our.commits_twice(id) && !their.commits_twice(id)) {
                auto& iterations = twice[id];
                if (iterations.empty()) {
                    order.push_back(id);
                }
                iterations.push_back(&iteration);
            }
        }
    }
    for (std::string_view asset_id : order) {
        std::string where;
        const std::vector<const Iteration*>& iterations = twice[asset_id];
        for (std::size_t i = 0; i < iterations.size(); ++i) {
            std::string_view id = iterations[i]->id;
            bool in_ours = our.commits(id, asset_id);
            bool in_theirs = their.commits(id, asset_id);
            where += i == 0 ? "" : i + 1 == iterations.size() ? " and " : ", ";
            where += fmt::format("{} (in {})", id,
                                 in_ours && in_theirs ? "both"
                                 : in_ours            ? "ours"
                                                      : "theirs");
        }
        MergeConflict conflict;
        conflict.kind = MergeConflict::Kind::committed_twice;
        conflict.entity = fmt::format("asset {}", asset_id);
        conflict.field = "committed";
        conflict.plan = fmt::format("committed to open iterations {}; the file keeps both: "
                                    "uncommit it from one with 'mbl iteration uncommit ID {}'",
                                    where, asset_id);
        conflicts.push_back(std::move(conflict));
    }
    return conflicts;
}

} // namespace mbl::detail
