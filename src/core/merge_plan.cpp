// The merge checked as a plan (merge_plan.hpp).

#include "merge_plan.hpp"

#include "mbl/enums.hpp"
#include "mbl/figure.hpp"
#include "mbl/save.hpp"
#include "prefetch.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <unordered_set>

namespace mbl::detail {
namespace {

using IterationFacts = PlanFacts::IterationFacts;

std::string joined(const std::vector<std::string_view>& ids) {
    std::string out;
    for (std::string_view id : ids) {
        out += out.empty() ? "" : ", ";
        out += id;
    }
    return out;
}

// `ours alone: 18 hours, added db, capacity 20`: what one side's version of an iteration holds.
std::string side_of(std::string_view name, const PlanFacts& side, const IterationFacts* base,
                    const std::string& iteration_id, std::string_view unit) {
    const IterationFacts* own = side.iteration(iteration_id);
    if (own == nullptr) {
        return fmt::format("{} has no {}", name, iteration_id);
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
    std::string out =
        fmt::format("{} alone: {} {}", name, format_figure(own->committed_estimate), unit);
    out += added.empty() ? ", added none" : ", added " + joined(added);
    if (base == nullptr || base->capacity != own->capacity) {
        out += ", capacity " + format_number(own->capacity);
    }
    return out;
}

bool commits(const PlanFacts& side, const std::string& iteration_id, const std::string& asset) {
    const IterationFacts* found = side.iteration(iteration_id);
    return found != nullptr && std::find(found->committed.begin(), found->committed.end(), asset) !=
                                   found->committed.end();
}

} // namespace

const PlanFacts::IterationFacts* PlanFacts::iteration(const std::string& id) const {
    auto found = by_id.find(id);
    return found == by_id.end() ? nullptr : &iterations[found->second];
}

bool PlanFacts::over_commits(const std::string& iteration_id) const {
    const IterationFacts* found = iteration(iteration_id);
    return found != nullptr && found->open && found->committed_estimate > found->capacity;
}

bool PlanFacts::commits_twice(const std::string& asset_id) const {
    const int* found = open_commitments.find(asset_id);
    return found != nullptr && *found > 1;
}

PlanFacts plan_facts(const Backlog& backlog) {
    std::vector<const Iteration*> iterations;
    iterations.reserve(backlog.iterations.size());
    for (const Iteration& iteration : backlog.iterations) {
        iterations.push_back(&iteration);
    }
    return plan_facts(iterations, [&backlog](const AssetVisitor& visit) {
        for (std::size_t i = 0; i < backlog.assets.size(); ++i) {
            prefetch_id_ahead(backlog.assets, i); // each is looked up by id
            visit(backlog.assets[i]);
        }
    });
}

PlanFacts plan_facts(const std::vector<const Iteration*>& iterations, const AssetWalk& assets) {
    // Only the committed assets are looked up: a fraction of the backlog, each id once.
    struct Committed {
        const Asset* asset = nullptr; // the first asset of the id
        std::size_t counted_in = 0;   // the last iteration (+1) whose estimate counts it
    };
    FlatIdMap<Committed> committed;
    std::size_t commitments = 0;
    for (const Iteration* iteration : iterations) {
        commitments += iteration->committed.size();
    }
    committed.reserve(commitments);
    for (const Iteration* iteration : iterations) {
        for (const std::string& id : iteration->committed) {
            committed.emplace(id, Committed{});
        }
    }
    assets([&committed](const Asset& asset) {
        Committed* found = committed.find(asset.id);
        if (found != nullptr && found->asset == nullptr) {
            found->asset = &asset;
        }
    });
    PlanFacts facts;
    facts.iterations.reserve(iterations.size());
    for (const Iteration* iteration : iterations) {
        // The effective estimates of its committed assets, each once, in its order.
        const std::size_t stamp = facts.iterations.size() + 1;
        double estimate = 0;
        for (const std::string& id : iteration->committed) {
            Committed* found = committed.find(id);
            if (found->asset != nullptr && found->counted_in != stamp) {
                found->counted_in = stamp;
                estimate += effective_estimate(*found->asset).value_or(0);
            }
        }
        bool open = iteration->state != IterationState::closed;
        facts.by_id.emplace(iteration->id, facts.iterations.size());
        facts.iterations.push_back(
            {iteration->id, open, iteration->capacity, iteration->committed, estimate});
    }
    // Views of the facts' own ids: `iterations` is not changed (nor moved element by element)
    // from here on.
    for (const IterationFacts& iteration : facts.iterations) {
        if (iteration.open) {
            for (const std::string& id : iteration.committed) {
                ++*facts.open_commitments.emplace(id, 0).first;
            }
        }
    }
    return facts;
}

std::vector<MergeConflict> plan_conflicts(const PlanFacts* base, const PlanFacts& ours,
                                          const PlanFacts& theirs, const PlanFacts& merged,
                                          EstimateUnit estimate_unit) {
    static const PlanFacts nothing;
    const PlanFacts& original = base ? *base : nothing;
    std::string_view unit = to_string(estimate_unit);
    std::vector<MergeConflict> conflicts;
    for (const IterationFacts& iteration : merged.iterations) {
        if (!merged.over_commits(iteration.id) || ours.over_commits(iteration.id) ||
            theirs.over_commits(iteration.id)) {
            continue;
        }
        const IterationFacts* before = original.iteration(iteration.id);
        MergeConflict conflict;
        conflict.kind = MergeConflict::Kind::over_committed;
        conflict.entity = "iteration " + iteration.id;
        conflict.field = "committed";
        conflict.plan = fmt::format(
            "ours and theirs together commit {} {}, above its capacity of {} ({}; {}); the file "
            "keeps both: uncommit assets or raise the capacity",
            format_figure(iteration.committed_estimate), unit, format_number(iteration.capacity),
            side_of("ours", ours, before, iteration.id, unit),
            side_of("theirs", theirs, before, iteration.id, unit));
        conflicts.push_back(std::move(conflict));
    }

    std::unordered_map<std::string_view, std::vector<const IterationFacts*>> twice;
    std::vector<std::string_view> order;
    for (const IterationFacts& iteration : merged.iterations) {
        if (!iteration.open) {
            continue;
        }
        for (const std::string& id : iteration.committed) {
            if (merged.commits_twice(id) && !ours.commits_twice(id) && !theirs.commits_twice(id)) {
                auto& iterations = twice[id];
                if (iterations.empty()) {
                    order.push_back(id);
                }
                iterations.push_back(&iteration);
            }
        }
    }
    for (std::string_view asset_view : order) {
        std::string asset(asset_view);
        std::string where;
        const std::vector<const IterationFacts*>& iterations = twice[asset_view];
        for (std::size_t i = 0; i < iterations.size(); ++i) {
            const std::string& id = iterations[i]->id;
            bool in_ours = commits(ours, id, asset);
            bool in_theirs = commits(theirs, id, asset);
            where += i == 0 ? "" : i + 1 == iterations.size() ? " and " : ", ";
            where += fmt::format("{} (in {})", id,
                                 in_ours && in_theirs ? "both"
                                 : in_ours            ? "ours"
                                                      : "theirs");
        }
        MergeConflict conflict;
        conflict.kind = MergeConflict::Kind::committed_twice;
        conflict.entity = "asset " + asset;
        conflict.field = "committed";
        conflict.plan = fmt::format("committed to open iterations {}; the file keeps both: "
                                    "uncommit it from one with 'mbl iteration uncommit ID {}'",
                                    where, asset);
        conflicts.push_back(std::move(conflict));
    }
    return conflicts;
}

} // namespace mbl::detail
