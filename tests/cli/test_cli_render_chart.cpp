#include "cli/render_chart.hpp"
#include "cli/render_number.hpp"
#include "cli/render_text.hpp"
#include "support/text.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>

using namespace mbl::cli;

namespace {

using mbl::test::lines_of;

bool is_ascii(const std::string& text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::vector<BurndownChartDay> four_days() {
    // 40 committed; remaining 40, 30, then unknown; ideal 30, 20, 10, 0.
    return {{"1", 40.0, 30}, {"2", 30.0, 20}, {"3", std::nullopt, 10}, {"4", std::nullopt, 0}};
}

} // namespace

TEST_CASE("horizontal_bar scales to the width, in cells or eighths", "[cli-render-chart]") {
    CHECK(horizontal_bar(50, 100, 10, false) == "#####");
    CHECK(horizontal_bar(100, 100, 4, false) == "####");
    CHECK(horizontal_bar(250, 100, 4, false) == "####"); // never longer than the width
    CHECK(horizontal_bar(0, 100, 10, false).empty());
    CHECK(horizontal_bar(5, 0, 10, false).empty());
    CHECK(horizontal_bar(1, 2, 3, true) == "█▌"); // 1.5 cells
    CHECK(horizontal_bar(1, 8, 1, true) == "▏");  // one eighth
    CHECK(horizontal_bar(2, 2, 3, true) == "███");
}

TEST_CASE("render_bar_chart aligns labels and values and scales to the largest",
          "[cli-render-chart]") {
    std::ostringstream out;
    render_bar_chart(out, {{"it-1", 50}, {"iteration-10", 100}, {"x", 0}}, 10, false);
    std::vector<std::string> lines = lines_of(out.str());
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "it-1           50  #####");
    CHECK(lines[1] == "iteration-10  100  ##########");
    CHECK(lines[2] == "x               0"); // no bar, no trailing spaces
}

TEST_CASE("render_bar_chart makes labels terminal-safe", "[cli-render-chart]") {
    std::ostringstream out;
    render_bar_chart(out, {{"evil\x1b[31m", 1}}, 4, true);
    CHECK(out.str().find('\x1b') == std::string::npos);
    CHECK(out.str().find("\\x1b") != std::string::npos);
}

TEST_CASE("sparkline draws one cell per value in eight levels", "[cli-render-chart]") {
    CHECK(sparkline({0, 1, 2, 3, 4, 5, 6, 7}, 7, true) == "▁▂▃▄▅▆▇█");
    CHECK(sparkline({0, 1, 2, 3, 4, 5, 6, 7}, 7, false) == "_.-:=+*#");
    CHECK(sparkline({-5, 100}, 10, false) == "_#"); // clamped
    CHECK(sparkline({3, 3}, 0, false) == "__");
    CHECK(sparkline({}, 10, true).empty());
}

TEST_CASE("render_burndown_chart draws bars, the ideal line, axis, labels and legend",
          "[cli-render-chart]") {
    std::ostringstream out;
    render_burndown_chart(out, four_days(), 40, 4, false);
    std::vector<std::string> lines = lines_of(out.str());
    REQUIRE(lines.size() == 7);
    // Rows of 10: day 1 is a full bar with the ideal (30) inside the row that ends at 30; day 2
    // is full to 30 with the ideal (20) inside; days 3 and 4 show only the ideal, both in the
    // bottom row (10 ends it, 0 is in it).
    CHECK(lines[0] == "40 |##");
    CHECK(lines[1] == "   |** ##");
    CHECK(lines[2] == "   |## **");
    CHECK(lines[3] == " 0 |## ## .. ..");
    CHECK(lines[4] == "   +------------");
    CHECK(lines[5] == "    1  2  3  4");
    CHECK(lines[6] == "# remaining  . ideal  * ideal under the remaining (behind)");
}

TEST_CASE("render_burndown_chart in ASCII has no byte above 0x7f; in Unicode uses blocks",
          "[cli-render-chart]") {
    std::ostringstream ascii;
    render_burndown_chart(ascii, four_days(), 40, 8, false);
    CHECK(is_ascii(ascii.str()));

    std::ostringstream unicode;
    render_burndown_chart(unicode, four_days(), 40, 4, true);
    std::vector<std::string> lines = lines_of(unicode.str());
    REQUIRE(lines.size() == 7);
    CHECK(lines[0] == "40 |██");
    CHECK(lines[1] == "   |▒▒ ██");
    CHECK(lines[3] == " 0 |██ ██ ·· ··");
    CHECK(lines[4] == "   +────────────");
}

TEST_CASE("render_burndown_chart drops day labels that would touch", "[cli-render-chart]") {
    std::vector<BurndownChartDay> days;
    for (int i = 0; i < 28; ++i) {
        days.push_back({std::to_string(i + 1), 28.0 - i, 27.0 - i});
    }
    std::ostringstream out;
    render_burndown_chart(out, days, 28, 5, false);
    std::vector<std::string> lines = lines_of(out.str());
    REQUIRE(lines.size() == 8);
    // 28 days: one-cell bars, two columns per day; two-digit labels skip every other day.
    CHECK(lines[5] == "   +" + std::string(56, '-'));
    CHECK(lines[6].rfind("    1 2 3 4 5 6 7 8 9 10  12  14", 0) == 0);
    for (const std::string& line : lines) {
        CHECK(line.find_last_not_of(' ') + 1 == line.size());
    }
}

TEST_CASE("render_burndown_chart with no days prints only the legend", "[cli-render-chart]") {
    std::ostringstream out;
    render_burndown_chart(out, {}, 0, 10, false);
    CHECK(lines_of(out.str()).size() == 1);
}

TEST_CASE("rounded_number and percent_of round for people", "[cli-render-chart]") {
    CHECK(rounded_number(92) == "92");
    CHECK(rounded_number(9.3808) == "9.38");
    CHECK(rounded_number(-0.001) == "0");
    CHECK(rounded_number(0.995) == "1");
    CHECK(rounded_number(0.1 + 0.2) == "0.3");
    CHECK(rounded_number(4.37 + 4.3) == "8.67");
    CHECK(rounded_number(48.7) == "48.7");
    CHECK(percent_of(64, 110) == "58%");
    CHECK(percent_of(5, 0) == "0%");
}
