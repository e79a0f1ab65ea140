#pragma once
// Computed numbers in `--format json` output, rounded as every view rounds them (figure.hpp):
// `118`, never `118.0`, and `0.3`, never `0.30000000000000004`.

#include "mbl/figure.hpp"

#include <nlohmann/json.hpp>

namespace mbl::cli {

inline nlohmann::ordered_json json_number(double value) {
    return nlohmann::ordered_json::parse(format_figure(value));
}

} // namespace mbl::cli
