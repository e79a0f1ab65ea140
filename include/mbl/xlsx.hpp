#pragma once
// Excel workbooks (.xlsx, Office Open XML SpreadsheetML) read as the table a CSV export gives
// (import.hpp's CsvTable), so the presets and the import plans work on them unchanged. Pure
// functions of the file's bytes: reading the file is the store's job (read_input_file).

#include "mbl/import.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mbl {

// How far a workbook may go before it is refused as hostile (a zip bomb, a huge shared-string
// table, a sheet that would fill memory). The defaults hold any export Excel can write of up to
// 16 million cells.
struct XlsxLimits {
    // One part (a sheet, the shared strings, styles …) once inflated, declared or actual.
    std::uint64_t max_part_bytes = 256ull << 20;
    // Inflated over compressed size of a part, checked past its first MiB (real sheets: 5 to 30).
    std::uint64_t max_compression_ratio = 200;
    std::uint64_t max_shared_strings = 4'000'000;         // entries of sharedStrings.xml
    std::uint64_t max_shared_string_bytes = 128ull << 20; // their text, in all
    std::uint64_t max_cells = 16'000'000;                 // rows × header columns of the table
    std::uint64_t max_text_bytes = 512ull << 20;          // the table's cell text, in all
};

// What the first bytes of an input file say it is.
enum class InputKind {
    csv,        // anything else: text
    xlsx,       // a zip archive (`PK\3\4`): read as a workbook whatever the file's extension
    ole_binary, // an OLE compound file (D0 CF 11 E0): an old .xls, or an encrypted workbook
};
InputKind sniff_input_kind(std::string_view bytes);

// The names of the workbook's sheets, in the workbook's order. Refuses like read_xlsx_sheet.
std::vector<std::string> xlsx_sheet_names(std::string_view bytes, std::string_view label,
                                          const XlsxLimits& limits = {});

// The sheet an export of `preset` keeps its rows on: `vInfo` for `rvtools`,
// `All_Assessed_Machines` for `azure-migrate-assessment`; nullopt for other presets (and "").
std::optional<std::string_view> preset_sheet(std::string_view preset);

// Which sheet of `sheets` to read: `requested` (--sheet) if given; else the sheet `preset` names
// (preset_sheet); else the first sheet with a name some preset names; else the first sheet.
// Names match exactly, else ignoring ASCII case (as Excel does). Error(input) `<label>: no sheet
// 'X'; the workbook's sheets: …; choose one with --sheet NAME` when the requested or the preset's
// sheet is not there, and for a workbook without sheets.
std::string choose_sheet(const std::vector<std::string>& sheets,
                         const std::optional<std::string>& requested, std::string_view preset,
                         std::string_view label);

// The sheet named `sheet` (as listed by xlsx_sheet_names) as a CsvTable: the header is its first
// row with a value, `header_line` and each record's `line` are spreadsheet row numbers, rows
// without a value are left out, and every record has the header's width (gaps and missing trailing
// cells are empty). Cells become the text Excel shows, unformatted: shared and inline strings
// (rich text runs joined, phonetic runs left out, Excel's `_x000D_` escapes decoded); numbers in
// their shortest form (`12288`, `1024.5`: no thousands separators whatever the cell's format);
// booleans `True`/`False` (as RVTools writes them in CSV); error cells as their text (`#N/A`);
// formulas by their cached value; numbers in a date-formatted cell (styles.xml: built-in formats
// 14-22, 45-47, or a custom one with d, y, h or s) as `YYYY-MM-DD`, with ` HH:MM:SS` when the
// format shows a time and the value has one (1900 date system, or 1904 when workbook.xml says so).
// Refuses with Error(input) naming the part (`<label>: xl/worksheets/sheet1.xml: …`) or the cell
// (`<label>: vInfo!C12: …`) and what to do: not a zip archive or a damaged one, an encrypted
// entry, a missing part, a relationship target outside the archive, a part over
// `limits.max_part_bytes` or `max_compression_ratio` (declared or while inflating), malformed XML
// or XML with a DOCTYPE (no entity declarations are ever read), shared strings over their limits,
// a shared-string index out of range, a number cell that is not a number, cells or rows out of
// order, a header cell left empty between named ones, a value right of the header's last column,
// a table over `max_cells` or `max_text_bytes`, and a sheet with no value at all.
// (read_table over open_xlsx_sheet.)
CsvTable read_xlsx_sheet(std::string_view bytes, std::string_view sheet, std::string_view label,
                         const XlsxLimits& limits = {});

// The same sheet read a record at a time (`bytes` must outlive the reader): the workbook's
// relationships, shared strings and styles and the sheet's header row are read (and refused as
// read_xlsx_sheet refuses them) before this returns; each later row when `next` reaches it, the
// sheet's XML inflated and parsed a piece at a time.
std::unique_ptr<TableReader> open_xlsx_sheet(std::string_view bytes, std::string_view sheet,
                                             std::string_view label, const XlsxLimits& limits = {});

} // namespace mbl
