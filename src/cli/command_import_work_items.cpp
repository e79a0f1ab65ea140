// mbl import work-items: an agile tool's export of the work items mbl exported, back into the
// backlog (statuses and task done flags).
#include "cli/command_import_work_items.hpp"

#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/render_release.hpp"
#include "cli/render_text.hpp"
#include "cli/render_work_items.hpp"
#include "mbl/import.hpp"
#include "mbl/store.hpp"
#include "mbl/work_items.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <memory>

namespace mbl::cli {
namespace {

struct WorkItemImportOptions {
    std::string file;
    std::string from;
    bool dry_run = false;
};

void run_import_work_items(const WorkItemImportOptions& options, const GlobalOptions& global,
                           std::ostream& out, std::ostream& err) {
    OutputFormat format = output_format(global, {OutputFormat::table, OutputFormat::json});
    std::optional<AgileTool> tool = parse_agile_tool(options.from);
    if (!tool) {
        throw usage_error(
            fmt::format("--from must be azure-devops or jira, not '{}'", options.from));
    }
    Date today = resolve_today(global);
    CsvTable table = read_csv(read_input_file(options.file), options.file); // before the lock
    WorkItemPlan plan;
    std::vector<AutomaticStageMove> moves;
    std::vector<ReadinessLost> lost;
    modify_or_preview(global, options.dry_run, [&](Backlog& backlog) {
        std::vector<std::string> ready = ready_releases_past_migrating(backlog);
        plan = plan_work_item_import(backlog, table, *tool, options.file);
        moves = apply_work_item_plan(backlog, plan, today);
        lost = readiness_lost(backlog, ready);
    });
    WorkItemSource source{options.file, options.dry_run, table.dialect};
    if (format == OutputFormat::json) {
        render_work_item_import_json(out, source, plan);
    } else {
        render_work_item_import(out, source, plan, use_color(global));
        for (const AutomaticStageMove& move : moves) {
            out << terminal_safe(automatic_move_line(move)) << '\n';
        }
    }
    for (const ReadinessLost& release : lost) { // as `mbl asset set` warns
        print_warning(err, release.message);
    }
    if (plan.count(WorkItemAction::conflict) > 0) {
        throw ExitAfterReport{ExitStatus::check_failed};
    }
}

} // namespace

void setup_import_work_items(CLI::App& imports, GlobalOptions& global, std::ostream& out,
                             std::ostream& err) {
    auto options = std::make_shared<WorkItemImportOptions>();
    CLI::App* command = add_command(
        imports, "work-items",
        "Bring the team's progress back from the agile tool: the CSV that Azure Boards exports "
        "from a query (ID, Work Item Type, Title, State, Tags, Parent) or Jira from a filter "
        "(Issue key, Issue id, Issue Type, Summary, Status, Labels, Parent). A row is matched to "
        "an asset by its tag or label mbl:<asset-id> (written by 'mbl export csv'), a task row by "
        "mbl:<asset-id>#<n> or by its parent and title. Each state sets the asset's status or the "
        "task's done flag through a mapping of the tools' default states "
        "(settings.work_item_states overrides it); a move to replicated records replicated_on. "
        "An item still in the state the export created it in keeps mbl's value; a change made "
        "in both places since the export is a conflict: reported, left as it is, exit 1. "
        "Unmatched rows and unknown states are listed with their line (table, or --format json). "
        "Importing the same file again changes nothing.",
        "mbl import work-items boards-query.csv --from azure-devops --dry-run");
    command->add_option("FILE", options->file, "The tool's CSV export")->required();
    command->add_option("--from", options->from, "The tool that exported it: azure-devops or jira")
        ->type_name("TOOL")
        ->required();
    command->add_flag("--dry-run", options->dry_run, "Print what would change; write nothing");
    command->callback(
        [options, &global, &out, &err] { run_import_work_items(*options, global, out, err); });
}

} // namespace mbl::cli
