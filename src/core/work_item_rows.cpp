// The rows of an Azure Boards query export or a Jira filter export (work_item_rows.hpp).

#include "work_item_rows.hpp"

#include "mbl/enums.hpp"
#include "mbl/error.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <unordered_map>

namespace mbl::detail {
namespace {

// A header as compared: lowercase ASCII letters and digits only (`Issue key` -> `issuekey`).
std::string column_key(std::string_view header) {
    std::string key;
    for (char c : header) {
        auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u)) {
            key += static_cast<char>(std::tolower(u));
        }
    }
    return key;
}

std::string trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
        text.remove_prefix(1);
    }
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
        text.remove_suffix(1);
    }
    return std::string(text);
}

// `text` cut at each of `separators`, pieces trimmed, empty ones left out.
void split_into(std::string_view text, std::string_view separators, std::vector<std::string>& out) {
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of(separators, start);
        std::string piece = trim(text.substr(start, end - start));
        if (!piece.empty()) {
            out.push_back(std::move(piece));
        }
        if (end == std::string_view::npos) {
            break;
        }
        start = end + 1;
    }
}

struct Columns {
    std::optional<std::size_t> state, title, type, parent;
    std::vector<std::size_t> ids;    // Azure ID; Jira Issue key, Issue id
    std::vector<std::size_t> levels; // a tree query's Title 1, Title 2, …
    std::vector<std::size_t> tags;   // Tags, or every Labels column
};

Columns find_columns(const std::vector<std::string>& header, AgileTool tool) {
    Columns columns;
    bool jira = tool == AgileTool::jira;
    for (std::size_t i = 0; i < header.size(); ++i) {
        std::string key = column_key(header[i]);
        auto first = [&](std::optional<std::size_t>& column) {
            if (!column) {
                column = i;
            }
        };
        if (key == (jira ? "status" : "state")) {
            first(columns.state);
        } else if (key == (jira ? "summary" : "title")) {
            first(columns.title);
        } else if (key == (jira ? "issuetype" : "workitemtype")) {
            first(columns.type);
        } else if (key == "parent" || (jira && key == "parentid")) {
            first(columns.parent);
        } else if (jira ? (key == "issuekey" || key == "issueid") : key == "id") {
            columns.ids.push_back(i);
        } else if (!jira && key.size() > 5 && key.starts_with("title") &&
                   key.find_first_not_of("0123456789", 5) == std::string::npos) {
            columns.levels.push_back(i);
        } else if (key == (jira ? "labels" : "tags")) {
            columns.tags.push_back(i);
        }
    }
    return columns;
}

// The error for a file whose columns are not the tool's export, naming what is missing.
[[noreturn]] void refuse_columns(const CsvTable& table, AgileTool tool, std::string_view label,
                                 const std::vector<std::string_view>& missing) {
    bool jira = tool == AgileTool::jira;
    Columns other = find_columns(table.header, jira ? AgileTool::azure_devops : AgileTool::jira);
    std::string hint =
        other.state && !other.tags.empty()
            ? fmt::format("; it looks like {}'s export: pass --from {}",
                          jira ? "Azure Boards" : "Jira", jira ? "azure-devops" : "jira")
            : fmt::format("; export the query with {} among its columns",
                          jira ? "Summary, Status and Labels" : "Title, State and Tags");
    std::string names;
    for (std::string_view name : missing) {
        names += names.empty() ? "" : ", ";
        names += name;
    }
    throw input_error(fmt::format("{}:{}: no {} column{} in this {} export{}", label,
                                  table.header_line, names, missing.size() == 1 ? "" : "s",
                                  jira ? "Jira" : "Azure Boards", hint));
}

bool is_base_word(std::string_view word) {
    return parse_enum<AssetStatus>(word) || parse_enum<Stage>(word) || word == "done" ||
           word == "not-done";
}

bool is_number(std::string_view text) {
    return !text.empty() && text.size() < 7 &&
           std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

RowTags read_tags(const AssetIndex& assets, const std::vector<std::string>& tags) {
    RowTags row;
    for (const std::string& tag : tags) {
        if (tag.starts_with(workload_tag_prefix)) {
            row.workload = true;
            continue;
        }
        if (tag.starts_with(status_tag_prefix)) {
            row.base = tag.substr(status_tag_prefix.size());
            continue;
        }
        if (!tag.starts_with(asset_tag_prefix)) {
            continue; // the team's own tags, `mbl-stage:…`
        }
        std::string value = tag.substr(asset_tag_prefix.size());
        std::size_t hash = value.rfind('#');
        if (hash != std::string::npos && assets.contains(std::string_view(value).substr(0, hash)) &&
            is_number(std::string_view(value).substr(hash + 1))) {
            row.task.emplace(value.substr(0, hash), std::stoul(value.substr(hash + 1)));
        } else if (assets.contains(value)) {
            if (std::ranges::find(row.assets, value) == row.assets.end()) {
                row.assets.push_back(value);
            }
        } else if (is_base_word(value)) {
            row.base = value;
        } else {
            row.unknown.push_back(tag);
        }
    }
    return row;
}

bool is_task_type(std::string_view type) {
    std::string key = column_key(type);
    return key == "task" || key == "subtask";
}

std::vector<ExportedItem> read_exported_items(const CsvTable& table, AgileTool tool,
                                              std::string_view label) {
    bool jira = tool == AgileTool::jira;
    Columns columns = find_columns(table.header, tool);
    std::vector<std::string_view> missing;
    if (!columns.title && columns.levels.empty()) {
        missing.push_back(jira ? "Summary" : "Title");
    }
    if (!columns.state) {
        missing.push_back(jira ? "Status" : "State");
    }
    if (columns.tags.empty()) {
        missing.push_back(jira ? "Labels" : "Tags");
    }
    if (!missing.empty()) {
        refuse_columns(table, tool, label, missing);
    }

    std::vector<ExportedItem> items;
    items.reserve(table.records.size());
    std::unordered_map<std::string, std::size_t> by_id;
    std::vector<std::string> parent_refs;
    // Tree queries: the last row seen at each depth (none where a level was skipped).
    std::vector<std::optional<std::size_t>> open_levels;
    for (const CsvRecord& record : table.records) {
        const std::vector<std::string>& cells = record.fields;
        auto cell = [&](std::optional<std::size_t> column) {
            return column && *column < cells.size() ? trim(cells[*column]) : std::string();
        };
        ExportedItem item;
        item.line = record.line;
        item.state = cell(columns.state);
        item.type = cell(columns.type);
        item.title = cell(columns.title);
        for (std::size_t level = 0; level < columns.levels.size() && item.title.empty(); ++level) {
            item.title = cell(columns.levels[level]);
            item.depth = level;
        }
        for (std::size_t column : columns.ids) {
            if (std::string id = cell(column); !id.empty()) {
                item.ids.push_back(id);
            }
        }
        for (std::size_t column : columns.tags) {
            // Azure: `a; b`; Jira: one label per Labels column, or blanks between them.
            split_into(cell(column), jira ? " \t" : ";", item.tags);
        }
        std::size_t index = items.size();
        if (!columns.parent && !columns.levels.empty()) {
            if (item.depth > 0 && open_levels.size() >= item.depth) {
                item.parent = open_levels[item.depth - 1];
            }
            open_levels.resize(item.depth);
            open_levels.push_back(index);
        }
        for (const std::string& id : item.ids) {
            by_id.emplace(id, index);
        }
        parent_refs.push_back(cell(columns.parent));
        items.push_back(std::move(item));
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (auto found = by_id.find(parent_refs[i]); found != by_id.end() && found->second != i) {
            items[i].parent = found->second;
        }
    }
    return items;
}

} // namespace mbl::detail
