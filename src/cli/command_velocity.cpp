// mbl velocity [--last N]
#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/flag_checks.hpp"
#include "cli/render_chart.hpp"
#include "cli/render_number.hpp"
#include "cli/render_report_json.hpp"
#include "cli/render_table.hpp"
#include "mbl/enums.hpp"
#include "mbl/forecast.hpp"
#include "mbl/save.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>

namespace mbl::cli {
namespace {

constexpr std::size_t bar_width = 30;

struct VelocityOptions {
    std::optional<std::size_t> last;
};

// The table of closed iterations; with `unicode` set (for people) a last column of bars.
Table velocity_table(const Velocity& velocity, std::optional<bool> unicode) {
    Table table;
    table.columns = {{"ITERATION", "id"},
                     {"NAME", "name"},
                     {"START", "start"},
                     {"END", "end"},
                     {"COMMITTED", "committed_estimate", ColumnKind::number},
                     {"COMPLETED", "completed_estimate", ColumnKind::number},
                     {"MIGRATED", "assets_migrated", ColumnKind::number}};
    if (unicode) {
        table.columns.push_back({"", "bar"});
    }
    for (const IterationVelocity& iteration : velocity.iterations) {
        std::vector<Cell> row{{iteration.iteration_id},
                              {iteration.name},
                              {iteration.start.to_string()},
                              {iteration.end.to_string()},
                              {rounded_number(iteration.committed_estimate)},
                              {rounded_number(iteration.completed_estimate)},
                              {std::to_string(iteration.assets_migrated)}};
        if (unicode) {
            row.push_back({horizontal_bar(iteration.completed_estimate, velocity.maximum, bar_width,
                                          *unicode)});
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

void render_velocity_summary(std::ostream& out, const Velocity& velocity, std::string_view unit,
                             bool color) {
    std::string per_iteration = " " + std::string(unit) + " per iteration";
    render_fields(
        out,
        {{"average", rounded_number(velocity.average) + per_iteration},
         {"spread", rounded_number(velocity.standard_deviation) + " (standard deviation)"},
         {"min", rounded_number(velocity.minimum)},
         {"max", rounded_number(velocity.maximum)}},
        color);
}

void run_velocity(const VelocityOptions& options, const GlobalOptions& global, std::ostream& out) {
    OutputFormat format =
        output_format(global, {OutputFormat::table, OutputFormat::json, OutputFormat::csv});
    LoadedBacklog loaded = load_for_reading(global);
    Velocity velocity = compute_velocity(loaded.backlog, options.last);
    std::string_view unit = to_string(loaded.backlog.settings.estimate_unit);
    if (format == OutputFormat::json) {
        print_report_json(out, velocity_json(velocity, unit));
    } else if (format == OutputFormat::csv) {
        render_csv(out, velocity_table(velocity, std::nullopt));
    } else if (velocity.iterations.empty()) {
        out << "No closed iteration yet: velocity needs at least one (close one with 'mbl "
               "iteration close')\n";
    } else {
        bool color = use_color(global);
        render_table(out, velocity_table(velocity, use_unicode_charts(global)), color);
        out << '\n';
        render_velocity_summary(out, velocity, unit, color);
    }
}

} // namespace

void setup_velocity(CLI::App& root, GlobalOptions& global, std::ostream& out) {
    auto options = std::make_shared<VelocityOptions>();
    CLI::App* velocity =
        add_command(root, "velocity",
                    "Committed and completed estimate per closed iteration, average and spread "
                    "(table, json or csv)",
                    "mbl velocity --last 3");
    velocity
        ->add_option("--last", options->last,
                     "Only the last N closed iterations (by end date; default: all)")
        ->check(check_count, "")
        ->type_name("N");
    velocity->callback([options, &global, &out] { run_velocity(*options, global, out); });
}

} // namespace mbl::cli
