#include "cli/context.hpp"
#include "mbl/error.hpp"
#include "mbl/load.hpp"
#include "mbl/save.hpp"
#include "support/temp_backlog.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace mbl;
using namespace mbl::cli;

namespace {

using mbl::test::TempBacklog;

std::string canonical_sample() {
    Backlog backlog;
    backlog.name = "Sample";
    Workload crm;
    crm.id = "crm";
    crm.name = "CRM";
    backlog.workloads.push_back(crm);
    return to_canonical_text(backlog);
}

} // namespace

TEST_CASE("modify_backlog saves the change canonically", "[cli-context]") {
    TempBacklog temporary = TempBacklog::with_text(canonical_sample());
    GlobalOptions options;
    options.file = temporary.file().string();
    bool rewritten = modify_backlog(options, [](Backlog& backlog) { backlog.name = "Renamed"; });
    CHECK(rewritten);
    CHECK(temporary.text().find("\"name\": \"Renamed\"") != std::string::npos);
    CHECK_FALSE(fs::exists(temporary.file().string() + ".lock"));
}

TEST_CASE("modify_backlog leaves the file untouched when the change throws", "[cli-context]") {
    std::string before = "{\"format\": \"mbl/1\", \"name\": \"Not canonical\"}";
    TempBacklog temporary = TempBacklog::with_text(before);
    GlobalOptions options;
    options.file = temporary.file().string();
    CHECK_THROWS_AS(modify_backlog(options,
                                   [](Backlog& backlog) {
                                       backlog.name = "half done";
                                       throw input_error("refused");
                                   }),
                    Error);
    CHECK(temporary.text() == before);
}

TEST_CASE("modify_backlog does not rewrite a canonical file it did not change", "[cli-context]") {
    TempBacklog temporary = TempBacklog::with_text(canonical_sample());
    GlobalOptions options;
    options.file = temporary.file().string();
    CHECK_FALSE(modify_backlog(options, [](Backlog&) {}));
    CHECK(temporary.text() == canonical_sample());
}

TEST_CASE("modify_backlog saves a change that keeps the file's size", "[cli-context]") {
    TempBacklog temporary = TempBacklog::with_text(canonical_sample());
    GlobalOptions options;
    options.file = temporary.file().string();
    std::string old_name = load_backlog(canonical_sample()).backlog.name;
    REQUIRE_FALSE(old_name.empty());
    std::string same_length(old_name.size(), 'Z');
    CHECK(modify_backlog(options, [&](Backlog& backlog) { backlog.name = same_length; }));
    CHECK(temporary.text().size() == canonical_sample().size());
    CHECK(temporary.text().find("\"name\": \"" + same_length + "\"") != std::string::npos);
}

TEST_CASE("modify_or_preview with dry_run runs the change but never writes", "[cli-context]") {
    TempBacklog temporary = TempBacklog::with_text(canonical_sample());
    const std::string before = temporary.text();
    GlobalOptions options;
    options.file = temporary.file().string();
    std::string seen;
    bool rewritten = modify_or_preview(options, true, [&](Backlog& backlog) {
        backlog.name = "Renamed";
        seen = backlog.name;
    });
    CHECK_FALSE(rewritten);
    CHECK(seen == "Renamed");
    CHECK(temporary.text() == before);
    CHECK_FALSE(fs::exists(temporary.file().string() + ".lock"));
    // A refusal is the same refusal.
    CHECK_THROWS_AS(
        modify_or_preview(options, true, [](Backlog&) { throw usage_error("refused"); }), Error);
    // Without dry_run it is modify_backlog.
    CHECK(modify_or_preview(options, false, [](Backlog& backlog) { backlog.name = "Renamed"; }));
    CHECK(temporary.text().find("\"name\": \"Renamed\"") != std::string::npos);
}

TEST_CASE("print_change_lines heads a dry run and indents its lines", "[cli-context]") {
    std::ostringstream plain;
    print_change_lines(plain, {"Removed asset a", "b\x1b[2J"}, false);
    CHECK(plain.str() == "Removed asset a\nb\\x1b[2J\n");
    std::ostringstream dry;
    print_change_lines(dry, {"Removed asset a"}, true);
    CHECK(dry.str() == "Dry run, nothing written; without --dry-run:\n  Removed asset a\n");
}

TEST_CASE("load_for_reading refuses a file with errors", "[cli-context]") {
    TempBacklog temporary = TempBacklog::with_text("{\"format\": \"mbl/1\", \"workloads\": 3}");
    GlobalOptions options;
    options.file = temporary.file().string();
    try {
        load_for_reading(options);
        FAIL("no error");
    } catch (const Error& error) {
        CHECK(error.status() == ExitStatus::input);
    }
}

TEST_CASE("resolve_today takes --today, else a checked $MBL_TODAY", "[cli-context]") {
    GlobalOptions options;
    ::setenv("MBL_TODAY", "2027-02-29", 1);
    try {
        resolve_today(options);
        FAIL("no error");
    } catch (const Error& error) {
        CHECK(error.status() == ExitStatus::usage);
        CHECK(std::string(error.what()) ==
              "MBL_TODAY: '2027-02-29' is not a valid date; use YYYY-MM-DD, e.g. 2027-01-04");
    }
    options.today = Date::parse("2027-03-01");
    CHECK(resolve_today(options).to_string() == "2027-03-01");
    ::setenv("MBL_TODAY", "2027-05-06", 1);
    options.today.reset();
    CHECK(resolve_today(options).to_string() == "2027-05-06");
    ::unsetenv("MBL_TODAY");
}

TEST_CASE("new_backlog_file takes -f, else $MBL_FILE, else backlog.json here", "[cli-context]") {
    GlobalOptions options;
    ::unsetenv("MBL_FILE");
    CHECK(new_backlog_file(options).path == "backlog.json");
    ::setenv("MBL_FILE", "plans/mine.json", 1);
    CHECK(new_backlog_file(options).path == "plans/mine.json");
    CHECK(new_backlog_file(options).label == "plans/mine.json");
    options.file = "given.json";
    CHECK(new_backlog_file(options).path == "given.json");
    ::unsetenv("MBL_FILE");
}

TEST_CASE("label_for shows a found file relative to the working directory", "[cli-context]") {
    fs::path here = fs::current_path();
    CHECK(label_for(here / "backlog.json", false) == "backlog.json");
    CHECK(label_for(here.parent_path() / "backlog.json", false) == "../backlog.json");
    CHECK(label_for(here / "backlog.json", true) == (here / "backlog.json").string());
    CHECK(label_for("plans/b.json", false) == "plans/b.json");
}
