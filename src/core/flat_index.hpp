#pragma once
// Positions by string key in one flat table (open addressing, linear probing), the keys kept by
// the caller: a slot is a hash and a position, so a lookup among a million keys costs one cache
// miss in the table and one where the caller keeps the key found, where std::unordered_map costs
// about three, and there is no node per key to allocate and free. The slots are a HugeArray
// (2 MB pages when large). IdIndex (id_index.hpp) is one for entity ids, DependencyLists
// (dependency_list.hpp) one for depends_on lists. Private to the core library.

#include "huge_array.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>

namespace mbl {

class FlatIndex {
  public:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    FlatIndex() = default; // holds nothing; grows on the first insert

    // Room for `expected` keys before the table grows.
    explicit FlatIndex(std::size_t expected) : slots_(capacity_for(expected)) {}

    static std::uint64_t hash_of(std::string_view key) {
        return std::hash<std::string_view>{}(key);
    }

    // The position stored for the key hashed to `hash` that `is_key(position)` accepts, or npos.
    template <class IsKey> std::size_t find(std::uint64_t hash, IsKey&& is_key) const {
        if (slots_.empty()) {
            return npos;
        }
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
            const Slot& at = slots_[slot];
            if (at.position_plus_one == 0) {
                return npos;
            }
            if (at.hash == hash && is_key(at.position_plus_one - 1)) {
                return at.position_plus_one - 1;
            }
        }
    }

    // Stores `position` for the key hashed to `hash` unless `is_key` accepts a position stored
    // already: returns that one (the first holds the key), else `position`.
    template <class IsKey>
    std::size_t insert(std::uint64_t hash, std::size_t position, IsKey&& is_key) {
        if ((size_ + 1) * 2 > slots_.size()) {
            grow();
        }
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
            Slot& at = slots_[slot];
            if (at.position_plus_one == 0) {
                at = Slot{hash, position + 1};
                ++size_;
                return position;
            }
            if (at.hash == hash && is_key(at.position_plus_one - 1)) {
                return at.position_plus_one - 1;
            }
        }
    }

    std::size_t size() const { return size_; }

  private:
    struct Slot {
        std::uint64_t hash = 0;
        std::size_t position_plus_one = 0; // 0: the slot is empty
    };

    // A power of two at least twice `keys` (at most half full: short probes).
    static std::size_t capacity_for(std::size_t keys) {
        std::size_t capacity = 16;
        while (capacity < keys * 2) {
            capacity *= 2;
        }
        return capacity;
    }

    void grow() {
        HugeArray<Slot> old = std::move(slots_);
        slots_ = HugeArray<Slot>(capacity_for(size_ + 1) * 2);
        const std::size_t mask = slots_.size() - 1;
        for (const Slot& moved : old) {
            if (moved.position_plus_one == 0) {
                continue;
            }
            std::size_t slot = moved.hash & mask;
            while (slots_[slot].position_plus_one != 0) {
                slot = (slot + 1) & mask;
            }
            slots_[slot] = moved;
        }
    }

    HugeArray<Slot> slots_; // zero bytes: empty slots
    std::size_t size_ = 0;
};

} // namespace mbl
