#include "cli/render_number.hpp"

#include <cmath>
#include <fmt/format.h>

namespace mbl::cli {

std::string rounded_number(double value) {
    double rounded = std::round(value * 10) / 10;
    if (rounded == 0) {
        return "0"; // also for -0 and values that round to it
    }
    std::string text = fmt::format("{:.1f}", rounded);
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) {
        text.resize(text.size() - 2);
    }
    return text;
}

std::string percent_of(double part, double whole) {
    if (!(whole > 0)) {
        return "0%";
    }
    return fmt::format("{:.0f}%", std::round(part / whole * 100));
}

} // namespace mbl::cli
