#include "cli/json_number.hpp"

#include "mbl/figure.hpp"

#include <nlohmann/json.hpp>

namespace mbl::cli {

nlohmann::ordered_json json_number(double value) {
    return nlohmann::ordered_json::parse(format_figure(value));
}

} // namespace mbl::cli
