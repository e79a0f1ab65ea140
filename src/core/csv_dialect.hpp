#pragma once
// Which delimiter a CSV file uses. Private to the core library (csv_read.cpp).

#include <cstddef>
#include <optional>
#include <string_view>

namespace mbl::import_detail {

struct DelimiterChoice {
    char delimiter = ',';
    bool forced = false;           // `forced` given, or a `sep=` line
    std::size_t skipped_bytes = 0; // the `sep=C` line, which is not part of the CSV
    std::size_t skipped_lines = 0;
};

// The delimiter of the UTF-8 `text`: `forced` when given; else a first line `sep=C` (then skipped);
// else the most frequent of `,` `;` and tab outside quotes on the first non-blank line, `,` when
// none occurs. Error(input) `<label>:<line>: …` when two of them occur equally often there, and
// Error(usage) when `forced` is a quote or a line break.
DelimiterChoice choose_delimiter(std::string_view text, std::optional<char> forced,
                                 std::string_view label, std::string_view encoding);

} // namespace mbl::import_detail
