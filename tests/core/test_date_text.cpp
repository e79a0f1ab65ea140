// Date::to_string writes YYYY-MM-DD for every date a file can hold, and Date::parse reads it back.
#include "mbl/date.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

using mbl::Date;

TEST_CASE("a date is written as YYYY-MM-DD, zero-padded, and read back the same", "[date]") {
    for (const char* text : {"0001-01-01", "0999-09-09", "1900-02-28", "2000-02-29", "2026-12-06",
                             "2027-10-31", "9999-12-31"}) {
        auto date = Date::parse(text);
        REQUIRE(date);
        CHECK(date->to_string() == text);
    }
    // Every day of four years, leap day and month ends included, against the format it replaced.
    Date day = *Date::parse("2023-01-01");
    for (int i = 0; i < 4 * 366; ++i, day = day.plus_days(1)) {
        std::chrono::year_month_day ymd{day.days};
        std::string expected =
            fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                        static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
        REQUIRE(day.to_string() == expected);
        REQUIRE(Date::parse(day.to_string()) == day);
    }
}
