// Workloads in planning order, for the forecast and the commands: the planner's own order
// (workload_order.hpp), so plans and forecasts never disagree on what comes first.

#include "mbl/forecast.hpp"
#include "workload_order.hpp"

#include <unordered_set>

namespace mbl {

std::vector<std::string> workloads_in_planning_order(const Backlog& backlog) {
    WorkloadOrder order = order_workloads(backlog);
    std::vector<std::string> ids;
    ids.reserve(order.order.size());
    std::unordered_set<std::string_view> seen; // a duplicated id (validate reports it) once
    for (std::size_t index : order.order) {
        if (seen.insert(backlog.workloads[index].id).second) {
            ids.push_back(backlog.workloads[index].id);
        }
    }
    return ids;
}

} // namespace mbl
