// Numbers that must lie in a range (limits.hpp): estimates from 0 to 1e9, capacities and
// completed estimates to 1e15, template percents to 100, priorities from 1 to 4; the task
// templates and the work item states of `settings`.

#include "mbl/enums.hpp"
#include "mbl/limits.hpp"
#include "mbl/save.hpp"
#include "mbl/work_items.hpp"
#include "validate_rules.hpp"

#include <cmath>
#include <fmt/format.h>

namespace mbl::validation {

namespace {

// An error when `value` is above `maximum`: a number that large is a typo, and sums of such
// numbers would not stay finite. `path()` and `what()` spell where and what it is: called only
// for an error, since this runs for every estimate of the file.
template <class Path, class What>
void check_not_above(Context& context, double value, double maximum, Path path, What what) {
    if (value > maximum) {
        context.error(path(), "number-too-large",
                      fmt::format("{} is {}, above the largest mbl accepts ({}); correct it",
                                  what(), format_number(value), format_number(maximum)));
    }
}

void check_asset_estimates(Context& context, std::string_view unit) {
    const auto& assets = context.backlog.assets;
    for (std::size_t i = 0; i < assets.size(); ++i) {
        const Asset& asset = assets[i];
        if (asset.estimate && *asset.estimate < 0) {
            context.error(fmt::format("/assets/{}/estimate", i), "negative-estimate",
                          fmt::format("{} has a negative estimate ({}); estimates are "
                                      "non-negative {} (remove it if not yet estimated)",
                                      describe(asset_kind, asset.id, i), *asset.estimate, unit));
        }
        if (asset.estimate) {
            check_not_above(
                context, *asset.estimate, max_estimate,
                [&] { return fmt::format("/assets/{}/estimate", i); },
                [&] {
                    return fmt::format("the estimate of {}", describe(asset_kind, asset.id, i));
                });
        }
        for (std::size_t t = 0; t < asset.tasks.size(); ++t) {
            const Task& task = asset.tasks[t];
            if (task.estimate && *task.estimate < 0) {
                context.error(fmt::format("/assets/{}/tasks/{}/estimate", i, t),
                              "negative-estimate",
                              fmt::format("task \"{}\" of {} has a negative estimate ({}); "
                                          "estimates are non-negative {}",
                                          task.title, describe(asset_kind, asset.id, i),
                                          *task.estimate, unit));
            }
            if (task.estimate) {
                check_not_above(
                    context, *task.estimate, max_estimate,
                    [&] { return fmt::format("/assets/{}/tasks/{}/estimate", i, t); },
                    [&] {
                        return fmt::format("the estimate of task \"{}\" of {}", task.title,
                                           describe(asset_kind, asset.id, i));
                    });
            }
        }
    }
}

void check_iteration_numbers(Context& context, std::string_view unit) {
    const auto& iterations = context.backlog.iterations;
    for (std::size_t i = 0; i < iterations.size(); ++i) {
        const Iteration& iteration = iterations[i];
        std::string who = describe(iteration_kind, iteration.id, i);
        if (iteration.capacity < 0) {
            context.error(fmt::format("/iterations/{}/capacity", i), "negative-capacity",
                          fmt::format("{} has a negative capacity ({}); capacity is the "
                                      "non-negative {} the team can deliver in it",
                                      who, iteration.capacity, unit));
        }
        check_not_above(
            context, iteration.capacity, max_iteration_total,
            [&] { return fmt::format("/iterations/{}/capacity", i); },
            [&] { return fmt::format("the capacity of {}", who); });
        if (iteration.completed_estimate && *iteration.completed_estimate < 0) {
            context.error(fmt::format("/iterations/{}/completed_estimate", i), "negative-estimate",
                          fmt::format("{} has a negative completed_estimate ({}); it is the "
                                      "non-negative {} completed when it closed",
                                      who, *iteration.completed_estimate, unit));
        }
        if (iteration.completed_estimate) {
            check_not_above(
                context, *iteration.completed_estimate, max_iteration_total,
                [&] { return fmt::format("/iterations/{}/completed_estimate", i); },
                [&] { return fmt::format("the completed_estimate of {}", who); });
        }
    }
}

template <class Item>
void check_priorities_of(Context& context, const Kind& kind, const std::vector<Item>& items) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        int priority = items[i].priority;
        if (priority < highest_priority || priority > lowest_priority) {
            context.error(fmt::format("/{}/{}/priority", kind.array, i), "priority-range",
                          fmt::format("{} has priority {}; priorities run from {} (highest) "
                                      "to {}",
                                      describe(kind, items[i].id, i), priority, highest_priority,
                                      lowest_priority));
        }
    }
}

} // namespace

void check_numbers(Context& context) {
    std::string_view unit = to_string(context.backlog.settings.estimate_unit);
    double default_capacity = context.backlog.settings.default_capacity;
    if (default_capacity < 0) {
        context.error("/settings/default_capacity", "negative-capacity",
                      fmt::format("settings.default_capacity is negative ({}); set it to the "
                                  "non-negative {} the team delivers per iteration",
                                  default_capacity, unit));
    }
    check_not_above(
        context, default_capacity, max_iteration_total,
        [] { return std::string("/settings/default_capacity"); },
        [] { return std::string("settings.default_capacity"); });
    check_asset_estimates(context, unit);
    check_iteration_numbers(context, unit);
}

void check_work_item_states(Context& context) {
    std::string last_tool;
    for (const WorkItemStateSetting& setting : work_item_state_settings(context.backlog.settings)) {
        std::string path = "/settings/work_item_states/" + pointer_segment(setting.tool);
        if (!parse_agile_tool(setting.tool) && setting.tool != last_tool) {
            context.error(path, "unknown-tool",
                          fmt::format("work_item_states has states for \"{}\", which is not a "
                                      "tool mbl imports from; use azure-devops or jira",
                                      setting.tool));
        }
        last_tool = setting.tool;
        if (setting.state.empty() && setting.meaning == "") {
            continue; // a tool without states
        }
        if (setting.state.empty() && !setting.meaning) {
            context.error(path, "invalid-work-item-state",
                          fmt::format("work_item_states.{} must be an object of states, e.g. "
                                      "{{\"Resolved\": \"replicated\"}}",
                                      setting.tool));
        } else if (setting.meaning != "ignore" &&
                   !(setting.meaning && parse_enum<AssetStatus>(*setting.meaning))) {
            context.error(path + "/" + pointer_segment(setting.state), "invalid-work-item-state",
                          fmt::format("work_item_states.{}.\"{}\" is {}; give a status ({}) "
                                      "or \"ignore\"",
                                      setting.tool, setting.state,
                                      setting.meaning ? "\"" + *setting.meaning + "\""
                                                      : std::string("not a string"),
                                      allowed_values<AssetStatus>()));
        }
    }
}

void check_task_templates(Context& context) {
    const auto& kinds = context.backlog.settings.task_templates;
    for (std::size_t k = 0; k < kinds.size(); ++k) {
        const KindTemplate& kind = kinds[k];
        std::string path = "/settings/task_templates/" + pointer_segment(kind.kind);
        if (!parse_enum<AssetKind>(kind.kind)) {
            context.error(path, "unknown-kind",
                          fmt::format("task_templates has a template for \"{}\", which is not an "
                                      "asset kind; use {}",
                                      kind.kind, allowed_values<AssetKind>()));
        }
        double total = 0;
        for (std::size_t t = 0; t < kind.tasks.size(); ++t) {
            total += kind.tasks[t].percent;
            if (kind.tasks[t].percent < 0) {
                context.error(fmt::format("{}/{}/percent", path, t), "negative-percent",
                              fmt::format("task template \"{}\" for {} has a negative percent",
                                          kind.tasks[t].title, kind.kind));
            }
            check_not_above(
                context, kind.tasks[t].percent, max_template_percent,
                [&] { return fmt::format("{}/{}/percent", path, t); },
                [&] {
                    return fmt::format("the percent of task template \"{}\" for {}",
                                       kind.tasks[t].title, kind.kind);
                });
        }
        if (!kind.tasks.empty() && std::abs(total - 100) > 1e-6) {
            context.warning(path, "template-percent",
                            fmt::format("the task template for {} shares {}% of the estimate, "
                                        "not 100%; adjust the percents so they add up to 100",
                                        kind.kind, total));
        }
    }
}

void check_priorities(Context& context) {
    check_priorities_of(context, workload_kind, context.backlog.workloads);
    check_priorities_of(context, asset_kind, context.backlog.assets);
}

} // namespace mbl::validation
