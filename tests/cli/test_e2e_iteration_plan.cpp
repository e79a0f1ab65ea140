// mbl iteration plan, end to end on a copy of the Contoso example (today 2026-11-25).
#include "support/backlog_json.hpp"
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace mbl::test;
using nlohmann::json;

namespace {

std::vector<std::string> proposed_ids(const json& plan) {
    std::vector<std::string> ids;
    for (const json& planned : plan["proposed"]) {
        ids.push_back(planned["id"]);
    }
    return ids;
}

// The running totals add up, each estimate is the asset's, and the sum fits the capacity.
void check_arithmetic(const json& file, const json& plan) {
    double total = 0;
    for (const json& planned : plan["proposed"]) {
        total += planned["estimate"].get<double>();
        CHECK(planned["running_total"] == total);
        CHECK(planned["estimate"] == effective_estimate_in(asset_in(file, planned["id"])));
    }
    CHECK(plan["proposed_estimate"] == total);
    CHECK(total <= plan["capacity"].get<double>());
}

} // namespace

TEST_CASE("iteration plan proposes it-7 within its capacity, the same every time",
          "[e2e][iteration-plan]") {
    TempBacklog backlog("contoso");
    json file = json::parse(backlog.original());
    std::string text = run_ok(backlog, {"iteration", "plan"});
    CHECK(run_ok(backlog, {"iteration", "plan"}) == text);
    std::vector<std::string> lines = lines_of(text);
    CHECK(lines[0] == "Plan for it-7 (2026-11-30 to 2026-12-13)");
    CHECK(lines[1] == "Capacity 120 hours: the capacity of it-7");
    CHECK(lines[3] == "ID                   WORKLOAD       ESTIMATE  TOTAL");
    CHECK(contains(text, "\nLeft out:\n"));
    CHECK(contains(text, "\n  waiting on dependency: shop-frontend (needs shop-api)"));
    CHECK(contains(text, "\n  needs an estimate: fs-share-home, erp-edi-gateway"));
    CHECK(contains(text, "\n  blocked: erp-batch-01\n"));
    CHECK(contains(text, "\n  committed to another iteration: fs-dfs-ns (it-6)"));
    CHECK(contains(text, "\n  over capacity: fs-archive-nas (needs 40, "));

    std::string as_json = run_ok(backlog, {"iteration", "plan", "it-7", "--format", "json"});
    CHECK(run_ok(backlog, {"iteration", "plan", "it-7", "--format", "json"}) == as_json);
    json plan = json::parse(as_json);
    CHECK(plan["iteration"] == "it-7");
    CHECK(plan["capacity"] == 120);
    CHECK(plan["capacity_source"] == "iteration");
    CHECK(plan["committed"].is_null());
    CHECK(plan["committed_not_proposed"] == json::array());
    check_arithmetic(file, plan);
    // What it-7 already commits comes first, in its order.
    std::vector<std::string> committed = iteration_in(file, "it-7")["committed"];
    std::vector<std::string> proposed = proposed_ids(plan);
    REQUIRE(proposed.size() >= committed.size());
    CHECK(std::vector<std::string>(proposed.begin(), proposed.begin() + committed.size()) ==
          committed);
    for (const json& left : plan["left_out"]) {
        CHECK(left.contains("detail"));
        if (left["id"] == "erp-batch-01") {
            CHECK(left["reason"] == "blocked");
            CHECK(left["detail"].is_null());
        }
        if (left["id"] == "shop-frontend") {
            CHECK(left["reason"] == "waiting-on-dependency");
            CHECK(left["detail"] == "shop-api");
        }
    }
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE("iteration plan --capacity overrides; --commit commits the proposal",
          "[e2e][iteration-plan]") {
    TempBacklog backlog("contoso");
    json file = json::parse(backlog.original());
    json plan = json::parse(
        run_ok(backlog, {"iteration", "plan", "--capacity", "150", "--format", "json"}));
    CHECK(plan["capacity_source"] == "flag");
    CHECK(plan["capacity"] == 150);
    check_arithmetic(file, plan);
    std::vector<std::string> committed = iteration_in(file, "it-7")["committed"];
    std::vector<std::string> proposed = proposed_ids(plan);
    std::vector<std::string> added(proposed.begin() + committed.size(), proposed.end());
    REQUIRE_FALSE(added.empty());

    std::string out = run_ok(backlog, {"iteration", "plan", "--capacity", "150", "--commit"});
    CHECK(lines_of(out).back() == "Committed " + std::to_string(added.size()) + " assets (" +
                                      std::to_string(static_cast<int>(estimate_sum(file, added))) +
                                      " hours) to it-7");
    CHECK(contains(out, "\nit-7: capacity 120 -> 150\n"));
    json after = json::parse(backlog.text());
    CHECK(iteration_in(after, "it-7")["committed"] == json(proposed));
    CHECK(iteration_in(after, "it-7")["capacity"] == 150); // --capacity with --commit stores it
    CHECK(backlog.run({"validate"}).exit_code == 0);
}

TEST_CASE("iteration plan --commit adds the iteration when none is planned",
          "[e2e][iteration-plan]") {
    TempBacklog backlog("contoso");
    run_ok(backlog, {"iteration", "close", "it-6"});
    run_ok(backlog, {"iteration", "start", "it-7"});

    std::string text = run_ok(backlog, {"iteration", "plan"});
    CHECK(lines_of(text)[0] == "Plan for a new iteration (none is planned; --commit adds it)");
    // (96 + 94 + 18) / 3
    CHECK(lines_of(text)[1] == "Capacity 69.33 hours: average of it-4, it-5, it-6");
    json plan = json::parse(run_ok(backlog, {"iteration", "plan", "--format", "json"}));
    CHECK(plan["iteration"].is_null());
    CHECK(plan["capacity_source"] == "velocity");
    CHECK(plan["capacity_from"] == json{"it-4", "it-5", "it-6"});

    json committed =
        json::parse(run_ok(backlog, {"iteration", "plan", "--commit", "--format", "json"}));
    CHECK(committed["iteration"] == "it-8");
    CHECK(committed["proposed"] == plan["proposed"]);
    CHECK(committed["committed"]["created"] == true);
    CHECK(committed["committed"]["added"] == json(proposed_ids(plan)));
    json after = json::parse(backlog.text());
    const json& it8 = iteration_in(after, "it-8");
    CHECK(it8["start"] == "2026-12-14");
    CHECK(it8["capacity"] == 69.33);
    CHECK(it8["committed"] == json(proposed_ids(plan)));
}

TEST_CASE("iteration plan says what the iteration commits that the plan leaves out",
          "[e2e][iteration-plan]") {
    TempBacklog backlog("contoso");
    run_ok(backlog, {"iteration", "commit", "it-7", "bi-reports"}); // waits on dw-ssas-01
    std::string text = run_ok(backlog, {"iteration", "plan"});
    CHECK(contains(text, "\nStill committed to it-7 though the plan leaves them out: bi-reports "
                         "('mbl iteration uncommit it-7 ID...' takes them out)\n"));
    json plan = json::parse(run_ok(backlog, {"iteration", "plan", "--format", "json"}));
    CHECK(plan["committed_not_proposed"] == json{"bi-reports"});
}

TEST_CASE("iteration plan refuses an iteration that is not planned", "[e2e][iteration-plan]") {
    TempBacklog backlog("contoso");
    RunResult result = backlog.run({"iteration", "plan", "it-6", "--commit"});
    CAPTURE(result);
    CHECK(result.exit_code == 1);
    CHECK(result.out.empty());
    CHECK(contains(result.err, "it-6 is active; only a planned iteration can be planned"));
    CHECK(backlog.text() == backlog.original());
}
