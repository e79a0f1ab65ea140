#include "cli/forecast_text.hpp"

#include "cli/command_support.hpp"
#include "cli/render_number.hpp"
#include "cli/render_report.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <vector>

namespace mbl::cli {
namespace {

constexpr std::size_t blocked_named = 5;

std::string spread_percent(double spread) {
    return fmt::format("+/-{}%", std::lround(spread * 100));
}

} // namespace

std::string forecast_basis(const Forecast& forecast, std::string_view unit) {
    std::string_view confidence = forecast_confidence(forecast.closed_iterations);
    if (forecast.closed_iterations == 0) {
        double capacity = forecast.samples.empty() ? 0 : forecast.samples.front();
        return fmt::format("No closed iteration yet: throughput assumed between {} and {} {} per "
                           "iteration (default_capacity {} {}): {} confidence",
                           rounded_number(capacity * (1 - forecast.spread)),
                           rounded_number(capacity * (1 + forecast.spread)), unit,
                           rounded_number(capacity), spread_percent(forecast.spread), confidence);
    }
    std::vector<std::string> samples;
    for (double sample : forecast.samples) {
        samples.push_back(rounded_number(sample));
    }
    std::string line = fmt::format("Based on {} ({} {}): {} confidence",
                                   count_noun(forecast.closed_iterations, "closed iteration"),
                                   comma_list(samples), unit, confidence);
    if (forecast.spread > 0) {
        line += fmt::format("; each trial's pace widened by {} for so few samples",
                            spread_percent(forecast.spread));
    }
    return line;
}

std::string conditional_note(const CompletionForecast& completion, std::string_view label) {
    if (!completion.conditional()) {
        return "";
    }
    std::vector<std::string> named(
        completion.blocked.begin(),
        completion.blocked.begin() +
            static_cast<std::ptrdiff_t>(std::min(blocked_named, completion.blocked.size())));
    std::string list = comma_list(named);
    if (completion.blocked.size() > blocked_named) {
        list += fmt::format(" and {} more", completion.blocked.size() - blocked_named);
    }
    return fmt::format("{}: dates only if unblocked (blocked or waiting on a blocked asset: {})",
                       label, list);
}

} // namespace mbl::cli
