#pragma once
// The only code that touches the backlog file on disk: finding it, reading it, locking it for a
// read-modify-write, and replacing it atomically.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace mbl {

// The file to use: `explicit_path` when given, else `env_path` ($MBL_FILE) when non-empty, else
// `backlog.json` in `start_dir` or the nearest parent that has one. Throws Error(input) naming
// where it looked when none is found. Does not check that the file is readable.
std::filesystem::path find_backlog_file(const std::optional<std::string>& explicit_path,
                                        const std::optional<std::string>& env_path,
                                        const std::filesystem::path& start_dir);

// The whole file as bytes. Throws Error(input) with a message naming `path` and what to do
// when it is missing, a directory, a FIFO or other non-regular file, or unreadable.
std::string read_backlog_file(const std::filesystem::path& path);

// An exclusive lock on `<file>.lock` beside the file's real target, held for a whole
// read-modify-write. Waits up to `timeout`, then throws Error(locked) naming the holding
// process (pid and command as it recorded them). The kernel drops the lock when its holder dies,
// so a killed process never blocks the next one. The lock file is removed on release.
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

// Replaces the content of `path` with `text` atomically: a temporary file in the same directory,
// fsync, rename over the target, fsync of the directory. A crash at any moment leaves the old
// file or the new one. Keeps the file's permission bits; when `path` is a symlink, writes through
// to its target and leaves the link. On failure the target is untouched, the temporary file is
// removed, and Error(input) says what failed. Call while holding a FileLock.
void write_file_atomically(const std::filesystem::path& path, const std::string& text);

// Creates `path` with `text`, refusing (Error(input)) when it already exists. Atomic like
// write_file_atomically.
void create_file_exclusively(const std::filesystem::path& path, const std::string& text);

} // namespace mbl
