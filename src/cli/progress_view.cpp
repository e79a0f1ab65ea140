#include "cli/progress_view.hpp"

#include "cli/command_support.hpp"
#include "cli/forecast_text.hpp"
#include "cli/render_number.hpp"
#include "cli/render_report.hpp"
#include "cli/render_report_json.hpp"
#include "mbl/enums.hpp"
#include "mbl/save.hpp"

#include <array>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace mbl::cli {
namespace {

std::string date_cell(const CompletionForecast& completion, int percent) {
    if (completion.remaining.assets == 0) {
        return "done";
    }
    for (const PercentileDate& at : completion.percentiles) {
        if (at.percent == percent) {
            return at.date.to_string() + (completion.conditional() ? " if unblocked" : "");
        }
    }
    return "-";
}

std::vector<Cell> forecast_row(const CompletionForecast& completion) {
    std::vector<Cell> row{{completion.workload.value_or("all")},
                          {rounded_number(completion.remaining.estimate)},
                          {std::to_string(completion.remaining.assets)},
                          {std::to_string(completion.remaining.unestimated)}};
    for (int percent : {50, 85, 95}) {
        row.push_back({date_cell(completion, percent)});
    }
    return row;
}

} // namespace

// The ReleaseGroup names of the totals table, in enum order.
constexpr std::array<std::string_view, 5> group_labels{"not-started", "in-progress", "blocked",
                                                       "replicated", "retire/retain"};

Table status_totals_table(const ProgressReport& report) {
    Table table;
    table.columns = {{"Status", "status"},
                     {"Assets", "assets", ColumnKind::number},
                     {"Estimate", "estimate", ColumnKind::number},
                     {"Unestimated", "unestimated", ColumnKind::number}};
    StatusTotal sum;
    for (const StatusTotal& total : report.totals) {
        table.rows.push_back({{std::string(group_labels[static_cast<std::size_t>(total.group)])},
                              {std::to_string(total.assets)},
                              {rounded_number(total.estimate)},
                              {std::to_string(total.unestimated)}});
        sum.assets += total.assets;
        sum.estimate += total.estimate;
        sum.unestimated += total.unestimated;
    }
    table.rows.push_back({{"total"},
                          {std::to_string(sum.assets)},
                          {rounded_number(sum.estimate)},
                          {std::to_string(sum.unestimated)}});
    return table;
}

std::string headline(const ProgressReport& report, std::string_view unit) {
    const BacklogProgress& overall = report.overall;
    std::string line =
        fmt::format("{} of {} done", overall.done, count_noun(overall.assets, "asset"));
    if (overall.remaining.assets > 0) {
        line += fmt::format(" ({} left: {} {}", overall.remaining.assets,
                            rounded_number(overall.remaining.estimate), unit);
        if (overall.remaining.unestimated > 0) {
            line += fmt::format(", {} unestimated", overall.remaining.unestimated);
        }
        line += ")";
    }
    line += fmt::format(", {} blocked", overall.blocked);
    if (!report.next_release) {
        return line + ".";
    }
    const ReleaseReadiness& next = report.releases[*report.next_release];
    line += fmt::format("; next release {}: ", next.workload_id);
    if (next.forecast_85) {
        return line + fmt::format("85% likely by {}.", next.forecast_85->to_string());
    }
    return line + (next.remaining.assets == next.remaining.unestimated
                       ? "no date until its assets are estimated."
                       : "no date within the forecast's horizon.");
}

std::vector<std::string> attention_lines(const ProgressReport& report) {
    std::vector<std::string> lines;
    for (const Attention& item : report.status.attention) {
        lines.push_back(item.message);
    }
    if (!report.blocked.empty()) {
        lines.push_back(
            fmt::format("Blocked ({}): {}", report.blocked.size(), comma_list(report.blocked)));
    }
    return lines;
}

std::string active_iteration_line(const ProgressReport& report) {
    if (!report.status.active) {
        return "";
    }
    const ActiveIterationStatus& active = *report.status.active;
    std::string line = fmt::format("{} ({}): {} to {}", active.iteration_id, active.name,
                                   active.start.to_string(), active.end.to_string());
    Date today = report.today;
    if (today < active.start) {
        return line + ", starts in " +
               count_noun(static_cast<std::size_t>(today.days_until(active.start)), "day");
    }
    if (active.end < today) {
        return line + ", ended " +
               count_noun(static_cast<std::size_t>(active.end.days_until(today)), "day") + " ago";
    }
    return line + fmt::format(", day {} of {}, {} left", *iteration_day(active, today),
                              iteration_length_days(active),
                              count_noun(static_cast<std::size_t>(active.days_left), "day"));
}

std::vector<std::string> active_iteration_figures(const ProgressReport& report,
                                                  std::string_view unit) {
    if (!report.status.active) {
        return {};
    }
    const ActiveIterationStatus& active = *report.status.active;
    return {fmt::format("capacity: {} {}", rounded_number(active.capacity), unit),
            fmt::format("committed: {} {}", rounded_number(active.committed_estimate), unit),
            fmt::format("done: {} {} ({})", rounded_number(active.done_estimate), unit,
                        percent_of(active.done_estimate, active.committed_estimate)),
            fmt::format("remaining: {} {}",
                        rounded_number(active.committed_estimate - active.done_estimate), unit)};
}

std::string velocity_line(const ProgressReport& report, std::string_view unit) {
    const Velocity& velocity = report.velocity;
    if (velocity.iterations.empty()) {
        return "No closed iteration yet: velocity needs at least one.";
    }
    return fmt::format("{}: average {} {} per iteration, spread {} (standard deviation), min {}, "
                       "max {}.",
                       count_noun(velocity.iterations.size(), "closed iteration"),
                       rounded_number(velocity.average), unit,
                       rounded_number(velocity.standard_deviation),
                       rounded_number(velocity.minimum), rounded_number(velocity.maximum));
}

Table velocity_table(const ProgressReport& report) {
    Table table;
    table.columns = {{"Iteration", "id"},
                     {"Name", "name"},
                     {"End", "end"},
                     {"Committed", "committed_estimate", ColumnKind::number},
                     {"Completed", "completed_estimate", ColumnKind::number}};
    for (const IterationVelocity& iteration : report.velocity.iterations) {
        table.rows.push_back({{iteration.iteration_id},
                              {iteration.name},
                              {iteration.end.to_string()},
                              {rounded_number(iteration.committed_estimate)},
                              {rounded_number(iteration.completed_estimate)}});
    }
    return table;
}

Table readiness_table(const ProgressReport& report) {
    Table table;
    table.columns = {{"Workload", "workload"},   {"Name", "name"},
                     {"Stage", "stage"},         {"Done", "done"},
                     {"Next stage", "next"},     {"Blockers", "blockers", ColumnKind::number},
                     {"85% date", "forecast_85"}};
    for (const ReleaseReadiness& release : report.releases) {
        std::string forecast = release.forecast_85             ? release.forecast_85->to_string()
                               : release.remaining.assets == 0 ? "done"
                                                               : "-";
        if (release.forecast_85 && !release.blocked.empty()) {
            forecast += " if unblocked";
        }
        table.rows.push_back(
            {{release.workload_id},
             {release.name},
             {std::string(to_string(release.stage))},
             {fmt::format("{}/{}", release.assets_done, release.assets)},
             {release.next ? std::string(to_string(*release.next)) : "-"},
             {release.next ? std::to_string(release.next_blockers.size()) : std::string()},
             {forecast}});
    }
    return table;
}

std::string forecast_line(const ProgressReport& report, std::string_view unit) {
    const Forecast& forecast = report.forecast;
    std::string line = fmt::format(
        "{} trial{}, seed {}; iterations of {} day{} from {}. ", report.options.trials,
        report.options.trials == 1 ? "" : "s", report.options.seed, forecast.iteration_length_days,
        forecast.iteration_length_days == 1 ? "" : "s", forecast.first_iteration_start.to_string());
    line += forecast_basis(forecast, unit) + ".";
    for (const CompletionForecast& release : forecast.releases) {
        if (std::string note = conditional_note(release, *release.workload); !note.empty()) {
            line += " " + note + ".";
        }
    }
    return line;
}

Table forecast_table(const ProgressReport& report) {
    Table table;
    table.columns = {{"Release", "workload"},
                     {"Remaining", "remaining_estimate", ColumnKind::number},
                     {"Assets left", "assets_left", ColumnKind::number},
                     {"Unestimated", "unestimated", ColumnKind::number},
                     {"50%", "p50"},
                     {"85%", "p85"},
                     {"95%", "p95"}};
    for (const CompletionForecast& release : report.forecast.releases) {
        table.rows.push_back(forecast_row(release));
    }
    if (report.forecast.whole) {
        table.rows.push_back(forecast_row(*report.forecast.whole));
    }
    return table;
}

std::string problems_line(const ProgressReport& report) {
    std::size_t errors = count_problems(report.problems, Severity::error);
    std::size_t warnings = count_problems(report.problems, Severity::warning);
    if (errors + warnings == 0) {
        return "None: the file is valid.";
    }
    std::string line = count_noun(errors, "error") + ", " + count_noun(warnings, "warning");
    if (report.problems.size() > problems_shown) {
        line += fmt::format("; the first {} below, 'mbl validate' for all", problems_shown);
    }
    return line + ".";
}

Table problems_table(const ProgressReport& report, std::string_view file_label) {
    Table table;
    table.columns = {
        {"Where", "where"}, {"Severity", "severity"}, {"Code", "code"}, {"Message", "message"}};
    for (std::size_t p = 0; p < report.problems.size() && p < problems_shown; ++p) {
        const Problem& problem = report.problems[p];
        std::string where = problem.position.line > 0
                                ? fmt::format("{}:{}:{}", file_label, problem.position.line,
                                              problem.position.column)
                                : fmt::format("{} {}", file_label, problem.path);
        table.rows.push_back({{where},
                              {problem.severity == Severity::error ? "error" : "warning"},
                              {problem.code},
                              {problem.message}});
    }
    return table;
}

std::string ready_for_staging_line(const ProgressReport& report) {
    return comma_list(report.status.ready_for_staging);
}

} // namespace mbl::cli
