#include "cli/render_chart.hpp"

#include "cli/render_number.hpp"
#include "cli/render_text.hpp"
#include "mbl/save.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace mbl::cli {
namespace {

// Bottom-up eighths of a cell: index 1..8 (index 0 is unused).
constexpr std::array<std::string_view, 9> lower_eighths{"", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
// Left-to-right eighths of a cell: index 1..8.
constexpr std::array<std::string_view, 9> left_eighths{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"};
constexpr std::array<std::string_view, 8> ascii_levels{"_", ".", "-", ":", "=", "+", "*", "#"};

std::string repeated(std::string_view piece, std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
        out += piece;
    }
    return out;
}

std::string without_trailing_spaces(std::string line) {
    line.erase(line.find_last_not_of(' ') + 1);
    return line;
}

std::string padded_left(const std::string& text, std::size_t width) {
    std::size_t shown = display_width(text);
    return std::string(width > shown ? width - shown : 0, ' ') + text;
}

// How many eighths of the cell in row `row` (0 at the bottom, each `step` high) a bar of
// `value` fills: 0 to 8.
int filled_eighths(double value, std::size_t row, double step) {
    double eighths = std::round((value - static_cast<double>(row) * step) / step * 8);
    return static_cast<int>(std::clamp(eighths, 0.0, 8.0));
}

// The row (0 at the bottom) whose band holds `value` (a band includes its top edge, as the top
// cell of a bar of that height does; 0 is in the bottom row).
std::size_t row_of(double value, double step, std::size_t height) {
    double row = std::ceil(value / step) - 1;
    return static_cast<std::size_t>(std::clamp(row, 0.0, static_cast<double>(height - 1)));
}

// The glyph of one chart cell of day `day` in row `row`.
std::string_view burndown_cell(const BurndownChartDay& day, std::size_t row, double step,
                               std::size_t height, bool unicode) {
    int fill = day.remaining ? filled_eighths(*day.remaining, row, step) : 0;
    if (row == row_of(day.ideal, step, height)) {
        bool behind = day.remaining && *day.remaining >= day.ideal && fill > 0;
        if (behind) {
            return unicode ? "▒" : "*";
        }
        return unicode ? "·" : ".";
    }
    bool scope_here = day.scope && row == row_of(*day.scope, step, height);
    if (unicode) {
        return fill == 0 ? (scope_here ? "─" : " ") : lower_eighths[static_cast<std::size_t>(fill)];
    }
    return fill >= 4 ? "#" : scope_here ? "-" : " ";
}

// The day labels under the columns, each at its column's start when it does not touch the
// previous one.
std::string day_labels(const std::vector<BurndownChartDay>& days, std::size_t column_width) {
    std::string line;
    std::size_t used = 0; // display columns written so far
    for (std::size_t i = 0; i < days.size(); ++i) {
        std::size_t at = i * column_width;
        std::string label = terminal_safe(days[i].label);
        if (at < used + (i == 0 ? 0 : 1)) {
            continue;
        }
        line += std::string(at - used, ' ') + label;
        used = at + display_width(label);
    }
    return line;
}

} // namespace

std::string horizontal_bar(double value, double maximum, std::size_t width, bool unicode) {
    if (!(value > 0) || !(maximum > 0)) {
        return "";
    }
    double share = std::min(value / maximum, 1.0);
    if (!unicode) {
        return std::string(static_cast<std::size_t>(std::round(share * static_cast<double>(width))),
                           '#');
    }
    auto eighths = static_cast<std::size_t>(std::round(share * static_cast<double>(width) * 8));
    return repeated(left_eighths[8], eighths / 8) + std::string(left_eighths[eighths % 8]);
}

void render_bar_chart(std::ostream& out, const std::vector<BarChartRow>& rows, std::size_t width,
                      bool unicode) {
    std::size_t label_width = 0;
    std::size_t value_width = 0;
    double maximum = 0;
    for (const BarChartRow& row : rows) {
        label_width = std::max(label_width, display_width(terminal_safe(row.label)));
        value_width = std::max(value_width, rounded_number(row.value).size());
        maximum = std::max(maximum, row.value);
    }
    for (const BarChartRow& row : rows) {
        std::string label = terminal_safe(row.label);
        std::string line = label + std::string(label_width - display_width(label), ' ') + "  " +
                           padded_left(rounded_number(row.value), value_width) + "  " +
                           horizontal_bar(row.value, maximum, width, unicode);
        out << without_trailing_spaces(line) << '\n';
    }
}

std::string sparkline(const std::vector<double>& values, double maximum, bool unicode) {
    std::string out;
    for (double value : values) {
        double share = maximum > 0 ? std::clamp(value / maximum, 0.0, 1.0) : 0.0;
        auto level = static_cast<std::size_t>(std::round(share * 7));
        out += unicode ? lower_eighths[level + 1] : ascii_levels[level];
    }
    return out;
}

void render_burndown_chart(std::ostream& out, const std::vector<BurndownChartDay>& days,
                           double maximum, std::size_t height, bool unicode) {
    height = std::max<std::size_t>(height, 1);
    double top = maximum > 0 ? maximum : 1;
    double step = top / static_cast<double>(height);
    std::size_t bar_width = days.size() <= 21 ? 2 : 1;
    std::size_t column_width = bar_width + 1;
    std::string top_label = rounded_number(top);
    std::size_t axis_width = std::max<std::size_t>(top_label.size(), 1);

    if (!days.empty()) {
        for (std::size_t row = height; row-- > 0;) {
            std::string label = row + 1 == height ? top_label : row == 0 ? "0" : "";
            std::string line = padded_left(label, axis_width) + " |";
            for (const BurndownChartDay& day : days) {
                line += repeated(burndown_cell(day, row, step, height, unicode), bar_width) + " ";
            }
            out << without_trailing_spaces(line) << '\n';
        }
        out << std::string(axis_width, ' ') << " +"
            << repeated(unicode ? "─" : "-", days.size() * column_width) << '\n';
        out << without_trailing_spaces(std::string(axis_width + 2, ' ') +
                                       day_labels(days, column_width))
            << '\n';
    }
    out << (unicode ? "█ remaining  · ideal  ▒ ideal under the remaining (behind)"
                    : "# remaining  . ideal  * ideal under the remaining (behind)");
    bool any_scope = std::any_of(days.begin(), days.end(),
                                 [](const BurndownChartDay& day) { return day.scope.has_value(); });
    if (any_scope) {
        out << (unicode ? "  ─ total scope" : "  - total scope");
    }
    out << '\n';
}

} // namespace mbl::cli
