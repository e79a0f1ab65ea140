// Faults of the disk and of the file, end to end on the real `mbl`: a full disk, a failing
// fsync, a read-only file system or directory, a file without read permission, a directory or
// a symlink where the file should be, a writer killed while holding the lock. Each gives a clear
// `mbl: error:` with exit 3 (or lands, for the killed writer) and leaves the file as it was.
//
// The real full disk and the read-only file system are mounted in a private mount namespace
// (`unshare -m`, needs root or user namespaces); the permission cases run mbl as nobody through
// `setpriv` when the tests run as root (root ignores permission bits). Where neither can be had
// the case says so (a Catch2 warning) and checks the rest; the fault shim covers the full disk
// and the failing fsync everywhere.

#include "reliability/fault_injection.hpp"
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <unistd.h>

using namespace mbl::test;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> write_command{"asset", "set", "ts-db", "estimate=1"};
const std::vector<std::string> read_command{"asset", "list"};

// The exit code of a namespace script that could not set itself up (mount refused).
constexpr int setup_refused = 125;

// Runs `script` (sh) as root of a private mount namespace, mbl and its arguments as "$@".
RunOptions in_mount_namespace(const std::string& script, RunOptions options = {}) {
    options.command_prefix = {"unshare", "-m", "--", "sh", "-c", script, "sh"};
    return options;
}

// Options that run mbl without root's power over permission bits: unchanged when the tests are
// not root, as nobody through setpriv when they are; none when that cannot be done.
std::optional<RunOptions> unprivileged(RunOptions options = {}) {
    if (::geteuid() != 0) {
        return options;
    }
    if (std::system("command -v setpriv >/dev/null 2>&1") != 0) {
        return std::nullopt;
    }
    options.command_prefix = {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
    return options;
}

std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

// A failed run's shape: exit 3, nothing on stdout, `mbl: error:` holding every part of `message`.
void check_input_error(const RunResult& result, const std::vector<std::string>& message) {
    CAPTURE(result);
    CHECK(result.exit_code == 3);
    CHECK(result.out.empty());
    CHECK(result.err.rfind("mbl: error: ", 0) == 0);
    for (const std::string& part : message) {
        CHECK(contains(result.err, part));
    }
}

} // namespace

TEST_CASE("a full disk fails the write and leaves the file", "[reliability][faults]") {
    SECTION("through the fault shim: ENOSPC after 4 KiB") {
        TempBacklog backlog("contoso");
        RunResult result = backlog.run({"asset", "set", "crm-sql-01", "estimate=1"},
                                       with_fault("enospc-after-bytes:4096"));
        check_input_error(result,
                          {"cannot write ", "No space left on device", "the file is unchanged"});
        CHECK(backlog.text() == backlog.original());
        CHECK(names_in(backlog.dir()) == std::vector<std::string>{"backlog.json"});
    }
    SECTION("on a real tmpfs filled to the last byte") {
        TempDir dir;
        fs::create_directory(dir.path() / "disk");
        write_file(dir.path() / "original.json", read_file(example_path("contoso")));
        RunOptions options = in_mount_namespace(R"(
            mount -t tmpfs -o size=256k tmpfs "$DISK" || exit 125
            cp "$ORIGINAL" "$DISK/backlog.json" && cd "$DISK" || exit 125
            cat /dev/zero > filler 2>/dev/null
            "$@"
            status=$?
            cmp -s "$ORIGINAL" backlog.json || status=124
            ls -A > "$LISTING"
            exit $status)");
        options.env = {{"DISK", (dir.path() / "disk").string()},
                       {"ORIGINAL", (dir.path() / "original.json").string()},
                       {"LISTING", (dir.path() / "listing").string()}};
        RunResult result = run_mbl({"asset", "set", "crm-sql-01", "estimate=1"}, options);
        if (result.exit_code == setup_refused) {
            WARN("real full disk skipped: cannot mount a tmpfs here (" + result.err + ")");
            return;
        }
        check_input_error(result,
                          {"cannot write ", "No space left on device", "the file is unchanged"});
        // Nothing beside the file but the filler: no temporary file, no lock file.
        CHECK(read_file(dir.path() / "listing") == "backlog.json\nfiller\n");
    }
}

TEST_CASE("a failing fsync fails the write and leaves the file", "[reliability][faults]") {
    TempBacklog backlog;
    check_input_error(backlog.run(write_command, with_fault("eio-on-fsync")),
                      {"cannot flush it to disk: Input/output error", "the file is unchanged"});
    CHECK(backlog.text() == backlog.original());
    CHECK(names_in(backlog.dir()) == std::vector<std::string>{"backlog.json"});
}

TEST_CASE("a read-only file system refuses the write, reads still work", "[reliability][faults]") {
    TempBacklog backlog;
    RunOptions options = in_mount_namespace(R"(
        mount --bind "$DIR" "$DIR" && mount -o remount,ro,bind "$DIR" || exit 125
        "$@")");
    options.env = {{"DIR", backlog.dir().string()}};
    RunResult result = backlog.run(write_command, options);
    if (result.exit_code == setup_refused) {
        WARN("read-only file system skipped: cannot mount here (" + result.err + ")");
        return;
    }
    check_input_error(result, {"cannot create the lock file ", "Read-only file system",
                               "mbl needs write access to the directory of "});
    CHECK(backlog.run(read_command, options).exit_code == 0);
    CHECK(backlog.text() == backlog.original());
    CHECK(names_in(backlog.dir()) == std::vector<std::string>{"backlog.json"});
}

TEST_CASE("a read-only directory refuses the write, reads still work", "[reliability][faults]") {
    std::optional<RunOptions> nobody = unprivileged();
    if (!nobody) {
        WARN("skipped: running as root without setpriv to become an unprivileged user");
        return;
    }
    TempBacklog backlog;
    fs::permissions(backlog.dir(), fs::perms(0555));
    check_input_error(backlog.run(write_command, *nobody),
                      {"cannot create the lock file ", "Permission denied",
                       "mbl needs write access to the directory of "});
    CHECK(backlog.run(read_command, *nobody).exit_code == 0);
    fs::permissions(backlog.dir(), fs::perms(0700));
    CHECK(backlog.text() == backlog.original());
    CHECK(names_in(backlog.dir()) == std::vector<std::string>{"backlog.json"});
}

TEST_CASE("a file without read permission is refused by reads and writes",
          "[reliability][faults]") {
    std::optional<RunOptions> nobody = unprivileged();
    if (!nobody) {
        WARN("skipped: running as root without setpriv to become an unprivileged user");
        return;
    }
    TempBacklog backlog;
    fs::permissions(backlog.dir(), fs::perms(0777)); // the lock file may be created
    fs::permissions(backlog.file(), fs::perms::none);
    for (const auto& args : {read_command, write_command}) {
        check_input_error(backlog.run(args, *nobody),
                          {"cannot read ", "backlog.json: permission denied",
                           "check the permissions of the file"});
    }
    CHECK(fs::status(backlog.file()).permissions() == fs::perms::none);
    CHECK(backlog.text() == backlog.original());
    CHECK(names_in(backlog.dir()) == std::vector<std::string>{"backlog.json"});
}

TEST_CASE("a directory named backlog.json is refused and left alone", "[reliability][faults]") {
    TempDir dir;
    fs::create_directory(dir.path() / "backlog.json");
    RunOptions here;
    here.cwd = dir.path();
    for (const auto& args : {read_command, write_command}) {
        check_input_error(run_mbl(args, here), {"backlog.json is a directory, not a backlog file"});
    }
    CHECK(fs::is_directory(dir.path() / "backlog.json"));
    CHECK(fs::is_empty(dir.path() / "backlog.json"));
    CHECK(names_in(dir.path()) == std::vector<std::string>{"backlog.json"});
}

TEST_CASE("a dangling symlink and a symlink loop are refused, the links left as they are",
          "[reliability][faults]") {
    TempDir dir;
    RunOptions here;
    here.cwd = dir.path();
    fs::create_symlink("nowhere.json", dir.path() / "backlog.json");
    for (const auto& args : {read_command, write_command}) {
        check_input_error(run_mbl(args, here),
                          {"is a symlink to a file that does not exist", "fix the link"});
    }
    CHECK(fs::read_symlink(dir.path() / "backlog.json") == "nowhere.json");
    CHECK_FALSE(fs::exists(dir.path() / "nowhere.json"));

    fs::remove(dir.path() / "backlog.json");
    fs::create_symlink("loop.json", dir.path() / "backlog.json");
    fs::create_symlink("backlog.json", dir.path() / "loop.json");
    for (const auto& args : {read_command, write_command}) {
        check_input_error(run_mbl(args, here), {"Too many levels of symbolic links"});
    }
    CHECK(fs::read_symlink(dir.path() / "backlog.json") == "loop.json");
    CHECK(names_in(dir.path()) == std::vector<std::string>{"backlog.json", "loop.json"});
}

TEST_CASE("a writer killed while holding the lock does not block the next one",
          "[reliability][faults]") {
    TempBacklog backlog;
    RunResult killed = backlog.run(write_command, with_fault("kill-after-directory-sync"));
    CHECK(killed.signal == SIGKILL);
    CHECK(fs::exists(backlog.dir() / "backlog.json.lock")); // left behind, still naming it
    const std::string after_kill = backlog.text();
    CHECK(after_kill == replace_once(backlog.original(), "\"estimate\": 12,", "\"estimate\": 1,"));

    RunResult next = backlog.run({"--lock-timeout", "0", "asset", "set", "ts-db", "estimate=2"});
    CAPTURE(next);
    CHECK(next.exit_code == 0);
    CHECK(backlog.text() == replace_once(after_kill, "\"estimate\": 1,", "\"estimate\": 2,"));
    CHECK(names_in(backlog.dir()) == std::vector<std::string>{"backlog.json"});
}
