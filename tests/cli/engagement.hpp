#pragma once
// A new engagement for the month-one scenarios (test_e2e_forecast_scenario.cpp,
// test_e2e_late_update.cpp): `mbl init` in an empty directory, then commands over simulated days
// (--today).
#include "support/run_mbl.hpp"
#include "support/temp_backlog.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace mbl::test::engagement {

using nlohmann::json;

// An empty directory in which `mbl init` starts a backlog; every run happens there.
class Engagement {
  public:
    RunResult run(std::vector<std::string> args, const std::string& today) const {
        args.push_back("--today");
        args.push_back(today);
        RunOptions options;
        options.cwd = dir_.path();
        return run_mbl(args, options);
    }
    // Requires exit 0 and an empty stderr; returns stdout.
    std::string ok(const std::vector<std::string>& args, const std::string& today) const {
        RunResult result = run(args, today);
        INFO(result);
        REQUIRE(result.exit_code == 0);
        CHECK(result.err.empty());
        return result.out;
    }
    json json_of(std::vector<std::string> args, const std::string& today) const {
        args.push_back("--format");
        args.push_back("json");
        return json::parse(ok(args, today));
    }
    std::filesystem::path file() const { return dir_.path() / "backlog.json"; }

  private:
    TempDir dir_;
};

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
