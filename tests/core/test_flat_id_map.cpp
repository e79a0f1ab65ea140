// FlatIdMap: small values by id in a flat table (the diff's and the merge's lookups), the first
// value given for an id winning.
#include "core/flat_id_map.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using mbl::detail::FlatIdMap;

TEST_CASE("FlatIdMap keeps the first value of each id and finds nothing for the others",
          "[index]") {
    FlatIdMap<int> map;
    CHECK(map.empty());
    CHECK(map.find("web") == nullptr); // nothing held: no table at all
    auto [web, added] = map.emplace("web", 1);
    CHECK(added);
    CHECK(*web == 1);
    CHECK(map.emplace("db", 2).second);
    auto [again, added_again] = map.emplace("web", 3); // a duplicate: the first value stays
    CHECK_FALSE(added_again);
    CHECK(*again == 1);
    CHECK(map.size() == 2);
    REQUIRE(map.find("web") != nullptr);
    CHECK(*map.find("web") == 1);
    CHECK(*map.find("db") == 2);
    CHECK(map.find("cache") == nullptr);
    CHECK(map.find("") == nullptr);
    CHECK_FALSE(map.contains("we"));   // a prefix of an id is another id
    CHECK_FALSE(map.contains("webs")); // and so is an id it prefixes

    SECTION("a value found can be changed in place") {
        ++*map.find("db");
        CHECK(*map.find("db") == 3);
    }
    SECTION("the empty id is an id like any other") {
        CHECK(map.emplace("", 7).second);
        CHECK(*map.find("") == 7);
        CHECK(map.find("web") != nullptr);
    }
}

TEST_CASE("FlatIdMap grows past what was reserved and keeps every value, as std::unordered_map "
          "would",
          "[index]") {
    // Views of strings that outlive the map and do not move.
    std::vector<std::string> ids;
    for (int i = 0; i < 20000; ++i) {
        ids.push_back("asset-" + std::to_string(i % 15000)); // the last 5000 repeat earlier ids
    }
    FlatIdMap<std::size_t> map;
    map.reserve(100); // far too few: the table grows many times
    for (std::size_t i = 0; i < ids.size(); ++i) {
        CHECK(map.emplace(ids[i], i).second == (i < 15000));
    }
    CHECK(map.size() == 15000);
    for (std::size_t i = 0; i < 15000; ++i) {
        const std::size_t* found = map.find("asset-" + std::to_string(i));
        REQUIRE(found != nullptr);
        REQUIRE(*found == i);
    }
    for (std::size_t i = 15000; i < 16000; ++i) {
        REQUIRE_FALSE(map.contains("asset-" + std::to_string(i)));
    }
}
