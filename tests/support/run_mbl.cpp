// posix_spawn rather than fork/exec: safe from the threads of the concurrency test, and the file
// actions say in one place what the child gets (its stdio, its directory).

#include "support/run_mbl.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <poll.h>
#include <spawn.h>
#include <stdexcept>
#include <sys/wait.h>
#include <termios.h>
#include <thread>
#include <unistd.h>
#include <utility>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace mbl::test {
namespace {

constexpr const char* default_today = "2026-11-25";
constexpr auto after_kill_grace = std::chrono::seconds(2);
// How often a live child's exit is looked for while its output is still open (a terminal never
// reports end of file), and once its output is closed.
constexpr int poll_slice_ms = 5;
constexpr auto reap_slice = std::chrono::microseconds(200);

std::runtime_error system_failure(const std::string& what, int error_number = errno) {
    return std::runtime_error(what + ": " + std::strerror(error_number));
}

// A file descriptor closed on destruction.
class Fd {
  public:
    Fd() = default;
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() { reset(); }
    Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    Fd& operator=(Fd&& other) noexcept {
        if (this != &other) {
            reset();
            fd_ = std::exchange(other.fd_, -1);
        }
        return *this;
    }
    int get() const { return fd_; }
    bool is_open() const { return fd_ >= 0; }
    void reset() {
        if (fd_ >= 0) {
            ::close(fd_);
            fd_ = -1;
        }
    }

  private:
    int fd_ = -1;
};

struct Pipe {
    Fd read_end;
    Fd write_end;
};

Pipe make_pipe() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        throw system_failure("pipe2");
    }
    return {Fd(fds[0]), Fd(fds[1])};
}

void set_nonblocking(int fd) {
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}

// A pseudo-terminal in raw mode (no "\n" -> "\r\n"), for runs whose stdout must be a terminal.
struct Terminal {
    Fd master;
    Fd slave; // kept open by the parent until the child exits, so the master never sees a hangup
              // before the child has opened its side
};

Terminal make_terminal() {
    Fd master(::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC));
    if (!master.is_open() || ::grantpt(master.get()) != 0 || ::unlockpt(master.get()) != 0) {
        throw system_failure("posix_openpt");
    }
    char name[128];
    if (::ptsname_r(master.get(), name, sizeof name) != 0) {
        throw system_failure("ptsname_r");
    }
    Fd slave(::open(name, O_RDWR | O_NOCTTY | O_CLOEXEC));
    if (!slave.is_open()) {
        throw system_failure(std::string("open ") + name);
    }
    termios mode{};
    if (::tcgetattr(slave.get(), &mode) == 0) {
        ::cfmakeraw(&mode);
        ::tcsetattr(slave.get(), TCSANOW, &mode);
    }
    return {std::move(master), std::move(slave)};
}

std::vector<std::string> environment_for(const RunOptions& options) {
    std::map<std::string, std::string> variables;
    const char* path = std::getenv("PATH");
    variables["PATH"] = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
    const char* home = std::getenv("HOME");
    variables["HOME"] = home != nullptr ? home : "/";
    variables["MBL_TODAY"] = default_today;
    for (const std::string& name : options.unset_env) {
        variables.erase(name);
    }
    for (const auto& [name, value] : options.env) {
        variables[name] = value;
    }
    std::vector<std::string> entries;
    for (const auto& [name, value] : variables) {
        entries.push_back(name + "=" + value);
    }
    return entries;
}

std::vector<char*> null_terminated(std::vector<std::string>& strings) {
    std::vector<char*> pointers;
    for (std::string& text : strings) {
        pointers.push_back(text.data());
    }
    pointers.push_back(nullptr);
    return pointers;
}

// Appends what `fd` has to `sink`; false at end of file (or EIO: a terminal with no writer left).
bool read_available(int fd, std::string& sink) {
    char buffer[65536];
    for (;;) {
        ssize_t count = ::read(fd, buffer, sizeof buffer);
        if (count > 0) {
            sink.append(buffer, static_cast<std::size_t>(count));
            continue;
        }
        if (count < 0 && errno == EINTR) {
            continue;
        }
        return count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
    }
}

// Writing to a child that closed its stdin must fail with EPIPE, not kill the test process. The
// child gets SIGPIPE back to its default (POSIX_SPAWN_SETSIGDEF).
void ignore_sigpipe_once() {
    static std::once_flag once;
    std::call_once(once, [] { std::signal(SIGPIPE, SIG_IGN); });
}

class SpawnActions {
  public:
    SpawnActions() {
        posix_spawn_file_actions_init(&actions_);
        posix_spawnattr_init(&attributes_);
        sigset_t defaults;
        sigemptyset(&defaults);
        sigaddset(&defaults, SIGPIPE);
        posix_spawnattr_setsigdefault(&attributes_, &defaults);
        sigset_t none;
        sigemptyset(&none);
        posix_spawnattr_setsigmask(&attributes_, &none);
        posix_spawnattr_setflags(&attributes_, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    }
    ~SpawnActions() {
        posix_spawn_file_actions_destroy(&actions_);
        posix_spawnattr_destroy(&attributes_);
    }
    SpawnActions(const SpawnActions&) = delete;
    SpawnActions& operator=(const SpawnActions&) = delete;

    posix_spawn_file_actions_t actions_;
    posix_spawnattr_t attributes_;
};

} // namespace

std::ostream& operator<<(std::ostream& stream, const RunResult& result) {
    stream << "exit code " << result.exit_code;
    if (result.signal != 0) {
        stream << " (signal " << result.signal << (result.timed_out ? ", timed out" : "") << ")";
    }
    return stream << "\n--- stdout ---\n" << result.out << "--- stderr ---\n" << result.err;
}

RunResult run_mbl(const std::vector<std::string>& args, const RunOptions& options) {
    ignore_sigpipe_once();
    SpawnActions spawn;

    Pipe err_pipe = make_pipe();
    Pipe out_pipe;
    Terminal terminal;
    if (options.stdout_is_terminal) {
        terminal = make_terminal();
        posix_spawn_file_actions_adddup2(&spawn.actions_, terminal.slave.get(), STDOUT_FILENO);
    } else {
        out_pipe = make_pipe();
        posix_spawn_file_actions_adddup2(&spawn.actions_, out_pipe.write_end.get(), STDOUT_FILENO);
    }
    posix_spawn_file_actions_adddup2(&spawn.actions_, err_pipe.write_end.get(), STDERR_FILENO);
    Pipe in_pipe;
    if (options.stdin_text) {
        in_pipe = make_pipe();
        posix_spawn_file_actions_adddup2(&spawn.actions_, in_pipe.read_end.get(), STDIN_FILENO);
    } else {
        posix_spawn_file_actions_addopen(&spawn.actions_, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    }
    if (!options.cwd.empty()) {
        posix_spawn_file_actions_addchdir_np(&spawn.actions_, options.cwd.c_str());
    }

    std::vector<std::string> argv_strings = options.command_prefix;
    argv_strings.push_back(MBL_BINARY);
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<std::string> env_strings = environment_for(options);
    std::vector<char*> argv = null_terminated(argv_strings);
    std::vector<char*> envp = null_terminated(env_strings);

    pid_t pid = 0;
    int spawn_error = ::posix_spawnp(&pid, argv_strings.front().c_str(), &spawn.actions_,
                                     &spawn.attributes_, argv.data(), envp.data());
    if (spawn_error != 0) {
        throw system_failure("posix_spawn " + argv_strings.front(), spawn_error);
    }
    // The child has its copies; EOF comes when it closes them.
    out_pipe.write_end.reset();
    err_pipe.write_end.reset();
    in_pipe.read_end.reset();

    Fd out = options.stdout_is_terminal ? std::move(terminal.master) : std::move(out_pipe.read_end);
    Fd err = std::move(err_pipe.read_end);
    Fd in = std::move(in_pipe.write_end);
    for (const Fd* fd : {&out, &err, &in}) {
        if (fd->is_open()) {
            set_nonblocking(fd->get());
        }
    }
    std::string_view to_write = options.stdin_text ? *options.stdin_text : std::string_view{};
    if (in.is_open() && to_write.empty()) {
        in.reset();
    }

    RunResult result;
    auto deadline = Clock::now() + options.timeout;
    bool exited = false;
    bool killed = false;
    int status = 0;
    for (;;) {
        if (!exited && ::waitpid(pid, &status, WNOHANG) == pid) {
            exited = true;
            if (options.stdout_is_terminal) { // no EOF on a terminal: take what is left
                read_available(out.get(), result.out);
                out.reset();
                terminal.slave.reset();
            }
        }
        if (exited && !out.is_open() && !err.is_open()) {
            break;
        }
        auto now = Clock::now();
        if (now >= deadline) {
            if (killed || exited) { // a grandchild keeps a pipe open: give up on the rest
                break;
            }
            ::kill(pid, SIGKILL);
            killed = true;
            result.timed_out = true;
            deadline = now + after_kill_grace;
        }
        std::vector<pollfd> watched;
        if (out.is_open()) {
            watched.push_back({out.get(), POLLIN, 0});
        }
        if (err.is_open()) {
            watched.push_back({err.get(), POLLIN, 0});
        }
        if (in.is_open()) {
            watched.push_back({in.get(), POLLOUT, 0});
        }
        if (watched.empty()) { // output closed: the child is exiting
            std::this_thread::sleep_for(reap_slice);
            continue;
        }
        auto remaining =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count();
        int wait_ms = static_cast<int>(std::clamp<long long>(remaining, 0, poll_slice_ms));
        if (::poll(watched.data(), watched.size(), wait_ms) < 0 && errno != EINTR) {
            throw system_failure("poll");
        }
        for (const pollfd& entry : watched) {
            if (entry.revents == 0) {
                continue;
            }
            if (entry.fd == in.get()) {
                ssize_t count = ::write(in.get(), to_write.data(), to_write.size());
                if (count > 0) {
                    to_write.remove_prefix(static_cast<std::size_t>(count));
                }
                if (to_write.empty() || (count < 0 && errno != EAGAIN && errno != EINTR)) {
                    in.reset();
                }
            } else if (entry.fd == out.get() && !read_available(out.get(), result.out)) {
                out.reset();
            } else if (entry.fd == err.get() && !read_available(err.get(), result.err)) {
                err.reset();
            }
        }
    }
    if (!exited) {
        ::kill(pid, SIGKILL);
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
    if (WIFEXITED(status)) {
        result.exit_code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        result.signal = WTERMSIG(status);
    }
    return result;
}

} // namespace mbl::test
