#include "cli/svg_chart.hpp"

#include "cli/render_number.hpp"
#include "cli/svg_builder.hpp"

#include <algorithm>
#include <cmath>

namespace mbl::cli {
namespace {

constexpr std::string_view ink = "#333333";
constexpr std::string_view grid = "#e3e6ea";
constexpr std::string_view axis = "#8a939c";
constexpr std::string_view remaining_colour = "#2f5d8a";
constexpr std::string_view ideal_colour = "#8a939c";
constexpr std::string_view scope_colour = "#b0702a";
constexpr std::string_view bar_colour = "#6b9bc8";
constexpr std::string_view average_colour = "#b5651d";

// The values of the ticks of `scale`: 0, step, 2 × step, … maximum.
std::vector<double> ticks_of(Axis scale) {
    std::vector<double> ticks;
    auto steps = static_cast<int>(std::lround(scale.maximum / scale.step));
    for (int tick = 0; tick <= steps; ++tick) {
        ticks.push_back(scale.step * tick);
    }
    return ticks;
}

// Gridlines and labels at every step of `scale`, the axis line, and `title` above the labels.
void draw_y_axis(SvgBuilder& svg, const ChartFrame& frame, Axis scale, std::string_view title) {
    for (double value : ticks_of(scale)) {
        double y = scale_to_pixels(value, scale.maximum, frame.plot_top(), frame.plot_bottom());
        svg.line(frame.plot_left(), y, frame.plot_right(), y, value == 0 ? axis : grid);
        svg.text(frame.plot_left() - 6, y + 4, rounded_number(value), "end", ink);
    }
    svg.text(frame.plot_left() - 6, frame.plot_top() - 12, title, "end", ink);
}

// A picture of the frame's size with only `message` in it.
std::string empty_chart(const ChartFrame& frame, std::string_view title, std::string_view message) {
    SvgBuilder svg(frame.width, 80, title);
    svg.rect(0.5, 0.5, frame.width - 1, 79, "#fafbfc", {}, grid);
    svg.text(frame.width / 2, 44, message, "middle", ink);
    return svg.finish();
}

struct LegendItem {
    std::string name;
    std::string colour;
    enum class Mark { line, dashed, box } mark = Mark::box;
};

// The legend on one line at `y`, from the plot's left edge.
void draw_legend(SvgBuilder& svg, double x, double y, const std::vector<LegendItem>& items) {
    for (const LegendItem& item : items) {
        if (item.mark == LegendItem::Mark::box) {
            svg.rect(x, y - 9, 12, 12, item.colour, {}, item.colour == "#dde1e6" ? axis : "");
        } else {
            svg.line(x, y - 3, x + 18, y - 3, item.colour, 2.5,
                     item.mark == LegendItem::Mark::dashed ? "6 4" : "");
        }
        svg.text(x + 24, y + 1, item.name, "start", ink);
        x += 24 + 7.0 * static_cast<double>(item.name.size()) + 24;
    }
}

} // namespace

std::string burndown_svg(const std::vector<BurndownChartDay>& days, double committed,
                         std::string_view unit, const ChartFrame& frame) {
    std::string title = "Burndown: remaining " + std::string(unit) + " per day against the ideal";
    if (days.empty()) {
        return empty_chart(frame, title, "No days to show");
    }
    double largest = committed;
    for (const BurndownChartDay& day : days) {
        largest = std::max({largest, day.remaining.value_or(0), day.ideal, day.scope.value_or(0)});
    }
    Axis scale = nice_axis(largest);
    double maximum = scale.maximum;
    SvgBuilder svg(frame.width, frame.height, title);
    draw_y_axis(svg, frame, scale, unit);

    double count = static_cast<double>(days.size());
    auto x_at = [&](std::size_t boundary) {
        return frame.plot_left() +
               (frame.plot_right() - frame.plot_left()) * static_cast<double>(boundary) / count;
    };
    auto y_at = [&](double value) {
        return scale_to_pixels(value, maximum, frame.plot_top(), frame.plot_bottom());
    };
    std::size_t label_every = (days.size() + 15) / 16;
    // Both lines start from the scope of the first day (all of `committed` without a scope).
    double start = days[0].scope.value_or(committed);
    std::vector<std::pair<double, double>> ideal{{x_at(0), y_at(start)}};
    std::vector<std::pair<double, double>> remaining{{x_at(0), y_at(start)}};
    std::vector<std::pair<double, double>> scope; // a step: flat through each day
    for (std::size_t i = 0; i < days.size(); ++i) {
        ideal.emplace_back(x_at(i + 1), y_at(days[i].ideal));
        if (days[i].scope) {
            scope.emplace_back(x_at(i), y_at(*days[i].scope));
            scope.emplace_back(x_at(i + 1), y_at(*days[i].scope));
        }
        if (days[i].remaining) {
            remaining.emplace_back(x_at(i + 1), y_at(*days[i].remaining));
        }
        if ((days.size() - 1 - i) % label_every == 0) {
            svg.text(x_at(i + 1), frame.plot_bottom() + 16, days[i].label, "middle", ink);
        }
    }
    svg.polyline(ideal, ideal_colour, 2, "6 4");
    if (!scope.empty()) {
        svg.polyline(scope, scope_colour, 1.5);
    }
    if (remaining.size() > 1) {
        svg.polyline(remaining, remaining_colour, 2.5);
    }
    for (std::size_t i = 0; i < days.size(); ++i) {
        if (days[i].remaining) {
            svg.circle(x_at(i + 1), y_at(*days[i].remaining), 3, remaining_colour,
                       days[i].label + ": " + rounded_number(*days[i].remaining) + " remaining");
        }
    }
    std::size_t known = remaining.size() - 1;
    if (known > 0 && known < days.size()) {
        svg.line(x_at(known), frame.plot_top(), x_at(known), frame.plot_bottom(), axis, 1, "2 3");
        svg.text(x_at(known), frame.plot_top() - 4, "today", "middle", ink);
    }
    svg.text(frame.plot_right(), frame.plot_bottom() + 32, "day of the month", "end", ink);
    std::vector<LegendItem> legend{
        {"remaining", std::string(remaining_colour), LegendItem::Mark::line},
        {"ideal", std::string(ideal_colour), LegendItem::Mark::dashed}};
    if (!scope.empty()) {
        legend.push_back({"total scope", std::string(scope_colour), LegendItem::Mark::line});
    }
    draw_legend(svg, frame.plot_left(), frame.height - 10, legend);
    return svg.finish();
}

std::string velocity_svg(const std::vector<VelocityBar>& bars, double average,
                         std::string_view unit, ChartFrame frame) {
    frame.right = std::max(frame.right, 72.0); // the average's label, right of the plot
    std::string title = "Velocity: " + std::string(unit) + " completed per closed iteration";
    if (bars.empty()) {
        return empty_chart(frame, title, "No closed iteration yet");
    }
    double largest = average;
    for (const VelocityBar& bar : bars) {
        largest = std::max(largest, bar.completed);
    }
    Axis scale = nice_axis(largest);
    double maximum = scale.maximum;
    SvgBuilder svg(frame.width, frame.height, title);
    draw_y_axis(svg, frame, scale, unit);
    double slot = (frame.plot_right() - frame.plot_left()) / static_cast<double>(bars.size());
    double width = std::min(slot * 0.6, 64.0);
    auto centre = [&](std::size_t i) {
        return frame.plot_left() + slot * (static_cast<double>(i) + 0.5);
    };
    auto top = [&](std::size_t i) {
        return scale_to_pixels(bars[i].completed, maximum, frame.plot_top(), frame.plot_bottom());
    };
    for (std::size_t i = 0; i < bars.size(); ++i) {
        svg.rect(centre(i) - width / 2, top(i), width, frame.plot_bottom() - top(i), bar_colour,
                 bars[i].label + ": " + rounded_number(bars[i].completed) + " " +
                     std::string(unit));
        svg.text(centre(i), frame.plot_bottom() + 16, shorten(bars[i].label, 12), "middle", ink);
    }
    // The average over the bars, the values over the average.
    double y = scale_to_pixels(average, maximum, frame.plot_top(), frame.plot_bottom());
    svg.line(frame.plot_left(), y, frame.plot_right(), y, average_colour, 2, "6 4");
    svg.text(frame.plot_right() + 6, y + 4, "avg " + rounded_number(average), "start",
             average_colour, "bold");
    for (std::size_t i = 0; i < bars.size(); ++i) {
        svg.text(centre(i), top(i) - 5, rounded_number(bars[i].completed), "middle", ink);
    }
    draw_legend(svg, frame.plot_left(), frame.height - 10,
                {{"completed", std::string(bar_colour), LegendItem::Mark::box},
                 {"average", std::string(average_colour), LegendItem::Mark::dashed}});
    return svg.finish();
}

std::string stacked_bars_svg(const std::vector<StackSeries>& series,
                             const std::vector<StackedBar>& bars, std::string_view title,
                             std::string_view axis_title) {
    constexpr double row_height = 28;
    constexpr double bar_height = 18;
    ChartFrame frame;
    frame.left = 190;
    frame.right = 96;
    frame.top = 12;
    if (bars.empty()) {
        return empty_chart(frame, title, "No workloads");
    }
    frame.height = frame.top + row_height * static_cast<double>(bars.size()) + frame.bottom;
    double largest = 0;
    for (const StackedBar& bar : bars) {
        double total = 0;
        for (double segment : bar.segments) {
            total += std::max(segment, 0.0);
        }
        largest = std::max(largest, total);
    }
    Axis scale = nice_axis(largest);
    if (scale.step < 1) { // counts: whole ticks only
        scale = {std::max(1.0, std::ceil(largest)), 1};
    }
    double maximum = scale.maximum;
    double plot_width = frame.plot_right() - frame.plot_left();
    auto x_at = [&](double value) { return frame.plot_left() + value / maximum * plot_width; };
    SvgBuilder svg(frame.width, frame.height, title);
    for (double value : ticks_of(scale)) {
        svg.line(x_at(value), frame.plot_top(), x_at(value), frame.plot_bottom(),
                 value == 0 ? axis : grid);
        svg.text(x_at(value), frame.plot_bottom() + 16, rounded_number(value), "middle", ink);
    }
    svg.text(frame.plot_right(), frame.plot_bottom() + 32, axis_title, "end", ink);
    for (std::size_t row = 0; row < bars.size(); ++row) {
        const StackedBar& bar = bars[row];
        double y = frame.plot_top() + row_height * static_cast<double>(row) +
                   (row_height - bar_height) / 2;
        svg.text(frame.plot_left() - 8, y + 13, shorten(bar.label, 24), "end", ink);
        double start = 0;
        for (std::size_t s = 0; s < series.size() && s < bar.segments.size(); ++s) {
            double value = std::max(bar.segments[s], 0.0);
            if (value > 0) {
                svg.rect(x_at(start), y, x_at(start + value) - x_at(start), bar_height,
                         series[s].colour,
                         bar.label + ": " + series[s].name + " " + rounded_number(value));
            }
            start += value;
        }
        svg.text(x_at(start) + 6, y + 13, bar.note, "start", ink);
    }
    std::vector<LegendItem> legend;
    for (const StackSeries& item : series) {
        legend.push_back({item.name, item.colour, LegendItem::Mark::box});
    }
    draw_legend(svg, 16, frame.height - 10, legend);
    return svg.finish();
}

} // namespace mbl::cli
