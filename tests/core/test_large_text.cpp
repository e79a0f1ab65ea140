// Large files held once: the loader releasing the text it has read (BacklogFileText), texts
// compared and written in pieces.
#include "mbl/error.hpp"
#include "mbl/load.hpp"
#include "mbl/save.hpp"
#include "mbl/store.hpp"
#include "support/scratch_files.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using mbl::test::read_text;
using mbl::test::TempDir;
using mbl::test::write_text;
using namespace mbl;

namespace {

// A backlog of `count` assets, a few megabytes of canonical text: more than the loader's release
// step, so parts of it are released while it loads.
Backlog large_backlog(int count) {
    Backlog backlog;
    backlog.name = "Large";
    for (int i = 0; i < count; ++i) {
        Asset asset;
        asset.id = "asset-" + std::to_string(i);
        asset.name = "Asset number " + std::to_string(i) + " with a name long enough";
        asset.estimate = i % 7;
        asset.tags = {"tag-" + std::to_string(i % 5)};
        asset.attributes = {{"cores", RawJson{std::to_string(i % 16)}},
                            {"os", RawJson{"\"Linux \\\"é\\\"\""}}};
        if (i > 0) {
            asset.depends_on = {"asset-" + std::to_string(i - 1)};
        }
        asset.extras = {{"x-cmdb", RawJson{"{\n  \"ci\": " + std::to_string(i) + "\n}"}}};
        backlog.assets.push_back(asset);
    }
    return backlog;
}

bool all_zero(std::string_view text) {
    return text.find_first_not_of('\0') == std::string_view::npos;
}

} // namespace

TEST_CASE("BacklogFileText reads every byte, gives pages back and reads them again", "[large]") {
    TempDir dir;
    std::string text(3 << 20, 'x');
    for (std::size_t i = 0; i < text.size(); i += 97) {
        text[i] = static_cast<char>('a' + i % 26);
    }
    write_text(dir / "backlog.json", text);
    BacklogFileText file(dir / "backlog.json");
    REQUIRE(file.view() == text);

    const std::size_t half = text.size() / 2;
    file.release_before(file.view().data() + half);
    CHECK(all_zero(file.view().substr(0, 1 << 20)));                    // released: zeros
    CHECK(file.view().substr(half + 4096) == text.substr(half + 4096)); // kept

    file.restore(1000, 5000); // the pages around it come back, the rest stays released
    CHECK(file.view().substr(1000, 5000) == text.substr(1000, 5000));
    CHECK(all_zero(file.view().substr(1 << 20, 4096)));
    file.release_before(file.view().data() + half);
    CHECK(all_zero(file.view().substr(1000, 5000)));

    file.restore_all();
    CHECK(file.view() == text);
}

TEST_CASE("BacklogFileText refuses what read_backlog_file refuses, with the same message",
          "[large]") {
    TempDir dir;
    auto message_of = [](auto read) {
        try {
            read();
        } catch (const Error& error) {
            CHECK(error.status() == ExitStatus::input);
            return std::string(error.what());
        }
        FAIL("no error");
        return std::string();
    };
    for (const char* name : {"missing.json", "folder.json"}) {
        if (std::string(name) == "folder.json") {
            fs::create_directory(dir / name);
        }
        std::string expected = message_of([&] { read_backlog_file(dir / name); });
        CHECK(message_of([&] { BacklogFileText text(dir / name); }) == expected);
    }
    write_text(dir / "empty.json", "");
    CHECK(BacklogFileText(dir / "empty.json").view().empty());
}

TEST_CASE("loading a released text gives what loading the string gives", "[large]") {
    TempDir dir;
    const std::string canonical = to_canonical_text(large_backlog(12000));
    REQUIRE(canonical.size() > (4u << 20));
    write_text(dir / "backlog.json", canonical);

    BacklogFileText text(dir / "backlog.json");
    LoadResult released = load_backlog(text);
    CHECK(released.problems.empty());
    CHECK(released.backlog == load_backlog(canonical).backlog);
    CHECK(all_zero(text.view().substr(0, 1 << 20))); // it was given back as it was read

    SECTION("and it compares equal to its canonical text, in pieces") {
        PieceComparison comparison(text);
        write_canonical_text(released.backlog, [&](std::string_view p) { comparison.add(p); });
        CHECK(comparison.equal());
    }
}

TEST_CASE("problems in a released text have the positions they have in the string", "[large]") {
    TempDir dir;
    std::string text = to_canonical_text(large_backlog(12000));
    // Near the end, after megabytes were released: a wrong type and an unknown key.
    std::size_t last = text.rfind("\"priority\": 2");
    REQUIRE(last != std::string::npos);
    text.replace(last, 13, "\"priority\": \"high\", \"colour\": 1");
    std::size_t first = text.find("\"estimate\": 0");
    text.replace(first, 13, "\"estimate\": true");
    write_text(dir / "backlog.json", text);

    LoadResult expected = load_backlog(text, "b.json");
    REQUIRE(expected.problems.size() == 3);
    BacklogFileText file(dir / "backlog.json");
    LoadResult released = load_backlog(file, "b.json");
    REQUIRE(released.problems.size() == expected.problems.size());
    for (std::size_t i = 0; i < expected.problems.size(); ++i) {
        CHECK(released.problems[i].path == expected.problems[i].path);
        CHECK(released.problems[i].message == expected.problems[i].message);
        CHECK(released.problems[i].position.line == expected.problems[i].position.line);
        CHECK(released.problems[i].position.column == expected.problems[i].position.column);
    }
    CHECK(released.problems[2].path.starts_with("/assets/"));
}

TEST_CASE("a syntax error near the end of a released text is where it is", "[large]") {
    TempDir dir;
    std::string text = to_canonical_text(large_backlog(12000));
    text.insert(text.rfind("\"tags\""), "@");
    write_text(dir / "backlog.json", text);
    std::string expected;
    try {
        load_backlog(text, "b.json");
    } catch (const Error& error) {
        expected = error.what();
    }
    REQUIRE_FALSE(expected.empty());
    BacklogFileText file(dir / "backlog.json");
    CHECK_THROWS_WITH(load_backlog(file, "b.json"), expected);
}

TEST_CASE("a file denser than the assets reserved for still loads whole", "[large]") {
    std::string text = R"({"format":"mbl/1","name":"n","assets":[)";
    constexpr int count = 50000; // about 20 bytes an asset, far below the size reserved for
    for (int i = 0; i < count; ++i) {
        text += (i ? ",{\"id\":\"a" : "{\"id\":\"a") + std::to_string(i) + "\"}";
    }
    text += "]}";
    LoadResult result = load_backlog(text);
    REQUIRE(result.backlog.assets.size() == count);
    CHECK(result.backlog.assets.back().id == "a49999");
}

TEST_CASE("PieceComparison finds the first differing line, however the pieces fall", "[large]") {
    TempDir dir;
    const std::string text = "one\ntwo\nthree\nfour\n";
    write_text(dir / "backlog.json", text);
    // Whether `other`, given in pieces of `piece` bytes, equals the file, and the line where
    // it first differs (0 when equal).
    auto compare = [&](const std::string& other, std::size_t piece) {
        BacklogFileText file(dir / "backlog.json");
        PieceComparison comparison(file);
        for (std::size_t at = 0; at < other.size(); at += piece) {
            comparison.add(std::string_view(other).substr(at, piece));
        }
        return comparison.equal() ? std::size_t{0} : comparison.first_differing_line();
    };
    for (std::size_t piece : {1, 3, 64}) {
        CHECK(compare(text, piece) == 0);
        CHECK(compare("one\ntwo\nthreE\nfour\n", piece) == 3);
        CHECK(compare("one\ntwo\n", piece) == 3);          // shorter
        CHECK(compare(text + "five\n", piece) == 5);       // longer
        CHECK(compare("\xEF\xBB\xBF" + text, piece) == 1); // a byte-order mark first
    }
}

TEST_CASE("texts written in pieces are the texts written whole", "[large]") {
    Backlog backlog = large_backlog(3000);
    std::string pieces;
    std::size_t count = 0;
    write_canonical_text(backlog, [&](std::string_view piece) {
        pieces += piece;
        ++count;
    });
    CHECK(pieces == to_canonical_text(backlog));
    CHECK(count > 5);

    std::vector<const Asset*> assets;
    for (const Asset& asset : backlog.assets) {
        assets.push_back(&asset);
    }
    JsonArrayText listed; // a listing built one asset at a time, past its first growth
    for (const Asset* asset : assets) {
        listed.add(*asset);
    }
    CHECK(listed.take() == to_json_array_text(assets));
    CHECK(listed.take() == "[]");
}

TEST_CASE("write_file_atomically from pieces writes them all, or nothing when refused", "[large]") {
    TempDir dir;
    const fs::path file = dir / "backlog.json";
    write_text(file, "old\n");
    CHECK(write_file_atomically(file, [](const std::function<void(std::string_view)>& write) {
        write("new ");
        write("text\n");
        return true;
    }));
    CHECK(read_text(file) == "new text\n");
    CHECK_FALSE(write_file_atomically(file, [](const std::function<void(std::string_view)>& write) {
        write("never ");
        return false;
    }));
    CHECK(read_text(file) == "new text\n");
    CHECK_THROWS(
        write_file_atomically(file, [](const std::function<void(std::string_view)>& write) {
            write("half ");
            throw std::runtime_error("the writer failed");
            return true;
        }));
    CHECK(read_text(file) == "new text\n");
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path())) {
        ++entries;
    }
    CHECK(entries == 1); // no temporary file left behind
}

TEST_CASE("write_file_atomically from pieces: declining before the first piece checks nothing",
          "[large]") {
    TempDir dir;
    const fs::path file = dir / "backlog.json";
    write_text(file, "old\n");
    fs::permissions(file, fs::perms::owner_read);
    CHECK_FALSE(write_file_atomically(
        file, [](const std::function<void(std::string_view)>&) { return false; }));
    CHECK_THROWS_WITH(write_file_atomically(file,
                                            [](const std::function<void(std::string_view)>& write) {
                                                write("new\n");
                                                return true;
                                            }),
                      Catch::Contains("read-only"));
    CHECK(read_text(file) == "old\n");
}

TEST_CASE("a released part rewritten in place is refused when it is read back", "[large]") {
    TempDir dir;
    std::string text(3 << 20, 'x');
    for (std::size_t i = 0; i < text.size(); i += 97) {
        text[i] = static_cast<char>('a' + i % 26);
    }
    write_text(dir / "backlog.json", text);
    const std::string changed =
        "backlog.json changed while mbl was writing; nothing written, run the command again";

    SECTION("the same bytes read back are accepted") {
        BacklogFileText file(dir / "backlog.json", TextUse::rewriting, "backlog.json");
        file.release_before(file.view().data() + text.size());
        file.restore_all();
        CHECK(file.view() == text);
        CHECK_NOTHROW(file.check_unchanged());
    }
    SECTION("one byte changed in place, where it was released") {
        BacklogFileText file(dir / "backlog.json", TextUse::rewriting, "backlog.json");
        file.release_before(file.view().data() + text.size() / 2);
        {
            std::fstream in_place(dir / "backlog.json", std::ios::in | std::ios::out);
            in_place.seekp(1000);
            in_place.put('#');
        }
        CHECK_THROWS_WITH(file.restore(900, 200), changed);
        CHECK_THROWS_WITH(file.check_unchanged(), changed);
    }
    SECTION("cut short in place") {
        BacklogFileText file(dir / "backlog.json", TextUse::reading, "b.json");
        file.release_before(file.view().data() + text.size());
        REQUIRE(::truncate((dir / "backlog.json").c_str(), 1 << 20) == 0);
        CHECK_THROWS_WITH(file.restore_all(),
                          "b.json changed while mbl was reading it; run the command again");
    }
    SECTION("changed where it was not released: the check before the rename sees it") {
        BacklogFileText file(dir / "backlog.json", TextUse::rewriting, "backlog.json");
        {
            std::fstream in_place(dir / "backlog.json", std::ios::in | std::ios::out);
            in_place.seekp(static_cast<std::streamoff>(text.size() - 10));
            in_place.put('#');
        }
        CHECK_NOTHROW(file.restore_all()); // nothing released: nothing read back to check
        CHECK_THROWS_WITH(file.check_unchanged(), changed);
    }
    SECTION("another file renamed over the name") {
        BacklogFileText file(dir / "backlog.json", TextUse::rewriting, "backlog.json");
        write_text(dir / "new.json", text);
        fs::rename(dir / "new.json", dir / "backlog.json");
        CHECK_THROWS_WITH(file.check_unchanged(), changed);
    }
}
