// mbl validate
#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/render_report.hpp"
#include "mbl/store.hpp"
#include "mbl/validate.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>

namespace mbl::cli {
namespace {

struct ValidateOptions {
    bool strict = false;
};

// The loader's whole-file refusal (`backlog.json:3:5: message`) as one problem with a position.
Problem unreadable_problem(const std::string& label, const std::string& message) {
    Problem problem{Severity::error, "", message, {}, "unreadable-file"};
    std::string prefix = label + ":";
    if (message.rfind(prefix, 0) != 0) {
        return problem;
    }
    std::size_t line = 0;
    std::size_t column = 0;
    int consumed = 0;
    std::string rest = message.substr(prefix.size());
    if (std::sscanf(rest.c_str(), "%zu:%zu: %n", &line, &column, &consumed) == 2 && consumed > 0) {
        problem.position = {line, column};
        problem.message = rest.substr(static_cast<std::size_t>(consumed));
    }
    return problem;
}

ValidationReport check_file(const BacklogFile& file, bool strict) {
    ValidationReport report{file.label, {}, strict};
    std::string text = read_backlog_file(file.path);
    CheckResult checked;
    try {
        checked = check_backlog_text(text, file.label);
    } catch (const Error& error) {
        report.unreadable = true;
        report.problems.push_back(unreadable_problem(file.label, error.what()));
        return report;
    }
    report.problems = std::move(checked.problems);
    report.workloads = checked.backlog.workloads.size();
    report.assets = checked.backlog.assets.size();
    report.iterations = checked.backlog.iterations.size();
    return report;
}

void run_validate(const ValidateOptions& options, const GlobalOptions& global, std::ostream& out) {
    OutputFormat format =
        output_format(global, {OutputFormat::text, OutputFormat::json, OutputFormat::github});
    ValidationReport report = check_file(resolve_backlog_file(global), options.strict);
    if (format == OutputFormat::json) {
        render_report_json(out, report);
    } else if (format == OutputFormat::github) {
        render_report_github(out, report);
    } else {
        render_report_text(out, report, use_color(global));
    }
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
    validate->add_flag("--strict", options->strict, "Warnings fail too (exit 1)");
    validate->callback([options, &global, &out] { run_validate(*options, global, out); });
}

} // namespace mbl::cli
