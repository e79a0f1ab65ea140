#pragma once
// Numbers in `--format json` output, spelled as the file's writer spells them (format_number):
// `118`, never `118.0`, and `0.3`, never `0.30000000000000004`.

#include "mbl/save.hpp"

#include <nlohmann/json.hpp>

namespace mbl::cli {

inline nlohmann::ordered_json json_number(double value) {
    return nlohmann::ordered_json::parse(format_number(value));
}

} // namespace mbl::cli
