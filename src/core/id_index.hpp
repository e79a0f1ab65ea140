#pragma once
// Positions of entities by id in one flat table (open addressing, linear probing): no node per
// id to allocate, free and chase, so a lookup among a million assets costs one cache miss in the
// table and one in the entity found, where std::unordered_map costs about three. Private to the
// core library.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace mbl {

// `Entity`: anything with an `id` string (Asset, Workload, Iteration).
template <class Entity> class IdIndex {
  public:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    IdIndex() = default; // indexes nothing

    // Indexes `entities`, which must outlive the index and not change; the first entity holding
    // an id wins, as everywhere in mbl.
    explicit IdIndex(const std::vector<Entity>& entities) : entities_(&entities) {
        std::size_t capacity = 16;
        while (capacity < entities.size() * 2) {
            capacity *= 2;
        }
        slots_.assign(capacity, Slot{});
        for (std::size_t position = 0; position < entities.size(); ++position) {
            insert(entities[position].id, position);
        }
    }

    // The position of the first entity holding `id`, or npos.
    std::size_t find(std::string_view id) const {
        if (slots_.empty()) {
            return npos;
        }
        const std::uint64_t hash = hash_of(id);
        for (std::size_t slot = hash & (slots_.size() - 1);;
             slot = (slot + 1) & (slots_.size() - 1)) {
            const Slot& at = slots_[slot];
            if (at.position_plus_one == 0) {
                return npos;
            }
            if (at.hash == hash && id_at_(at.position_plus_one - 1) == id) {
                return at.position_plus_one - 1;
            }
        }
    }

  private:
    struct Slot {
        std::uint64_t hash = 0;
        std::size_t position_plus_one = 0; // 0: the slot is empty
    };

    static std::uint64_t hash_of(std::string_view id) { return std::hash<std::string_view>{}(id); }

    void insert(std::string_view id, std::size_t position) {
        const std::uint64_t hash = hash_of(id);
        for (std::size_t slot = hash & (slots_.size() - 1);;
             slot = (slot + 1) & (slots_.size() - 1)) {
            Slot& at = slots_[slot];
            if (at.position_plus_one == 0) {
                at = Slot{hash, position + 1};
                return;
            }
            if (at.hash == hash && id_at_(at.position_plus_one - 1) == id) {
                return; // a duplicate id: the first holds it
            }
        }
    }

    std::string_view id_at_(std::size_t position) const { return (*entities_)[position].id; }

    const std::vector<Entity>* entities_ = nullptr;
    std::vector<Slot> slots_;
};

} // namespace mbl
