// run() in-process on command lines that never reach a file (usage errors, help, version), and
// the helpers of command_support.hpp.
#include "cli/app.hpp"
#include "cli/command_support.hpp"
#include "mbl/error.hpp"
#include "support/run_in_process.hpp"

#include <CLI/CLI.hpp>
#include <catch2/catch.hpp>
#include <sstream>

using mbl::cli::run;

namespace {

using mbl::test::Outcome;
Outcome run_mbl(std::vector<std::string> args) {
    return mbl::test::run_in_process(std::move(args));
}

} // namespace

TEST_CASE("an unknown command suggests the nearest one", "[cli-app]") {
    Outcome result = run_mbl({"asest", "list"});
    CHECK(result.status == 2);
    CHECK(result.out.empty());
    CHECK(result.err == "mbl: error: unknown command 'asest'; did you mean 'asset'?\n"
                        "mbl: run 'mbl --help' for usage\n");
}

TEST_CASE("an unknown verb suggests the nearest one of its noun", "[cli-app]") {
    Outcome result = run_mbl({"workload", "lsit"});
    CHECK(result.status == 2);
    CHECK(result.err.find("unknown command 'lsit' for 'mbl workload'; did you mean 'list'?") !=
          std::string::npos);
    CHECK(result.err.find("run 'mbl workload --help'") != std::string::npos);
}

TEST_CASE("an unknown option suggests the nearest one, global options included", "[cli-app]") {
    Outcome result = run_mbl({"asset", "list", "--stauts", "blocked"});
    CHECK(result.status == 2);
    CHECK(result.out.empty());
    CHECK(result.err.find("unknown option '--stauts'; did you mean '--status'?") !=
          std::string::npos);
    CHECK(result.err.find("run 'mbl asset list --help'") != std::string::npos);

    CHECK(run_mbl({"asset", "list", "--formt=json"}).err.find("did you mean '--format'?") !=
          std::string::npos);
}

TEST_CASE("a noun without a verb lists the verbs", "[cli-app]") {
    Outcome result = run_mbl({"asset"});
    CHECK(result.status == 2);
    CHECK(result.err.find("'mbl asset' needs a command: add, list, show, set, rm, tasks or "
                          "task") != std::string::npos);
}

TEST_CASE("a missing argument is a usage error with a hint", "[cli-app]") {
    Outcome result = run_mbl({"asset", "show"});
    CHECK(result.status == 2);
    CHECK(result.err.find("run 'mbl asset show --help'") != std::string::npos);
}

TEST_CASE("bad global option values are usage errors", "[cli-app]") {
    Outcome today = run_mbl({"asset", "list", "--today", "2027-02-29"});
    CHECK(today.status == 2);
    CHECK(today.err.rfind("mbl: error: --today: '2027-02-29' is not a valid date; use YYYY-MM-DD, "
                          "e.g. 2027-01-04\n",
                          0) == 0);
    CHECK(run_mbl({"--color", "sometimes", "asset", "list"}).status == 2);
    CHECK(run_mbl({"asset", "list", "--lock-timeout", "-1"}).status == 2);
    Outcome format = run_mbl({"asset", "list", "--format", "yaml"});
    CHECK(format.status == 2);
    CHECK(format.err.find("use table, json or csv") != std::string::npos);
}

TEST_CASE("--help prints help on stdout and succeeds, at every level", "[cli-app]") {
    for (auto args : {std::vector<std::string>{"--help"},
                      {"asset", "--help"},
                      {"asset", "add", "--help"},
                      {"validate", "--help"}}) {
        Outcome result = run_mbl(args);
        CHECK(result.status == 0);
        CHECK(result.err.empty());
        CHECK(result.out.find("Usage: mbl") != std::string::npos);
    }
    CHECK(run_mbl({"asset", "add", "--help"}).out.find("Example:\n  mbl asset add crm-sql-01") !=
          std::string::npos);
}

TEST_CASE("--version prints mbl and the version", "[cli-app]") {
    Outcome result = run_mbl({"--version"});
    CHECK(result.status == 0);
    CHECK(result.out.rfind("mbl ", 0) == 0);
}

TEST_CASE("change_line words a field change", "[cli-app]") {
    using mbl::cli::change_line;
    CHECK(change_line("crm-sql-01", "status", "status: in-progress -> replicated") ==
          "crm-sql-01: status in-progress -> replicated");
    CHECK(change_line("crm", "stage", "something else") == "crm: something else");
}

TEST_CASE("parse_choice words a wrong value as the core does", "[cli-app]") {
    using mbl::AssetStatus;
    CHECK(mbl::cli::parse_choice<AssetStatus>("status", "blocked") == AssetStatus::blocked);
    try {
        mbl::cli::parse_choice<AssetStatus>("status", "replicatd");
        FAIL("no error");
    } catch (const mbl::Error& error) {
        CHECK(error.status() == mbl::ExitStatus::usage);
        CHECK(std::string(error.what()) ==
              mbl::invalid_enum_message<AssetStatus>("status", "replicatd"));
        CHECK(std::string(error.what()) ==
              "invalid status 'replicatd'; did you mean 'replicated'? Expected not-started, "
              "in-progress, replicated or blocked");
    }
    CHECK(mbl::invalid_enum_message<mbl::EstimateUnit>("unit", "weeks") ==
          "invalid unit 'weeks'; expected hours, days or points");
}

TEST_CASE("join_alternatives joins with commas and a final 'or'", "[cli-app]") {
    CHECK(mbl::join_alternatives({}).empty());
    CHECK(mbl::join_alternatives({"a"}) == "a");
    CHECK(mbl::join_alternatives({"a", "b"}) == "a or b");
    CHECK(mbl::join_alternatives({"a", "b", "c"}) == "a, b or c");
    CHECK(mbl::allowed_values<mbl::EstimateUnit>() == "hours, days or points");
}

TEST_CASE("number flags take plain decimals, refuse nan and values above their maximum",
          "[cli-app]") {
    CLI::App app;
    double seconds = -1;
    int days = -1;
    mbl::cli::accept_non_negative_number(app.add_option("--seconds", seconds), 86400);
    mbl::cli::accept_whole_number(app.add_option("--days", days), 1, 365);

    app.parse(std::vector<std::string>{"2.5", "--seconds", "010", "--days"}); // reversed argv
    CHECK(days == 10);
    CHECK(seconds == 2.5);
    app.parse(std::vector<std::string>{"86400", "--seconds"});
    CHECK(seconds == 86400);
    for (const char* refused :
         {"nan", "inf", "-1", "1e400", "0x10", "", " 1", "86400.5", "1e10", "1e300"}) {
        INFO(refused);
        CHECK_THROWS_AS(app.parse(std::vector<std::string>{refused, "--seconds"}),
                        CLI::ValidationError);
    }
    for (const char* refused : {"0", "366", "1.5", "99999999999", "+3"}) {
        INFO(refused);
        CHECK_THROWS_AS(app.parse(std::vector<std::string>{refused, "--days"}),
                        CLI::ValidationError);
    }
}

TEST_CASE("--lock-timeout refuses nan, negative and too large values", "[cli-app]") {
    for (const char* refused : {"nan", "-1", "inf", "-0.5", "1e300", "86401"}) {
        Outcome result = run_mbl({"asset", "list", "--lock-timeout", refused});
        CAPTURE(refused, result.err);
        CHECK(result.status == 2);
        CHECK(result.err.rfind(std::string("mbl: error: --lock-timeout: must be a number from 0 "
                                           "to 86400, not '") +
                                   refused + "'\n",
                               0) == 0);
    }
}

namespace {

// A stream whose every write fails and, as asked, throws std::ios_base::failure: an exception
// that is not mbl::Error, as a defect would throw.
struct FailingBuffer : std::streambuf {
    int_type overflow(int_type) override { return traits_type::eof(); }
    std::streamsize xsputn(const char*, std::streamsize) override { return 0; }
};

} // namespace

TEST_CASE("an unexpected exception is an internal error (exit 70), not an input error",
          "[cli-app]") {
    FailingBuffer failing;
    std::ostream out(&failing);
    out.exceptions(std::ios::badbit);
    std::ostringstream err;
    int status = run({"mbl", "schema"}, out, err);
    CHECK(status == 70);
    CHECK(static_cast<int>(mbl::ExitStatus::internal) == 70);
    CHECK(err.str().rfind("mbl: internal error: ", 0) == 0);
    CHECK(err.str().find("; please report it") != std::string::npos);
    CHECK(err.str().find("mbl: error:") == std::string::npos);
}
