// read_number_cell (import_numbers.cpp): numbers as spreadsheets display them.
#include "mbl/import.hpp"

#include <catch2/catch.hpp>

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using mbl::DecimalMark;
using mbl::read_number_cell;

namespace {

constexpr DecimalMark point = DecimalMark::point;
constexpr DecimalMark comma = DecimalMark::comma;

// The number `cell` reads as, or `refused: <problem>`.
std::string read(std::string_view cell, DecimalMark mark) {
    mbl::NumberReading reading = read_number_cell(cell, mark);
    if (reading.number) {
        CHECK(reading.problem.empty());
        return *reading.number;
    }
    CHECK_FALSE(reading.problem.empty());
    return "refused: " + reading.problem;
}

bool refused(std::string_view cell, DecimalMark mark) {
    return !read_number_cell(cell, mark).number.has_value();
}

} // namespace

TEST_CASE("read_number_cell reads plain numbers as written with either mark", "[import-numbers]") {
    for (DecimalMark mark : {point, comma}) {
        CHECK(read("12288", mark) == "12288");
        CHECK(read("0", mark) == "0");
        CHECK(read("-3", mark) == "-3");
        CHECK(read("1024.5", mark) == "1024.5");
        CHECK(read("1.5", mark) == "1.5");
        CHECK(read("0.500", mark) == "0.500"); // 0 cannot lead a group: a decimal
        CHECK(read("2.50", mark) == "2.50");   // the digits kept as written
        CHECK(read("2.5e3", mark) == "2.5e3");
        CHECK(read("1E-2", mark) == "1E-2");
        CHECK(read("-0.25", mark) == "-0.25");
    }
}

TEST_CASE("read_number_cell with a decimal point: ',' groups thousands", "[import-numbers]") {
    CHECK(read("12,288", point) == "12288");
    CHECK(read("1,024.5", point) == "1024.5");
    CHECK(read("1,024,000", point) == "1024000");
    CHECK(read("-1,024", point) == "-1024");
    CHECK(read("999,999.99", point) == "999999.99");
    CHECK(read("12.288", point) == "12.288"); // a decimal, not a group
}

TEST_CASE("read_number_cell with a decimal comma: '.' groups thousands", "[import-numbers]") {
    CHECK(read("12.288", comma) == "12288");
    CHECK(read("1.024,5", comma) == "1024.5");
    CHECK(read("1.024.000", comma) == "1024000");
    CHECK(read("2,5", comma) == "2.5");
    CHECK(read("1024,5", comma) == "1024.5");
    CHECK(read("0,75", comma) == "0.75");
    CHECK(read("-2,5", comma) == "-2.5");
    CHECK(read("12,288", comma) == "12.288"); // a decimal, not a group
    CHECK(read("1.024,50", comma) == "1024.50");
}

TEST_CASE("read_number_cell takes no-break spaces of either width as group separators",
          "[import-numbers]") {
    CHECK(read("12\xC2\xA0"
               "288",
               comma) == "12288");
    CHECK(read("1\xE2\x80\xAF"
               "024,5",
               comma) == "1024.5");
    CHECK(read("1\xE2\x80\xAF"
               "024\xE2\x80\xAF"
               "000",
               point) == "1024000");
    CHECK(read("1\xC2\xA0"
               "024.5",
               point) == "1024.5");
    // one kind per cell
    CHECK(refused("1\xC2\xA0"
                  "024\xE2\x80\xAF"
                  "000",
                  comma));
    CHECK(refused("1.024\xC2\xA0"
                  "000",
                  comma));
    CHECK(refused("12 288", comma)); // an ordinary space is not a group separator
}

TEST_CASE("read_number_cell refuses what only the other mark reads, and says which flag",
          "[import-numbers]") {
    CHECK(read("1.024,5", point) ==
          "refused: is not a number with a decimal point: only a decimal comma reads it "
          "(1024.5); pass --decimal-comma if the file's numbers are written that way");
    CHECK_THAT(read("2,5", point), Contains("only a decimal comma reads it (2.5)"));
    CHECK_THAT(read("-2,5", point), Contains("(-2.5); pass --decimal-comma"));
    CHECK_THAT(read("1.024.000", point), Contains("(1024000); pass --decimal-comma"));
    CHECK_THAT(read("12,28", point), Contains("pass --decimal-comma"));
    CHECK(read("1,024.5", comma) ==
          "refused: is not a number with a decimal comma: only a decimal point reads it "
          "(1024.5); pass --decimal-point if the file's numbers are written that way");
    CHECK_THAT(read("1,024,000", comma), Contains("(1024000); pass --decimal-point"));
}

TEST_CASE("read_number_cell refuses groups of the wrong size and other text", "[import-numbers]") {
    for (DecimalMark mark : {point, comma}) {
        for (std::string_view cell :
             {"four",       "",           "-",          "+5",   "12 MB",   "1.2.3",     "1,2,3",
              "1,2345,678", "1234,567.8", "1234.567,8", ".5",   ",5",      "5.",        "5,",
              "1,,024",     "1..024",     "012",        "00,5", "0,500.5", "1,024.5.5", "1.024,5,5",
              "1,5e3",      "0x10",       "1e",         "--1",  "1-",      "NaN",       "Infinity",
              "1_024",      "1'024",      "12,288 ",    " 12"}) {
            INFO(std::string(cell) << (mark == point ? " with a decimal point" : " with a comma"));
            CHECK(refused(cell, mark));
        }
    }
    CHECK(read("four", point) ==
          "refused: is not a number; write it with digits, ',' between groups of three and '.' "
          "for decimals (e.g. 16, 12,288 or 2.5)");
    CHECK_THAT(read("four", comma), Contains("(e.g. 16, 12.288 or 2,5)"));
    CHECK_THAT(read("12,2888", point), StartsWith("refused: is not a number with a decimal point"));
}

TEST_CASE("read_number_cell: the first group has 1 to 3 digits and no leading zero",
          "[import-numbers]") {
    CHECK(read("1,000", point) == "1000");
    CHECK(read("100,000", point) == "100000");
    CHECK(refused("1000,000", point));
    CHECK(refused("0,500", point)); // not a group; only a decimal comma reads it
    CHECK(read("0,500", comma) == "0.500");
    CHECK(read("1000.000", comma) == "1000.000"); // a plain decimal: 1000 cannot be a first group
    CHECK(read("0.500", comma) == "0.500");
    std::string long_number = "1";
    for (int group = 0; group < 22; ++group) {
        long_number += ",000";
    }
    CHECK(read(long_number, point) == "1" + std::string(66, '0')); // 23 pieces: read
    CHECK(refused(long_number + ",000,000", point));               // more pieces than a number has
}
