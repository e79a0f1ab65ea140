#pragma once
// The sheets of `export csv` (export.hpp) as tables for render_csv.

#include "cli/render_table.hpp"
#include "mbl/export.hpp"

namespace mbl::cli {

// The sheet as a table whose CSV header is the sheet's column names: numeric columns stay numbers
// (ColumnKind::number: a negative number keeps its `-`), every other cell is text: in a sheet
// for a spreadsheet neutralised by render_csv when a spreadsheet would run it as a formula
// (ColumnKind::text), in a sheet for an agile tool's importer written unchanged
// (ColumnKind::verbatim), so that titles arrive as written.
Table sheet_table(const Sheet& sheet);

} // namespace mbl::cli
