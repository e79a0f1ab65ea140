#pragma once
// A map from ids to small values in one flat table (open addressing, linear probing), for the
// commands that look up every id of a large backlog (the planner, diff, merge, the imports, the
// exports): no node per id to allocate, free and chase. A slot is 8 bytes (a part of the id's hash
// and where its entry is), so the table of a million ids (16 MB) stays in the processor's
// last-level cache where std::unordered_map's nodes and buckets do not, and a lookup of an id that
// is not there touches its slots only. The keys are views: the strings they view must outlive the
// map and not move. Private to the core library.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

namespace mbl::detail {

// `Value`: anything cheap to copy (a position, a pointer, a count). At most 2^32 - 1 ids.
template <class Value> class FlatIdMap {
  public:
    FlatIdMap() = default; // holds nothing

    // Room for `expected` ids before the table grows.
    explicit FlatIdMap(std::size_t expected) { reserve(expected); }

    // Room for `count` ids before the table grows (growing keeps every value, and the views).
    void reserve(std::size_t count) {
        entries_.reserve(count);
        if (count * 2 > slots_.size()) {
            rehash(count);
        }
    }

    // Maps `id` to `value` unless it is mapped already: the first value given for an id wins.
    // Returns the id's value (valid until the next emplace) and whether it was added now.
    std::pair<Value*, bool> emplace(std::string_view id, Value value) {
        if ((entries_.size() + 1) * 2 > slots_.size()) {
            rehash(entries_.size() + 1);
        }
        const std::uint64_t hash = hash_of(id);
        Slot& slot = slots_[probe(id, hash)];
        if (slot.entry != 0) {
            return {&entries_[slot.entry - 1].value, false};
        }
        entries_.push_back(Entry{id, hash, std::move(value)});
        slot = Slot{tag_of(hash), static_cast<std::uint32_t>(entries_.size())};
        return {&entries_.back().value, true};
    }

    // The value of `id`, or null.
    const Value* find(std::string_view id) const {
        if (entries_.empty()) {
            return nullptr;
        }
        const Slot& slot = slots_[probe(id, hash_of(id))];
        return slot.entry != 0 ? &entries_[slot.entry - 1].value : nullptr;
    }
    Value* find(std::string_view id) { return const_cast<Value*>(std::as_const(*this).find(id)); }

    bool contains(std::string_view id) const { return find(id) != nullptr; }
    std::size_t size() const { return entries_.size(); }
    bool empty() const { return entries_.empty(); }

    // Calls `visit(id, value)` for every id, in the order they were added.
    template <class Visit> void for_each(Visit&& visit) const {
        for (const Entry& entry : entries_) {
            visit(entry.id, entry.value);
        }
    }

  private:
    struct Slot {
        std::uint32_t tag = 0;   // the hash's upper half
        std::uint32_t entry = 0; // 1 + position in entries_; 0 when the slot is free
    };
    struct Entry {
        std::string_view id;
        std::uint64_t hash = 0;
        Value value{};
    };

    static std::uint64_t hash_of(std::string_view id) { return std::hash<std::string_view>{}(id); }
    static std::uint32_t tag_of(std::uint64_t hash) {
        return static_cast<std::uint32_t>(hash >> 32);
    }

    // The slot holding `id`, else the free slot where it would go.
    std::size_t probe(std::string_view id, std::uint64_t hash) const {
        const std::size_t mask = slots_.size() - 1;
        const std::uint32_t tag = tag_of(hash);
        for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
            const Slot& at = slots_[slot];
            if (at.entry == 0 || (at.tag == tag && entries_[at.entry - 1].id == id)) {
                return slot;
            }
        }
    }

    // At least twice `count` slots (a power of two), every entry put back.
    void rehash(std::size_t count) {
        std::size_t capacity = 16;
        while (capacity < count * 2) {
            capacity *= 2;
        }
        slots_.assign(capacity, Slot{});
        const std::size_t mask = capacity - 1;
        for (std::size_t i = 0; i < entries_.size(); ++i) {
            std::size_t slot = entries_[i].hash & mask;
            while (slots_[slot].entry != 0) {
                slot = (slot + 1) & mask;
            }
            slots_[slot] = Slot{tag_of(entries_[i].hash), static_cast<std::uint32_t>(i + 1)};
        }
    }

    std::vector<Slot> slots_;
    std::vector<Entry> entries_; // in the order added
};

} // namespace mbl::detail
