// plan_inventory_import and apply_inventory_plan: rows of a discovery export -> planned asset
// additions and updates -> the backlog.
#include "field_values.hpp"
#include "import_columns.hpp"
#include "mbl/edit.hpp"
#include "mbl/error.hpp"
#include "mbl/import.hpp"
#include "mbl/raw_json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fmt/format.h>
#include <map>
#include <unordered_map>

namespace mbl {

using import_detail::ascii_lower;
using import_detail::ColumnUse;
using import_detail::Target;

namespace {

// What one record says about its server.
struct RowValues {
    std::string name;
    std::string id_cell;
    bool is_template = false;
    RawObject attributes;
};

// Azure Migrate's per-disk columns as `disks` (one object per disk with any value, in disk
// order) and `disk_gb` (the sum of the sizes to two decimals, when any is given).
void add_disks(RawObject& attributes, const std::map<std::size_t, RawObject>& disks) {
    if (disks.empty()) {
        return;
    }
    std::string array = "[";
    double total_gb = 0;
    bool any_size = false;
    for (const auto& [number, properties] : disks) {
        array += array.size() > 1 ? ", {" : "{";
        array += fmt::format("\"name\": \"disk{}\"", number);
        for (const auto& [key, value] : properties) {
            array += fmt::format(", \"{}\": {}", key, value.text);
            if (key == "size_gb") {
                total_gb += std::strtod(value.text.c_str(), nullptr);
                any_size = true;
            }
        }
        array += "}";
    }
    array += "]";
    // 0.1 + 0.2 is 0.3, not 0.30000000000000004; a sum too large to round (or to hold) is left out
    // rather than written as `inf`, which no JSON reader reads.
    const double rounded = std::round(total_gb * 100) / 100;
    if (any_size && std::isfinite(rounded)) {
        attributes.emplace_back("disk_gb", RawJson{fmt::format("{}", rounded + 0.0)});
    }
    attributes.emplace_back("disks", *parse_raw_json(array, 3));
}

RowValues read_row(const CsvRecord& record, const std::vector<ColumnUse>& uses,
                   const std::vector<std::string>& header, std::string_view label) {
    RowValues row;
    std::map<std::size_t, RawObject> disks;
    for (const ColumnUse& use : uses) {
        std::string_view cell = record.fields[use.column];
        switch (use.target) {
        case Target::name:
            row.name = std::string(trim(cell));
            break;
        case Target::id:
            row.id_cell = std::string(trim(cell));
            break;
        case Target::rvtools_template:
            row.is_template = ascii_lower(trim(cell)) == "true";
            break;
        case Target::attribute:
        case Target::disk:
            if (auto value = import_detail::cell_value(cell, use.type, header[use.column], label,
                                                       record.line)) {
                RawObject& into = use.target == Target::disk ? disks[use.disk] : row.attributes;
                auto existing = std::find_if(into.begin(), into.end(), [&](const auto& entry) {
                    return entry.first == use.key;
                });
                if (existing == into.end()) {
                    into.emplace_back(use.key, std::move(*value));
                } else {
                    existing->second = std::move(*value); // two columns, one key: the later wins
                }
            }
            break;
        case Target::skip:
            break;
        }
    }
    add_disks(row.attributes, disks);
    return row;
}

// The fields of `asset` that `row` changes, applied to it.
std::vector<std::string> update_asset(Asset& asset, const RowValues& row) {
    std::vector<std::string> changed;
    if (!row.name.empty() && row.name != asset.name) {
        asset.name = row.name;
        changed.emplace_back("name");
    }
    for (const auto& attribute : row.attributes) {
        const std::string& key = attribute.first; // not a structured binding: clang 14 cannot
        const RawJson& value = attribute.second;  // capture those in the lambda below
        auto existing = std::find_if(asset.attributes.begin(), asset.attributes.end(),
                                     [&](const auto& entry) { return entry.first == key; });
        if (existing == asset.attributes.end()) {
            asset.attributes.emplace_back(key, value);
        } else if (existing->second == value) {
            continue;
        } else {
            existing->second = value;
        }
        changed.push_back("attributes." + key);
    }
    return changed;
}

} // namespace

std::size_t InventoryPlan::count(RowAction action) const {
    return static_cast<std::size_t>(std::count_if(
        rows.begin(), rows.end(), [&](const PlannedRow& row) { return row.action == action; }));
}

InventoryPlan plan_inventory_import(const Backlog& backlog, const CsvTable& table,
                                    const InventoryImportOptions& options, std::string_view label) {
    if (options.workload) {
        require_workload(backlog, *options.workload);
    }
    InventoryPlan plan;
    std::vector<ColumnUse> uses =
        import_detail::columns_for(options.preset, table.header, options.mappings, label,
                                   table.header_line, plan.ignored_columns);

    std::unordered_map<std::string_view, std::size_t> by_id;
    std::unordered_map<std::string, std::size_t> by_name;
    for (std::size_t i = 0; i < backlog.assets.size(); ++i) {
        by_id.emplace(backlog.assets[i].id, i);
        by_name.emplace(ascii_lower(backlog.assets[i].name), i);
    }
    std::unordered_map<std::string, std::size_t> line_of_id; // ids taken by earlier rows

    const std::size_t total = table.records.size();
    plan.rows.reserve(total);
    for (const CsvRecord& record : table.records) {
        RowValues values = read_row(record, uses, table.header, label);
        PlannedRow row;
        row.line = record.line;
        row.name = values.name;
        if (values.is_template) {
            row.reason = "an RVTools template (Template = True), not a server to migrate";
        } else if (values.name.empty() && values.id_cell.empty()) {
            row.reason = "no server name";
        } else {
            std::string id = slug_of(values.id_cell.empty() ? values.name : values.id_cell);
            const Asset* existing = nullptr;
            if (auto found = by_id.find(id); found != by_id.end()) {
                existing = &backlog.assets[found->second];
            } else if (auto named = by_name.find(ascii_lower(values.name));
                       !values.name.empty() && named != by_name.end()) {
                existing = &backlog.assets[named->second];
            }
            if (existing != nullptr) {
                id = existing->id;
            }
            if (id.empty()) {
                row.reason = "the name has no letter or digit to make an id from; map an id "
                             "column with --map 'COLUMN=id'";
            } else if (auto earlier = line_of_id.find(id); earlier != line_of_id.end()) {
                row.id = id;
                row.reason = fmt::format("the same id '{}' as line {}; rename one of the servers "
                                         "(or map an id column with --map 'COLUMN=id')",
                                         id, earlier->second);
            } else {
                line_of_id.emplace(id, record.line);
                row.id = id;
                if (existing != nullptr) {
                    row.asset = *existing;
                    row.fields = update_asset(row.asset, values);
                    row.action = row.fields.empty() ? RowAction::unchanged : RowAction::update;
                } else {
                    row.action = RowAction::add;
                    row.asset.id = id;
                    row.asset.name = values.name.empty() ? id : values.name;
                    row.asset.kind = options.kind;
                    row.asset.workload = options.workload;
                    row.asset.attributes = std::move(values.attributes);
                }
            }
        }
        plan.rows.push_back(std::move(row));
        if (options.progress &&
            plan.rows.size() % std::max<std::size_t>(options.progress_every, 1) == 0) {
            options.progress(plan.rows.size(), total);
        }
    }
    if (options.progress) {
        options.progress(total, total);
    }
    return plan;
}

void apply_inventory_plan(Backlog& backlog, const InventoryPlan& plan) {
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < backlog.assets.size(); ++i) {
        index.emplace(backlog.assets[i].id, i);
    }
    for (const PlannedRow& row : plan.rows) {
        if (row.action == RowAction::add) {
            backlog.assets.push_back(row.asset);
        } else if (row.action == RowAction::update) {
            Asset& asset = backlog.assets.at(index.at(row.id));
            asset.name = row.asset.name;
            asset.attributes = row.asset.attributes; // only name and attributes change
        }
    }
}

} // namespace mbl
