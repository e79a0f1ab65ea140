#include "cli/render_progress_markdown.hpp"

#include "cli/progress_view.hpp"
#include "cli/render_markdown.hpp"
#include "mbl/enums.hpp"

namespace mbl::cli {
namespace {

void section(std::ostream& out, std::string_view title) {
    out << "\n## " << title << "\n\n";
}

void markdown_active_iteration(std::ostream& out, const ProgressReport& report,
                               std::string_view unit) {
    section(out, "Active iteration");
    if (!report.status.active) {
        out << "No active iteration.\n";
        return;
    }
    out << markdown_escape(active_iteration_line(report)) << "\n\n";
    for (const std::string& figure : active_iteration_figures(report, unit)) {
        out << "- " << markdown_escape(figure) << '\n';
    }
}

} // namespace

void render_progress_markdown(std::ostream& out, const ProgressReport& report,
                              const Backlog& backlog, std::string_view file_label) {
    std::string unit(to_string(backlog.settings.estimate_unit));
    std::string name = backlog.name.empty() ? std::string(file_label) : backlog.name;
    out << "# Migration report: " << markdown_escape(name) << "\n\n"
        << "On " << report.today.to_string() << ", estimates in " << unit << ", from "
        << markdown_escape(file_label) << ".\n\n"
        << "**" << markdown_escape(headline(report, unit)) << "**\n";

    section(out, "Assets by status");
    render_markdown_table(out, status_totals_table(report));

    section(out, "Needs attention");
    std::vector<std::string> attention = attention_lines(report);
    if (attention.empty()) {
        out << "Nothing: no blocked asset, no over-commitment, no stale iteration.\n";
    }
    for (const std::string& line : attention) {
        out << "- " << markdown_escape(line) << '\n';
    }

    markdown_active_iteration(out, report, unit);

    section(out, "Velocity");
    out << markdown_escape(velocity_line(report, unit)) << '\n';
    if (!report.velocity.iterations.empty()) {
        out << '\n';
        render_markdown_table(out, velocity_table(report));
    }

    section(out, "Release readiness");
    if (report.releases.empty()) {
        out << "No workloads.\n";
    } else {
        render_markdown_table(out, readiness_table(report));
        std::string ready = ready_for_staging_line(report);
        out << "\nReady for staging: " << (ready.empty() ? "none" : markdown_escape(ready))
            << ".\n";
    }

    section(out, "Forecast");
    out << markdown_escape(forecast_line(report, unit)) << "\n\n";
    render_markdown_table(out, forecast_table(report));

    section(out, "Problems");
    out << markdown_escape(problems_line(report)) << '\n';
    if (!report.problems.empty()) {
        out << '\n';
        render_markdown_table(out, problems_table(report, file_label));
    }
}

} // namespace mbl::cli
