#pragma once
// Computed numbers (sums of estimates, remaining work, averages, percentages) as every view
// shows them: rounded once, to at most two decimals, so a table, the Markdown and HTML reports,
// the JSON and the CSV all say `8.67`, never `8.670000000000002` beside `8.7`. Values copied
// from the file (an asset's own `estimate`) keep their spelling (format_number in save.hpp).

#include <string>

namespace mbl {

// `value` rounded half away from zero to two decimals; -0 and values that round to 0 give 0.
double round_figure(double value);

// round_figure(value) written with at most two decimals, trailing zeros trimmed: `12`, `8.67`,
// `0.3`, `-3.5`, `0`.
std::string format_figure(double value);

} // namespace mbl
