#pragma once
// A map from ids to small values in one flat table (open addressing, linear probing), for the
// diff and the merge, which look up every id of a large backlog: no node per id to allocate, free
// and chase, so a lookup costs one cache miss in the table where std::unordered_map costs about
// three (id_index.hpp does the same for positions in one vector of entities). The keys are views:
// the strings they view must outlive the map and not move. Private to the core library.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

namespace mbl::detail {

// `Value`: anything cheap to copy (a position, a pointer, a count).
template <class Value> class FlatIdMap {
  public:
    FlatIdMap() = default; // holds nothing

    // Room for `count` ids before the table grows (growing keeps every value, and the views).
    void reserve(std::size_t count) {
        if (count * 2 > slots_.size()) {
            rehash(count);
        }
    }

    // Maps `id` to `value` unless it is mapped already: the first value given for an id wins.
    // Returns the id's value and whether it was added now.
    std::pair<Value*, bool> emplace(std::string_view id, Value value) {
        if ((size_ + 1) * 2 > slots_.size()) {
            rehash(size_ + 1);
        }
        const std::uint64_t hash = hash_of(id);
        Slot& slot = slots_[probe(id, hash)];
        if (slot.used) {
            return {&slot.value, false};
        }
        slot = Slot{id, hash, std::move(value), true};
        ++size_;
        return {&slot.value, true};
    }

    // The value of `id`, or null.
    const Value* find(std::string_view id) const {
        if (size_ == 0) {
            return nullptr;
        }
        const Slot& slot = slots_[probe(id, hash_of(id))];
        return slot.used ? &slot.value : nullptr;
    }
    Value* find(std::string_view id) { return const_cast<Value*>(std::as_const(*this).find(id)); }

    bool contains(std::string_view id) const { return find(id) != nullptr; }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }

  private:
    struct Slot {
        std::string_view id;
        std::uint64_t hash = 0;
        Value value{};
        bool used = false;
    };

    static std::uint64_t hash_of(std::string_view id) { return std::hash<std::string_view>{}(id); }

    // The slot holding `id`, else the empty slot where it would go.
    std::size_t probe(std::string_view id, std::uint64_t hash) const {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
            const Slot& at = slots_[slot];
            if (!at.used || (at.hash == hash && at.id == id)) {
                return slot;
            }
        }
    }

    // At least twice `count` slots (a power of two), every id put back.
    void rehash(std::size_t count) {
        std::size_t capacity = 16;
        while (capacity < count * 2) {
            capacity *= 2;
        }
        std::vector<Slot> old(capacity);
        old.swap(slots_);
        for (Slot& slot : old) {
            if (slot.used) {
                slots_[probe(slot.id, slot.hash)] = std::move(slot);
            }
        }
    }

    std::vector<Slot> slots_;
    std::size_t size_ = 0;
};

} // namespace mbl::detail
