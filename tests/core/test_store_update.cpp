// load_backlog_file and update_backlog_file (store.hpp): the read and the locked
// read-modify-write the CLI's commands go through, called as a library user would.
#include "mbl/error.hpp"
#include "mbl/save.hpp"
#include "mbl/store.hpp"
#include "support/error_from.hpp"
#include "support/scratch_files.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <stdexcept>
#include <sys/stat.h>

namespace fs = std::filesystem;
using mbl::ExitStatus;
using mbl::test::error_from;
using mbl::test::read_text;
using mbl::test::TempDir;
using mbl::test::write_text;
using namespace std::chrono_literals;

namespace {

std::string contoso_text() {
    return read_text(fs::path(MBL_SOURCE_DIR) / "examples/contoso/backlog.json");
}

ino_t inode_of(const fs::path& path) {
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    return info.st_ino;
}

} // namespace

TEST_CASE("load_backlog_file loads the file and names it by its label in errors", "[store]") {
    TempDir dir;
    write_text(dir / "backlog.json", contoso_text());
    mbl::LoadedBacklogFile loaded = mbl::load_backlog_file(dir / "backlog.json");
    REQUIRE(loaded.text != nullptr);
    CHECK(loaded.backlog.assets.size() == 66);
    CHECK(loaded.backlog.assets[0].id == "core-network");

    write_text(dir / "broken.json", "{\"version\": 1,\n \"assets\": [}\n");
    mbl::Error broken =
        error_from([&] { mbl::load_backlog_file(dir / "broken.json", "mine.json"); });
    CHECK(broken.status() == ExitStatus::input);
    CHECK_THAT(broken.what(), Catch::Matchers::Contains("mine.json:2:"));
    CHECK(error_from([&] { mbl::load_backlog_file(dir / "missing.json"); }).status() ==
          ExitStatus::input);
}

TEST_CASE("update_backlog_file writes the change as the canonical text", "[store]") {
    TempDir dir;
    fs::path file = dir / "backlog.json";
    write_text(file, contoso_text());
    write_text(dir / ".backlog.json.tmp-a1B2c3", "left by a killed writer");
    bool written = mbl::update_backlog_file(
        file, 0ms, [](mbl::Backlog& backlog) { backlog.assets[0].estimate = 99; });
    CHECK(written);
    CHECK_FALSE(fs::exists(dir / ".backlog.json.tmp-a1B2c3"));
    CHECK_FALSE(fs::exists(dir / "backlog.json.lock"));
    mbl::Backlog after = mbl::load_backlog_file(file).backlog;
    CHECK(after.assets[0].estimate == 99);
    CHECK(read_text(file) == mbl::to_canonical_text(after));
}

TEST_CASE("update_backlog_file writes nothing when the text stays the same", "[store]") {
    TempDir dir;
    fs::path file = dir / "backlog.json";
    std::string before = contoso_text();
    write_text(file, before);
    ino_t inode = inode_of(file);
    CHECK_FALSE(mbl::update_backlog_file(file, 0ms, [](mbl::Backlog&) {}));
    CHECK(read_text(file) == before);
    CHECK(inode_of(file) == inode); // not replaced: a write renames a new file over the name
}

TEST_CASE("update_backlog_file leaves the file as it was when the change throws", "[store]") {
    TempDir dir;
    fs::path file = dir / "backlog.json";
    std::string before = contoso_text();
    write_text(file, before);
    CHECK_THROWS_AS(mbl::update_backlog_file(file, 0ms,
                                             [](mbl::Backlog& backlog) {
                                                 backlog.assets.clear();
                                                 throw std::runtime_error("refused");
                                             }),
                    std::runtime_error);
    CHECK(read_text(file) == before);
}

TEST_CASE("update_backlog_file waits for the lock, then refuses with exit 4", "[store]") {
    TempDir dir;
    fs::path file = dir / "backlog.json";
    std::string before = contoso_text();
    write_text(file, before);
    mbl::FileLock held(file, 0ms);
    bool ran = false;
    mbl::Error locked = error_from(
        [&] { mbl::update_backlog_file(file, 50ms, [&](mbl::Backlog&) { ran = true; }); });
    CHECK(locked.status() == ExitStatus::locked);
    CHECK_FALSE(ran);
    CHECK(read_text(file) == before);
}

TEST_CASE("update_backlog_file into the caller's backlog leaves the changed model there",
          "[store]") {
    TempDir dir;
    fs::path file = dir / "backlog.json";
    write_text(file, contoso_text());
    mbl::Backlog backlog;
    backlog.name = "replaced by the file's";
    backlog.assets.resize(3);
    bool written = mbl::update_backlog_file(
        file, 0ms, [](mbl::Backlog& loaded) { loaded.assets[0].estimate = 99; }, backlog);
    CHECK(written);
    REQUIRE(backlog.assets.size() == 66);
    CHECK(backlog.name == mbl::load_backlog_file(file).backlog.name);
    CHECK(backlog.assets[0].estimate == 99);
    CHECK(read_text(file) == mbl::to_canonical_text(backlog));

    SECTION("unchanged: nothing written, the model is still the file's") {
        mbl::Backlog again;
        CHECK_FALSE(mbl::update_backlog_file(
            file, 0ms, [](mbl::Backlog&) {}, again));
        CHECK(again == backlog);
    }
}

TEST_CASE("update_backlog_file with a LoadLayout: room for one more attribute, same model",
          "[store]") {
    TempDir dir;
    fs::path file = dir / "backlog.json";
    write_text(file, contoso_text());
    mbl::Backlog plain = mbl::load_backlog_file(file).backlog;
    std::size_t with_attributes = 0;
    std::size_t with_room = 0;
    mbl::update_backlog_file(
        file, 0ms,
        [&](mbl::Backlog& backlog) {
            CHECK(backlog == plain); // the same values, laid out otherwise
            for (const mbl::Asset& asset : backlog.assets) {
                if (!asset.attributes.empty()) {
                    ++with_attributes;
                    with_room += asset.attributes.capacity() > asset.attributes.size() ? 1 : 0;
                }
            }
        },
        {}, mbl::LoadLayout{.spare_attributes = 1});
    CHECK(with_attributes > 0);
    CHECK(with_room == with_attributes);
}
