// An LD_PRELOAD library that injects one fault into the writes of the process it is loaded into,
// so the reliability tests can crash or starve the real, unchanged `mbl` at an exact moment of
// its atomic write. Loaded only by the tests (support/fault_injection.hpp); never installed.
//
// It acts only on mbl's temporary files (a name holding ".tmp-") and on the rename and directory
// fsync that follow them; every other call passes straight through. The fault is chosen by the
// environment variable MBL_FAULT:
//
//   kill-after-bytes:N       writes to temporary files go through up to N bytes in all, then the
//                            process kills itself (SIGKILL) before writing more
//   enospc-after-bytes:N     the same, but the write fails with ENOSPC (a full disk)
//   kill-before-fsync        SIGKILL when the temporary file is about to be flushed
//   eio-on-fsync             flushing the temporary file fails with EIO
//   kill-before-rename       SIGKILL just before the temporary file is renamed over the target
//   kill-after-rename        SIGKILL right after that rename, before the directory is flushed
//   kill-after-directory-sync SIGKILL right after the directory is flushed (the lock still held)
//
// Anything else in MBL_FAULT (or none) injects nothing. Written for a single-threaded process,
// as mbl is.

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace {

enum class Fault {
    none,
    kill_after_bytes,
    enospc_after_bytes,
    kill_before_fsync,
    eio_on_fsync,
    kill_before_rename,
    kill_after_rename,
    kill_after_directory_sync,
};

struct Plan {
    Fault fault = Fault::none;
    unsigned long long byte_budget = 0;
};

const Plan& plan() {
    static const Plan chosen = [] {
        Plan result;
        const char* value = std::getenv("MBL_FAULT");
        if (value == nullptr) {
            return result;
        }
        std::string_view spec(value);
        auto with_count = [&](std::string_view name, Fault fault) {
            if (spec.substr(0, name.size()) != name) {
                return false;
            }
            result.fault = fault;
            result.byte_budget = std::strtoull(value + name.size(), nullptr, 10);
            return true;
        };
        if (with_count("kill-after-bytes:", Fault::kill_after_bytes) ||
            with_count("enospc-after-bytes:", Fault::enospc_after_bytes)) {
            return result;
        }
        const std::pair<std::string_view, Fault> plain[] = {
            {"kill-before-fsync", Fault::kill_before_fsync},
            {"eio-on-fsync", Fault::eio_on_fsync},
            {"kill-before-rename", Fault::kill_before_rename},
            {"kill-after-rename", Fault::kill_after_rename},
            {"kill-after-directory-sync", Fault::kill_after_directory_sync},
        };
        for (const auto& [name, fault] : plain) {
            if (spec == name) {
                result.fault = fault;
            }
        }
        return result;
    }();
    return chosen;
}

[[noreturn]] void die() {
    ::kill(::getpid(), SIGKILL);
    std::abort(); // not reached
}

bool is_temporary_name(const char* path) {
    const char* slash = std::strrchr(path, '/');
    return std::strstr(slash != nullptr ? slash + 1 : path, ".tmp-") != nullptr;
}

// What `fd` is open on, through /proc.
enum class Target { other, temporary_file, directory };

Target target_of(int fd) {
    char link[64];
    char path[4096];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t length = ::readlink(link, path, sizeof path - 1);
    if (length <= 0) {
        return Target::other;
    }
    path[length] = '\0';
    if (is_temporary_name(path)) {
        return Target::temporary_file;
    }
    struct stat info {};
    return ::fstat(fd, &info) == 0 && S_ISDIR(info.st_mode) ? Target::directory : Target::other;
}

template <class Function> Function next(const char* name) {
    return reinterpret_cast<Function>(::dlsym(RTLD_NEXT, name));
}

unsigned long long bytes_written = 0;

} // namespace

extern "C" {

ssize_t write(int fd, const void* data, size_t size) {
    static auto real_write = next<ssize_t (*)(int, const void*, size_t)>("write");
    const Plan& chosen = plan();
    const bool counted =
        chosen.fault == Fault::kill_after_bytes || chosen.fault == Fault::enospc_after_bytes;
    if (!counted || target_of(fd) != Target::temporary_file) {
        return real_write(fd, data, size);
    }
    const unsigned long long left =
        chosen.byte_budget > bytes_written ? chosen.byte_budget - bytes_written : 0;
    if (left == 0) {
        if (chosen.fault == Fault::kill_after_bytes) {
            die();
        }
        errno = ENOSPC;
        return -1;
    }
    const size_t allowed = size < left ? size : static_cast<size_t>(left);
    ssize_t written = real_write(fd, data, allowed);
    if (written > 0) {
        bytes_written += static_cast<unsigned long long>(written);
    }
    if (chosen.fault == Fault::kill_after_bytes && bytes_written >= chosen.byte_budget &&
        allowed < size) {
        die(); // the rest would have gone past the budget
    }
    return written;
}

int fsync(int fd) {
    static auto real_fsync = next<int (*)(int)>("fsync");
    const Fault fault = plan().fault;
    if (fault == Fault::none) {
        return real_fsync(fd);
    }
    const Target target = target_of(fd);
    if (target == Target::temporary_file && fault == Fault::kill_before_fsync) {
        die();
    }
    if (target == Target::temporary_file && fault == Fault::eio_on_fsync) {
        errno = EIO;
        return -1;
    }
    int result = real_fsync(fd);
    if (target == Target::directory && fault == Fault::kill_after_directory_sync) {
        die();
    }
    return result;
}

int rename(const char* from, const char* to) {
    static auto real_rename = next<int (*)(const char*, const char*)>("rename");
    const Fault fault = plan().fault;
    const bool temporary = is_temporary_name(from);
    if (temporary && fault == Fault::kill_before_rename) {
        die();
    }
    int result = real_rename(from, to);
    if (temporary && result == 0 && fault == Fault::kill_after_rename) {
        die();
    }
    return result;
}

} // extern "C"
