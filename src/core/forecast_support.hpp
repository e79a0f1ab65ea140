#pragma once
// Shared by velocity, forecast, burndown and status (private to the core library): assets by id,
// sums of committed estimates, and the closed iterations that count for velocity.

#include "mbl/model.hpp"
#include "mbl/status.hpp"

#include <initializer_list>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mbl {

// Assets by id; the first asset holding an id wins (duplicates are reported by validate).
using AssetsById = std::unordered_map<std::string_view, const Asset*>;
AssetsById index_assets(const Backlog& backlog);

// index_assets for the assets named in `lists` only (each a list of ids, e.g. the commitments of
// the open iterations): the same answers for those ids, without a node per asset of the backlog.
AssetsById index_assets_named(const Backlog& backlog,
                              std::initializer_list<const std::vector<std::string>*> lists);
AssetsById index_assets_named(const Backlog& backlog,
                              const std::vector<const std::vector<std::string>*>& lists);

// The asset with `id`, or null.
const Asset* lookup_asset(const AssetsById& assets, std::string_view id);

// The assets named by `ids`, in that order, each once; unknown ids are skipped (validate reports
// them).
std::vector<const Asset*> resolve_assets(const AssetsById& assets,
                                         const std::vector<std::string>& ids);

// Sum of the effective estimates of `assets`; unestimated ones add nothing (status reports them).
double sum_of_estimates(const std::vector<const Asset*>& assets);

// Sum of the effective estimates of the assets named by `ids` (resolve_assets).
double sum_of_estimates(const AssetsById& assets, const std::vector<std::string>& ids);

// For each of `lists`, sum_of_estimates(index_assets_named(backlog, lists), *list): the same sums,
// in the same order of addition, from one flat table of the ids named (FlatIdMap), without a node
// per asset found.
std::vector<double> sums_of_estimates(const Backlog& backlog,
                                      const std::vector<const std::vector<std::string>*>& lists);

// Replicated with a replicated_on within the iteration's start..end (both included): what
// close_iteration records as completed when the iteration commits the asset.
bool completed_within(const Asset& asset, const Iteration& iteration);

// compute_burndown (status.hpp) over the already resolved commitment of `iteration`.
Burndown burndown_of(const Iteration& iteration, const std::vector<const Asset*>& committed,
                     Date today);

// The closed iterations that recorded a completed_estimate, by end date (file order on ties).
std::vector<const Iteration*> closed_iterations_by_end(const Backlog& backlog);

} // namespace mbl
