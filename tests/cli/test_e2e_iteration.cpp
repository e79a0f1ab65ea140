// mbl iteration add/commit/uncommit/start/close, end to end on a copy of the Contoso example
// (today 2026-11-25: it-6 active 2026-11-16..29, it-7 planned, it-1..5 closed).
#include "support/backlog_json.hpp"
#include "support/refusal.hpp"
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace mbl::test;
using nlohmann::json;

namespace {

std::vector<std::string> ids_of(const json& array) {
    return array.get<std::vector<std::string>>();
}

} // namespace

TEST_CASE("iteration close records the assets replicated within its dates", "[e2e][iteration]") {
    TempBacklog backlog("contoso");
    json before = json::parse(backlog.original());
    std::vector<std::string> expected = replicated_within(before, iteration_in(before, "it-6"));
    REQUIRE(expected == std::vector<std::string>{"crm-app-02", "shop-redis"});

    std::string out = run_ok(backlog, {"iteration", "close", "it-6"});
    CHECK(out == "Closed it-6: 2 completed (18 hours); 4 unfinished back in the release backlog\n"
                 "Back in the release backlog: crm-web-01, backup-01, erp-db-01, fs-dfs-ns\n");
    json after = json::parse(backlog.text());
    const json& closed = iteration_in(after, "it-6");
    CHECK(closed["state"] == "closed");
    CHECK(ids_of(closed["completed"]) == expected);
    CHECK(closed["completed_estimate"] == estimate_sum(before, expected));
    CHECK(closed["committed"] == iteration_in(before, "it-6")["committed"]);
    CHECK_FALSE(closed.contains("committed_at_start"));
    CHECK(iteration_in(after, "it-7") == iteration_in(before, "it-7"));
    CHECK(after["assets"] == before["assets"]);
    CHECK(backlog.run({"validate"}).exit_code == 0);
}

TEST_CASE("iteration close --carry-over commits the unfinished assets to the next one",
          "[e2e][iteration]") {
    TempBacklog backlog("contoso");
    std::string out = run_ok(backlog, {"iteration", "close", "it-6", "--carry-over"});
    CHECK(out == "Closed it-6: 2 completed (18 hours); 4 unfinished carried to it-7\n");
    json before = json::parse(backlog.original());
    std::vector<std::string> committed = ids_of(iteration_in(before, "it-7")["committed"]);
    for (const char* id : {"crm-web-01", "backup-01", "erp-db-01", "fs-dfs-ns"}) {
        committed.push_back(id);
    }
    CHECK(ids_of(iteration_in(json::parse(backlog.text()), "it-7")["committed"]) == committed);
}

TEST_CASE("a full cycle: close, plan, commit, start, replicate, close, add", "[e2e][iteration]") {
    TempBacklog backlog("contoso");
    run_ok(backlog, {"iteration", "close", "it-6"});

    std::string plan = run_ok(backlog, {"iteration", "plan", "--commit"});
    CHECK(lines_of(plan)[0] == "Plan for it-7 (2026-11-30 to 2026-12-13)");
    CHECK(lines_of(plan)[1] == "Capacity 120 hours: the capacity of it-7");
    json file = json::parse(backlog.text());
    const json& it7 = iteration_in(file, "it-7");
    std::vector<std::string> committed = ids_of(it7["committed"]);
    double committed_estimate = estimate_sum(file, committed);
    std::vector<std::string> original =
        ids_of(iteration_in(json::parse(backlog.original()), "it-7")["committed"]);
    CHECK(committed.size() > original.size());

    CHECK(run_ok(backlog, {"iteration", "start", "it-7"}) ==
          "Started it-7 with " + std::to_string(committed.size()) + " assets (" +
              std::to_string(static_cast<int>(committed_estimate)) + " hours)\n");
    file = json::parse(backlog.text());
    CHECK(iteration_in(file, "it-7")["state"] == "active");
    CHECK(ids_of(iteration_in(file, "it-7")["committed_at_start"]) == committed);

    // Two of the commitment replicated inside it-7, one asset outside the commitment too.
    run_ok(backlog,
           {"asset", "set", "crm-reports-ssrs", "status=replicated", "--today", "2026-12-01"});
    run_ok(backlog, {"asset", "set", "shop-lb", "status=replicated", "--today", "2026-12-10"});
    run_ok(backlog, {"asset", "set", "dw-sql-dev", "status=replicated", "--today", "2026-12-03"});
    REQUIRE(std::count(committed.begin(), committed.end(), "crm-reports-ssrs") == 1);
    REQUIRE(std::count(committed.begin(), committed.end(), "shop-lb") == 1);
    REQUIRE(std::count(committed.begin(), committed.end(), "dw-sql-dev") == 0);

    std::string close = run_ok(backlog, {"iteration", "close", "it-7", "--today", "2026-12-14"});
    std::vector<std::string> unfinished;
    for (const std::string& id : committed) {
        if (id != "crm-reports-ssrs" && id != "shop-lb") {
            unfinished.push_back(id);
        }
    }
    std::string returned;
    for (const std::string& id : unfinished) {
        returned += (returned.empty() ? "" : ", ") + id;
    }
    CHECK(close == "Closed it-7: 2 completed (28 hours); " + std::to_string(unfinished.size()) +
                       " unfinished back in the release backlog\n"
                       "Back in the release backlog: " +
                       returned + "\n");
    file = json::parse(backlog.text());
    const json& closed = iteration_in(file, "it-7");
    CHECK(closed["state"] == "closed");
    CHECK(ids_of(closed["completed"]) == replicated_within(file, closed));
    CHECK(ids_of(closed["completed"]) == std::vector<std::string>{"crm-reports-ssrs", "shop-lb"});
    CHECK(closed["completed_estimate"] == 28);

    // Velocity is now the average of it-5, it-6 and it-7: (94 + 18 + 28) / 3 = 46.67 (rounded).
    CHECK(run_ok(backlog, {"iteration", "add"}) ==
          "Added it-8: Iteration 8, 2026-12-14 to 2026-12-27, capacity 46.67 hours\n");
    CHECK(run_ok(backlog, {"iteration", "add", "--capacity", "80", "--name", "Holidays", "--start",
                           "2027-01-04"}) ==
          "Added it-9: Holidays, 2027-01-04 to 2027-01-17, capacity 80 hours\n");
    file = json::parse(backlog.text());
    CHECK(iteration_in(file, "it-8")["capacity"] == 46.67);
    CHECK(iteration_in(file, "it-9")["state"] == "planned");
    CHECK(backlog.run({"validate"}).exit_code == 0);
}

TEST_CASE("iteration commit and uncommit print one line per change", "[e2e][iteration]") {
    TempBacklog backlog("contoso");
    CHECK(run_ok(backlog, {"iteration", "commit", "it-7", "dw-sql-dev", "shop-search"}) ==
          "Committed dw-sql-dev to it-7\nCommitted shop-search to it-7\n");
    CHECK(run_ok(backlog, {"iteration", "commit", "it-7", "dw-sql-dev"}) ==
          "Nothing to commit: it-7 already commits dw-sql-dev\n");
    CHECK(run_ok(backlog, {"iteration", "uncommit", "it-7", "shop-search", "dw-sql-dev"}) ==
          "Uncommitted shop-search from it-7\nUncommitted dw-sql-dev from it-7\n");
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE("iteration refusals name the reason and leave the file", "[e2e][iteration]") {
    TempBacklog backlog("contoso");
    require_refused(backlog, {"iteration", "commit", "it-7", "dw-sql-dev", "crm-app-02"}, 1,
                    "cannot commit to it-7:\n  crm-app-02: already replicated");
    require_refused(backlog, {"iteration", "start", "it-7"}, 1,
                    "it-6 is active; close it before starting it-7");
    require_refused(backlog, {"iteration", "close", "it-5"}, 1, "it-5 is already closed");
    require_refused(backlog, {"iteration", "uncommit", "it-7", "dw-sql-dev"}, 1,
                    "cannot uncommit from it-7");
    require_refused(backlog, {"iteration", "start", "it-77"}, 3, "unknown iteration 'it-77'");
    require_refused(backlog, {"iteration", "add", "--start", "2026-12-01"}, 1,
                    "it-8 would start 2026-12-01, before it-7 ends");
    require_refused(backlog, {"iteration", "add", "--start", "2026-02-30"}, 2,
                    "--start: '2026-02-30' is not a valid date");
    require_refused(backlog, {"iteration", "add", "--capacity", "-5"}, 2, "capacity must");
    require_refused(backlog, {"iteration", "add", "--capacity", "lots"}, 2, "");
}
