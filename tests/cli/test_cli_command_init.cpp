// mbl init, run in-process: the values it refuses, and the file it picks.
#include "cli/app.hpp"
#include "support/run_in_process.hpp"
#include "support/temp_backlog.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

using mbl::test::Outcome;
Outcome run_mbl(std::vector<std::string> args) {
    return mbl::test::run_in_process(std::move(args));
}

using mbl::test::TempDir;

} // namespace

TEST_CASE("init refuses values that would make an unreadable file", "[cli-init]") {
    TempDir directory;
    std::string file = (directory.path() / "backlog.json").string();
    struct Refusal {
        std::vector<std::string> args;
        std::string message;
    };
    for (const Refusal& refusal :
         {Refusal{{"--capacity", "nan"},
                  "--capacity: must be a number from 0 to 1000000000000000, not 'nan'"},
          Refusal{{"--capacity", "inf"},
                  "--capacity: must be a number from 0 to 1000000000000000, not 'inf'"},
          Refusal{{"--capacity", "-1"},
                  "--capacity: must be a number from 0 to 1000000000000000, not '-1'"},
          Refusal{{"--capacity", "1e400"}, "not '1e400'"},
          Refusal{{"--capacity", "1e16"},
                  "--capacity: must be a number from 0 to 1000000000000000, not '1e16'"},
          Refusal{{"--iteration-length", "0"},
                  "--iteration-length: must be a whole number from 1 to 366, not '0'"},
          Refusal{{"--iteration-length", "1.5"}, "not '1.5'"},
          Refusal{{"--iteration-length", "99999999999"}, "not '99999999999'"},
          Refusal{{"--name", "\xff\xfe"}, "--name is not valid UTF-8"},
          Refusal{{"--unit", "hourz"}, "invalid unit 'hourz'; did you mean 'hours'?"},
          Refusal{{"--start", "2027-02-30"}, "--start: '2027-02-30' is not a valid date"}}) {
        std::vector<std::string> args{"init", "-f", file};
        args.insert(args.end(), refusal.args.begin(), refusal.args.end());
        Outcome result = run_mbl(args);
        INFO(result.err);
        CHECK(result.status == 2);
        CHECK(result.out.empty());
        CHECK(result.err.find(refusal.message) != std::string::npos);
        CHECK(result.err.size() < 200); // no number printed in 309 digits
        CHECK_FALSE(fs::exists(file));
    }
}

TEST_CASE("init writes the values given, in plain spellings", "[cli-init]") {
    TempDir directory;
    std::string file = (directory.path() / "backlog.json").string();
    Outcome result = run_mbl({"init", "-f", file, "--capacity", "-0", "--iteration-length", "010",
                              "--name", "Contoso ü", "--start", "2027-01-04"});
    REQUIRE(result.status == 0);
    Outcome shown = run_mbl({"-f", file, "asset", "list"});
    CHECK(shown.status == 0);
    Outcome formatted = run_mbl({"-f", file, "fmt", "--check"});
    CHECK(formatted.status == 0);
    std::ostringstream text;
    text << std::ifstream(file).rdbuf();
    CHECK(text.str().find("\"iteration_length_days\": 10,") != std::string::npos);
    CHECK(text.str().find("\"default_capacity\": 0,\n") != std::string::npos);
    CHECK(text.str().find("\"name\": \"Contoso ü\"") != std::string::npos);
}

TEST_CASE("init creates the $MBL_FILE file that later commands use", "[cli-init]") {
    TempDir directory;
    std::string file = (directory.path() / "mine.json").string();
    ::setenv("MBL_FILE", file.c_str(), 1);
    Outcome created = run_mbl({"init", "--name", "Mine"});
    Outcome listed = run_mbl({"asset", "list"});
    ::unsetenv("MBL_FILE");
    CHECK(created.status == 0);
    CHECK(created.out.find("Created " + file + " (Mine: hours, 14-day iterations)") == 0);
    CHECK(fs::exists(file));
    CHECK(listed.status == 0);
    CHECK(listed.out == "No assets match.\n");
}
