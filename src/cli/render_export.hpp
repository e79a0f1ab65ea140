#pragma once
// The sheets of `export csv` (export.hpp) as tables for render_csv.

#include "cli/render_table.hpp"
#include "mbl/export.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace mbl::cli {

// Writes a sheet to `out` as CSV while it is built, a row at a time, exactly as render_csv writes
// sheet_table's table: the header of the column names, then each row, numeric columns kept
// numbers, every other cell neutralised when a spreadsheet would run it as a formula
// (`for_spreadsheet`), or written unchanged for an agile tool's importer (see sheet_table).
class CsvSheetWriter final : public SheetSink {
  public:
    explicit CsvSheetWriter(std::ostream& out, bool for_spreadsheet = true)
        : out_(out), text_(for_spreadsheet ? ColumnKind::text : ColumnKind::verbatim) {}
    void columns(const std::vector<SheetColumn>& columns) override;
    void row(std::vector<std::string> cells) override;

  private:
    std::ostream& out_;
    ColumnKind text_;
    std::vector<ColumnKind> kinds_;
    std::string line_; // the row being written, its memory reused from row to row
};

// The sheet as a table whose CSV header is the sheet's column names: numeric columns stay numbers
// (ColumnKind::number: a negative number keeps its `-`), every other cell is text: in a sheet
// for a spreadsheet neutralised by render_csv when a spreadsheet would run it as a formula
// (ColumnKind::text), in a sheet for an agile tool's importer written unchanged
// (ColumnKind::verbatim), so that titles arrive as written.
Table sheet_table(const Sheet& sheet);

} // namespace mbl::cli
