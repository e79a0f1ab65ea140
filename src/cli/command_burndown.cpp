// mbl burndown [ID]
#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/render_chart.hpp"
#include "cli/render_number.hpp"
#include "cli/render_report_json.hpp"
#include "cli/render_table.hpp"
#include "cli/render_text.hpp"
#include "mbl/enums.hpp"
#include "mbl/iterations.hpp"
#include "mbl/save.hpp"
#include "mbl/status.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>

namespace mbl::cli {
namespace {

constexpr std::size_t chart_height = 10;

struct BurndownOptions {
    std::optional<std::string> iteration_id;
};

// The iteration asked for, else the first active one; Error(input) when there is none.
const Iteration& chosen_iteration(const Backlog& backlog, const std::optional<std::string>& id) {
    if (id) {
        return require_iteration(backlog, *id);
    }
    auto active = std::find_if(
        backlog.iterations.begin(), backlog.iterations.end(),
        [](const Iteration& iteration) { return iteration.state == IterationState::active; });
    if (active == backlog.iterations.end()) {
        throw input_error("no active iteration; pass an iteration id (see 'mbl iteration list')");
    }
    return *active;
}

// Day, remaining and ideal per day: rounded for people (`exact` false) or as computed (CSV).
Table burndown_table(const Burndown& burndown, bool exact) {
    auto number = [exact](double value) {
        (void)exact; // one rounding for every format (figure.hpp)
        return rounded_number(value);
    };
    Table table;
    table.columns = {{"DAY", "day"},
                     {"REMAINING", "remaining", ColumnKind::number},
                     {"IDEAL", "ideal", ColumnKind::number},
                     {"SCOPE", "scope", ColumnKind::number}};
    for (const BurndownDay& day : burndown.days) {
        table.rows.push_back({{day.day.to_string()},
                              {day.remaining ? number(*day.remaining) : std::string()},
                              {number(day.ideal)},
                              {number(day.scope)}});
    }
    return table;
}

std::vector<BurndownChartDay> chart_days(const Burndown& burndown) {
    std::vector<BurndownChartDay> days;
    for (const BurndownDay& day : burndown.days) {
        days.push_back({day.day.to_string().substr(8, 2), day.remaining, day.ideal, day.scope});
    }
    return days;
}

ReportJson burndown_json(const Burndown& burndown, const Iteration& iteration,
                         std::string_view unit) {
    ReportJson document;
    document["iteration"] = iteration.id;
    document["name"] = iteration.name;
    document["start"] = iteration.start.to_string();
    document["end"] = iteration.end.to_string();
    document["state"] = to_string(iteration.state);
    document["unit"] = unit;
    document["committed_estimate"] = json_number(burndown.committed_estimate);
    document["days"] = burndown_days_json(burndown);
    return document;
}

void run_burndown(const BurndownOptions& options, const GlobalOptions& global, std::ostream& out) {
    OutputFormat format =
        output_format(global, {OutputFormat::table, OutputFormat::json, OutputFormat::csv});
    LoadedBacklog loaded = load_for_reading(global);
    const Iteration& iteration = chosen_iteration(loaded.backlog, options.iteration_id);
    Burndown burndown = compute_burndown(loaded.backlog, iteration, resolve_today(global));
    std::string_view unit = to_string(loaded.backlog.settings.estimate_unit);
    if (format == OutputFormat::json) {
        print_report_json(out, burndown_json(burndown, iteration, unit));
        return;
    }
    if (format == OutputFormat::csv) {
        render_csv(out, burndown_table(burndown, true));
        return;
    }
    out << terminal_safe(iteration.id + " (" + iteration.name + "), " +
                         iteration.start.to_string() + " to " + iteration.end.to_string() + ", " +
                         std::string(to_string(iteration.state)) + ": committed " +
                         rounded_number(burndown.committed_estimate) + " " + std::string(unit))
        << "\n\n";
    render_burndown_chart(out, chart_days(burndown), burndown.committed_estimate, chart_height,
                          use_unicode_charts(global));
    out << '\n';
    render_table(out, burndown_table(burndown, false), use_color(global));
}

} // namespace

void setup_burndown(CLI::App& root, GlobalOptions& global, std::ostream& out) {
    auto options = std::make_shared<BurndownOptions>();
    CLI::App* burndown = add_command(
        root, "burndown",
        "Remaining estimate per day of an iteration against the ideal line and the total scope "
        "(work committed mid-iteration joins it on its committed_on day): chart and table "
        "(json, csv: the table)",
        "mbl burndown it-6 --format csv");
    burndown->add_option("ID", options->iteration_id,
                         "Iteration id (default: the active iteration)");
    burndown->callback([options, &global, &out] { run_burndown(*options, global, out); });
}

} // namespace mbl::cli
