// The SVG chart builders of the HTML report: axis arithmetic, coordinates, escaping, and the
// edge cases (no data, one iteration, zero capacity).
#include "cli/render_xml.hpp"
#include "cli/svg_builder.hpp"
#include "cli/svg_chart.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

using namespace mbl::cli;
using mbl::test::contains;

namespace {

std::size_t occurrences(const std::string& text, std::string_view part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        ++count;
    }
    return count;
}

// Nothing that would show as a broken number in a picture.
void check_numbers_finite(const std::string& svg) {
    CHECK_FALSE(contains(svg, "nan"));
    CHECK_FALSE(contains(svg, "inf"));
    CHECK_FALSE(contains(svg, "-0.0"));
}

} // namespace

TEST_CASE("svg_number writes one decimal, and 0 for what is not a number", "[cli-svg-chart]") {
    CHECK(svg_number(12.5) == "12.5");
    CHECK(svg_number(40) == "40.0");
    CHECK(svg_number(1.26) == "1.3");
    CHECK(svg_number(std::nan("")) == "0.0");
    CHECK(svg_number(std::numeric_limits<double>::infinity()) == "0.0");
}

TEST_CASE("nice_axis rounds up to at most five steps of 1, 2, 2.5 or 5", "[cli-svg-chart]") {
    auto check_axis = [](double value, double maximum, double step) {
        Axis axis = nice_axis(value);
        CAPTURE(value);
        CHECK(axis.maximum == Approx(maximum));
        CHECK(axis.step == Approx(step));
    };
    check_axis(118, 125, 25);
    check_axis(104, 125, 25);
    check_axis(100, 100, 20);
    check_axis(92, 100, 20);
    check_axis(10, 10, 2);
    check_axis(7, 8, 2);
    check_axis(1, 1, 0.2);
    check_axis(0.3, 0.3, 0.1);
    check_axis(1'000'000, 1'000'000, 200'000);
    check_axis(0, 1, 0.2);
    check_axis(-5, 1, 0.2);
    check_axis(std::nan(""), 1, 0.2);
    for (double value : {0.7, 3.0, 13.0, 49.0, 51.0, 333.0, 9999.0}) {
        Axis axis = nice_axis(value);
        CAPTURE(value);
        CHECK(axis.maximum >= value);
        CHECK(axis.maximum / axis.step <= 5 + 1e-9);
        CHECK(axis.maximum / axis.step >= 2 - 1e-9);
    }
}

TEST_CASE("scale_to_pixels maps 0..maximum onto bottom..top, clamped", "[cli-svg-chart]") {
    CHECK(scale_to_pixels(0, 100, 20, 220) == 220);
    CHECK(scale_to_pixels(100, 100, 20, 220) == 20);
    CHECK(scale_to_pixels(50, 100, 20, 220) == 120);
    CHECK(scale_to_pixels(150, 100, 20, 220) == 20);
    CHECK(scale_to_pixels(-5, 100, 20, 220) == 220);
    CHECK(scale_to_pixels(5, 0, 20, 220) == 220); // zero maximum: everything at the bottom
}

TEST_CASE("shorten cuts whole code points and marks the cut", "[cli-svg-chart]") {
    CHECK(shorten("abcdef", 4) == "abc…");
    CHECK(shorten("abcd", 4) == "abcd");
    CHECK(shorten("abc", 4) == "abc");
    CHECK(shorten("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 3) == "\xC3\xA9\xC3\xA9…");
    CHECK(shorten("\xC3\xA9\xC3\xA9\xC3\xA9", 3) == "\xC3\xA9\xC3\xA9\xC3\xA9");
}

TEST_CASE("xml_escape leaves no markup, entity or forbidden character", "[cli-svg-chart]") {
    CHECK(xml_escape("a&b<c>\"'") == "a&amp;b&lt;c&gt;&quot;&#39;");
    CHECK(xml_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
    CHECK(xml_escape("x]]>y") == "x]]&gt;y");
    CHECK(xml_escape("\x1b[31mred") == "\\x1b[31mred");
    CHECK(xml_escape("a\nb") == "a\\x0ab");
    CHECK(xml_escape("\xEF\xBF\xBE \xEF\xBF\xBF") == "\\ufffe \\uffff");
    CHECK(xml_escape("\xFF") == "\\xff");
    CHECK(xml_escape("Zürich") == "Zürich");
}

TEST_CASE("burndown_svg puts each day's end on the scale, with the ideal dashed",
          "[cli-svg-chart]") {
    // Plot 56..696 × 28..216; 4 days of 160 px; axis 0..40 by 10 (47 px).
    std::vector<BurndownChartDay> days{
        {"1", 40.0, 30}, {"2", 30.0, 20}, {"3", std::nullopt, 10}, {"4", std::nullopt, 0}};
    std::string svg = burndown_svg(days, 40, "hours");
    CHECK(svg.starts_with("<svg "));
    CHECK(svg.ends_with("</svg>"));
    CHECK(contains(svg, "viewBox=\"0 0 720.0 280.0\""));
    CHECK(contains(svg, "<title>Burndown: remaining hours per day against the ideal</title>"));
    CHECK(contains(svg, "points=\"56.0,28.0 216.0,28.0 376.0,75.0\" fill=\"none\""));
    CHECK(contains(svg, "points=\"56.0,28.0 216.0,75.0 376.0,122.0 536.0,169.0 696.0,216.0\""));
    CHECK(contains(svg, "stroke-dasharray=\"6 4\""));
    CHECK(occurrences(svg, "<circle ") == 2); // one dot per known day
    // Gridlines and labels at 0, 10, 20, 30, 40.
    for (const char* label : {">0<", ">10<", ">20<", ">30<", ">40<"}) {
        CHECK(contains(svg, label));
    }
    CHECK(contains(svg, "<text x=\"216.0\" y=\"232.0\" text-anchor=\"middle\" "
                        "fill=\"#333333\">1</text>"));
    // Today: after the last known day (the end of day 2), as later days are unknown.
    CHECK(contains(svg, "<line x1=\"376.0\" y1=\"28.0\" x2=\"376.0\" y2=\"216.0\""));
    CHECK(contains(svg, ">today<"));
    CHECK(contains(svg, ">remaining<"));
    CHECK(contains(svg, ">ideal<"));
    CHECK(contains(svg, ">hours<"));
    check_numbers_finite(svg);
}

TEST_CASE("burndown_svg with no days, zero capacity, or a finished iteration", "[cli-svg-chart]") {
    std::string empty = burndown_svg({}, 40, "hours");
    CHECK(contains(empty, "No days to show"));
    CHECK_FALSE(contains(empty, "<polyline"));

    // Nothing committed: the axis runs to 1 and every point lies on the bottom line.
    std::string zero = burndown_svg({{"1", 0.0, 0}, {"2", 0.0, 0}}, 0, "points");
    CHECK(contains(zero, "points=\"56.0,216.0 376.0,216.0 696.0,216.0\" fill=\"none\" "
                         "stroke=\"#2f5d8a\""));
    CHECK(contains(zero, ">1<"));
    check_numbers_finite(zero);

    // Every day known: no today marker.
    std::string done = burndown_svg({{"1", 10.0, 5}, {"2", 0.0, 0}}, 10, "days");
    CHECK_FALSE(contains(done, ">today<"));

    // Many days: labels thinned out to at most 16, the last day always labelled.
    std::vector<BurndownChartDay> month;
    for (int day = 1; day <= 28; ++day) {
        month.push_back({"d" + std::to_string(day), std::nullopt, 28.0 - day});
    }
    std::string long_chart = burndown_svg(month, 28, "hours");
    CHECK(contains(long_chart, ">d28<"));
    CHECK(contains(long_chart, ">d26<"));
    CHECK_FALSE(contains(long_chart, ">d27<"));
}

TEST_CASE("velocity_svg draws one bar per iteration and the average", "[cli-svg-chart]") {
    // One iteration: the plot is 56..648 (the right margin widened for the average's label);
    // the bar is 64 wide, centred at 352, and fills the axis 0..50.
    std::string one = velocity_svg({{"it-1", 50}}, 50, "hours");
    CHECK(contains(one, "<rect x=\"320.0\" y=\"28.0\" width=\"64.0\" height=\"188.0\" "
                        "fill=\"#6b9bc8\"><title>it-1: 50 hours</title></rect>"));
    CHECK(contains(one, "<line x1=\"56.0\" y1=\"28.0\" x2=\"648.0\" y2=\"28.0\" "
                        "stroke=\"#b5651d\""));
    CHECK(contains(one, ">avg 50<"));
    CHECK(contains(one, ">it-1<"));

    std::string two = velocity_svg({{"it-1", 30}, {"it-2", 90}}, 60, "points");
    // Axis 0..100 by 20; slots of 296; bars 64 wide at 148 and 444 (from 56).
    CHECK(contains(two, "<rect x=\"172.0\" y=\"159.6\" width=\"64.0\" height=\"56.4\""));
    CHECK(contains(two, "<rect x=\"468.0\" y=\"46.8\" width=\"64.0\" height=\"169.2\""));
    CHECK(contains(two, ">100<"));
    CHECK(occurrences(two, "<rect ") == 3); // two bars and the legend's box
    check_numbers_finite(two);

    CHECK(contains(velocity_svg({}, 0, "hours"), "No closed iteration yet"));
    std::string zero = velocity_svg({{"it-1", 0}}, 0, "hours");
    CHECK(contains(zero, "height=\"0.0\""));
    check_numbers_finite(zero);
}

TEST_CASE("stacked_bars_svg stacks the segments on one scale, escaping labels", "[cli-svg-chart]") {
    std::vector<StackSeries> series{{"done", "#4e9a6b"}, {"left", "#dde1e6"}};
    // Plot 190..624 (434 px) for 0..10 by 2; rows of 28 from y 12, bars 18 high.
    std::vector<StackedBar> bars{{"<script>alert(1)</script>", {2, 3}, "2/5 done"},
                                 {"b", {0, 10}, "0/10 done"}};
    std::string svg = stacked_bars_svg(series, bars, "Progress", "assets");
    CHECK(contains(svg, "viewBox=\"0 0 720.0 132.0\""));
    CHECK(contains(svg, "<rect x=\"190.0\" y=\"17.0\" width=\"86.8\" height=\"18.0\" "
                        "fill=\"#4e9a6b\">"));
    CHECK(contains(svg, "<rect x=\"276.8\" y=\"17.0\" width=\"130.2\" height=\"18.0\" "
                        "fill=\"#dde1e6\">"));
    CHECK(contains(svg, "<rect x=\"190.0\" y=\"45.0\" width=\"434.0\" height=\"18.0\""));
    CHECK(occurrences(svg, "y=\"45.0\"") == 1); // the empty segment is not drawn
    CHECK(contains(svg, ">2/5 done<"));
    CHECK(contains(svg, ">assets<"));
    CHECK_FALSE(contains(svg, "<script"));
    CHECK(contains(svg, "&lt;script&gt;alert(1)&lt;/scrip…"));
    CHECK(contains(svg, "<title>&lt;script&gt;alert(1)&lt;/script&gt;: done 2</title>"));
    check_numbers_finite(svg);

    CHECK(contains(stacked_bars_svg(series, {}, "Progress", "assets"), "No workloads"));
    // Two assets at most: whole ticks 0, 1, 2 (no half an asset).
    std::string small = stacked_bars_svg(series, {{"s", {1, 1}, "1/2 done"}}, "P", "assets");
    CHECK(contains(small, ">2<"));
    CHECK_FALSE(contains(small, ">0.5<"));
    CHECK_FALSE(contains(small, ">1.5<"));
    // A release with no assets: an axis to 1, no segment.
    std::string nothing = stacked_bars_svg(series, {{"empty", {0, 0}, "0/0 done"}}, "P", "a");
    CHECK(occurrences(nothing, "y=\"17.0\"") == 0);
    check_numbers_finite(nothing);
}
