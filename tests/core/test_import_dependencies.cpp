// plan_dependency_import / apply_dependency_plan (import_dependencies.cpp) on the sample
// Azure Migrate dependency export of tests/data/import.
#include "import_samples.hpp"
#include "mbl/error.hpp"
#include "mbl/import.hpp"
#include "mbl/raw_json.hpp"
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
    CHECK(plan.unknown_servers[0].side == "destination");
    CHECK(plan.unknown_servers[0].name.empty());
    CHECK(plan.unknown_servers[0].ip == "203.0.113.7");
    CHECK(plan.unknown_servers[0].rows == 1);
    CHECK(plan.unknown_servers[1].line == 7);
    CHECK(plan.unknown_servers[1].side == "source");
    CHECK(plan.unknown_servers[1].name == "BACKUP-01");
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
    CHECK_THAT(error.what(),
               StartsWith("deps.csv:1: no 'Source server name' or 'Source IP' column"));
}

namespace {

void set_attribute(mbl::Asset& asset, const std::string& key, const std::string& json) {
    asset.attributes.emplace_back(key, *mbl::parse_raw_json(json, 4));
}

std::string attribute(const mbl::Asset& asset, std::string_view key) {
    for (const auto& [name, value] : asset.attributes) {
        if (name == key) {
            return mbl::one_line(value);
        }
    }
    return "(absent)";
}

// The servers of azure-migrate-dependencies-by-ip.csv: the database has its address in `ips`,
// the web server in a legacy `ip` text, the application server none (the file gives it).
mbl::Backlog crm_servers() {
    mbl::Backlog backlog = servers(
        {{"crm-sql-01", "CRM-SQL-01"}, {"crm-web-01", "CRM-WEB-01"}, {"crm-app-01", "CRM-APP-01"}});
    set_attribute(backlog.assets[0], "ips", R"(["10.10.2.20", "10.10.2.21"])");
    set_attribute(backlog.assets[1], "ip", R"("10.10.2.30")");
    return backlog;
}

} // namespace

TEST_CASE("import dependencies: destinations named only by IP are matched", "[import]") {
    mbl::Backlog backlog = crm_servers();
    std::string csv = import_sample("azure-migrate-dependencies-by-ip.csv");
    mbl::DependencyPlan plan = plan_of(backlog, csv);

    REQUIRE(plan.added.size() == 3);
    CHECK(plan.added[0].from == "crm-web-01"); // to 10.10.2.40: CRM-APP-01 by the file's rows
    CHECK(plan.added[0].to == "crm-app-01");
    CHECK(plan.added[0].line == 2);
    CHECK(plan.added[0].rows == 4);            // three time slots and port 8443
    CHECK(plan.added[1].from == "crm-app-01"); // to 10.10.2.20: the database's own ips
    CHECK(plan.added[1].to == "crm-sql-01");
    CHECK(plan.added[1].rows == 4); // one row names the destination
    CHECK(plan.added[2].from == "crm-web-01");
    CHECK(plan.added[2].to == "crm-sql-01");
    CHECK(plan.matched_by_ip == 8); // rows with both sides known, one of them by IP
    CHECK(plan.duplicates == 6);

    // Unknown servers once each, with their row counts, in the order they first appear.
    REQUIRE(plan.unknown_servers.size() == 4);
    auto unknown = [&](std::size_t i) {
        const mbl::UnknownServer& server = plan.unknown_servers[i];
        return server.side + " " + server.name + "|" + server.ip + " " +
               std::to_string(server.rows) + "@" + std::to_string(server.line);
    };
    CHECK(unknown(0) == "destination |10.10.9.5 6@4");
    CHECK(unknown(1) == "destination |10.10.9.6 3@6");
    CHECK(unknown(2) == "source BACKUP-01|10.10.9.50 2@20");
    CHECK(unknown(3) == "source |10.10.9.77 1@22");

    // The ports seen, by the asset depended on, on the depending asset.
    REQUIRE(plan.ports.size() == 2);
    CHECK(plan.ports[0].asset == "crm-web-01");
    CHECK(mbl::one_line(plan.ports[0].ports) ==
          R"({"crm-app-01": [8080, 8443], "crm-sql-01": [1433]})");
    CHECK(plan.ports[1].asset == "crm-app-01");
    CHECK(mbl::one_line(plan.ports[1].ports) == R"({"crm-sql-01": [1433]})");

    mbl::apply_dependency_plan(backlog, plan);
    CHECK(backlog.assets[1].depends_on == std::vector<std::string>{"crm-app-01", "crm-sql-01"});
    CHECK(backlog.assets[2].depends_on == std::vector<std::string>{"crm-sql-01"});
    CHECK(attribute(backlog.assets[2], "dependency_ports") == R"({"crm-sql-01": [1433]})");
    CHECK(mbl::validate_backlog(backlog).empty());

    // Again: nothing to add, no port changes.
    mbl::DependencyPlan again = plan_of(backlog, csv);
    CHECK(again.added.empty());
    CHECK(again.already_present == 3);
    CHECK(again.ports.empty());
}

TEST_CASE("import dependencies: ports merge with those already kept", "[import]") {
    mbl::Backlog backlog = servers({{"a", "A"}, {"b", "B"}, {"c", "C"}});
    set_attribute(backlog.assets[0], "dependency_ports", R"({"c": [22], "b": [80]})");
    mbl::DependencyPlan plan = plan_of(backlog, "Source server name,Destination server name,"
                                                "Destination port\nA,B,443\nA,B,80\nA,C,x\n");
    REQUIRE(plan.ports.size() == 1);
    CHECK(mbl::one_line(plan.ports[0].ports) == R"({"c": [22], "b": [80, 443]})");
}

TEST_CASE("import dependencies: an IP two assets claim matches neither", "[import]") {
    mbl::Backlog backlog = servers({{"a", "A"}, {"b", "B"}, {"c", "C"}});
    set_attribute(backlog.assets[1], "ips", R"(["10.0.0.2"])");
    set_attribute(backlog.assets[2], "ips", R"(["10.0.0.2"])");
    mbl::DependencyPlan plan = plan_of(backlog, "Source server name,Destination IP\nA,10.0.0.2\n");
    CHECK(plan.added.empty());
    REQUIRE(plan.unknown_servers.size() == 1);
    CHECK(plan.unknown_servers[0].ip == "10.0.0.2");
}
