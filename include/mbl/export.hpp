#pragma once
// Exports for agile tools and spreadsheets (`mbl export csv --for …`): the backlog as a sheet of
// text cells, one row per work item or asset. Pure functions of a Backlog; the caller renders the
// sheet (as RFC 4180 CSV, neutralising formulas in text columns). Cells hold the file's text as it
// is: nothing here escapes for CSV.
//
// Estimates for tools that count time: hours as they are, days as 8 hours each (a working day),
// points not at all (points are no time; they go to `Story Points` instead).

#include "mbl/model.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace mbl {

struct SheetColumn {
    std::string name;
    // Whether every cell is empty or a plain number (digits, `-`, `.`, exponent), safe to write
    // without neutralising a leading `-` so that spreadsheets keep it a number.
    bool numeric = false;
};

struct Sheet {
    std::vector<SheetColumn> columns;
    std::vector<std::vector<std::string>> rows; // one cell per column each
};

// Where a sheet goes as it is built: the columns once, then every row in order, so that an export
// writes each row as it comes and never holds the whole sheet (at a million assets, the sheet
// would be larger than the backlog file).
class SheetSink {
  public:
    virtual ~SheetSink() = default;
    // Called once, before any row.
    virtual void columns(const std::vector<SheetColumn>& columns) = 0;
    // One cell per column.
    virtual void row(std::vector<std::string> cells) = 0;
};

// The sheet that `write` gives its sink, held whole (for tests and small sheets).
Sheet collect_sheet(const std::function<void(SheetSink&)>& write);

// `estimate` (in `unit`) in hours: hours as is, days × 8; none for points.
std::optional<double> estimate_in_hours(double estimate, EstimateUnit unit);

struct AzureDevOpsOptions {
    // The Azure DevOps project: iteration paths are `<project>\<iteration name>`.
    std::string project;
};

// Azure Boards' hierarchical CSV import (Agile process), a file of new work items that the import
// accepts: columns ID (empty: every row is a new work item), Work Item Type, Title 1, Title 2,
// Title 3, Title 4, State, Priority, Tags, Iteration Path, Original Estimate, Story Points,
// Description. Rows depth first: the Epic (the backlog's name, Title 1), each workload as a
// Feature (Title 2, planning order; assets without a known workload under a Feature "Assets
// without a workload"), each asset as a User Story (Title 3, file order), each asset task as a
// Task (Title 4).
// State: `New` on every row, never mbl's progress: Azure creates imported work items in the New
// state and refuses any other value ("Import or update work items in bulk by using CSV files").
// The progress goes to Tags instead, first of the row's tags: `mbl:<stage>` on a workload's
// Feature (`mbl:migrating`), `mbl:<status>` on a User Story (`mbl:not-started`,
// `mbl:in-progress`, `mbl:blocked`, `mbl:replicated`), `mbl:done` or `mbl:not-done` on a Task;
// none on the Epic or the group without a workload. Tags: that tag, then the asset's own (User
// Stories), joined with `; `. Priority: the workload's or asset's (tasks: their asset's).
// Iteration Path: `<project>\<name>` of the asset's iteration (iteration_of_asset), on User
// Stories and Tasks. Original Estimate: a task's estimate in hours (Tasks only, the Agile
// process has the field on Tasks). Story Points: the asset's effective estimate when the unit is
// points. Description (HTML, escaped): what the item is (kind, strategy, status, estimate, owner,
// dependencies, attributes, notes; a User Story and a Task end with `Status in mbl: <status>`).
// Error(usage) when `options.project` is empty.
void write_azure_devops_sheet(const Backlog& backlog, const AzureDevOpsOptions& options,
                              SheetSink& sink);
Sheet azure_devops_sheet(const Backlog& backlog, const AzureDevOpsOptions& options);

// Jira's CSV importer: columns Issue Id (1, 2, … in row order), Parent Id, Issue Type, Summary,
// Status, Priority, Labels (repeated: as many `Labels` columns as the asset with most tags has,
// at least one), Sprint, Original Estimate (seconds), Story Points, Description. Each workload an
// Epic (planning order), each of its assets a Story whose Parent Id is the Epic's Issue Id (assets
// without a known workload: no parent), each task a Sub-task whose Parent Id is the Story's.
// Priority 1-4: Highest, High, Medium, Low. Status (Jira's default workflow): To Do, In Progress,
// Done (an Epic by its stage: planned To Do, production Done; a Story: replicated Done,
// in-progress and blocked In Progress; a Sub-task: done Done). Labels: the asset's tags, blanks
// replaced by `_` (Jira labels hold no spaces). Sprint: the name of the asset's iteration (Stories
// and Sub-tasks). Original Estimate: a Sub-task's estimate, a Story's own only when none of its
// tasks has one (Jira adds sub-task estimates up), in seconds. Description: plain text lines.
void write_jira_sheet(const Backlog& backlog, SheetSink& sink);
Sheet jira_sheet(const Backlog& backlog);

// One row per asset, file order, every field: id, name, kind, workload, owner, strategy,
// estimate, effective_estimate, unit, priority, status, replicated_on, iteration, depends_on,
// tags, tasks, tasks_done, notes, then `attributes.KEY` for every attribute key (the union over
// the assets, first-seen order). Lists are joined with `; `. An attribute's cell is its string's
// text, or its JSON on one line for other values; its column is numeric when every value in it
// is a number.
void write_generic_sheet(const Backlog& backlog, SheetSink& sink);
Sheet generic_sheet(const Backlog& backlog);

} // namespace mbl
