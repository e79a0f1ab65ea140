// A month of a new engagement, end to end over simulated days (--today): the forecast uses the
// first closed iterations and says how sure it is, blocked releases get conditional dates, and
// work replicated late counts where it happened (docs/forecasting.md).
#include "support/run_mbl.hpp"
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace mbl::test;
using nlohmann::json;

namespace {

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
void start_engagement(const Engagement& team) {
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
void run_iteration(const Engagement& team, const std::string& id, const std::string& start,
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

const json& release_in(const json& forecast, const std::string& workload) {
    for (const json& release : forecast["releases"]) {
        if (release["workload"] == workload) {
            return release;
        }
    }
    FAIL("no release " << workload);
    throw std::logic_error("unreachable");
}

std::size_t iterations_at(const json& completion, int percent) {
    for (const json& at : completion["percentiles"]) {
        if (at["percent"] == percent) {
            return at["iterations"].get<std::size_t>();
        }
    }
    FAIL("no percentile " << percent);
    return 0;
}

} // namespace

TEST_CASE("forecast: a stated range before any iteration, then both closed iterations",
          "[e2e][forecast][scenario]") {
    Engagement team;
    start_engagement(team);

    // Day one: no closed iteration, a range around default_capacity, very low confidence.
    std::string before = team.ok({"forecast"}, "2027-01-01");
    CHECK(contains(before,
                   "No closed iteration yet: throughput assumed between 2.5 and 7.5 "
                   "points per iteration (default_capacity 5 +/-50%): very low confidence"));
    json guess = team.json_of({"forecast"}, "2027-01-01");
    CHECK(guess["closed_iterations"] == 0);
    CHECK(guess["confidence"] == "very low");
    CHECK(guess["spread_percent"] == 50);
    CHECK(guess["samples"] == json::array({5}));
    // 90 points at 5 × [0.5, 1.5): 12 iterations at best, 18 at the average.
    CHECK(iterations_at(guess["all"], 50) >= 12);
    CHECK(iterations_at(guess["all"], 95) > iterations_at(guess["all"], 50));

    // Two iterations: 30 then 20 points.
    run_iteration(team, "it-1", "2027-01-04", "2027-01-18",
                  {{"crm-1", "2027-01-06"}, {"crm-2", "2027-01-12"}, {"crm-3", "2027-01-15"}});
    run_iteration(team, "it-2", "2027-01-18", "2027-02-01",
                  {{"crm-4", "2027-01-20"}, {"crm-5", "2027-01-28"}});
    json velocity = team.json_of({"velocity"}, "2027-02-01");
    REQUIRE(velocity["iterations"].size() == 2);
    CHECK(velocity["average"] == 25);

    std::string table = team.ok({"forecast"}, "2027-02-01");
    CHECK(contains(table, "Based on 2 closed iterations (30, 20 points): low confidence; each "
                          "trial's pace widened by +/-33% for so few samples."));
    json after = team.json_of({"forecast"}, "2027-02-01");
    CHECK(after["closed_iterations"] == 2);
    CHECK(after["confidence"] == "low");
    CHECK(after["weak"] == true);
    CHECK(after["spread_percent"] == 33);
    CHECK(after["samples"] == json::array({30, 20}));
    CHECK(after["first_iteration_start"] == "2027-02-01");
    // 40 left (crm-6 and erp): at 20-30 × [0.67, 1.33) two or three iterations, never the
    // eight or more that default_capacity 5 would take.
    CHECK(iterations_at(after["all"], 50) <= 3);
    CHECK(iterations_at(after["all"], 95) <= 5);

    // The same file without the closed iterations' samples: the default_capacity forecast.
    json file = json::parse(read_file(team.file()));
    for (json& iteration : file["iterations"]) {
        iteration.erase("completed_estimate");
    }
    write_file(team.file(), file.dump(2));
    json fallback = team.json_of({"forecast"}, "2027-02-01");
    CHECK(fallback["closed_iterations"] == 0);
    CHECK(iterations_at(fallback["all"], 50) >= 8);
    CHECK(fallback["all"]["percentiles"] != after["all"]["percentiles"]);
}

TEST_CASE("forecast: the same forecast in release list and report, seeded",
          "[e2e][forecast][scenario]") {
    Engagement team;
    start_engagement(team);
    run_iteration(team, "it-1", "2027-01-04", "2027-01-18",
                  {{"crm-1", "2027-01-06"}, {"crm-2", "2027-01-12"}});
    json forecast = team.json_of({"forecast"}, "2027-01-18");
    CHECK(forecast == team.json_of({"forecast"}, "2027-01-18")); // deterministic
    CHECK(forecast["closed_iterations"] == 1);
    json releases = team.json_of({"release", "list"}, "2027-01-18");
    for (const json& release : releases) {
        std::string id = release["id"];
        const json& completion = release_in(forecast, id);
        std::string date_85;
        for (const json& at : completion["percentiles"]) {
            if (at["percent"] == 85) {
                date_85 = at["date"];
            }
        }
        CHECK(release["forecast_85"] == date_85);
        CHECK(release["forecast_conditional"] == false);
    }
    json report = team.json_of({"report"}, "2027-01-18");
    CHECK(report["forecast"]["closed_iterations"] == 1);
    CHECK(report["forecast"]["releases"] == forecast["releases"]);
}

TEST_CASE("forecast: a release with a blocked asset gets no confident date",
          "[e2e][forecast][scenario]") {
    Engagement team;
    start_engagement(team);
    team.ok({"asset", "set", "erp-3", "status=blocked"}, "2027-01-02");
    team.ok({"asset", "set", "erp-2", "depends_on=erp-3"}, "2027-01-02");

    json forecast = team.json_of({"forecast"}, "2027-01-02");
    const json& erp = release_in(forecast, "erp");
    CHECK(erp["conditional"] == true);
    CHECK(erp["blocked_assets"] == json::array({"erp-2", "erp-3"}));
    CHECK(release_in(forecast, "crm")["conditional"] == false);
    CHECK(forecast["all"]["conditional"] == true);

    std::string table = team.ok({"forecast"}, "2027-01-02");
    CHECK(contains(table, "*erp: dates only if unblocked (blocked or waiting on a blocked asset: "
                          "erp-2, erp-3)"));
    for (const std::string& line : lines_of(table)) {
        if (line.rfind("erp ", 0) == 0) {
            CHECK(contains(line, ")*"));
        }
        if (line.rfind("crm ", 0) == 0) {
            CHECK_FALSE(contains(line, "*"));
        }
    }

    std::string releases = team.ok({"release", "list"}, "2027-01-02");
    CHECK(contains(releases, "\nif unblocked: the release waits on blocked assets; the date "
                             "holds only once they are unblocked ('mbl forecast' names them).\n"));
    for (const std::string& line : lines_of(releases)) {
        if (line.rfind("erp", 0) == 0) {
            CHECK(contains(line, " if unblocked"));
        }
        if (line.rfind("crm", 0) == 0) {
            CHECK_FALSE(contains(line, "if unblocked"));
        }
    }
    json list = team.json_of({"release", "list"}, "2027-01-02");
    CHECK(list[1]["id"] == "erp");
    CHECK(list[1]["forecast_conditional"] == true);
    CHECK(list[1]["blocked_assets"] == json::array({"erp-2", "erp-3"}));
    std::string report = team.ok({"report", "--format", "markdown"}, "2027-01-02");
    CHECK(contains(report, "if unblocked"));
    CHECK(contains(report, "erp: dates only if unblocked"));

    // Unblocked: the dates are plain again.
    team.ok({"asset", "set", "erp-3", "status=in-progress"}, "2027-01-03");
    CHECK(release_in(team.json_of({"forecast"}, "2027-01-03"), "erp")["conditional"] == false);
}

TEST_CASE("late update: replicated the morning after the end, corrected, reopened",
          "[e2e][iteration][scenario]") {
    Engagement team;
    start_engagement(team);
    team.ok({"iteration", "add"}, "2027-01-04");
    team.ok({"iteration", "commit", "it-1", "crm-1", "crm-2"}, "2027-01-04");
    team.ok({"iteration", "start", "it-1"}, "2027-01-04");
    team.ok({"asset", "set", "crm-1", "status=replicated"}, "2027-01-17");

    // The morning after it-1 ended: recorded as the 18th, which counts in no iteration.
    RunResult late = team.run({"asset", "set", "crm-2", "status=replicated"}, "2027-01-18");
    INFO(late);
    CHECK(late.exit_code == 0);
    CHECK(contains(late.out, "crm-2: status not-started -> replicated"));
    CHECK(contains(late.err, "mbl: warning: crm-2 is committed to it-1, which ended 2027-01-17, "
                             "but is replicated on 2027-01-18: it will not count in it-1"));
    CHECK(contains(late.err, "crm-2 is replicated on 2027-01-18, outside every iteration"));

    // Closing (a day later still) counts what was replicated by the end: crm-1 only.
    team.ok({"iteration", "close", "it-1"}, "2027-01-19");
    json velocity = team.json_of({"velocity"}, "2027-01-19");
    REQUIRE(velocity["iterations"].size() == 1);
    CHECK(velocity["iterations"][0]["completed_estimate"] == 10);
    CHECK(velocity["iterations"][0]["assets_migrated"] == 1);
    json burndown = team.json_of({"burndown", "it-1"}, "2027-01-19");
    CHECK(burndown["days"].back()["remaining"] == 10); // burndown agrees with the close

    // It was done on the 17th: correct the day. The closed iteration keeps its record…
    team.ok({"asset", "set", "crm-2", "replicated_on=2027-01-17"}, "2027-01-19");
    CHECK(team.json_of({"velocity"}, "2027-01-19")["average"] == 10);
    CHECK(team.json_of({"burndown", "it-1"}, "2027-01-19")["days"].back()["remaining"] == 10);
    // …until it is reopened and closed again.
    CHECK(team.ok({"iteration", "reopen", "it-1"}, "2027-01-19") ==
          "Reopened it-1: active again; what it completed is recomputed when it closes\n");
    json reopened = json::parse(read_file(team.file()));
    CHECK(reopened["iterations"][0]["state"] == "active");
    CHECK_FALSE(reopened["iterations"][0].contains("completed"));
    team.ok({"iteration", "close", "it-1"}, "2027-01-20");
    velocity = team.json_of({"velocity"}, "2027-01-20");
    CHECK(velocity["iterations"][0]["completed_estimate"] == 20);
    CHECK(team.json_of({"burndown", "it-1"}, "2027-01-20")["days"].back()["remaining"] == 0);
    CHECK(velocity["iterations"][0]["assets_migrated"] == 2);
    CHECK(team.json_of({"forecast"}, "2027-01-20")["samples"] == json::array({20}));
    CHECK(team.run({"validate"}, "2027-01-20").exit_code == 0);
}

TEST_CASE("late update with carry-over counts in the next iteration",
          "[e2e][iteration][scenario]") {
    Engagement team;
    start_engagement(team);
    team.ok({"iteration", "add"}, "2027-01-04");
    team.ok({"iteration", "add"}, "2027-01-04"); // it-2, planned: 2027-01-18 to 31
    team.ok({"iteration", "commit", "it-1", "crm-1", "crm-2"}, "2027-01-04");
    team.ok({"iteration", "start", "it-1"}, "2027-01-04");
    team.ok({"asset", "set", "crm-1", "status=replicated"}, "2027-01-15");
    // Really finished on the 18th, inside it-2: only the committed iteration's end is named.
    RunResult late = team.run({"asset", "set", "crm-2", "status=replicated"}, "2027-01-18");
    CHECK(late.exit_code == 0);
    CHECK(contains(late.err, "it will not count in it-1"));
    CHECK_FALSE(contains(late.err, "outside every iteration"));

    team.ok({"iteration", "close", "it-1", "--carry-over"}, "2027-01-19");
    json file = json::parse(read_file(team.file()));
    CHECK(file["iterations"][1]["committed"] == json::array({"crm-2"}));
    team.ok({"iteration", "start", "it-2"}, "2027-01-19");
    team.ok({"iteration", "close", "it-2"}, "2027-02-01");
    json velocity = team.json_of({"velocity"}, "2027-02-01");
    REQUIRE(velocity["iterations"].size() == 2);
    CHECK(velocity["iterations"][0]["completed_estimate"] == 10);
    CHECK(velocity["iterations"][1]["completed_estimate"] == 10); // crm-2, where it happened
    CHECK(velocity["average"] == 10);
}

TEST_CASE("a replication dated outside every iteration warns and still saves",
          "[e2e][iteration][scenario]") {
    Engagement team;
    start_engagement(team);
    team.ok({"iteration", "add"}, "2027-01-04"); // it-1: 2027-01-04 to 17
    RunResult before = team.run({"asset", "set", "erp-1", "status=replicated"}, "2027-01-03");
    INFO(before);
    CHECK(before.exit_code == 0);
    CHECK(before.err == "mbl: warning: erp-1 is replicated on 2027-01-03, outside every "
                        "iteration: its work counts in no iteration's velocity; correct it with "
                        "'mbl asset set erp-1 replicated_on=YYYY-MM-DD' if it was done in one\n");
    CHECK(json::parse(read_file(team.file()))["assets"][6]["replicated_on"] == "2027-01-03");
    // Moved into it-1's dates: nothing to warn about.
    CHECK(team.run({"asset", "set", "erp-1", "replicated_on=2027-01-05"}, "2027-01-05").err == "");
    // Added already replicated, on a day after every iteration.
    RunResult added = team.run({"asset", "add", "erp-4", "--status", "replicated"}, "2027-02-20");
    CHECK(added.exit_code == 0);
    CHECK(contains(added.err, "erp-4 is replicated on 2027-02-20, outside every iteration"));
    // A reopen while another iteration is active is refused, naming it.
    team.ok({"iteration", "start", "it-1"}, "2027-01-05");
    RunResult refused = team.run({"iteration", "reopen", "it-1"}, "2027-01-05");
    CHECK(refused.exit_code == 1);
    CHECK(contains(refused.err, "it-1 is active; only a closed iteration can be reopened"));
}
