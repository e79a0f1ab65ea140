#include "cli/render_entity.hpp"

#include "cli/command_support.hpp"
#include "cli/render_number.hpp"
#include "mbl/enums.hpp"
#include "mbl/save.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_map>

namespace mbl::cli {
namespace {

// A computed estimate (a sum of tasks), rounded as every view rounds it.
std::string figure_or_empty(const std::optional<double>& value) {
    return value ? rounded_number(*value) : std::string();
}

std::string with_unit(const Backlog& backlog, double value) {
    return format_number(value) + " " + std::string(to_string(backlog.settings.estimate_unit));
}

// `a, b` for a list in `show`, `none` for an empty one (an empty value reads as missing).
std::string list_or_none(const std::vector<std::string>& items) {
    return items.empty() ? std::string("none") : comma_list(items);
}

void add_optional(std::vector<Field>& fields, const std::string& key,
                  const std::optional<std::string>& value) {
    if (value) {
        fields.push_back({key, *value});
    }
}

void add_raw_object(std::vector<Field>& fields, const std::string& key, const RawObject& object) {
    if (object.empty()) {
        return;
    }
    Field section{key, ""};
    for (const auto& [name, value] : object) {
        section.children.push_back({name, display_json_value(value)});
    }
    fields.push_back(std::move(section));
}

// The iterations that commit `id`, each with its state: `it-1 (closed, completed), it-2 (active)`,
// or `none`.
std::string committing_iterations(const Backlog& backlog, const std::string& id) {
    std::vector<std::string> found;
    for (const Iteration& iteration : backlog.iterations) {
        bool committed = std::ranges::count(iteration.committed, id) > 0;
        bool completed = iteration.completed && std::ranges::count(*iteration.completed, id) > 0;
        if (committed || completed) {
            found.push_back(iteration.id + " (" + std::string(to_string(iteration.state)) +
                            (completed ? ", completed)" : ")"));
        }
    }
    return list_or_none(found);
}

} // namespace

Tone tone_of(AssetStatus status) {
    switch (status) {
    case AssetStatus::replicated:
        return Tone::good;
    case AssetStatus::in_progress:
        return Tone::attention;
    case AssetStatus::blocked:
        return Tone::bad;
    default:
        return Tone::plain;
    }
}

Tone tone_of(Stage stage) {
    return stage == Stage::production ? Tone::good : Tone::plain;
}

std::string display_json_value(const RawJson& value) {
    nlohmann::json parsed = nlohmann::json::parse(value.text, nullptr, false);
    if (parsed.is_discarded()) {
        return value.text;
    }
    if (parsed.is_string()) {
        return parsed.get<std::string>();
    }
    if (value.text.find('\n') == std::string::npos) {
        return value.text; // keeps the file's spelling of numbers
    }
    return parsed.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Table asset_table() {
    Table table;
    table.columns = {{"ID", "id"},
                     {"NAME", "name"},
                     {"KIND", "kind"},
                     {"WORKLOAD", "workload"},
                     {"STRATEGY", "strategy"},
                     {"ESTIMATE", "estimate", ColumnKind::number},
                     {"PRI", "priority", ColumnKind::number},
                     {"STATUS", "status"}};
    return table;
}

void add_asset_row(Table& table, const Asset& asset) {
    table.rows.push_back({{asset.id},
                          {asset.name},
                          {std::string(to_string(asset.kind))},
                          {asset.workload.value_or("")},
                          {std::string(to_string(asset.strategy))},
                          {figure_or_empty(effective_estimate(asset))},
                          {std::to_string(asset.priority)},
                          {std::string(to_string(asset.status)), tone_of(asset.status)}});
}

std::vector<Field> asset_fields(const Backlog& backlog, const Asset& asset) {
    std::vector<Field> fields{{"id", asset.id},
                              {"name", asset.name},
                              {"kind", std::string(to_string(asset.kind))},
                              {"workload", asset.workload.value_or("none")}};
    add_optional(fields, "owner", asset.owner);
    fields.push_back({"strategy", std::string(to_string(asset.strategy))});
    fields.push_back({"estimate", asset.estimate ? with_unit(backlog, *asset.estimate)
                                                 : std::string("not estimated")});
    std::optional<double> effective = effective_estimate(asset);
    if (effective && effective != asset.estimate) {
        fields.push_back(
            {"effective estimate", rounded_number(*effective) + " " +
                                       std::string(to_string(backlog.settings.estimate_unit)) +
                                       " (from tasks)"});
    }
    fields.push_back({"priority", std::to_string(asset.priority)});
    fields.push_back({"status", std::string(to_string(asset.status)), tone_of(asset.status)});
    if (asset.replicated_on) {
        fields.push_back({"replicated_on", asset.replicated_on->to_string()});
    }
    fields.push_back({"depends_on", list_or_none(asset.depends_on)});
    fields.push_back({"tags", list_or_none(asset.tags)});
    fields.push_back({"iterations", committing_iterations(backlog, asset.id)});
    add_optional(fields, "notes", asset.notes);
    add_raw_object(fields, "attributes", asset.attributes);
    if (!asset.tasks.empty()) {
        Field tasks{"tasks", ""};
        for (const Task& task : asset.tasks) {
            std::string line = (task.done ? "[x] " : "[ ] ") + task.title;
            if (task.estimate) {
                line += " (" + with_unit(backlog, *task.estimate) + ")";
            }
            tasks.children.push_back({"", line});
        }
        fields.push_back(std::move(tasks));
    }
    add_raw_object(fields, "other keys", asset.extras);
    return fields;
}

Table workload_table(const Backlog& backlog) {
    Table table;
    table.columns = {{"ID", "id"},
                     {"NAME", "name"},
                     {"PRI", "priority", ColumnKind::number},
                     {"OWNER", "owner"},
                     {"STAGE", "stage"},
                     {"ASSETS", "assets", ColumnKind::number},
                     {"DEPENDS ON", "depends_on"}};
    std::unordered_map<std::string_view, std::size_t> asset_counts; // by workload id, one pass
    for (const Asset& asset : backlog.assets) {
        if (asset.workload) {
            ++asset_counts[*asset.workload];
        }
    }
    for (const Workload& workload : backlog.workloads) {
        auto counted = asset_counts.find(workload.id);
        std::size_t asset_count = counted == asset_counts.end() ? 0 : counted->second;
        table.rows.push_back({{workload.id},
                              {workload.name},
                              {std::to_string(workload.priority)},
                              {workload.owner.value_or("")},
                              {std::string(to_string(workload.stage)), tone_of(workload.stage)},
                              {std::to_string(asset_count)},
                              {comma_list(workload.depends_on)}});
    }
    return table;
}

std::vector<Field> workload_fields(const Backlog& backlog, const Workload& workload) {
    std::vector<Field> fields{{"id", workload.id},
                              {"name", workload.name},
                              {"priority", std::to_string(workload.priority)}};
    add_optional(fields, "owner", workload.owner);
    fields.push_back({"stage", std::string(to_string(workload.stage)), tone_of(workload.stage)});
    if (workload.target_date) {
        fields.push_back({"target_date", workload.target_date->to_string()});
    }
    fields.push_back({"depends_on", list_or_none(workload.depends_on)});
    std::size_t total = 0;
    std::size_t done = 0;
    for (const Asset& asset : backlog.assets) {
        if (asset.workload == workload.id) {
            ++total;
            done += is_done_for_release(asset) ? 1 : 0;
        }
    }
    fields.push_back({"assets", std::to_string(total) + " (" + std::to_string(done) + " done)"});
    add_optional(fields, "notes", workload.notes);
    if (!workload.stage_history.empty()) {
        Field history{"stage_history", ""};
        for (const StageChange& change : workload.stage_history) {
            std::string line =
                change.date.to_string() + "  " + std::string(to_string(change.stage));
            if (change.forced) {
                line += " (forced" + (change.reason ? ": " + *change.reason : std::string()) + ")";
            } else if (change.reason) {
                line += " (" + *change.reason + ")";
            }
            history.children.push_back({"", line});
        }
        fields.push_back(std::move(history));
    }
    add_raw_object(fields, "other keys", workload.extras);
    return fields;
}

} // namespace mbl::cli
