#include "cli/render_iteration.hpp"

#include "cli/command_support.hpp"
#include "cli/json_number.hpp"
#include "cli/json_text.hpp"
#include "cli/render_entity.hpp"
#include "cli/render_number.hpp"
#include "cli/render_report_json.hpp"
#include "mbl/enums.hpp"
#include "mbl/iteration_figures.hpp"
#include "mbl/save.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace mbl::cli {
namespace {

using nlohmann::ordered_json;

std::string rounded_or_empty(const std::optional<double>& value) {
    return value ? rounded_number(*value) : std::string();
}

std::string dumped(const ordered_json& value) {
    return value.dump(2, ' ', false, ordered_json::error_handler_t::replace);
}

// `it-6` as the file has it (numbers spelt as there), followed by the computed keys and `more`,
// as both JSON documents start.
std::string iteration_json(const Iteration& iteration, const IterationFigures& figures,
                           std::vector<JsonMember> more = {}) {
    std::vector<JsonMember> members{
        {"committed_estimate", dumped(json_number(figures.committed_estimate))},
        {"done_estimate", dumped(number_or_null(figures.done_estimate))},
        {"days_left", dumped(figures.days_left ? ordered_json(*figures.days_left) : nullptr)}};
    std::move(more.begin(), more.end(), std::back_inserter(members));
    return json_object_with(to_json_text(iteration), members);
}

std::string count_of(std::size_t count, const char* noun) {
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

// `committed: 118 hours (6 assets)` and its like.
std::string amount_of_assets(const Backlog& backlog, double value, std::size_t assets) {
    return amount(backlog, value) + " (" + count_of(assets, "asset") + ")";
}

Field scope_field(const IterationFigures& figures) {
    if (figures.added_since_start.empty() && figures.removed_since_start.empty()) {
        return {"scope change", "none since the start"};
    }
    Field scope{"scope change", ""};
    if (!figures.added_since_start.empty()) {
        scope.children.push_back({"added", comma_list(figures.added_since_start)});
    }
    if (!figures.removed_since_start.empty()) {
        scope.children.push_back({"removed", comma_list(figures.removed_since_start)});
    }
    return scope;
}

// The assets by id (the first with each id, as find_asset), so that an iteration's committed
// assets are found in one pass over the backlog rather than one each.
std::unordered_map<std::string_view, const Asset*> assets_by_id(const Backlog& backlog) {
    std::unordered_map<std::string_view, const Asset*> assets;
    assets.reserve(backlog.assets.size());
    for (const Asset& asset : backlog.assets) {
        assets.emplace(asset.id, &asset);
    }
    return assets;
}

const Asset* lookup(const std::unordered_map<std::string_view, const Asset*>& assets,
                    std::string_view id) {
    auto found = assets.find(id);
    return found == assets.end() ? nullptr : found->second;
}

// One committed asset: `replicated, 12 hours: CRM app server`, its tasks under it. `completed`:
// the ids of the iteration's `completed`.
Field backlog_item(const Backlog& backlog, const Asset* asset,
                   const std::unordered_set<std::string_view>& completed, const std::string& id) {
    if (asset == nullptr) {
        return {id, "unknown asset (not in the file)", Tone::bad};
    }
    std::optional<double> estimate = effective_estimate(*asset);
    std::string value = std::string(to_string(asset->status)) + ", " +
                        (estimate ? amount(backlog, *estimate) : std::string("not estimated"));
    if (completed.contains(id)) {
        value += ", completed here";
    }
    if (!asset->name.empty()) {
        value += ": " + asset->name;
    }
    Field item{id, value, tone_of(asset->status)};
    for (const Task& task : asset->tasks) {
        std::string line = (task.done ? "[x] " : "[ ] ") + task.title;
        if (task.estimate) {
            line += " (" + format_number(*task.estimate) + ")";
        }
        item.children.push_back({"", line});
    }
    return item;
}

} // namespace

std::string amount(const Backlog& backlog, double value) {
    return rounded_number(value) + " " + std::string(to_string(backlog.settings.estimate_unit));
}

std::string added_iteration_line(const Backlog& backlog, const Iteration& iteration) {
    return "Added " + iteration.id + ": " + iteration.name + ", " + iteration.start.to_string() +
           " to " + iteration.end.to_string() + ", capacity " + amount(backlog, iteration.capacity);
}

Tone tone_of(IterationState state) {
    return state == IterationState::active ? Tone::attention : Tone::plain;
}

Table iteration_table(const Backlog& backlog, Date today) {
    Table table;
    table.columns = {{"ID", "id"},
                     {"NAME", "name"},
                     {"START", "start"},
                     {"END", "end"},
                     {"STATE", "state"},
                     {"CAPACITY", "capacity", ColumnKind::number},
                     {"COMMITTED", "committed_estimate", ColumnKind::number},
                     {"DONE", "done_estimate", ColumnKind::number},
                     {"DAYS LEFT", "days_left", ColumnKind::number}};
    for (const Iteration& iteration : backlog.iterations) {
        IterationFigures figures = iteration_figures(backlog, iteration, today);
        table.rows.push_back(
            {{iteration.id},
             {iteration.name},
             {iteration.start.to_string()},
             {iteration.end.to_string()},
             {std::string(to_string(iteration.state)), tone_of(iteration.state)},
             {format_number(iteration.capacity)},
             {rounded_number(figures.committed_estimate)},
             {rounded_or_empty(figures.done_estimate)},
             {figures.days_left ? std::to_string(*figures.days_left) : std::string()}});
    }
    return table;
}

std::vector<Field> iteration_fields(const Backlog& backlog, const Iteration& iteration,
                                    Date today) {
    IterationFigures figures = iteration_figures(backlog, iteration, today);
    int length = iteration.start.days_until(iteration.end) + 1;
    std::vector<Field> fields{
        {"id", iteration.id},
        {"name", iteration.name},
        {"dates", iteration.start.to_string() + " to " + iteration.end.to_string() + " (" +
                      count_of(static_cast<std::size_t>(std::max(length, 0)), "day") + ")"},
        {"state", std::string(to_string(iteration.state)), tone_of(iteration.state)}};
    if (figures.days_left) {
        fields.push_back({"days left", std::to_string(*figures.days_left)});
    }
    fields.push_back({"capacity", amount(backlog, iteration.capacity)});
    fields.push_back(
        {"committed",
         amount_of_assets(backlog, figures.committed_estimate, figures.committed_assets),
         figures.committed_estimate > iteration.capacity ? Tone::bad : Tone::plain});
    const char* done_key = iteration.state == IterationState::closed ? "completed" : "done";
    fields.push_back(
        {done_key, figures.done_estimate
                       ? amount_of_assets(backlog, *figures.done_estimate, figures.done_assets)
                       : std::string("not recorded")});
    if (figures.started) {
        fields.push_back(scope_field(figures));
    }
    if (iteration.notes) {
        fields.push_back({"notes", *iteration.notes});
    }
    Field items{"backlog", iteration.committed.empty() ? "nothing committed" : ""};
    auto assets = assets_by_id(backlog);
    std::unordered_set<std::string_view> completed;
    if (iteration.completed) {
        completed.insert(iteration.completed->begin(), iteration.completed->end());
    }
    for (const std::string& id : iteration.committed) {
        items.children.push_back(backlog_item(backlog, lookup(assets, id), completed, id));
    }
    fields.push_back(std::move(items));
    return fields;
}

void render_iteration_list_json(std::ostream& out, const Backlog& backlog, Date today) {
    std::vector<std::string> list;
    for (const Iteration& iteration : backlog.iterations) {
        list.push_back(iteration_json(iteration, iteration_figures(backlog, iteration, today)));
    }
    out << json_array_of(list) << '\n';
}

void render_iteration_show_json(std::ostream& out, const Backlog& backlog,
                                const Iteration& iteration, Date today) {
    IterationFigures figures = iteration_figures(backlog, iteration, today);
    ordered_json scope_change = nullptr;
    if (figures.started) {
        scope_change = {{"added", figures.added_since_start},
                        {"removed", figures.removed_since_start}};
    }
    std::vector<std::string> items; // the assets as the file has them, as `asset show` prints
    auto assets = assets_by_id(backlog);
    for (const std::string& id : iteration.committed) {
        if (const Asset* asset = lookup(assets, id)) {
            items.push_back(to_json_text(*asset));
        }
    }
    out << iteration_json(
               iteration, figures,
               {{"scope_change", dumped(scope_change)}, {"backlog", json_array_of(items)}})
        << '\n';
}

} // namespace mbl::cli
