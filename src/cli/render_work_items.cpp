#include "cli/render_work_items.hpp"

#include "cli/render_report.hpp"
#include "cli/render_report_json.hpp"
#include "cli/render_table.hpp"
#include "cli/render_text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace mbl::cli {
namespace {

std::string_view action_word(WorkItemAction action) {
    switch (action) {
    case WorkItemAction::update:
        return "update";
    case WorkItemAction::unchanged:
        return "unchanged";
    case WorkItemAction::kept:
        return "kept";
    case WorkItemAction::conflict:
        return "conflict";
    case WorkItemAction::unmatched:
        return "unmatched";
    case WorkItemAction::unknown:
        return "unknown";
    case WorkItemAction::ignored:
        break;
    }
    return "ignored";
}

bool listed(WorkItemAction action) {
    return action == WorkItemAction::update || action == WorkItemAction::conflict ||
           action == WorkItemAction::unmatched || action == WorkItemAction::unknown;
}

// `status`, or `task 2 done`.
std::string field_label(const WorkItemRow& row) {
    return row.task ? fmt::format("task {} {}", *row.task, row.field) : row.field;
}

std::string change_text(const WorkItemRow& row) {
    if (row.action == WorkItemAction::update) {
        return fmt::format("{}: {} -> {}", field_label(row), row.from, row.to);
    }
    if (row.action == WorkItemAction::conflict) {
        return fmt::format("{}: {}", field_label(row), row.reason);
    }
    return row.reason;
}

std::string dash_if_empty(const std::string& text) {
    return text.empty() ? "-" : text;
}

ReportJson text_or_null(const std::string& text) {
    return text.empty() ? ReportJson(nullptr) : ReportJson(text);
}

// A value of `row.field`: a status as text, a task's done flag as a boolean.
ReportJson value_json(const WorkItemRow& row, const std::string& value) {
    if (value.empty()) {
        return nullptr;
    }
    return row.field == "done" ? ReportJson(value == "true") : ReportJson(value);
}

} // namespace

void render_work_item_import(std::ostream& out, const WorkItemSource& source,
                             const WorkItemPlan& plan, bool color) {
    auto n = [&](WorkItemAction action) { return plan.count(action); };
    // How the file was read, without the decimal mark: this import reads no numbers.
    std::string dialect = describe_dialect(source.dialect);
    dialect = dialect.substr(0, dialect.find(", decimal"));
    std::string read_as = fmt::format("{}, read as {}", to_string(plan.tool), dialect);
    std::string others = fmt::format(
        "{} unchanged, {} kept, {} {}, {} unmatched, {} unknown, {} ignored",
        n(WorkItemAction::unchanged), n(WorkItemAction::kept), n(WorkItemAction::conflict),
        n(WorkItemAction::conflict) == 1 ? "conflict" : "conflicts", n(WorkItemAction::unmatched),
        n(WorkItemAction::unknown), n(WorkItemAction::ignored));
    if (source.dry_run) {
        out << terminal_safe(fmt::format("Dry run, nothing written: {} ({}) would update {}; {}",
                                         source.file, read_as, n(WorkItemAction::update), others))
            << '\n';
    } else {
        out << terminal_safe(fmt::format("Imported {} ({}): {} updated, {}", source.file, read_as,
                                         n(WorkItemAction::update), others))
            << '\n';
    }

    Table table;
    table.columns = {{"ACTION", "action"}, {"LINE", "line", ColumnKind::number},
                     {"ITEM", "item"},     {"TITLE", "title"},
                     {"ASSET", "asset"},   {"CHANGE", "change"}};
    for (const WorkItemRow& row : plan.rows) {
        if (!listed(row.action)) {
            continue;
        }
        Tone tone = row.action == WorkItemAction::update ? Tone::plain : Tone::attention;
        table.rows.push_back({{std::string(action_word(row.action)), tone},
                              {std::to_string(row.line)},
                              {dash_if_empty(row.item)},
                              {dash_if_empty(row.title)},
                              {dash_if_empty(row.asset)},
                              {change_text(row)}});
    }
    if (!table.rows.empty()) {
        out << '\n';
        render_table(out, table, color);
    }
    if (n(WorkItemAction::conflict) > 0) {
        out << "\nConflicts are left as they are in the backlog: decide each one, then set it "
               "with 'mbl asset set' or 'mbl asset task done', or in the tool.\n";
    }
}

void render_work_item_import_json(std::ostream& out, const WorkItemSource& source,
                                  const WorkItemPlan& plan) {
    ReportJson document;
    document["file"] = source.file;
    document["tool"] = std::string(to_string(plan.tool));
    document["dry_run"] = source.dry_run;
    document["read_as"] = {{"encoding", source.dialect.encoding},
                           {"delimiter", std::string(1, source.dialect.delimiter)}};
    document["summary"] = {{"updated", plan.count(WorkItemAction::update)},
                           {"unchanged", plan.count(WorkItemAction::unchanged)},
                           {"kept", plan.count(WorkItemAction::kept)},
                           {"conflicts", plan.count(WorkItemAction::conflict)},
                           {"unmatched", plan.count(WorkItemAction::unmatched)},
                           {"unknown", plan.count(WorkItemAction::unknown)},
                           {"ignored", plan.count(WorkItemAction::ignored)}};
    ReportJson rows = ReportJson::array();
    for (const WorkItemRow& row : plan.rows) {
        rows.push_back({{"line", row.line},
                        {"item", text_or_null(row.item)},
                        {"title", row.title},
                        {"state", row.state},
                        {"action", action_word(row.action)},
                        {"asset", text_or_null(row.asset)},
                        {"task", row.task ? ReportJson(*row.task) : ReportJson(nullptr)},
                        {"field", text_or_null(row.field)},
                        {"from", value_json(row, row.from)},
                        {"to", value_json(row, row.to)},
                        {"reason", text_or_null(row.reason)}});
    }
    document["rows"] = std::move(rows);
    print_report_json(out, document);
}

} // namespace mbl::cli
