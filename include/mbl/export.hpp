#pragma once
// Exports for agile tools and spreadsheets (`mbl export csv --for …`): the backlog as a sheet of
// text cells, one row per work item or asset. Pure functions of a Backlog; the caller renders the
// sheet as RFC 4180 CSV (neutralising formulas in the text cells of a sheet meant for a
// spreadsheet). Cells hold the file's text as it is: nothing here escapes for CSV.
// docs/agile-tools.md is the user's side of the Azure Boards and Jira layouts and their id tags.
//
// Estimates for tools that count time: hours as they are, days as 8 hours each (a working day),
// points not at all (points are no time; they go to `Story Points` instead).

#include "mbl/model.hpp"

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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
    // Whether the sheet is meant for a spreadsheet (generic_sheet): text cells that would start a
    // formula are neutralised when rendered. The agile-tool sheets are meant for the tool's
    // importer, which never evaluates a cell: their cells are written unchanged, so a title
    // arrives exactly as written.
    bool for_spreadsheet = false;
};

// The id tags that tie a work item to what it stands for (docs/agile-tools.md): `mbl:<asset-id>`
// for an asset, `mbl:<asset-id>#<position>` for the asset's task at 1-based `position` in its
// `tasks`, `mbl-workload:<workload-id>` for a workload. Ids are slugs, so a tag holds no blank,
// `,`, `;` or `#` but the one before the position.
std::string asset_tag(std::string_view asset_id);
std::string task_tag(std::string_view asset_id, std::size_t position);
std::string workload_tag(std::string_view workload_id);

// Whether `tag` starts with `mbl:` or `mbl-`, the prefixes of mbl's own tags. An asset's own tag
// with such a prefix is left out of the agile-tool exports, so that the id tag is the only
// `mbl:` tag on a work item.
bool is_reserved_tag(std::string_view tag);

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
    // The Azure DevOps project (required): the default of both paths below.
    std::string project;
    // Iteration paths are `<prefix>\<iteration name>`; empty: the project.
    std::string iteration_path_prefix;
    // The Area Path of every work item; empty: the project.
    std::string area_path;
};

// How many work items one Azure Boards CSV import takes ("Import or update work items in bulk by
// using CSV files").
constexpr std::size_t azure_import_limit = 1000;

// Azure Boards' hierarchical CSV import (Agile process): files of new work items the import
// accepts, each of at most `limit` work items. Columns: ID (empty: every row is a new work item),
// Work Item Type, Title 1 … Title 4, Priority, Tags, Area Path, Iteration Path, Original Estimate,
// Remaining Work, Story Points, Description. No State: Azure creates imported work items in their
// type's initial state and its docs say to leave State out for new items.
// Rows depth first: the Epic (the backlog's name, Title 1), each workload as a Feature (Title 2,
// planning order; assets without a known workload under a Feature "Assets without a workload"),
// each asset as a User Story (Title 3, file order), each asset task as a Task (Title 4).
// Tags, joined with `; `: a Feature `mbl-workload:<id>; mbl-stage:<stage>`; a User Story
// `mbl:<id>; mbl-status:<status>` then the asset's tags (reserved ones left out); a Task
// `mbl:<id>#<position>; mbl-status:done|not-done`; none on the Epic or the group without a
// workload. Priority: the workload's or asset's (tasks: their asset's). Area Path: the option's
// on every row. Iteration Path: `<prefix>\<name>` of the asset's iteration (iteration_of_asset),
// on User Stories and Tasks. Original Estimate: a task's estimate in hours, Remaining Work 0 when
// it is done and its estimate otherwise (Tasks only, the Agile process has the fields on Tasks).
// Story Points: the asset's effective estimate when the unit is points. Description (HTML,
// escaped): what the item is (a User Story and a Task end with `Status in mbl: <status>`).
// One sheet when everything fits in `limit`. Otherwise several, each Feature with everything
// beneath it kept in one sheet, greedily in planning order: the first sheet starts with the Epic;
// the later ones have no Epic and their Features at Title 1 (stories Title 2, tasks Title 3, no
// Title 4 column).
// Error(usage) when `options.project` is empty or a path does not start with the project (`P` or
// `P\…`, any case) or has an empty segment; Error(input) naming the workload when one Feature
// with everything beneath it is more than `limit` work items (the workload by its id).
// The export is planned before any row is made: the work breakdown and each Feature's size (the
// Feature, its stories and their tasks), which places every Feature in its file; then each file's
// rows are made and given to a sink one at a time (write_file), so that no sheet is held.
class AzureDevOpsExport {
  public:
    // Checks the options and plans the files; the errors of azure_devops_sheets. `backlog` must
    // outlive the export.
    AzureDevOpsExport(const Backlog& backlog, const AzureDevOpsOptions& options,
                      std::size_t limit = azure_import_limit);
    ~AzureDevOpsExport();
    AzureDevOpsExport(const AzureDevOpsExport&) = delete;
    AzureDevOpsExport& operator=(const AzureDevOpsExport&) = delete;

    // How many work items (rows) each file holds, in file order; at least one file.
    const std::vector<std::size_t>& file_sizes() const;
    // Gives file `index`'s columns, then its rows in order, to `sink`.
    void write_file(std::size_t index, SheetSink& sink) const;

  private:
    struct Plan;
    std::unique_ptr<Plan> plan_;
};

// Every file of AzureDevOpsExport, held whole (for tests and small backlogs).
std::vector<Sheet> azure_devops_sheets(const Backlog& backlog, const AzureDevOpsOptions& options,
                                       std::size_t limit = azure_import_limit);

// Jira Cloud's CSV importer, keeping the hierarchy as Atlassian's "Keep work parent-child
// relationships during CSV import to Jira Cloud" describes: columns Issue ID (1, 2, … in row
// order), Parent (the parent's Issue ID), Issue Type, Summary, Status, Priority, Labels (repeated:
// as many `Labels` columns as the item with most labels needs), Sprint, Original Estimate
// (seconds), Story Points, Description. Rows top of the hierarchy first: every workload an Epic
// (planning order), then every asset a Story whose Parent is its Epic's Issue ID (assets without
// a known workload: no parent), then every task a Sub-task whose Parent is its Story's.
// Priority 1-4: Highest, High, Medium, Low. Status (Jira's default workflow): To Do, In Progress,
// Done (an Epic by its stage: planned To Do, production Done; a Story: replicated Done,
// in-progress and blocked In Progress; a Sub-task: done Done). Labels: the id tag first
// (workload_tag, asset_tag, task_tag), then a Story's asset tags (reserved ones left out), blanks
// replaced by `_` (Jira labels hold no spaces). Sprint: the name of the asset's iteration
// (Stories and Sub-tasks). Original Estimate: a Sub-task's estimate, a Story's own only when none
// of its tasks has one (Jira adds sub-task estimates up), in seconds. Description: plain text.
// Rows are given to `sink` as they are made: an Issue ID is the row's number, so a parent's is
// known from the counts of the rows before it.
void write_jira_sheet(const Backlog& backlog, SheetSink& sink);
Sheet jira_sheet(const Backlog& backlog);

// One row per asset, file order, every field: id, name, kind, workload, owner, strategy,
// estimate, effective_estimate, unit, priority, status, replicated_on, iteration, depends_on,
// tags, tasks, tasks_done, notes, then `attributes.KEY` for every attribute key (the union over
// the assets, first-seen order). Lists are joined with `; `. An attribute's cell is its string's
// text, or its JSON on one line for other values; its column is numeric when every value in it
// is a number. Meant for a spreadsheet (for_spreadsheet).
void write_generic_sheet(const Backlog& backlog, SheetSink& sink);
Sheet generic_sheet(const Backlog& backlog);

} // namespace mbl
