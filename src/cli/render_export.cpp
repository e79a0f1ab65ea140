#include "cli/render_export.hpp"

namespace mbl::cli {

Table sheet_table(const Sheet& sheet) {
    Table table;
    for (const SheetColumn& column : sheet.columns) {
        ColumnKind text = sheet.for_spreadsheet ? ColumnKind::text : ColumnKind::verbatim;
        table.columns.push_back(
            {column.name, column.name, column.numeric ? ColumnKind::number : text});
    }
    for (const auto& row : sheet.rows) {
        std::vector<Cell> cells;
        cells.reserve(row.size());
        for (const std::string& text : row) {
            cells.push_back({text});
        }
        table.rows.push_back(std::move(cells));
    }
    return table;
}

} // namespace mbl::cli
