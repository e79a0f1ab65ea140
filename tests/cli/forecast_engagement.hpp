#pragma once
// The forecast scenarios' engagement (test_e2e_forecast_scenario.cpp, test_e2e_late_update.cpp):
// its backlog and iterations, on support/engagement.hpp's Engagement.
#include "support/engagement.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace mbl::test::engagement {

using mbl::test::Engagement;

// init (points, two-week iterations from 2027-01-04, default_capacity 5), workloads crm and erp,
// six crm assets and three erp assets of 10 points.
inline void start_engagement(const Engagement& team) {
    const std::string day = "2027-01-01";
    team.ok({"init", "--name", "Month one", "--unit", "points", "--start", "2027-01-04",
             "--capacity", "5"},
            day);
    team.ok({"workload", "add", "crm", "--priority", "1"}, day);
    team.ok({"workload", "add", "erp", "--priority", "2"}, day);
    for (const char* id : {"crm-1", "crm-2", "crm-3", "crm-4", "crm-5", "crm-6"}) {
        team.ok({"asset", "add", id, "--workload", "crm", "--estimate", "10"}, day);
    }
    for (const char* id : {"erp-1", "erp-2", "erp-3"}) {
        team.ok({"asset", "add", id, "--workload", "erp", "--estimate", "10"}, day);
    }
}

// One iteration: add, commit `assets`, start on its first day, replicate each on the day given,
// close the day after it ends.
inline void run_iteration(const Engagement& team, const std::string& id, const std::string& start,
                          const std::string& close_day,
                          const std::vector<std::pair<std::string, std::string>>& replicated) {
    team.ok({"iteration", "add"}, start);
    std::vector<std::string> commit{"iteration", "commit", id};
    for (const auto& [asset, day] : replicated) {
        commit.push_back(asset);
    }
    team.ok(commit, start);
    team.ok({"iteration", "start", id}, start);
    for (const auto& [asset, day] : replicated) {
        team.ok({"asset", "set", asset, "status=replicated"}, day);
    }
    team.ok({"iteration", "close", id}, close_day);
}

} // namespace mbl::test::engagement
