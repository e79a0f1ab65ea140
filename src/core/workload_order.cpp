#include "workload_order.hpp"

#include <algorithm>
#include <queue>
#include <string_view>
#include <unordered_map>

namespace mbl {

namespace {

// For each workload, the indices of the known workloads it depends on (file order kept).
std::vector<std::vector<std::size_t>> dependency_indices(const Backlog& backlog) {
    std::unordered_map<std::string_view, std::size_t> index_of;
    index_of.reserve(backlog.workloads.size());
    for (std::size_t i = 0; i < backlog.workloads.size(); ++i) {
        index_of.emplace(backlog.workloads[i].id, i); // the first of duplicate ids wins
    }
    std::vector<std::vector<std::size_t>> dependencies(backlog.workloads.size());
    for (std::size_t i = 0; i < backlog.workloads.size(); ++i) {
        for (const std::string& id : backlog.workloads[i].depends_on) {
            if (auto found = index_of.find(id); found != index_of.end()) {
                dependencies[i].push_back(found->second);
            }
        }
    }
    return dependencies;
}

// Workload indices sorted by (priority, file index), where `priority` is given per index.
std::vector<std::size_t> by_priority_then_file(const std::vector<int>& priority) {
    std::vector<std::size_t> sorted(priority.size());
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        sorted[i] = i;
    }
    std::stable_sort(sorted.begin(), sorted.end(),
                     [&](std::size_t a, std::size_t b) { return priority[a] < priority[b]; });
    return sorted;
}

// Each workload's effective priority: the smallest own priority among itself and every workload
// that reaches it through depends_on. Workloads are visited by own priority, and each marks the
// unmarked workloads it reaches; a workload is marked once, so this is linear after the sort and
// exact even on cycles.
std::vector<int> effective_priorities(const Backlog& backlog,
                                      const std::vector<std::vector<std::size_t>>& dependencies) {
    std::vector<int> own(backlog.workloads.size());
    for (std::size_t i = 0; i < own.size(); ++i) {
        own[i] = backlog.workloads[i].priority;
    }
    std::vector<int> effective(own.size());
    std::vector<bool> marked(own.size(), false);
    std::vector<std::size_t> stack;
    for (std::size_t start : by_priority_then_file(own)) {
        if (marked[start]) {
            continue;
        }
        marked[start] = true;
        effective[start] = own[start];
        stack.push_back(start);
        while (!stack.empty()) {
            std::size_t current = stack.back();
            stack.pop_back();
            for (std::size_t dependency : dependencies[current]) {
                if (!marked[dependency]) {
                    marked[dependency] = true;
                    effective[dependency] = own[start];
                    stack.push_back(dependency);
                }
            }
        }
    }
    return effective;
}

} // namespace

WorkloadOrder order_workloads(const Backlog& backlog) {
    const std::size_t count = backlog.workloads.size();
    WorkloadOrder result;
    result.dependencies = dependency_indices(backlog);
    const auto& dependencies = result.dependencies;
    result.effective_priority = effective_priorities(backlog, dependencies);
    const std::vector<int>& effective = result.effective_priority;

    std::vector<std::vector<std::size_t>> dependents(count);
    std::vector<std::size_t> waiting_on(count, 0);
    for (std::size_t i = 0; i < count; ++i) {
        for (std::size_t dependency : dependencies[i]) {
            dependents[dependency].push_back(i);
            ++waiting_on[i];
        }
    }

    // Ready workloads, the first by (effective priority, file index) on top.
    auto later = [&](std::size_t a, std::size_t b) {
        return effective[a] != effective[b] ? effective[a] > effective[b] : a > b;
    };
    std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> ready(later);
    for (std::size_t i = 0; i < count; ++i) {
        if (waiting_on[i] == 0) {
            ready.push(i);
        }
    }
    // When nothing is ready but workloads remain, a cycle holds them: the first remaining one
    // in this order is taken as if its dependencies were met.
    std::vector<std::size_t> fallback = by_priority_then_file(effective);
    std::size_t fallback_next = 0;
    std::vector<bool> emitted(count, false);

    result.order.reserve(count);
    while (result.order.size() < count) {
        std::size_t next = 0;
        if (!ready.empty()) {
            next = ready.top();
            ready.pop();
        } else {
            while (emitted[fallback[fallback_next]]) {
                ++fallback_next;
            }
            next = fallback[fallback_next];
        }
        emitted[next] = true;
        result.order.push_back(next);
        for (std::size_t dependent : dependents[next]) {
            if (--waiting_on[dependent] == 0 && !emitted[dependent]) {
                ready.push(dependent);
            }
        }
    }

    result.rank.assign(count, 0);
    for (std::size_t position = 0; position < count; ++position) {
        result.rank[result.order[position]] = position;
    }
    return result;
}

} // namespace mbl
