// mbl export wbs (the `export` noun holds every export; each is a subcommand)
#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/render_wbs.hpp"
#include "mbl/release.hpp"

#include <CLI/CLI.hpp>

namespace mbl::cli {
namespace {

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
}

} // namespace mbl::cli
