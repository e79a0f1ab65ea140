// The bundled examples (`examples/*/backlog.json`): each loads cleanly, validates without any
// problem and is already in canonical form; the Contoso estate's numbers add up.

#include "mbl/enums.hpp"
#include "mbl/load.hpp"
#include "mbl/model.hpp"
#include "mbl/save.hpp"
#include "mbl/validate.hpp"
#include "support/scratch_files.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const fs::path examples_dir = fs::path(MBL_SOURCE_DIR) / "examples";
const mbl::Date contoso_today = *mbl::Date::parse("2026-11-25");

using mbl::test::read_text;

// Every `examples/<name>/backlog.json`, sorted by folder name.
std::vector<fs::path> example_files() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(examples_dir)) {
        fs::path file = entry.path() / "backlog.json";
        if (entry.is_directory() && fs::exists(file)) {
            files.push_back(file);
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string example_name(const fs::path& file) {
    return file.parent_path().filename().string();
}

// The warnings an example is meant to draw: the extensions example's hand-added top-level key
// (unknown and not `x-`). Any other problem in any example is unexpected.
std::set<std::string> expected_warning_paths(const std::string& example) {
    if (example == "extensions") {
        return {"/approvals"};
    }
    return {};
}

std::string describe(const std::vector<mbl::Problem>& problems) {
    std::string out;
    for (const mbl::Problem& problem : problems) {
        out += (problem.severity == mbl::Severity::error ? "error " : "warning ") + problem.path +
               ": " + problem.message + "\n";
    }
    return out;
}

// "" when `expected` and `actual` are equal, else the first line where they differ.
std::string first_difference(const std::string& expected, const std::string& actual) {
    if (expected == actual) {
        return "";
    }
    std::istringstream expected_lines(expected);
    std::istringstream actual_lines(actual);
    std::string want;
    std::string got;
    for (int line = 1;; ++line) {
        bool has_want = static_cast<bool>(std::getline(expected_lines, want));
        bool has_got = static_cast<bool>(std::getline(actual_lines, got));
        if (!has_want && !has_got) {
            return "texts differ only in their final newline";
        }
        if (has_want != has_got || want != got) {
            return "line " + std::to_string(line) + ": file has `" + (has_want ? want : "<end>") +
                   "`, writer gives `" + (has_got ? got : "<end>") + "`";
        }
    }
}

mbl::Backlog load_example(const std::string& name) {
    fs::path file = examples_dir / name / "backlog.json";
    return mbl::load_backlog_or_throw(read_text(file), file.string());
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

bool within(mbl::Date day, const mbl::Iteration& iteration) {
    return iteration.start <= day && day <= iteration.end;
}

} // namespace

TEST_CASE("every example loads without problems, validates clean and is canonical", "[examples]") {
    const std::vector<fs::path> files = example_files();
    REQUIRE(files.size() >= 3);

    for (const fs::path& file : files) {
        const std::string name = example_name(file);
        INFO("example " << name);
        const std::string text = read_text(file);
        const mbl::LoadResult loaded = mbl::load_backlog(text, file.string());

        std::vector<mbl::Problem> unexpected;
        std::set<std::string> warned;
        const std::set<std::string> expected = expected_warning_paths(name);
        for (const mbl::Problem& problem : loaded.problems) {
            if (problem.severity == mbl::Severity::warning && expected.count(problem.path) == 1) {
                warned.insert(problem.path);
            } else {
                unexpected.push_back(problem);
            }
        }
        CHECK(describe(unexpected) == "");
        CHECK(warned == expected);

        CHECK(describe(mbl::validate_backlog(loaded.backlog)) == "");
        CHECK(first_difference(text, mbl::to_canonical_text(loaded.backlog)) == "");
    }
}

TEST_CASE("contoso: closed iterations record what was replicated inside them", "[examples]") {
    const mbl::Backlog backlog = load_example("contoso");
    int closed = 0;
    for (const mbl::Iteration& iteration : backlog.iterations) {
        if (iteration.state != mbl::IterationState::closed) {
            continue;
        }
        ++closed;
        INFO("iteration " << iteration.id);
        REQUIRE(iteration.completed.has_value());
        REQUIRE(iteration.completed_estimate.has_value());
        double sum = 0;
        for (const std::string& id : *iteration.completed) {
            INFO("completed asset " << id);
            const mbl::Asset* asset = mbl::find_asset(backlog, id);
            REQUIRE(asset != nullptr);
            CHECK(contains(iteration.committed, id));
            CHECK(asset->status == mbl::AssetStatus::replicated);
            REQUIRE(asset->replicated_on.has_value());
            CHECK(within(*asset->replicated_on, iteration));
            sum += mbl::effective_estimate(*asset).value_or(0);
        }
        CHECK(*iteration.completed_estimate == sum);
        CHECK(*iteration.completed_estimate <= iteration.capacity);
    }
    CHECK(closed == 5);
}

TEST_CASE("contoso: iterations are contiguous time boxes, the active one holds today",
          "[examples]") {
    const mbl::Backlog backlog = load_example("contoso");
    REQUIRE(backlog.iterations.size() == 7);
    REQUIRE(backlog.settings.first_iteration_start.has_value());
    CHECK(backlog.iterations.front().start == *backlog.settings.first_iteration_start);
    int active = 0;
    for (std::size_t i = 0; i < backlog.iterations.size(); ++i) {
        const mbl::Iteration& iteration = backlog.iterations[i];
        INFO("iteration " << iteration.id);
        CHECK(iteration.start.days_until(iteration.end) + 1 ==
              backlog.settings.iteration_length_days);
        if (i > 0) {
            CHECK(iteration.start == backlog.iterations[i - 1].end.plus_days(1));
        }
        if (iteration.state == mbl::IterationState::active) {
            ++active;
            CHECK(within(contoso_today, iteration));
        } else if (iteration.state == mbl::IterationState::closed) {
            CHECK(iteration.end < contoso_today);
        } else {
            CHECK(contoso_today < iteration.start);
        }
    }
    CHECK(active == 1);
}

TEST_CASE("contoso: every replicated asset was committed where it was replicated", "[examples]") {
    const mbl::Backlog backlog = load_example("contoso");
    for (const mbl::Asset& asset : backlog.assets) {
        INFO("asset " << asset.id);
        CHECK(asset.replicated_on.has_value() == (asset.status == mbl::AssetStatus::replicated));
        if (!asset.replicated_on) {
            continue;
        }
        CHECK(*asset.replicated_on <= contoso_today);
        const auto holds = [&](const mbl::Iteration& iteration) {
            return within(*asset.replicated_on, iteration) &&
                   contains(iteration.committed, asset.id);
        };
        CHECK(std::count_if(backlog.iterations.begin(), backlog.iterations.end(), holds) == 1);
    }
    for (const mbl::Iteration& iteration : backlog.iterations) {
        if (iteration.state == mbl::IterationState::planned) {
            for (const std::string& id : iteration.committed) {
                INFO("planned " << iteration.id << " commits " << id);
                CHECK(mbl::find_asset(backlog, id)->status != mbl::AssetStatus::replicated);
            }
        }
    }
}

TEST_CASE("contoso: dependencies cross workloads only where the workloads do", "[examples]") {
    const mbl::Backlog backlog = load_example("contoso");
    for (const mbl::Asset& asset : backlog.assets) {
        for (const std::string& id : asset.depends_on) {
            INFO(asset.id << " depends on " << id);
            const mbl::Asset* dependency = mbl::find_asset(backlog, id);
            REQUIRE(dependency != nullptr);
            if (dependency->workload == asset.workload) {
                continue;
            }
            REQUIRE(asset.workload.has_value());
            REQUIRE(dependency->workload.has_value());
            CHECK(contains(mbl::find_workload(backlog, *asset.workload)->depends_on,
                           *dependency->workload));
        }
    }
}

TEST_CASE("contoso: released workloads are done, tasks add up to their asset", "[examples]") {
    const mbl::Backlog backlog = load_example("contoso");
    for (const mbl::Workload& workload : backlog.workloads) {
        INFO("workload " << workload.id);
        if (workload.stage > mbl::Stage::migrating) {
            for (const mbl::Asset& asset : backlog.assets) {
                if (asset.workload == workload.id) {
                    INFO("asset " << asset.id);
                    CHECK(mbl::is_done_for_release(asset));
                }
            }
        }
        if (!workload.stage_history.empty()) {
            CHECK(workload.stage_history.back().stage == workload.stage);
        }
    }
    for (const mbl::Asset& asset : backlog.assets) {
        if (!asset.tasks.empty()) {
            INFO("asset " << asset.id);
            CHECK(asset.estimate == mbl::effective_estimate(asset));
        }
    }
}

TEST_CASE("contoso covers every kind, strategy, status and stage", "[examples]") {
    const mbl::Backlog backlog = load_example("contoso");
    CHECK(backlog.assets.size() >= 60);
    CHECK(backlog.assets.size() <= 100);
    std::set<mbl::AssetKind> kinds;
    std::set<mbl::Strategy> strategies;
    std::set<mbl::AssetStatus> statuses;
    std::set<mbl::Stage> stages;
    for (const mbl::Asset& asset : backlog.assets) {
        kinds.insert(asset.kind);
        strategies.insert(asset.strategy);
        statuses.insert(asset.status);
    }
    for (const mbl::Workload& workload : backlog.workloads) {
        stages.insert(workload.stage);
    }
    CHECK(kinds.size() == mbl::EnumSpelling<mbl::AssetKind>::names.size());
    CHECK(strategies.size() == mbl::EnumSpelling<mbl::Strategy>::names.size());
    CHECK(statuses.size() == mbl::EnumSpelling<mbl::AssetStatus>::names.size());
    CHECK(stages.size() == mbl::EnumSpelling<mbl::Stage>::names.size());
}

TEST_CASE("extensions: unknown keys and nested attributes are kept as written", "[examples]") {
    const mbl::Backlog backlog = load_example("extensions");
    REQUIRE(backlog.extras.size() == 1);
    CHECK(backlog.extras[0].first == "approvals");

    const mbl::Workload* workload = mbl::find_workload(backlog, "inventory");
    REQUIRE(workload != nullptr);
    REQUIRE(workload->extras.size() == 2);
    CHECK(workload->extras[0].first == "x-cmdb-id");
    CHECK(workload->extras[0].second.text == "\"SVC0004711\"");
    CHECK(workload->extras[1].first == "x-servicenow");

    const mbl::Asset* app = mbl::find_asset(backlog, "inv-app-01");
    REQUIRE(app != nullptr);
    REQUIRE(app->extras.size() == 2);
    CHECK(app->extras[0].first == "x-cmdb-id");
    CHECK(app->extras[0].second.text == "\"CI0012346\"");
    CHECK(app->extras[1].first == "x-azure-migrate");
    REQUIRE(app->tasks.size() == 2);
    REQUIRE(app->tasks[1].extras.size() == 1);
    CHECK(app->tasks[1].extras[0].first == "x-jira-key");
    CHECK(app->tasks[1].extras[0].second.text == "\"MIG-119\"");

    const mbl::RawObject& attributes = app->attributes;
    REQUIRE(attributes.size() == 7);
    CHECK(attributes[4].first == "nics");
    CHECK(attributes[4].second.text ==
          "[\n  {\n    \"ip\": \"10.40.1.21\",\n    \"vlan\": 140\n  }\n]");
    CHECK(attributes[5].first == "labels");
    CHECK(attributes[5].second.text == "{}");
    CHECK(attributes[6].first == "backup");
    CHECK(attributes[6].second.text == "null");
}
