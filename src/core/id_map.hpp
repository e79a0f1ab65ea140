#pragma once
// A map from ids to small values in one flat table (open addressing, linear probing), for ids
// held elsewhere (in the backlog): no node per id to allocate, free and chase, a byte of tag per
// slot that answers most lookups of an absent id alone, and the hash kept beside each key, so a
// probe reads the key's text only when the hashes agree. Where
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
        const std::size_t at = slot_of(key, hash);
        if (tags_[at] != no_id) {
            return {&slots_[at].value, false};
        }
        tags_[at] = tag_of(hash);
        slots_[at] =
            Slot{key.data(), static_cast<std::uint32_t>(key.size()), hash, std::move(value)};
        ++size_;
        return {&slots_[at].value, true};
    }

    // The value held for `key`, or null.
    const Value* find(std::string_view key) const {
        const std::size_t at = slot_of(key, hash_of(key));
        return tags_[at] != no_id ? &slots_[at].value : nullptr;
    }
    Value* find(std::string_view key) {
        const std::size_t at = slot_of(key, hash_of(key));
        return tags_[at] != no_id ? &slots_[at].value : nullptr;
    }

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }

    // Calls `visit(key, value)` for every id, in no particular order.
    template <class Visit> void for_each(Visit&& visit) const {
        for (std::size_t at = 0; at < slots_.size(); ++at) {
            if (tags_[at] != no_id) {
                visit(slots_[at].key(), slots_[at].value);
            }
        }
    }

  private:
    // 24 bytes with a pointer for a value: the key as pointer and size, 32 bits of its hash.
    struct Slot {
        const char* data = nullptr;
        std::uint32_t size = 0;
        std::uint32_t hash = 0;
        Value value{};

        std::string_view key() const { return {data, size}; }
    };

    // A slot's tag, in a byte array of its own beside the slots: `no_id` (empty), or 7 bits of the
    // hash with the high bit set. An id that is not there (most lookups, when the map holds the
    // few ids of a long list) is told by the tags alone: 1 byte a slot, so they stay in the cache
    // where the slots (24 bytes) of a few hundred thousand ids do not.
    static constexpr std::uint8_t no_id = 0;
    static std::uint8_t tag_of(std::uint32_t hash) {
        return static_cast<std::uint8_t>(0x80U | (hash >> 25U));
    }

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
        const std::uint8_t tag = tag_of(hash);
        for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
            if (tags_[at] == no_id) {
                return at;
            }
            if (tags_[at] == tag && slots_[at].hash == hash && slots_[at].key() == key) {
                return at;
            }
        }
    }

    void rehash(std::size_t capacity) {
        std::vector<Slot> old_slots = std::exchange(slots_, std::vector<Slot>(capacity));
        std::vector<std::uint8_t> old_tags =
            std::exchange(tags_, std::vector<std::uint8_t>(capacity, no_id));
        for (std::size_t at = 0; at < old_slots.size(); ++at) {
            if (old_tags[at] != no_id) {
                const std::size_t to = slot_of(old_slots[at].key(), old_slots[at].hash);
                tags_[to] = old_tags[at];
                slots_[to] = std::move(old_slots[at]);
            }
        }
    }

    std::vector<std::uint8_t> tags_;
    std::vector<Slot> slots_;
    std::size_t size_ = 0;
};

} // namespace mbl
