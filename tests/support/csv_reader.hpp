#pragma once
// A strict RFC 4180 reader for the tests that parse mbl's CSV back: the tests must read the
// output as a spreadsheet or an importer would, not grep it. Written here (a few dozen lines)
// rather than run Python's csv module, so the tests need nothing beyond the C++ toolchain.

#include <string>
#include <string_view>
#include <vector>

namespace mbl::test {

using CsvRecord = std::vector<std::string>;

// The records of `text`: fields separated by `,`, records ended by LF or CRLF (the last one
// may lack it). A field that starts with `"` is quoted: `""` inside is one quote, and commas and
// line breaks are data. Throws std::runtime_error naming the record (1-based) for a quote inside
// an unquoted field, text after a closing quote, or a quoted field left open.
std::vector<CsvRecord> parse_csv(std::string_view text);

// The CSV as a header and its rows, every row checked to have as many fields as the header
// (std::runtime_error otherwise).
struct CsvTable {
    CsvRecord header;
    std::vector<CsvRecord> rows;

    // The index of the `occurrence`-th (0-based) column named `name`; throws when absent.
    std::size_t column(std::string_view name, std::size_t occurrence = 0) const;
    // The cell of `row` in column `name`.
    const std::string& at(std::size_t row, std::string_view name) const;
};
CsvTable parse_csv_table(std::string_view text);

} // namespace mbl::test
