#include "cli/flag_checks.hpp"

#include <catch2/catch.hpp>

using namespace mbl::cli;

TEST_CASE("check_count accepts whole numbers from 1", "[cli-flag-checks]") {
    CHECK(check_count("1").empty());
    CHECK(check_count("10000").empty());
    CHECK(check_count("0") == "'0' is not a whole number of at least 1");
    CHECK_FALSE(check_count("-3").empty());
    CHECK_FALSE(check_count("2.5").empty());
    CHECK_FALSE(check_count("").empty());
    CHECK_FALSE(check_count("99999999999999999999").empty()); // beyond 64 bits
}

TEST_CASE("check_whole_number accepts 0 to 2^64-1", "[cli-flag-checks]") {
    CHECK(check_whole_number("0").empty());
    CHECK(check_whole_number("18446744073709551615").empty());
    CHECK_FALSE(check_whole_number("18446744073709551616").empty());
    CHECK(check_whole_number("-1") == "'-1' is not a whole number from 0 to 2^64-1");
    CHECK_FALSE(check_whole_number("7x").empty());
}

TEST_CASE("check_date accepts real days only", "[cli-flag-checks]") {
    CHECK(check_date("2027-01-31").empty());
    CHECK(check_date("2027-02-29") == "'2027-02-29' is not a valid date; use YYYY-MM-DD");
    CHECK_FALSE(check_date("31/01/2027").empty());
}
