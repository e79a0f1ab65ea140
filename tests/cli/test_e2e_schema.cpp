// mbl schema, end to end: it prints the JSON Schema of the file, byte for byte as in schema/,
// needing no backlog.
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

using namespace mbl::test;
namespace fs = std::filesystem;

TEST_CASE("schema prints schema/backlog.schema.json, with no backlog anywhere", "[e2e][schema]") {
    TempDir dir;
    RunOptions options;
    options.cwd = dir.path();
    RunResult result = run_mbl({"schema"}, options);
    CAPTURE(result.err, result.exit_code);
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.empty());
    CHECK(result.out == read_file(fs::path(MBL_SOURCE_DIR) / "schema" / "backlog.schema.json"));
    nlohmann::json schema = nlohmann::json::parse(result.out);
    CHECK(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema");
    CHECK(fs::is_empty(dir.path()));
}

TEST_CASE("schema has no --format choice and says what it is in --help", "[e2e][schema]") {
    RunResult json = run_mbl({"schema", "--format", "json"});
    CHECK(json.exit_code == 2);
    CHECK(json.out.empty());
    CHECK(contains(json.err, "mbl: error: this command has no --format choice"));
    RunResult help = run_mbl({"schema", "--help"});
    CHECK(help.exit_code == 0);
    CHECK(contains(help.out, "JSON Schema of backlog.json"));
    CHECK(contains(help.out, "mbl schema > backlog.schema.json"));
}
