// mbl validate, run in-process: what an unreadable file gives in each format.
#include "cli/app.hpp"
#include "support/run_in_process.hpp"
#include "support/temp_backlog.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

using mbl::test::Outcome;
Outcome run_mbl(std::vector<std::string> args) {
    return mbl::test::run_in_process(std::move(args));
}

using mbl::test::TempBacklog;

const char* const syntax_error = "{\"format\": \"mbl/1\",\n  \"name\": x}";

} // namespace

TEST_CASE("validate --format text: an unreadable file is an error on stderr only",
          "[cli-validate]") {
    TempBacklog file = TempBacklog::with_text(syntax_error);
    Outcome result = run_mbl({"validate", "-f", file.file().string()});
    CHECK(result.status == 3);
    CHECK(result.out.empty());
    CHECK(result.err.rfind("mbl: error: " + file.file().string() + ":2:11: invalid JSON: ", 0) ==
          0);
}

TEST_CASE("validate --format json: an unreadable file is reported on stdout and stderr",
          "[cli-validate]") {
    TempBacklog file = TempBacklog::with_text(syntax_error);
    Outcome result = run_mbl({"validate", "-f", file.file().string(), "--format", "json"});
    CHECK(result.status == 3);
    CHECK(result.err.rfind("mbl: error: " + file.file().string() + ":2:11: invalid JSON: ", 0) ==
          0);
    auto report = nlohmann::json::parse(result.out);
    CHECK(report["valid"] == false);
    REQUIRE(report["problems"].size() == 1);
    const auto& problem = report["problems"][0];
    CHECK(problem["code"] == "unreadable-file");
    CHECK(problem["line"] == 2);
    CHECK(problem["column"] == 11);
    CHECK(problem["message"].get<std::string>().rfind("invalid JSON: ", 0) == 0);
}

TEST_CASE("validate --format github: a newer format is an annotation at its place",
          "[cli-validate]") {
    TempBacklog file = TempBacklog::with_text("{\"format\": \"mbl/2\"}");
    Outcome result = run_mbl({"validate", "-f", file.file().string(), "--format", "github"});
    CHECK(result.status == 3);
    CHECK(result.out.find(",line=1,col=12,title=mbl validate (unreadable-file)::this file is "
                          "format mbl/2, newer") != std::string::npos);
    CHECK(result.err.find(":1:12: this file is format mbl/2") != std::string::npos);
}
