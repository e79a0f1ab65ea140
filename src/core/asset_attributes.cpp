#include "asset_attributes.hpp"

#include "field_values.hpp"
#include "mbl/load.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace mbl {

namespace {

using Json = nlohmann::ordered_json;

std::string attribute_field(std::string_view key) {
    return fmt::format("attributes.{}", key);
}

// `raw` on one line for a change description.
std::string compact(const RawJson& raw) {
    Json parsed = Json::parse(raw.text, nullptr, false);
    return parsed.is_discarded() ? raw.text : parsed.dump();
}

} // namespace

RawJson attribute_value(std::string_view value, std::string_view key) {
    // The file nests an attribute value in the top object, `assets`, the asset and `attributes`;
    // the value may add what the loader still accepts below them.
    constexpr int levels_above_attribute = 4;
    constexpr int max_value_depth = max_json_depth - levels_above_attribute;
    bool too_deep = false;
    auto watch_depth = [&](int depth, Json::parse_event_t event, Json&) {
        bool opens =
            event == Json::parse_event_t::object_start || event == Json::parse_event_t::array_start;
        too_deep = too_deep || (opens && depth + 1 > max_value_depth);
        return !too_deep;
    };
    Json parsed = Json::parse(value, watch_depth, false);
    if (too_deep) {
        throw usage_error(
            fmt::format("{} nests deeper than {} levels", attribute_field(key), max_value_depth));
    }
    if (parsed.is_discarded()) {
        parsed = std::string(value); // not JSON: the text itself, as a string
    }
    try {
        return RawJson{parsed.dump(2)};
    } catch (const Json::type_error&) {
        throw usage_error(fmt::format("{} is not valid UTF-8", attribute_field(key)));
    }
}

std::string set_attribute(RawObject& attributes, std::string_view key, std::string_view value) {
    check_text(key, "attribute name");
    auto existing = std::find_if(attributes.begin(), attributes.end(),
                                 [&](const auto& entry) { return entry.first == key; });
    std::string before = existing == attributes.end() ? "none" : compact(existing->second);
    if (value.empty()) {
        if (existing != attributes.end()) {
            attributes.erase(existing);
        }
        return describe_change(attribute_field(key), before, "none");
    }
    RawJson parsed = attribute_value(value, key);
    std::string after = compact(parsed);
    if (existing != attributes.end()) {
        existing->second = std::move(parsed);
    } else {
        attributes.emplace_back(std::string(key), std::move(parsed));
    }
    return describe_change(attribute_field(key), before, after);
}

} // namespace mbl
