// The report of `mbl iteration plan` (src/cli/render_plan.hpp), in process.
#include "cli/render_plan.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace mbl;
using namespace mbl::cli;

namespace {

Backlog sample_backlog() {
    Backlog backlog;
    for (const char* id : {"a", "b", "c", "d", "e", "f", "g", "h"}) {
        Asset asset;
        asset.id = id;
        asset.workload = "w";
        backlog.assets.push_back(asset);
    }
    Iteration iteration;
    iteration.id = "it-2";
    iteration.start = *Date::parse("2027-01-18");
    iteration.end = *Date::parse("2027-01-31");
    iteration.committed = {"a", "h"};
    backlog.iterations.push_back(iteration);
    return backlog;
}

PlanReport sample_report() {
    PlanReport report;
    IterationPlan& plan = report.plan;
    plan.iteration_id = "it-2";
    plan.capacity = {30, CapacitySource::velocity, {"it-1"}};
    plan.proposed = {{"a", 12}, {"b", 0.5}};
    plan.proposed_estimate = 12.5;
    plan.left_out = {{"c", ExclusionReason::replicated, "replicated on 2027-01-02"},
                     {"d", ExclusionReason::needs_estimate, ""},
                     {"e", ExclusionReason::waiting_on_dependency, "c2"},
                     {"f", ExclusionReason::over_capacity, "needs 40, 17.5 left"},
                     {"g", ExclusionReason::needs_estimate, ""},
                     {"h", ExclusionReason::blocked, ""}};
    return report;
}

} // namespace

TEST_CASE("render_plan_text: capacity, proposal with running totals, left out by reason",
          "[cli-render-plan]") {
    std::ostringstream out;
    render_plan_text(out, sample_backlog(), sample_report(), false);
    CHECK(out.str() == "Plan for it-2 (2027-01-18 to 2027-01-31)\n"
                       "Capacity 30 hours: average of it-1\n"
                       "\n"
                       "ID  WORKLOAD  ESTIMATE  TOTAL\n"
                       "a   w               12     12\n"
                       "b   w              0.5   12.5\n"
                       "Proposed: 2 assets, 12.5 hours of 30\n"
                       "\n"
                       "Left out:\n"
                       "  over capacity: f (needs 40, 17.5 left)\n"
                       "  waiting on dependency: e (needs c2)\n"
                       "  needs an estimate: d, g\n"
                       "  blocked: h\n"
                       "  already replicated: 1 asset\n"
                       "\n"
                       "Still committed to it-2 though the plan leaves them out: h ('mbl "
                       "iteration uncommit it-2 ID...' takes them out)\n");
}

TEST_CASE("render_plan_text says what --commit did", "[cli-render-plan]") {
    PlanReport report = sample_report();
    report.commitment = PlanCommitment{"it-2", false, {"b"}, 0.5};
    std::ostringstream out;
    render_plan_text(out, sample_backlog(), report, false);
    CHECK(out.str().ends_with("\n\nCommitted 1 asset (0.5 hours) to it-2\n"));

    report.commitment->added.clear();
    std::ostringstream nothing;
    render_plan_text(nothing, sample_backlog(), report, false);
    CHECK(nothing.str().ends_with(
        "\nNothing new to commit: it-2 already commits the whole proposal\n"));
}

TEST_CASE("capacity_line names where the capacity came from", "[cli-render-plan]") {
    Backlog backlog = sample_backlog();
    PlanReport report = sample_report();
    CHECK(capacity_line(backlog, report) == "capacity 30 hours: average of it-1");
    report.plan.capacity.source = CapacitySource::flag;
    CHECK(capacity_line(backlog, report) == "capacity 30 hours: --capacity");
    report.plan.capacity.source = CapacitySource::iteration;
    CHECK(capacity_line(backlog, report) == "capacity 30 hours: the capacity of it-2");
    report.plan.capacity.source = CapacitySource::default_capacity;
    backlog.settings.estimate_unit = EstimateUnit::points;
    CHECK(capacity_line(backlog, report) ==
          "capacity 30 points: settings.default_capacity (no closed iteration yet)");
}

TEST_CASE("render_plan_json has stable keys, numbers as the file spells them",
          "[cli-render-plan]") {
    std::ostringstream out;
    render_plan_json(out, sample_backlog(), sample_report());
    auto document = nlohmann::ordered_json::parse(out.str());
    std::vector<std::string> keys;
    for (const auto& item : document.items()) {
        keys.push_back(item.key());
    }
    CHECK(keys == std::vector<std::string>{"iteration", "capacity", "capacity_source",
                                           "capacity_from", "proposed", "proposed_estimate",
                                           "left_out", "committed_not_proposed", "committed"});
    CHECK(document["capacity_source"] == "velocity");
    CHECK(document["proposed"][1] == nlohmann::ordered_json::parse(
                                         R"({"id": "b", "workload": "w", "estimate": 0.5,
                                             "running_total": 12.5})"));
    CHECK(document["left_out"][1] ==
          nlohmann::ordered_json::parse(R"({"id": "d", "reason": "needs-estimate",
                                            "detail": null})"));
    CHECK(document["left_out"][2]["reason"] == "waiting-on-dependency");
    CHECK(document["committed"].is_null());
    CHECK(out.str().find("\"capacity\": 30,") != std::string::npos); // not 30.0
}

TEST_CASE("render_plan running totals carry no rounding noise", "[cli-render-plan]") {
    PlanReport report = sample_report();
    report.plan.proposed = {{"a", 0.1}, {"b", 0.2}};
    report.plan.proposed_estimate = 0.1 + 0.2;
    std::ostringstream text;
    render_plan_text(text, sample_backlog(), report, false);
    CHECK(text.str().find("b   w              0.2    0.3\n") != std::string::npos);
    CHECK(text.str().find("Proposed: 2 assets, 0.3 hours of 30\n") != std::string::npos);
    std::ostringstream json;
    render_plan_json(json, sample_backlog(), report);
    CHECK(json.str().find("\"running_total\": 0.3\n") != std::string::npos);
    CHECK(json.str().find("\"proposed_estimate\": 0.3,") != std::string::npos);
}
