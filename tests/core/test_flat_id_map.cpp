// FlatIdMap: values by id in a flat table, the first value given for an id staying.
#include "core/flat_id_map.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

using mbl::detail::FlatIdMap;

TEST_CASE("FlatIdMap keeps the first value of each id and finds nothing for the others",
          "[index]") {
    const std::string web = "web", db = "db", again = "web", empty;
    FlatIdMap<int> map;
    CHECK(map.empty());
    CHECK(map.find(web) == nullptr);
    CHECK_FALSE(map.contains(web));
    auto [first, added] = map.emplace(web, 1);
    CHECK(added);
    CHECK(*first == 1);
    CHECK(map.emplace(db, 2).second);
    auto [kept, added_again] = map.emplace(again, 3); // the same text, another string
    CHECK_FALSE(added_again);
    CHECK(*kept == 1);
    CHECK(map.size() == 2);
    CHECK(*map.find("web") == 1);
    CHECK(*map.find("db") == 2);
    CHECK(map.find("cache") == nullptr);
    CHECK(map.find("") == nullptr);
    CHECK(map.emplace(empty, 4).second); // the empty id is an id like any other
    CHECK(*map.find("") == 4);
    CHECK_FALSE(map.emplace(std::string_view(), 5).second); // the same, without data
    *map.find("db") = 7;                                    // a value found can be changed
    const FlatIdMap<int>& view = map;
    CHECK(*view.find("db") == 7);
}

TEST_CASE("FlatIdMap grows past what it expected, agrees with std::unordered_map, and visits "
          "in the order ids were added",
          "[index]") {
    std::vector<std::string> ids;
    for (int i = 0; i < 20000; ++i) {
        ids.push_back("asset-" + std::to_string(i % 15000)); // the last 5000 repeat earlier ids
    }
    FlatIdMap<std::size_t> map(100); // expects far fewer: grows many times
    std::unordered_map<std::string_view, std::size_t> expected;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        CHECK(map.emplace(ids[i], i).second == expected.emplace(ids[i], i).second);
    }
    CHECK(map.size() == 15000);
    for (const auto& [id, position] : expected) {
        const std::size_t* found = map.find(id);
        REQUIRE(found != nullptr);
        CHECK(*found == position);
    }
    CHECK(map.find("asset-15000") == nullptr);
    std::vector<std::pair<std::string_view, std::size_t>> visited;
    map.for_each(
        [&](std::string_view id, std::size_t position) { visited.emplace_back(id, position); });
    REQUIRE(visited.size() == 15000);
    for (std::size_t i = 0; i < visited.size(); ++i) {
        CHECK(visited[i] == std::pair<std::string_view, std::size_t>(ids[i], i));
    }
}
