// IdIndex: positions by id in a flat table, the first entity holding an id winning.
#include "core/id_index.hpp"
#include "mbl/model.hpp"

#include <catch2/catch.hpp>
#include <string>

using mbl::Asset;
using mbl::IdIndex;

TEST_CASE("IdIndex finds the first entity holding each id, and nothing for the others", "[index]") {
    std::vector<Asset> assets(3);
    assets[0].id = "web";
    assets[1].id = "db";
    assets[2].id = "web"; // a duplicate: the first holds the id
    IdIndex<Asset> index(assets);
    CHECK(index.find("web") == 0);
    CHECK(index.find("db") == 1);
    CHECK(index.find("cache") == IdIndex<Asset>::npos);
    CHECK(index.find("") == IdIndex<Asset>::npos);
    CHECK(IdIndex<Asset>().find("web") == IdIndex<Asset>::npos);
    CHECK(IdIndex<Asset>(std::vector<Asset>{}).find("web") == IdIndex<Asset>::npos);
}

TEST_CASE("IdIndex holds many ids, as std::unordered_map would", "[index]") {
    std::vector<Asset> assets(20000);
    for (std::size_t i = 0; i < assets.size(); ++i) {
        assets[i].id = "asset-" + std::to_string(i % 15000); // the last 5000 repeat earlier ids
    }
    IdIndex<Asset> index(assets);
    for (std::size_t i = 0; i < 15000; ++i) {
        REQUIRE(index.find("asset-" + std::to_string(i)) == i);
    }
    for (std::size_t i = 15000; i < 16000; ++i) {
        REQUIRE(index.find("asset-" + std::to_string(i)) == IdIndex<Asset>::npos);
    }
}
