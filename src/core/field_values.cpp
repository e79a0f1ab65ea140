#include "field_values.hpp"

#include "mbl/save.hpp"
#include "mbl/suggest.hpp"
#include "mbl/utf8.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fmt/format.h>

namespace mbl {

std::string_view trim(std::string_view text) {
    auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return {};
    }
    auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

namespace {

Error out_of_range(std::string_view field, std::string_view text, double maximum) {
    return usage_error(fmt::format("{} must be a number from 0 to {}, not '{}'", field,
                                   format_number(maximum), text));
}

} // namespace

double parse_non_negative_number(std::string_view text, std::string_view field, double maximum) {
    std::string_view digits = trim(text);
    double value = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || error != std::errc{} || end != digits.data() + digits.size() ||
        !std::isfinite(value) || value < 0 || value > maximum) {
        throw out_of_range(field, text, maximum);
    }
    return value == 0 ? 0.0 : value; // no `-0` in the file
}

int parse_priority(std::string_view text) {
    std::string_view digits = trim(text);
    int value = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || error != std::errc{} || end != digits.data() + digits.size() ||
        value < highest_priority || value > lowest_priority) {
        throw usage_error(fmt::format("priority must be a whole number from {} to {}, not '{}'",
                                      highest_priority, lowest_priority, text));
    }
    return value;
}

void check_priority(int priority) {
    if (priority < highest_priority || priority > lowest_priority) {
        throw usage_error(fmt::format("priority must be a whole number from {} to {}, not '{}'",
                                      highest_priority, lowest_priority, priority));
    }
}

void check_estimate(double estimate, std::string_view field, double maximum) {
    if (!std::isfinite(estimate) || estimate < 0 || estimate > maximum) {
        throw out_of_range(field, format_number(estimate), maximum);
    }
}

void check_computed_number(double value, double maximum, std::string_view what) {
    if (!std::isfinite(value) || value < 0 || value > maximum) {
        throw input_error(fmt::format("{} would be {}, outside 0 to {}; a number in the file is "
                                      "out of range: 'mbl validate' shows which",
                                      what, format_number(value), format_number(maximum)));
    }
}

Date parse_date_value(std::string_view text, std::string_view field) {
    if (auto date = Date::parse(trim(text))) {
        return *date;
    }
    throw usage_error(
        fmt::format("{} must be a real day written YYYY-MM-DD, not '{}'", field, text));
}

void check_text(std::string_view text, std::string_view field) {
    if (!is_valid_utf8(text)) {
        throw usage_error(fmt::format("{} is not valid UTF-8", field));
    }
}

std::optional<std::string> optional_text(std::string_view value, std::string_view field) {
    check_text(value, field);
    return value.empty() ? std::nullopt : std::optional<std::string>(value);
}

std::vector<std::string> split_comma_list(std::string_view text) {
    std::vector<std::string> items;
    while (true) {
        auto comma = text.find(',');
        std::string_view item = trim(text.substr(0, comma));
        if (!item.empty()) {
            items.emplace_back(item);
        }
        if (comma == std::string_view::npos) {
            return items;
        }
        text.remove_prefix(comma + 1);
    }
}

Error unknown_id_error(std::string_view kind, std::string_view id,
                       const std::vector<std::string_view>& known_ids) {
    if (auto nearest = nearest_spelling(id, known_ids)) {
        return input_error(fmt::format("unknown {} '{}'; did you mean '{}'?", kind, id, *nearest));
    }
    if (known_ids.empty()) { // a new backlog: a list would show nothing
        std::string_view add_arguments = kind == "iteration" ? "" : " ID"; // it-N is chosen
        return input_error(
            fmt::format("unknown {} '{}'; the backlog has no {}s yet ('mbl {} add{}' adds one)",
                        kind, id, kind, kind, add_arguments));
    }
    return input_error(
        fmt::format("unknown {} '{}'; 'mbl {} list' shows the existing ones", kind, id, kind));
}

void check_new_id(std::string_view kind, std::string_view id, bool already_used) {
    if (!is_slug(id)) {
        throw usage_error(fmt::format(
            "{} id '{}' is not a slug: use lowercase letters, digits, '.', '_' and '-', "
            "starting with a letter or digit, at most 64 characters",
            kind, id));
    }
    if (already_used) {
        throw input_error(fmt::format("{} '{}' already exists", kind, id));
    }
}

Error unknown_field_error(std::string_view field, const std::vector<std::string_view>& fields) {
    std::string listed = fmt::format("Fields: {}", fmt::join(fields, ", "));
    if (auto nearest = nearest_spelling(field, fields)) {
        return usage_error(
            fmt::format("unknown field '{}'; did you mean '{}'? {}", field, *nearest, listed));
    }
    return usage_error(fmt::format("unknown field '{}'. {}", field, listed));
}

Error refused_removal(std::string_view kind, std::string_view id,
                      const std::vector<std::string>& references) {
    constexpr std::size_t shown = 10;
    std::string listed =
        fmt::format("{}", fmt::join(references.begin(),
                                    references.begin() + std::min(shown, references.size()), ", "));
    if (references.size() > shown) {
        listed += fmt::format(" and {} more", references.size() - shown);
    }
    return {ExitStatus::check_failed,
            fmt::format("{} '{}' is referenced by {}; use --force to remove it and drop these "
                        "references",
                        kind, id, listed)};
}

std::string describe(const std::optional<std::string>& value) {
    return value && !value->empty() ? *value : "none";
}

std::string describe(const std::optional<double>& value) {
    return value ? format_number(*value) : "none";
}

std::string describe(const std::optional<Date>& value) {
    return value ? value->to_string() : "none";
}

std::string describe(const std::vector<std::string>& values) {
    return values.empty() ? "none" : fmt::format("{}", fmt::join(values, ", "));
}

std::string describe_change(std::string_view field, std::string_view before,
                            std::string_view after) {
    return fmt::format("{}: {} -> {}", field, before, after);
}

} // namespace mbl
