// workloads_in_planning_order: priority, dependencies first, file order; cycles and bad ids.

#include "forecast_fixtures.hpp"
#include "mbl/forecast.hpp"

#include <catch2/catch.hpp>

using namespace mbl;
using namespace mbl::test::forecast;

TEST_CASE("planning order: priority, then dependencies first, then file order", "[forecast]") {
    Backlog backlog;
    backlog.workloads = {workload("hr", 2),          workload("crm", 1, {"identity"}),
                         workload("web", 2, {"hr"}), workload("identity", 3),
                         workload("erp", 1),         workload("mail", 4)};
    CHECK(workloads_in_planning_order(backlog) ==
          std::vector<std::string>{"identity", "crm", "erp", "hr", "web", "mail"});
}

TEST_CASE("planning order survives cycles, unknown and duplicate ids", "[forecast]") {
    Backlog backlog;
    backlog.workloads = {workload("a", 2, {"b", "ghost", "a"}), workload("b", 2, {"c"}),
                         workload("c", 2, {"a"}), workload("a", 1)};
    // The cycle a -> b -> c -> a is broken at the first by (priority, file order); the second
    // "a" (priority 1) counts once.
    CHECK(workloads_in_planning_order(backlog) == std::vector<std::string>{"a", "c", "b"});
}
