#pragma once
// Positions of entities by id in one flat table (open addressing, linear probing): no node per
// id to allocate, free and chase, so a lookup among a million assets costs one cache miss in the
// table and one in the entity found, where std::unordered_map costs about three. Private to the
// core library.

#include "flat_index.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

namespace mbl {

// `Entity`: anything with an `id` string (Asset, Workload, Iteration).
template <class Entity> class IdIndex {
  public:
    static constexpr std::size_t npos = FlatIndex::npos;

    IdIndex() = default; // indexes nothing

    // Indexes `entities`, which must outlive the index and not change; the first entity holding
    // an id wins, as everywhere in mbl.
    explicit IdIndex(const std::vector<Entity>& entities)
        : entities_(&entities), index_(entities.size()) {
        for (std::size_t position = 0; position < entities.size(); ++position) {
            const std::string_view id = entities[position].id;
            index_.insert(FlatIndex::hash_of(id), position,
                          [&](std::size_t held) { return entities[held].id == id; });
        }
    }

    // The position of the first entity holding `id`, or npos.
    std::size_t find(std::string_view id) const {
        return index_.find(FlatIndex::hash_of(id),
                           [&](std::size_t held) { return (*entities_)[held].id == id; });
    }

  private:
    const std::vector<Entity>* entities_ = nullptr;
    FlatIndex index_;
};

} // namespace mbl
