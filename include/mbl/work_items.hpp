#pragma once
// The way back from an agile tool (`mbl import work-items`): the CSV that Azure Boards exports
// from a query, or Jira from a filter, read against the backlog. Rows are matched to assets by
// the tag `mbl:<asset-id>` that `mbl export csv` writes (Azure Boards: `Tags`; Jira: `Labels`);
// each matched row's state becomes the asset's status, each task row's state its task's done
// flag. Pure functions of the table, the backlog and `today` (docs/imports.md, "Work items
// back from Azure Boards and Jira").

#include "mbl/date.hpp"
#include "mbl/import.hpp"
#include "mbl/model.hpp"
#include "mbl/release.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mbl {

enum class AgileTool { azure_devops, jira };

// `azure-devops`, `jira`; nullopt for anything else.
std::optional<AgileTool> parse_agile_tool(std::string_view text);
std::string_view to_string(AgileTool tool);

// What a tool's state means in mbl: an asset status, or `ignored` (Azure's `Removed`: the item
// left the tool's backlog, which says nothing about the migration).
struct StateMeaning {
    std::optional<AssetStatus> status; // empty: ignored
};

// The default meaning of each default state (case-insensitive), before `settings`:
// - Azure Boards (Agile, Scrum, CMMI and Basic processes): New, Proposed, To Do, Approved ->
//   not-started; Active, Committed, Doing, In Progress, Resolved -> in-progress (Resolved is the
//   Agile and CMMI state before verification: not done yet); Closed, Done -> replicated;
//   Blocked -> blocked; Removed -> ignored.
// - Jira (default workflows): To Do, Backlog, Open, Selected for Development -> not-started;
//   In Progress, In Review, Reopened -> in-progress; Done, Closed, Resolved -> replicated; Blocked
//   -> blocked.
// nullopt for a state the table does not hold.
std::optional<StateMeaning> default_state_meaning(AgileTool tool, std::string_view state);

// One entry of `settings.work_item_states` (`{"azure-devops": {"Resolved": "replicated"}}`), as
// written: `meaning` is the string given, nullopt when the value is no string; `state` is empty
// when the tool's value is no object (meaning nullopt) or an empty one (meaning empty). The
// setting is kept as raw JSON in `Settings::extras`.
struct WorkItemStateSetting {
    std::string tool;
    std::string state;
    std::optional<std::string> meaning;
};
std::vector<WorkItemStateSetting> work_item_state_settings(const Settings& settings);

// `settings.work_item_states[tool][state]` (states compared case-insensitively) when set: a
// status name, or `ignore`; else default_state_meaning. nullopt for a state neither knows.
// Error(input) when the setting names no status (validate reports it first, with its place).
std::optional<StateMeaning> state_meaning(const Settings& settings, AgileTool tool,
                                          std::string_view state);

// The tags (Azure) and labels (Jira) `mbl export csv` writes: `mbl:<asset-id>` names the asset a
// work item is, `mbl:<asset-id>#<n>` its task n (1-based), `mbl-workload:<id>` a workload's item;
// `mbl-status:<status>` (`mbl-status:done`, `mbl-status:not-done` on a task) is mbl's value when
// exported, the base of the comparison (earlier exports wrote it as `mbl:<status>`).
inline constexpr std::string_view asset_tag_prefix = "mbl:";
inline constexpr std::string_view workload_tag_prefix = "mbl-workload:";
inline constexpr std::string_view status_tag_prefix = "mbl-status:";

// What one row of the export does.
enum class WorkItemAction {
    update,    // the tool moved it; mbl follows
    unchanged, // the tool and mbl agree
    kept,      // the tool still shows the state the export created it in: mbl keeps its own
    conflict,  // changed in both places (or, without a base, the tool would move it back)
    unmatched, // no `mbl:` tag, or one that names no asset or task of the backlog
    unknown,   // a state that neither settings nor the defaults know
    ignored,   // a workload's item, or a state that means nothing to mbl (Removed)
};

struct WorkItemRow {
    std::size_t line = 0;
    std::string item;  // the tool's id: Azure `ID`, Jira `Issue key` (else `Issue id`)
    std::string title; // `Title` (Azure), `Summary` (Jira)
    std::string state; // `State`, `Status`
    WorkItemAction action = WorkItemAction::unmatched;
    std::string asset;               // the asset matched (empty when unmatched)
    std::optional<std::size_t> task; // the task matched, 1-based
    std::string field;               // `status` or `done` (update and conflict)
    std::string from;                // mbl's value (`in-progress`, `false`)
    std::string to;                  // the tool's, in mbl's words
    std::string reason;              // why: conflict, unmatched, ignored
};

struct WorkItemPlan {
    AgileTool tool = AgileTool::azure_devops;
    std::vector<WorkItemRow> rows; // one per record, in file order
    std::size_t count(WorkItemAction action) const;
};

// What importing `table` (the tool's export) into `backlog` would change, without changing it.
// Columns (by name, case and blanks ignored): Azure Boards `ID`, `Work Item Type`, `Title` (or a
// tree query's `Title 1`, `Title 2`, …), `State`, `Tags` (`; `-separated), `Parent`; Jira
// `Issue key`, `Issue id`, `Issue Type`, `Summary`, `Status`, `Labels` (repeated, or blanks
// between labels), `Parent` or `Parent id`. A row is an asset's when one tag is `mbl:<id>` of an
// asset; a task's when a tag is `mbl:<id>#<n>`, or when it is a Task/Sub-task whose parent row
// (the `Parent` column, else the tree's row above it) is an asset's and the asset has a task of
// that title. Its state's meaning (state_meaning) is compared with mbl's value:
// - the same: unchanged;
// - the tool still shows the state the export created it in (Azure Boards: a not-started state,
//   as every imported item starts New; Jira: the status mbl exported for the base, or for the
//   current value when no base is known): kept, mbl keeps its own;
// - with a base (the `mbl-status:` tag the export wrote beside the id: mbl's value when
//   exported): mbl's value still the base -> update, else conflict;
// - without one: forward (not-started -> in-progress or blocked -> replicated; a task to done)
//   -> update; backward -> conflict.
// Error(input) `<label>:<header_line>: …` when the columns of a state, a title or the tags are
// missing (naming them and the other tool when its columns are there instead).
WorkItemPlan plan_work_item_import(const Backlog& backlog, const CsvTable& table, AgileTool tool,
                                   std::string_view label);

// Applies the plan's updates (made from this same backlog) as `mbl asset set` and `asset task
// done` do: task done flags first, then statuses through set_asset_field (a move to replicated
// records replicated_on = `today`), then start_migrating_workloads for the assets updated.
// Returns the workloads that moved from planned to migrating.
std::vector<AutomaticStageMove> apply_work_item_plan(Backlog& backlog, const WorkItemPlan& plan,
                                                     Date today);

} // namespace mbl
