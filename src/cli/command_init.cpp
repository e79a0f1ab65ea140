// mbl init
#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/render_text.hpp"
#include "mbl/iterations.hpp"
#include "mbl/limits.hpp"
#include "mbl/save.hpp"
#include "mbl/schema.hpp"
#include "mbl/store.hpp"
#include "mbl/utf8.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <memory>

namespace mbl::cli {
namespace {

struct InitOptions {
    std::string name = "Migration backlog";
    std::string unit = "hours";
    int iteration_length_days = 14;
    std::optional<std::string> start;
    double capacity = 0;
    std::optional<std::string> schema; // --schema URI
    bool no_schema = false;
    bool no_task_templates = false;
};

// Where "$schema" points, and whether the schema file is written. The backlog is committed and
// shared by a team, so an absolute path of one machine would be wrong on every other clone, and
// mbl has no web address to point at. By default, then, "$schema" is the relative
// "./backlog.schema.json", which editors resolve against the backlog's own folder, and the schema
// is written there to be committed with it: every clone checks the file against the schema of the
// mbl version that wrote it. A file of that name already there (the schema of another backlog in
// the same folder, or the team's own) is kept. --schema URI points elsewhere and writes no file;
// --no-schema does neither.
void write_schema_beside(const InitOptions& options, const BacklogFile& file, std::ostream& out) {
    if (options.no_schema || options.schema) {
        return;
    }
    std::filesystem::path path = file.path.parent_path() / schema_file_name;
    std::string label = label_for(path, true);
    if (create_file_if_absent(path, std::string(backlog_schema_text()))) {
        out << terminal_safe(fmt::format("Created {} (the JSON Schema editors check the backlog "
                                         "against; commit it with the backlog)",
                                         label))
            << '\n';
    } else {
        out << terminal_safe(fmt::format("Kept the existing {} (to refresh it: mbl schema > {})",
                                         label, label))
            << '\n';
    }
}

void run_init(const InitOptions& options, const GlobalOptions& global, std::ostream& out) {
    output_format(global, {OutputFormat::table});
    if (!is_valid_utf8(options.name)) {
        throw usage_error("--name is not valid UTF-8");
    }
    Backlog backlog;
    backlog.name = options.name;
    backlog.settings.estimate_unit = parse_choice<EstimateUnit>("unit", options.unit);
    backlog.settings.iteration_length_days = options.iteration_length_days;
    if (options.start) {
        backlog.settings.first_iteration_start = parse_date_option(*options.start, "--start");
    }
    backlog.settings.default_capacity = options.capacity;
    if (!options.no_task_templates) {
        backlog.settings.task_templates = default_task_templates();
    }
    if (options.schema && (options.schema->empty() || !is_valid_utf8(*options.schema))) {
        throw usage_error("--schema must be a non-empty UTF-8 path or URI");
    }
    if (!options.no_schema) {
        backlog.schema = options.schema.value_or(std::string(default_schema_reference));
    }
    BacklogFile file = new_backlog_file(global);
    create_file_exclusively(file.path, to_canonical_text(backlog));
    out << terminal_safe(fmt::format("Created {} ({}: {}, {}-day iterations)", file.label,
                                     backlog.name, options.unit, options.iteration_length_days))
        << '\n';
    write_schema_beside(options, file, out);
}

} // namespace

void setup_init(CLI::App& root, GlobalOptions& global, std::ostream& out) {
    auto options = std::make_shared<InitOptions>();
    CLI::App* init =
        add_command(root, "init",
                    "Create a new backlog file: the -f path, else $MBL_FILE, else backlog.json "
                    "here (never overwrites), and backlog.schema.json beside it for editors",
                    "mbl init --name \"Contoso datacenter exit\" --unit hours "
                    "--iteration-length 14 --start 2027-01-04 --capacity 120");
    init->add_option("--name", options->name, "Name of the migration")
        ->type_name("TEXT")
        ->capture_default_str();
    init->add_option("--unit", options->unit, "Estimate unit: hours, days or points")
        ->type_name("UNIT")
        ->capture_default_str();
    accept_whole_number(init->add_option("--iteration-length", options->iteration_length_days,
                                         "Days in every iteration, 1 to 366 (2-4 weeks is the "
                                         "usual practice)"),
                        min_iteration_length_days, max_iteration_length_days)
        ->type_name("DAYS")
        ->capture_default_str();
    init->add_option("--start", options->start, "First iteration's start, YYYY-MM-DD")
        ->type_name("DATE");
    accept_non_negative_number(init->add_option("--capacity", options->capacity,
                                                "Default capacity of an iteration, in the "
                                                "estimate unit"),
                               max_iteration_total)
        ->type_name("N")
        ->capture_default_str();
    CLI::Option* schema =
        init->add_option("--schema", options->schema,
                         "The \"$schema\" value to write, a path or URI of the JSON Schema; then "
                         "no schema file is written (default: ./backlog.schema.json, written "
                         "beside the backlog)")
            ->type_name("URI");
    init->add_flag("--no-schema", options->no_schema,
                   "Write neither \"$schema\" nor the schema file")
        ->excludes(schema);
    init->add_flag("--no-task-templates", options->no_task_templates,
                   "Leave settings.task_templates out (by default each asset kind gets the usual "
                   "steps, e.g. vm: Assess, Replicate, Test, Cut over, Decommission source, for "
                   "'mbl asset tasks ID --from-template')");
    init->callback([options, &global, &out] { run_init(*options, global, out); });
}

} // namespace mbl::cli
