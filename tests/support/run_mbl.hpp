#pragma once
// The end-to-end harness: runs the real built `mbl` (MBL_BINARY) as a child process with an
// explicit environment. Temporary backlog files to run it on: support/temp_backlog.hpp.

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace mbl::test {

// How to run one `mbl`. The environment starts clean: PATH, HOME and MBL_TODAY=2026-11-25 (the
// day the Contoso example is set in), nothing else (NO_COLOR and MBL_FILE unset).
struct RunOptions {
    std::filesystem::path cwd;                 // empty: the test process's directory
    std::map<std::string, std::string> env;    // variables added to (or replacing) the defaults
    std::vector<std::string> unset_env;        // default variables to drop, e.g. "MBL_TODAY"
    std::optional<std::string> stdin_text;     // fed to stdin; without it stdin is /dev/null
    std::chrono::milliseconds timeout{10'000}; // then the child is killed (SIGKILL)
    bool stdout_is_terminal = false;           // stdout on a pseudo-terminal instead of a pipe
    // A program (found on PATH) and its arguments that run mbl, e.g. {"setpriv", "--reuid=65534",
    // ...}: MBL_BINARY and the args are appended to it. Empty: MBL_BINARY runs directly.
    std::vector<std::string> command_prefix;
};

// What one run produced. `exit_code` is -1 when the child did not exit normally (killed by a
// signal, `signal` says which; `timed_out` when the harness killed it).
struct RunResult {
    int exit_code = -1;
    int signal = 0;
    bool timed_out = false;
    std::string out;
    std::string err;
};

// Prints a result for Catch2's INFO/CAPTURE: exit code, stdout and stderr.
std::ostream& operator<<(std::ostream& stream, const RunResult& result);

// Runs MBL_BINARY with `args` (without the program name). Reads stdout and stderr together (no
// pipe can fill up and block the child) and never waits past `options.timeout`. Thread-safe: the
// pipes are close-on-exec, so concurrent runs do not inherit each other's descriptors. Throws
// std::runtime_error when the process cannot be started.
RunResult run_mbl(const std::vector<std::string>& args, const RunOptions& options = {});

} // namespace mbl::test
