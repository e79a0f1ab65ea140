// Workloads in planning order. The workloads are ranked by (priority, file order); a depth-first
// search from each in rank order emits a workload after its dependencies, which it visits in rank
// order too. So a priority-1 workload pulls its dependencies (whatever their priority) ahead of the
// next priority-1 workload. A dependency that would close a cycle is skipped where the search
// meets it. Unknown and duplicate ids are ignored (validate reports them). Linear in workloads and
// dependencies, plus sorts; the search keeps its own stack, so long chains cannot overflow.

#include "mbl/forecast.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <unordered_map>

namespace mbl {

namespace {

enum class Visit : std::uint8_t { unvisited, on_path, emitted };

struct Frame {
    std::size_t workload;
    std::size_t next_dependency;
};

} // namespace

std::vector<std::string> workloads_in_planning_order(const Backlog& backlog) {
    const std::vector<Workload>& workloads = backlog.workloads;
    std::size_t count = workloads.size();

    std::vector<std::size_t> ranked(count);
    std::iota(ranked.begin(), ranked.end(), std::size_t{0});
    std::stable_sort(ranked.begin(), ranked.end(), [&](std::size_t a, std::size_t b) {
        return workloads[a].priority < workloads[b].priority;
    });
    std::vector<std::size_t> rank(count);
    for (std::size_t r = 0; r < count; ++r) {
        rank[ranked[r]] = r;
    }

    std::unordered_map<std::string_view, std::size_t> index;
    std::vector<Visit> visit(count, Visit::unvisited);
    for (std::size_t w = 0; w < count; ++w) {
        if (!index.emplace(workloads[w].id, w).second) {
            visit[w] = Visit::emitted; // a duplicate id: only the first counts
        }
    }
    std::vector<std::vector<std::size_t>> dependencies(count);
    for (std::size_t w = 0; w < count; ++w) {
        for (const std::string& id : workloads[w].depends_on) {
            auto found = index.find(id);
            if (found != index.end() && found->second != w) {
                dependencies[w].push_back(found->second);
            }
        }
        std::sort(dependencies[w].begin(), dependencies[w].end(),
                  [&](std::size_t a, std::size_t b) { return rank[a] < rank[b]; });
    }

    std::vector<std::string> order;
    order.reserve(count);
    std::vector<Frame> path;
    for (std::size_t root : ranked) {
        if (visit[root] != Visit::unvisited) {
            continue;
        }
        visit[root] = Visit::on_path;
        path.push_back({root, 0});
        while (!path.empty()) {
            Frame& top = path.back();
            const std::vector<std::size_t>& next = dependencies[top.workload];
            if (top.next_dependency < next.size()) {
                std::size_t dependency = next[top.next_dependency++];
                if (visit[dependency] == Visit::unvisited) {
                    visit[dependency] = Visit::on_path;
                    path.push_back({dependency, 0}); // invalidates `top`
                }
                continue;
            }
            visit[top.workload] = Visit::emitted;
            order.push_back(workloads[top.workload].id);
            path.pop_back();
        }
    }
    return order;
}

} // namespace mbl
