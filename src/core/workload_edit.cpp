// Adding, setting and removing workloads (edit.hpp).

#include "dependency_list.hpp"
#include "field_values.hpp"
#include "mbl/edit.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace mbl {

namespace {

const std::vector<std::string_view> workload_fields{"name",       "priority",    "owner",
                                                    "depends_on", "target_date", "notes"};

} // namespace

Workload& require_workload(Backlog& backlog, std::string_view id) {
    return require_unique(backlog.workloads, "workload", id);
}

const Workload& require_workload(const Backlog& backlog, std::string_view id) {
    return require_unique(backlog.workloads, "workload", id);
}

void add_workload(Backlog& backlog, Workload workload) {
    check_new_id("workload", workload.id, find_workload(backlog, workload.id) != nullptr);
    check_text(workload.name, "name");
    if (workload.name.empty()) {
        workload.name = workload.id; // a name is never empty, as `workload set name=` insists
    }
    check_text(workload.owner.value_or(""), "owner");
    check_text(workload.notes.value_or(""), "notes");
    check_depends_on(dependency_graph_of(backlog.workloads), "workload", workload.id,
                     workload.depends_on);
    check_priority(workload.priority);
    backlog.workloads.push_back(std::move(workload));
}

std::string set_workload_field(Backlog& backlog, Workload& workload, std::string_view field,
                               std::string_view value) {
    if (field == "name") {
        check_text(value, "name");
        if (trim(value).empty()) {
            throw usage_error("name must not be empty");
        }
        std::string change = describe_change("name", workload.name, value);
        workload.name = value;
        return change;
    }
    if (field == "priority") {
        int priority = parse_priority(value);
        std::string change = describe_change("priority", std::to_string(workload.priority),
                                             std::to_string(priority));
        workload.priority = priority;
        return change;
    }
    if (field == "owner" || field == "notes") {
        auto text = optional_text(value, field);
        auto& target = field == "owner" ? workload.owner : workload.notes;
        std::string change = describe_change(field, describe(target), describe(text));
        target = std::move(text);
        return change;
    }
    if (field == "depends_on") {
        auto depends_on = split_comma_list(value);
        check_depends_on(dependency_graph_of(backlog.workloads), "workload", workload.id,
                         depends_on);
        std::string change =
            describe_change("depends_on", describe(workload.depends_on), describe(depends_on));
        workload.depends_on = std::move(depends_on);
        return change;
    }
    if (field == "stage" || field == "stage_history") {
        throw usage_error(fmt::format(
            "a workload's stage changes through its release gates and is recorded in its "
            "stage_history: use 'mbl release advance {} --to STAGE'",
            workload.id));
    }
    if (field == "target_date") {
        std::optional<Date> day;
        if (!trim(value).empty()) {
            day = parse_date_value(value, "target_date");
        }
        std::string change =
            describe_change("target_date", describe(workload.target_date), describe(day));
        workload.target_date = day;
        return change;
    }
    if (field == "id") {
        throw usage_error(
            "a workload's id cannot be changed; add a new workload and remove this one");
    }
    throw unknown_field_error(field, workload_fields);
}

RemovalReport remove_workload(Backlog& backlog, std::string_view id, bool force) {
    const std::string removed_id = require_workload(backlog, id).id; // `id` may view into backlog
    RemovalReport report;
    for (const Asset& asset : backlog.assets) {
        if (asset.workload == removed_id) {
            report.dropped_references.push_back(asset.id + ".workload");
        }
    }
    for (const Workload& other : backlog.workloads) {
        if (other.id != removed_id && std::find(other.depends_on.begin(), other.depends_on.end(),
                                                removed_id) != other.depends_on.end()) {
            report.dropped_references.push_back(other.id + ".depends_on");
        }
    }
    if (!report.dropped_references.empty() && !force) {
        throw refused_removal("workload", removed_id, report.dropped_references);
    }
    for (Asset& asset : backlog.assets) {
        if (asset.workload == removed_id) {
            asset.workload.reset();
        }
    }
    for (Workload& other : backlog.workloads) {
        std::erase(other.depends_on, removed_id);
    }
    std::erase_if(backlog.workloads,
                  [&](const Workload& workload) { return workload.id == removed_id; });
    return report;
}

} // namespace mbl
