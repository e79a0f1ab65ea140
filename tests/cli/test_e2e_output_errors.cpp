// Standard output that cannot be written: a full device (/dev/full, as a full disk behind a
// redirect is), a closed stdout, a reader that went away. mbl must fail with a clear error rather
// than exit 0 with a truncated result, and go quietly when the reader of a pipe left (SIGPIPE).
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <csignal>

using namespace mbl::test;

namespace {

// Runs mbl in `backlog`'s directory through `sh -c 'exec mbl ARGS REDIRECT'`.
RunResult run_redirected(const TempBacklog& backlog, const std::string& redirect,
                         const std::vector<std::string>& args) {
    RunOptions options;
    options.cwd = backlog.dir();
    options.command_prefix = {"sh", "-c", "exec \"$0\" \"$@\" " + redirect};
    return run_mbl(args, options);
}

// Runs mbl with stdout on a pipe whose reading end is closed before it starts, SIGPIPE at its
// default or ignored (as some parents leave it); prints `status N` (Python's returncode: -13
// when killed by SIGPIPE) on stdout, and mbl's stderr passes through.
RunResult run_into_closed_pipe(const TempBacklog& backlog, bool ignore_sigpipe,
                               const std::vector<std::string>& args) {
    const std::string script = std::string(R"(
import os, signal, subprocess, sys
read_end, write_end = os.pipe()
os.close(read_end)
def child():
    if )") + (ignore_sigpipe ? "True" : "False") +
                               R"(:
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)
done = subprocess.run(sys.argv[1:], stdout=write_end, preexec_fn=child)
print("status", done.returncode)
)";
    RunOptions options;
    options.cwd = backlog.dir();
    options.command_prefix = {"python3", "-c", script};
    return run_mbl(args, options);
}

const std::string disk_full = "mbl: error: writing to standard output: No space left on device\n";

} // namespace

TEST_CASE("output to a full device fails with exit 3 and says so, for every command",
          "[e2e][output-errors]") {
    TempBacklog backlog("contoso");
    const std::vector<std::vector<std::string>> commands = {
        {"export", "csv", "--for", "jira"},
        {"asset", "list", "--format", "json"},
        {"report"},
        {"report", "--format", "html"},
        {"status"},
        {"asset", "show", "crm-sql-01"}, // a few lines: written only at the end
        {"schema"},
        {"--help"},
    };
    for (const auto& args : commands) {
        RunResult result = run_redirected(backlog, "> /dev/full", args);
        CAPTURE(args, result);
        CHECK(result.exit_code == 3);
        CHECK(result.err == disk_full);
        CHECK(result.out.empty());
    }
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE("a write command whose output fails has written the file, and says the output failed",
          "[e2e][output-errors]") {
    TempBacklog backlog;
    RunResult result =
        run_redirected(backlog, "> /dev/full", {"asset", "set", "ts-db", "estimate=13"});
    CAPTURE(result);
    CHECK(result.exit_code == 3);
    CHECK(result.err == disk_full);
    CHECK(backlog.text() ==
          replace_once(backlog.original(), "\"estimate\": 12,", "\"estimate\": 13,"));
}

TEST_CASE("a closed stdout is an error when there is something to print, and never lands in a file",
          "[e2e][output-errors]") {
    TempBacklog backlog;
    RunResult list = run_redirected(backlog, ">&-", {"asset", "list"});
    CAPTURE(list);
    CHECK(list.exit_code == 3);
    CHECK(list.err == "mbl: error: writing to standard output: Bad file descriptor\n");

    // A write: the lock file or the backlog could get descriptor 1; the change line must not
    // end up in either.
    RunResult set = run_redirected(backlog, ">&-", {"asset", "set", "ts-db", "estimate=13"});
    CAPTURE(set);
    CHECK(set.exit_code == 3);
    CHECK(set.err == "mbl: error: writing to standard output: Bad file descriptor\n");
    CHECK(backlog.text() ==
          replace_once(backlog.original(), "\"estimate\": 12,", "\"estimate\": 13,"));
    CHECK_FALSE(std::filesystem::exists(backlog.dir() / "backlog.json.lock"));

    // With stderr closed too, the error has nowhere to go, but the exit code still says it.
    RunResult both = run_redirected(backlog, ">&- 2>&-", {"asset", "list"});
    CHECK(both.exit_code == 3);
    CHECK(both.err.empty());
}

TEST_CASE("a reader that went away ends mbl quietly by SIGPIPE", "[e2e][output-errors]") {
    TempBacklog backlog("contoso");
    for (bool ignored : {false, true}) {
        RunResult result = run_into_closed_pipe(backlog, ignored, {"asset", "list"});
        CAPTURE(ignored, result);
        CHECK(result.exit_code == 0);
        CHECK(result.out == "status -" + std::to_string(SIGPIPE) + "\n");
        CHECK(result.err.empty());
    }
}
