// mbl iteration plan [ID] [--capacity N] [--commit]
#include "cli/command_iteration.hpp"
#include "cli/command_support.hpp"
#include "cli/context.hpp"
#include "cli/iteration_figures.hpp"
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

// The iteration plan_iteration will plan: `id`, else the first planned one by start date (file
// order on ties), as planning.hpp chooses it. Null when there is none or `id` is unknown (the
// core then reports it).
const Iteration* planned_target(const Backlog& backlog, const std::optional<std::string>& id) {
    if (id) {
        return find_iteration(backlog, *id);
    }
    const Iteration* first = nullptr;
    for (const Iteration& iteration : backlog.iterations) {
        if (iteration.state == IterationState::planned &&
            (first == nullptr || iteration.start < first->start)) {
            first = &iteration;
        }
    }
    return first;
}

// --capacity, else the planned iteration's own capacity when the team set one (above 0), else
// the capacity a new iteration gets (velocity, then settings.default_capacity), so that a plan
// committed to a new iteration fills exactly the capacity it records.
PlanReport make_plan(const Backlog& backlog, const IterationPlanOptions& options) {
    PlanReport report;
    if (options.capacity) {
        report.plan = plan_iteration(backlog, options.id, options.capacity);
        report.origin = CapacityOrigin::flag;
        return report;
    }
    const Iteration* target = planned_target(backlog, options.id);
    if (target != nullptr && target->capacity > 0) {
        report.plan = plan_iteration(backlog, options.id, target->capacity);
        report.origin = CapacityOrigin::iteration;
        return report;
    }
    PlanningCapacity capacity = default_iteration_capacity(backlog);
    report.plan = plan_iteration(backlog, options.id, capacity.value);
    report.plan.capacity = capacity;
    report.origin = origin_of(capacity.source);
    return report;
}

// Commits the proposal, adding the iteration first when none is planned.
PlanCommitment commit_plan(Backlog& backlog, PlanReport& report, Date today) {
    PlanCommitment commitment;
    if (!report.plan.iteration_id) {
        NewIteration request;
        request.capacity = report.plan.capacity.value;
        report.plan.iteration_id = add_iteration(backlog, request, today).id;
        commitment.created = true;
    }
    commitment.iteration_id = *report.plan.iteration_id;
    if (report.origin == CapacityOrigin::flag) {
        // The team said what it can do this time: the iteration keeps it.
        Iteration& iteration = require_iteration(backlog, commitment.iteration_id);
        if (iteration.capacity != report.plan.capacity.value) {
            commitment.capacity_before = iteration.capacity;
            iteration.capacity = report.plan.capacity.value;
        }
    }
    std::vector<std::string> ids;
    ids.reserve(report.plan.proposed.size());
    for (const PlannedAsset& planned : report.plan.proposed) {
        ids.push_back(planned.asset_id);
    }
    commitment.added = commit_assets(backlog, commitment.iteration_id, ids);
    commitment.added_estimate = estimate_of(backlog, commitment.added);
    return commitment;
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
        report.commitment = commit_plan(backlog, report, today);
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
