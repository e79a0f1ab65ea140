#pragma once
// Terminal charts for the reports (velocity, status, burndown): bars, sparklines and a burndown
// chart. Each draws in Unicode block characters when `unicode` is true and in plain ASCII
// otherwise; the caller decides with use_unicode_charts (options.hpp). Every label from the file
// goes through terminal_safe here.

#include "cli/options.hpp"

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace mbl::cli {

// A horizontal bar `value / maximum × width` cells long (rounded to the nearest cell; in Unicode
// to the nearest eighth of a cell with the partial blocks `▏` … `▉`), never longer than `width`.
// Empty when `value` or `maximum` is not above 0. ASCII: `#` per cell. No trailing spaces.
std::string horizontal_bar(double value, double maximum, std::size_t width, bool unicode);

struct BarChartRow {
    std::string label;
    double value = 0;
};

// One line per row: the label (left-aligned, padded to the longest), the value (right-aligned,
// as the file spells numbers), then a bar scaled so the largest value fills `width` cells.
void render_bar_chart(std::ostream& out, const std::vector<BarChartRow>& rows, std::size_t width,
                      bool unicode);

// One cell per value, its height the value's share of `maximum` in eight levels: Unicode
// `▁▂▃▄▅▆▇█`, ASCII `_.-:=+*#`. Values at or below 0 take the lowest level, values at or above
// `maximum` the highest; a `maximum` not above 0 puts every cell at the lowest level.
std::string sparkline(const std::vector<double>& values, double maximum, bool unicode);

struct BurndownChartDay {
    std::string label;               // under the column: the day of the month, say `16`
    std::optional<double> remaining; // none: not known yet (a day after today)
    double ideal = 0;
    std::optional<double> scope; // the total scope that day; none: not drawn
};

// The burndown chart: `height` rows for the remaining estimate from 0 to `maximum` (the top row
// labelled with `maximum`, the bottom one with 0), one column per day. The remaining estimate is
// a bar (Unicode `█` with an eighth-block top, ASCII `#`); the ideal line is a dot in its row
// (Unicode `·`, ASCII `.`), drawn as `▒` / `*` where it falls inside the bar (behind the ideal);
// the total scope, when given, is a line (Unicode `─`, ASCII `-`) in its row where nothing else
// is drawn, so work added mid-iteration shows as a step up.
// Then an axis, the day labels (as many as fit without touching) and a legend. No line has
// trailing spaces. Draws nothing but the legend for no days; a `maximum` not above 0 is taken
// as 1.
void render_burndown_chart(std::ostream& out, const std::vector<BurndownChartDay>& days,
                           double maximum, std::size_t height, bool unicode);

} // namespace mbl::cli
