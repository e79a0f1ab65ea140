// The harness itself: a hung mbl fails the test instead of hanging it, big outputs and unread
// input do not deadlock, and the environment is the one the test asked for.
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <csignal>
#include <mbl/store.hpp>

using namespace mbl::test;

TEST_CASE("e2e harness: a child past its timeout is killed and reported", "[e2e][harness]") {
    TempBacklog backlog;
    mbl::FileLock lock(backlog.file(), std::chrono::milliseconds(0));
    RunOptions options;
    options.timeout = std::chrono::milliseconds(200);
    RunResult result = run_mbl({"-f", backlog.file().string(), "--lock-timeout", "30", "asset",
                                "set", "ts-db", "estimate=1"},
                               options);
    CAPTURE(result);
    CHECK(result.timed_out);
    CHECK(result.exit_code == -1);
    CHECK(result.signal == SIGKILL);
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE("e2e harness: large output and unread stdin do not deadlock", "[e2e][harness]") {
    TempBacklog backlog;
    std::string long_notes(200'000, 'n'); // stdout far past a pipe buffer (64 KiB)
    backlog.write(replace_once(backlog.original(), "\"tasks\": []",
                               "\"tasks\": [],\n      \"notes\": \"" + long_notes + "\""));
    RunOptions options;
    options.stdin_text = std::string(1 << 20, 'x'); // mbl never reads it
    RunResult result = run_mbl(
        {"-f", backlog.file().string(), "asset", "show", "ts-db", "--format", "json"}, options);
    CAPTURE(result.exit_code, result.err);
    CHECK(result.exit_code == 0);
    CHECK(contains(result.out, long_notes));
    CHECK(result.err.empty());
}

TEST_CASE("e2e harness: the environment is clean and explicit", "[e2e][harness]") {
    TempBacklog backlog;
    // MBL_FILE from the test's own environment must not leak in: without -f, a directory with no
    // backlog.json anywhere above it is an input error.
    TempDir empty;
    RunOptions in_empty;
    in_empty.cwd = empty.path();
    RunResult result = run_mbl({"asset", "list"}, in_empty);
    CHECK(result.exit_code == 3);

    RunOptions with_file;
    with_file.cwd = empty.path();
    with_file.env["MBL_FILE"] = backlog.file().string();
    CHECK(run_mbl({"asset", "list", "--format", "csv"}, with_file).exit_code == 0);
}

TEST_CASE("e2e harness: text positions are 1-based lines and columns", "[e2e][harness]") {
    TextPosition at = position_of("ab\ncd\n  ef", "ef");
    CHECK(at.line == 3);
    CHECK(at.column == 3);
    CHECK(location("f.json", position_of("x\nyx", "x", 1)) == "f.json:2:2");
    CHECK(replace_once("a b a", "a", "c", "b") == "a b c");
    CHECK_THROWS(replace_once("a", "z", "y"));
    CHECK(lines_of("one\ntwo\n") == std::vector<std::string>{"one", "two"});
}
