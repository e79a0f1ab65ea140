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
#include <utility>
#include <vector>

namespace mbl::cli {
namespace {

struct ExportCsvOptions {
    std::string target;                               // --for
    std::optional<std::string> project;               // --project
    std::optional<std::string> iteration_path_prefix; // --iteration-path-prefix
    std::optional<std::string> area_path;             // --area-path
    std::optional<std::string> output;                // -o, --output
};

// Error(usage) for an unknown --for and for flags of another target.
void check_export_options(const ExportCsvOptions& options) {
    if (options.target != "azure-devops" && options.target != "jira" &&
        options.target != "generic") {
        throw usage_error("--for '" + options.target +
                          "' is not an export; use azure-devops, jira or generic");
    }
    if (options.target == "azure-devops") {
        return;
    }
    using Flag = std::pair<const char*, const std::optional<std::string>*>;
    for (const Flag& flag : {Flag{"--project", &options.project},
                             Flag{"--iteration-path-prefix", &options.iteration_path_prefix},
                             Flag{"--area-path", &options.area_path}}) {
        if (*flag.second) {
            throw usage_error(std::string(flag.first) + " applies to --for azure-devops only");
        }
    }
}

// A sheet written as CSV to `output` (or `out`), each row as `write` makes it; `for_spreadsheet`:
// formula-like cells neutralised (the generic export), else written unchanged (the agile tools').
void deliver_sheet(const std::function<void(SheetSink&)>& write, bool for_spreadsheet,
                   const std::optional<std::string>& output, const BacklogFile& backlog,
                   std::ostream& out) {
    deliver_output(
        [&](std::ostream& text) {
            CsvSheetWriter csv(text, for_spreadsheet);
            write(csv);
        },
        output, backlog, out, "the export");
}

// `output` with `-<number>` before its extension: `out.csv` → `out-2.csv`.
std::string numbered_file(const std::string& output, std::size_t number) {
    std::filesystem::path path(output);
    std::string name =
        path.stem().string() + "-" + std::to_string(number) + path.extension().string();
    return (path.parent_path() / name).string();
}

// More than one import's worth: FILE-1.csv, FILE-2.csv, … each written as its rows are made, and a
// line for each.
void deliver_split(const AzureDevOpsExport& exported, const std::optional<std::string>& output,
                   const BacklogFile& backlog, std::ostream& out) {
    const std::vector<std::size_t>& sizes = exported.file_sizes();
    std::size_t items = 0;
    for (std::size_t size : sizes) {
        items += size;
    }
    if (!output || *output == "-" || output->empty()) {
        throw usage_error("the export is " + std::to_string(items) +
                          " work items, more than one Azure Boards import takes (" +
                          std::to_string(azure_import_limit) + "), and several files can't go to " +
                          "stdout: give -o FILE.csv to write FILE-1.csv … FILE-" +
                          std::to_string(sizes.size()) + ".csv");
    }
    std::vector<std::string> files;
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        files.push_back(numbered_file(*output, i + 1));
        deliver_sheet([&](SheetSink& sheet) { exported.write_file(i, sheet); }, false, files.back(),
                      backlog, out);
    }
    out << "Wrote " << items << " work items in " << sizes.size()
        << " files (an Azure Boards import takes at most " << azure_import_limit
        << " work items):\n";
    for (std::size_t i = 0; i < files.size(); ++i) {
        out << "  " << files[i] << "  " << sizes[i] << " work items"
            << (i == 0 ? " (the Epic and its first Features)\n"
                       : " (after importing, Change parent of its Features to the Epic)\n");
    }
}

// The Azure Boards files, or Jira's sheet, each row written as it is made (the agile tools'
// importers evaluate no formula: cells are written unchanged).
void export_agile(const ExportCsvOptions& options, const LoadedBacklog& loaded, std::ostream& out) {
    if (options.target == "jira") {
        deliver_sheet([&](SheetSink& sheet) { write_jira_sheet(loaded.backlog, sheet); }, false,
                      options.output, loaded.file, out);
        return;
    }
    AzureDevOpsExport exported(loaded.backlog, {options.project.value_or(""),
                                                options.iteration_path_prefix.value_or(""),
                                                options.area_path.value_or("")});
    if (exported.file_sizes().size() > 1) {
        deliver_split(exported, options.output, loaded.file, out);
        return;
    }
    deliver_sheet([&](SheetSink& sheet) { exported.write_file(0, sheet); }, false, options.output,
                  loaded.file, out);
}

void run_export_csv(const ExportCsvOptions& options, const GlobalOptions& global,
                    std::ostream& out) {
    output_format(global, {OutputFormat::csv});
    check_export_options(options);
    LoadedBacklog loaded = load_for_reading(global);
    if (options.target == "generic") { // written as it is built, never held whole
        deliver_sheet([&](SheetSink& sheet) { write_generic_sheet(loaded.backlog, sheet); }, true,
                      options.output, loaded.file, out);
        return;
    }
    export_agile(options, loaded, out);
}

void run_export_wbs(const GlobalOptions& global, std::ostream& out) {
    OutputFormat format =
        output_format(global, {OutputFormat::markdown, OutputFormat::csv, OutputFormat::json});
    LoadedBacklog loaded = load_for_reading(global);
    if (format == OutputFormat::csv) { // written as it is walked, never held whole
        render_wbs_csv(out, loaded.backlog);
        return;
    }
    WbsItem migration = work_breakdown(loaded.backlog);
    if (format == OutputFormat::json) {
        print_report_json(out, wbs_json(loaded.backlog, migration));
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
        "Work items for an agile tool's CSV import (docs/agile-tools.md): azure-devops (Epic, "
        "Feature per workload, User Story per asset, Task per task, in Title 1-4 columns; no "
        "State column, as Azure creates imported items in their initial state; files of at most "
        "1,000 work items, as one import takes no more: -o FILE.csv writes FILE-1.csv, "
        "FILE-2.csv, ... when needed, each workload whole in one file), jira (all Epics, then "
        "Stories, then Sub-tasks, linked by Issue ID and Parent), or generic (one row per asset, "
        "every field, attributes.KEY columns). Every work item carries its id tag: mbl:ASSET, "
        "mbl:ASSET#N for task N, mbl-workload:WORKLOAD. Azure and Jira files hold titles exactly "
        "as written (meant for the importer, not a spreadsheet); generic neutralises formulas",
        "mbl export csv --for azure-devops --project Contoso -o work-items.csv");
    csv->add_option("--for", csv_options->target, "azure-devops, jira or generic")
        ->required()
        ->type_name("TOOL");
    csv->add_option("--project", csv_options->project,
                    "azure-devops: the project the iteration and area paths start with "
                    "(required)")
        ->type_name("NAME");
    csv->add_option("--iteration-path-prefix", csv_options->iteration_path_prefix,
                    "azure-devops: Iteration Path is PATH\\<iteration name> (default: the "
                    "project), e.g. Fabrikam\\Sprints")
        ->type_name("PATH");
    csv->add_option("--area-path", csv_options->area_path,
                    "azure-devops: the Area Path of every work item (default: the project), e.g. "
                    "Fabrikam\\Migration")
        ->type_name("PATH");
    csv->add_option("-o,--output", csv_options->output,
                    "Write to FILE (atomically) instead of stdout; - is stdout")
        ->type_name("FILE");
    csv->callback([csv_options, &global, &out] { run_export_csv(*csv_options, global, out); });
}

} // namespace mbl::cli
