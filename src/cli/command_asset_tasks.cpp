// mbl asset tasks ID [--from-template [--replace]], mbl asset task done/undo ID N
#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/flag_checks.hpp"
#include "cli/render_table.hpp"
#include "cli/render_text.hpp"
#include "mbl/edit.hpp"
#include "mbl/enums.hpp"
#include "mbl/iterations.hpp"
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
    std::size_t number = 0;
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
    std::string line;
    modify_backlog(global, [&](Backlog& backlog) {
        Asset& asset = require_asset(backlog, options.id);
        line = asset.id + ": " + set_task_done(asset, options.number, done);
    });
    out << terminal_safe(line) << '\n';
}

void add_task_verb(CLI::App& task, const std::string& name, bool done, GlobalOptions& global,
                   std::ostream& out) {
    auto options = std::make_shared<AssetTaskOptions>();
    CLI::App* verb =
        add_command(task, name, done ? "Mark a task done" : "Mark a task not done again",
                    "mbl asset task " + name + " crm-sql-01 2");
    verb->add_option("ID", options->id, "Asset id")->required();
    verb->add_option("N", options->number, "Task number, as 'mbl asset tasks ID' lists them")
        ->required()
        ->check(check_count, "");
    verb->callback([options, done, &global, &out] { run_task_done(*options, done, global, out); });
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

    CLI::App* task = add_command(asset, "task", "Tick an asset's tasks: done or undo",
                                 "mbl asset task done crm-sql-01 2");
    task->require_subcommand(1);
    add_task_verb(*task, "done", true, global, out);
    add_task_verb(*task, "undo", false, global, out);
}

} // namespace mbl::cli
