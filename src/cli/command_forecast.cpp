// mbl forecast [--workload W] [--trials N] [--seed N] [--by DATE]
#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/flag_checks.hpp"
#include "cli/forecast_text.hpp"
#include "cli/render_number.hpp"
#include "cli/render_report_json.hpp"
#include "cli/render_table.hpp"
#include "cli/render_text.hpp"
#include "mbl/enums.hpp"
#include "mbl/forecast.hpp"
#include "mbl/save.hpp"

#include <CLI/CLI.hpp>
#include <memory>
#include <nlohmann/json.hpp>

namespace mbl::cli {
namespace {

struct ForecastFlags {
    std::optional<std::string> workload;
    std::size_t trials = ForecastOptions{}.trials;
    std::uint64_t seed = ForecastOptions{}.seed;
    std::optional<std::string> by;
};

std::string label_of(const CompletionForecast& completion) {
    return completion.workload.value_or("all");
}

// Every forecast row: the releases, then the whole backlog when it is there.
std::vector<const CompletionForecast*> rows_of(const Forecast& forecast) {
    std::vector<const CompletionForecast*> rows;
    for (const CompletionForecast& release : forecast.releases) {
        rows.push_back(&release);
    }
    if (forecast.whole) {
        rows.push_back(&*forecast.whole);
    }
    return rows;
}

// A date cell: the date, `done` when nothing is left, `-` when it cannot be said; a `*` marks a
// date that holds only if blocked assets are unblocked (see the notes under the table).
std::string date_cell(const CompletionForecast& completion, std::optional<Date> date,
                      std::optional<std::size_t> iterations) {
    if (completion.remaining.assets == 0) {
        return "done";
    }
    if (!date) {
        return "-";
    }
    return date->to_string() + (iterations ? " (" + std::to_string(*iterations) + ")" : "") +
           (completion.conditional() ? "*" : "");
}

Table forecast_table(const Forecast& forecast, bool with_by) {
    Table table;
    table.columns = {{"RELEASE", "workload"},
                     {"REMAINING", "remaining_estimate", ColumnKind::number},
                     {"ASSETS", "assets_left", ColumnKind::number},
                     {"UNESTIMATED", "unestimated", ColumnKind::number},
                     {"50%", "p50"},
                     {"85%", "p85"},
                     {"95%", "p95"},
                     {"AVERAGE", "average_velocity_date"}};
    if (with_by) {
        table.columns.push_back({"BY 50%", "done_by_50", ColumnKind::number});
        table.columns.push_back({"BY 85%", "done_by_85", ColumnKind::number});
        table.columns.push_back({"BY 95%", "done_by_95", ColumnKind::number});
    }
    for (const CompletionForecast* completion : rows_of(forecast)) {
        std::vector<Cell> row{{label_of(*completion)},
                              {rounded_number(completion->remaining.estimate)},
                              {std::to_string(completion->remaining.assets)},
                              {std::to_string(completion->remaining.unestimated)}};
        for (int percent : {50, 85, 95}) {
            std::optional<Date> date;
            std::optional<std::size_t> iterations;
            for (const PercentileDate& at : completion->percentiles) {
                if (at.percent == percent) {
                    date = at.date;
                    iterations = at.iterations;
                }
            }
            row.push_back({date_cell(*completion, date, iterations)});
        }
        row.push_back({date_cell(*completion, completion->average_velocity_date, std::nullopt)});
        for (const auto& [percent, done] : completion->done_by) {
            row.push_back({rounded_number(done) + "%"});
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

// The warning about unestimated work, naming the releases it is in; empty when there is none.
std::string unestimated_line(const Forecast& forecast) {
    std::vector<const CompletionForecast*> rows = rows_of(forecast);
    std::size_t count = rows.empty() ? 0 : rows.back()->remaining.unestimated;
    if (count == 0) {
        return "";
    }
    std::vector<std::string> where;
    for (const CompletionForecast& release : forecast.releases) {
        if (release.remaining.unestimated > 0 && forecast.whole) {
            where.push_back(*release.workload + " " +
                            std::to_string(release.remaining.unestimated));
        }
    }
    std::string line = "warning: " + std::to_string(count) +
                       (count == 1 ? " asset has no estimate" : " assets have no estimate") +
                       ": the dates are optimistic";
    return where.empty() ? line : line + " (" + comma_list(where) + ")";
}

void render_forecast(std::ostream& out, const Forecast& forecast, const Backlog& backlog,
                     const ForecastFlags& flags, const GlobalOptions& global) {
    out << "Forecast: " << flags.trials << (flags.trials == 1 ? " trial" : " trials") << ", seed "
        << flags.seed << ", iterations of " << forecast.iteration_length_days
        << (forecast.iteration_length_days == 1 ? " day" : " days") << " counted from "
        << forecast.first_iteration_start.to_string() << '\n'
        << forecast_basis(forecast, to_string(backlog.settings.estimate_unit)) << ".\n";
    if (std::string line = unestimated_line(forecast); !line.empty()) {
        out << terminal_safe(line) << '\n';
    }
    out << '\n';
    render_table(out, forecast_table(forecast, flags.by.has_value()), use_color(global));
    out << "\nDates: when the release is done at that confidence (iterations needed); AVERAGE: "
           "at the average throughput.\n";
    for (const CompletionForecast* completion : rows_of(forecast)) {
        if (std::string note = conditional_note(*completion, label_of(*completion));
            !note.empty()) {
            out << terminal_safe("*" + note) << '\n';
        }
    }
    if (flags.by) {
        out << "BY: share of the remaining work done by " << *flags.by
            << " (whole iterations only) at that confidence.\n";
    }
}

void run_forecast(const ForecastFlags& flags, const GlobalOptions& global, std::ostream& out) {
    OutputFormat format = output_format(global, {OutputFormat::table, OutputFormat::json});
    LoadedBacklog loaded = load_for_reading(global);
    ForecastOptions options;
    options.workload = flags.workload;
    options.trials = flags.trials;
    options.seed = flags.seed;
    if (flags.by) {
        options.by = Date::parse(*flags.by); // checked by the flag
    }
    Forecast forecast = forecast_completion(loaded.backlog, options, resolve_today(global));
    if (format == OutputFormat::json) {
        print_report_json(
            out, forecast_json(forecast, loaded.backlog, flags.trials, flags.seed, flags.by));
    } else {
        render_forecast(out, forecast, loaded.backlog, flags, global);
    }
}

} // namespace

void setup_forecast(CLI::App& root, GlobalOptions& global, std::ostream& out) {
    auto flags = std::make_shared<ForecastFlags>();
    CLI::App* forecast = add_command(
        root, "forecast",
        "When each release and the whole backlog will be done at 50/85/95% confidence (Monte "
        "Carlo over every closed iteration, widened while there are fewer than six, a range "
        "around default_capacity before the first; dates of releases with blocked assets hold "
        "only if unblocked; seeded; table or json; see docs/forecasting.md)",
        "mbl forecast --by 2027-03-31 --seed 7");
    forecast->add_option("--workload", flags->workload, "Only this workload's release")
        ->type_name("W");
    forecast
        ->add_option("--trials", flags->trials,
                     "Monte Carlo trials (default 10000, at most 10000000)")
        ->check(check_trials, "")
        ->type_name("N");
    forecast
        ->add_option("--seed", flags->seed,
                     "Random seed (default 1, so the same file gives the same forecast every "
                     "run; change it to see another draw)")
        ->check(check_whole_number, "")
        ->type_name("N");
    forecast
        ->add_option("--by", flags->by,
                     "Also show how much of the remaining work is done by this day, YYYY-MM-DD")
        ->check(check_date, "")
        ->type_name("DATE");
    forecast->callback([flags, &global, &out] { run_forecast(*flags, global, out); });
}

} // namespace mbl::cli
