#pragma once
// A hash table from short strings (ids, server names, IP addresses) to positions, each key kept
// in its slot: a lookup among a million keys reads one 32-byte slot, one cache miss, where a
// table of views (FlatIdMap) also reads the key where it is kept, and std::unordered_map
// chases a node. Keys longer than a slot holds are kept in one text beside the table. Private
// to the core library.

#include "huge_array.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace mbl {

class KeyTable {
  public:
    KeyTable() = default; // holds nothing; grows on the first insert

    // Room for `expected` keys before the table grows.
    explicit KeyTable(std::size_t expected);

    // The value of `key`, inserting `value` for it when it has none: {that value, inserted}.
    std::pair<std::size_t*, bool> insert(std::string_view key, std::size_t value);

    // The value of `key`; nullptr when it has none.
    const std::size_t* find(std::string_view key) const;

    std::size_t size() const { return size_; }

  private:
    static constexpr std::size_t inline_size = 16;
    struct alignas(32) Slot {
        std::size_t value = 0;
        std::uint32_t size_plus_one = 0; // the key's size + 1; 0: the slot is empty
        std::uint32_t check = 0;         // high bits of the hash
        char key[inline_size] = {};      // the key, or its offset in long_keys_ when longer
    };

    static std::uint64_t hash_of(std::string_view key);
    std::string_view key_of(const Slot& slot) const;
    std::size_t slot_of(std::string_view key, std::uint64_t hash) const; // its or the free one
    void grow();

    HugeArray<Slot> slots_; // zero bytes: empty slots
    std::string long_keys_;
    std::size_t size_ = 0;
};

} // namespace mbl
