#pragma once
// What end-to-end tests read from a backlog file's JSON: entities by id,
// effective estimates, and what closing an iteration should record, computed independently of mbl.

#include "support/temp_backlog.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace mbl::test {

// The file's `iterations` (or `assets`, `workloads`) entry with `id`; throws std::runtime_error
// when absent.
const nlohmann::json& iteration_in(const nlohmann::json& file, const std::string& id);
const nlohmann::json& asset_in(const nlohmann::json& file, const std::string& id);
const nlohmann::json& workload_in(const nlohmann::json& file, const std::string& id);
// The file's first asset whose `name` is `name`; throws std::runtime_error when none is.
const nlohmann::json& asset_named(const nlohmann::json& file, const std::string& name);

// The sum of the task estimates when a task has one, else `estimate` (0 when null).
double effective_estimate_in(const nlohmann::json& asset);

// The sum of the effective estimates of the assets `ids` names.
double estimate_sum(const nlohmann::json& file, const std::vector<std::string>& ids);

// The committed ids of `iteration` that are replicated with a replicated_on within its dates.
std::vector<std::string> replicated_within(const nlohmann::json& file,
                                           const nlohmann::json& iteration);

// Runs mbl and requires exit 0 and an empty stderr; returns stdout.
std::string run_ok(const TempBacklog& backlog, const std::vector<std::string>& args);

} // namespace mbl::test
