#pragma once
// The merge checked as a plan (merge.hpp): commitments clean field by field can still add up to
// more than an iteration holds, or put one asset in two open iterations.

#include "mbl/merge.hpp"
#include "mbl/model.hpp"

#include <vector>

namespace mbl::detail {

// Conflicts of `merged` (the merge of `ours` and `theirs`, from `base`, null when none) as a plan,
// in `merged`'s order: over_committed for each open iteration whose committed estimate (the
// assets' effective estimates) is above its capacity while neither side's is; then
// committed_twice for each asset committed to two or more open iterations while neither side's
// is. Each names what each side committed.
std::vector<MergeConflict> plan_conflicts(const Backlog* base, const Backlog& ours,
                                          const Backlog& theirs, const Backlog& merged);

} // namespace mbl::detail
