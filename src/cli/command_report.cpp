// mbl report [--seed N] [--trials N] [--last N] [-o FILE]: the progress report
#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/flag_checks.hpp"
#include "cli/render_progress_html.hpp"
#include "cli/render_progress_json.hpp"
#include "cli/render_progress_markdown.hpp"
#include "mbl/progress_report.hpp"
#include "mbl/store.hpp"
#include "mbl/validate.hpp"

#include <CLI/CLI.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

namespace mbl::cli {
namespace {

struct ReportFlags {
    ProgressReportOptions options;
    std::optional<std::string> output;
};

void run_report(const ReportFlags& flags, const GlobalOptions& global, std::ostream& out) {
    OutputFormat format =
        output_format(global, {OutputFormat::markdown, OutputFormat::html, OutputFormat::json});
    std::vector<Problem> problems; // exactly those `mbl validate` reports
    LoadedBacklog loaded = load_checked_for_reading(global, problems);
    ProgressReport report = gather_progress_report(loaded.backlog, std::move(problems),
                                                   flags.options, resolve_today(global));
    deliver_output(
        [&](std::ostream& text) {
            if (format == OutputFormat::html) {
                render_progress_html(text, report, loaded.backlog, loaded.file.label);
            } else if (format == OutputFormat::json) {
                print_report_json(text,
                                  progress_report_json(report, loaded.backlog, loaded.file.label));
            } else {
                render_progress_markdown(text, report, loaded.backlog, loaded.file.label);
            }
        },
        flags.output, loaded.file, out, "the report");
}

} // namespace

void setup_report(CLI::App& root, GlobalOptions& global, std::ostream& out) {
    auto flags = std::make_shared<ReportFlags>();
    CLI::App* report = add_command(
        root, "report",
        "The progress report for CI and people: a headline (done of all, left, blocked, the "
        "next release's 85% date), assets by status, what needs attention, the active "
        "iteration, velocity, release readiness, the forecast and validate's problems, counted "
        "as status and forecast count them, as Markdown (for "
        "$GITHUB_STEP_SUMMARY), as one self-contained HTML page with SVG charts, or as json",
        "mbl report --format html -o report.html");
    report->footer("Markdown goes to stdout: mbl report >> \"$GITHUB_STEP_SUMMARY\". With -o FILE "
                   "the report replaces FILE atomically (never the backlog file itself); -o - "
                   "is stdout. The forecast is seeded (default seed 1), so the same file and day "
                   "give the same report. Exit 0 even when validate finds problems: the report "
                   "lists them, 'mbl validate' is the check.\n\n" +
                   report->get_footer());
    report->add_option("-o,--output", flags->output, "Write to FILE instead of stdout (- : stdout)")
        ->type_name("FILE");
    report
        ->add_option("--seed", flags->options.seed,
                     "Random seed of the forecast (default 1: the same file gives the same "
                     "report every run)")
        ->check(check_whole_number, "")
        ->type_name("N");
    report
        ->add_option("--trials", flags->options.trials,
                     "Monte Carlo trials of the forecast (default 10000)")
        ->check(check_trials, "")
        ->type_name("N");
    report
        ->add_option("--last", flags->options.velocity_last,
                     "Velocity of the last N closed iterations only (default: all)")
        ->check(check_count, "")
        ->type_name("N");
    report->callback([flags, &global, &out] { run_report(*flags, global, out); });
}

} // namespace mbl::cli
