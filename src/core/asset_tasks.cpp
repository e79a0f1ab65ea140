// The tasks of an asset: filled from the kind's template, ticked one by one (iterations.hpp).

#include "field_values.hpp"
#include "mbl/enums.hpp"
#include "mbl/iterations.hpp"
#include "mbl/limits.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace mbl {

namespace {

constexpr double whole_percent = 100;

double round_to_cents(double value) {
    return std::round(value * 100) / 100;
}

// True when `value` has at most two decimals (up to the noise of binary fractions).
bool has_cents_only(double value) {
    return std::abs(value * 100 - std::round(value * 100)) < 1e-6;
}

const KindTemplate* template_for(const Settings& settings, AssetKind kind) {
    auto found =
        std::find_if(settings.task_templates.begin(), settings.task_templates.end(),
                     [&](const KindTemplate& entry) { return entry.kind == to_string(kind); });
    return found == settings.task_templates.end() ? nullptr : &*found;
}

// One task per template entry, `estimate` shared by percent. When the percents add up to 100 the
// last task takes what rounding left over, so the tasks add up to `estimate` exactly.
std::vector<Task> tasks_from(const KindTemplate& kind_template, double estimate) {
    std::vector<Task> tasks;
    double total_percent = 0;
    double shared = 0;
    for (const TaskTemplate& entry : kind_template.tasks) {
        Task task;
        task.title = entry.title;
        task.estimate = round_to_cents(entry.percent / whole_percent * estimate);
        total_percent += entry.percent;
        shared += *task.estimate;
        tasks.push_back(std::move(task));
    }
    if (!tasks.empty() && std::abs(total_percent - whole_percent) < 1e-6) {
        double rest = estimate - (shared - *tasks.back().estimate);
        tasks.back().estimate = has_cents_only(rest) ? round_to_cents(rest) : rest;
    }
    for (Task& task : tasks) {
        if (*task.estimate == 0) {
            task.estimate = 0.0; // no `-0` in the file
        }
        check_computed_number(*task.estimate, max_estimate,
                              fmt::format("the estimate of task \"{}\" from the template for {}",
                                          task.title, kind_template.kind));
    }
    return tasks;
}

} // namespace

std::size_t fill_tasks_from_template(Backlog& backlog, Asset& asset, bool replace) {
    const KindTemplate* kind_template = template_for(backlog.settings, asset.kind);
    const std::optional<double> estimate = effective_estimate(asset);
    std::vector<std::string> reasons;
    if (kind_template == nullptr || kind_template->tasks.empty()) {
        reasons.push_back(fmt::format("no task template for kind {}; add one under "
                                      "settings.task_templates",
                                      to_string(asset.kind)));
    }
    if (!estimate) {
        reasons.push_back(fmt::format("{} has no estimate; set one first ('mbl asset set {} "
                                      "estimate=N')",
                                      asset.id, asset.id));
    }
    if (!asset.tasks.empty() && !replace) {
        reasons.push_back(fmt::format("{} already has {} task{}; replace them explicitly "
                                      "(--replace) or edit them one by one",
                                      asset.id, asset.tasks.size(),
                                      asset.tasks.size() == 1 ? "" : "s"));
    }
    if (!reasons.empty()) {
        std::string message = fmt::format("cannot fill the tasks of {} from a template:", asset.id);
        for (const std::string& reason : reasons) {
            message += "\n  " + reason;
        }
        throw Error(ExitStatus::check_failed, message);
    }
    asset.tasks = tasks_from(*kind_template, *estimate);
    return asset.tasks.size();
}

namespace {

// Error(usage) unless `number` names one of the asset's tasks.
void check_task_number(const Asset& asset, std::size_t number) {
    if (asset.tasks.empty()) {
        throw usage_error(fmt::format("{} has no tasks; 'mbl asset tasks {} --from-template' "
                                      "fills them from its kind's template",
                                      asset.id, asset.id));
    }
    if (number < 1 || number > asset.tasks.size()) {
        throw usage_error(fmt::format("{} has no task {}; its tasks are numbered 1 to {}", asset.id,
                                      number, asset.tasks.size()));
    }
}

} // namespace

std::string set_task_done(Asset& asset, std::size_t number, bool done) {
    check_task_number(asset, number);
    Task& task = asset.tasks[number - 1];
    task.done = done;
    return fmt::format("task {} \"{}\": {}", number, task.title, done ? "done" : "not done");
}

TaskTicks set_tasks_done(Asset& asset, const std::vector<std::size_t>& numbers, bool done) {
    for (std::size_t number : numbers) {
        check_task_number(asset, number);
    }
    TaskTicks ticks;
    for (std::size_t number : numbers) {
        ticks.lines.push_back(set_task_done(asset, number, done));
    }
    if (done && !numbers.empty() && asset.status == AssetStatus::not_started) {
        ticks.started =
            describe_change("status", to_string(asset.status), to_string(AssetStatus::in_progress));
        asset.status = AssetStatus::in_progress;
    }
    return ticks;
}

std::size_t add_task(Asset& asset, std::string_view title,
                     std::optional<std::string_view> estimate) {
    check_text(title, "title");
    if (trim(title).empty()) {
        throw usage_error("a task's title must not be empty");
    }
    Task task;
    task.title = trim(title);
    if (estimate && !trim(*estimate).empty() && trim(*estimate) != "none") {
        task.estimate = parse_non_negative_number(*estimate, "estimate");
        if (*task.estimate == 0) {
            task.estimate = 0.0; // no `-0` in the file
        }
    }
    asset.tasks.push_back(std::move(task));
    return asset.tasks.size();
}

Task remove_task(Asset& asset, std::size_t number) {
    check_task_number(asset, number);
    Task removed = std::move(asset.tasks[number - 1]);
    asset.tasks.erase(asset.tasks.begin() + static_cast<std::ptrdiff_t>(number - 1));
    return removed;
}

bool all_tasks_done(const Asset& asset) {
    return !asset.tasks.empty() && std::all_of(asset.tasks.begin(), asset.tasks.end(),
                                               [](const Task& task) { return task.done; });
}

} // namespace mbl
