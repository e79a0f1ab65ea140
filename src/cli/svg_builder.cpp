#include "cli/svg_builder.hpp"

#include "cli/render_xml.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>

namespace mbl::cli {
namespace {

std::string tooltip_element(std::string_view tooltip) {
    return tooltip.empty() ? "" : "<title>" + xml_escape(tooltip) + "</title>";
}

std::string dash_attribute(std::string_view dash) {
    return dash.empty() ? "" : fmt::format(" stroke-dasharray=\"{}\"", xml_escape(dash));
}

} // namespace

std::string svg_number(double value) {
    return fmt::format("{:.1f}", std::isfinite(value) ? value : 0.0);
}

Axis nice_axis(double value) {
    if (!(value > 0) || !std::isfinite(value)) {
        return {};
    }
    double fifth = value / 5;
    double power = std::pow(10.0, std::floor(std::log10(fifth)));
    double step = 10 * power;
    for (double multiple : std::array{1.0, 2.0, 2.5, 5.0}) {
        // A little tolerance, so 100 / 5 stays a step of 20 despite the rounding of log10.
        if (fifth <= multiple * power * (1 + 1e-9)) {
            step = multiple * power;
            break;
        }
    }
    double steps = std::ceil(value / step * (1 - 1e-9));
    return {std::max(steps, 1.0) * step, step};
}

double scale_to_pixels(double value, double maximum, double top, double bottom) {
    if (!(maximum > 0)) {
        return bottom;
    }
    double clamped = std::isfinite(value) ? std::clamp(value, 0.0, maximum) : 0.0;
    return bottom - clamped / maximum * (bottom - top);
}

std::string shorten(std::string_view text, std::size_t count) {
    std::size_t points = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool starts_point = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
        if (starts_point && ++points == count) {
            // The count-th code point starts here: keep the text if it is the last one.
            std::size_t next = i + 1;
            while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) {
                ++next;
            }
            return next == text.size() ? std::string(text) : std::string(text.substr(0, i)) + "…";
        }
    }
    return std::string(text);
}

SvgBuilder::SvgBuilder(double width, double height, std::string_view title) {
    markup_ = fmt::format("<svg class=\"chart\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" "
                          "height=\"{1}\" role=\"img\" font-family=\"system-ui, 'Segoe UI', "
                          "Helvetica, Arial, sans-serif\" font-size=\"12\"><title>{2}</title>",
                          svg_number(width), svg_number(height), xml_escape(title));
}

void SvgBuilder::rect(double x, double y, double width, double height, std::string_view fill,
                      std::string_view tooltip, std::string_view stroke) {
    std::string stroke_attribute =
        stroke.empty() ? "" : fmt::format(" stroke=\"{}\"", xml_escape(stroke));
    markup_ += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"{}>{}"
                           "</rect>",
                           svg_number(x), svg_number(y), svg_number(std::max(width, 0.0)),
                           svg_number(std::max(height, 0.0)), xml_escape(fill), stroke_attribute,
                           tooltip_element(tooltip));
}

void SvgBuilder::line(double x1, double y1, double x2, double y2, std::string_view stroke,
                      double stroke_width, std::string_view dash) {
    markup_ += fmt::format(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"{}/>",
        svg_number(x1), svg_number(y1), svg_number(x2), svg_number(y2), xml_escape(stroke),
        svg_number(stroke_width), dash_attribute(dash));
}

void SvgBuilder::polyline(const std::vector<std::pair<double, double>>& points,
                          std::string_view stroke, double stroke_width, std::string_view dash) {
    std::string coordinates;
    for (const auto& [x, y] : points) {
        coordinates += (coordinates.empty() ? "" : " ") + svg_number(x) + "," + svg_number(y);
    }
    markup_ += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" "
                           "stroke-width=\"{}\" stroke-linejoin=\"round\"{}/>",
                           coordinates, xml_escape(stroke), svg_number(stroke_width),
                           dash_attribute(dash));
}

void SvgBuilder::circle(double x, double y, double radius, std::string_view fill,
                        std::string_view tooltip) {
    markup_ +=
        fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\">{}</circle>", svg_number(x),
                    svg_number(y), svg_number(radius), xml_escape(fill), tooltip_element(tooltip));
}

void SvgBuilder::text(double x, double y, std::string_view content, std::string_view anchor,
                      std::string_view fill, std::string_view weight) {
    markup_ += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" fill=\"{}\"{}>{}</text>", svg_number(x),
        svg_number(y), xml_escape(anchor), xml_escape(fill),
        weight == "normal" ? "" : fmt::format(" font-weight=\"{}\"", xml_escape(weight)),
        xml_escape(content));
}

std::string SvgBuilder::finish() const {
    return markup_ + "</svg>";
}

} // namespace mbl::cli
