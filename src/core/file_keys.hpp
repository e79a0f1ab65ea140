#pragma once
// The known keys of each object in the file, in canonical order (README.md, "The file"). The
// loader recognises exactly these; the writer writes them in this order, unknown keys after.

#include <array>
#include <string_view>

namespace mbl::keys {

inline constexpr std::array<std::string_view, 7> backlog{
    "$schema", "format", "name", "settings", "workloads", "assets", "iterations"};
inline constexpr std::array<std::string_view, 6> settings{
    "estimate_unit",    "iteration_length_days", "first_iteration_start",
    "default_capacity", "task_templates",        "work_item_states"};
inline constexpr std::array<std::string_view, 2> task_template{"title", "percent"};
inline constexpr std::array<std::string_view, 9> workload{
    "id",    "name",          "priority",    "owner", "depends_on",
    "stage", "stage_history", "target_date", "notes"};
inline constexpr std::array<std::string_view, 4> stage_change{"stage", "date", "reason", "forced"};
inline constexpr std::array<std::string_view, 16> asset{
    "id",       "name",       "kind",   "workload",      "owner",        "strategy",
    "estimate", "priority",   "status", "replicated_on", "committed_on", "depends_on",
    "tags",     "attributes", "tasks",  "notes"};
inline constexpr std::array<std::string_view, 3> task{"title", "estimate", "done"};
inline constexpr std::array<std::string_view, 11> iteration{"id",        "name",
                                                            "start",     "end",
                                                            "capacity",  "state",
                                                            "committed", "committed_at_start",
                                                            "completed", "completed_estimate",
                                                            "notes"};

} // namespace mbl::keys
