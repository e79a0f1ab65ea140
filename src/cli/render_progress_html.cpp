#include "cli/render_progress_html.hpp"

#include "cli/progress_view.hpp"
#include "cli/render_number.hpp"
#include "cli/render_xml.hpp"
#include "cli/svg_chart.hpp"
#include "mbl/enums.hpp"

#include <fmt/format.h>

namespace mbl::cli {
namespace {

// No `<` or `&` in here, so the style element is XML text as it stands.
constexpr std::string_view page_style = R"(
body { margin: 0; background: #f6f7f9; color: #24292f;
  font: 15px/1.45 system-ui, 'Segoe UI', Helvetica, Arial, sans-serif; }
main { max-width: 900px; margin: 0 auto; padding: 24px 28px 40px; background: #ffffff; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid #d8dde3; }
p.meta { color: #57606a; margin: 0; }
p.headline { font-size: 17px; font-weight: 600; margin: 8px 0 0; }
table { border-collapse: collapse; margin: 8px 0; font-size: 14px; }
th, td { padding: 4px 10px; border-bottom: 1px solid #e3e6ea; text-align: left;
  vertical-align: top; white-space: nowrap; }
td.wrap { white-space: normal; }
th { background: #f0f2f5; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
ul.figures { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 8px 24px; }
ul.figures li { background: #f0f4f8; border-radius: 4px; padding: 4px 10px; }
figure { margin: 12px 0; }
svg.chart { width: 100%; height: auto; }
p.note { color: #57606a; font-size: 13px; }
@media print {
  body { background: #ffffff; }
  main { max-width: none; padding: 0; }
  figure, tr { break-inside: avoid; }
  h2 { break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)";

// Names and messages may wrap; other cells (ids, dates, numbers) keep to one line.
bool may_wrap(const Column& column) {
    return column.key == "name" || column.key == "message";
}

// The release groups in the order the stacked bars draw them: done first.
struct GroupSeries {
    ReleaseGroup group;
    StackSeries series;
};
const std::vector<GroupSeries>& group_series() {
    static const std::vector<GroupSeries> series{
        {ReleaseGroup::replicated, {"replicated", "#4e9a6b"}},
        {ReleaseGroup::no_migration, {"retire or retain", "#a8d0b4"}},
        {ReleaseGroup::in_progress, {"in progress", "#6b9bc8"}},
        {ReleaseGroup::blocked, {"blocked", "#d9895b"}},
        {ReleaseGroup::not_started, {"not started", "#dde1e6"}}};
    return series;
}

std::string release_progress_chart(const ProgressReport& report) {
    std::vector<StackSeries> series;
    for (const GroupSeries& entry : group_series()) {
        series.push_back(entry.series);
    }
    std::vector<StackedBar> bars;
    for (std::size_t r = 0; r < report.progress.size() && r < report.releases.size(); ++r) {
        const ReleaseProgress& progress = report.progress[r];
        StackedBar bar{progress.name.empty() ? progress.workload_id : progress.name, {}, ""};
        for (const GroupSeries& entry : group_series()) {
            bar.segments.push_back(
                static_cast<double>(progress.by_group[static_cast<std::size_t>(entry.group)]));
        }
        bar.note =
            fmt::format("{}/{} done", report.releases[r].assets_done, report.releases[r].assets);
        bars.push_back(std::move(bar));
    }
    return stacked_bars_svg(series, bars, "Progress per release: assets by status", "assets");
}

std::string burndown_chart(const ProgressReport& report, std::string_view unit) {
    const Burndown& burndown = report.status.active->burndown;
    std::vector<BurndownChartDay> days;
    for (const BurndownDay& day : burndown.days) {
        days.push_back({day.day.to_string().substr(8, 2), day.remaining, day.ideal, day.scope});
    }
    return burndown_svg(days, burndown.committed_estimate, unit);
}

std::string velocity_chart(const ProgressReport& report, std::string_view unit) {
    std::vector<VelocityBar> bars;
    for (const IterationVelocity& iteration : report.velocity.iterations) {
        bars.push_back({iteration.iteration_id, iteration.completed_estimate});
    }
    return velocity_svg(bars, report.velocity.average, unit);
}

void figure(std::ostream& out, const std::string& svg) {
    out << "<figure>" << svg << "</figure>\n";
}

void paragraph(std::ostream& out, std::string_view text, std::string_view css_class = {}) {
    out << (css_class.empty() ? "<p>" : fmt::format("<p class=\"{}\">", css_class))
        << xml_escape(text) << "</p>\n";
}

void active_iteration(std::ostream& out, const ProgressReport& report, std::string_view unit) {
    out << "<section id=\"iteration\"><h2>Active iteration</h2>\n";
    if (!report.status.active) {
        paragraph(out, "No active iteration.");
    } else {
        paragraph(out, active_iteration_line(report));
        out << "<ul class=\"figures\">";
        for (const std::string& line : active_iteration_figures(report, unit)) {
            out << "<li>" << xml_escape(line) << "</li>";
        }
        out << "</ul>\n";
        figure(out, burndown_chart(report, unit));
    }
    out << "</section>\n";
}

void releases(std::ostream& out, const ProgressReport& report) {
    out << "<section id=\"releases\"><h2>Release readiness</h2>\n";
    figure(out, release_progress_chart(report));
    if (!report.releases.empty()) {
        render_html_table(out, readiness_table(report));
        std::string ready = ready_for_staging_line(report);
        paragraph(out, "Ready for staging: " + (ready.empty() ? "none" : ready) + ".", "note");
    }
    out << "</section>\n";
}

} // namespace

void render_html_table(std::ostream& out, const Table& table) {
    auto cell_class = [&](std::size_t column) -> std::string_view {
        if (table.columns[column].kind == ColumnKind::number) {
            return " class=\"num\"";
        }
        return may_wrap(table.columns[column]) ? " class=\"wrap\"" : "";
    };
    out << "<table><thead><tr>";
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        out << "<th" << cell_class(c) << ">" << xml_escape(table.columns[c].header) << "</th>";
    }
    out << "</tr></thead><tbody>\n";
    for (const std::vector<Cell>& row : table.rows) {
        out << "<tr>";
        for (std::size_t c = 0; c < row.size() && c < table.columns.size(); ++c) {
            out << "<td" << cell_class(c) << ">" << xml_escape(row[c].text) << "</td>";
        }
        out << "</tr>\n";
    }
    out << "</tbody></table>\n";
}

void render_progress_html(std::ostream& out, const ProgressReport& report, const Backlog& backlog,
                          std::string_view file_label) {
    std::string unit(to_string(backlog.settings.estimate_unit));
    std::string name = backlog.name.empty() ? std::string(file_label) : backlog.name;
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        << "<title>Migration report: " << xml_escape(name) << ", " << report.today.to_string()
        << "</title>\n<style>" << page_style << "</style>\n"
        << "</head>\n<body>\n<main>\n<header><h1>Migration report: " << xml_escape(name)
        << "</h1>\n";
    paragraph(out,
              "On " + report.today.to_string() + ", estimates in " + unit + ", from " +
                  std::string(file_label) + ".",
              "meta");
    paragraph(out, headline(report, unit), "headline");
    out << "</header>\n<section id=\"totals\"><h2>Assets by status</h2>\n";
    render_html_table(out, status_totals_table(report));
    out << "</section>\n<section id=\"attention\"><h2>Needs attention</h2>\n";
    std::vector<std::string> attention = attention_lines(report);
    if (attention.empty()) {
        paragraph(out, "Nothing: no blocked asset, no over-commitment, no stale iteration.");
    } else {
        out << "<ul>";
        for (const std::string& line : attention) {
            out << "<li>" << xml_escape(line) << "</li>";
        }
        out << "</ul>\n";
    }
    out << "</section>\n";

    active_iteration(out, report, unit);

    out << "<section id=\"velocity\"><h2>Velocity</h2>\n";
    paragraph(out, velocity_line(report, unit));
    if (!report.velocity.iterations.empty()) {
        figure(out, velocity_chart(report, unit));
        render_html_table(out, velocity_table(report));
    }
    out << "</section>\n";

    releases(out, report);

    out << "<section id=\"forecast\"><h2>Forecast</h2>\n";
    paragraph(out, forecast_line(report, unit));
    render_html_table(out, forecast_table(report));
    out << "</section>\n<section id=\"problems\"><h2>Problems</h2>\n";
    paragraph(out, problems_line(report));
    if (!report.problems.empty()) {
        render_html_table(out, problems_table(report, file_label));
    }
    out << "</section>\n</main>\n</body>\n</html>\n";
}

} // namespace mbl::cli
