#include "asset_attributes.hpp"

#include "field_values.hpp"
#include "mbl/load.hpp"
#include "mbl/raw_json.hpp"
#include "mbl/save.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace mbl {

namespace {

std::string attribute_field(std::string_view key) {
    return fmt::format("attributes.{}", key);
}

} // namespace

RawJson attribute_value(std::string_view value, std::string_view key) {
    // The file nests an attribute value in the top object, `assets`, the asset and `attributes`;
    // the value may add what the loader still accepts below them.
    constexpr int levels_above_attribute = 4;
    constexpr int max_value_depth = max_json_depth - levels_above_attribute;
    check_text(value, attribute_field(key));
    try {
        if (auto parsed = parse_raw_json(value, max_value_depth)) {
            return std::move(*parsed);
        }
    } catch (const Error& error) {
        throw usage_error(fmt::format("{}: {}", attribute_field(key), error.what()));
    }
    return RawJson{json_quote(value)}; // not JSON: the text itself, as a string
}

std::string set_attribute(RawObject& attributes, std::string_view key, std::string_view value) {
    check_text(key, "attribute name");
    auto existing = std::find_if(attributes.begin(), attributes.end(),
                                 [&](const auto& entry) { return entry.first == key; });
    std::string before = existing == attributes.end() ? "none" : one_line(existing->second);
    if (value.empty()) {
        if (existing != attributes.end()) {
            attributes.erase(existing);
        }
        return describe_change(attribute_field(key), before, "none");
    }
    RawJson parsed = attribute_value(value, key);
    std::string after = one_line(parsed);
    if (existing != attributes.end()) {
        existing->second = std::move(parsed);
    } else {
        attributes.emplace_back(std::string(key), std::move(parsed));
    }
    return describe_change(attribute_field(key), before, after);
}

} // namespace mbl
