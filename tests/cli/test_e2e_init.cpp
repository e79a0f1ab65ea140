// mbl init, end to end: the file it creates, and its refusals.
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

using namespace mbl::test;
namespace fs = std::filesystem;

namespace {

std::string source_schema() {
    return read_file(fs::path(MBL_SOURCE_DIR) / "schema" / "backlog.schema.json");
}

// The names in `dir`, sorted.
std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

RunOptions in(const fs::path& dir) {
    RunOptions options;
    options.cwd = dir;
    return options;
}

} // namespace

TEST_CASE("init creates a canonical file that validates", "[e2e][init]") {
    TempDir dir;
    RunResult result =
        run_mbl({"init", "--name", "Test plan", "--unit", "days", "--iteration-length", "21",
                 "--start", "2027-01-04", "--capacity", "30", "--no-task-templates"},
                in(dir.path()));
    CAPTURE(result);
    REQUIRE(result.exit_code == 0);
    CHECK(result.out == "Created backlog.json (Test plan: days, 21-day iterations)\n"
                        "Created backlog.schema.json (the JSON Schema editors check the backlog "
                        "against; commit it with the backlog)\n");
    CHECK(result.err.empty());
    CHECK(read_file(dir.path() / "backlog.json") == R"({
  "$schema": "./backlog.schema.json",
  "format": "mbl/1",
  "name": "Test plan",
  "settings": {
    "estimate_unit": "days",
    "iteration_length_days": 21,
    "first_iteration_start": "2027-01-04",
    "default_capacity": 30
  },
  "workloads": [],
  "assets": [],
  "iterations": []
}
)");

    // The schema, beside the backlog where the relative "$schema" points.
    CHECK(read_file(dir.path() / "backlog.schema.json") == source_schema());

    RunResult validate = run_mbl({"validate"}, in(dir.path()));
    CHECK(validate.exit_code == 0);
    CHECK(validate.out == "backlog.json is valid: 0 workloads, 0 assets, 0 iterations\n");
    RunResult check = run_mbl({"fmt", "--check"}, in(dir.path()));
    CHECK(check.exit_code == 0);
    CHECK(check.out == "backlog.json is canonical\n");
}

TEST_CASE("init with defaults creates a file that validates and round-trips", "[e2e][init]") {
    TempDir dir;
    fs::path file = dir.path() / "plan.json";
    RunResult result = run_mbl({"init", "-f", file.string()});
    CAPTURE(result);
    REQUIRE(result.exit_code == 0);
    CHECK(contains(result.out, "Created " + file.string()));
    std::string created = read_file(file);
    CHECK(contains(created, "\"format\": \"mbl/1\""));
    CHECK(contains(created, "\"$schema\": \"./backlog.schema.json\""));
    // Default task templates for every kind, so `asset tasks ID --from-template` works at once.
    CHECK(contains(created,
                   "\"task_templates\": {\n      \"vm\": [\n        {\n          \"title\": "
                   "\"Assess\",\n          \"percent\": 10\n        },"));
    CHECK(contains(result.out, "Created " + (dir.path() / "backlog.schema.json").string()));
    CHECK(read_file(dir.path() / "backlog.schema.json") == source_schema());
    CHECK(run_mbl({"-f", file.string(), "validate"}).exit_code == 0);
    CHECK(run_mbl({"-f", file.string(), "fmt", "--check"}).exit_code == 0);
    CHECK(run_mbl({"-f", file.string(), "fmt"}).exit_code == 0);
    CHECK(read_file(file) == created);
    // The new file is ready for work.
    CHECK(run_mbl({"-f", file.string(), "asset", "add", "first"}).exit_code == 0);
}

TEST_CASE("init refuses to overwrite an existing file", "[e2e][init]") {
    TempBacklog backlog;
    RunResult result = backlog.run({"init", "--name", "Other"});
    CAPTURE(result);
    CHECK(result.exit_code == 3);
    CHECK(result.out.empty());
    CHECK(result.err ==
          "mbl: error: backlog.json already exists; mbl init refuses to overwrite it\n");
    CHECK(backlog.text() == backlog.original());
    CHECK_FALSE(fs::exists(backlog.dir() / "backlog.schema.json"));
}

TEST_CASE("init creates backlog.json in the current directory, not in a parent's", "[e2e][init]") {
    TempBacklog backlog;
    fs::create_directories(backlog.dir() / "sub");
    RunResult result = run_mbl({"init"}, in(backlog.dir() / "sub"));
    CAPTURE(result);
    CHECK(result.exit_code == 0);
    CHECK(fs::exists(backlog.dir() / "sub" / "backlog.json"));
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE("init refuses bad options and creates nothing", "[e2e][init]") {
    TempDir dir;
    struct Case {
        std::vector<std::string> args;
        int exit_code;
        std::string message;
    };
    const Case cases[] = {
        {{"init", "--unit", "weeks"}, 2, "invalid unit 'weeks'; expected hours, days or points"},
        {{"init", "--start", "2027-13-01"}, 2, "--start: '2027-13-01' is not a valid date"},
        {{"init", "--iteration-length", "0"}, 2, "--iteration-length"},
        {{"init", "--capacity", "-5"}, 2, "--capacity"},
        {{"init", "-f", "missing-dir/backlog.json"}, 3, "cannot create missing-dir/backlog.json"},
        {{"init", "--schema", "s.json", "--no-schema"}, 2, "--schema excludes --no-schema"},
        {{"init", "--schema", ""}, 2, "--schema must be a non-empty UTF-8 path or URI"},
    };
    for (const Case& c : cases) {
        RunResult result = run_mbl(c.args, in(dir.path()));
        CAPTURE(c.args, result);
        CHECK(result.exit_code == c.exit_code);
        CHECK(result.out.empty());
        CHECK(result.err.rfind("mbl: error: ", 0) == 0);
        CHECK(contains(result.err, c.message));
        CHECK(fs::is_empty(dir.path()));
    }
}

TEST_CASE("init keeps a backlog.schema.json that is already there", "[e2e][init]") {
    TempDir dir;
    write_file(dir.path() / "backlog.schema.json", "{\"title\": \"the team's own\"}\n");
    fs::path file = dir.path() / "second.json";
    RunResult result = run_mbl({"init", "-f", file.string(), "--name", "Second"});
    CAPTURE(result);
    REQUIRE(result.exit_code == 0);
    std::string schema_label = (dir.path() / "backlog.schema.json").string();
    CHECK(contains(result.out, "Kept the existing " + schema_label +
                                   " (to refresh it: mbl schema > " + schema_label + ")\n"));
    CHECK(read_file(dir.path() / "backlog.schema.json") == "{\"title\": \"the team's own\"}\n");
    CHECK(contains(read_file(file), "\"$schema\": \"./backlog.schema.json\""));
}

TEST_CASE("init --schema points elsewhere and writes no schema file", "[e2e][init]") {
    TempDir dir;
    RunResult result = run_mbl({"init", "--schema", "../schemas/mbl.json"}, in(dir.path()));
    CAPTURE(result);
    REQUIRE(result.exit_code == 0);
    CHECK(result.out == "Created backlog.json (Migration backlog: hours, 14-day iterations)\n");
    CHECK(names_in(dir.path()) == std::vector<std::string>{"backlog.json"});
    std::string created = read_file(dir.path() / "backlog.json");
    CHECK(created.rfind("{\n  \"$schema\": \"../schemas/mbl.json\",\n  \"format\"", 0) == 0);
    // `validate` accepts "$schema" whatever it says, and `fmt` keeps it.
    CHECK(run_mbl({"validate", "--strict"}, in(dir.path())).exit_code == 0);
    CHECK(run_mbl({"fmt", "--check"}, in(dir.path())).exit_code == 0);
}

TEST_CASE("init --no-schema writes neither $schema nor the schema file", "[e2e][init]") {
    TempDir dir;
    RunResult result = run_mbl({"init", "--no-schema"}, in(dir.path()));
    CAPTURE(result);
    REQUIRE(result.exit_code == 0);
    CHECK(result.out == "Created backlog.json (Migration backlog: hours, 14-day iterations)\n");
    CHECK(names_in(dir.path()) == std::vector<std::string>{"backlog.json"});
    CHECK_FALSE(contains(read_file(dir.path() / "backlog.json"), "$schema"));
    CHECK(run_mbl({"validate", "--strict"}, in(dir.path())).exit_code == 0);
}
