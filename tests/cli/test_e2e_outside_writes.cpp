// Writes that would land outside what the user named: a committed `.gitattributes` symlink, a
// symlinked repository config, a hard link planted at the lock path, a backlog.json another user
// owns in a parent directory, a lock file another user left behind. Each is refused before
// anything is written, and the file outside is left byte for byte.
#include "support/git_repo.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <unistd.h>

using namespace mbl::test;
namespace fs = std::filesystem;

namespace {

constexpr unsigned nobody = 65534;
const std::string precious = "a file outside the repository\n";

void require_chown(const fs::path& path, unsigned uid) {
    REQUIRE(::lchown(path.c_str(), uid, uid) == 0);
}

// Runs as the unprivileged user nobody when root can become it (setpriv); nullopt otherwise.
std::optional<RunOptions> as_nobody() {
    if (::geteuid() != 0 || std::system("command -v setpriv >/dev/null 2>&1") != 0) {
        return std::nullopt;
    }
    RunOptions options;
    options.command_prefix = {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
    return options;
}

} // namespace

TEST_CASE("git setup refuses a symlinked .gitattributes, leaving its target alone",
          "[e2e][outside-writes]") {
    TempDir outside;
    const fs::path target = outside.path() / "elsewhere";
    write_file(target, precious);
    GitRepo repo(read_file(example_path("minimal")));
    fs::create_symlink(target, repo.dir() / ".gitattributes");

    RunResult result = repo.mbl({"git", "setup"});
    CAPTURE(result);
    CHECK(result.exit_code == 3);
    CHECK(contains(result.err, ".gitattributes is a symlink (to " + target.string()));
    CHECK(contains(result.err, "Replace the link with a regular file"));
    CHECK(read_file(target) == precious);
    CHECK(repo.git({"config", "--local", "merge.mbl.driver"}).exit_code != 0); // nothing set
}

TEST_CASE("git setup refuses a symlinked repository config", "[e2e][outside-writes]") {
    TempDir outside;
    GitRepo repo(read_file(example_path("minimal")));
    const fs::path config = repo.dir() / ".git" / "config";
    const fs::path target = outside.path() / "config";
    fs::copy_file(config, target);
    fs::remove(config);
    fs::create_symlink(target, config);
    const std::string before = read_file(target);

    RunResult result = repo.mbl({"git", "setup"});
    CAPTURE(result);
    CHECK(result.exit_code == 3);
    CHECK(contains(result.err, "config is a symlink"));
    CHECK(read_file(target) == before);
    CHECK_FALSE(fs::exists(repo.dir() / ".gitattributes"));
}

TEST_CASE("a hard link at the lock path is refused and its target left alone",
          "[e2e][outside-writes]") {
    TempDir outside;
    const fs::path target = outside.path() / "precious";
    write_file(target, precious);
    TempBacklog backlog;
    const fs::path lock = backlog.dir() / "backlog.json.lock";
    fs::create_hard_link(target, lock);

    RunResult result = backlog.run({"asset", "add", "new-one"});
    CAPTURE(result);
    CHECK(result.exit_code == 3);
    CHECK(contains(result.err, "the lock file " + lock.string() + " has 2 hard links"));
    CHECK(contains(result.err, "rm " + lock.string()));
    CHECK(read_file(target) == precious);
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE("a backlog.json of another user's in a parent directory is not used by itself",
          "[e2e][outside-writes]") {
    if (::geteuid() != 0) {
        WARN("skipped: making a file another user's needs root");
        return;
    }
    TempBacklog backlog;
    fs::create_directory(backlog.dir() / "sub");
    RunOptions below;
    below.cwd = backlog.dir() / "sub";

    // Ours: found and used as before.
    CHECK(backlog.run({"asset", "list"}, below).exit_code == 0);

    for (const fs::path& owned_by_nobody : {backlog.file(), backlog.dir()}) {
        CAPTURE(owned_by_nobody);
        require_chown(owned_by_nobody, nobody);
        RunResult refused = backlog.run({"asset", "add", "new-one"}, below);
        CAPTURE(refused);
        CHECK(refused.exit_code == 3);
        CHECK(contains(refused.err, "backlog.json was found in a parent directory of "));
        CHECK(contains(refused.err, "belongs to nobody (uid 65534)"));
        CHECK(contains(refused.err, "pass -f " + backlog.file().string() + " or set MBL_FILE"));
        CHECK(backlog.text() == backlog.original());
        require_chown(owned_by_nobody, 0);
    }

    // Named explicitly, it is the user's choice.
    require_chown(backlog.file(), nobody);
    RunResult named =
        backlog.run({"-f", backlog.file().string(), "asset", "add", "new-one"}, below);
    CAPTURE(named);
    CHECK(named.exit_code == 0);
    CHECK(contains(backlog.text(), "\"id\": \"new-one\""));
    RunOptions with_env = below;
    with_env.env["MBL_FILE"] = backlog.file().string();
    CHECK(backlog.run({"asset", "list"}, with_env).exit_code == 0);
}

TEST_CASE("a stale lock file of another user's is reported at once, with its owner",
          "[e2e][outside-writes]") {
    if (::geteuid() != 0) {
        WARN("skipped: making a file another user's needs root");
        return;
    }
    TempBacklog backlog;
    const fs::path lock = backlog.dir() / "backlog.json.lock";
    write_file(lock, "pid=4242 command=mbl asset add x\n");
    require_chown(lock, nobody);

    RunResult result = backlog.run({"--lock-timeout", "30", "asset", "add", "new-one"});
    CAPTURE(result);
    CHECK(result.exit_code == 4);
    CHECK(contains(result.err, "the lock file " + lock.string() +
                                   " belongs to nobody (uid 65534), and no process holds it"));
    CHECK(contains(result.err, "pid 4242: mbl asset add x"));
    CHECK(contains(result.err, "rm " + lock.string()));
    CHECK(backlog.text() == backlog.original());
    CHECK(read_file(lock) == "pid=4242 command=mbl asset add x\n"); // not taken over

    // An unprivileged user who cannot even open root's lock file is told the same.
    if (std::optional<RunOptions> unprivileged = as_nobody()) {
        require_chown(lock, 0);
        fs::permissions(lock, fs::perms(0644));
        fs::permissions(backlog.dir(), fs::perms(0777));
        RunResult refused = backlog.run({"asset", "add", "new-one"}, *unprivileged);
        CAPTURE(refused);
        CHECK(refused.exit_code == 4);
        CHECK(contains(refused.err, " belongs to root (uid 0), and no process holds it"));
        CHECK(contains(refused.err, "rm " + lock.string()));
        CHECK(backlog.text() == backlog.original());
    } else {
        WARN("the unprivileged half skipped: no setpriv");
    }
}
