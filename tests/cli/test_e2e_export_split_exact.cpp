// mbl export csv --for azure-devops on a backlog of exactly one import's worth (1,000 work items:
// one file, stdout allowed) and of one Feature more (two files, the second starting with the
// Feature that no longer fits). The files are planned before they are written.
#include "support/backlog_json.hpp"
#include "support/csv_reader.hpp"
#include "support/refusal.hpp"
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using namespace mbl::test;
using nlohmann::json;

namespace {

// Workload `big` (priority 1) with 998 assets: the Epic, its Feature and 998 User Stories are
// 1,000 work items. With `small_too`, workload `small` (priority 2) with one asset more.
std::string exact_backlog(bool small_too) {
    json file = {{"format", "mbl/1"},
                 {"name", "Exact"},
                 {"workloads", {{{"id", "big"}, {"name", "Big"}, {"priority", 1}}}}};
    json assets = json::array();
    for (int i = 0; i < 998; ++i) {
        assets.push_back({{"id", "a-" + std::to_string(i)},
                          {"name", "Asset " + std::to_string(i)},
                          {"kind", "vm"},
                          {"workload", "big"},
                          {"status", "not-started"}});
    }
    if (small_too) {
        file["workloads"].push_back({{"id", "small"}, {"name", "Small"}, {"priority", 2}});
        assets.push_back({{"id", "s-0"},
                          {"name", "Small asset"},
                          {"kind", "vm"},
                          {"workload", "small"},
                          {"status", "not-started"}});
    }
    file["assets"] = assets;
    return file.dump();
}

} // namespace

TEST_CASE("export csv --for azure-devops: exactly 1,000 work items are one file", "[e2e][export]") {
    TempBacklog backlog = TempBacklog::with_text(exact_backlog(false));
    CsvTable csv = parse_csv_table(
        run_ok(backlog, {"export", "csv", "--for", "azure-devops", "--project", "Exact"}));
    REQUIRE(csv.rows.size() == 1000);
    CHECK(csv.at(0, "Work Item Type") == "Epic");
    CHECK(csv.at(1, "Title 2") == "Big");
    CHECK(csv.at(999, "Title 3") == "Asset 997");
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE(
    "export csv --for azure-devops: 1,002 work items, the Feature that does not fit starts file 2",
    "[e2e][export]") {
    TempBacklog backlog = TempBacklog::with_text(exact_backlog(true));
    require_refused(backlog, {"export", "csv", "--for", "azure-devops", "--project", "Exact"}, 2,
                    "the export is 1002 work items, more than one Azure Boards import takes "
                    "(1000), and several files can't go to stdout: give -o FILE.csv to write "
                    "FILE-1.csv … FILE-2.csv");
    RunResult result = backlog.run(
        {"export", "csv", "--for", "azure-devops", "--project", "Exact", "-o", "wi.csv"});
    CAPTURE(result);
    REQUIRE(result.exit_code == 0);
    CHECK(contains(result.out, "Wrote 1002 work items in 2 files"));
    CHECK(contains(result.out, "wi-1.csv  1000 work items (the Epic and its first Features)"));
    CHECK(contains(result.out, "wi-2.csv  2 work items (after importing"));
    CsvTable first = parse_csv_table(read_file(backlog.dir() / "wi-1.csv"));
    CHECK(first.rows.size() == 1000);
    CsvTable second = parse_csv_table(read_file(backlog.dir() / "wi-2.csv"));
    REQUIRE(second.rows.size() == 2);
    CHECK(second.at(0, "Work Item Type") == "Feature");
    CHECK(second.at(0, "Title 1") == "Small");
    CHECK(second.at(1, "Title 2") == "Small asset");
    CHECK_FALSE(fs::exists(backlog.dir() / "wi-3.csv"));
    CHECK(backlog.text() == backlog.original());
}
