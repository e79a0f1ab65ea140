#include "cli/flag_checks.hpp"

#include "mbl/date.hpp"

#include <charconv>
#include <cstdint>
#include <optional>

namespace mbl::cli {
namespace {

// `text` as a whole number when it is only digits and fits 64 bits.
std::optional<std::uint64_t> whole_number(const std::string& text) {
    std::uint64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

} // namespace

std::string check_count(const std::string& text) {
    auto value = whole_number(text);
    return value && *value >= 1 ? std::string()
                                : "'" + text + "' is not a whole number of at least 1";
}

std::string check_trials(const std::string& text) {
    constexpr std::uint64_t most_trials = 10'000'000;
    auto value = whole_number(text);
    return value && *value >= 1 && *value <= most_trials
               ? std::string()
               : "'" + text + "' is not a number of trials from 1 to 10000000";
}

std::string check_whole_number(const std::string& text) {
    return whole_number(text) ? std::string()
                              : "'" + text + "' is not a whole number from 0 to 2^64-1";
}

std::string check_date(const std::string& text) {
    return Date::parse(text) ? std::string() : "'" + text + "' is not a valid date; use YYYY-MM-DD";
}

} // namespace mbl::cli
