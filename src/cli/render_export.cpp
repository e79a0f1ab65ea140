#include "cli/render_export.hpp"

namespace mbl::cli {

void CsvSheetWriter::columns(const std::vector<SheetColumn>& columns) {
    kinds_.clear();
    for (std::size_t c = 0; c < columns.size(); ++c) {
        out_ << (c > 0 ? "," : "") << csv_field(columns[c].name, ColumnKind::text);
        kinds_.push_back(columns[c].numeric ? ColumnKind::number : text_);
    }
    out_ << '\n';
}

void CsvSheetWriter::row(std::vector<std::string> cells) {
    line_.clear(); // the line is made whole, then written at once
    for (std::size_t c = 0; c < kinds_.size(); ++c) {
        if (c > 0) {
            line_ += ',';
        }
        if (c < cells.size()) {
            append_csv_field(line_, cells[c], kinds_[c]);
        }
    }
    line_ += '\n';
    out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
}

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
