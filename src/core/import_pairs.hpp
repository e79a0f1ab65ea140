#pragma once
// How the dependency import gathers its rows per server pair: the position of each pair
// (PairIndex) and the destination ports of each (PortLists). Private to the core library
// (import_dependencies.cpp).

#include "huge_array.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace mbl::import_detail {

// The position of each server pair among the pairs, in one flat table (open addressing, a
// HugeArray): a row's lookup is one cache miss, and no node per pair is allocated and freed.
class PairIndex {
  public:
    explicit PairIndex(std::size_t expected) : slots_(capacity_for(expected)) {}

    // The position of the pair `from` -> `to` (asset indexes), `next` when it had none:
    // {position, whether it is new}.
    std::pair<std::size_t, bool> insert(std::size_t from, std::size_t to, std::size_t next) {
        if ((size_ + 1) * 2 > slots_.size()) {
            grow();
        }
        const std::uint64_t key = static_cast<std::uint64_t>(from) << 32 | to;
        Slot& slot = slots_[slot_of(key)];
        if (slot.position_plus_one != 0) {
            return {slot.position_plus_one - 1, false};
        }
        slot = {key, next + 1};
        ++size_;
        return {next, true};
    }

  private:
    struct Slot {
        std::uint64_t key = 0;
        std::size_t position_plus_one = 0; // 0: the slot is empty
    };

    static std::size_t capacity_for(std::size_t pairs) {
        std::size_t capacity = 16;
        while (capacity < pairs * 2) {
            capacity *= 2;
        }
        return capacity;
    }
    std::size_t slot_of(std::uint64_t key) const { // the pair's slot, or the empty one it takes
        const std::size_t mask = slots_.size() - 1;
        std::uint64_t mixed = key * 0x9E3779B97F4A7C15u;
        for (std::size_t at = (mixed ^ mixed >> 32) & mask;; at = (at + 1) & mask) {
            if (slots_[at].position_plus_one == 0 || slots_[at].key == key) {
                return at;
            }
        }
    }
    void grow() {
        HugeArray<Slot> old = std::move(slots_);
        slots_ = HugeArray<Slot>(capacity_for(size_ + 1) * 2);
        for (const Slot& moved : old) {
            if (moved.position_plus_one != 0) {
                slots_[slot_of(moved.key)] = moved;
            }
        }
    }

    HugeArray<Slot> slots_;
    std::size_t size_ = 0;
};

// The destination ports of each pair: ports[offsets[p] .. offsets[p + 1]) for the pair at p,
// ascending, each once (most pairs have one). One block for all, not a vector per pair.
struct PortLists {
    std::vector<std::size_t> offsets{0};
    std::vector<int> ports;

    std::span<const int> of(std::size_t pair) const {
        return std::span<const int>(ports).subspan(offsets[pair],
                                                   offsets[pair + 1] - offsets[pair]);
    }
};

// The PortLists of `pair_count` pairs from the (pair, port) of each row that gives a port.
inline PortLists port_lists(std::size_t pair_count,
                            const std::vector<std::pair<std::size_t, int>>& rows) {
    PortLists lists;
    lists.offsets.assign(pair_count + 1, 0);
    for (const auto& row : rows) { // counted, then placed by pair: linear, no sort of it all
        ++lists.offsets[row.first + 1];
    }
    for (std::size_t pair = 0; pair < pair_count; ++pair) {
        lists.offsets[pair + 1] += lists.offsets[pair];
    }
    lists.ports.resize(rows.size());
    std::vector<std::size_t> next(lists.offsets.begin(), lists.offsets.end() - 1);
    for (const auto& [pair, port] : rows) {
        lists.ports[next[pair]++] = port;
    }
    std::size_t kept = 0; // each pair's ports sorted, the repeats dropped, moved up
    for (std::size_t pair = 0; pair < pair_count; ++pair) {
        auto begin = lists.ports.begin() + static_cast<std::ptrdiff_t>(lists.offsets[pair]);
        auto end = lists.ports.begin() + static_cast<std::ptrdiff_t>(lists.offsets[pair + 1]);
        std::sort(begin, end);
        end = std::unique(begin, end);
        lists.offsets[pair] = kept;
        kept = static_cast<std::size_t>(
            std::copy(begin, end, lists.ports.begin() + static_cast<std::ptrdiff_t>(kept)) -
            lists.ports.begin());
    }
    lists.offsets[pair_count] = kept;
    lists.ports.resize(kept);
    return lists;
}

} // namespace mbl::import_detail
