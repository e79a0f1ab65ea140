#pragma once
// The only code that touches the backlog file on disk: finding it, reading it, locking it for a
// read-modify-write, and replacing it atomically. A program that reads or changes a backlog as
// `mbl` does needs only the two calls at the end: load_backlog_file and update_backlog_file.

#include "mbl/load.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mbl {

// The file to use: `explicit_path` when given, else `env_path` ($MBL_FILE) when non-empty, else
// `backlog.json` in `start_dir` or the nearest parent that has one (an absolute path). Throws
// Error(input) naming where it looked when none is found, Error(usage) for an empty
// `explicit_path`, and Error(input) when the file found in a parent directory (or that
// directory) belongs to another user than the effective one (as git's safe.directory; the
// message says to pass -f or set MBL_FILE). Does not check that the file is readable.
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

// What a BacklogFileText is read for: its message for a file changed meanwhile says so.
enum class TextUse {
    reading,   // "<file> changed while mbl was reading it; run the command again"
    rewriting, // "<file> changed while mbl was writing; nothing written, run the command again"
};

// The file's bytes, read like read_backlog_file (same checks, same messages) into memory that
// can be given back to the system page by page as a loader reads past it, and read back from the
// same open file (the same inode, even when a writer has renamed a new file over its name since)
// when a part is needed again. For large files: a 500 MB backlog is not held whole next to the
// model loaded from it. Released bytes read as zeros until restored. The bytes are the file's
// pages mapped where they lie (no copy) when the system allows it: another program writing the
// file in place then shows through, so a loader calls check_read_unchanged once it has read the
// text; a file cut short meanwhile reads as zeros past its new end (a handler of SIGBUS, which
// passes on the faults that are not in such a mapping), never a crash.
//
// Another program may rewrite the file in place meanwhile (an editor, `cat >`, a script opening
// it `r+`): what is read back must then not be mixed with what was read first. So each block
// given back (64 KiB) keeps a 64-bit hash (XXH3) of its bytes, and a block read back must hash
// the same; a file that changed while it was being read the first time (its size or modification
// time moved) is refused too. Both
// throw Error(input) "<label> changed while mbl was …" (see TextUse). `label` names the file in
// messages (empty: the path).
class BacklogFileText final : public ReleasableText {
  public:
    explicit BacklogFileText(const std::filesystem::path& path, TextUse use = TextUse::reading,
                             std::string label = {});
    ~BacklogFileText() override;
    BacklogFileText(const BacklogFileText&) = delete;
    BacklogFileText& operator=(const BacklogFileText&) = delete;

    std::string_view view() const override { return {data_, size_}; }
    void release_before(const char* position) override;
    // Throws Error(input) naming the file when reading it again fails, or when what it reads is
    // not what was read first.
    void restore(std::size_t offset, std::size_t length) override;
    // Throws the changed-file Error(input) when the file mapped was written to or cut short since
    // it was opened (its size or modification time moved): what was read may mix two versions.
    void check_read_unchanged() override;
    // Throws the changed-file Error(input) unless the file's name still leads to the file that
    // was read and that file still has the size and modification time it had when read:
    // for a writer, right before it puts a new file in place.
    void check_unchanged() const;

  private:
    // Maps the file's bytes [from, to) over the same range of data_ (from a whole page); false
    // when it cannot (the caller reads them instead).
    bool map_file(std::size_t from, std::size_t to);
    void read_whole();
    void read_back(std::size_t from, std::size_t to);
    void check_hashes(std::size_t from, std::size_t to) const;
    [[noreturn]] void throw_changed() const;

    std::filesystem::path path_;
    std::string label_;
    TextUse use_;
    int fd_ = -1;
    char* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;     // bytes mapped at data_ (whole pages)
    bool mapped_ = false;          // data_ maps the file itself (else holds a copy of it)
    int guard_ = -1;               // its slot in file_mapping_guard, or -1
    std::size_t released_end_ = 0; // the blocks before it were released (a block boundary)
    // Released blocks read back since (one window, block boundaries; empty when equal).
    std::size_t restored_from_ = 0;
    std::size_t restored_to_ = 0;
    std::vector<std::uint64_t> block_hashes_; // of each released block, in order
    // The file as read: device, inode, size and modification time (fstat). Not the change time:
    // it moves when a writer renames a new file over the name (the old file loses a link).
    struct Identity {
        unsigned long long device = 0, inode = 0;
        long long size = 0, modified_s = 0, modified_ns = 0;
        friend bool operator==(const Identity&, const Identity&) = default;
    };
    Identity identity_;
};

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

// Gives the pieces of a text, in order, to its argument; returns false to write nothing after
// all.
using TextProducer = std::function<bool(const std::function<void(std::string_view)>& write_piece)>;

// write_file_atomically with the text in pieces, so a large one need not be held whole: the
// pieces go to the temporary file as they come (the checks of the target and the temporary file
// come with the first piece). When `produce` returns false (or throws), the temporary file is
// removed, the target is untouched, and it returns false (a producer that declines before its
// first piece is never refused for a read-only target); else true once the new content is in
// place. `before_rename`, when given, runs once the temporary file is complete and flushed, right
// before the rename: when it throws, the temporary file is removed and the target untouched
// (BacklogFileText::check_unchanged).
bool write_file_atomically(const std::filesystem::path& path, const TextProducer& produce,
                           const std::function<void()>& before_rename = {});

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

// A backlog loaded from its file for reading, as `mbl`'s read-only commands load it.
struct LoadedBacklogFile {
    // The file's bytes, mostly released by the load (restore a part to read it again, e.g. to
    // locate a problem); never null.
    std::unique_ptr<BacklogFileText> text;
    Backlog backlog;
};

// Reads `path` (no lock: a writer replaces the file atomically, so a reader sees the old file or
// the new one) and loads it. Throws Error(input) when the file is missing, unreadable, changed
// while being read, or has errors (as load_backlog_or_throw, with `label` naming it in messages;
// empty: the path).
LoadedBacklogFile load_backlog_file(const std::filesystem::path& path,
                                    const std::string& label = {});

// The locked read-modify-write every `mbl` write command goes through: takes the file's FileLock
// (waiting up to `lock_timeout`: Error(locked) after), removes the temporary files a killed writer
// left, reads and loads the file (as load_backlog_file), runs `change` on the backlog and, only
// if `change` returns normally, writes the canonical text (save.hpp) with write_file_atomically
// when it differs from what was read. Returns whether the file was rewritten (false: `change`
// left the text as it was, and nothing at all was written). Should `change` or anything else
// throw, the file is left as it was. The file is never held whole next to its model: the text
// read is released as it loads, and the new one is compared and written in pieces. Should
// another program rewrite the file meanwhile, nothing is written (Error(input) "changed while mbl
// was writing").
bool update_backlog_file(const std::filesystem::path& path, std::chrono::milliseconds lock_timeout,
                         const std::function<void(Backlog&)>& change, const std::string& label = {},
                         const LoadLayout& layout = {});

// update_backlog_file with the model in `backlog`, the caller's: what it held is replaced by the
// file's backlog, which stays there afterwards, changed (whether or not the file was written,
// and after an error, in whatever state it was left). For a caller that goes on with the model,
// or that lets a large one go without freeing it (a process about to end).
bool update_backlog_file(const std::filesystem::path& path, std::chrono::milliseconds lock_timeout,
                         const std::function<void(Backlog&)>& change, Backlog& backlog,
                         const std::string& label = {}, const LoadLayout& layout = {});

} // namespace mbl
