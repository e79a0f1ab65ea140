// mbl import inventory/dependencies on exports larger than the reader's steps (the export is
// given back a megabyte at a time as it is read, assets are reserved from its line count): the
// same file and report as the small samples give, and a bad row far into the file still leaves
// the backlog untouched.
#include "import_fixtures.hpp"
#include "support/refusal.hpp"
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

using namespace mbl::test;
using nlohmann::json;

namespace {

constexpr int servers = 6000; // about 2 MB of CSV: released in steps of 1 MB

// An RVTools vInfo export of `servers` VMs (`vm-00000`, … with an address each), with
// `bad_cores` as the CPUs of the last one.
std::string vinfo(const std::string& bad_cores = "2") {
    std::string text = "VM,Powerstate,Template,CPUs,Memory,Primary IP Address,VM UUID,Notes\r\n";
    for (int vm = 0; vm < servers; ++vm) {
        text += fmt::format("VM-{:05},poweredOn,False,{},4096,10.0.{}.{},uuid-{:05},\"{}\"\r\n", vm,
                            vm + 1 == servers ? bad_cores : "2", vm / 256, vm % 256, vm,
                            std::string(250, 'x')); // long rows: the file passes a megabyte
    }
    return text;
}

// Azure Migrate's dependency export: each VM depends on the next, the destination by IP only.
std::string dependencies() {
    std::string text = "Source server name,Source IP,Destination server name,Destination IP,"
                       "Destination port\n";
    for (int vm = 0; vm + 1 < servers; ++vm) {
        text += fmt::format("VM-{:05},10.0.{}.{},,10.0.{}.{},443\n", vm, vm / 256, vm % 256,
                            (vm + 1) / 256, (vm + 1) % 256);
    }
    return text;
}

} // namespace

TEST_CASE("import inventory and dependencies read an export of several megabytes",
          "[e2e][import]") {
    TempBacklog backlog = crm_backlog();
    write_file(backlog.dir() / "vInfo.csv", vinfo());
    write_file(backlog.dir() / "dependencies.csv", dependencies());

    RunResult added = backlog.run({"import", "inventory", "vInfo.csv", "--preset", "rvtools",
                                   "--workload", "crm", "--format", "json"});
    REQUIRE(added.exit_code == 0);
    json report = json::parse(added.out);
    CHECK(report["summary"]["added"] == servers);
    CHECK(report["added"][servers - 1] ==
          json({{"line", servers + 1}, {"id", "vm-05999"}, {"name", "VM-05999"}}));
    json file = json::parse(backlog.text());
    const json& last = file["assets"].back();
    CHECK(last["id"] == "vm-05999");
    CHECK(last["attributes"]["ips"] == json::array({"10.0.23.111"}));

    std::string imported = backlog.text();
    RunResult again = backlog.run({"import", "inventory", "vInfo.csv", "--preset", "rvtools"});
    CHECK(again.exit_code == 0);
    CHECK(contains(again.out, fmt::format("0 added, 0 updated, {} unchanged", servers)));
    CHECK(backlog.text() == imported);

    RunResult linked = backlog.run({"import", "dependencies", "dependencies.csv"});
    CHECK(linked.exit_code == 0);
    CHECK(contains(linked.out, fmt::format("{} added", servers - 1)));
    file = json::parse(backlog.text());
    for (const json& asset : file["assets"]) {
        if (asset["id"] == "vm-00041") {
            CHECK(asset["depends_on"] == json::array({"vm-00042"}));
            CHECK(asset["attributes"]["dependency_ports"] == json({{"vm-00042", {443}}}));
        }
    }
}

TEST_CASE("import inventory: a bad cell on the last of thousands of rows writes nothing",
          "[e2e][import]") {
    TempBacklog backlog = crm_backlog();
    write_file(backlog.dir() / "vInfo.csv", vinfo("many"));
    require_refused(
        backlog, {"import", "inventory", "vInfo.csv", "--preset", "rvtools", "--workload", "crm"},
        3, fmt::format("vInfo.csv:{}: ", servers + 1));
    RunResult refused = backlog.run(
        {"import", "inventory", "vInfo.csv", "--preset", "rvtools", "--workload", "crm"});
    CHECK(contains(refused.err, "'many'"));
    CHECK(backlog.text() == backlog.original());
}
