// FileLock: flock() on `<real target>.lock`, removed on release.
//
// Unlinking the lock file on release races with a waiter that opened it before the unlink: the
// waiter would then lock an inode no other process can find. So after flock() succeeds we check
// that the path still names the inode we locked, and start over when it does not.
//
// The lock file is written (the holder's pid and command), so it must be ours alone: opened
// without following a symlink, and refused when it is not a regular file, has other hard links
// (a link to some other file would have that file overwritten) or belongs to another user. A
// lock file another user left behind that no process holds is reported as stale, with how to
// remove it, rather than waited for.

#include "mbl/error.hpp"
#include "mbl/store.hpp"
#include "store_detail.hpp"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <iterator>
#include <optional>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace mbl {

using store_detail::errno_text;
using store_detail::FileDescriptor;

namespace {

constexpr std::chrono::milliseconds poll_interval{20};
constexpr std::size_t max_recorded_command_length = 200;

// This process's command line, arguments joined by spaces, control characters blanked.
std::string own_command_line() {
    std::ifstream input("/proc/self/cmdline", std::ios::binary);
    std::string command{std::istreambuf_iterator<char>(input), std::istreambuf_iterator<char>()};
    std::replace_if(
        command.begin(), command.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; },
        ' ');
    command.erase(command.find_last_not_of(' ') + 1);
    if (command.size() > max_recorded_command_length) {
        command.resize(max_recorded_command_length);
        command += "...";
    }
    return command;
}

// Tells waiters who holds the lock. Best effort: a lock without a record still locks.
void record_holder(int fd) {
    std::string record = fmt::format("pid={} command={}\n", ::getpid(), own_command_line());
    if (::ftruncate(fd, 0) == 0) {
        [[maybe_unused]] ssize_t written = ::pwrite(fd, record.data(), record.size(), 0);
    }
}

// "pid 1234: mbl asset add x" from the holder's record, "pid unknown" when it has not written
// one yet.
std::string describe_holder(int fd) {
    char buffer[512];
    ssize_t count = ::pread(fd, buffer, sizeof buffer, 0);
    std::string record(buffer, static_cast<std::size_t>(std::max<ssize_t>(count, 0)));
    record.erase(record.find_last_not_of("\n ") + 1);
    const std::string pid_key = "pid=";
    const std::string command_key = " command=";
    if (record.rfind(pid_key, 0) != 0) {
        return "pid unknown";
    }
    std::size_t command_at = record.find(command_key);
    std::string pid = record.substr(pid_key.size(), command_at - pid_key.size());
    if (command_at == std::string::npos || command_at + command_key.size() == record.size()) {
        return fmt::format("pid {}", pid);
    }
    return fmt::format("pid {}: {}", pid, record.substr(command_at + command_key.size()));
}

// Whether `path` still names the file open as `fd` (a releasing holder may have unlinked it).
bool path_names_descriptor(const fs::path& path, int fd) {
    struct stat opened {};
    struct stat named {};
    if (::fstat(fd, &opened) != 0 || ::stat(path.c_str(), &named) != 0) {
        return false;
    }
    return opened.st_dev == named.st_dev && opened.st_ino == named.st_ino;
}

// What is wrong with the lock file at `lock_path` (`info` from the open file) when it is not a
// regular file with one name; nothing when it is.
std::optional<Error> unusable_lock_file(const fs::path& lock_path, const struct stat& info) {
    if (!S_ISREG(info.st_mode)) {
        return input_error(fmt::format("the lock file {} is not a regular file; remove it (rm {}) "
                                       "and run the command again",
                                       lock_path.string(), lock_path.string()));
    }
    if (info.st_nlink > 1) {
        return input_error(fmt::format(
            "the lock file {} has {} hard links: mbl would overwrite the file they share; remove "
            "it (rm {}) and run the command again",
            lock_path.string(), info.st_nlink, lock_path.string()));
    }
    return std::nullopt;
}

// The message for a lock file of another user's: held (waited for past the timeout) or stale.
Error foreign_lock_file(const fs::path& file, const fs::path& lock_path, uid_t owner, int fd,
                        bool held) {
    std::string whose = fmt::format("the lock file {} belongs to {}", lock_path.string(),
                                    store_detail::describe_user(owner));
    std::string holder = fd >= 0 ? describe_holder(fd) : "pid unknown";
    if (held) {
        return {ExitStatus::locked,
                fmt::format("{} is locked by another user's mbl ({}): {}. Try again later",
                            file.string(), holder, whose)};
    }
    return {ExitStatus::locked,
            fmt::format("{}, and no process holds it: it was left behind ({}). mbl does not take "
                        "over another user's lock file; if no mbl is working on {}, remove it "
                        "(rm {}) and run the command again",
                        whose, holder, file.string(), lock_path.string())};
}

// A lock file that cannot be opened for writing because it is another user's: stale or held.
std::optional<Error> foreign_unwritable_lock_file(const fs::path& file, const fs::path& lock_path) {
    FileDescriptor lock(::open(lock_path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK));
    struct stat info {};
    if (!lock.is_open() || ::fstat(lock.get(), &info) != 0 || info.st_uid == ::geteuid()) {
        return std::nullopt;
    }
    bool held = ::flock(lock.get(), LOCK_SH | LOCK_NB) != 0;
    return foreign_lock_file(file, lock_path, info.st_uid, lock.get(), held);
}

Error lock_file_failure(const fs::path& file, const fs::path& lock_path, int error_number) {
    if (error_number == ENOENT || error_number == ENOTDIR) {
        return input_error(fmt::format("cannot lock {}: its directory {} does not exist",
                                       file.string(), lock_path.parent_path().string()));
    }
    if (error_number == EACCES || error_number == EROFS) {
        return input_error(fmt::format("cannot create the lock file {}: {}; mbl needs write access "
                                       "to the directory of {}",
                                       lock_path.string(), errno_text(error_number),
                                       file.string()));
    }
    return input_error(fmt::format("cannot create the lock file {}: {}", lock_path.string(),
                                   errno_text(error_number)));
}

} // namespace

FileLock::FileLock(const fs::path& file, std::chrono::milliseconds timeout) {
    lock_path_ = store_detail::resolve_symlinks(file).target;
    lock_path_ += ".lock";
    const auto wait = std::max(timeout, std::chrono::milliseconds{0});
    const auto deadline = std::chrono::steady_clock::now() + wait;
    for (;;) {
        // O_NOFOLLOW: a planted symlink must not make us truncate some other file.
        FileDescriptor lock(
            ::open(lock_path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666));
        if (!lock.is_open()) {
            int error_number = errno;
            if (error_number == EACCES) {
                if (auto foreign = foreign_unwritable_lock_file(file, lock_path_)) {
                    throw *foreign;
                }
            }
            throw lock_file_failure(file, lock_path_, error_number);
        }
        struct stat info {};
        if (::fstat(lock.get(), &info) != 0) {
            throw input_error(
                fmt::format("cannot lock {}: {}", lock_path_.string(), errno_text(errno)));
        }
        if (info.st_nlink == 0) {
            continue; // its holder removed it as we opened it: open the file now there
        }
        if (auto unusable = unusable_lock_file(lock_path_, info)) {
            throw *unusable;
        }
        const bool foreign = info.st_uid != ::geteuid();
        if (::flock(lock.get(), LOCK_EX | LOCK_NB) == 0) {
            if (foreign) {
                throw foreign_lock_file(file, lock_path_, info.st_uid, lock.get(), false);
            }
            if (!path_names_descriptor(lock_path_, lock.get())) {
                continue; // its holder removed it as we locked it: lock the file now there
            }
            record_holder(lock.get());
            fd_ = lock.release();
            return;
        }
        if (errno == EINTR) {
            continue;
        }
        if (errno != EWOULDBLOCK) {
            throw input_error(
                fmt::format("cannot lock {}: {}", lock_path_.string(), errno_text(errno)));
        }
        const auto now = std::chrono::steady_clock::now();
        if (now >= deadline) {
            if (foreign) {
                throw foreign_lock_file(file, lock_path_, info.st_uid, lock.get(), true);
            }
            throw Error(ExitStatus::locked,
                        fmt::format("{} is locked by another mbl ({}); waited {:g} s. Try again, "
                                    "or pass --lock-timeout",
                                    file.string(), describe_holder(lock.get()),
                                    static_cast<double>(wait.count()) / 1000.0));
        }
        std::this_thread::sleep_for(
            std::min<std::chrono::steady_clock::duration>(poll_interval, deadline - now));
    }
}

FileLock::~FileLock() {
    if (fd_ >= 0) {
        // Unlink before closing, so a waiter never takes over a file that is about to vanish.
        ::unlink(lock_path_.c_str());
        ::close(fd_);
    }
}

} // namespace mbl
