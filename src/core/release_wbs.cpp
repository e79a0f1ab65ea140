// The work breakdown structure: migration, workloads, assets, tasks, with estimates and dates
// rolled up (release.hpp).

#include "id_index.hpp"
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

// Rolls `child`'s estimate, unestimated count and dates up into `parent`.
void roll_up(WbsItem& parent, const WbsItem& child) {
    parent.estimate = parent.estimate.value_or(0) + child.estimate.value_or(0);
    parent.unestimated += child.unestimated;
    cover_dates(parent, child);
}

// Adds `child` under `parent`, its estimate, unestimated count and dates rolled up.
void add_rolled_up(WbsItem& parent, WbsItem child) {
    roll_up(parent, child);
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

// An asset, without its tasks.
WbsItem asset_alone(const Asset& asset, const Iteration* iteration) {
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
    return item;
}

// An asset with its tasks.
WbsItem asset_item(const Asset& asset, const Iteration* iteration) {
    WbsItem item = asset_alone(asset, iteration);
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

WbsItem migration_item(const Backlog& backlog) {
    WbsItem migration;
    migration.number = "1";
    migration.level = WbsLevel::migration;
    migration.name = backlog.name;
    migration.estimate = 0;
    return migration;
}

struct WbsMember {
    const Asset* asset = nullptr;
    const Iteration* iteration = nullptr;
};

// A workload's item (its figures rolled up, no children) and its assets in file order.
struct WbsGroup {
    WbsItem item;
    std::vector<WbsMember> members;
};

// The groups of the migration: one per workload in planning order (the first workload of an id
// takes its assets), then the assets whose workload is unknown (only when there are some).
std::vector<WbsGroup> wbs_groups(const Backlog& backlog) {
    std::vector<WbsGroup> groups;
    std::unordered_map<std::string_view, std::size_t> group_of;
    IdIndex<Workload> workloads(backlog.workloads); // find_workload's answers, not a scan each
    for (const std::string& id : workloads_in_planning_order(backlog)) {
        const Workload* workload = &backlog.workloads[workloads.find(id)];
        group_of.emplace(workload->id, groups.size());
        groups.push_back({group_item(workload, workload->name), {}});
    }
    WbsGroup without_workload{group_item(nullptr, "Assets without a workload"), {}};

    IterationsByAsset iterations = index_iterations_by_asset(backlog);
    for (const Asset& asset : backlog.assets) {
        auto found = asset.workload ? group_of.find(*asset.workload) : group_of.end();
        WbsGroup& group = found == group_of.end() ? without_workload : groups[found->second];
        const Iteration* iteration = lookup_iteration(iterations, asset.id);
        roll_up(group.item, asset_alone(asset, iteration));
        group.members.push_back({&asset, iteration});
    }
    if (!without_workload.members.empty()) {
        groups.push_back(std::move(without_workload));
    }
    return groups;
}

} // namespace

WbsItem work_breakdown(const Backlog& backlog) {
    WbsItem migration = migration_item(backlog);
    for (WbsGroup& group : wbs_groups(backlog)) {
        for (const WbsMember& member : group.members) {
            group.item.children.push_back(asset_item(*member.asset, member.iteration));
        }
        add_rolled_up(migration, std::move(group.item));
    }
    number_children(migration);
    return migration;
}

void for_each_wbs_item(const Backlog& backlog, const std::function<void(const WbsItem&)>& visit) {
    WbsItem migration = migration_item(backlog);
    std::vector<WbsGroup> groups = wbs_groups(backlog);
    for (const WbsGroup& group : groups) {
        roll_up(migration, group.item);
    }
    visit(migration);
    for (std::size_t g = 0; g < groups.size(); ++g) {
        WbsItem& group = groups[g].item;
        group.number = migration.number + "." + std::to_string(g + 1);
        visit(group);
        const std::vector<WbsMember>& members = groups[g].members;
        for (std::size_t m = 0; m < members.size(); ++m) {
            const Asset& asset = *members[m].asset;
            WbsItem item = asset_alone(asset, members[m].iteration);
            item.number = group.number + "." + std::to_string(m + 1);
            visit(item);
            for (std::size_t t = 0; t < asset.tasks.size(); ++t) {
                WbsItem task = task_item(asset, asset.tasks[t], members[m].iteration);
                task.number = item.number + "." + std::to_string(t + 1);
                visit(task);
            }
        }
    }
}

} // namespace mbl
