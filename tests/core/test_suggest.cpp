#include "mbl/suggest.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <string>

TEST_CASE("edit_distance counts insertions, deletions, substitutions and transpositions",
          "[suggest]") {
    CHECK(mbl::edit_distance("", "") == 0);
    CHECK(mbl::edit_distance("estimate", "estimate") == 0);
    CHECK(mbl::edit_distance("estimat", "estimate") == 1);
    CHECK(mbl::edit_distance("estimatee", "estimate") == 1);
    CHECK(mbl::edit_distance("estinate", "estimate") == 1);
    CHECK(mbl::edit_distance("etsimate", "estimate") == 1);
    CHECK(mbl::edit_distance("", "tags") == 4);
}

TEST_CASE("nearest_spelling proposes a plausible typo only", "[suggest]") {
    const std::vector<std::string_view> keys{"estimate", "status", "tags", "tasks"};
    CHECK(mbl::nearest_spelling("estimat", keys) == "estimate");
    CHECK(mbl::nearest_spelling("stauts", keys) == "status");
    CHECK(mbl::nearest_spelling("tagz", keys) == "tags");
    CHECK(mbl::nearest_spelling("taks", keys) == "tags"); // "tasks" too is 1 away: the first wins
    CHECK_FALSE(mbl::nearest_spelling("colour", keys).has_value());
    CHECK_FALSE(mbl::nearest_spelling("x", keys).has_value());
    CHECK_FALSE(mbl::nearest_spelling("estimate", {}).has_value());
}

TEST_CASE("nearest_spelling stays quick on a megabyte-long word", "[suggest]") {
    // Measured against every candidate, this took tens of seconds; the length bound skips them.
    const std::string hostile(1 << 20, 'k');
    const std::vector<std::string_view> keys{"estimate", "status", "attributes", "depends_on"};
    const auto started = std::chrono::steady_clock::now();
    CHECK_FALSE(mbl::nearest_spelling(hostile, keys).has_value());
    CHECK(mbl::nearest_spelling(std::string(30, 'k') + "estimate", keys) == std::nullopt);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
}
