#pragma once
// Shared by the release reports and the work breakdown (private to the core library): which
// iteration each asset belongs to, in one pass over the iterations.

#include "mbl/model.hpp"

#include <string_view>
#include <unordered_map>

namespace mbl {

// Asset id -> the iteration it belongs to (see iteration_of_asset in release.hpp): the first
// closed iteration in file order whose `completed` names it, else the open iteration committing
// it that starts first (file order on ties). Assets in neither are absent.
using IterationsByAsset = std::unordered_map<std::string_view, const Iteration*>;
IterationsByAsset index_iterations_by_asset(const Backlog& backlog);

// The iteration of `asset_id` in `index`, or null.
const Iteration* lookup_iteration(const IterationsByAsset& index, std::string_view asset_id);

} // namespace mbl
