// mbl workload add/list/show/set/rm
#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/render_entity.hpp"
#include "cli/render_text.hpp"
#include "mbl/edit.hpp"
#include "mbl/save.hpp"

#include <CLI/CLI.hpp>
#include <memory>

namespace mbl::cli {
namespace {

struct WorkloadAddOptions {
    std::string id;
    std::optional<std::string> name, priority, owner;
    std::vector<std::string> depends_on;
};

struct WorkloadEditOptions {
    std::string id;
    std::vector<std::string> assignments; // set: FIELD=VALUE...
    bool force = false;                   // rm
    bool dry_run = false;                 // rm
};

void run_workload_add(const WorkloadAddOptions& options, const GlobalOptions& global,
                      std::ostream& out) {
    output_format(global, {OutputFormat::table});
    Workload added;
    modify_backlog(global, [&](Backlog& backlog) {
        Workload workload;
        workload.id = options.id;
        workload.name = options.name.value_or("");
        workload.owner = options.owner;
        workload.depends_on = options.depends_on;
        add_workload(backlog, std::move(workload));
        Workload& stored = require_workload(backlog, options.id);
        if (options.priority) { // read as `workload set` reads it
            set_workload_field(backlog, stored, "priority", *options.priority);
        }
        added = stored;
    });
    out << terminal_safe("Added workload " + added.id + " (priority " +
                         std::to_string(added.priority) + ")")
        << '\n';
}

void run_workload_list(const GlobalOptions& global, std::ostream& out) {
    OutputFormat format =
        output_format(global, {OutputFormat::table, OutputFormat::json, OutputFormat::csv});
    LoadedBacklog loaded = load_for_reading(global);
    const Backlog& backlog = loaded.backlog;
    if (format == OutputFormat::json) {
        std::vector<const Workload*> workloads;
        for (const Workload& workload : backlog.workloads) {
            workloads.push_back(&workload);
        }
        out << to_json_array_text(workloads) << '\n';
    } else if (format == OutputFormat::csv) {
        render_csv(out, workload_table(backlog));
    } else if (backlog.workloads.empty()) {
        out << "No workloads yet; add one with 'mbl workload add'.\n";
    } else {
        render_table(out, workload_table(backlog), use_color(global));
    }
}

void run_workload_show(const WorkloadEditOptions& options, const GlobalOptions& global,
                       std::ostream& out) {
    OutputFormat format = output_format(global, {OutputFormat::table, OutputFormat::json});
    LoadedBacklog loaded = load_for_reading(global);
    const Workload& workload = require_workload(loaded.backlog, options.id);
    if (format == OutputFormat::json) {
        out << to_json_text(workload) << '\n';
    } else {
        render_fields(out, workload_fields(loaded.backlog, workload), use_color(global));
    }
}

void run_workload_set(const WorkloadEditOptions& options, const GlobalOptions& global,
                      std::ostream& out) {
    output_format(global, {OutputFormat::table});
    std::vector<std::string> lines;
    modify_backlog(global, [&](Backlog& backlog) {
        Workload& workload = require_workload(backlog, options.id);
        for (const std::string& assignment : options.assignments) {
            auto [field, value] = split_assignment(assignment);
            lines.push_back(change_line(options.id, field,
                                        set_workload_field(backlog, workload, field, value)));
        }
    });
    for (const std::string& line : lines) {
        out << terminal_safe(line) << '\n';
    }
}

void run_workload_rm(const WorkloadEditOptions& options, const GlobalOptions& global,
                     std::ostream& out) {
    output_format(global, {OutputFormat::table});
    RemovalReport report;
    modify_or_preview(global, options.dry_run, [&](Backlog& backlog) {
        report = remove_workload(backlog, options.id, options.force);
    });
    std::string line = "Removed workload " + options.id;
    if (!report.dropped_references.empty()) {
        line += " (dropped references: " + comma_list(report.dropped_references) + ")";
    }
    print_change_lines(out, {line}, options.dry_run);
}

} // namespace

void setup_workload(CLI::App& root, GlobalOptions& global, std::ostream& out) {
    CLI::App* workload = add_command_family(
        root, "workload", "Add, list, show, change and remove workloads", "mbl workload show crm");

    auto add_options = std::make_shared<WorkloadAddOptions>();
    CLI::App* add = add_command(*workload, "add",
                                "Add a workload (a group of assets released "
                                "together)",
                                "mbl workload add crm --name CRM --priority 1 --owner sales-it");
    add->add_option("ID", add_options->id, "Workload id (a slug: a-z, 0-9, '.', '_', '-')")
        ->required();
    add->add_option("--name", add_options->name, "Display name")->type_name("TEXT");
    add->add_option("--priority", add_options->priority, "1 (highest) to 4")->type_name("1-4");
    add->add_option("--owner", add_options->owner, "Owning team")->type_name("TEXT");
    add->add_option("--depends-on", add_options->depends_on, "Workload it depends on (repeatable)")
        ->type_name("W")
        ->allow_extra_args(false);
    add->callback([add_options, &global, &out] { run_workload_add(*add_options, global, out); });

    CLI::App* list = add_command(*workload, "list", "List workloads (table, json or csv)",
                                 "mbl workload list --format csv");
    list->callback([&global, &out] { run_workload_list(global, out); });

    auto show_options = std::make_shared<WorkloadEditOptions>();
    CLI::App* show = add_command(*workload, "show",
                                 "Show every field of a workload (table or "
                                 "json)",
                                 "mbl workload show crm");
    show->add_option("ID", show_options->id, "Workload id")->required();
    show->callback(
        [show_options, &global, &out] { run_workload_show(*show_options, global, out); });

    auto set_options = std::make_shared<WorkloadEditOptions>();
    CLI::App* set = add_command(*workload, "set",
                                "Change fields: name, priority, owner, depends_on=a,b, "
                                "target_date, notes (all or nothing; the stage changes with "
                                "'mbl release advance')",
                                "mbl workload set crm owner=sales-it target_date=2027-06-30");
    set->add_option("ID", set_options->id, "Workload id")->required();
    set->add_option("FIELD=VALUE", set_options->assignments, "Changes to make")->required();
    set->callback([set_options, &global, &out] { run_workload_set(*set_options, global, out); });

    auto rm_options = std::make_shared<WorkloadEditOptions>();
    CLI::App* rm = add_command(*workload, "rm",
                               "Remove a workload; refuses while assets or workloads refer to it",
                               "mbl workload rm crm --force");
    rm->add_option("ID", rm_options->id, "Workload id")->required();
    rm->add_flag("--force", rm_options->force,
                 "Also drop the references: its assets lose their workload, dependants the "
                 "dependency");
    rm->add_flag("--dry-run", rm_options->dry_run,
                 "Show what would be removed and which references dropped; write nothing");
    rm->callback([rm_options, &global, &out] { run_workload_rm(*rm_options, global, out); });
}

} // namespace mbl::cli
