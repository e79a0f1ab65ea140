// PairIndex and port_lists (import_pairs.hpp): the dependency import's rows per server pair.
#include "core/import_pairs.hpp"

#include <catch2/catch.hpp>
#include <vector>

using mbl::import_detail::PairIndex;

TEST_CASE("PairIndex gives each pair its first position, both directions apart", "[import]") {
    PairIndex index(0); // grows past what was expected
    std::size_t next = 0;
    for (std::size_t from = 0; from < 300; ++from) {
        for (std::size_t to = 0; to < 30; ++to) {
            auto [at, added] = index.insert(from, to, next);
            REQUIRE(added);
            REQUIRE(at == next);
            ++next;
        }
    }
    CHECK(index.insert(5, 7, next) == std::pair<std::size_t, bool>(5 * 30 + 7, false));
    CHECK(index.insert(7, 5, next) == std::pair<std::size_t, bool>(7 * 30 + 5, false));
    CHECK(index.insert(0, 0, next) == std::pair<std::size_t, bool>(0, false));
    CHECK(index.insert(300, 0, next) == std::pair<std::size_t, bool>(next, true));
}

TEST_CASE("port_lists: each pair's ports ascending, each once", "[import]") {
    // pair 0: 443, 1433, 443; pair 1: none; pair 2: 8080; pair 3: 22, 22
    auto lists = mbl::import_detail::port_lists(
        4, {{0, 443}, {2, 8080}, {0, 1433}, {3, 22}, {0, 443}, {3, 22}});
    auto as_vector = [&](std::size_t pair) {
        auto ports = lists.of(pair);
        return std::vector<int>(ports.begin(), ports.end());
    };
    CHECK(as_vector(0) == std::vector<int>{443, 1433});
    CHECK(as_vector(1).empty());
    CHECK(as_vector(2) == std::vector<int>{8080});
    CHECK(as_vector(3) == std::vector<int>{22});
    CHECK(lists.ports.size() == 4);
    CHECK(mbl::import_detail::port_lists(0, {}).ports.empty());
}
