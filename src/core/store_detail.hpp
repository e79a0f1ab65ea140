#pragma once
// Helpers shared by the store's source files (store.cpp, store_lock.cpp, store_write.cpp); not
// part of the library's interface.

#include <filesystem>
#include <string>

namespace mbl::store_detail {

// The system's text for `error_number` ("No such file or directory"): the one place the store
// turns errno into words.
std::string errno_text(int error_number);

// `alice (uid 1000)` for a user id, `uid 1000` when it names no user: for messages about whose a
// file is.
std::string describe_user(unsigned uid);

// Where `path` really lives: symlinks in its last component followed (relative targets taken
// from the link's directory) and its directory made canonical when it exists.
struct ResolvedPath {
    std::filesystem::path target;
    bool exists = false;      // `target` exists (after following every link)
    bool via_symlink = false; // `path` itself was a symlink
};

// Throws Error(input) naming `path` on a symlink loop or an unreadable link.
ResolvedPath resolve_symlinks(const std::filesystem::path& path);

// Owns an open file descriptor (or -1) and closes it when it goes out of scope.
class FileDescriptor {
  public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() { reset(); }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    FileDescriptor(FileDescriptor&& other) noexcept : fd_(other.release()) {}

    int get() const { return fd_; }
    bool is_open() const { return fd_ >= 0; }
    // Gives up ownership without closing.
    int release() noexcept;
    void reset();

  private:
    int fd_;
};

// Opens `path` for reading, refusing what is not a regular file (a directory, a FIFO, …) with
// Error(input) saying what to do; `size` is the file's size when opened.
FileDescriptor open_backlog_for_reading(const std::filesystem::path& path, std::size_t& size);

// One read(2) of up to `count` bytes (0 at the end of the file), retried on EINTR; Error(input)
// naming `path` on failure.
std::size_t read_some(int fd, const std::filesystem::path& path, char* into, std::size_t count);

} // namespace mbl::store_detail
