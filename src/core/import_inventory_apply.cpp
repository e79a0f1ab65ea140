// What an inventory import's planned rows (import_inventory.cpp) become: a plan of rows that
// each hold their asset (plan_inventory_import, applied by apply_inventory_plan), or, for the
// command, the assets moved into the backlog and a report that holds none (import_inventory).
#include "import_inventory_rows.hpp"
#include "mbl/import.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <type_traits>
#include <unordered_map>

namespace mbl {

using import_detail::no_slot;
using import_detail::PlannedImport;

namespace {

template <typename Row> std::size_t count_rows(const std::vector<Row>& rows, RowAction action) {
    return static_cast<std::size_t>(std::count_if(
        rows.begin(), rows.end(), [&](const Row& row) { return row.action == action; }));
}

// The assets of `backlog` by id.
std::unordered_map<std::string_view, std::size_t> index_by_id(const Backlog& backlog) {
    std::unordered_map<std::string_view, std::size_t> index;
    index.reserve(backlog.assets.size());
    for (std::size_t i = 0; i < backlog.assets.size(); ++i) {
        index.emplace(backlog.assets[i].id, i);
    }
    return index;
}

// Applies `plan`, its assets copied (`Plan` const) or moved.
template <typename Plan> void apply_rows(Backlog& backlog, Plan& plan) {
    auto index = index_by_id(backlog);
    std::vector<std::size_t> updated; // asset indexes, found before any asset is added
    updated.reserve(plan.count(RowAction::update));
    for (const PlannedRow& row : plan.rows) {
        if (row.action == RowAction::update) {
            updated.push_back(index.at(row.id));
        }
    }
    index = {};
    backlog.assets.reserve(backlog.assets.size() + plan.count(RowAction::add));
    std::size_t next_update = 0;
    for (auto& row : plan.rows) {
        if (row.action == RowAction::add) {
            if constexpr (std::is_const_v<Plan>) {
                backlog.assets.push_back(row.asset);
            } else {
                const Asset& added = backlog.assets.emplace_back(std::move(row.asset));
                row.asset = Asset{};
                row.asset.id = added.id;
                row.asset.name = added.name;
            }
        } else if (row.action == RowAction::update) {
            Asset& asset = backlog.assets[updated[next_update++]];
            if constexpr (std::is_const_v<Plan>) {
                asset.name = row.asset.name;
                asset.attributes = row.asset.attributes; // only name and attributes change
            } else {
                asset.name = row.asset.name;
                asset.attributes = std::move(row.asset.attributes);
                row.asset = Asset{};
                row.asset.id = asset.id;
                row.asset.name = asset.name;
            }
        }
    }
}

// `planned` as a plan whose rows hold their assets (with `keep_assets` false, only the id and
// name of an add or update row's asset).
InventoryPlan plan_of(PlannedImport&& planned, bool keep_assets) {
    InventoryPlan plan;
    plan.ignored_columns = std::move(planned.ignored_columns);
    plan.rows.reserve(planned.rows.size());
    for (std::size_t i = 0; i < planned.rows.size(); ++i) {
        ImportedRow& from = planned.rows[i];
        PlannedRow& row = plan.rows.emplace_back();
        row.line = from.line;
        row.action = from.action;
        row.id = std::move(from.id);
        row.name = std::move(from.name);
        row.fields = std::move(from.fields);
        row.reason = std::move(from.reason);
        row.attribute_count = from.attribute_count;
        std::size_t slot = planned.slots[i];
        if (keep_assets) {
            if (slot != no_slot) {
                row.asset = std::move(from.action == RowAction::add ? planned.added[slot]
                                                                    : planned.changed[slot]);
            }
        } else if (!from.asset_name.empty()) {
            row.asset.id = row.id;
            row.asset.name = std::move(from.asset_name);
        }
    }
    return plan;
}

// Moves the assets of `planned` into `backlog`: the changed ones' name and attributes (nothing
// else of an asset changes), then the new ones, appended in row order.
void apply_planned(Backlog& backlog, PlannedImport& planned) {
    if (!planned.changed.empty()) {
        auto index = index_by_id(backlog);
        for (std::size_t i = 0; i < planned.rows.size(); ++i) {
            if (planned.rows[i].action == RowAction::update) {
                Asset& asset = backlog.assets[index.at(planned.rows[i].id)];
                Asset& after = planned.changed[planned.slots[i]];
                asset.name = std::move(after.name);
                asset.attributes = std::move(after.attributes);
            }
        }
        planned.changed = {};
    }
    if (backlog.assets.empty()) {
        backlog.assets = std::move(planned.added); // the whole vector: never a second one
    } else {
        backlog.assets.reserve(backlog.assets.size() + planned.added.size());
        std::move(planned.added.begin(), planned.added.end(), std::back_inserter(backlog.assets));
    }
    planned.added = {};
    planned.slots = {};
}

} // namespace

std::size_t InventoryPlan::count(RowAction action) const {
    return count_rows(rows, action);
}

std::size_t InventoryReport::count(RowAction action) const {
    return count_rows(rows, action);
}

InventoryPlan plan_inventory_import(const Backlog& backlog, TableReader& rows,
                                    const InventoryImportOptions& options, std::string_view label) {
    return plan_of(
        import_detail::plan_inventory_rows(backlog, rows, options, label, options.keep_assets),
        options.keep_assets);
}

InventoryPlan plan_inventory_import(const Backlog& backlog, const CsvTable& table,
                                    const InventoryImportOptions& options, std::string_view label) {
    CsvTableReader rows(table);
    return plan_inventory_import(backlog, rows, options, label);
}

void apply_inventory_plan(Backlog& backlog, const InventoryPlan& plan) {
    apply_rows(backlog, plan);
}

void apply_inventory_plan(Backlog& backlog, InventoryPlan&& plan) {
    apply_rows(backlog, plan);
}

InventoryReport import_inventory(Backlog& backlog, TableReader& rows,
                                 const InventoryImportOptions& options, std::string_view label) {
    PlannedImport planned = import_detail::plan_inventory_rows(backlog, rows, options, label, true);
    apply_planned(backlog, planned);
    return {std::move(planned.rows), std::move(planned.ignored_columns)};
}

InventoryReport preview_inventory_import(const Backlog& backlog, TableReader& rows,
                                         const InventoryImportOptions& options,
                                         std::string_view label) {
    PlannedImport planned =
        import_detail::plan_inventory_rows(backlog, rows, options, label, false);
    return {std::move(planned.rows), std::move(planned.ignored_columns)};
}

} // namespace mbl
