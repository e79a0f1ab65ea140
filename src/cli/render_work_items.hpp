#pragma once
// What `mbl import work-items` prints: a summary line, then the rows that change something or
// need a person (updates, conflicts, unmatched and unknown rows), and the same as JSON.

#include "mbl/import.hpp"
#include "mbl/work_items.hpp"

#include <ostream>
#include <string>

namespace mbl::cli {

// Where the plan came from and whether it was written.
struct WorkItemSource {
    std::string file; // the export as the user named it
    bool dry_run = false;
    CsvDialect dialect; // how the CSV was read
};

// `Imported FILE (azure-devops, read as …): 2 updated, 5 unchanged, 3 kept, 1 conflict, 2
// unmatched, 0 unknown, 1 ignored` (`Dry run, nothing written: FILE (…) would update 2, …`),
// then an ACTION/LINE/ITEM/TITLE/ASSET/CHANGE table of the updates, conflicts, unmatched and
// unknown rows (CHANGE: `status: in-progress -> replicated`, `task 2 done: false -> true`, or
// the reason). Unchanged, kept and ignored rows are only counted. Terminal-safe.
void render_work_item_import(std::ostream& out, const WorkItemSource& source,
                             const WorkItemPlan& plan, bool color);

// {"file", "tool", "dry_run", "read_as": {"encoding", "delimiter"}, "summary": {"updated",
//  "unchanged", "kept", "conflicts", "unmatched", "unknown", "ignored"}, "rows": [{"line",
//  "item" (or null), "title", "state", "action", "asset" (or null), "task" (1-based, or null),
//  "field" (`status`, `done`, or null), "from", "to" (mbl's value and the tool's: a status, or
//  a boolean for `done`; null when not compared), "reason" (or null)}]}: every row.
void render_work_item_import_json(std::ostream& out, const WorkItemSource& source,
                                  const WorkItemPlan& plan);

} // namespace mbl::cli
