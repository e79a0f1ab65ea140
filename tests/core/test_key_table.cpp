// KeyTable (keys held in their slots), DependencyLists and HugeArray: the tables of the
// dependency import.
#include "core/dependency_list.hpp"
#include "core/huge_array.hpp"
#include "core/key_table.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using mbl::KeyTable;

TEST_CASE("KeyTable keeps the first value of each key, short and long", "[index]") {
    KeyTable table(4);
    const std::string long_key = "a-server-name-longer-than-sixteen-bytes";
    CHECK(table.insert("vm-1", 1).second);
    CHECK(table.insert(long_key, 2).second);
    CHECK(table.insert("", 3).second); // the empty key is a key too
    auto [held, added] = table.insert("vm-1", 9);
    CHECK_FALSE(added);
    REQUIRE(held != nullptr);
    CHECK(*held == 1);
    *held = 7; // a value changes in place
    CHECK(*table.find("vm-1") == 7);
    CHECK(*table.find(long_key) == 2);
    CHECK(*table.find("") == 3);
    CHECK(table.find("vm-2") == nullptr);
    CHECK(table.find(long_key.substr(0, 16)) == nullptr); // its first 16 bytes are another key
    CHECK(table.size() == 3);
    CHECK(KeyTable().find("vm-1") == nullptr);
}

TEST_CASE("KeyTable grows from nothing and keeps every key", "[index]") {
    KeyTable table;
    for (std::size_t i = 0; i < 50000; ++i) {
        // every third key longer than a slot holds
        std::string key = (i % 3 == 0 ? "a-long-server-name-" : "ip-") + std::to_string(i);
        REQUIRE(table.insert(key, i).second);
    }
    CHECK(table.size() == 50000);
    for (std::size_t i = 0; i < 50000; ++i) {
        std::string key = (i % 3 == 0 ? "a-long-server-name-" : "ip-") + std::to_string(i);
        const std::size_t* value = table.find(key);
        REQUIRE(value != nullptr);
        REQUIRE(*value == i);
    }
    CHECK(table.find("ip-50000") == nullptr);
}

TEST_CASE("DependencyLists: the first list of an id, until replaced", "[index]") {
    std::vector<std::string> first{"b"};
    std::vector<std::string> second{"c"};
    std::vector<std::string> grown{"b", "d"};
    mbl::DependencyLists lists(1); // grows past what was expected
    lists.add("a", &first);
    lists.add("a", &second); // a repeated id: the first keeps it
    lists.add("b", &second);
    lists.add("c", &second);
    CHECK(lists.find("a") == &first);
    CHECK(lists.find("b") == &second);
    CHECK(lists.find("x") == nullptr);
    CHECK_FALSE(lists.contains("x"));
    lists.replace("a", &grown);
    lists.replace("e", &grown); // an id it did not have
    CHECK(lists.find("a") == &grown);
    CHECK(lists.find("e") == &grown);
    CHECK(lists.contains("c"));
}

TEST_CASE("HugeArray is zeroed and writable, small or mapped on its own", "[index]") {
    for (std::size_t count : {std::size_t(0), std::size_t(100), std::size_t(3) << 20}) {
        mbl::HugeArray<std::uint32_t> array(count);
        REQUIRE(array.size() == count);
        std::size_t nonzero = 0;
        for (std::uint32_t value : array) {
            nonzero += value != 0 ? 1 : 0;
        }
        CHECK(nonzero == 0);
        if (count > 0) {
            array[count - 1] = 7;
            mbl::HugeArray<std::uint32_t> moved = std::move(array);
            CHECK(moved[count - 1] == 7);
            CHECK(array.empty());
        }
    }
}
