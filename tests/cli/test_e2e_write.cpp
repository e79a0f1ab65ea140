// How a write command treats the file on disk: through symlinks, keeping its mode, not touching
// it when nothing changes, and cleaning up after a killed writer.
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <sys/stat.h>

using namespace mbl::test;
namespace fs = std::filesystem;

TEST_CASE("a write through a symlink changes the target and keeps the link", "[e2e][write]") {
    TempDir dir;
    fs::create_directories(dir.path() / "real");
    fs::path target = dir.path() / "real" / "plan.json";
    std::string original = read_file(example_path("minimal"));
    write_file(target, original);
    fs::create_symlink("real/plan.json", dir.path() / "backlog.json");

    RunOptions here;
    here.cwd = dir.path();
    RunResult result = run_mbl({"asset", "set", "ts-db", "estimate=3"}, here);
    CAPTURE(result);
    REQUIRE(result.exit_code == 0);
    CHECK(fs::is_symlink(dir.path() / "backlog.json"));
    CHECK(read_file(target) == replace_once(original, "\"estimate\": 12,", "\"estimate\": 3,"));
    // Nothing left beside either name.
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 2);
    CHECK(std::distance(fs::directory_iterator(dir.path() / "real"), fs::directory_iterator()) ==
          1);
}

TEST_CASE("a write keeps the file's permission bits", "[e2e][write]") {
    TempBacklog backlog;
    fs::permissions(backlog.file(), fs::perms(0640));
    REQUIRE(backlog.run({"asset", "set", "ts-db", "estimate=3"}).exit_code == 0);
    CHECK(fs::status(backlog.file()).permissions() == fs::perms(0640));
    CHECK(backlog.text() != backlog.original());
}

TEST_CASE("a write that changes nothing leaves the file as it is", "[e2e][write]") {
    TempBacklog backlog;
    struct stat before {};
    REQUIRE(::stat(backlog.file().c_str(), &before) == 0);
    RunResult result = backlog.run({"asset", "set", "ts-db", "estimate=12"});
    CAPTURE(result);
    CHECK(result.exit_code == 0);
    struct stat after {};
    REQUIRE(::stat(backlog.file().c_str(), &after) == 0);
    CHECK(after.st_ino == before.st_ino); // not replaced by a new file
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE("a write removes the temporary file a killed writer left", "[e2e][write]") {
    TempBacklog backlog;
    fs::path stale = backlog.dir() / ".backlog.json.tmp-Ab12Cd";
    write_file(stale, "{\"half\": ");
    fs::path unrelated = backlog.dir() / "notes.txt";
    write_file(unrelated, "keep me");
    REQUIRE(backlog.run({"asset", "set", "ts-db", "estimate=3"}).exit_code == 0);
    CHECK_FALSE(fs::exists(stale));
    CHECK(read_file(unrelated) == "keep me");
}
