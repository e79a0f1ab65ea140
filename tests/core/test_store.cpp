#include "mbl/error.hpp"
#include "mbl/store.hpp"
#include "support/scratch_files.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <fstream>
#include <functional>
#include <sstream>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using mbl::test::read_text;
using mbl::test::TempDir;
using mbl::test::write_text;
using namespace std::chrono_literals;

namespace {

std::vector<std::string> names_in(const fs::path& directory) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(directory)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

mode_t mode_of(const fs::path& path) {
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    return info.st_mode & 07777;
}

mode_t current_umask() {
    mode_t mask = ::umask(0);
    ::umask(mask);
    return mask;
}

// The start of the holder record this process writes into a lock file.
std::string own_holder_record() {
    return "pid=" + std::to_string(::getpid()) + " command=";
}

struct ChildResult {
    int exit_code = -1;  // mbl::ExitStatus of a thrown Error, 0 on success, 128+signal
    std::string message; // what() of a thrown Error
};

constexpr int child_crashed = 99;
constexpr int child_cannot_drop_privileges = 97;

// Runs `body` in a forked child, which reports a thrown mbl::Error through its exit code and a
// pipe. Never uses Catch2 in the child.
ChildResult run_in_child(const std::function<void()>& body) {
    int channel[2];
    REQUIRE(::pipe(channel) == 0);
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(channel[0]);
        ::alarm(10); // a regression that blocks fails instead of hanging the suite
        int code = 0;
        try {
            body();
        } catch (const mbl::Error& error) {
            std::string message = error.what();
            [[maybe_unused]] auto written = ::write(channel[1], message.data(), message.size());
            code = static_cast<int>(error.status());
        } catch (...) {
            code = child_crashed;
        }
        ::_exit(code);
    }
    ::close(channel[1]);
    ChildResult result;
    char buffer[1024];
    for (ssize_t count; (count = ::read(channel[0], buffer, sizeof buffer)) > 0;) {
        result.message.append(buffer, static_cast<std::size_t>(count));
    }
    ::close(channel[0]);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

// Runs `body` in a child that first becomes the unprivileged user `nobody`, so that permission
// checks apply even when the tests run as root.
ChildResult run_as_nobody(const std::function<void()>& body) {
    return run_in_child([&] {
        if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) {
            ::_exit(child_cannot_drop_privileges);
        }
        body();
    });
}

} // namespace

TEST_CASE("find_backlog_file takes -f, then $MBL_FILE, then the nearest backlog.json", "[store]") {
    TempDir dir;
    fs::create_directories(dir / "a/b/c");
    write_text(dir / "a/backlog.json", "{}");
    const fs::path start = dir / "a/b/c";

    CHECK(fs::equivalent(mbl::find_backlog_file({}, {}, start), dir / "a/backlog.json"));
    CHECK(fs::equivalent(mbl::find_backlog_file({}, "", start), dir / "a/backlog.json"));
    write_text(dir / "a/b/backlog.json", "{}");
    CHECK(fs::equivalent(mbl::find_backlog_file({}, {}, start), dir / "a/b/backlog.json"));
    CHECK(mbl::find_backlog_file({}, "env.json", start) == "env.json");
    CHECK(mbl::find_backlog_file("given.json", "env.json", start) == "given.json");

    try {
        mbl::find_backlog_file("", {}, start);
        FAIL("an empty -f was accepted");
    } catch (const mbl::Error& error) {
        CHECK(error.status() == mbl::ExitStatus::usage);
    }
}

TEST_CASE("find_backlog_file says where it looked when there is no file", "[store]") {
    TempDir dir;
    fs::create_directories(dir / "x/y");
    for (fs::path up = dir.path(); up != up.parent_path(); up = up.parent_path()) {
        if (fs::exists(up.parent_path() / "backlog.json")) {
            WARN("skipped: a backlog.json exists above the temporary directory");
            return;
        }
    }
    try {
        mbl::find_backlog_file({}, {}, dir / "x/y");
        FAIL("no error");
    } catch (const mbl::Error& error) {
        CHECK(error.status() == mbl::ExitStatus::input);
        CHECK_THAT(error.what(), Catch::Contains((dir / "x/y").string()) &&
                                     Catch::Contains("or any parent directory") &&
                                     Catch::Contains("mbl init") && Catch::Contains("-f PATH"));
    }
}

TEST_CASE("read_backlog_file returns every byte", "[store]") {
    TempDir dir;
    const std::string text("{\"a\": \"\xc3\xa9\"}\0tail", 17);
    write_text(dir / "backlog.json", text);
    CHECK(mbl::read_backlog_file(dir / "backlog.json") == text);
    write_text(dir / "empty.json", "");
    CHECK(mbl::read_backlog_file(dir / "empty.json").empty());
}

TEST_CASE("read_backlog_file refuses what it cannot read, saying why", "[store]") {
    TempDir dir;
    auto read_error = [](const fs::path& path) {
        ChildResult result = run_in_child([&] { mbl::read_backlog_file(path); });
        CHECK(result.exit_code == static_cast<int>(mbl::ExitStatus::input));
        CHECK_THAT(result.message, Catch::Contains(path.string()));
        return result.message;
    };
    CHECK_THAT(read_error(dir / "missing.json"),
               Catch::Contains("does not exist") && Catch::Contains("mbl init"));
    fs::create_directory(dir / "folder.json");
    CHECK_THAT(read_error(dir / "folder.json"), Catch::Contains("is a directory"));
    REQUIRE(::mkfifo((dir / "pipe.json").c_str(), 0644) == 0);
    CHECK_THAT(read_error(dir / "pipe.json"), Catch::Contains("is a FIFO, not a regular file"));
    fs::create_symlink("nowhere.json", dir / "dangling.json");
    CHECK_THAT(read_error(dir / "dangling.json"), Catch::Contains("symlink"));
    write_text(dir / "file.txt", "x");
    CHECK_THAT(read_error(dir / "file.txt/backlog.json"), Catch::Contains("Not a directory"));
}

TEST_CASE("read_backlog_file refuses a file without read permission", "[store]") {
    TempDir dir;
    const fs::path path = dir / "secret.json";
    write_text(path, "{}");
    fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::others_exec);
    fs::permissions(path, fs::perms::none);
    ChildResult result = run_as_nobody([&] { mbl::read_backlog_file(path); });
    if (result.exit_code == child_cannot_drop_privileges) {
        WARN("skipped: running as root and cannot switch to an unprivileged user");
        return;
    }
    CHECK(result.exit_code == static_cast<int>(mbl::ExitStatus::input));
    CHECK_THAT(result.message, Catch::Contains(path.string()) &&
                                   Catch::Contains("permission denied") &&
                                   Catch::Contains("check the permissions"));
}

TEST_CASE("write_file_atomically replaces the content and keeps the mode", "[store]") {
    TempDir dir;
    const fs::path path = dir / "backlog.json";
    write_text(path, "old content, longer than the new one\n");
    REQUIRE(::chmod(path.c_str(), 0640) == 0);

    mbl::write_file_atomically(path, "new\n");
    CHECK(read_text(path) == "new\n");
    CHECK(mode_of(path) == 0640);
    CHECK(names_in(dir.path()) == std::vector<std::string>{"backlog.json"});

    mbl::write_file_atomically(dir / "fresh.json", "{}\n");
    CHECK(read_text(dir / "fresh.json") == "{}\n");
    CHECK(mode_of(dir / "fresh.json") == (0644 & ~current_umask()));
}

TEST_CASE("write_file_atomically writes through a symlink and keeps the link", "[store]") {
    TempDir dir;
    fs::create_directory(dir / "real");
    write_text(dir / "real/backlog.json", "old");
    fs::create_symlink("real/backlog.json", dir / "link.json");

    mbl::write_file_atomically(dir / "link.json", "new");
    CHECK(fs::is_symlink(dir / "link.json"));
    CHECK(read_text(dir / "real/backlog.json") == "new");
    CHECK(names_in(dir / "real") == std::vector<std::string>{"backlog.json"});

    fs::create_symlink("real/nowhere.json", dir / "dangling.json");
    CHECK_THROWS_WITH(mbl::write_file_atomically(dir / "dangling.json", "x"),
                      Catch::Contains("symlink") && Catch::Contains("does not exist"));
    CHECK(names_in(dir / "real") == std::vector<std::string>{"backlog.json"});
}

TEST_CASE("write_file_atomically leaves the file untouched when writing fails", "[store]") {
    TempDir dir;
    const fs::path path = dir / "backlog.json";
    write_text(path, "old");

    SECTION("the disk refuses the bytes half-way") {
        // A file size limit makes write() fail with EFBIG after the temporary file exists.
        ChildResult result = run_in_child([&] {
            ::signal(SIGXFSZ, SIG_IGN);
            const rlimit limit{16, 16};
            ::setrlimit(RLIMIT_FSIZE, &limit);
            mbl::write_file_atomically(path, std::string(4096, 'x'));
        });
        CHECK(result.exit_code == static_cast<int>(mbl::ExitStatus::input));
        CHECK_THAT(result.message, Catch::Contains("cannot write " + path.string()) &&
                                       Catch::Contains("File too large") &&
                                       Catch::Contains("the file is unchanged"));
    }
    SECTION("the file is read-only") {
        fs::permissions(path, fs::perms::owner_read | fs::perms::group_read);
        CHECK_THROWS_WITH(mbl::write_file_atomically(path, "new"),
                          Catch::Contains(path.string() + " is read-only; make it writable"));
    }
    SECTION("the directory is read-only") {
        // The file itself is writable by anyone: only the directory stands in the way.
        fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write |
                                  fs::perms::group_read | fs::perms::group_write |
                                  fs::perms::others_read | fs::perms::others_write);
        const auto read_only = fs::perms::owner_read | fs::perms::owner_exec |
                               fs::perms::others_read | fs::perms::others_exec;
        fs::permissions(dir.path(), read_only);
        ChildResult result = run_as_nobody([&] { mbl::write_file_atomically(path, "new"); });
        fs::permissions(dir.path(), fs::perms::owner_all);
        if (result.exit_code == child_cannot_drop_privileges) {
            WARN("skipped: running as root and cannot switch to an unprivileged user");
            return;
        }
        CHECK(result.exit_code == static_cast<int>(mbl::ExitStatus::input));
        CHECK_THAT(result.message, Catch::Contains("cannot create a temporary file") &&
                                       Catch::Contains("Permission denied"));
    }
    CHECK(read_text(path) == "old");
    CHECK(names_in(dir.path()) == std::vector<std::string>{"backlog.json"});
}

TEST_CASE("write_file_atomically refuses a path whose directory is missing", "[store]") {
    TempDir dir;
    write_text(dir / "file.txt", "x");
    CHECK_THROWS_WITH(mbl::write_file_atomically(dir / "missing/backlog.json", "x"),
                      Catch::Contains("No such file or directory"));
    CHECK_THROWS_WITH(mbl::write_file_atomically(dir / "file.txt/backlog.json", "x"),
                      Catch::Contains("Not a directory"));
    CHECK(names_in(dir.path()) == std::vector<std::string>{"file.txt"});
}

TEST_CASE("create_file_exclusively creates a file once and never overwrites", "[store]") {
    TempDir dir;
    const fs::path path = dir / "backlog.json";
    mbl::create_file_exclusively(path, "first");
    CHECK(read_text(path) == "first");
    CHECK(mode_of(path) == (0644 & ~current_umask()));

    try {
        mbl::create_file_exclusively(path, "second");
        FAIL("an existing file was overwritten");
    } catch (const mbl::Error& error) {
        CHECK(error.status() == mbl::ExitStatus::input);
        CHECK_THAT(error.what(), Catch::Contains(path.string() + " already exists"));
    }
    CHECK(read_text(path) == "first");

    fs::create_symlink("nowhere.json", dir / "dangling.json");
    CHECK_THROWS_WITH(mbl::create_file_exclusively(dir / "dangling.json", "x"),
                      Catch::Contains("already exists"));
    CHECK(names_in(dir.path()) == std::vector<std::string>{"backlog.json", "dangling.json"});
}

TEST_CASE("create_file_if_absent creates a file once and leaves what is there", "[store]") {
    TempDir dir;
    const fs::path path = dir / "backlog.schema.json";
    CHECK(mbl::create_file_if_absent(path, "first"));
    CHECK(read_text(path) == "first");
    CHECK(mode_of(path) == (0644 & ~current_umask()));
    CHECK_FALSE(mbl::create_file_if_absent(path, "second"));
    CHECK(read_text(path) == "first");

    fs::create_symlink("nowhere.json", dir / "dangling.json");
    CHECK_FALSE(mbl::create_file_if_absent(dir / "dangling.json", "x"));
    CHECK(fs::is_symlink(dir / "dangling.json"));
    CHECK(names_in(dir.path()) == std::vector<std::string>{"backlog.schema.json", "dangling.json"});
    CHECK_THROWS_WITH(mbl::create_file_if_absent(dir / "missing" / "x.json", "x"),
                      Catch::Contains("cannot create"));
}

TEST_CASE("remove_stale_temporary_files removes only the writer's leftovers", "[store]") {
    TempDir dir;
    for (const char* name : {"backlog.json", ".backlog.json.tmp-a1B2c3", ".backlog.json.tmp-zz",
                             ".other.json.tmp-a1B2c3"}) {
        write_text(dir / name, "x");
    }
    CHECK(mbl::remove_stale_temporary_files(dir / "backlog.json") == 1);
    CHECK(names_in(dir.path()) == std::vector<std::string>{".backlog.json.tmp-zz",
                                                           ".other.json.tmp-a1B2c3",
                                                           "backlog.json"});
}

TEST_CASE("FileLock makes a second locker wait, then names the holder", "[store]") {
    TempDir dir;
    const fs::path path = dir / "backlog.json";
    write_text(path, "{}");
    fs::create_symlink("backlog.json", dir / "other-name.json");
    {
        mbl::FileLock lock(path, 0ms);
        CHECK_THAT(read_text(dir / "backlog.json.lock"),
                   Catch::StartsWith(own_holder_record()) && Catch::Contains("mbl_core_tests"));

        const auto started = std::chrono::steady_clock::now();
        ChildResult result = run_in_child([&] { mbl::FileLock(dir / "other-name.json", 300ms); });
        CHECK(std::chrono::steady_clock::now() - started >= 300ms);
        CHECK(result.exit_code == static_cast<int>(mbl::ExitStatus::locked));
        CHECK_THAT(result.message,
                   Catch::Contains("other-name.json is locked by another mbl (pid " +
                                   std::to_string(::getpid()) + ": ") &&
                       Catch::Contains("waited 0.3 s") && Catch::Contains("--lock-timeout"));
    }
    CHECK_FALSE(fs::exists(dir / "backlog.json.lock"));
    CHECK(run_in_child([&] { mbl::FileLock(path, 0ms); }).exit_code == 0);
}

TEST_CASE("FileLock is not blocked by a holder that was killed", "[store]") {
    TempDir dir;
    const fs::path path = dir / "backlog.json";
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    pid_t holder = ::fork();
    REQUIRE(holder >= 0);
    if (holder == 0) {
        ::alarm(10);
        try {
            mbl::FileLock lock(path, 0ms);
            [[maybe_unused]] auto written = ::write(ready[1], "r", 1);
            ::pause();
        } catch (...) {
        }
        ::_exit(child_crashed);
    }
    ::close(ready[1]);
    char signal_byte = 0;
    CHECK(::read(ready[0], &signal_byte, 1) == 1);
    ::close(ready[0]);
    CHECK(::kill(holder, SIGKILL) == 0);
    int status = 0;
    REQUIRE(::waitpid(holder, &status, 0) == holder);
    CHECK(WIFSIGNALED(status));
    CHECK(fs::exists(dir / "backlog.json.lock")); // stale, but no obstacle

    mbl::FileLock lock(path, 0ms);
    CHECK_THAT(read_text(dir / "backlog.json.lock"), Catch::StartsWith(own_holder_record()));
}

TEST_CASE("FileLock and write_file_atomically let concurrent writers all land", "[store]") {
    TempDir dir;
    const fs::path path = dir / "backlog.json";
    write_text(path, "");
    constexpr int writers = 3;
    constexpr int appends_each = 20;
    std::vector<pid_t> children;
    for (int writer = 0; writer < writers; ++writer) {
        pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            int code = 0;
            try {
                for (int append = 0; append < appends_each; ++append) {
                    mbl::FileLock lock(path, 10s);
                    mbl::remove_stale_temporary_files(path);
                    mbl::write_file_atomically(path, mbl::read_backlog_file(path) + "line\n");
                }
            } catch (...) {
                code = child_crashed;
            }
            ::_exit(code);
        }
        children.push_back(pid);
    }
    for (pid_t pid : children) {
        int status = 0;
        REQUIRE(::waitpid(pid, &status, 0) == pid);
        CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    }
    const std::string text = read_text(path);
    CHECK(std::count(text.begin(), text.end(), '\n') == writers * appends_each);
    CHECK(names_in(dir.path()) == std::vector<std::string>{"backlog.json"});
}

TEST_CASE("FileLock says why it cannot create its lock file", "[store]") {
    TempDir dir;
    try {
        mbl::FileLock lock(dir / "missing/backlog.json", 0ms);
        FAIL("locked a file in a missing directory");
    } catch (const mbl::Error& error) {
        CHECK(error.status() == mbl::ExitStatus::input);
        CHECK_THAT(error.what(),
                   Catch::Contains("cannot lock " + (dir / "missing/backlog.json").string()) &&
                       Catch::Contains("does not exist"));
    }
}
