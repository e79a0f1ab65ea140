// mbl status: the morning stand-up dashboard
#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/render_chart.hpp"
#include "cli/render_number.hpp"
#include "cli/render_report.hpp"
#include "cli/render_report_json.hpp"
#include "cli/render_table.hpp"
#include "mbl/enums.hpp"
#include "mbl/status.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace mbl::cli {
namespace {

// The days between `a` and `b`, however they are ordered.
std::size_t days(Date a, Date b) {
    return static_cast<std::size_t>(std::abs(a.days_until(b)));
}

// `day 10 of 14, 5 days left`, or when the iteration has not started or has ended, that.
std::string timing(const ActiveIterationStatus& active, Date today) {
    std::string dates = active.start.to_string() + " to " + active.end.to_string();
    if (today < active.start) {
        return dates + ", starts in " + count_noun(days(active.start, today), "day");
    }
    if (active.end < today) {
        return dates + ", ended " + count_noun(days(active.end, today), "day") + " ago";
    }
    return dates + ", day " + std::to_string(*iteration_day(active, today)) + " of " +
           std::to_string(iteration_length_days(active)) + ", " + std::to_string(active.days_left) +
           (active.days_left == 1 ? " day left" : " days left");
}

// The remaining estimate of every day up to today, as a sparkline scaled to the commitment.
std::string burndown_sparkline(const Burndown& burndown, bool unicode) {
    std::vector<double> remaining;
    for (const BurndownDay& day : burndown.days) {
        if (day.remaining) {
            remaining.push_back(*day.remaining);
        }
    }
    if (remaining.empty()) {
        return "(no day has passed yet)";
    }
    return sparkline(remaining, burndown.committed_estimate, unicode) + " (remaining per day, " +
           std::to_string(remaining.size()) + " of " + count_noun(burndown.days.size(), "day") +
           "; 'mbl burndown' for the chart)";
}

Field active_field(const ActiveIterationStatus& active, const Backlog& backlog, Date today,
                   bool unicode) {
    std::string unit(to_string(backlog.settings.estimate_unit));
    Field field{"active iteration", active.iteration_id + " (" + active.name + ")"};
    field.children = {
        {"dates", timing(active, today)},
        {"capacity", rounded_number(active.capacity) + " " + unit},
        {"committed", rounded_number(active.committed_estimate) + " " + unit + ", done " +
                          rounded_number(active.done_estimate) + " (" +
                          percent_of(active.done_estimate, active.committed_estimate) + ")"},
        {"burndown", burndown_sparkline(active.burndown, unicode)}};
    return field;
}

// Suggests starting the first planned iteration, when there is one.
std::string no_active_hint(const Backlog& backlog) {
    for (const Iteration& iteration : backlog.iterations) {
        if (iteration.state == IterationState::planned) {
            return "none; start one with 'mbl iteration start " + iteration.id + "'";
        }
    }
    return "none; add one with 'mbl iteration add', then 'mbl iteration start'";
}

void render_status(std::ostream& out, const StatusReport& report, const Backlog& backlog,
                   Date today, const GlobalOptions& global) {
    std::vector<Field> fields;
    if (report.active) {
        fields.push_back(active_field(*report.active, backlog, today, use_unicode_charts(global)));
    } else {
        fields.push_back({"active iteration", no_active_hint(backlog)});
    }
    fields.push_back(
        {"ready for staging",
         report.ready_for_staging.empty() ? "none" : comma_list(report.ready_for_staging),
         report.ready_for_staging.empty() ? Tone::plain : Tone::good});
    Field attention{"needs attention", report.attention.empty() ? "nothing" : ""};
    for (const Attention& item : report.attention) {
        attention.children.push_back({"", item.message, Tone::attention});
    }
    fields.push_back(std::move(attention));
    fields.push_back({"assets", std::to_string(report.assets_done) + " of " +
                                    std::to_string(report.assets) + " done (" +
                                    percent_of(static_cast<double>(report.assets_done),
                                               static_cast<double>(report.assets)) +
                                    ")"});
    render_fields(out, fields, use_color(global));
}

void run_status(const GlobalOptions& global, std::ostream& out) {
    OutputFormat format = output_format(global, {OutputFormat::table, OutputFormat::json});
    LoadedBacklog loaded = load_for_reading(global);
    Date today = resolve_today(global);
    StatusReport report = compute_status(loaded.backlog, today);
    if (format == OutputFormat::json) {
        print_report_json(out, status_json(report, loaded.backlog, today));
    } else {
        render_status(out, report, loaded.backlog, today, global);
    }
}

} // namespace

void setup_status(CLI::App& root, GlobalOptions& global, std::ostream& out) {
    CLI::App* status = add_command(root, "status",
                                   "The dashboard: active iteration, burndown, releases ready "
                                   "for staging, what needs attention (table or json)",
                                   "mbl status --format json");
    status->callback([&global, &out] { run_status(global, out); });
}

} // namespace mbl::cli
