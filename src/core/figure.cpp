#include "mbl/figure.hpp"

#include <cmath>
#include <fmt/format.h>

namespace mbl {

double round_figure(double value) {
    if (!std::isfinite(value)) {
        return value;
    }
    double rounded = std::round(value * 100) / 100;
    return rounded == 0 ? 0.0 : rounded; // no -0
}

std::string format_figure(double value) {
    std::string text = fmt::format("{:.2f}", round_figure(value));
    if (text.find('.') != std::string::npos) {
        text.erase(text.find_last_not_of('0') + 1);
        if (text.back() == '.') {
            text.pop_back();
        }
    }
    return text;
}

} // namespace mbl
