#pragma once
// Computed numbers in `--format json` output, rounded as every view rounds them (figure.hpp):
// `118`, never `118.0`, and `0.3`, never `0.30000000000000004`.

#include <nlohmann/json_fwd.hpp>

namespace mbl::cli {

nlohmann::ordered_json json_number(double value);

} // namespace mbl::cli
