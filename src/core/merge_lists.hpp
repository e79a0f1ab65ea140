#pragma once
// The merge's rules for list members (merge.cpp): which lists are sets, which are append-only
// histories, which merge element by element, and the three-way merges themselves. Elements are
// canonical JSON text (RawJson), compared by text as every member is.

#include "mbl/model.hpp"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace mbl::detail {

enum class ListRule {
    whole,       // one value: a change on one side wins, changes on both sides conflict
    set,         // three-way set merge (merge_sets)
    append_only, // both sides' new entries, in date order (merge_appended)
    by_position, // element by element (merge_by_position)
};

// The rule for member `key` of an entity of kind `kind` (`workload`, `asset`, `iteration`):
// sets are `depends_on` (workloads and assets), `tags`, `committed` and `completed`; append-only
// is `stage_history`; by position are an asset's `tasks`. Every other member, unknown keys
// included, is `whole`.
ListRule list_rule(std::string_view kind, std::string_view key);

// Three-way set merge: what either side added is added, what either side removed (present in
// `base`, absent on that side) is removed. Order: ours', then what theirs added, in theirs'
// order; an element listed twice is kept once. `base` null: the list was added on both sides
// (their union).
std::vector<RawJson> merge_sets(const std::vector<RawJson>* base, const std::vector<RawJson>& ours,
                                const std::vector<RawJson>& theirs);

// Append-only merge of a history whose entries are objects with a `date`: `base`, then both
// sides' new entries merged in date order (on the same date ours first), an entry new on both
// sides kept once. Absent when a side did more than append (changed, removed or reordered an
// entry of `base`): then the list is one value. `base` null: nothing was there before.
std::optional<std::vector<RawJson>> merge_appended(const std::vector<RawJson>* base,
                                                   const std::vector<RawJson>& ours,
                                                   const std::vector<RawJson>& theirs);

struct PositionMerge {
    std::vector<RawJson> merged;
    std::vector<std::size_t> conflicts; // 0-based positions changed differently on both sides
                                        // (merged keeps ours there)
};

// Element by element: at each position of `base`, a change on one side wins and the same change
// on both is taken once; then ours' appended elements, then theirs' (those ours did not append
// too). Absent when a side has fewer elements than `base` (which one was removed is not
// knowable by position): then the list is one value. `base` null: nothing was there before.
std::optional<PositionMerge> merge_by_position(const std::vector<RawJson>* base,
                                               const std::vector<RawJson>& ours,
                                               const std::vector<RawJson>& theirs);

} // namespace mbl::detail
