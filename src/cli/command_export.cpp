// mbl export wbs, mbl export csv --for azure-devops|jira|generic (the `export` noun holds every
// export; each is a subcommand)
#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/render_export.hpp"
#include "cli/render_wbs.hpp"
#include "mbl/export.hpp"
#include "mbl/release.hpp"
#include "mbl/store.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

namespace mbl::cli {
namespace {

struct ExportCsvOptions {
    std::string target;                 // --for
    std::optional<std::string> project; // --project
    std::optional<std::string> output;  // -o, --output
};

// Error(usage) for an unknown --for and for flags of another target.
void check_export_options(const ExportCsvOptions& options) {
    if (options.target != "azure-devops" && options.target != "jira" &&
        options.target != "generic") {
        throw usage_error("--for '" + options.target +
                          "' is not an export; use azure-devops, jira or generic");
    }
    if (options.target != "azure-devops" && options.project) {
        throw usage_error("--project applies to --for azure-devops only");
    }
}

Sheet export_sheet(const ExportCsvOptions& options, const Backlog& backlog) {
    if (options.target == "azure-devops") {
        return azure_devops_sheet(backlog, {options.project.value_or("")});
    }
    return options.target == "jira" ? jira_sheet(backlog) : generic_sheet(backlog);
}

void run_export_csv(const ExportCsvOptions& options, const GlobalOptions& global,
                    std::ostream& out) {
    output_format(global, {OutputFormat::csv});
    check_export_options(options);
    LoadedBacklog loaded = load_for_reading(global);
    std::ostringstream text;
    render_csv(text, sheet_table(export_sheet(options, loaded.backlog)));
    deliver_output(text.str(), options.output, loaded.file, out, "the export");
}

void run_export_wbs(const GlobalOptions& global, std::ostream& out) {
    OutputFormat format =
        output_format(global, {OutputFormat::markdown, OutputFormat::csv, OutputFormat::json});
    LoadedBacklog loaded = load_for_reading(global);
    WbsItem migration = work_breakdown(loaded.backlog);
    if (format == OutputFormat::json) {
        print_report_json(out, wbs_json(loaded.backlog, migration));
    } else if (format == OutputFormat::csv) {
        render_csv(out, wbs_table(migration));
    } else {
        render_wbs_markdown(out, loaded.backlog, migration);
    }
}

} // namespace

void setup_export(CLI::App& root, GlobalOptions& global, std::ostream& out) {
    CLI::App* exports =
        add_command_family(root, "export", "Write the backlog out for other tools and people",
                           "mbl export wbs --format csv > wbs.csv");

    CLI::App* wbs = add_command(
        *exports, "wbs",
        "The work breakdown structure, for teams that run the migration as a waterfall: 1 "
        "migration, 1.1 workload (planning order), 1.1.1 asset, 1.1.1.1 task, estimates rolled "
        "up at every level, with each asset's iteration and dates (markdown, csv or json)",
        "mbl export wbs --format markdown > wbs.md");
    wbs->callback([&global, &out] { run_export_wbs(global, out); });

    auto csv_options = std::make_shared<ExportCsvOptions>();
    CLI::App* csv = add_command(
        *exports, "csv",
        "Work items for an agile tool's CSV import: azure-devops (Epic, Feature per workload, "
        "User Story per asset, Task per task, in Title 1-4 columns; State New on every row, as "
        "Azure creates imported items New and refuses other states, with mbl's progress in a tag "
        "such as mbl:in-progress or mbl:done), jira (Epic per workload, "
        "Story per asset, Sub-task per task, linked by Issue Id and Parent Id), or generic (one "
        "row per asset, every field, attributes.KEY columns). Formulas neutralised (README: "
        "Exports to agile tools)",
        "mbl export csv --for azure-devops --project Contoso -o work-items.csv");
    csv->add_option("--for", csv_options->target, "azure-devops, jira or generic")
        ->required()
        ->type_name("TOOL");
    csv->add_option("--project", csv_options->project,
                    "azure-devops: the project iteration paths start with (required)")
        ->type_name("NAME");
    csv->add_option("-o,--output", csv_options->output,
                    "Write to FILE (atomically) instead of stdout; - is stdout")
        ->type_name("FILE");
    csv->callback([csv_options, &global, &out] { run_export_csv(*csv_options, global, out); });
}

} // namespace mbl::cli
