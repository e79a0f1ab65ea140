#include "cli/render_import.hpp"

#include "cli/command_support.hpp"
#include "cli/render_report.hpp"
#include "cli/render_report_json.hpp"
#include "cli/render_table.hpp"
#include "cli/render_text.hpp"

#include <fmt/format.h>

namespace mbl::cli {
namespace {

std::string_view action_word(RowAction action) {
    switch (action) {
    case RowAction::add:
        return "add";
    case RowAction::update:
        return "update";
    case RowAction::unchanged:
        return "unchanged";
    case RowAction::skip:
        break;
    }
    return "skip";
}

Tone action_tone(RowAction action) {
    return action == RowAction::skip ? Tone::attention : Tone::plain;
}

std::string row_details(const PlannedRow& row) {
    switch (row.action) {
    case RowAction::add:
        return count_noun(row.asset.attributes.size(), "attribute");
    case RowAction::update:
        return comma_list(row.fields);
    case RowAction::unchanged:
        return "";
    case RowAction::skip:
        break;
    }
    return row.reason;
}

std::string header_line(const ImportSource& source, const std::string& counts) {
    if (source.dry_run) {
        return fmt::format("Dry run, nothing written: {} ({}) would {}", source.file, source.preset,
                           counts);
    }
    return fmt::format("Imported {} ({}): {}", source.file, source.preset, counts);
}

ReportJson source_json(const ImportSource& source) {
    ReportJson document;
    document["file"] = source.file;
    document["preset"] = source.preset;
    document["dry_run"] = source.dry_run;
    return document;
}

ReportJson remarks_json(const std::vector<DependencyRemark>& remarks) {
    ReportJson list = ReportJson::array();
    for (const DependencyRemark& remark : remarks) {
        list.push_back({{"line", remark.line}, {"reason", remark.reason}});
    }
    return list;
}

void render_remarks(std::ostream& out, std::string_view title,
                    const std::vector<DependencyRemark>& remarks) {
    if (remarks.empty()) {
        return;
    }
    out << title << '\n';
    for (const DependencyRemark& remark : remarks) {
        out << terminal_safe(fmt::format("  line {}: {}", remark.line, remark.reason)) << '\n';
    }
}

} // namespace

void render_inventory_import(std::ostream& out, const ImportSource& source,
                             const InventoryPlan& plan, bool color) {
    std::string counts =
        source.dry_run ? fmt::format("add {}, update {}, skip {} ({} unchanged)",
                                     plan.count(RowAction::add), plan.count(RowAction::update),
                                     plan.count(RowAction::skip), plan.count(RowAction::unchanged))
                       : fmt::format("{} added, {} updated, {} unchanged, {} skipped",
                                     plan.count(RowAction::add), plan.count(RowAction::update),
                                     plan.count(RowAction::unchanged), plan.count(RowAction::skip));
    out << terminal_safe(header_line(source, counts)) << '\n';

    Table table;
    table.columns = {{"ACTION", "action"},
                     {"LINE", "line", ColumnKind::number},
                     {"ID", "id"},
                     {"NAME", "name"},
                     {"DETAILS", "details"}};
    for (const PlannedRow& row : plan.rows) {
        if (row.action == RowAction::unchanged) {
            continue;
        }
        table.rows.push_back({{std::string(action_word(row.action)), action_tone(row.action)},
                              {std::to_string(row.line)},
                              {row.id.empty() ? "-" : row.id},
                              {row.name.empty() ? "-" : row.name},
                              {row_details(row)}});
    }
    if (!table.rows.empty()) {
        out << '\n';
        render_table(out, table, color);
    }
    if (!plan.ignored_columns.empty()) {
        out << '\n'
            << terminal_safe("Columns not imported: " + comma_list(plan.ignored_columns)) << '\n';
    }
}

void render_inventory_import_json(std::ostream& out, const ImportSource& source,
                                  const InventoryPlan& plan) {
    ReportJson document = source_json(source);
    document["summary"] = {{"added", plan.count(RowAction::add)},
                           {"updated", plan.count(RowAction::update)},
                           {"unchanged", plan.count(RowAction::unchanged)},
                           {"skipped", plan.count(RowAction::skip)}};
    ReportJson added = ReportJson::array();
    ReportJson updated = ReportJson::array();
    ReportJson unchanged = ReportJson::array();
    ReportJson skipped = ReportJson::array();
    for (const PlannedRow& row : plan.rows) {
        switch (row.action) {
        case RowAction::add:
            added.push_back({{"line", row.line}, {"id", row.id}, {"name", row.asset.name}});
            break;
        case RowAction::update:
            updated.push_back({{"line", row.line},
                               {"id", row.id},
                               {"name", row.asset.name},
                               {"fields", row.fields}});
            break;
        case RowAction::unchanged:
            unchanged.push_back({{"line", row.line}, {"id", row.id}});
            break;
        case RowAction::skip:
            skipped.push_back({{"line", row.line},
                               {"id", row.id.empty() ? ReportJson(nullptr) : ReportJson(row.id)},
                               {"name", row.name},
                               {"reason", row.reason}});
            break;
        }
    }
    document["added"] = std::move(added);
    document["updated"] = std::move(updated);
    document["unchanged"] = std::move(unchanged);
    document["skipped"] = std::move(skipped);
    document["ignored_columns"] = plan.ignored_columns;
    print_report_json(out, document);
}

void render_dependency_import(std::ostream& out, const ImportSource& source,
                              const DependencyPlan& plan, bool color) {
    std::string counts = fmt::format(
        "{} {}, {} already present, {} duplicate rows, {} self-links dropped, {} "
        "unknown servers, {} left out (cycle)",
        plan.added.size(), source.dry_run ? "to add" : "added", plan.already_present,
        plan.duplicates, plan.self_links, plan.unknown_servers.size(), plan.cycles.size());
    if (source.dry_run) {
        out << terminal_safe(fmt::format("Dry run, nothing written: {} ({}): {}", source.file,
                                         source.preset, counts))
            << '\n';
    } else {
        out << terminal_safe(header_line(source, counts)) << '\n';
    }
    if (!plan.added.empty()) {
        Table table;
        table.columns = {
            {"ASSET", "from"}, {"DEPENDS ON", "to"}, {"LINE", "line", ColumnKind::number}};
        for (const PlannedDependency& dependency : plan.added) {
            table.rows.push_back(
                {{dependency.from}, {dependency.to}, {std::to_string(dependency.line)}});
        }
        out << '\n';
        render_table(out, table, color);
    }
    if (!plan.unknown_servers.empty() || !plan.cycles.empty()) {
        out << '\n';
    }
    render_remarks(out, "Unknown servers (not added to the backlog):", plan.unknown_servers);
    render_remarks(out, "Left out, would close a dependency cycle:", plan.cycles);
}

void render_dependency_import_json(std::ostream& out, const ImportSource& source,
                                   const DependencyPlan& plan) {
    ReportJson document = source_json(source);
    document["summary"] = {{"added", plan.added.size()},
                           {"already_present", plan.already_present},
                           {"duplicates", plan.duplicates},
                           {"self_links", plan.self_links},
                           {"unknown_servers", plan.unknown_servers.size()},
                           {"cycles", plan.cycles.size()}};
    ReportJson added = ReportJson::array();
    for (const PlannedDependency& dependency : plan.added) {
        added.push_back(
            {{"line", dependency.line}, {"from", dependency.from}, {"to", dependency.to}});
    }
    document["added"] = std::move(added);
    document["unknown_servers"] = remarks_json(plan.unknown_servers);
    document["cycles"] = remarks_json(plan.cycles);
    print_report_json(out, document);
}

} // namespace mbl::cli
