// The planning of an inventory import: rows of a discovery export -> the report's rows, and
// apart from them the assets they add or change (import_inventory_apply.cpp makes a plan of them,
// or applies them).
#include "field_values.hpp"
#include "import_columns.hpp"
#include "import_inventory_rows.hpp"
#include "mbl/edit.hpp"
#include "mbl/error.hpp"
#include "mbl/import.hpp"
#include "mbl/raw_json.hpp"
#include "mbl/save.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fmt/format.h>
#include <map>
#include <unordered_map>

namespace mbl {

using import_detail::ascii_lower;
using import_detail::ColumnUse;
using import_detail::no_slot;
using import_detail::PlannedImport;
using import_detail::RowValues;
using import_detail::Target;

namespace {

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

const RawJson* attribute_of(const Asset& asset, std::string_view key) {
    for (const auto& [name, value] : asset.attributes) {
        if (name == key) {
            return &value;
        }
    }
    return nullptr;
}

// The backlog's assets by `attributes.source_id`, by id and by name (ASCII case ignored): how a
// row finds the asset it updates.
class AssetIndex {
  public:
    explicit AssetIndex(const Backlog& backlog) : backlog_(backlog) {
        for (std::size_t i = 0; i < backlog.assets.size(); ++i) {
            const Asset& asset = backlog.assets[i];
            by_id_.emplace(asset.id, i);
            by_name_.emplace(ascii_lower(asset.name), i);
            if (const RawJson* source = attribute_of(asset, "source_id")) {
                by_source_.emplace(source->text, i);
            }
        }
    }

    // The asset with the row's source id (as JSON text, `source`), else with `id`, else with
    // the row's name; `by_source` tells which. nullptr for none.
    const Asset* find(const std::string& source, const std::string& id, const std::string& name,
                      bool& by_source) const {
        by_source = false;
        if (auto found = by_source_.find(source); !source.empty() && found != by_source_.end()) {
            by_source = true;
            return &backlog_.assets[found->second];
        }
        if (auto found = by_id_.find(id); found != by_id_.end()) {
            return &backlog_.assets[found->second];
        }
        if (auto found = by_name_.find(ascii_lower(name));
            !name.empty() && found != by_name_.end()) {
            return &backlog_.assets[found->second];
        }
        return nullptr;
    }

    // The asset with `id`; nullptr for none.
    const Asset* with_id(const std::string& id) const {
        auto found = by_id_.find(id);
        return found == by_id_.end() ? nullptr : &backlog_.assets[found->second];
    }

  private:
    const Backlog& backlog_;
    std::unordered_map<std::string_view, std::size_t> by_id_;
    std::unordered_map<std::string, std::size_t> by_name_;
    std::unordered_map<std::string_view, std::size_t> by_source_; // into the assets' attributes
};

// The first row of a server (by source id), and the addresses its rows gave so far.
struct FirstRow {
    std::size_t line = 0;
    std::size_t row = 0; // index in the plan
    std::string name;
    std::vector<std::string> ips;
};

// A later row of the server `first` (RVTools' vNetwork sheet has one per network adapter): its
// addresses join the first row's `ips`, which is an update when they differ from the asset's.
void merge_addresses(FirstRow& first, const RowValues& values, PlannedImport& planned,
                     const AssetIndex& index, bool keep_assets) {
    const bool had_ips = !first.ips.empty();
    for (const std::string& ip : values.ips) {
        if (std::find(first.ips.begin(), first.ips.end(), ip) == first.ips.end()) {
            first.ips.push_back(ip);
        }
    }
    ImportedRow& target = planned.rows[first.row];
    if (first.ips.empty() || target.action == RowAction::skip) {
        return;
    }
    if (target.action == RowAction::add && !had_ips) {
        ++target.attribute_count; // `ips` joins the new asset's attributes
    }
    RawJson ips = import_detail::ips_json(first.ips);
    std::size_t& slot = planned.slots[first.row];
    if (keep_assets) {
        if (target.action == RowAction::unchanged) { // unchanged rows hold no copy of it
            if (slot == import_detail::no_slot) {
                slot = planned.changed.size();
                planned.changed.push_back(*index.with_id(target.id));
            } else {
                planned.changed[slot] = *index.with_id(target.id);
            }
        }
        Asset& asset =
            target.action == RowAction::add ? planned.added[slot] : planned.changed[slot];
        auto at = std::find_if(asset.attributes.begin(), asset.attributes.end(),
                               [](const auto& entry) { return entry.first == "ips"; });
        if (at == asset.attributes.end()) {
            asset.attributes.emplace_back("ips", ips);
        } else {
            at->second = ips;
        }
    }
    if (target.action == RowAction::add) {
        return;
    }
    const Asset* before = index.with_id(target.id);
    const RawJson* before_ips = before != nullptr ? attribute_of(*before, "ips") : nullptr;
    auto field = std::find(target.fields.begin(), target.fields.end(), "attributes.ips");
    bool changed = before_ips == nullptr || before_ips->text != ips.text;
    if (changed && field == target.fields.end()) {
        target.fields.emplace_back("attributes.ips");
    } else if (!changed && field != target.fields.end()) {
        target.fields.erase(field);
    }
    target.action = target.fields.empty() ? RowAction::unchanged : RowAction::update;
    if (target.action == RowAction::update && target.asset_name.empty() && before != nullptr) {
        target.asset_name = before->name;
    }
    if (target.action == RowAction::unchanged && keep_assets) {
        planned.changed[slot] = Asset{};
    }
}

} // namespace

namespace import_detail {

PlannedImport plan_inventory_rows(const Backlog& backlog, TableReader& rows,
                                  const InventoryImportOptions& options, std::string_view label,
                                  bool keep_assets) {
    if (options.workload) {
        require_workload(backlog, *options.workload);
    }
    PlannedImport planned;
    std::vector<ColumnUse> uses =
        import_detail::columns_for(options.preset, rows.header(), options.mappings, label,
                                   rows.header_line(), planned.ignored_columns);

    AssetIndex index(backlog);
    std::unordered_map<std::string, std::size_t> line_of_id;   // ids taken by earlier rows
    std::unordered_map<std::string, FirstRow> first_of_source; // and their source ids

    const std::size_t expected = rows.expected_records();
    planned.rows.reserve(expected);
    planned.slots.reserve(expected);
    line_of_id.reserve(expected); // never rehashed: at a million rows, each pass misses caches
    first_of_source.reserve(expected);
    const std::size_t every = std::max<std::size_t>(options.progress_every, 1);
    CsvRecord record;
    while (rows.next(record)) {
        RowValues values =
            import_detail::read_row(record, uses, rows.header(), label, rows.dialect());
        ImportedRow row;
        std::size_t slot = no_slot;
        row.line = record.line;
        row.name = values.name;
        if (values.is_template) {
            row.reason = "an RVTools template (Template = True), not a server to migrate";
        } else if (values.name.empty() && values.id_cell.empty()) {
            row.reason = "no server name";
        } else {
            std::string id = slug_of(values.id_cell.empty() ? values.name : values.id_cell);
            std::string source_key = values.source_key();
            std::string source = source_key.empty() ? "" : json_quote(source_key);
            bool by_source = false;
            const Asset* existing = index.find(source, id, values.name, by_source);
            const RawJson* existing_source =
                existing != nullptr ? attribute_of(*existing, "source_id") : nullptr;
            if (existing != nullptr) {
                id = existing->id;
            }
            if (!by_source && existing_source != nullptr && !source.empty() &&
                existing_source->text != source) {
                row.id = id;
                row.reason = fmt::format(
                    "asset '{}' has source_id {}, this row {}: another server of the same name; "
                    "rename one of them (or map an id column with --map 'COLUMN=id')",
                    id, existing_source->text, source);
            } else if (auto twin = first_of_source.find(source);
                       !source.empty() && twin != first_of_source.end()) {
                row.id = planned.rows[twin->second.row].id;
                if (ascii_lower(twin->second.name) == ascii_lower(values.name)) {
                    merge_addresses(twin->second, values, planned, index, keep_assets);
                    row.action = RowAction::unchanged; // its addresses went to the first row
                } else {
                    row.reason =
                        fmt::format("the same source_id {} as line {}", source, twin->second.line);
                }
            } else if (id.empty()) {
                row.reason = "the name has no letter or digit to make an id from; map an id "
                             "column with --map 'COLUMN=id'";
            } else if (auto [earlier, fresh] = line_of_id.try_emplace(id, record.line); !fresh) {
                row.id = id;
                row.reason = fmt::format("the same id '{}' as line {}; rename one of the servers "
                                         "(or map an id column with --map 'COLUMN=id')",
                                         id, earlier->second);
            } else {
                if (!source.empty()) {
                    first_of_source.emplace(source, FirstRow{record.line, planned.rows.size(),
                                                             values.name, values.ips});
                }
                row.id = id;
                if (existing != nullptr) {
                    Asset asset = *existing;
                    row.fields = update_asset(asset, values);
                    row.action = row.fields.empty() ? RowAction::unchanged : RowAction::update;
                    if (row.action == RowAction::update) { // unchanged: the backlog's own
                        row.asset_name = asset.name;
                        if (keep_assets) {
                            slot = planned.changed.size();
                            planned.changed.push_back(std::move(asset));
                        }
                    }
                } else {
                    row.action = RowAction::add;
                    row.asset_name = values.name.empty() ? id : values.name;
                    row.attribute_count = values.attributes.size();
                    if (keep_assets) {
                        if (planned.added.empty()) { // the rows left, at most: one each
                            planned.added.reserve(std::max(expected, planned.rows.size() + 1) -
                                                  planned.rows.size());
                        }
                        slot = planned.added.size();
                        Asset& asset = planned.added.emplace_back();
                        asset.id = id;
                        asset.name = row.asset_name;
                        asset.kind = options.kind;
                        asset.workload = options.workload;
                        asset.attributes = std::move(values.attributes);
                    }
                }
            }
        }
        planned.rows.push_back(std::move(row));
        planned.slots.push_back(slot);
        if (options.progress && planned.rows.size() % every == 0) {
            options.progress(planned.rows.size(), false);
        }
    }
    if (options.progress) {
        options.progress(planned.rows.size(), true);
    }
    return planned;
}

} // namespace import_detail

} // namespace mbl
