#pragma once
// Positions of entities by id, in a FlatIdMap (flat_id_map.hpp): a lookup among a million assets
// costs about one cache miss in the table where std::unordered_map costs about three. Private to
// the core library.

#include "flat_id_map.hpp"

#include <cstddef>
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
    explicit IdIndex(const std::vector<Entity>& entities) : positions_(entities.size()) {
        for (std::size_t position = 0; position < entities.size(); ++position) {
            positions_.emplace(entities[position].id, position);
        }
    }

    // The position of the first entity holding `id`, or npos.
    std::size_t find(std::string_view id) const {
        const std::size_t* position = positions_.find(id);
        return position ? *position : npos;
    }

  private:
    detail::FlatIdMap<std::size_t> positions_;
};

} // namespace mbl
