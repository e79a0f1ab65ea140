#pragma once
// Writing SVG markup for the HTML report's charts: shapes with coordinates at one decimal, text
// escaped with xml_escape, and the axis arithmetic the charts share. The markup is polyglot (it
// parses as XML and as HTML5) and needs no namespace declaration inside an HTML page.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mbl::cli {

// `value` as an SVG coordinate: one decimal (`12.5`, `40.0`); non-finite values as 0.0.
std::string svg_number(double value);

// An axis from 0 that people read at a glance: a step of 1, 2, 2.5 or 5 times a power of ten,
// about a fifth of `value`, and the maximum `value` rounded up to a whole number of steps (at
// most 5 of them): 118 -> 125 by 25, 92 -> 100 by 20, 10 -> 10 by 2, 0.3 -> 0.3 by 0.1.
// For `value` not above 0 or not finite: 1 by 0.2.
struct Axis {
    double maximum = 1;
    double step = 0.2;
};
Axis nice_axis(double value);

// A vertical position on an axis from 0 at `bottom` to `maximum` at `top` (pixels, y down):
// `bottom - value / maximum × (bottom - top)`, with `value` clamped to 0..maximum. A `maximum`
// not above 0 puts every value at `bottom`.
double scale_to_pixels(double value, double maximum, double top, double bottom);

// `text` cut to at most `count` code points, with `…` as the last one when cut. Never splits a
// UTF-8 sequence.
std::string shorten(std::string_view text, std::size_t count);

// One SVG document built element by element. Text and attribute values from the file pass
// through xml_escape here; numbers through svg_number.
class SvgBuilder {
  public:
    // `<svg viewBox="0 0 W H" width="W" height="H" role="img" ...>` with `title` as the first
    // child (its accessible name and tooltip).
    SvgBuilder(double width, double height, std::string_view title);

    void rect(double x, double y, double width, double height, std::string_view fill,
              std::string_view tooltip = {}, std::string_view stroke = {});
    void line(double x1, double y1, double x2, double y2, std::string_view stroke,
              double stroke_width = 1, std::string_view dash = {});
    void polyline(const std::vector<std::pair<double, double>>& points, std::string_view stroke,
                  double stroke_width, std::string_view dash = {});
    void circle(double x, double y, double radius, std::string_view fill,
                std::string_view tooltip = {});
    // `anchor`: start, middle or end; `weight`: normal or bold.
    void text(double x, double y, std::string_view content, std::string_view anchor = "start",
              std::string_view fill = "#333333", std::string_view weight = "normal");

    // The document so far, closed with `</svg>`.
    std::string finish() const;

  private:
    std::string markup_;
};

} // namespace mbl::cli
