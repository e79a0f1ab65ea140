#pragma once
// Working with the git repository that holds the backlog: reading the file's earlier versions
// (`mbl diff REV`) and installing the merge driver (`mbl git setup`). The store's side of git:
// git always runs with an argument vector, never through a shell, so no user text is ever read
// as shell syntax.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mbl {

struct GitOutput {
    int exit_code = -1; // -1 when git did not exit normally
    std::string out;
    std::string err;
};

// Runs `git ARGS...` in `directory` (stdin from /dev/null, the environment inherited) and
// returns its exit code and whole output. Throws Error(input) when git cannot be started (not
// installed: the message says so).
GitOutput run_git(const std::vector<std::string>& args, const std::filesystem::path& directory);

// The bytes of git object `spec` (`REV:PATH`, as `git show` takes it), run in `directory`.
// Throws Error(input) quoting git's own message when git refuses (an unknown revision, a path
// not in it, not a repository).
std::string read_git_object(std::string_view spec, const std::filesystem::path& directory);

// The bytes `file` (a path inside a git work tree) had at `revision`: `git show REV:./NAME` in
// the file's directory, so the path git reads is the file's, relative to the repository root.
std::string read_file_at_revision(const std::filesystem::path& file, std::string_view revision);

// The `.gitattributes` line that sends `path` (relative to the repository root, `/`-separated)
// to the mbl merge driver: `backlog.json merge=mbl`; a path with a space is quoted
// (`"my plans/backlog.json" merge=mbl`). Throws Error(input) for a path git would read as a
// pattern or an escape (`*?[`, a quote, a backslash, a control character): such a line is
// better written by hand.
std::string merge_attribute_line(std::string_view path);

// `attributes` (a `.gitattributes` file's text, possibly empty) with `line` added at the end on
// a line of its own, or nullopt when the file already has that exact line (trailing blanks
// ignored).
std::optional<std::string> with_attribute_line(std::string_view attributes, std::string_view line);

// The shell command git runs as the driver: `PROGRAM merge-driver %O %A %B %P`, PROGRAM quoted
// for the shell when it holds anything but letters, digits and `_./+-`.
std::string merge_driver_command(std::string_view program);

// What `mbl git setup` did, one line each (`added 'backlog.json merge=mbl' to .gitattributes`,
// `merge.mbl.driver already set`), for the user.
struct GitSetupReport {
    std::vector<std::string> done;
};

// Installs the merge driver for `backlog_file` (a path inside a git work tree), idempotently:
// adds merge_attribute_line to `.gitattributes` at the repository root (created when missing,
// written atomically) and sets the repository's `merge.mbl.name` and `merge.mbl.driver`
// (merge_driver_command(`program`)) with `git config`, each only when not already so. Throws
// Error(input) when the file is not inside a git work tree, or git fails (its message quoted),
// and, before writing anything, when `.gitattributes` or the repository's config file is a
// symlink or not a regular file (written through, it could change a file outside the repository).
GitSetupReport setup_merge_driver(const std::filesystem::path& backlog_file,
                                  std::string_view program);

} // namespace mbl
