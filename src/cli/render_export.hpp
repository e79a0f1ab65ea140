#pragma once
// The sheets of `export csv` (export.hpp) as tables for render_csv.

#include "cli/render_table.hpp"
#include "mbl/export.hpp"

namespace mbl::cli {

// The sheet as a table whose CSV header is the sheet's column names: numeric columns stay numbers
// (ColumnKind::number: a negative number keeps its `-`), every other cell is text, neutralised by
// render_csv when a spreadsheet would run it as a formula.
Table sheet_table(const Sheet& sheet);

} // namespace mbl::cli
