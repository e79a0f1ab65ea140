// The agile-tool exports made a row at a time: Azure Boards' files planned from the Features'
// sizes before any row is made, Jira's Issue IDs counted rather than looked up. Each is compared
// with a reference made the way the sheets were made when held whole: every Feature's rows made
// first, then cut greedily at the limit; every row's Issue ID found by its id tag.

#include "core/export_support.hpp"
#include "core/forecast_fixtures.hpp"
#include "mbl/error.hpp"
#include "mbl/export.hpp"
#include "mbl/release.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <numeric>
#include <stdexcept>

using namespace mbl;
using namespace mbl::test::forecast;

namespace {

// Six workloads of uneven sizes (w0 has twice the assets of the others; assets have 0 to 3 tasks),
// some assets without a workload, tags, an iteration.
Backlog uneven_backlog() {
    Backlog backlog;
    backlog.name = "Streamed";
    for (int w = 0; w < 6; ++w) {
        backlog.workloads.push_back(workload("w" + std::to_string(w), 1 + w % 4));
    }
    for (int i = 0; i < 40; ++i) {
        std::optional<std::string> owner =
            i % 9 == 4 ? std::nullopt : std::optional<std::string>("w" + std::to_string(i % 7 % 6));
        Asset made = asset("a" + std::to_string(i), 1 + i % 5, owner);
        for (int t = 0; t < i % 4; ++t) {
            made.tasks.push_back(task("Task " + std::to_string(t), t + 1, t % 2 == 0));
        }
        made.tags = {"tag " + std::to_string(i % 3)};
        backlog.assets.push_back(made);
    }
    backlog.iterations = {iteration("it-1", "2027-01-04", "2027-01-17", IterationState::planned,
                                    {"a1", "a2", "a3", "a30"})};
    return backlog;
}

std::size_t column_of(const Sheet& sheet, const std::string& name) {
    for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
        if (sheet.columns[c].name == name) {
            return c;
        }
    }
    throw std::runtime_error("no column " + name);
}

// The held-whole reference: the one file of an export with no limit, its Features (with
// everything beneath them) cut greedily at `limit`, later files without the Epic and with every
// title one Title column up.
std::vector<Sheet> cut_at(const Sheet& whole, std::size_t limit) {
    std::size_t type = column_of(whole, "Work Item Type");
    std::vector<std::vector<std::vector<std::string>>> features;
    for (std::size_t r = 1; r < whole.rows.size(); ++r) {
        if (whole.rows[r][type] == "Feature") {
            features.emplace_back();
        }
        features.back().push_back(whole.rows[r]);
    }
    Sheet first{whole.columns, {whole.rows.front()}, false};
    Sheet later = first;
    later.rows.clear();
    later.columns.erase(later.columns.begin() + static_cast<long>(column_of(whole, "Title 4")));
    std::vector<Sheet> sheets{first};
    for (const auto& feature : features) {
        if (sheets.back().rows.size() + feature.size() > limit) {
            sheets.push_back(later);
        }
        for (std::vector<std::string> row : feature) {
            if (sheets.size() > 1) {
                row.erase(row.begin() + static_cast<long>(column_of(whole, "Title 1")));
            }
            sheets.back().rows.push_back(row);
        }
    }
    return sheets;
}

bool same_sheet(const Sheet& a, const Sheet& b) {
    if (a.columns.size() != b.columns.size() || a.for_spreadsheet != b.for_spreadsheet) {
        return false;
    }
    for (std::size_t c = 0; c < a.columns.size(); ++c) {
        if (a.columns[c].name != b.columns[c].name ||
            a.columns[c].numeric != b.columns[c].numeric) {
            return false;
        }
    }
    return a.rows == b.rows;
}

// A sink that records the order of the calls.
class RecordingSink final : public SheetSink {
  public:
    void columns(const std::vector<SheetColumn>& given) override {
        calls.push_back("columns:" + std::to_string(given.size()));
    }
    void row(std::vector<std::string> cells) override {
        calls.push_back("row:" + std::to_string(cells.size()));
    }
    std::vector<std::string> calls;
};

} // namespace

TEST_CASE("AzureDevOpsExport: the files are the whole export cut greedily at the limit",
          "[export]") {
    Backlog backlog = uneven_backlog();
    AzureDevOpsOptions options{"Fabrikam", "Fabrikam\\Sprints", "Fabrikam\\Area"};
    std::vector<Sheet> whole = azure_devops_sheets(backlog, options, 100000);
    REQUIRE(whole.size() == 1);
    std::size_t total = whole.front().rows.size();
    std::size_t largest = 0; // the largest Feature with everything beneath it
    std::size_t type = column_of(whole.front(), "Work Item Type");
    std::size_t current = 0;
    for (std::size_t r = 1; r < total; ++r) {
        if (whole.front().rows[r][type] == "Feature") {
            current = 0;
        }
        largest = std::max(largest, ++current);
    }
    REQUIRE(largest > 2);
    for (std::size_t limit = largest; limit <= total; ++limit) {
        INFO("limit " << limit);
        std::vector<Sheet> expected = cut_at(whole.front(), limit);
        std::vector<Sheet> sheets = azure_devops_sheets(backlog, options, limit);
        REQUIRE(sheets.size() == expected.size());
        AzureDevOpsExport exported(backlog, options, limit);
        REQUIRE(exported.file_sizes().size() == sheets.size());
        for (std::size_t i = 0; i < sheets.size(); ++i) {
            CHECK(same_sheet(sheets[i], expected[i]));
            CHECK(exported.file_sizes()[i] == sheets[i].rows.size());
            CHECK(sheets[i].rows.size() <= limit);
        }
    }
    CHECK(azure_devops_sheets(backlog, options, total).size() == 1);
    CHECK(azure_devops_sheets(backlog, options, total - 1).size() == 2);
}

TEST_CASE("AzureDevOpsExport: a split that falls exactly at the limit", "[export]") {
    // Epic 1 + one Feature of 999 work items (998 stories): 1,000, exactly one import.
    Backlog backlog;
    backlog.name = "Exact";
    backlog.workloads = {workload("big")};
    for (int i = 0; i < 998; ++i) {
        backlog.assets.push_back(asset("a" + std::to_string(i), 1, "big"));
    }
    AzureDevOpsOptions options{"P", "", ""};
    CHECK(AzureDevOpsExport(backlog, options).file_sizes() == std::vector<std::size_t>{1000});

    // One more workload with one story, after big in planning order: its Feature (2) starts the
    // second file.
    backlog.workloads.push_back(workload("small", 3));
    backlog.assets.push_back(asset("b0", 1, "small"));
    AzureDevOpsExport two(backlog, options);
    CHECK(two.file_sizes() == std::vector<std::size_t>{1000, 2});
    std::vector<Sheet> sheets = azure_devops_sheets(backlog, options);
    REQUIRE(sheets.size() == 2);
    CHECK(sheets[0].rows.size() == 1000);
    CHECK(sheets[1].rows.at(0).at(column_of(sheets[1], "Title 1")) == "small");

    // A Feature of exactly the limit: alone in the second file, the Epic alone in the first.
    backlog.workloads.pop_back();
    backlog.assets.pop_back();
    backlog.assets.push_back(asset("a998", 1, "big"));
    CHECK(AzureDevOpsExport(backlog, options).file_sizes() == std::vector<std::size_t>{1, 1000});
}

TEST_CASE("AzureDevOpsExport: a Feature over the limit is refused before any row", "[export]") {
    Backlog backlog = uneven_backlog();
    try {
        AzureDevOpsExport exported(backlog, {"P", "", ""}, 3);
        FAIL("accepted");
    } catch (const Error& error) {
        CHECK(error.status() == ExitStatus::input);
        CHECK(std::string(error.what()).find("more than one Azure Boards import takes (3)") !=
              std::string::npos);
    }
    // Each file is given its columns once, then only rows.
    AzureDevOpsExport exported(backlog, {"P", "", ""}, 30);
    REQUIRE(exported.file_sizes().size() > 2);
    for (std::size_t i = 0; i < exported.file_sizes().size(); ++i) {
        RecordingSink sink;
        exported.write_file(i, sink);
        REQUIRE(sink.calls.size() == exported.file_sizes()[i] + 1);
        CHECK(sink.calls.front() == (i == 0 ? "columns:14" : "columns:13"));
        CHECK(std::count(sink.calls.begin(), sink.calls.end(), sink.calls.front()) == 1);
    }
}

TEST_CASE("write_jira_sheet: each Parent is the Issue ID of the row its id tag names", "[export]") {
    Backlog backlog = uneven_backlog();
    Sheet sheet = jira_sheet(backlog);
    std::size_t id = column_of(sheet, "Issue ID"), parent = column_of(sheet, "Parent"),
                type = column_of(sheet, "Issue Type"), label = column_of(sheet, "Labels");
    // The reference: every row's Issue ID found by its id tag, parents by the model.
    std::map<std::string, std::string> id_of_tag;
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
        CHECK(sheet.rows[r][id] == std::to_string(r + 1));
        id_of_tag[sheet.rows[r][label]] = sheet.rows[r][id];
    }
    std::size_t stories = 0, subtasks = 0;
    for (const Asset& asset : backlog.assets) {
        const std::string& story = id_of_tag.at(asset_tag(asset.id));
        std::size_t row = std::stoul(story) - 1;
        CHECK(sheet.rows[row][type] == "Story");
        CHECK(sheet.rows[row][parent] ==
              (asset.workload ? id_of_tag.at(workload_tag(*asset.workload)) : ""));
        ++stories;
        for (std::size_t t = 0; t < asset.tasks.size(); ++t) {
            std::size_t task_row = std::stoul(id_of_tag.at(task_tag(asset.id, t + 1))) - 1;
            CHECK(sheet.rows[task_row][type] == "Sub-task");
            CHECK(sheet.rows[task_row][parent] == story);
            CHECK(task_row > row);
            ++subtasks;
        }
    }
    CHECK(sheet.rows.size() == backlog.workloads.size() + stories + subtasks);

    RecordingSink sink;
    write_jira_sheet(backlog, sink);
    REQUIRE(sink.calls.size() == sheet.rows.size() + 1);
    CHECK(sink.calls.front() == "columns:" + std::to_string(sheet.columns.size()));
}

TEST_CASE("ExportOutline: the work breakdown's groups, assets and iterations, without the tree",
          "[export]") {
    Backlog backlog = uneven_backlog();
    // A second workload of an existing id (the first takes the assets), an asset naming an
    // unknown workload, a closed iteration completing an asset that a later open one commits,
    // two open iterations committing one asset (the earlier start wins), and an iteration id
    // used twice (the first one's name).
    backlog.workloads.push_back(workload("w1", 4));
    backlog.assets[5].workload = "nowhere";
    backlog.iterations = {
        iteration("it-9", "2027-03-01", "2027-03-14", IterationState::planned, {"a7", "a8"}),
        iteration("it-1", "2027-01-04", "2027-01-17", IterationState::closed, {"a1", "a2"}),
        iteration("it-2", "2027-02-01", "2027-02-14", IterationState::active, {"a2", "a8"}),
        iteration("it-1", "2027-02-15", "2027-02-28", IterationState::planned, {"a3"})};
    backlog.iterations[1].completed = std::vector<std::string>{"a2"};
    backlog.iterations[3].name = "Second of id it-1";

    WbsItem migration = work_breakdown(backlog);
    ExportOutline outline(backlog);
    IterationNames names(backlog);
    REQUIRE(outline.groups().size() == migration.children.size());
    for (std::size_t g = 0; g < migration.children.size(); ++g) {
        const WbsItem& expected = migration.children[g];
        const ExportOutline::Group& group = outline.groups()[g];
        CHECK(group.workload == expected.workload);
        CHECK(group.name() == expected.name);
        REQUIRE(group.members.size() == expected.children.size());
        for (std::size_t a = 0; a < group.members.size(); ++a) {
            const WbsItem& item = expected.children[a];
            const ExportOutline::Member& member = group.members[a];
            CHECK(member.asset == item.asset);
            CHECK(member.iteration == (item.iteration ? names.name_of(*item.iteration) : ""));
            CHECK(effective_estimate(*member.asset) == item.estimate);
            CHECK(member.asset->tasks.size() == item.children.size());
        }
    }
    // By asset: a2 completed in the closed it-1, a3 in the second it-1 (named by the first of its
    // id), a8 in the earlier of two open iterations, a0 in none.
    std::map<std::string, std::string_view> iteration_of;
    for (const ExportOutline::Group& group : outline.groups()) {
        for (const ExportOutline::Member& member : group.members) {
            iteration_of[member.asset->id] = member.iteration;
        }
    }
    CHECK(outline.groups().back().name() == "Assets without a workload");
    CHECK(iteration_of.at("a2") == "Iteration it-1");
    CHECK(iteration_of.at("a3") == "Iteration it-1");
    CHECK(iteration_of.at("a8") == "Iteration it-2");
    CHECK(iteration_of.at("a0").empty());
}

TEST_CASE("azure_devops_sheets: a Description escaped between plain runs of text", "[export]") {
    Backlog backlog;
    backlog.name = "Escapes";
    backlog.workloads = {workload("w")};
    Asset made = asset("a", 1, "w");
    made.notes = "\"q\"\nline 2 & <b>&&\n";
    backlog.assets = {made};
    Sheet sheet = azure_devops_sheets(backlog, {"P", "", ""}).at(0);
    CHECK(
        sheet.rows.at(2).at(column_of(sheet, "Description")) ==
        "Asset a: other, rehost, not-started<br>Estimate: 1 hours<br>Notes: &quot;q&quot;<br>line "
        "2 &amp; &lt;b&gt;&amp;&amp;<br><br>Status in mbl: not-started");
}
