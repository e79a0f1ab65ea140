// Which assets a plan may propose, and the dependency graph among them (docs/planning.md,
// "Candidates" and "Dependencies").

#include "mbl/enums.hpp"
#include "mbl/error.hpp"
#include "mbl/iterations.hpp"
#include "plan_input.hpp"

#include <fmt/format.h>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace mbl {

namespace {

bool is_open(const Iteration& iteration) {
    return iteration.state == IterationState::planned || iteration.state == IterationState::active;
}

// Open iterations other than the target that end up before it: the assets they commit are
// planned already. Without a target the new iteration comes after every existing one.
bool is_earlier(const Iteration& iteration, const Iteration* target) {
    return target == nullptr || iteration.start < target->start;
}

std::vector<std::size_t> workload_groups(const Backlog& backlog) {
    std::unordered_map<std::string_view, std::size_t> index_of;
    index_of.reserve(backlog.workloads.size());
    for (std::size_t i = 0; i < backlog.workloads.size(); ++i) {
        index_of.emplace(backlog.workloads[i].id, i);
    }
    std::vector<std::size_t> group(backlog.assets.size(), backlog.workloads.size());
    for (std::size_t i = 0; i < backlog.assets.size(); ++i) {
        const auto& workload = backlog.assets[i].workload;
        if (auto found = workload ? index_of.find(*workload) : index_of.end();
            found != index_of.end()) {
            group[i] = found->second;
        }
    }
    return group;
}

// The reason an asset is left out before any ordering, first match wins; none for a candidate
// and for a done asset that is not committed to the target (not listed at all).
void classify(PlanInput& input, const Asset& asset, std::size_t i) {
    bool committed_here = input.commitment_position[i] != not_committed_here;
    if (is_done_for_release(asset)) {
        input.meets_dependents[i] = true;
        if (committed_here) {
            input.reason[i] = asset.status == AssetStatus::replicated
                                  ? ExclusionReason::replicated
                                  : ExclusionReason::no_migration;
        }
    } else if (const Iteration* elsewhere = input.committed_elsewhere[i]) {
        input.reason[i] = ExclusionReason::committed_elsewhere;
        input.meets_dependents[i] = is_earlier(*elsewhere, input.target);
    } else if (asset.status == AssetStatus::blocked) {
        input.reason[i] = ExclusionReason::blocked;
    } else if (auto estimate = effective_estimate(asset)) {
        input.candidate[i] = true;
        input.estimate[i] = *estimate;
    } else {
        input.reason[i] = ExclusionReason::needs_estimate;
    }
}

// Counts each candidate's unmet dependencies and links it from the candidates it waits on.
void link_dependencies(PlanInput& input, const Backlog& backlog, const IdIndex<Asset>& index_of) {
    const std::size_t count = backlog.assets.size();
    std::vector<std::pair<std::size_t, std::size_t>> edges; // (dependency, dependent)
    for (std::size_t i = 0; i < count; ++i) {
        if (!input.candidate[i]) {
            continue;
        }
        for (const std::string& id : backlog.assets[i].depends_on) {
            std::size_t found = index_of.find(id);
            if (found != IdIndex<Asset>::npos && input.meets_dependents[found]) {
                continue;
            }
            ++input.unmet_dependencies[i];
            if (found != IdIndex<Asset>::npos && input.candidate[found]) {
                edges.emplace_back(found, i);
            }
        }
    }
    input.dependent_offsets.assign(count + 1, 0);
    for (const auto& edge : edges) {
        ++input.dependent_offsets[edge.first + 1];
    }
    for (std::size_t i = 0; i < count; ++i) {
        input.dependent_offsets[i + 1] += input.dependent_offsets[i];
    }
    input.dependents.resize(edges.size());
    std::vector<std::size_t> next(input.dependent_offsets.begin(),
                                  input.dependent_offsets.end() - 1);
    for (const auto& edge : edges) {
        input.dependents[next[edge.first]++] = edge.second;
    }
}

} // namespace

const Iteration* plan_target(const Backlog& backlog,
                             const std::optional<std::string>& iteration_id) {
    if (iteration_id) {
        const Iteration& iteration = require_iteration(backlog, *iteration_id);
        if (iteration.state != IterationState::planned) {
            throw Error(ExitStatus::check_failed,
                        fmt::format("{} is {}; only a planned iteration can be planned ('mbl "
                                    "iteration add' creates the next one)",
                                    iteration.id, to_string(iteration.state)));
        }
        return &iteration;
    }
    const Iteration* first = nullptr;
    for (const Iteration& iteration : backlog.iterations) {
        if (iteration.state == IterationState::planned &&
            (first == nullptr || iteration.start < first->start)) {
            first = &iteration;
        }
    }
    return first;
}

PlanInput classify_assets(const Backlog& backlog, const Iteration* target) {
    const std::size_t count = backlog.assets.size();
    PlanInput input;
    input.asset_index = IdIndex<Asset>(backlog.assets);
    const auto& index_of = input.asset_index;
    input.target = target;
    input.workloads = order_workloads(backlog);
    input.group = workload_groups(backlog);
    input.reason.assign(count, std::nullopt);
    input.candidate.assign(count, false);
    input.committed_elsewhere.assign(count, nullptr);
    input.meets_dependents.assign(count, false);
    input.commitment_position.assign(count, not_committed_here);
    input.estimate.assign(count, 0);
    input.priority.resize(count);
    input.unmet_dependencies.assign(count, 0);

    for (const Iteration& iteration : backlog.iterations) {
        bool is_target = &iteration == target;
        if (!is_target && !is_open(iteration)) {
            continue;
        }
        for (std::size_t position = 0; position < iteration.committed.size(); ++position) {
            std::size_t i = index_of.find(iteration.committed[position]);
            if (i == IdIndex<Asset>::npos) {
                continue; // an unknown id: validate reports it
            }
            if (is_target && input.commitment_position[i] == not_committed_here) {
                input.commitment_position[i] = position;
            } else if (!is_target && input.committed_elsewhere[i] == nullptr) {
                input.committed_elsewhere[i] = &iteration;
            }
        }
    }
    for (std::size_t i = 0; i < count; ++i) {
        input.priority[i] = backlog.assets[i].priority;
        classify(input, backlog.assets[i], i);
    }
    link_dependencies(input, backlog, index_of);
    return input;
}

} // namespace mbl
