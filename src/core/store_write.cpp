// Writing the backlog file: a temporary file beside the target, fsync, rename, fsync of the
// directory, so that a crash at any moment leaves the old file or the new one.

#include "mbl/error.hpp"
#include "mbl/store.hpp"
#include "store_detail.hpp"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <fmt/format.h>
#include <functional>
#include <optional>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace mbl {

using store_detail::errno_text;
using store_detail::FileDescriptor;

namespace {

constexpr std::string_view temporary_marker = ".tmp-";
constexpr std::size_t temporary_suffix_length = 6; // mkstemp's XXXXXX

// How a failed write is reported: what the caller called the file and what is left behind.
struct WriteTarget {
    fs::path shown;         // as the caller named it
    fs::path real;          // the file actually written (symlinks followed)
    std::string_view verb;  // "write", "create"
    std::string_view after; // the state a failure leaves, e.g. "the file is unchanged"
};

Error write_failure(const WriteTarget& target, std::string_view step, int error_number) {
    return input_error(fmt::format("cannot {} {}: {}{}; {}", target.verb, target.shown.string(),
                                   step, errno_text(error_number), target.after));
}

fs::path directory_of(const fs::path& file) {
    return file.parent_path().empty() ? fs::path(".") : file.parent_path();
}

std::string temporary_prefix(const fs::path& file) {
    return "." + file.filename().string() + std::string(temporary_marker);
}

// The mode of a new file: 0644 less the umask. umask() can only be read by setting it; mbl is
// single-threaded, so putting it back at once is safe.
mode_t new_file_mode() {
    mode_t mask = ::umask(0);
    ::umask(mask);
    return 0644 & ~mask;
}

// A file `.<name>.tmp-XXXXXX` beside the target, removed when it goes out of scope unless kept
// (after it was renamed into place).
class TemporaryFile {
  public:
    explicit TemporaryFile(const WriteTarget& target)
        : target_(target), path_(directory_of(target.real) / temporary_prefix(target.real)),
          fd_(create(path_, target)) {}
    ~TemporaryFile() {
        fd_.reset();
        if (!kept_) {
            ::unlink(path_.c_str());
        }
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;

    const fs::path& path() const { return path_; }

    // Appends `text` to the file.
    void write(std::string_view text) {
        const int fd = fd_.get();
        while (!text.empty()) {
            ssize_t count = ::write(fd, text.data(), text.size());
            if (count < 0 && errno == EINTR) {
                continue;
            }
            if (count <= 0) {
                throw write_failure(target_, "", count < 0 ? errno : ENOSPC);
            }
            text.remove_prefix(static_cast<std::size_t>(count));
        }
    }

    // Sets `mode` (mkstemp creates 0600) and the owner of `original` when given (best effort:
    // only root may give a file away), flushes the file to disk and closes it.
    void finish_and_close(mode_t mode, const struct stat* original) {
        const int fd = fd_.get();
        if (original != nullptr) {
            [[maybe_unused]] int ignored = ::fchown(fd, original->st_uid, original->st_gid);
        }
        if (::fchmod(fd, mode) != 0) {
            throw write_failure(target_, "cannot set the permissions: ", errno);
        }
        if (::fsync(fd) != 0) {
            throw write_failure(target_, "cannot flush it to disk: ", errno);
        }
        if (::close(fd_.release()) != 0) {
            throw write_failure(target_, "", errno);
        }
    }

    void write_and_close(std::string_view text, mode_t mode, const struct stat* original) {
        write(text);
        finish_and_close(mode, original);
    }

    void keep() { kept_ = true; }

  private:
    // Completes `path` (the prefix) with mkstemp's random suffix and opens it.
    static int create(fs::path& path, const WriteTarget& target) {
        std::string name = path.string();
        name.append(temporary_suffix_length, 'X');
        int fd = ::mkostemp(name.data(), O_CLOEXEC);
        if (fd < 0) {
            throw write_failure(target,
                                fmt::format("cannot create a temporary file in {}: ",
                                            directory_of(target.real).string()),
                                errno);
        }
        path = name;
        return fd;
    }

    const WriteTarget& target_;
    fs::path path_;
    FileDescriptor fd_;
    bool kept_ = false;
};

// Makes the rename in `target`'s directory durable. The new content is in place by now, so the
// message says so.
void sync_directory(const WriteTarget& target) {
    FileDescriptor directory(
        ::open(directory_of(target.real).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (directory.is_open() && ::fsync(directory.get()) == 0) {
        return;
    }
    const int error_number = errno;
    if (error_number == EINVAL) {
        return; // a file system that cannot sync directories
    }
    throw input_error(fmt::format("wrote {}, but cannot flush its directory to disk: {}; the new "
                                  "content may be lost if the machine crashes now",
                                  target.shown.string(), errno_text(error_number)));
}

Error already_exists(const fs::path& path) {
    return input_error(
        fmt::format("{} already exists; mbl init refuses to overwrite it", path.string()));
}

} // namespace

bool write_file_atomically(const fs::path& path, const TextProducer& produce,
                           const std::function<void()>& before_rename) {
    const store_detail::ResolvedPath resolved = store_detail::resolve_symlinks(path);
    const WriteTarget target{path, resolved.target, "write", "the file is unchanged"};
    struct stat original {};
    bool replacing = false;
    // The checks and the temporary file come with the first piece, so a producer that declines
    // before writing any leaves no trace, even beside a read-only file.
    std::optional<TemporaryFile> temporary;
    auto start = [&] {
        if (resolved.via_symlink && !resolved.exists) {
            throw input_error(fmt::format("{} is a symlink to {}, which does not exist; fix the "
                                          "link, or pass -f with the real file",
                                          path.string(), resolved.target.string()));
        }
        replacing = resolved.exists && ::stat(target.real.c_str(), &original) == 0;
        if (replacing && !S_ISREG(original.st_mode)) {
            throw input_error(fmt::format("cannot write {}: not a regular file; {}", path.string(),
                                          target.after));
        }
        // A rename would replace a read-only file regardless of its mode: honour the mode
        // instead (for root, whom access() always lets write, by its write bits).
        const bool writable = ::geteuid() == 0 ? (original.st_mode & 0222) != 0
                                               : ::access(target.real.c_str(), W_OK) == 0;
        if (replacing && !writable) {
            throw input_error(fmt::format("{} is read-only; make it writable (chmod u+w {}) to "
                                          "change it; {}",
                                          path.string(), path.string(), target.after));
        }
        temporary.emplace(target);
    };
    bool keep = produce([&](std::string_view piece) {
        if (!temporary) {
            start();
        }
        temporary->write(piece);
    });
    if (!keep) {
        return false; // the temporary file, if any, is removed
    }
    if (!temporary) {
        start(); // an empty text
    }
    temporary->finish_and_close(replacing ? original.st_mode & 07777 : new_file_mode(),
                                replacing ? &original : nullptr);
    if (before_rename) {
        before_rename();
    }
    if (::rename(temporary->path().c_str(), target.real.c_str()) != 0) {
        throw write_failure(target, "cannot replace it: ", errno);
    }
    temporary->keep();
    sync_directory(target);
    return true;
}

void write_file_atomically(const fs::path& path, const std::string& text) {
    write_file_atomically(path, [&](const std::function<void(std::string_view)>& write) {
        write(text);
        return true;
    });
}

namespace {

// create_file_exclusively, but false instead of an error when something already has the name.
bool create_unless_taken(const fs::path& path, const std::string& text) {
    struct stat existing {};
    if (::lstat(path.c_str(), &existing) == 0) {
        return false; // checked again, without a race, when it is put in place
    }
    const WriteTarget target{path, path, "create", "nothing was created"};
    TemporaryFile temporary(target);
    temporary.write_and_close(text, new_file_mode(), nullptr);
    if (::renameat2(AT_FDCWD, temporary.path().c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE) ==
        0) {
        temporary.keep();
    } else if (errno == EEXIST) {
        return false;
    } else if (errno != EINVAL && errno != ENOSYS) {
        throw write_failure(target, "", errno);
    } else if (::link(temporary.path().c_str(), path.c_str()) != 0) {
        // A file system without RENAME_NOREPLACE: link() also refuses an existing name.
        if (errno == EEXIST) {
            return false;
        }
        throw write_failure(target, "", errno);
    }
    sync_directory(target);
    return true;
}

} // namespace

void create_file_exclusively(const fs::path& path, const std::string& text) {
    if (!create_unless_taken(path, text)) {
        throw already_exists(path);
    }
}

bool create_file_if_absent(const fs::path& path, const std::string& text) {
    return create_unless_taken(path, text);
}

std::size_t remove_stale_temporary_files(const fs::path& file) {
    const fs::path real = store_detail::resolve_symlinks(file).target;
    const std::string prefix = temporary_prefix(real);
    std::size_t removed = 0;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(directory_of(real), error)) {
        const std::string name = entry.path().filename().string();
        std::error_code entry_error;
        if (name.size() == prefix.size() + temporary_suffix_length && name.starts_with(prefix) &&
            entry.is_regular_file(entry_error) && !entry.is_symlink(entry_error) &&
            fs::remove(entry.path(), entry_error)) {
            ++removed;
        }
    }
    return removed;
}

} // namespace mbl
