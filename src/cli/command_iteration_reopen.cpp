// mbl iteration reopen ID: a closed iteration becomes active again, so that closing it recomputes
// what it completed (after a replicated_on was corrected).
#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/render_text.hpp"
#include "mbl/iterations.hpp"

#include <CLI/CLI.hpp>
#include <memory>

namespace mbl::cli {
namespace {

void run_iteration_reopen(const std::string& id, const GlobalOptions& global, std::ostream& out) {
    output_format(global, {OutputFormat::table});
    std::vector<std::string> lines;
    modify_backlog(global, [&](Backlog& backlog) {
        std::string reopened = require_iteration(backlog, id).id;
        ReopenReport report = reopen_iteration(backlog, reopened);
        lines.push_back("Reopened " + reopened +
                        ": active again; what it completed is recomputed when it closes");
        if (!report.taken_back.empty()) {
            lines.push_back("Took back " + comma_list(report.taken_back) + " from " +
                            report.taken_from.value_or("") +
                            " (close with --carry-over to carry unfinished work again)");
        }
    });
    for (const std::string& line : lines) {
        out << terminal_safe(line) << '\n';
    }
}

} // namespace

void setup_iteration_reopen(CLI::App& iteration, GlobalOptions& global, std::ostream& out) {
    auto id = std::make_shared<std::string>();
    CLI::App* reopen =
        add_command(iteration, "reopen",
                    "Make a closed iteration active again (none other may be active), to correct "
                    "it: closing it again recomputes its completed work from the commitment and "
                    "each asset's replicated_on",
                    "mbl iteration reopen it-6");
    reopen->add_option("ID", *id, "Iteration id")->required();
    reopen->callback([id, &global, &out] { run_iteration_reopen(*id, global, out); });
}

} // namespace mbl::cli
