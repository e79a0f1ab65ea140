// mbl validate
#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/render_report.hpp"
#include "mbl/git.hpp"
#include "mbl/store.hpp"
#include "mbl/validate.hpp"

#include <CLI/CLI.hpp>
#include <memory>

namespace mbl::cli {
namespace {

struct ValidateOptions {
    bool strict = false;
};

// The loader's refusal of the whole file as one problem, at its place in the file when known.
Problem unreadable_problem(const Error& error) {
    Problem problem{Severity::error, "", error.what(), {}, "unreadable-file"};
    if (const auto& location = error.location()) {
        problem.position = location->position;
        problem.message = location->reason;
    }
    return problem;
}

void render_report(std::ostream& out, const ValidationReport& report, OutputFormat format,
                   bool color) {
    if (format == OutputFormat::json) {
        render_report_json(out, report);
    } else if (format == OutputFormat::github) {
        render_report_github(out, report);
    } else {
        render_report_text(out, report, color);
    }
}

void run_validate(const ValidateOptions& options, const GlobalOptions& global, std::ostream& out) {
    OutputFormat format =
        output_format(global, {OutputFormat::text, OutputFormat::json, OutputFormat::github});
    BacklogFile file = resolve_backlog_file(global);
    BacklogFileText text(file.path, TextUse::reading, file.label);
    ValidationReport report{file.label, {}, {}, options.strict};
    if (format == OutputFormat::github) {
        report.annotation_file = repository_relative_path(file.path).value_or(file.label);
    }
    CheckResult checked;
    try {
        checked = check_backlog_text(text, file.label);
    } catch (const Error& error) {
        if (format != OutputFormat::text) { // scripts and CI annotations read stdout
            report.unreadable = true;
            report.problems.push_back(unreadable_problem(error));
            render_report(out, report, format, false);
        }
        throw; // `mbl: error: file:line:column: reason` on stderr, exit 3
    }
    report.problems = std::move(checked.problems);
    report.workloads = checked.backlog.workloads.size();
    report.assets = checked.backlog.assets.size();
    report.iterations = checked.backlog.iterations.size();
    kept_backlog() = std::move(checked.backlog); // never freed, as a read-only command's model
    render_report(out, report, format, use_color(global));
    if (int status = report_exit_status(report); status != 0) {
        throw ExitAfterReport{static_cast<ExitStatus>(status)};
    }
}

} // namespace

void setup_validate(CLI::App& root, GlobalOptions& global, std::ostream& out) {
    auto options = std::make_shared<ValidateOptions>();
    CLI::App* validate = add_command(
        root, "validate",
        "Report every problem in the file with file:line:column (--format text, json or "
        "github). Exit 1 when there is an error",
        "mbl validate --format github --strict");
    validate->footer(
        "One run lists every problem: a value of the wrong type, an unknown spelling or an "
        "impossible date is reported, and the other rules still run around it (skipping only "
        "what depends on that value).\n"
        "Exit status: 0 valid, 1 an error (with --strict, a warning too), 3 the file is missing "
        "or cannot be read. Use --strict in CI: an unknown key (a typo such as 'estimat', which "
        "leaves the asset unestimated) is a warning, and fails the build only with --strict; "
        "keys starting with x- are extensions and never warned about.\n"
        "A file that cannot be read (invalid JSON, a newer format) gives 'mbl: error: "
        "FILE:LINE:COLUMN: reason' on stderr and, in --format text, nothing on stdout. With "
        "--format json or github the report (one 'unreadable-file' problem at that place) goes "
        "to stdout as well. In --format github, file= is the file's path from the root of its "
        "git repository (where GitHub looks for it in a pull request), from any working "
        "directory; outside a repository, the path as given.\n\n" +
        validate->get_footer());
    validate->add_flag("--strict", options->strict,
                       "Warnings fail too (exit 1): unknown keys (typos), odd iteration lengths; "
                       "for CI");
    validate->callback([options, &global, &out] { run_validate(*options, global, out); });
}

} // namespace mbl::cli
