// Running git: reading earlier versions of the file and installing the merge driver. posix_spawn
// with an argument vector (no shell); stdout and stderr read together so neither pipe fills up.

#include "mbl/error.hpp"
#include "mbl/git.hpp"
#include "mbl/store.hpp"
#include "store_detail.hpp"

#include <cerrno>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <poll.h>
#include <spawn.h>
#include <sstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace fs = std::filesystem;

namespace mbl {
namespace {

using store_detail::errno_text;
using store_detail::FileDescriptor;

void open_pipe(int (&fds)[2]) {
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        throw input_error("cannot run git: " + errno_text(errno));
    }
}

// Reads `out` and `err` until both are closed.
void drain(FileDescriptor& out, FileDescriptor& err, GitOutput& result) {
    char buffer[65536];
    while (out.is_open() || err.is_open()) {
        pollfd watched[2] = {{out.get(), POLLIN, 0}, {err.get(), POLLIN, 0}};
        if (::poll(watched, 2, -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw input_error("cannot read git's output: " + errno_text(errno));
        }
        for (int i = 0; i < 2; ++i) {
            FileDescriptor& fd = i == 0 ? out : err;
            if (!fd.is_open() || watched[i].revents == 0) {
                continue;
            }
            ssize_t count = ::read(fd.get(), buffer, sizeof buffer);
            if (count > 0) {
                (i == 0 ? result.out : result.err).append(buffer, static_cast<std::size_t>(count));
            } else if (count == 0 || errno != EINTR) {
                fd.reset();
            }
        }
    }
}

std::string command_text(const std::vector<std::string>& args) {
    std::string text = "git";
    for (const std::string& arg : args) {
        text += " " + arg;
    }
    return text;
}

// git's first line of complaint, `fatal: ` and the like kept.
std::string first_line(const std::string& text) {
    std::string line = text.substr(0, text.find('\n'));
    return line.empty() ? "no message" : line;
}

// Runs git and returns its stdout; Error(input) quoting git when it fails.
std::string git_output(const std::vector<std::string>& args, const fs::path& directory) {
    GitOutput output = run_git(args, directory);
    if (output.exit_code != 0) {
        throw input_error(
            fmt::format("'{}' failed: {}", command_text(args), first_line(output.err)));
    }
    return output.out;
}

std::string without_trailing_newline(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
        text.pop_back();
    }
    return text;
}

fs::path directory_of(const fs::path& file) {
    fs::path absolute = fs::absolute(file);
    return absolute.parent_path();
}

// The file's text; empty when it does not exist.
std::string read_text_file(const fs::path& path) {
    std::error_code error;
    if (!fs::exists(path, error)) {
        return {};
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw input_error(fmt::format("cannot read {}: {}", path.string(), errno_text(errno)));
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Refuses to write the repository file `path` (`what` names it for the user) when it is a
// symlink or not a regular file: written through, a link would change a file anywhere, outside
// the repository too (git itself ignores a symlinked .gitattributes). Missing is fine.
void check_plain_repository_file(const fs::path& path, std::string_view what) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0) {
        return;
    }
    if (S_ISLNK(info.st_mode)) {
        std::error_code error;
        fs::path target = fs::read_symlink(path, error);
        throw input_error(fmt::format(
            "{} is a symlink (to {}); mbl does not write {} through a link, which could change a "
            "file outside the repository. Replace the link with a regular file and run 'mbl git "
            "setup' again",
            path.string(), error ? std::string("?") : target.string(), what));
    }
    if (!S_ISREG(info.st_mode)) {
        throw input_error(fmt::format("{} is not a regular file; mbl git setup needs to write {} "
                                      "there",
                                      path.string(), what));
    }
}

// The value git gives attribute `name` for `path` (relative to the work tree `top`):
// `git check-attr -z`, which prints `PATH NUL NAME NUL VALUE NUL` ("unspecified", "set", …).
std::string attribute_value(const fs::path& top, const std::string& path, const std::string& name) {
    std::string out = git_output({"check-attr", "-z", name, "--", path}, top);
    std::size_t value_start = out.find('\0', out.find('\0') + 1);
    if (value_start == std::string::npos) {
        throw input_error(fmt::format("'git check-attr {} -- {}' gave no answer", name, path));
    }
    std::string value = out.substr(value_start + 1);
    return value.substr(0, value.find('\0'));
}

// The repository's own config file, as `git config --local` writes it.
fs::path local_config_path(const fs::path& top) {
    fs::path path =
        without_trailing_newline(git_output({"rev-parse", "--git-path", "config"}, top));
    return path.is_absolute() ? path : top / path;
}

// Sets git config `key` to `value` unless it already is; says what it did.
std::string ensure_config(const fs::path& top, const std::string& key, const std::string& value) {
    GitOutput current = run_git({"config", "--local", "--get", key}, top);
    std::string existing = without_trailing_newline(current.out);
    if (current.exit_code == 0 && existing == value) {
        return fmt::format("{} already set to '{}'", key, value);
    }
    git_output({"config", "--local", key, value}, top);
    if (current.exit_code == 0) {
        return fmt::format("set {} to '{}' (was '{}')", key, value, existing);
    }
    return fmt::format("set {} to '{}'", key, value);
}

} // namespace

GitOutput run_git(const std::vector<std::string>& args, const fs::path& directory) {
    int fds[2];
    open_pipe(fds);
    FileDescriptor out_read(fds[0]);
    FileDescriptor out_write(fds[1]);
    open_pipe(fds);
    FileDescriptor err_read(fds[0]);
    FileDescriptor err_write(fds[1]);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out_write.get(), STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err_write.get(), STDERR_FILENO);
    std::vector<std::string> argv_text{"git", "-C", directory.string()};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& arg : argv_text) {
        argv.push_back(arg.data());
    }
    argv.push_back(nullptr);
    pid_t pid = 0;
    int spawn_error = ::posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawn_error != 0) {
        throw input_error(fmt::format("cannot run git: {}; install git (apt-get install git) and "
                                      "try again",
                                      errno_text(spawn_error)));
    }
    out_write.reset(); // the child has its copies: end of file comes when it exits
    err_write.reset();
    GitOutput result;
    drain(out_read, err_read, result);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::string read_git_object(std::string_view spec, const fs::path& directory) {
    return git_output({"show", std::string(spec)}, directory);
}

std::string read_file_at_revision(const fs::path& file, std::string_view revision) {
    std::string spec = fmt::format("{}:./{}", revision, file.filename().string());
    return read_git_object(spec, directory_of(file));
}

std::optional<std::string> repository_relative_path(const fs::path& file) {
    std::error_code error;
    fs::path absolute = fs::absolute(file, error);
    fs::path directory = error ? fs::path() : fs::canonical(absolute.parent_path(), error);
    if (error) {
        return std::nullopt;
    }
    GitOutput top_output;
    try {
        top_output = run_git({"rev-parse", "--show-toplevel"}, directory);
    } catch (const Error&) {
        return std::nullopt; // git is not installed: no repository to name the file in
    }
    if (top_output.exit_code != 0) {
        return std::nullopt;
    }
    fs::path top = without_trailing_newline(top_output.out);
    auto inside_top = [&](const fs::path& path) -> std::optional<std::string> {
        fs::path relative = path.lexically_relative(top);
        if (relative.empty() || *relative.begin() == "..") {
            return std::nullopt;
        }
        return relative.generic_string();
    };
    fs::path target = fs::canonical(absolute, error);
    if (!error) {
        if (auto relative = inside_top(target)) {
            return relative;
        }
    }
    return inside_top(directory / absolute.filename());
}

GitSetupReport setup_merge_driver(const fs::path& backlog_file, std::string_view program) {
    fs::path directory = directory_of(backlog_file);
    GitOutput top_output = run_git({"rev-parse", "--show-toplevel"}, directory);
    if (top_output.exit_code != 0) {
        throw input_error(fmt::format("{} is not in a git work tree ({}); run 'git init' or "
                                      "clone the repository first",
                                      backlog_file.string(), first_line(top_output.err)));
    }
    fs::path top = without_trailing_newline(top_output.out);
    fs::path relative = fs::weakly_canonical(fs::absolute(backlog_file)).lexically_relative(top);
    if (relative.empty() || *relative.begin() == "..") {
        throw input_error(
            fmt::format("{} is outside the git work tree {}", backlog_file.string(), top.string()));
    }

    GitSetupReport report;
    std::string line = merge_attribute_line(relative.generic_string());
    fs::path attributes_path = top / ".gitattributes";
    check_plain_repository_file(attributes_path, ".gitattributes");
    check_plain_repository_file(local_config_path(top), "the repository's git config");
    std::error_code missing;
    bool existed = fs::exists(attributes_path, missing);
    std::string before = read_text_file(attributes_path);
    auto updated = with_attribute_line(before, line);
    if (updated) {
        write_file_atomically(attributes_path, *updated);
        report.done.push_back(fmt::format("added '{}' to .gitattributes", line));
    } else {
        report.done.push_back(fmt::format(".gitattributes already has '{}'", line));
    }
    std::string merge = attribute_value(top, relative.generic_string(), "merge");
    if (merge != "mbl") {
        if (updated && existed) {
            write_file_atomically(attributes_path, before);
        } else if (updated) {
            fs::remove(attributes_path, missing);
        }
        throw input_error(fmt::format(
            "git does not send {} to the merge driver: 'git check-attr merge' says '{}' even "
            "with the line '{}' in .gitattributes, so another attributes file overrides it (a "
            ".gitattributes nearer to the file, or .git/info/attributes); {}fix that and run "
            "'mbl git setup' again",
            relative.generic_string(), merge, line,
            updated ? "the line was taken out again; " : ""));
    }
    report.done.push_back(ensure_config(top, "merge.mbl.name", "mbl: merge backlogs by entity"));
    report.done.push_back(ensure_config(top, "merge.mbl.driver", merge_driver_command(program)));
    return report;
}

} // namespace mbl
