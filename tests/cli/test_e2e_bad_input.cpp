// Bad input, end to end: each case gets a clear `mbl: error:` naming the file (and line:column
// where it applies), nothing on stdout, the right exit code, and leaves the file byte for byte.
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <sys/stat.h>

using namespace mbl::test;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> read_command{"asset", "list"};
const std::vector<std::string> write_command{"asset", "set", "ts-db", "estimate=1"};
const std::vector<std::string> fmt_command{"fmt"};

std::string minimal() {
    return read_file(example_path("minimal"));
}

// Runs a read command and two write commands on a backlog.json holding `text`; all must fail with
// `exit_code` and an error that starts with `message_start`, and leave the file as it was.
void check_refused(const std::string& text, int exit_code, const std::string& message_start) {
    TempBacklog backlog = TempBacklog::with_text(text);
    for (const auto& args : {read_command, write_command, fmt_command}) {
        RunResult result = backlog.run(args);
        CAPTURE(args, result);
        CHECK(result.exit_code == exit_code);
        CHECK(result.out.empty());
        CHECK(result.err.rfind("mbl: error: " + message_start, 0) == 0);
        CHECK(lines_of(result.err).size() == 1);
        CHECK(backlog.text() == text);
    }
    // No lock file or temporary file left beside it.
    CHECK(std::distance(fs::directory_iterator(backlog.dir()), fs::directory_iterator()) == 1);
}

// "backlog.json:L:C: " for the position of `needle` in `text`.
std::string at(const std::string& text, const std::string& needle, std::size_t occurrence = 0) {
    return location("backlog.json", position_of(text, needle, occurrence)) + ": ";
}

// "backlog.json:L:C: " for the position just past the end of `text`.
std::string at_end(const std::string& text) {
    std::vector<std::string> lines = lines_of(text);
    bool ends_with_newline = !text.empty() && text.back() == '\n';
    std::size_t line = lines.size() + (ends_with_newline ? 1 : 0);
    std::size_t column = ends_with_newline ? 1 : lines.back().size() + 1;
    return location("backlog.json", {line, column}) + ": ";
}

} // namespace

TEST_CASE("an empty file", "[e2e][bad-input]") {
    check_refused("", 3, "backlog.json:1:1: the file is empty");
}

TEST_CASE("truncated JSON names the end of the input", "[e2e][bad-input]") {
    std::string whole = read_file(example_path("contoso"));
    std::size_t middle = whole.rfind('\n', whole.size() / 2);
    std::string cut_after_newline = whole.substr(0, middle + 1);
    std::string cut_mid_line = whole.substr(0, middle);
    REQUIRE(cut_mid_line.back() != '\n');
    check_refused(cut_after_newline, 3, at_end(cut_after_newline) + "invalid JSON");
    check_refused(cut_mid_line, 3, at_end(cut_mid_line) + "invalid JSON");
}

TEST_CASE("invalid UTF-8 in a string names the byte", "[e2e][bad-input]") {
    std::string text = replace_once(minimal(), "Timesheet database", "Timesheet \xff\xfe database");
    check_refused(text, 3, at(text, "\xff") + "invalid JSON");
}

TEST_CASE("a duplicate key names the second one", "[e2e][bad-input]") {
    std::string text =
        replace_once(minimal(), "\"estimate\": 12,", "\"estimate\": 12,\n      \"estimate\": 13,");
    check_refused(text, 3, at(text, "\"estimate\"", 1) + "duplicate key \"estimate\"");
}

TEST_CASE("a wrong type names the value", "[e2e][bad-input]") {
    std::string text = replace_once(minimal(), "\"estimate\": 12,", "\"estimate\": \"16h\",");
    check_refused(text, 3, at(text, "\"16h\"") + "estimate must be a number or null");
}

TEST_CASE("a newer format is refused, never half-read", "[e2e][bad-input]") {
    std::string text = replace_once(minimal(), "\"mbl/1\"", "\"mbl/2\"");
    check_refused(text, 3,
                  at(text, "\"mbl/2\"") + "this file is format mbl/2, newer than this mbl");
}

TEST_CASE("JSON that is not a backlog", "[e2e][bad-input]") {
    check_refused("[]\n", 3, "backlog.json:1:1: the file must hold one JSON object");
    check_refused("{}\n", 3, "backlog.json:1:1: not an mbl backlog");
    check_refused("{\"format\": \"foo\"}\n", 3, "backlog.json:1:12: unknown format \"foo\"");
}

TEST_CASE("a directory, a missing path and a FIFO given as -f", "[e2e][bad-input]") {
    TempDir dir;
    fs::path missing = dir.path() / "missing.json";
    fs::path fifo = dir.path() / "fifo.json";
    REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
    struct Case {
        fs::path file;
        std::string message;
    };
    const Case cases[] = {
        {dir.path(), dir.path().string() + " is a directory, not a backlog file"},
        {missing, missing.string() + " does not exist"},
        {fifo, fifo.string() + " is a FIFO, not a regular file"},
    };
    RunOptions quick; // a FIFO must not block mbl: a hang fails here instead of stalling the run
    quick.timeout = std::chrono::seconds(5);
    for (const Case& c : cases) {
        for (std::vector<std::string> args : {read_command, write_command}) {
            args.insert(args.begin(), {"-f", c.file.string()});
            RunResult result = run_mbl(args, quick);
            CAPTURE(args, result);
            CHECK_FALSE(result.timed_out);
            CHECK(result.exit_code == 3);
            CHECK(result.out.empty());
            CHECK(result.err.rfind("mbl: error: " + c.message, 0) == 0);
        }
    }
    CHECK_FALSE(fs::exists(missing));
    CHECK(fs::is_fifo(fifo));
}

TEST_CASE("a FIFO named backlog.json is refused too", "[e2e][bad-input]") {
    TempDir dir;
    REQUIRE(::mkfifo((dir.path() / "backlog.json").c_str(), 0644) == 0);
    RunOptions quick;
    quick.cwd = dir.path();
    quick.timeout = std::chrono::seconds(5);
    const std::vector<std::vector<std::string>> commands{
        read_command, write_command, {"validate"}, {"fmt"}};
    for (const auto& args : commands) {
        RunResult result = run_mbl(args, quick);
        CAPTURE(args, result);
        CHECK_FALSE(result.timed_out);
        CHECK(result.exit_code == 3);
        CHECK(contains(result.err, "is a FIFO"));
    }
}

TEST_CASE("a read-only file is not changed by a write command", "[e2e][bad-input]") {
    TempBacklog backlog;
    fs::permissions(backlog.file(), fs::perms(0444));
    RunResult result = backlog.run(write_command);
    CAPTURE(result);
    CHECK(result.exit_code == 3);
    CHECK(result.out.empty());
    // Named by its absolute path here (the store's messages), by "backlog.json" in the loader's.
    CHECK(result.err.rfind("mbl: error: ", 0) == 0);
    CHECK(contains(result.err, "backlog.json is read-only; make it writable (chmod u+w "));
    CHECK(contains(result.err, "the file is unchanged"));
    CHECK(backlog.text() == backlog.original());
    CHECK(fs::status(backlog.file()).permissions() == fs::perms(0444));
    CHECK(backlog.run(read_command).exit_code == 0); // reading it is fine
}

TEST_CASE("bad FIELD=VALUE assignments are usage errors", "[e2e][bad-input]") {
    TempBacklog backlog;
    struct Case {
        std::string assignment;
        std::string message;
    };
    const Case cases[] = {
        {"estimate", "expected FIELD=VALUE, not 'estimate'"},
        {"=5", "missing the field name before '='"},
        {"colour=red", "unknown field 'colour'"},
        {"estimate=abc", "estimate must be a number from 0 to 1000000000, not 'abc'"},
        {"estimate=-3", "estimate must be a number from 0 to 1000000000"},
        {"estimate=1e308", "estimate must be a number from 0 to 1000000000, not '1e308'"},
        {"priority=9", "priority must be a whole number from 1 to 4"},
        {"status=done", "invalid status 'done'"},
        {"kind=mainframe", "mainframe"},
        {"depends_on=ts-db", "asset 'ts-db' cannot depend on itself"},
        {"depends_on=ts-web", "would make a cycle: ts-db -> ts-web -> ts-db"},
        {"replicated_on=2026-02-30", "replicated_on must be a real day"},
        {"attributes.=1", "attributes needs a key"},
    };
    for (const Case& c : cases) {
        RunResult result = backlog.run({"asset", "set", "ts-db", c.assignment});
        CAPTURE(c.assignment, result);
        CHECK(result.exit_code == 2);
        CHECK(result.out.empty());
        CHECK(result.err.rfind("mbl: error: ", 0) == 0);
        CHECK(contains(result.err, c.message));
        CHECK(contains(result.err, "run 'mbl asset set --help' for usage"));
        CHECK(backlog.text() == backlog.original());
    }
}

TEST_CASE("an unknown id in a write command is an input error with a suggestion",
          "[e2e][bad-input]") {
    TempBacklog backlog;
    RunResult result = backlog.run({"asset", "set", "ts-webb", "estimate=1"});
    CAPTURE(result);
    CHECK(result.exit_code == 3);
    CHECK(result.out.empty());
    CHECK(result.err == "mbl: error: unknown asset 'ts-webb'; did you mean 'ts-web'?\n");
    CHECK(backlog.text() == backlog.original());
}
