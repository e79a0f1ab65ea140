// mbl export csv --for azure-devops on a backlog of more work items than one Azure Boards import
// takes (1,000): -o FILE.csv writes FILE-1.csv, FILE-2.csv, …, each at most 1,000 work items,
// each workload's Feature with all its stories and tasks in one file; stdout refuses. And a title
// that a spreadsheet would run as a formula arrives in the Azure and Jira files unchanged.
#include "support/backlog_json.hpp"
#include "support/csv_reader.hpp"
#include "support/refusal.hpp"
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace fs = std::filesystem;
using namespace mbl::test;
using nlohmann::json;

namespace {

constexpr int asset_count = 1500;
constexpr int workload_count = 12;

// 1,500 assets in 12 workloads of slightly uneven sizes, every third asset with two tasks, and
// every 50th without a workload: 1 Epic + 13 Features + 1,500 User Stories + 1,000 Tasks.
std::string large_backlog() {
    json file = {{"format", "mbl/1"}, {"name", "Split"}, {"workloads", json::array()}};
    for (int w = 0; w < workload_count; ++w) {
        file["workloads"].push_back({{"id", "w" + std::to_string(w)},
                                     {"name", "Workload " + std::to_string(w)},
                                     {"priority", 1 + w % 4}});
    }
    json assets = json::array();
    for (int i = 0; i < asset_count; ++i) {
        json asset = {{"id", "a-" + std::to_string(i)},
                      {"name", "Asset " + std::to_string(i)},
                      {"kind", "vm"},
                      {"estimate", 1 + i % 7},
                      {"status", "not-started"}};
        if (i % 50 != 0) {
            asset["workload"] = "w" + std::to_string(i % 97 % workload_count);
        }
        if (i % 3 == 0) {
            asset["tasks"] = {{{"title", "Replicate"}, {"estimate", 2}, {"done", true}},
                              {{"title", "Cut over"}, {"estimate", 1}, {"done", false}}};
        }
        assets.push_back(asset);
    }
    file["assets"] = assets;
    return file.dump();
}

// The Title column (1-based) a row's title is in, and the title.
std::pair<int, std::string> title_of(const CsvTable& csv, std::size_t row) {
    for (int level = 1; level <= 4; ++level) {
        std::string name = "Title " + std::to_string(level);
        if (std::count(csv.header.begin(), csv.header.end(), name) && !csv.at(row, name).empty()) {
            return {level, csv.at(row, name)};
        }
    }
    return {0, ""};
}

} // namespace

TEST_CASE("export csv --for azure-devops splits at 1,000 work items, workloads whole",
          "[e2e][export]") {
    TempBacklog backlog = TempBacklog::with_text(large_backlog());
    json file = json::parse(backlog.original());
    std::map<std::string, std::string> workload_of; // asset name -> workload name ("" for none)
    for (const json& asset : file["assets"]) {
        workload_of[asset["name"]] =
            asset.contains("workload")
                ? "Workload " + asset["workload"].get<std::string>().substr(1)
                : "Assets without a workload";
    }

    require_refused(backlog, {"export", "csv", "--for", "azure-devops", "--project", "Split"}, 2,
                    "the export is 2514 work items, more than one Azure Boards import takes "
                    "(1000), and several files can't go to stdout: give -o FILE.csv");
    require_refused(backlog,
                    {"export", "csv", "--for", "azure-devops", "--project", "Split", "-o", "-"}, 2,
                    "give -o FILE.csv");

    RunResult result = backlog.run({"export", "csv", "--for", "azure-devops", "--project", "Split",
                                    "-o", "out/work-items.csv"});
    CAPTURE(result);
    // The folder must exist: the files are written atomically into it.
    CHECK(result.exit_code != 0);
    fs::create_directory(backlog.dir() / "out");
    result = backlog.run({"export", "csv", "--for", "azure-devops", "--project", "Split", "-o",
                          "out/work-items.csv"});
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.empty());
    CHECK_FALSE(fs::exists(backlog.dir() / "out" / "work-items.csv"));
    int files = 0;
    while (
        fs::exists(backlog.dir() / "out" / ("work-items-" + std::to_string(files + 1) + ".csv"))) {
        ++files;
    }
    CHECK(files >= 3); // 2,514 work items
    CHECK(contains(result.out, "Wrote 2514 work items in " + std::to_string(files) + " files"));

    std::set<std::string> features_seen, stories_seen;
    std::size_t tasks = 0;
    for (int n = 1; n <= files; ++n) {
        std::string name = "work-items-" + std::to_string(n) + ".csv";
        CAPTURE(name);
        CHECK(contains(result.out, "out/" + name));
        CsvTable csv = parse_csv_table(read_file(backlog.dir() / "out" / name));
        CHECK(csv.rows.size() <= 1000);
        CHECK(contains(result.out, name + "  " + std::to_string(csv.rows.size()) + " work items"));
        // The first file starts with the Epic; the later ones with a Feature at the top level.
        int feature_level = n == 1 ? 2 : 1;
        CHECK(csv.at(0, "Work Item Type") == (n == 1 ? "Epic" : "Feature"));
        CHECK(title_of(csv, 0).first == 1);
        CHECK(contains(csv.header.back(), "Description"));
        CHECK(std::count(csv.header.begin(), csv.header.end(), "Title 4") == (n == 1 ? 1 : 0));
        std::string feature, story;
        for (std::size_t r = n == 1 ? 1 : 0; r < csv.rows.size(); ++r) {
            auto [level, title] = title_of(csv, r);
            std::string type = csv.at(r, "Work Item Type");
            CAPTURE(r, type, title);
            if (type == "Feature") {
                CHECK(level == feature_level);
                CHECK(features_seen.insert(title).second); // each Feature in one file only
                feature = title;
            } else if (type == "User Story") {
                CHECK(level == feature_level + 1);
                // Its Feature is above it in the same file: the hierarchy is whole.
                CHECK(workload_of.at(title) == feature);
                CHECK(stories_seen.insert(title).second);
                story = title;
            } else {
                REQUIRE(type == "Task");
                CHECK(level == feature_level + 2);
                CHECK(!story.empty());
                ++tasks;
            }
        }
    }
    CHECK(features_seen.size() == workload_count + 1);
    CHECK(stories_seen.size() == asset_count);
    CHECK(tasks == 1000);
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE("export csv --for azure-devops refuses a workload bigger than one import",
          "[e2e][export]") {
    json file = {
        {"format", "mbl/1"}, {"name", "Big"}, {"workloads", {{{"id", "huge"}, {"name", "Huge"}}}}};
    json assets = json::array();
    for (int i = 0; i < 1000; ++i) { // its Feature and 1,000 User Stories: 1,001 work items
        assets.push_back({{"id", "a-" + std::to_string(i)},
                          {"name", "Asset " + std::to_string(i)},
                          {"kind", "vm"},
                          {"workload", "huge"},
                          {"status", "not-started"}});
    }
    file["assets"] = assets;
    TempBacklog backlog = TempBacklog::with_text(file.dump());
    require_refused(
        backlog, {"export", "csv", "--for", "azure-devops", "--project", "Big", "-o", "wi.csv"}, 3,
        "workload 'huge' is 1001 work items (its Feature, stories and tasks), more "
        "than one Azure Boards import takes (1000): split the workload");
    CHECK_FALSE(fs::exists(backlog.dir() / "wi-1.csv"));
    CHECK_FALSE(fs::exists(backlog.dir() / "wi.csv"));
}

TEST_CASE("export csv: a title starting with = arrives in Azure and Jira unchanged",
          "[e2e][export]") {
    TempBacklog minimal("minimal");
    json file = json::parse(minimal.original());
    file["workloads"][0]["name"] = "=SUM(1)";
    file["assets"][0]["name"] = "=SUM(1)";
    file["assets"][0]["tasks"] = {{{"title", "-1+2"}, {"estimate", 2}, {"done", false}}};
    TempBacklog backlog = TempBacklog::with_text(file.dump(2) + "\n");

    std::string azure_text =
        run_ok(backlog, {"export", "csv", "--for", "azure-devops", "--project", "P"});
    CHECK(contains(azure_text, "\n,Feature,,=SUM(1),"));
    CsvTable azure = parse_csv_table(azure_text);
    CHECK(azure.at(1, "Title 2") == "=SUM(1)");
    CHECK(azure.at(2, "Title 3") == "=SUM(1)");
    CHECK(azure.at(3, "Title 4") == "-1+2");

    CsvTable jira = parse_csv_table(run_ok(backlog, {"export", "csv", "--for", "jira"}));
    CHECK(jira.at(0, "Summary") == "=SUM(1)");
    CHECK(jira.at(1, "Summary") == "=SUM(1)");
    std::string task_label = "mbl:" + file["assets"][0]["id"].get<std::string>() + "#1";
    bool found = false;
    for (std::size_t r = 0; r < jira.rows.size(); ++r) {
        if (jira.rows[r][jira.column("Labels")] == task_label) {
            found = true;
            CHECK(jira.at(r, "Summary") == "-1+2");
        }
    }
    CHECK(found);

    // The generic export is for spreadsheets: there the formula is neutralised.
    CsvTable generic = parse_csv_table(run_ok(backlog, {"export", "csv", "--for", "generic"}));
    CHECK(generic.at(0, "name") == "'=SUM(1)");
    CHECK(backlog.text() == backlog.original());
}
