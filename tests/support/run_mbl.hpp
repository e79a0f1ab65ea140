#pragma once
// The end-to-end harness: runs the real built `mbl` (MBL_BINARY) as a child process with an
// explicit environment, and keeps temporary copies of backlog files for it to work on.

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
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

// The bytes of a file; throws std::runtime_error when it cannot be read.
std::string read_file(const std::filesystem::path& path);

// Replaces a file's bytes; throws std::runtime_error when it cannot be written.
void write_file(const std::filesystem::path& path, std::string_view text);

// `examples/<name>/backlog.json` in the source tree (MBL_SOURCE_DIR).
std::filesystem::path example_path(std::string_view name);

// A fresh directory under $TMPDIR (or /tmp), removed with everything in it on destruction
// (read-only files and directories too).
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

// A temporary directory holding `backlog.json`: a copy of an example or given text.
class TempBacklog {
  public:
    // A copy of `examples/<example>/backlog.json`.
    explicit TempBacklog(std::string_view example = "minimal");
    // A backlog.json with exactly `text`.
    static TempBacklog with_text(std::string_view text);

    const std::filesystem::path& dir() const { return dir_.path(); }
    std::filesystem::path file() const { return dir_.path() / "backlog.json"; }
    // The file as it was created (the example's bytes, or the text given).
    const std::string& original() const { return original_; }
    // The file's bytes now.
    std::string text() const { return read_file(file()); }
    // Replaces the file's bytes.
    void write(std::string_view text) const { write_file(file(), text); }
    // Runs mbl in dir() (unless `options.cwd` says otherwise), so it finds backlog.json itself
    // and names it "backlog.json" in its messages.
    RunResult run(const std::vector<std::string>& args, RunOptions options = {}) const;

  private:
    struct Text {};
    TempBacklog(Text, std::string_view text);

    TempDir dir_;
    std::string original_;
};

} // namespace mbl::test
