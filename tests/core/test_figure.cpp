// format_figure / round_figure: computed numbers rounded once, to at most two decimals.

#include "mbl/figure.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using namespace mbl;

TEST_CASE("format_figure rounds sums to two decimals and trims zeros", "[figure]") {
    CHECK(format_figure(12) == "12");
    CHECK(format_figure(0.1 + 0.2) == "0.3");
    CHECK(format_figure(4.37 + 4.3) == "8.67");
    CHECK(format_figure(48.666666) == "48.67");
    CHECK(format_figure(48.7) == "48.7");
    CHECK(format_figure(-3.5) == "-3.5");
    CHECK(format_figure(-0.001) == "0");
    CHECK(format_figure(1e9 + 0.125) == "1000000000.13");
}

TEST_CASE("round_figure gives the double that format_figure writes", "[figure]") {
    CHECK(round_figure(0.1 + 0.2) == 0.3);
    CHECK(round_figure(4.37 + 4.3) == 8.67);
    CHECK(round_figure(-0.0) == 0.0);
    CHECK_FALSE(std::signbit(round_figure(-0.001)));
}
