// validate_backlog: ids, references, cycles, numbers and the order of problems. Iteration and
// release rules are in test_validate_iterations.cpp.

#include "mbl/load.hpp"
#include "mbl/locate.hpp"
#include "mbl/validate.hpp"
#include "validate_baseline.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace mbl;
using mbl::test::make_asset;
using mbl::test::valid_backlog;
using mbl::test::with_code;

TEST_CASE("a valid backlog has no problems", "[validate]") {
    CHECK(validate_backlog(valid_backlog()).empty());
    CHECK(validate_backlog(Backlog{}).empty());
}

TEST_CASE("a replicated asset without replicated_on is fine", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.assets[0].replicated_on.reset();
    CHECK(validate_backlog(backlog).empty());
}

TEST_CASE("duplicate ids are reported at each later duplicate", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.assets.push_back(backlog.assets[1]);
    backlog.assets.push_back(backlog.assets[1]);
    backlog.workloads.push_back(backlog.workloads[0]);
    auto problems = with_code(validate_backlog(backlog), "duplicate-id");
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].path == "/workloads/2/id");
    CHECK_THAT(problems[0].message,
               Catch::Contains("workload id crm") && Catch::Contains("also at /workloads/0"));
    CHECK(problems[1].path == "/assets/3/id");
    CHECK(problems[1].message == "asset id crm-web-01 is used twice (also at /assets/1); ids must "
                                 "be unique among assets: rename one");
    CHECK(problems[2].path == "/assets/4/id");
    CHECK(problems[2].severity == Severity::error);
}

TEST_CASE("duplicate iteration ids are reported", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.iterations[2].id = "it-1";
    auto problems = with_code(validate_backlog(backlog), "duplicate-id");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "/iterations/2/id");
    CHECK_THAT(problems[0].message, Catch::Contains("also at /iterations/0"));
}

TEST_CASE("ids that are not slugs are reported", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.assets[2].id = "HR App";
    backlog.iterations[2].committed = {"HR App"};
    backlog.workloads[1].id = "";
    backlog.workloads[1].depends_on.clear();
    backlog.assets[2].workload.reset();
    auto all = validate_backlog(backlog);
    auto problems = with_code(all, "invalid-id");
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].path == "/workloads/1/id");
    CHECK_THAT(problems[0].message, Catch::Contains("workload at /workloads/1 has no id"));
    CHECK(problems[1].path == "/assets/2/id");
    CHECK_THAT(problems[1].message, Catch::Contains("asset id \"HR App\" is not a slug"));
    CHECK(with_code(all, "unknown-asset").empty()); // the reference matches the definition
}

TEST_CASE("a dangling id that is not a slug is reported once, as unknown", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.assets[1].depends_on = {"Bad Id"};
    auto problems = validate_backlog(backlog);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == "unknown-asset");
    CHECK_THAT(problems[0].message, Catch::Contains("unknown asset \"Bad Id\""));
}

TEST_CASE("an asset depending on an unknown asset gets a suggestion", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.assets[1].depends_on = {"crm-sql-9"};
    auto problems = validate_backlog(backlog);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == "unknown-asset");
    CHECK(problems[0].severity == Severity::error);
    CHECK(problems[0].path == "/assets/1/depends_on/0");
    CHECK(problems[0].message ==
          "asset crm-web-01 depends on unknown asset crm-sql-9; did you mean crm-sql-01?");
    CHECK(problems[0].position == SourcePosition{});
}

TEST_CASE("an unknown id far from every id says what to do instead", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.assets[1].depends_on = {"mainframe-42"};
    auto problems = validate_backlog(backlog);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message == "asset crm-web-01 depends on unknown asset mainframe-42; add "
                                 "that asset or remove the dependency");
}

TEST_CASE("an asset's own id is never suggested for its dependency", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.assets[0].depends_on = {"crm-sql-1"};
    auto problems = validate_backlog(backlog);
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0].message, !Catch::Contains("did you mean"));
}

TEST_CASE("unknown workloads are reported with a suggestion", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.assets[0].workload = "crmm";
    backlog.workloads[1].depends_on = {"payroll"};
    auto problems = validate_backlog(backlog);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].code == "unknown-workload");
    CHECK(problems[0].path == "/workloads/1/depends_on/0");
    CHECK_THAT(problems[0].message, Catch::StartsWith("workload hr depends on unknown workload "
                                                      "payroll; add that workload"));
    CHECK(problems[1].code == "unknown-workload");
    CHECK(problems[1].path == "/assets/0/workload");
    CHECK(problems[1].message ==
          "asset crm-sql-01 belongs to unknown workload crmm; did you mean crm?");
}

TEST_CASE("committed and completed ids must be known assets", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.iterations[0].completed = std::vector<std::string>{"crm-sql-01", "crm-sq-01"};
    backlog.iterations[2].committed = {"hr-ap-01"};
    auto problems = with_code(validate_backlog(backlog), "unknown-asset");
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].path == "/iterations/0/completed/1");
    CHECK(problems[0].message ==
          "iteration it-1 lists as completed unknown asset crm-sq-01; did you mean crm-sql-01?");
    CHECK(problems[1].path == "/iterations/2/committed/0");
    CHECK_THAT(problems[1].message, Catch::Contains("commits unknown asset hr-ap-01; did you "
                                                    "mean hr-app-01?"));
}

TEST_CASE("a record depending on itself is a self-dependency, not a cycle", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.assets[1].depends_on.push_back("crm-web-01");
    backlog.workloads[0].depends_on = {"crm"};
    auto problems = validate_backlog(backlog);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].code == "self-dependency");
    CHECK(problems[0].path == "/workloads/0/depends_on/0");
    CHECK(problems[1].code == "self-dependency");
    CHECK(problems[1].path == "/assets/1/depends_on/1");
    CHECK(problems[1].message == "asset crm-web-01 depends on itself; remove this entry");
}

TEST_CASE("a cycle of three assets is named in order, once", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.assets[0].depends_on = {"hr-app-01"};
    auto problems = validate_backlog(backlog);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == "dependency-cycle");
    CHECK(problems[0].path == "/assets/1/depends_on/0");
    CHECK(problems[0].message == "asset crm-web-01 closes a dependency cycle: crm-sql-01 -> "
                                 "hr-app-01 -> crm-web-01 -> crm-sql-01; remove one of these "
                                 "dependencies");
}

TEST_CASE("workload cycles are reported before asset cycles", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.workloads[0].depends_on = {"hr"};
    backlog.assets[0].depends_on = {"crm-web-01"};
    auto problems = with_code(validate_backlog(backlog), "dependency-cycle");
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].path == "/workloads/1/depends_on/0");
    CHECK_THAT(problems[0].message, Catch::Contains("workload hr closes a dependency cycle: "
                                                    "crm -> hr -> crm"));
    CHECK(problems[1].path == "/assets/1/depends_on/0");
    CHECK_THAT(problems[1].message, Catch::Contains("crm-sql-01 -> crm-web-01 -> crm-sql-01"));
}

TEST_CASE("a long cycle is named by its ends", "[validate]") {
    Backlog backlog;
    for (int i = 0; i < 20; ++i) {
        Asset asset = make_asset("a" + std::to_string(i));
        asset.depends_on = {"a" + std::to_string((i + 1) % 20)};
        backlog.assets.push_back(asset);
    }
    auto problems = validate_backlog(backlog);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "/assets/19/depends_on/0");
    CHECK_THAT(problems[0].message,
               Catch::Contains("a0 -> a1 -> a2 -> a3 -> ... -> a16 -> a17 -> a18 -> a19 -> a0") &&
                   Catch::Contains("(20 assets in the cycle)"));
}

TEST_CASE("a chain of 200,000 assets validates without overflowing the stack", "[validate]") {
    constexpr int count = 200'000;
    Backlog backlog;
    backlog.assets.resize(count);
    for (int i = 0; i < count; ++i) {
        backlog.assets[i].id = "asset-" + std::to_string(i);
        if (i + 1 < count) {
            backlog.assets[i].depends_on = {"asset-" + std::to_string(i + 1)};
        }
    }
    CHECK(validate_backlog(backlog).empty());

    backlog.assets[count - 1].depends_on = {"asset-0"};
    auto problems = validate_backlog(backlog);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == "dependency-cycle");
    CHECK(problems[0].path == "/assets/199999/depends_on/0");
    CHECK_THAT(problems[0].message, Catch::Contains("(200000 assets in the cycle)"));
}

TEST_CASE("negative estimates and capacities are errors", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.settings.default_capacity = -1;
    backlog.assets[1].estimate = -4;
    backlog.assets[2].tasks[1].estimate = -2.5;
    backlog.iterations[0].capacity = -120;
    backlog.iterations[0].completed_estimate = -16;
    auto problems = validate_backlog(backlog);
    REQUIRE(problems.size() == 5);
    CHECK(problems[0].code == "negative-capacity");
    CHECK(problems[0].path == "/settings/default_capacity");
    CHECK(problems[1].code == "negative-estimate");
    CHECK(problems[1].path == "/assets/1/estimate");
    CHECK_THAT(problems[1].message, Catch::StartsWith("asset crm-web-01 has a negative estimate "
                                                      "(-4); estimates are non-negative hours"));
    CHECK(problems[2].code == "negative-estimate");
    CHECK(problems[2].path == "/assets/2/tasks/1/estimate");
    CHECK_THAT(problems[2].message,
               Catch::Contains("task \"Test\" of asset hr-app-01") && Catch::Contains("(-2.5)"));
    CHECK(problems[3].code == "negative-capacity");
    CHECK(problems[3].path == "/iterations/0/capacity");
    CHECK(problems[4].code == "negative-estimate");
    CHECK(problems[4].path == "/iterations/0/completed_estimate");
}

TEST_CASE("priorities run from 1 to 4", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.workloads[1].priority = 0;
    backlog.assets[2].priority = 5;
    backlog.assets[1].priority = 4;
    auto problems = validate_backlog(backlog);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].code == "priority-range");
    CHECK(problems[0].path == "/workloads/1/priority");
    CHECK(problems[1].path == "/assets/2/priority");
    CHECK(problems[1].message ==
          "asset hr-app-01 has priority 5; priorities run from 1 (highest) to 4");
}

TEST_CASE("problems come by rule group, then in file order", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.iterations[0].completed_estimate.reset();
    backlog.workloads[0].stage = Stage::staging;
    backlog.assets[0].priority = 9;
    backlog.iterations[2].committed = {"mainframe-42"};
    backlog.assets.push_back(backlog.assets[0]);
    auto problems = validate_backlog(backlog);
    std::vector<std::string> codes;
    std::vector<std::string> paths;
    for (const Problem& problem : problems) {
        codes.push_back(problem.code);
        paths.push_back(problem.path);
    }
    CHECK(codes == std::vector<std::string>{"duplicate-id", "unknown-asset", "priority-range",
                                            "priority-range", "stage-not-ready",
                                            "closed-without-completed"});
    CHECK(paths == std::vector<std::string>{"/assets/3/id", "/iterations/2/committed/0",
                                            "/assets/0/priority", "/assets/3/priority",
                                            "/workloads/0/stage",
                                            "/iterations/0/completed_estimate"});
    CHECK(validate_backlog(backlog) == problems);
}

TEST_CASE("a record without an id is named by its place", "[validate]") {
    Backlog backlog = valid_backlog();
    backlog.assets.push_back(make_asset(""));
    backlog.assets.back().priority = 0;
    auto problems = validate_backlog(backlog);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].code == "invalid-id");
    CHECK(problems[0].message ==
          "asset at /assets/3 has no id; give it a unique slug such as asset-1");
    CHECK(problems[1].message ==
          "asset at /assets/3 has priority 0; priorities run from 1 (highest) to 4");
}

TEST_CASE("validation paths point into the file as loaded", "[validate]") {
    std::string text = R"({
  "format": "mbl/1",
  "name": "x",
  "workloads": [
    { "id": "crm", "name": "CRM" }
  ],
  "assets": [
    { "id": "crm-sql-01", "name": "db", "workload": "crm" },
    { "id": "crm-web-01", "name": "web", "workload": "crm",
      "depends_on": ["crm-sql-9"] }
  ]
}
)";
    auto loaded = load_backlog(text);
    REQUIRE(loaded.problems.empty());
    auto problems = validate_backlog(loaded.backlog);
    REQUIRE(problems.size() == 1);
    locate_problems(text, problems);
    CHECK(problems[0].path == "/assets/1/depends_on/0");
    CHECK(problems[0].position == SourcePosition{10, 22});
    CHECK_THAT(problems[0].message, Catch::EndsWith("did you mean crm-sql-01?"));
}

TEST_CASE("task templates name real kinds and share 100 percent", "[validate]") {
    Backlog backlog;
    backlog.settings.task_templates = {
        KindTemplate{"vm", {TaskTemplate{"Assess", 10, {}}, TaskTemplate{"Replicate", 80, {}}}},
        KindTemplate{"mainframe", {TaskTemplate{"Port", 100, {}}}},
        KindTemplate{"database", {TaskTemplate{"Dump", -5, {}}, TaskTemplate{"Load", 105, {}}}}};
    std::vector<std::string> found;
    for (const Problem& p : validate_backlog(backlog)) {
        found.push_back(p.code + " " + p.path);
    }
    CHECK(found ==
          std::vector<std::string>{"template-percent /settings/task_templates/vm",
                                   "unknown-kind /settings/task_templates/mainframe",
                                   "negative-percent /settings/task_templates/database/0/percent",
                                   // a share above 100% (limits.hpp)
                                   "number-too-large /settings/task_templates/database/1/percent"});
}
