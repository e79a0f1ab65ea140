#include "mbl/date.hpp"

#include <charconv>
#include <fmt/format.h>

namespace mbl {

std::optional<Date> Date::parse(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    auto number = [&](std::size_t from, std::size_t length) -> std::optional<int> {
        int value = 0;
        const char* first = text.data() + from;
        const char* last = first + length;
        auto [end, error] = std::from_chars(first, last, value);
        if (error != std::errc{} || end != last || *first == '+' || *first == '-') {
            return std::nullopt;
        }
        return value;
    };
    auto year = number(0, 4);
    auto month = number(5, 2);
    auto day = number(8, 2);
    if (!year || !month || !day) {
        return std::nullopt;
    }
    std::chrono::year_month_day ymd{std::chrono::year{*year},
                                    std::chrono::month{static_cast<unsigned>(*month)},
                                    std::chrono::day{static_cast<unsigned>(*day)}};
    if (!ymd.ok()) {
        return std::nullopt;
    }
    return Date{std::chrono::sys_days{ymd}};
}

std::string Date::to_string() const {
    std::chrono::year_month_day ymd{days};
    int year = static_cast<int>(ymd.year());
    auto month = static_cast<unsigned>(ymd.month());
    auto day = static_cast<unsigned>(ymd.day());
    if (year < 0 || year > 9999) {
        return fmt::format("{:04}-{:02}-{:02}", year, month, day);
    }
    // Digit by digit: written for every date of a file, where a format string parsed each time
    // cost more than the rest of the date.
    auto digit = [](unsigned value) { return static_cast<char>('0' + value % 10); };
    auto y = static_cast<unsigned>(year);
    return {digit(y / 1000),   digit(y / 100), digit(y / 10), digit(y),        '-',
            digit(month / 10), digit(month),   '-',           digit(day / 10), digit(day)};
}

} // namespace mbl
