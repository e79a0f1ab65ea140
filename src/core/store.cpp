// Finding and reading the backlog file, and the helpers the other store files share.
// Locking is in store_lock.cpp, writing in store_write.cpp.

#include "mbl/store.hpp"

#include "mbl/error.hpp"
#include "store_detail.hpp"

#include <array>
#include <cerrno>
#include <fcntl.h>
#include <fmt/format.h>
#include <pwd.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace fs = std::filesystem;

namespace mbl {

namespace store_detail {

std::string errno_text(int error_number) {
    return std::system_category().message(error_number);
}

std::string describe_user(unsigned uid) {
    struct passwd entry {};
    struct passwd* found = nullptr;
    char buffer[1024];
    if (::getpwuid_r(uid, &entry, buffer, sizeof buffer, &found) == 0 && found != nullptr) {
        return fmt::format("{} (uid {})", found->pw_name, uid);
    }
    return fmt::format("uid {}", uid);
}

ResolvedPath resolve_symlinks(const fs::path& path) {
    constexpr int max_symlink_hops = 40; // Linux's own limit (ELOOP)
    ResolvedPath result;
    fs::path current = path;
    for (int hops = 0;; ++hops) {
        struct stat info {};
        if (::lstat(current.c_str(), &info) != 0) {
            break; // missing (or unreachable): whoever opens it reports why
        }
        if (!S_ISLNK(info.st_mode)) {
            result.exists = true;
            break;
        }
        if (hops == max_symlink_hops) {
            throw input_error(
                fmt::format("cannot resolve {}: {}", path.string(), errno_text(ELOOP)));
        }
        std::error_code error;
        fs::path link = fs::read_symlink(current, error);
        if (error) {
            throw input_error(
                fmt::format("cannot read the symlink {}: {}", current.string(), error.message()));
        }
        result.via_symlink = true;
        current = link.is_absolute() ? link : current.parent_path() / link;
    }
    fs::path directory = current.parent_path().empty() ? fs::path(".") : current.parent_path();
    std::error_code error;
    fs::path canonical_directory = fs::canonical(directory, error);
    result.target = error ? current : canonical_directory / current.filename();
    return result;
}

int FileDescriptor::release() noexcept {
    int fd = fd_;
    fd_ = -1;
    return fd;
}

void FileDescriptor::reset() {
    if (fd_ >= 0) {
        ::close(fd_);
        fd_ = -1;
    }
}

} // namespace store_detail

using store_detail::errno_text;
using store_detail::FileDescriptor;

namespace {

constexpr const char* backlog_file_name = "backlog.json";

// What a non-regular file is, for messages.
const char* kind_of_special_file(mode_t mode) {
    if (S_ISFIFO(mode)) {
        return "a FIFO";
    }
    if (S_ISSOCK(mode)) {
        return "a socket";
    }
    if (S_ISCHR(mode)) {
        return "a character device";
    }
    if (S_ISBLK(mode)) {
        return "a block device";
    }
    return "not a regular file";
}

[[noreturn]] void throw_open_failure(const fs::path& path, int error_number) {
    const std::string shown = path.string();
    if (error_number == ENOENT) {
        struct stat info {};
        if (::lstat(path.c_str(), &info) == 0 && S_ISLNK(info.st_mode)) {
            throw input_error(fmt::format("{} is a symlink to a file that does not exist; fix the "
                                          "link, or pass -f PATH",
                                          shown));
        }
        throw input_error(
            fmt::format("{} does not exist; run 'mbl init' to create it, or pass -f PATH", shown));
    }
    if (error_number == EACCES) {
        throw input_error(fmt::format(
            "cannot read {}: permission denied; check the permissions of the file and of its "
            "directories",
            shown));
    }
    throw input_error(fmt::format("cannot read {}: {}", shown, errno_text(error_number)));
}

// Like git's safe.directory: a backlog.json the upward search found in a parent directory is used
// only when it and that directory belong to the effective user. Otherwise root (or anyone) would
// silently write into a file another user planted above the current directory. Naming the file
// (-f, MBL_FILE) is the user's explicit consent.
void check_found_in_parent_is_own(const fs::path& candidate, const fs::path& start) {
    const uid_t me = ::geteuid();
    struct stat file {};
    struct stat directory {};
    std::optional<uid_t> owner;
    if (::lstat(candidate.c_str(), &file) == 0 && file.st_uid != me) {
        owner = file.st_uid;
    } else if (::stat(candidate.c_str(), &file) == 0 && file.st_uid != me) {
        owner = file.st_uid; // the symlink is ours, the file it names is not
    } else if (::stat(candidate.parent_path().c_str(), &directory) == 0 && directory.st_uid != me) {
        owner = directory.st_uid;
    }
    if (owner) {
        throw input_error(fmt::format(
            "{} was found in a parent directory of {}, but it or its directory belongs to {} "
            "while mbl runs as {}; mbl does not use another user's backlog it finds by itself. "
            "If you mean that file, name it: pass -f {} or set MBL_FILE",
            candidate.string(), start.string(), store_detail::describe_user(*owner),
            store_detail::describe_user(me), candidate.string()));
    }
}

} // namespace

fs::path find_backlog_file(const std::optional<std::string>& explicit_path,
                           const std::optional<std::string>& env_path, const fs::path& start_dir) {
    if (explicit_path) {
        if (explicit_path->empty()) {
            throw usage_error("-f/--file needs a file path, not an empty string");
        }
        return *explicit_path;
    }
    if (env_path && !env_path->empty()) {
        return *env_path;
    }
    std::error_code error;
    fs::path start = fs::absolute(start_dir, error).lexically_normal();
    if (error) {
        start = start_dir;
    }
    if (!start.has_filename() && start.has_relative_path()) {
        start = start.parent_path(); // "/x/y/" -> "/x/y"
    }
    for (fs::path directory = start;; directory = directory.parent_path()) {
        fs::path candidate = directory / backlog_file_name;
        struct stat info {};
        if (::lstat(candidate.c_str(), &info) == 0) {
            if (directory != start) {
                check_found_in_parent_is_own(candidate, start);
            }
            return candidate; // even when unusable: reading it says why, rather than skipping it
        }
        if (directory == directory.parent_path() || directory.empty()) {
            break;
        }
    }
    throw input_error(fmt::format("no {} in {} or any parent directory; run 'mbl init' to create "
                                  "one, or pass -f PATH",
                                  backlog_file_name, start.string()));
}

namespace store_detail {

FileDescriptor open_backlog_for_reading(const fs::path& path, std::size_t& size) {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
    FileDescriptor file(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (!file.is_open()) {
        throw_open_failure(path, errno);
    }
    struct stat info {};
    if (::fstat(file.get(), &info) != 0) {
        throw input_error(fmt::format("cannot read {}: {}", path.string(), errno_text(errno)));
    }
    if (S_ISDIR(info.st_mode)) {
        throw input_error(fmt::format(
            "{} is a directory, not a backlog file; pass -f with the path of the JSON file",
            path.string()));
    }
    if (!S_ISREG(info.st_mode)) {
        throw input_error(fmt::format("{} is {}, not a regular file; mbl reads and writes only "
                                      "regular files, pass -f with the path of one",
                                      path.string(), kind_of_special_file(info.st_mode)));
    }
    size = static_cast<std::size_t>(info.st_size);
    return file;
}

std::size_t read_some(int fd, const fs::path& path, char* into, std::size_t count) {
    for (;;) {
        ssize_t done = ::read(fd, into, count);
        if (done < 0 && errno == EINTR) {
            continue;
        }
        if (done < 0) {
            throw input_error(fmt::format("cannot read {}: {}", path.string(), errno_text(errno)));
        }
        return static_cast<std::size_t>(done);
    }
}

} // namespace store_detail

std::string read_backlog_file(const fs::path& path) {
    std::size_t size = 0;
    FileDescriptor file = store_detail::open_backlog_for_reading(path, size);
    std::string text(size, '\0');
    std::size_t filled = 0;
    for (;;) {
        if (filled == text.size()) {
            // Read past the size fstat gave into a small buffer first: growing the string at its
            // end would double its capacity, and a file that did not grow would be held twice.
            std::array<char, 65536> more;
            std::size_t count = store_detail::read_some(file.get(), path, more.data(), more.size());
            if (count == 0) {
                return text;
            }
            text.append(more.data(), count); // the file grew since fstat (or was empty)
            filled += count;
            continue;
        }
        std::size_t count =
            store_detail::read_some(file.get(), path, text.data() + filled, text.size() - filled);
        if (count == 0) {
            text.resize(filled);
            return text;
        }
        filled += count;
    }
}

} // namespace mbl
