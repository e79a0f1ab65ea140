#pragma once
// The only code that touches the backlog file on disk: finding it, reading it, locking it for a
// read-modify-write, and replacing it atomically.

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace mbl {

// The file to use: `explicit_path` when given, else `env_path` ($MBL_FILE) when non-empty, else
// `backlog.json` in `start_dir` or the nearest parent that has one (an absolute path). Throws
// Error(input) naming where it looked when none is found, Error(usage) for an empty
// `explicit_path`. Does not check that the file is readable.
std::filesystem::path find_backlog_file(const std::optional<std::string>& explicit_path,
                                        const std::optional<std::string>& env_path,
                                        const std::filesystem::path& start_dir);

// The whole file as bytes. Throws Error(input) with a message naming `path` and what to do
// when it is missing, a directory, a FIFO or other non-regular file, or unreadable.
std::string read_backlog_file(const std::filesystem::path& path);

// The whole of an input file that is not a backlog (a CSV export to import), as bytes. Throws
// Error(input) naming `path` when it is missing, a directory or another non-regular file, or
// unreadable.
std::string read_input_file(const std::filesystem::path& path);

// An exclusive lock on `<file>.lock` beside the file's real target (symlinks followed, so two
// names for one file share one lock), held for a whole read-modify-write. Waits up to `timeout`,
// then throws Error(locked) naming the holding process (pid and command, which the holder
// records in the lock file). The kernel drops the lock when its holder dies, so a killed process
// never blocks the next one (its stale lock file is reused). The lock file is removed on
// release. Throws Error(input) when the lock file cannot be created (e.g. a read-only directory).
// Locks of one process conflict too: do not take a second FileLock on the same file.
class FileLock {
  public:
    FileLock(const std::filesystem::path& file, std::chrono::milliseconds timeout);
    ~FileLock();
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

  private:
    std::filesystem::path lock_path_;
    int fd_ = -1;
};

// Replaces the content of `path` with `text` atomically: a temporary file
// `.<name>.tmp-XXXXXX` in the same directory, fsync, rename over the target, fsync of the
// directory. A crash at any moment leaves the old file or the new one. Keeps the file's
// permission bits (and its owner, when allowed); creates a missing file with 0644 less the umask.
// When `path` is a symlink, writes through to its target and leaves the link; a dangling symlink
// is refused. On failure the target is untouched, the temporary file is removed, and
// Error(input) says what failed (with the system's reason, e.g. "No space left on device"). Call
// while holding a FileLock.
void write_file_atomically(const std::filesystem::path& path, const std::string& text);

// Creates `path` with `text` (mode 0644 less the umask), refusing with Error(input) when
// anything, even a dangling symlink, already has that name; the refusal holds against a
// concurrent creator too (rename without replace, or link()). Atomic like write_file_atomically.
void create_file_exclusively(const std::filesystem::path& path, const std::string& text);

// Like create_file_exclusively, but when anything already has that name it is left as it is and
// the result is false; true when the file was created. Other failures throw Error(input).
bool create_file_if_absent(const std::filesystem::path& path, const std::string& text);

// Removes the temporary files `.<name>.tmp-XXXXXX` beside the real target of `file` that a
// writer killed before its rename left behind; returns how many. Call right after taking the
// FileLock for `file`, before writing: under the lock no live writer owns such a file. Best
// effort: a file it cannot remove is left, silently.
std::size_t remove_stale_temporary_files(const std::filesystem::path& file);

} // namespace mbl
