// FileLock: flock() on `<real target>.lock`, removed on release.
//
// Unlinking the lock file on release races with a waiter that opened it before the unlink: the
// waiter would then lock an inode no other process can find. So after flock() succeeds we check
// that the path still names the inode we locked, and start over when it does not.

#include "mbl/error.hpp"
#include "mbl/store.hpp"
#include "store_detail.hpp"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <iterator>
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
            throw lock_file_failure(file, lock_path_, errno);
        }
        if (::flock(lock.get(), LOCK_EX | LOCK_NB) == 0) {
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
