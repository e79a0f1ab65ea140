// mbl iteration set ID FIELD=VALUE..., mbl iteration rm ID
#include "cli/command_iteration.hpp"
#include "cli/command_support.hpp"
#include "cli/context.hpp"
#include "mbl/edit.hpp"
#include "mbl/iterations.hpp"

#include <CLI/CLI.hpp>
#include <memory>

namespace mbl::cli {
namespace {

struct IterationSetOptions {
    std::string id;
    std::vector<std::string> assignments;
};

struct IterationRmOptions {
    std::string id;
    bool dry_run = false;
};

void run_iteration_set(const IterationSetOptions& options, const GlobalOptions& global,
                       std::ostream& out) {
    output_format(global, {OutputFormat::table});
    std::vector<std::string> lines;
    modify_backlog(global, [&](Backlog& backlog) {
        Iteration& iteration = require_iteration(backlog, options.id);
        for (const std::string& assignment : options.assignments) {
            auto [field, value] = split_assignment(assignment);
            lines.push_back(change_line(iteration.id, field,
                                        set_iteration_field(backlog, iteration, field, value)));
        }
    });
    print_change_lines(out, lines, false);
}

void run_iteration_rm(const IterationRmOptions& options, const GlobalOptions& global,
                      std::ostream& out) {
    output_format(global, {OutputFormat::table});
    Iteration removed;
    modify_or_preview(global, options.dry_run,
                      [&](Backlog& backlog) { removed = remove_iteration(backlog, options.id); });
    std::vector<std::string> lines{"Removed iteration " + removed.id + " (" +
                                   removed.start.to_string() + " to " + removed.end.to_string() +
                                   ")"};
    if (!removed.committed.empty()) {
        lines.push_back("Its commitment is dropped, back in the release backlog: " +
                        comma_list(removed.committed));
    }
    print_change_lines(out, lines, options.dry_run);
}

} // namespace

void setup_iteration_edit(CLI::App& iteration, GlobalOptions& global, std::ostream& out) {
    auto set_options = std::make_shared<IterationSetOptions>();
    CLI::App* set = add_command(iteration, "set",
                                "Change fields: capacity, name, notes, and start for a planned "
                                "iteration (the end moves with it; no overlap with another "
                                "iteration). All or nothing",
                                "mbl iteration set it-7 capacity=90 start=2027-03-08");
    set->add_option("ID", set_options->id, "Iteration id")->required();
    set->add_option("FIELD=VALUE", set_options->assignments, "Changes to make")->required();
    set->callback([set_options, &global, &out] { run_iteration_set(*set_options, global, out); });

    auto rm_options = std::make_shared<IterationRmOptions>();
    CLI::App* rm = add_command(iteration, "rm",
                               "Remove a planned iteration; its commitment is dropped (the "
                               "assets go back to their release backlog). Active and closed "
                               "iterations are refused",
                               "mbl iteration rm it-9");
    rm->add_option("ID", rm_options->id, "Iteration id")->required();
    rm->add_flag("--dry-run", rm_options->dry_run,
                 "Show what would be removed and dropped; write nothing");
    rm->callback([rm_options, &global, &out] { run_iteration_rm(*rm_options, global, out); });
}

} // namespace mbl::cli
