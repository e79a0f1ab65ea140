#pragma once
// The rows of an agile tool's export as work items (private to the core library): the columns
// found by name, each record's id, title, state, type, tags and parent (work_items.hpp).

#include "mbl/import.hpp"
#include "mbl/work_items.hpp"

#include <optional>
#include <string>
#include <string_view>
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

// True for the types that are tasks: Azure `Task`, Jira `Sub-task` (`Subtask`) and `Task`.
bool is_task_type(std::string_view type);

} // namespace mbl::detail
