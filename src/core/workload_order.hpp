#pragma once
// The order in which workloads are planned and forecast (docs/planning.md, "Workload order").
// Private to the core library; `plan_iteration` and `workloads_in_planning_order` share it.

#include "mbl/model.hpp"

#include <cstddef>
#include <vector>

namespace mbl {

struct WorkloadOrder {
    // Indices into `backlog.workloads`, in planning order.
    std::vector<std::size_t> order;
    // Per workload index: its own priority, raised (made smaller) to the highest priority of the
    // workloads that depend on it, directly or not, so a prerequisite is never held back behind
    // unrelated work of a lower priority.
    std::vector<int> effective_priority;
    // Per workload index: its position in `order`.
    std::vector<std::size_t> rank;
    // Per workload index: the indices of the known workloads it depends on, in file order.
    std::vector<std::vector<std::size_t>> dependencies;
};

// Workloads by effective priority (1 first), each after the workloads it depends on, then file
// order: a topological order (Kahn) whose ready workloads are taken by (effective priority,
// file index). Unknown ids in `depends_on` are ignored. A cycle (reported by validate) is broken
// by taking the remaining workload that comes first by (effective priority, file index).
// Deterministic; O((workloads + dependencies) log workloads).
WorkloadOrder order_workloads(const Backlog& backlog);

} // namespace mbl
