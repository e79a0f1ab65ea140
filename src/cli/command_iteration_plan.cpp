// mbl iteration plan [ID] [--capacity N] [--commit]
#include "cli/command_iteration.hpp"
#include "cli/command_support.hpp"
#include "cli/context.hpp"
#include "cli/render_plan.hpp"
#include "mbl/iterations.hpp"
#include "mbl/planning.hpp"

#include <CLI/CLI.hpp>
#include <memory>

namespace mbl::cli {
namespace {

struct IterationPlanOptions {
    std::optional<std::string> id;
    std::optional<double> capacity;
    bool commit = false;
};

PlanReport make_plan(const Backlog& backlog, const IterationPlanOptions& options) {
    return {plan_iteration(backlog, options.id, options.capacity), std::nullopt};
}

void print_plan(OutputFormat format, const Backlog& backlog, const PlanReport& report,
                const GlobalOptions& global, std::ostream& out) {
    if (format == OutputFormat::json) {
        render_plan_json(out, backlog, report);
    } else {
        render_plan_text(out, backlog, report, use_color(global));
    }
}

void run_iteration_plan(const IterationPlanOptions& options, const GlobalOptions& global,
                        std::ostream& out) {
    OutputFormat format = output_format(global, {OutputFormat::table, OutputFormat::json});
    if (!options.commit) {
        LoadedBacklog loaded = load_for_reading(global);
        print_plan(format, loaded.backlog, make_plan(loaded.backlog, options), global, out);
        return;
    }
    Date today = resolve_today(global);
    PlanReport report;
    Backlog after;
    modify_backlog(global, [&](Backlog& backlog) {
        report = make_plan(backlog, options);
        report.commitment = commit_iteration_plan(backlog, report.plan, today);
        after = backlog;
    });
    print_plan(format, after, report, global, out);
}

} // namespace

void setup_iteration_plan(CLI::App& iteration, GlobalOptions& global, std::ostream& out) {
    auto options = std::make_shared<IterationPlanOptions>();
    CLI::App* plan = add_command(
        iteration, "plan",
        "Propose what a planned iteration commits: what fits the capacity, in priority and "
        "dependency order, with the reason for everything left out (table or json)",
        "mbl iteration plan it-7 --capacity 100 --commit");
    plan->add_option("ID", options->id,
                     "Planned iteration (default: the first planned one by start date)");
    plan->add_option("--capacity", options->capacity,
                     "Capacity to fill, in the estimate unit. Default: the iteration's own "
                     "capacity when above 0, else the average completed estimate of the last "
                     "three closed iterations, else settings.default_capacity")
        ->type_name("N");
    plan->add_flag("--commit", options->commit,
                   "Commit the proposal; what the iteration already commits stays committed "
                   "(nothing is taken out). Adds the iteration first when none is planned. "
                   "With --capacity, the iteration's capacity becomes N");
    plan->callback([options, &global, &out] { run_iteration_plan(*options, global, out); });
}

} // namespace mbl::cli
