#include "cli/render_wbs.hpp"

#include "cli/render_markdown.hpp"
#include "cli/render_number.hpp"
#include "mbl/enums.hpp"
#include "mbl/save.hpp"

#include <array>
#include <functional>
#include <nlohmann/json.hpp>
#include <vector>

namespace mbl::cli {
namespace {

constexpr std::array<std::string_view, 4> level_names{"migration", "workload", "asset", "task"};

std::string status_of(const WbsItem& item) {
    switch (item.level) {
    case WbsLevel::workload:
        return item.workload ? std::string(to_string(item.workload->stage)) : "";
    case WbsLevel::asset:
        return std::string(to_string(item.asset->status));
    case WbsLevel::task:
        return item.task->done ? "done" : "open";
    default:
        return "";
    }
}

std::string id_of(const WbsItem& item) {
    if (item.level == WbsLevel::workload && item.workload) {
        return item.workload->id;
    }
    if (item.level == WbsLevel::asset) {
        return item.asset->id;
    }
    return "";
}

std::string date_text(const std::optional<Date>& date) {
    return date ? date->to_string() : "";
}

// The cells of `item`'s row of wbs_table.
std::vector<Cell> item_cells(const WbsItem& item) {
    return {{item.number},
            {std::string(level_names[static_cast<std::size_t>(item.level)])},
            {id_of(item)},
            {item.name},
            {status_of(item)},
            {item.estimate ? rounded_number(*item.estimate) : ""},
            {item.level == WbsLevel::task ? "" : std::to_string(item.unestimated)},
            {item.iteration.value_or("")},
            {date_text(item.start)},
            {date_text(item.finish)}};
}

// Calls `visit` with `item`, then with every item beneath it, depth first.
void for_each_item(const WbsItem& item, const std::function<void(const WbsItem&)>& visit) {
    visit(item);
    for (const WbsItem& child : item.children) {
        for_each_item(child, visit);
    }
}

std::vector<Column> wbs_columns() {
    return {{"WBS", "wbs"},
            {"LEVEL", "level"},
            {"ID", "id"},
            {"NAME", "name"},
            {"STATUS", "status"},
            {"ESTIMATE", "estimate", ColumnKind::number},
            {"UNESTIMATED", "unestimated", ColumnKind::number},
            {"ITERATION", "iteration"},
            {"START", "start"},
            {"FINISH", "finish"}};
}

// The keys every level shares, after the level's own.
void add_common(ReportJson& entry, const WbsItem& item) {
    entry["estimate"] = number_or_null(item.estimate);
    if (item.level != WbsLevel::task) {
        entry["unestimated"] = item.unestimated;
    }
    if (item.level == WbsLevel::asset || item.level == WbsLevel::task) {
        entry["iteration"] = item.iteration ? ReportJson(*item.iteration) : nullptr;
    }
    entry["start"] = date_or_null(item.start);
    entry["finish"] = date_or_null(item.finish);
}

ReportJson task_json(const WbsItem& item) {
    ReportJson entry;
    entry["wbs"] = item.number;
    entry["title"] = item.task->title;
    add_common(entry, item);
    entry["done"] = item.task->done;
    return entry;
}

ReportJson asset_json(const WbsItem& item) {
    ReportJson entry;
    entry["wbs"] = item.number;
    entry["id"] = item.asset->id;
    entry["name"] = item.name;
    entry["strategy"] = to_string(item.asset->strategy);
    entry["status"] = to_string(item.asset->status);
    add_common(entry, item);
    ReportJson tasks = ReportJson::array();
    for (const WbsItem& task : item.children) {
        tasks.push_back(task_json(task));
    }
    entry["tasks"] = std::move(tasks);
    return entry;
}

ReportJson workload_json(const WbsItem& item) {
    ReportJson entry;
    entry["wbs"] = item.number;
    entry["id"] = item.workload ? ReportJson(item.workload->id) : nullptr;
    entry["name"] = item.name;
    entry["stage"] = item.workload ? ReportJson(to_string(item.workload->stage)) : nullptr;
    add_common(entry, item);
    ReportJson assets = ReportJson::array();
    for (const WbsItem& asset : item.children) {
        assets.push_back(asset_json(asset));
    }
    entry["assets"] = std::move(assets);
    return entry;
}

} // namespace

Table wbs_table(const WbsItem& migration) {
    Table table;
    table.columns = wbs_columns();
    for_each_item(migration, [&](const WbsItem& item) { table.rows.push_back(item_cells(item)); });
    return table;
}

namespace {

// Writes wbs_table's CSV header, then, for each item `for_each_item` gives, its row.
void write_wbs_csv(
    std::ostream& out,
    const std::function<void(const std::function<void(const WbsItem&)>&)>& for_each_item) {
    std::vector<Column> columns = wbs_columns();
    std::string line; // each line made whole, then written at once
    auto print_line = [&](auto&& field_at) {
        line.clear();
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (c > 0) {
                line += ',';
            }
            field_at(c);
        }
        line += '\n';
        out.write(line.data(), static_cast<std::streamsize>(line.size()));
    };
    print_line([&](std::size_t c) { append_csv_field(line, columns[c].key, ColumnKind::text); });
    for_each_item([&](const WbsItem& item) {
        std::vector<Cell> cells = item_cells(item);
        print_line([&](std::size_t c) { append_csv_field(line, cells[c].text, columns[c].kind); });
    });
}

} // namespace

void render_wbs_csv(std::ostream& out, const WbsItem& migration) {
    write_wbs_csv(out, [&](const std::function<void(const WbsItem&)>& visit) {
        for_each_item(migration, visit);
    });
}

void render_wbs_csv(std::ostream& out, const Backlog& backlog) {
    write_wbs_csv(out, [&](const std::function<void(const WbsItem&)>& visit) {
        for_each_wbs_item(backlog, visit);
    });
}

void render_wbs_markdown(std::ostream& out, const Backlog& backlog, const WbsItem& migration) {
    out << "# Work breakdown structure: " << markdown_escape(migration.name) << "\n\n"
        << "Estimates in " << to_string(backlog.settings.estimate_unit)
        << ", rolled up at every level (UNESTIMATED: assets to migrate without an estimate). "
           "Dates: the iteration each asset is completed in or committed to.\n\n";
    render_markdown_table(out, wbs_table(migration));
}

ReportJson wbs_json(const Backlog& backlog, const WbsItem& migration) {
    ReportJson document;
    document["wbs"] = migration.number;
    document["name"] = migration.name;
    document["unit"] = to_string(backlog.settings.estimate_unit);
    add_common(document, migration);
    ReportJson workloads = ReportJson::array();
    for (const WbsItem& workload : migration.children) {
        workloads.push_back(workload_json(workload));
    }
    document["workloads"] = std::move(workloads);
    return document;
}

} // namespace mbl::cli
