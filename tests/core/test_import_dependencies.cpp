// plan_dependency_import / apply_dependency_plan (import_dependencies.cpp) on the sample
// Azure Migrate dependency export of tests/data/import.
#include "import_samples.hpp"
#include "mbl/error.hpp"
#include "mbl/import.hpp"
#include "mbl/validate.hpp"
#include "support/error_from.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using mbl::test::error_from;
using mbl::test::import_sample;

namespace {

mbl::Backlog servers(const std::vector<std::pair<std::string, std::string>>& ids_and_names) {
    mbl::Backlog backlog;
    for (const auto& [id, name] : ids_and_names) {
        mbl::Asset asset;
        asset.id = id;
        asset.name = name;
        backlog.assets.push_back(asset);
    }
    return backlog;
}

mbl::DependencyPlan plan_of(const mbl::Backlog& backlog, std::string_view csv) {
    return mbl::plan_dependency_import(backlog, mbl::read_csv(csv, "deps.csv"), "deps.csv");
}

} // namespace

TEST_CASE("import dependencies: the source depends on the destination", "[import]") {
    // Matched by the slug of the server name (crm-web-01), or by the name (Legacy web).
    mbl::Backlog backlog = servers({{"crm-sql-01", "CRM database"},
                                    {"crm-web-01", "CRM web"},
                                    {"legacy", "web \"legacy\" 02"}});
    mbl::DependencyPlan plan = plan_of(backlog, import_sample("azure-migrate-dependencies.csv"));

    REQUIRE(plan.added.size() == 2);
    CHECK(plan.added[0].line == 2);
    CHECK(plan.added[0].from == "crm-web-01");
    CHECK(plan.added[0].to == "crm-sql-01");
    CHECK(plan.added[1].line == 8);
    CHECK(plan.added[1].from == "legacy");
    CHECK(plan.added[1].to == "crm-web-01");
    CHECK(plan.duplicates == 2); // the same pair at another hour, and on another port
    CHECK(plan.self_links == 1);
    REQUIRE(plan.unknown_servers.size() == 2);
    CHECK(plan.unknown_servers[0].line == 6);
    CHECK(plan.unknown_servers[0].reason ==
          "destination server (no name, IP 203.0.113.7) is not an asset of the backlog");
    CHECK(plan.unknown_servers[1].line == 7);
    CHECK(plan.unknown_servers[1].reason ==
          "source server 'BACKUP-01' is not an asset of the backlog");
    REQUIRE(plan.cycles.size() == 1);
    CHECK(plan.cycles[0].line == 9);
    CHECK_THAT(plan.cycles[0].reason,
               StartsWith("crm-sql-01 -> legacy left out: depends_on 'legacy' would make a cycle: "
                          "crm-sql-01 -> legacy -> crm-web-01 -> crm-sql-01"));

    mbl::apply_dependency_plan(backlog, plan);
    CHECK(backlog.assets[0].depends_on.empty());
    CHECK(backlog.assets[1].depends_on == std::vector<std::string>{"crm-sql-01"});
    CHECK(backlog.assets[2].depends_on == std::vector<std::string>{"crm-web-01"});
    CHECK(mbl::validate_backlog(backlog).empty());

    // Again: everything is already there.
    mbl::DependencyPlan again = plan_of(backlog, import_sample("azure-migrate-dependencies.csv"));
    CHECK(again.added.empty());
    CHECK(again.already_present == 2);
    CHECK(again.cycles.size() == 1);
}

TEST_CASE("import dependencies: a cycle with the backlog's own depends_on is left out",
          "[import]") {
    mbl::Backlog backlog = servers({{"a", "A"}, {"b", "B"}, {"c", "C"}});
    backlog.assets[1].depends_on = {"c"};
    backlog.assets[2].depends_on = {"a"};
    mbl::DependencyPlan plan =
        plan_of(backlog, "Source server name,Destination server name\nA,B\nC,B\n");
    CHECK(plan.added.empty());
    REQUIRE(plan.cycles.size() == 2);
    CHECK(plan.cycles[0].line == 2);
    CHECK_THAT(plan.cycles[0].reason, Contains("a -> b -> c -> a"));
    CHECK(plan.cycles[1].line == 3);
    CHECK_THAT(plan.cycles[1].reason, Contains("c -> b -> c"));
}

TEST_CASE("import dependencies refuses an export without the server columns", "[import]") {
    mbl::Backlog backlog = servers({{"a", "A"}});
    mbl::Error error = error_from([&] { plan_of(backlog, "Source,Destination\nA,B\n"); });
    CHECK(error.status() == mbl::ExitStatus::input);
    CHECK_THAT(error.what(), StartsWith("deps.csv:1: no 'Source server name' column"));
}
