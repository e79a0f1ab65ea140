// The work breakdown structure: migration, workloads, assets, tasks, with estimates and dates
// rolled up (release.hpp).

#include "mbl/release.hpp"
#include "release_support.hpp"

#include <algorithm>
#include <unordered_map>

namespace mbl {

namespace {

bool needs_migration(const Asset& asset) {
    return asset.strategy != Strategy::retire && asset.strategy != Strategy::retain;
}

// Widens `parent`'s dates to cover `child`'s.
void cover_dates(WbsItem& parent, const WbsItem& child) {
    if (child.start) {
        parent.start = parent.start ? std::min(*parent.start, *child.start) : *child.start;
    }
    if (child.finish) {
        parent.finish = parent.finish ? std::max(*parent.finish, *child.finish) : *child.finish;
    }
}

// Numbers the items beneath `item` after its own number: `1.2` has `1.2.1`, `1.2.2`, …
void number_children(WbsItem& item) {
    for (std::size_t c = 0; c < item.children.size(); ++c) {
        item.children[c].number = item.number + "." + std::to_string(c + 1);
        number_children(item.children[c]);
    }
}

// Adds `child` under `parent`, its estimate, unestimated count and dates rolled up.
void add_rolled_up(WbsItem& parent, WbsItem child) {
    parent.estimate = parent.estimate.value_or(0) + child.estimate.value_or(0);
    parent.unestimated += child.unestimated;
    cover_dates(parent, child);
    parent.children.push_back(std::move(child));
}

WbsItem task_item(const Asset& asset, const Task& task, const Iteration* iteration) {
    WbsItem item;
    item.level = WbsLevel::task;
    item.asset = &asset;
    item.task = &task;
    item.name = task.title;
    item.estimate = task.estimate;
    if (iteration) {
        item.iteration = iteration->id;
        item.start = iteration->start;
        item.finish = iteration->end;
    }
    return item;
}

// An asset with its tasks.
WbsItem asset_item(const Asset& asset, const Iteration* iteration) {
    WbsItem item;
    item.level = WbsLevel::asset;
    item.asset = &asset;
    item.name = asset.name;
    item.estimate = effective_estimate(asset);
    item.unestimated = !item.estimate && needs_migration(asset) ? 1 : 0;
    if (iteration) {
        item.iteration = iteration->id;
        item.start = iteration->start;
        item.finish = iteration->end;
    }
    for (const Task& task : asset.tasks) {
        item.children.push_back(task_item(asset, task, iteration));
    }
    return item;
}

WbsItem group_item(const Workload* workload, std::string name) {
    WbsItem item;
    item.level = WbsLevel::workload;
    item.workload = workload;
    item.name = std::move(name);
    item.estimate = 0;
    return item;
}

} // namespace

WbsItem work_breakdown(const Backlog& backlog) {
    WbsItem migration;
    migration.number = "1";
    migration.level = WbsLevel::migration;
    migration.name = backlog.name;
    migration.estimate = 0;

    std::vector<std::string> order = workloads_in_planning_order(backlog);
    std::vector<WbsItem> groups;
    std::unordered_map<std::string_view, std::size_t> group_of;
    for (const std::string& id : order) {
        const Workload* workload = find_workload(backlog, id);
        group_of.emplace(workload->id, groups.size());
        groups.push_back(group_item(workload, workload->name));
    }
    WbsItem without_workload = group_item(nullptr, "Assets without a workload");

    IterationsByAsset iterations = index_iterations_by_asset(backlog);
    for (const Asset& asset : backlog.assets) {
        auto found = asset.workload ? group_of.find(*asset.workload) : group_of.end();
        WbsItem& group = found == group_of.end() ? without_workload : groups[found->second];
        add_rolled_up(group, asset_item(asset, lookup_iteration(iterations, asset.id)));
    }
    for (WbsItem& group : groups) {
        add_rolled_up(migration, std::move(group));
    }
    if (!without_workload.children.empty()) {
        add_rolled_up(migration, std::move(without_workload));
    }
    number_children(migration);
    return migration;
}

} // namespace mbl
