#pragma once
// The rows of an agile tool's export as work items (private to the core library): the columns
// found by name, each record's id, title, state, type, tags and parent (work_items.hpp).

#include "mbl/import.hpp"
#include "mbl/work_items.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mbl::detail {

struct ExportedItem {
    std::size_t line = 0;
    std::vector<std::string> ids; // what other rows' Parent may name it by (ID; key and id)
    std::string title;
    std::string state;
    std::string type;
    std::vector<std::string> tags;     // every tag or label, trimmed, none empty
    std::optional<std::size_t> parent; // the index of its parent row, when the file tells
    std::size_t depth = 0;             // a tree query's level (Title 1: 0); 0 otherwise
};

// The records of `table` as work items of `tool`, parents resolved (the `Parent` column, else
// a tree query's `Title N` levels). Error(input) `<label>:<line>: …` for missing columns.
std::vector<ExportedItem> read_exported_items(const CsvTable& table, AgileTool tool,
                                              std::string_view label);

// What the tags of one row say (the export contract, work_items.hpp).
struct RowTags {
    std::vector<std::string> assets; // `mbl:<id>` naming an asset of the backlog
    std::optional<std::pair<std::string, std::size_t>> task; // `mbl:<id>#<n>`
    std::optional<std::string> base;  // `mbl-status:<status>` (`done`, `not-done` for tasks)
    std::vector<std::string> unknown; // `mbl:<x>` naming nothing of the backlog
    bool workload = false;            // `mbl-workload:<id>`
};

// The backlog's assets by id.
using AssetIndex = std::unordered_map<std::string_view, const Asset*>;

// What `tags` say, `mbl:<id>` checked against `assets`. A status word after `mbl:`
// (`mbl:blocked`, the progress tag of earlier exports) is a base too, unless an asset has that id.
RowTags read_tags(const AssetIndex& assets, const std::vector<std::string>& tags);

// True for the types that are tasks: Azure `Task`, Jira `Sub-task` (`Subtask`) and `Task`.
bool is_task_type(std::string_view type);

} // namespace mbl::detail
