// KeyTable: open addressing with linear probing, at most half full.
#include "key_table.hpp"

#include <cstring>
#include <functional>

namespace mbl {
namespace {

std::size_t capacity_for(std::size_t keys) {
    std::size_t capacity = 16;
    while (capacity < keys * 2) {
        capacity *= 2;
    }
    return capacity;
}

} // namespace

KeyTable::KeyTable(std::size_t expected) : slots_(capacity_for(expected)) {}

std::uint64_t KeyTable::hash_of(std::string_view key) {
    return std::hash<std::string_view>{}(key);
}

std::string_view KeyTable::key_of(const Slot& slot) const {
    const std::size_t size = slot.size_plus_one - 1;
    if (size <= inline_size) {
        return {slot.key, size};
    }
    std::size_t offset = 0;
    std::memcpy(&offset, slot.key, sizeof offset);
    return std::string_view(long_keys_).substr(offset, size);
}

std::size_t KeyTable::slot_of(std::string_view key, std::uint64_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    const auto check = static_cast<std::uint32_t>(hash >> 32);
    for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
        const Slot& slot = slots_[at];
        if (slot.size_plus_one == 0 ||
            (slot.size_plus_one == key.size() + 1 && slot.check == check && key_of(slot) == key)) {
            return at;
        }
    }
}

std::pair<std::size_t*, bool> KeyTable::insert(std::string_view key, std::size_t value) {
    if ((size_ + 1) * 2 > slots_.size()) {
        grow();
    }
    const std::uint64_t hash = hash_of(key);
    Slot& slot = slots_[slot_of(key, hash)];
    if (slot.size_plus_one != 0) {
        return {&slot.value, false};
    }
    slot.value = value;
    slot.size_plus_one = static_cast<std::uint32_t>(key.size() + 1);
    slot.check = static_cast<std::uint32_t>(hash >> 32);
    if (key.empty()) {
        // nothing to copy (and memcpy from a null pointer is undefined, even for no bytes)
    } else if (key.size() <= inline_size) {
        std::memcpy(slot.key, key.data(), key.size());
    } else {
        const std::size_t offset = long_keys_.size();
        long_keys_ += key;
        std::memcpy(slot.key, &offset, sizeof offset);
    }
    ++size_;
    return {&slot.value, true};
}

const std::size_t* KeyTable::find(std::string_view key) const {
    if (slots_.empty()) {
        return nullptr;
    }
    const Slot& slot = slots_[slot_of(key, hash_of(key))];
    return slot.size_plus_one == 0 ? nullptr : &slot.value;
}

void KeyTable::grow() {
    HugeArray<Slot> old = std::move(slots_);
    slots_ = HugeArray<Slot>(capacity_for(size_ + 1) * 2);
    for (const Slot& moved : old) {
        if (moved.size_plus_one != 0) {
            slots_[slot_of(key_of(moved), hash_of(key_of(moved)))] = moved;
        }
    }
}

} // namespace mbl
