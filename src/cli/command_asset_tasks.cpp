// mbl asset tasks ID [--from-template [--replace]], mbl asset task done/undo ID N...,
// mbl asset task add ID TITLE [--estimate N], mbl asset task rm ID N
#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/flag_checks.hpp"
#include "cli/render_release.hpp"
#include "cli/render_table.hpp"
#include "cli/render_text.hpp"
#include "mbl/edit.hpp"
#include "mbl/enums.hpp"
#include "mbl/iterations.hpp"
#include "mbl/release.hpp"
#include "mbl/save.hpp"

#include <CLI/CLI.hpp>
#include <memory>
#include <nlohmann/json.hpp>

namespace mbl::cli {
namespace {

struct AssetTasksOptions {
    std::string id;
    bool from_template = false;
    bool replace = false;
};

struct AssetTaskOptions {
    std::string id;
    std::vector<std::size_t> numbers; // done, undo: one or more; rm: one
    std::string title;                // add
    std::optional<std::string> estimate;
};

Table task_table(const Asset& asset) {
    Table table;
    table.columns = {{"N", "number", ColumnKind::number},
                     {"DONE", "done"},
                     {"TITLE", "title"},
                     {"ESTIMATE", "estimate", ColumnKind::number}};
    for (std::size_t i = 0; i < asset.tasks.size(); ++i) {
        const Task& task = asset.tasks[i];
        table.rows.push_back({{std::to_string(i + 1)},
                              {task.done ? "[x]" : "[ ]", task.done ? Tone::good : Tone::plain},
                              {task.title},
                              {task.estimate ? format_number(*task.estimate) : std::string()}});
    }
    return table;
}

void run_tasks_fill(const AssetTasksOptions& options, const GlobalOptions& global,
                    std::ostream& out) {
    std::string line;
    modify_backlog(global, [&](Backlog& backlog) {
        Asset& asset = require_asset(backlog, options.id);
        std::size_t replaced = asset.tasks.size();
        std::size_t count = fill_tasks_from_template(backlog, asset, options.replace);
        line = asset.id + ": " + std::to_string(count) + (count == 1 ? " task" : " tasks") +
               " from the " + std::string(to_string(asset.kind)) + " template";
        if (replaced > 0) {
            line += " (replacing " + std::to_string(replaced) + ")";
        }
    });
    out << terminal_safe(line) << '\n';
}

void run_tasks_list(const AssetTasksOptions& options, const GlobalOptions& global,
                    std::ostream& out) {
    OutputFormat format =
        output_format(global, {OutputFormat::table, OutputFormat::json, OutputFormat::csv});
    LoadedBacklog loaded = load_for_reading(global);
    const Asset& asset = require_asset(loaded.backlog, options.id);
    if (format == OutputFormat::json) {
        // The asset's `tasks` exactly as the file holds them.
        auto object = nlohmann::ordered_json::parse(to_json_text(asset));
        out << object["tasks"].dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
            << '\n';
    } else if (format == OutputFormat::csv) {
        render_csv(out, task_table(asset));
    } else if (asset.tasks.empty()) {
        out << terminal_safe(asset.id + " has no tasks; 'mbl asset tasks " + asset.id +
                             " --from-template' fills them from its kind's template.")
            << '\n';
    } else {
        render_table(out, task_table(asset), use_color(global));
    }
}

void run_asset_tasks(const AssetTasksOptions& options, const GlobalOptions& global,
                     std::ostream& out) {
    if (options.from_template) {
        output_format(global, {OutputFormat::table});
        run_tasks_fill(options, global, out);
        return;
    }
    if (options.replace) {
        throw usage_error("--replace goes with --from-template: 'mbl asset tasks " + options.id +
                          " --from-template --replace'");
    }
    run_tasks_list(options, global, out);
}

void run_task_done(const AssetTaskOptions& options, bool done, const GlobalOptions& global,
                   std::ostream& out) {
    output_format(global, {OutputFormat::table});
    Date today = resolve_today(global);
    std::vector<std::string> lines;
    modify_backlog(global, [&](Backlog& backlog) {
        Asset& asset = require_asset(backlog, options.id);
        TaskTicks ticks = set_tasks_done(asset, options.numbers, done);
        for (const std::string& line : ticks.lines) {
            lines.push_back(asset.id + ": " + line);
        }
        if (ticks.started) {
            lines.push_back(change_line(asset.id, "status", *ticks.started) +
                            " (its first task is done)");
            for (const AutomaticStageMove& move :
                 start_migrating_workloads(backlog, {asset.id}, today)) {
                lines.push_back(automatic_move_line(move));
            }
        }
        if (done && all_tasks_done(asset) && !is_done_for_release(asset)) {
            lines.push_back(asset.id + ": all tasks done; mark it replicated with 'mbl asset set " +
                            asset.id + " status=replicated'");
        }
    });
    print_change_lines(out, lines, false);
}

void run_task_add(const AssetTaskOptions& options, const GlobalOptions& global, std::ostream& out) {
    output_format(global, {OutputFormat::table});
    std::string line;
    modify_backlog(global, [&](Backlog& backlog) {
        Asset& asset = require_asset(backlog, options.id);
        std::optional<std::string_view> estimate;
        if (options.estimate) {
            estimate = *options.estimate;
        }
        std::size_t number = add_task(asset, options.title, estimate);
        const Task& task = asset.tasks[number - 1];
        line = asset.id + ": added task " + std::to_string(number) + " \"" + task.title + "\"" +
               (task.estimate ? " (" + format_number(*task.estimate) + ")" : std::string());
    });
    out << terminal_safe(line) << '\n';
}

void run_task_rm(const AssetTaskOptions& options, const GlobalOptions& global, std::ostream& out) {
    output_format(global, {OutputFormat::table});
    std::string line;
    modify_backlog(global, [&](Backlog& backlog) {
        Asset& asset = require_asset(backlog, options.id);
        std::size_t number = options.numbers.at(0);
        Task removed = remove_task(asset, number);
        line = asset.id + ": removed task " + std::to_string(number) + " \"" + removed.title + "\"";
        if (number <= asset.tasks.size()) {
            line += "; the tasks after it are renumbered";
        }
    });
    out << terminal_safe(line) << '\n';
}

void add_task_verb(CLI::App& task, const std::string& name, bool done, GlobalOptions& global,
                   std::ostream& out) {
    auto options = std::make_shared<AssetTaskOptions>();
    CLI::App* verb = add_command(task, name,
                                 done ? "Mark tasks done (a not-started asset becomes in-progress)"
                                      : "Mark tasks not done again",
                                 "mbl asset task " + name + " crm-sql-01 2 3");
    verb->add_option("ID", options->id, "Asset id")->required();
    verb->add_option("N", options->numbers,
                     "Task numbers, as 'mbl asset tasks ID' lists them (one or more)")
        ->required()
        ->check(check_count, "");
    verb->callback([options, done, &global, &out] { run_task_done(*options, done, global, out); });
}

void add_task_add_verb(CLI::App& task, GlobalOptions& global, std::ostream& out) {
    auto options = std::make_shared<AssetTaskOptions>();
    CLI::App* add = add_command(task, "add", "Add a task at the end of an asset's tasks",
                                "mbl asset task add crm-sql-01 \"Rehearse cut-over\" --estimate 4");
    add->add_option("ID", options->id, "Asset id")->required();
    add->add_option("TITLE", options->title, "What the task is")->required();
    add->add_option("--estimate", options->estimate, "Estimate in the file's unit")->type_name("N");
    add->callback([options, &global, &out] { run_task_add(*options, global, out); });
}

void add_task_rm_verb(CLI::App& task, GlobalOptions& global, std::ostream& out) {
    auto options = std::make_shared<AssetTaskOptions>();
    CLI::App* rm = add_command(task, "rm", "Remove one task; the tasks after it move up one",
                               "mbl asset task rm crm-sql-01 3");
    rm->add_option("ID", options->id, "Asset id")->required();
    rm->add_option("N", options->numbers, "Task number, as 'mbl asset tasks ID' lists them")
        ->required()
        ->expected(1)
        ->check(check_count, "");
    rm->callback([options, &global, &out] { run_task_rm(*options, global, out); });
}

} // namespace

void setup_asset_tasks(CLI::App& asset, GlobalOptions& global, std::ostream& out) {
    auto options = std::make_shared<AssetTasksOptions>();
    CLI::App* tasks = add_command(asset, "tasks",
                                  "List an asset's tasks (table, json or csv), or fill them from "
                                  "settings.task_templates for its kind",
                                  "mbl asset tasks crm-sql-01 --from-template");
    tasks->add_option("ID", options->id, "Asset id")->required();
    tasks->add_flag("--from-template", options->from_template,
                    "Fill the tasks from its kind's template, sharing its estimate by percent");
    tasks->add_flag("--replace", options->replace,
                    "With --from-template: replace the tasks it already has");
    tasks->callback([options, &global, &out] { run_asset_tasks(*options, global, out); });

    CLI::App* task = add_command(asset, "task",
                                 "Change an asset's tasks: tick them (done, undo), add or remove "
                                 "one",
                                 "mbl asset task done crm-sql-01 2 3");
    task->require_subcommand(1);
    add_task_verb(*task, "done", true, global, out);
    add_task_verb(*task, "undo", false, global, out);
    add_task_add_verb(*task, global, out);
    add_task_rm_verb(*task, global, out);
}

} // namespace mbl::cli
