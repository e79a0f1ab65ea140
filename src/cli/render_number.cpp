#include "cli/render_number.hpp"

#include "mbl/figure.hpp"

#include <cmath>
#include <fmt/format.h>

namespace mbl::cli {

std::string rounded_number(double value) {
    return format_figure(value);
}

std::string percent_of(double part, double whole) {
    if (!(whole > 0)) {
        return "0%";
    }
    return fmt::format("{:.0f}%", std::round(part / whole * 100));
}

} // namespace mbl::cli
