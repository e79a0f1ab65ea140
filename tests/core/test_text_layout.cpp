// A file's line ending and byte-order mark: read by the loader, written back by the writer
// (text_layout.hpp), and the loader's diagnoses of files that are not UTF-8 JSON at all.
#include "mbl/error.hpp"
#include "mbl/load.hpp"
#include "mbl/save.hpp"
#include "mbl/store.hpp"
#include "mbl/text_layout.hpp"
#include "support/scratch_files.hpp"

#include <catch2/catch.hpp>
#include <string>

using mbl::test::TempDir;
using mbl::test::write_text;
using namespace mbl;

namespace {

const std::string crlf_text = "{\r\n  \"format\": \"mbl/1\",\r\n  \"name\": \"W\"\r\n}\r\n";

std::string with_crlf(const std::string& text) {
    return in_layout(text, {LineEnding::crlf, false});
}

// The message of the error loading `text` throws ("" when none).
std::string load_error(const std::string& text, std::string_view label = "b.json") {
    try {
        load_backlog(text, label);
    } catch (const Error& error) {
        CHECK(error.status() == ExitStatus::input);
        return error.what();
    }
    return "";
}

Backlog backlog_of(int assets) {
    Backlog backlog;
    backlog.name = "Windows";
    for (int i = 0; i < assets; ++i) {
        Asset asset;
        asset.id = "asset-" + std::to_string(i);
        asset.name = "Asset with a name long enough to fill the pieces " + std::to_string(i);
        asset.tags = {"a", "b"};
        backlog.assets.push_back(asset);
    }
    return backlog;
}

} // namespace

TEST_CASE("the layout is the first line break's, and a byte-order mark", "[layout]") {
    CHECK(detect_text_layout("{\n}\n") == TextLayout{});
    CHECK(detect_text_layout("{}") == TextLayout{});
    CHECK(detect_text_layout("") == TextLayout{});
    CHECK(detect_text_layout("{\r\n}\r\n") == TextLayout{LineEnding::crlf, false});
    CHECK(detect_text_layout("{\r\n}\n") == TextLayout{LineEnding::crlf, false});
    CHECK(detect_text_layout("{\n}\r\n") == TextLayout{LineEnding::lf, false});
    CHECK(detect_text_layout("\xEF\xBB\xBF{}\n") == TextLayout{LineEnding::lf, true});
    CHECK(detect_text_layout("\xEF\xBB\xBF{\r\n") == TextLayout{LineEnding::crlf, true});
}

TEST_CASE("in_layout turns every line break into CRLF and puts the mark first", "[layout]") {
    CHECK(in_layout("{\n  \"a\": \"\\n\"\n}\n", {LineEnding::crlf, false}) ==
          "{\r\n  \"a\": \"\\n\"\r\n}\r\n");
    CHECK(in_layout("{}\n", {LineEnding::lf, true}) == "\xEF\xBB\xBF{}\n");
    CHECK(in_layout("x", {}) == "x");
}

TEST_CASE("a CRLF file or one with a byte-order mark is written back the same way", "[layout]") {
    const std::vector<std::string> texts{
        crlf_text, "\xEF\xBB\xBF" + crlf_text,
        "\xEF\xBB\xBF{\n  \"format\": \"mbl/1\",\n  \"name\": \"W\"\n}\n"};
    for (const std::string& text : texts) {
        CAPTURE(text);
        Backlog backlog = load_backlog_or_throw(text);
        CHECK(backlog.layout == detect_text_layout(text));
        std::string written = to_canonical_text(backlog);
        CHECK(written.substr(0, 3 + 9) == text.substr(0, 3 + 9));
        std::string pieces;
        write_canonical_text(backlog, [&](std::string_view piece) { pieces += piece; });
        CHECK(pieces == written);
        backlog.name = "Changed";
        CHECK(to_canonical_text(load_backlog_or_throw(to_canonical_text(backlog))) ==
              to_canonical_text(backlog));
    }
    Backlog plain = load_backlog_or_throw(crlf_text);
    plain.layout = {};
    CHECK(to_canonical_text(plain).find('\r') == std::string::npos);
}

TEST_CASE("a large CRLF text in pieces is the whole text in CRLF, mark once", "[layout]") {
    Backlog backlog = backlog_of(3000);
    std::string lf = to_canonical_text(backlog);
    backlog.layout = {LineEnding::crlf, true};
    std::string pieces;
    int count = 0;
    write_canonical_text(backlog, [&](std::string_view piece) {
        pieces += piece;
        ++count;
    });
    CHECK(count > 2);
    CHECK(pieces == "\xEF\xBB\xBF" + with_crlf(lf));
    CHECK(to_canonical_text(backlog) == pieces);
}

TEST_CASE("a released CRLF file compares equal to its canonical text", "[layout]") {
    TempDir dir;
    Backlog backlog = backlog_of(20000);
    backlog.layout = {LineEnding::crlf, true};
    std::string text = to_canonical_text(backlog);
    REQUIRE(text.size() > (2u << 20));
    write_text(dir / "backlog.json", text);
    BacklogFileText file(dir / "backlog.json");
    LoadResult loaded = load_backlog(file);
    CHECK(loaded.backlog == backlog);
    PieceComparison comparison(file);
    write_canonical_text(loaded.backlog, [&](std::string_view p) { comparison.add(p); });
    CHECK(comparison.equal());
}

TEST_CASE("UTF-16 and UTF-32 files are named, with the iconv command", "[layout]") {
    auto utf16le = [](std::string_view ascii, bool mark) {
        std::string out = mark ? "\xFF\xFE" : "";
        for (char c : ascii) {
            out += c;
            out += '\0';
        }
        return out;
    };
    std::string json = "{\"format\": \"mbl/1\"}";
    CHECK(load_error(utf16le(json, true)) ==
          "b.json:1:1: the file is UTF-16 text (it starts with a byte-order mark); mbl reads "
          "UTF-8 only. Convert it, for example: iconv -f UTF-16 -t UTF-8 b.json > b.json.utf8 && "
          "mv b.json.utf8 b.json");
    CHECK_THAT(load_error(utf16le(json, false)),
               Catch::Contains("UTF-16 text (without a byte-order mark)") &&
                   Catch::Contains("iconv -f UTF-16LE -t UTF-8"));
    CHECK_THAT(load_error(std::string("\0{\0\"", 4)), Catch::Contains("iconv -f UTF-16BE"));
    CHECK_THAT(load_error(std::string("\xFE\xFF\0{", 4)), Catch::Contains("iconv -f UTF-16 "));
    CHECK_THAT(load_error(std::string("\xFF\xFE\0\0{\0\0\0", 8)),
               Catch::Contains("UTF-32 text") && Catch::Contains("iconv -f UTF-32 "));
    CHECK_THAT(load_error(std::string("{\0\0\0", 4)), Catch::Contains("iconv -f UTF-32LE"));
    CHECK_THAT(load_error(std::string("\0\0\0{", 4)), Catch::Contains("iconv -f UTF-32BE"));
    CHECK_THAT(load_error(utf16le(json, true), "my plan.json"),
               Catch::Contains("iconv -f UTF-16 -t UTF-8 'my plan.json' > 'my plan.json.utf8'"));
}

TEST_CASE("git's conflict markers are an unresolved merge, at the first marker", "[layout]") {
    std::string text = "{\n  \"format\": \"mbl/1\",\n<<<<<<< HEAD\n  \"name\": \"A\"\n=======\n"
                       "  \"name\": \"B\"\n>>>>>>> theirs\n}\n";
    std::string message = load_error(text);
    CHECK_THAT(message, Catch::StartsWith("b.json:3:1: unresolved git merge conflict: the file "
                                          "still holds git's conflict markers (marker "
                                          "'<<<<<<<' on line 3)"));
    CHECK_THAT(message, Catch::Contains("then run 'git add b.json'") &&
                            Catch::Contains("'git checkout --ours b.json' (or --theirs)") &&
                            Catch::Contains("'mbl git setup' and then 'git checkout -m b.json'"));
    // In CRLF, at the very start, several, or only the later markers left.
    CHECK_THAT(load_error(with_crlf(text)), Catch::StartsWith("b.json:3:1: unresolved git merge"));
    CHECK_THAT(load_error("<<<<<<< ours\n{}\n=======\n{}\n>>>>>>> theirs\n"),
               Catch::StartsWith("b.json:1:1: unresolved"));
    CHECK_THAT(load_error(text + text), Catch::Contains("(2 conflicts, the first marker "
                                                        "'<<<<<<<' on line 3)"));
    CHECK_THAT(load_error("{\n  \"format\": \"mbl/1\",\n  \"name\": \"A\"\n=======\n}\n"),
               Catch::StartsWith("b.json:4:1: unresolved git merge conflict") &&
                   Catch::Contains("marker '=======' on line 4"));
    // The same characters inside a string are no marker.
    CHECK_THAT(load_error("{\"format\": \"mbl/1\", \"name\": \"<<<<<<< x\" x}"),
               Catch::StartsWith("b.json:1:41: invalid JSON"));
}
