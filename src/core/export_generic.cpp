// One row per asset with every field, for spreadsheets and other tools (export.hpp).

#include "export_support.hpp"
#include "mbl/enums.hpp"
#include "mbl/export.hpp"
#include "mbl/save.hpp"
#include "release_support.hpp"

#include <algorithm>
#include <unordered_map>

namespace mbl {
namespace {

// The attribute keys over all assets, first-seen order, each with whether all its values are
// numbers.
struct AttributeColumns {
    std::vector<std::string> keys;
    std::vector<bool> numeric;
    std::unordered_map<std::string_view, std::size_t> index;
};

AttributeColumns attribute_columns(const Backlog& backlog) {
    AttributeColumns columns;
    for (const Asset& asset : backlog.assets) {
        for (const auto& [key, value] : asset.attributes) {
            auto [found, added] = columns.index.emplace(key, columns.keys.size());
            if (added) {
                columns.keys.push_back(key);
                columns.numeric.push_back(true);
            }
            if (!is_json_number(value)) {
                columns.numeric[found->second] = false;
            }
        }
    }
    return columns;
}

std::vector<std::string> asset_row(const Backlog& backlog, const Asset& asset,
                                   const std::string& iteration) {
    auto done = std::ranges::count_if(asset.tasks, [](const Task& task) { return task.done; });
    return {asset.id,
            asset.name,
            std::string(to_string(asset.kind)),
            asset.workload.value_or(""),
            asset.owner.value_or(""),
            std::string(to_string(asset.strategy)),
            asset.estimate ? format_number(*asset.estimate) : std::string(), // the file's
            number_cell(effective_estimate(asset)),
            std::string(to_string(backlog.settings.estimate_unit)),
            std::to_string(asset.priority),
            std::string(to_string(asset.status)),
            asset.replicated_on ? asset.replicated_on->to_string() : "",
            iteration,
            join(asset.depends_on, "; "),
            join(asset.tags, "; "),
            std::to_string(asset.tasks.size()),
            std::to_string(done),
            asset.notes.value_or("")};
}

} // namespace

void write_generic_sheet(const Backlog& backlog, SheetSink& sink) {
    std::vector<SheetColumn> columns = {{"id"},
                                        {"name"},
                                        {"kind"},
                                        {"workload"},
                                        {"owner"},
                                        {"strategy"},
                                        {"estimate", true},
                                        {"effective_estimate", true},
                                        {"unit"},
                                        {"priority", true},
                                        {"status"},
                                        {"replicated_on"},
                                        {"iteration"},
                                        {"depends_on"},
                                        {"tags"},
                                        {"tasks", true},
                                        {"tasks_done", true},
                                        {"notes"}};
    AttributeColumns attributes = attribute_columns(backlog);
    for (std::size_t i = 0; i < attributes.keys.size(); ++i) {
        columns.push_back({"attributes." + attributes.keys[i], attributes.numeric[i]});
    }
    sink.columns(columns);

    IterationsByAsset iterations = index_iterations_by_asset(backlog);
    for (const Asset& asset : backlog.assets) {
        const Iteration* iteration = lookup_iteration(iterations, asset.id);
        std::vector<std::string> row = asset_row(backlog, asset, iteration ? iteration->id : "");
        row.resize(columns.size());
        for (const auto& [key, value] : asset.attributes) {
            row[columns.size() - attributes.keys.size() + attributes.index.at(key)] =
                attribute_text(value);
        }
        sink.row(std::move(row));
    }
}

Sheet generic_sheet(const Backlog& backlog) {
    Sheet sheet = collect_sheet([&](SheetSink& sink) { write_generic_sheet(backlog, sink); });
    sheet.for_spreadsheet = true;
    return sheet;
}

} // namespace mbl
