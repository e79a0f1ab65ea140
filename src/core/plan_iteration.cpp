// The greedy walk that fills an iteration: a topological order of the candidates (Kahn) whose
// ready assets are taken by priority, keeping a started workload together (docs/planning.md).

#include "field_values.hpp"
#include "mbl/figure.hpp"
#include "mbl/save.hpp"
#include "plan_input.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <functional>
#include <limits>
#include <queue>
#include <set>
#include <tuple>

namespace mbl {

namespace {

// Assets without a known workload come after every workload.
constexpr int no_workload_priority = std::numeric_limits<int>::max();

class PlanWalk {
  public:
    PlanWalk(const Backlog& backlog, PlanInput& input, IterationPlan& plan)
        : backlog_(backlog), input_(input), plan_(plan),
          workload_count_(input.workloads.order.size()), ready_in_group_(workload_count_ + 1),
          started_(workload_count_, false), proposed_(backlog.assets.size(), false) {}

    void run() {
        for (std::size_t i = 0; i < backlog_.assets.size(); ++i) {
            if (input_.candidate[i] && input_.unmet_dependencies[i] == 0) {
                make_ready(i);
            }
        }
        while (auto next = take_next()) {
            place(*next);
        }
        for (std::size_t i = 0; i < backlog_.assets.size(); ++i) {
            if (input_.candidate[i] && !proposed_[i] && !input_.reason[i]) {
                input_.reason[i] = ExclusionReason::waiting_on_dependency;
            }
        }
    }

    bool proposed(std::size_t asset) const { return proposed_[asset]; }

  private:
    // A workload group with ready assets, in the order groups are served: priority, started
    // workloads before new ones of the same priority, workload order.
    using GroupKey = std::tuple<int, bool, std::size_t, std::size_t>;

    GroupKey key_of(std::size_t group) const {
        if (group == workload_count_) {
            return {no_workload_priority, false, workload_count_, group};
        }
        return {input_.workloads.effective_priority[group], !started_[group],
                input_.workloads.rank[group], group};
    }

    // Within a group: asset priority, then file order (a min-heap through std::push_heap).
    bool later_in_group(std::size_t a, std::size_t b) const {
        int priority_a = input_.priority[a];
        int priority_b = input_.priority[b];
        return priority_a != priority_b ? priority_a > priority_b : a > b;
    }

    void make_ready(std::size_t asset) {
        if (input_.commitment_position[asset] != not_committed_here) {
            ready_committed_.emplace(input_.commitment_position[asset], asset);
            return;
        }
        std::size_t group = input_.group[asset];
        auto& heap = ready_in_group_[group];
        if (heap.empty()) {
            ready_groups_.insert(key_of(group));
        }
        heap.push_back(asset);
        std::push_heap(heap.begin(), heap.end(),
                       [this](std::size_t a, std::size_t b) { return later_in_group(a, b); });
    }

    // The target's own commitments first (in commitment order), then the first ready group.
    std::optional<std::size_t> take_next() {
        if (!ready_committed_.empty()) {
            std::size_t asset = ready_committed_.top().second;
            ready_committed_.pop();
            return asset;
        }
        if (ready_groups_.empty()) {
            return std::nullopt;
        }
        std::size_t group = std::get<3>(*ready_groups_.begin());
        auto& heap = ready_in_group_[group];
        std::pop_heap(heap.begin(), heap.end(),
                      [this](std::size_t a, std::size_t b) { return later_in_group(a, b); });
        std::size_t asset = heap.back();
        heap.pop_back();
        if (heap.empty()) {
            ready_groups_.erase(ready_groups_.begin());
        }
        return asset;
    }

    // Marks `workload` and, so they are not overtaken by it, every workload it depends on,
    // directly or not, as started; each workload is marked once.
    void start_workload(std::size_t workload) {
        std::vector<std::size_t> stack{workload};
        while (!stack.empty()) {
            std::size_t current = stack.back();
            stack.pop_back();
            if (started_[current]) {
                continue;
            }
            if (!ready_in_group_[current].empty()) {
                ready_groups_.erase(key_of(current));
                started_[current] = true;
                ready_groups_.insert(key_of(current));
            }
            started_[current] = true;
            for (std::size_t dependency : input_.workloads.dependencies[current]) {
                stack.push_back(dependency);
            }
        }
    }

    void place(std::size_t asset) {
        double estimate = input_.estimate[asset];
        double capacity = plan_.capacity.value;
        // Sums of decimal estimates are not exact in binary: 0.1 + 0.2 must fit 0.3.
        double tolerance = 1e-9 * std::max(1.0, capacity);
        if (plan_.proposed_estimate + estimate > capacity + tolerance) {
            input_.reason[asset] = ExclusionReason::over_capacity;
            return;
        }
        proposed_[asset] = true;
        plan_.proposed.push_back({backlog_.assets[asset].id, estimate});
        plan_.proposed_estimate += estimate;
        if (input_.group[asset] < workload_count_) {
            start_workload(input_.group[asset]);
        }
        for (std::size_t edge = input_.dependent_offsets[asset];
             edge < input_.dependent_offsets[asset + 1]; ++edge) {
            std::size_t dependent = input_.dependents[edge];
            if (--input_.unmet_dependencies[dependent] == 0) {
                make_ready(dependent);
            }
        }
    }

    const Backlog& backlog_;
    PlanInput& input_;
    IterationPlan& plan_;
    std::size_t workload_count_;
    std::vector<std::vector<std::size_t>> ready_in_group_; // heaps; the last: no workload
    std::set<GroupKey> ready_groups_;                      // groups whose heap is not empty
    std::vector<bool> started_;                            // per workload
    std::vector<bool> proposed_;                           // per asset
    std::priority_queue<std::pair<std::size_t, std::size_t>,
                        std::vector<std::pair<std::size_t, std::size_t>>, std::greater<>>
        ready_committed_; // (commitment position, asset)
};

// The first dependency of `asset` that this plan leaves unmet (as written in depends_on).
std::string unmet_dependency(const Backlog& backlog, const PlanInput& input, const PlanWalk& walk,
                             std::size_t asset) {
    for (const std::string& id : backlog.assets[asset].depends_on) {
        std::size_t found = input.asset_index.find(id);
        if (found == IdIndex<Asset>::npos ||
            (!input.meets_dependents[found] && !walk.proposed(found))) {
            return id;
        }
    }
    return {};
}

std::string exclusion_detail(const Backlog& backlog, const PlanInput& input, const PlanWalk& walk,
                             std::size_t asset, double capacity_left) {
    const Asset& item = backlog.assets[asset];
    switch (*input.reason[asset]) {
    case ExclusionReason::replicated:
        return item.replicated_on ? "replicated on " + item.replicated_on->to_string() : "";
    case ExclusionReason::no_migration:
        return std::string(to_string(item.strategy));
    case ExclusionReason::committed_elsewhere:
        return input.committed_elsewhere[asset]->id;
    case ExclusionReason::waiting_on_dependency:
        return unmet_dependency(backlog, input, walk, asset);
    case ExclusionReason::over_capacity:
        return fmt::format("needs {}, {} left", format_figure(input.estimate[asset]),
                           format_figure(capacity_left));
    case ExclusionReason::blocked:
    case ExclusionReason::needs_estimate:
        break;
    }
    return {};
}

// Every asset with a reason, in the planning order before dependencies: workload order, asset
// priority, file order.
std::vector<Exclusion> left_out(const Backlog& backlog, const PlanInput& input,
                                const PlanWalk& walk, double capacity_left) {
    std::size_t workload_count = input.workloads.order.size();
    using Key = std::tuple<int, std::size_t, int, std::size_t>; // the last: the asset
    std::vector<Key> keys;
    for (std::size_t asset = 0; asset < backlog.assets.size(); ++asset) {
        if (input.reason[asset]) {
            std::size_t group = input.group[asset];
            bool has_workload = group < workload_count;
            keys.emplace_back(has_workload ? input.workloads.effective_priority[group]
                                           : no_workload_priority,
                              has_workload ? input.workloads.rank[group] : workload_count,
                              input.priority[asset], asset);
        }
    }
    std::sort(keys.begin(), keys.end());
    std::vector<Exclusion> exclusions;
    exclusions.reserve(keys.size());
    for (const Key& key : keys) {
        std::size_t asset = std::get<3>(key);
        exclusions.push_back({backlog.assets[asset].id, *input.reason[asset],
                              exclusion_detail(backlog, input, walk, asset, capacity_left)});
    }
    return exclusions;
}

} // namespace

IterationPlan plan_iteration(const Backlog& backlog, const std::optional<std::string>& iteration_id,
                             std::optional<double> capacity) {
    const Iteration* target = plan_target(backlog, iteration_id);
    IterationPlan plan;
    if (capacity) {
        plan.capacity = planning_capacity(backlog, capacity);
    } else if (target != nullptr && target->capacity > 0) {
        // The team set what it can do in this iteration.
        plan.capacity = planning_capacity(backlog, target->capacity);
        plan.capacity.source = CapacitySource::iteration;
    } else {
        // What a new iteration gets, so a plan committed to one fills exactly what it records.
        plan.capacity = default_iteration_capacity(backlog);
    }
    if (target != nullptr) {
        plan.iteration_id = target->id;
    }
    PlanInput input = classify_assets(backlog, target);
    PlanWalk walk(backlog, input, plan);
    walk.run();
    plan.left_out =
        left_out(backlog, input, walk, std::max(0.0, plan.capacity.value - plan.proposed_estimate));
    return plan;
}

} // namespace mbl
