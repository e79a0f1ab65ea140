#include "cli/render_import.hpp"

#include "cli/command_support.hpp"
#include "cli/render_report.hpp"
#include "cli/render_report_json.hpp"
#include "cli/render_table.hpp"
#include "cli/render_text.hpp"
#include "mbl/raw_json.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

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

std::string row_details(const ImportedRow& row) {
    switch (row.action) {
    case RowAction::add:
        return count_noun(row.attribute_count, "attribute");
    case RowAction::update:
        return comma_list(row.fields);
    case RowAction::unchanged:
        return "";
    case RowAction::skip:
        break;
    }
    return row.reason;
}

// `rvtools`, `rvtools, recognised from the header`, then for a CSV `, read as ';'-separated
// UTF-8, decimal comma`.
std::string preset_note(const ImportSource& source) {
    std::string note =
        source.detected ? source.preset + ", recognised from the header" : source.preset;
    if (source.sheet.empty()) {
        note += ", read as " + describe_dialect(source.dialect);
    }
    return note;
}

// `servers.csv`, or `rvtools.xlsx, sheet vInfo`.
std::string source_name(const ImportSource& source) {
    return source.sheet.empty() ? source.file
                                : fmt::format("{}, sheet {}", source.file, source.sheet);
}

std::string header_line(const ImportSource& source, const std::string& counts) {
    if (source.dry_run) {
        return fmt::format("Dry run, nothing written: {} ({}) would {}", source_name(source),
                           preset_note(source), counts);
    }
    return fmt::format("Imported {} ({}): {}", source_name(source), preset_note(source), counts);
}

ReportJson source_json(const ImportSource& source) {
    ReportJson document;
    document["file"] = source.file;
    document["sheet"] = source.sheet.empty() ? ReportJson(nullptr) : ReportJson(source.sheet);
    document["preset"] = source.preset;
    document["preset_detected"] = source.detected;
    document["dry_run"] = source.dry_run;
    if (source.sheet.empty()) {
        document["read_as"] = {
            {"encoding", source.dialect.encoding},
            {"delimiter", std::string(1, source.dialect.delimiter)},
            {"decimal_mark", source.dialect.decimal == DecimalMark::comma ? "comma" : "point"}};
    } else {
        document["read_as"] = nullptr; // a workbook's cells are typed
    }
    return document;
}

ReportJson remarks_json(const std::vector<DependencyRemark>& remarks) {
    ReportJson list = ReportJson::array();
    for (const DependencyRemark& remark : remarks) {
        list.push_back({{"line", remark.line}, {"reason", remark.reason}});
    }
    return list;
}

ReportJson text_or_null(const std::string& text) {
    return text.empty() ? ReportJson(nullptr) : ReportJson(text);
}

// `destination server 10.10.9.20` or `source server 'CRM-WEB-09' (10.10.2.39)`.
std::string unknown_server_label(const UnknownServer& server) {
    if (server.name.empty()) {
        return fmt::format("{} server {}", server.side,
                           server.ip.empty() ? "(no name, no IP)" : server.ip);
    }
    return server.ip.empty()
               ? fmt::format("{} server '{}'", server.side, server.name)
               : fmt::format("{} server '{}' ({})", server.side, server.name, server.ip);
}

void render_unknown_servers(std::ostream& out, const std::vector<UnknownServer>& servers,
                            bool color) {
    if (servers.empty()) {
        return;
    }
    out << "\nUnknown servers (not assets of the backlog; nothing was added for them):\n";
    Table table;
    table.columns = {{"SERVER", "server"},
                     {"ROWS", "rows", ColumnKind::number},
                     {"FIRST LINE", "line", ColumnKind::number}};
    for (const UnknownServer& server : servers) {
        table.rows.push_back({{unknown_server_label(server)},
                              {std::to_string(server.rows)},
                              {std::to_string(server.line)}});
    }
    render_table(out, table, color);
}

} // namespace

void render_inventory_import(std::ostream& out, const ImportSource& source,
                             const InventoryReport& plan, bool color) {
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
    for (const ImportedRow& row : plan.rows) {
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
                                  const InventoryReport& plan) {
    ReportJson document = source_json(source);
    document["summary"] = {{"added", plan.count(RowAction::add)},
                           {"updated", plan.count(RowAction::update)},
                           {"unchanged", plan.count(RowAction::unchanged)},
                           {"skipped", plan.count(RowAction::skip)}};
    ReportJson added = ReportJson::array();
    ReportJson updated = ReportJson::array();
    ReportJson unchanged = ReportJson::array();
    ReportJson skipped = ReportJson::array();
    for (const ImportedRow& row : plan.rows) {
        switch (row.action) {
        case RowAction::add:
            added.push_back({{"line", row.line}, {"id", row.id}, {"name", row.asset_name}});
            break;
        case RowAction::update:
            updated.push_back({{"line", row.line},
                               {"id", row.id},
                               {"name", row.asset_name},
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
    std::size_t unknown_rows = 0;
    for (const UnknownServer& server : plan.unknown_servers) {
        unknown_rows += server.rows;
    }
    std::string counts = fmt::format(
        "{} {}, {} already present, {} rows matched by IP, {} duplicate rows, {} self-links "
        "dropped, {} unknown servers ({} rows), {} left out (cycle)",
        plan.added.size(), source.dry_run ? "to add" : "added", plan.already_present,
        plan.matched_by_ip, plan.duplicates, plan.self_links, plan.unknown_servers.size(),
        unknown_rows, plan.cycles.size());
    if (source.dry_run) {
        out << terminal_safe(fmt::format("Dry run, nothing written: {} ({}): {}",
                                         source_name(source), preset_note(source), counts))
            << '\n';
    } else {
        out << terminal_safe(header_line(source, counts)) << '\n';
    }
    if (!plan.added.empty()) {
        Table table;
        table.columns = {{"ASSET", "from"},
                         {"DEPENDS ON", "to"},
                         {"ROWS", "rows", ColumnKind::number},
                         {"LINE", "line", ColumnKind::number}};
        for (const PlannedDependency& dependency : plan.added) {
            table.rows.push_back({{dependency.from},
                                  {dependency.to},
                                  {std::to_string(dependency.rows)},
                                  {std::to_string(dependency.line)}});
        }
        out << '\n';
        render_table(out, table, color);
    }
    if (!plan.ports.empty()) {
        out << "\nPorts seen (attributes.dependency_ports):\n";
        for (const DependencyPortsUpdate& update : plan.ports) {
            out << terminal_safe(fmt::format("  {}: {}", update.asset, one_line(update.ports)))
                << '\n';
        }
    }
    render_unknown_servers(out, plan.unknown_servers, color);
    if (!plan.cycles.empty()) {
        out << "\nLeft out, would close a dependency cycle:\n";
        for (const DependencyRemark& remark : plan.cycles) {
            out << terminal_safe(fmt::format("  line {}: {}", remark.line, remark.reason)) << '\n';
        }
    }
}

void render_dependency_import_json(std::ostream& out, const ImportSource& source,
                                   const DependencyPlan& plan) {
    ReportJson document = source_json(source);
    document["summary"] = {
        {"added", plan.added.size()},          {"already_present", plan.already_present},
        {"duplicates", plan.duplicates},       {"self_links", plan.self_links},
        {"matched_by_ip", plan.matched_by_ip}, {"unknown_servers", plan.unknown_servers.size()},
        {"cycles", plan.cycles.size()},        {"ports_updated", plan.ports.size()}};
    ReportJson added = ReportJson::array();
    for (const PlannedDependency& dependency : plan.added) {
        added.push_back({{"line", dependency.line},
                         {"from", dependency.from},
                         {"to", dependency.to},
                         {"rows", dependency.rows}});
    }
    document["added"] = std::move(added);
    ReportJson ports = ReportJson::array();
    for (const DependencyPortsUpdate& update : plan.ports) {
        ports.push_back(
            {{"asset", update.asset}, {"dependency_ports", ReportJson::parse(update.ports.text)}});
    }
    document["ports"] = std::move(ports);
    ReportJson unknown = ReportJson::array();
    for (const UnknownServer& server : plan.unknown_servers) {
        unknown.push_back({{"side", server.side},
                           {"name", text_or_null(server.name)},
                           {"ip", text_or_null(server.ip)},
                           {"rows", server.rows},
                           {"line", server.line}});
    }
    document["unknown_servers"] = std::move(unknown);
    document["cycles"] = remarks_json(plan.cycles);
    print_report_json(out, document);
}

} // namespace mbl::cli
