#pragma once
// A map from ids to small values in one flat table (open addressing, linear probing), for ids
// held elsewhere (in the backlog): no node per id to allocate, free and chase, and the hash kept
// beside each key, so a probe reads the key's text only when the hashes agree. Where
// std::unordered_map<std::string_view, V> of a few hundred thousand ids costs about three cache
// misses a lookup, this costs about one. Private to the core library; see IdIndex (id_index.hpp)
// for the positions of the entities of one vector.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

namespace mbl {

// `Value`: small and copyable (a pointer, a number).
template <class Value> class IdMap {
  public:
    // Room for `expected` ids before the table grows (it grows by itself past that).
    explicit IdMap(std::size_t expected = 0) { rehash(capacity_for(expected)); }

    // Adds `key` with `value` unless `key` is there already (then its value stays). `key`'s text
    // must outlive the map. Returns the value held for `key` and whether it was added.
    std::pair<Value*, bool> try_emplace(std::string_view key, Value value) {
        if ((size_ + 1) * 4 > slots_.size() * 3) {
            rehash(slots_.size() * 2);
        }
        const std::uint32_t hash = hash_of(key);
        Slot* at = &slots_[slot_of(key, hash)];
        if (at->used()) {
            return {&at->value, false};
        }
        // A key's data is never null in the table (null marks an empty slot).
        *at = Slot{key.data() ? key.data() : "", static_cast<std::uint32_t>(key.size()), hash,
                   std::move(value)};
        ++size_;
        return {&at->value, true};
    }

    // The value held for `key`, or null.
    const Value* find(std::string_view key) const {
        const Slot& at = slots_[slot_of(key, hash_of(key))];
        return at.used() ? &at.value : nullptr;
    }
    Value* find(std::string_view key) {
        Slot& at = slots_[slot_of(key, hash_of(key))];
        return at.used() ? &at.value : nullptr;
    }

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }

    // Calls `visit(key, value)` for every id, in no particular order.
    template <class Visit> void for_each(Visit&& visit) const {
        for (const Slot& slot : slots_) {
            if (slot.used()) {
                visit(slot.key(), slot.value);
            }
        }
    }

  private:
    // 24 bytes with a pointer for a value: the key as pointer and size, 32 bits of its hash.
    struct Slot {
        const char* data = nullptr; // null: the slot is empty
        std::uint32_t size = 0;
        std::uint32_t hash = 0;
        Value value{};

        bool used() const { return data != nullptr; }
        std::string_view key() const { return {data, size}; }
    };

    static std::uint32_t hash_of(std::string_view key) {
        return static_cast<std::uint32_t>(std::hash<std::string_view>{}(key));
    }

    // At most three quarters full.
    static std::size_t capacity_for(std::size_t expected) {
        std::size_t capacity = 16;
        while (capacity * 3 < expected * 4) {
            capacity *= 2;
        }
        return capacity;
    }

    // The slot holding `key`, else the empty slot where it would go.
    std::size_t slot_of(std::string_view key, std::uint32_t hash) const {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
            const Slot& at = slots_[slot];
            if (!at.used() || (at.hash == hash && at.key() == key)) {
                return slot;
            }
        }
    }

    void rehash(std::size_t capacity) {
        std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(capacity));
        for (Slot& slot : old) {
            if (slot.used()) {
                slots_[slot_of(slot.key(), slot.hash)] = std::move(slot);
            }
        }
    }

    std::vector<Slot> slots_;
    std::size_t size_ = 0;
};

} // namespace mbl
