#pragma once
// Calendar days as `YYYY-MM-DD`, the only date form in the file and on the command line.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace mbl {

struct Date {
    std::chrono::sys_days days{};

    // Parses exactly `YYYY-MM-DD` naming a real day (2027-02-29 is refused); nullopt otherwise.
    static std::optional<Date> parse(std::string_view text);

    std::string to_string() const;
    Date plus_days(int count) const { return Date{days + std::chrono::days{count}}; }
    // Whole days from `this` to `later` (negative when `later` is earlier).
    int days_until(Date later) const { return static_cast<int>((later.days - days).count()); }

    friend auto operator<=>(const Date&, const Date&) = default;
};

} // namespace mbl
