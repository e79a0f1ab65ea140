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

// `file`'s path relative to the root of the git work tree that holds it, `/`-separated
// (`plans/backlog.json`): how GitHub names the file in a pull request, so CI annotations land on
// it. Symlinked directories on the way are resolved, as git resolves the work tree; a file that
// is itself a symlink is named by its target when that lies in the same work tree (the file whose
// lines the annotations are about), else by its own path. nullopt when the file is in no git work
// tree, or git is not installed.
std::optional<std::string> repository_relative_path(const std::filesystem::path& file);

// `path` (relative to the repository root, `/`-separated) as a `.gitattributes` pattern that
// matches that name only (gitattributes(5)): a backslash before the wildcards `*?[`, a
// backslash, and a leading `!` (a negative pattern, which git ignores) or `#` (a comment); then,
// when it holds a space, a quote or a control character, the whole in C-style double quotes
// (`"my plans/backlog.json"`, `"tab\there.json"`), which git reads in a line that starts with
// `"`. Every name can be expressed so.
std::string attribute_pattern(std::string_view path);

// The `.gitattributes` line that sends `path` to the mbl merge driver:
// `attribute_pattern(path) merge=mbl` (`backlog.json merge=mbl`, `\#plan.json merge=mbl`).
std::string merge_attribute_line(std::string_view path);

// `attributes` (a `.gitattributes` file's text, possibly empty) with `line` added at the end on
// a line of its own, in the file's line ending (CRLF when its first line has it), or nullopt
// when the file already has that exact line (trailing blanks ignored).
std::optional<std::string> with_attribute_line(std::string_view attributes, std::string_view line);

// The shell command git runs as the driver: `PROGRAM merge-driver %O %A %B %P`, PROGRAM as
// shell_word quotes it.
std::string merge_driver_command(std::string_view program);

// `word` as one word for a POSIX shell, for commands mbl suggests or writes: as it is when it
// holds only letters, digits and `_./+-`, else in single quotes (a quote inside as `'\''`).
std::string shell_word(std::string_view word);

// What `mbl git setup` did, one line each (`added 'backlog.json merge=mbl' to .gitattributes`,
// `merge.mbl.driver already set`), for the user.
struct GitSetupReport {
    std::vector<std::string> done;
};

// Installs the merge driver for `backlog_file` (a path inside a git work tree), idempotently:
// adds merge_attribute_line to `.gitattributes` at the repository root (created when missing,
// written atomically) and sets the repository's `merge.mbl.name` and `merge.mbl.driver`
// (merge_driver_command(`program`)) with `git config`, each only when not already so. Then asks
// git (`git check-attr merge`) whether the file now has `merge=mbl`. Throws Error(input) when
// the file is not inside a git work tree, or git fails (its message quoted), and, before writing
// anything, when `.gitattributes` or the repository's config file is a symlink or not a regular
// file (written through, it could change a file outside the repository); when git does not give
// the file the attribute (another attributes file overrides it), the line it added is taken out
// again and the config left unset, and the error says what git reports.
GitSetupReport setup_merge_driver(const std::filesystem::path& backlog_file,
                                  std::string_view program);

} // namespace mbl
