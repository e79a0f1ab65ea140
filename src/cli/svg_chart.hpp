#pragma once
// The charts of the HTML report as inline SVG: the burndown of an iteration, velocity per closed
// iteration, and progress per release as stacked bars. Each returns one `<svg>` element (see
// svg_builder.hpp) with a title, axis labels and a legend; labels from the file are escaped.
// Calm colours that print (no colour is the only carrier: lines differ by dash, segments are
// named in the legend and in each segment's tooltip).

#include "cli/render_chart.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace mbl::cli {

// The drawing area of every chart: a `width` × `height` picture with the plot inside the
// margins (axis labels on the left, day or iteration labels and the legend below).
struct ChartFrame {
    double width = 720;
    double height = 280;
    double left = 56;
    double right = 24;
    double top = 28;
    double bottom = 64;

    double plot_left() const { return left; }
    double plot_right() const { return width - right; }
    double plot_top() const { return top; }
    double plot_bottom() const { return height - bottom; }
};

// The burndown: the y axis from 0 to nice_axis of the largest of `committed` and every
// remaining and ideal value, with gridlines and labels at each step; day i (0-based, of n) ends at
// x = plot_left + plot width × (i + 1) / n, where its remaining value (a solid line with dots,
// starting from the first day's scope, else `committed`, at plot_left), its ideal value (a
// dashed line) and, when given, its total scope (a step line, flat through the day) are drawn. Day
// labels under the axis (every k-th when more than 16), a `today` marker after the last known
// day when later days are unknown, `unit` as the y axis title, a legend. No days: a picture that
// says so.
std::string burndown_svg(const std::vector<BurndownChartDay>& days, double committed,
                         std::string_view unit, const ChartFrame& frame = {});

struct VelocityBar {
    std::string label; // under the bar: the iteration id
    double completed = 0;
};

// One bar per closed iteration (completed estimate, its value above it), in the order given,
// each centred in an equal slot and at most 64 wide; the y axis from 0 to nice_axis of the
// largest of the values and `average`; the average as a dashed line labelled `avg N` right of
// the plot (the right margin is widened to 72 for it when narrower).
// No bars: a picture that says so.
std::string velocity_svg(const std::vector<VelocityBar>& bars, double average,
                         std::string_view unit, ChartFrame frame = {});

struct StackSeries {
    std::string name;   // in the legend and the tooltips: `replicated`
    std::string colour; // `#4e9a6b`
};

struct StackedBar {
    std::string label;            // left of the bar (shortened to 24 code points; whole in its
                                  // tooltip)
    std::vector<double> segments; // one per series, in the series' order; negatives as 0
    std::string note;             // right of the bar: `4/9 done`
};

// One horizontal bar per entry, its segments side by side from the left in the series' order,
// all on one scale: 0 to nice_axis of the largest total (counts: steps of at least 1), with
// gridlines and labels at each step
// and `axis_title` under them, then the legend. The height grows with the rows (28 each) and the
// frame's height is ignored. No bars: a picture that says so.
std::string stacked_bars_svg(const std::vector<StackSeries>& series,
                             const std::vector<StackedBar>& bars, std::string_view title,
                             std::string_view axis_title);

} // namespace mbl::cli
