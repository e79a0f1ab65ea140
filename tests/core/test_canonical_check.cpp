// fmt --check's words: what differs first between a file and its canonical text.
#include "mbl/canonical_check.hpp"
#include "mbl/save.hpp"
#include "mbl/store.hpp"
#include "support/scratch_files.hpp"

#include <catch2/catch.hpp>

using mbl::test::TempDir;
using mbl::test::write_text;
using namespace mbl;

namespace {

const TextLayout lf{};
const TextLayout crlf{LineEnding::crlf, false};

// find_canonical_difference on `text` written to a file and read back as the commands do.
std::optional<CanonicalDifference> difference_of(const std::string& text) {
    TempDir dir;
    write_text(dir / "backlog.json", text);
    BacklogFileText file(dir / "backlog.json");
    Backlog backlog = load_backlog_or_throw(file);
    return find_canonical_difference(file, backlog);
}

std::string replace(std::string text, std::string_view from, std::string_view to) {
    std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

} // namespace

TEST_CASE("line differences are told by kind", "[canonical]") {
    CHECK(describe_line_difference("  \"a\": 1\n", "  \"a\": 1\r\n", 7, crlf) ==
          "line endings: line 7 ends in LF where the file's line ending is CRLF (its first "
          "line's)");
    CHECK(describe_line_difference("  \"a\": 1\r\n", "  \"a\": 1\n", 2, lf) ==
          "line endings: line 2 ends in CRLF where the file's line ending is LF (its first "
          "line's)");
    CHECK(describe_line_difference("}", "}\n", 9, lf) ==
          "no line break at the end of the file (line 9)");
    CHECK(describe_line_difference("\n", "", 10, lf) ==
          "blank lines or spaces after the closing brace, from line 10");
    CHECK(describe_line_difference("    \"a\": 1,\n", "  \"a\": 1,\n", 3, lf) ==
          "indentation at line 3 (4 spaces where mbl writes 2 spaces)");
    CHECK(describe_line_difference("\t\"a\": 1,\n", "  \"a\": 1,\n", 3, lf) ==
          "indentation at line 3 (tabs where mbl writes 2 spaces)");
    CHECK(describe_line_difference("  \"a\": 1, \t\n", "  \"a\": 1,\n", 4, lf) ==
          "spaces at the end of line 4");
    CHECK(describe_line_difference("  \"name\": \"x\",\n", "  \"format\": \"mbl/1\",\n", 2, lf) ==
          "key order at line 2 (\"name\" where mbl writes \"format\")");
    CHECK(describe_line_difference("  \"a\":1,\n", "  \"a\": 1,\n", 5, lf) ==
          "spacing at line 5 (the file has `\"a\":1,` where mbl writes `\"a\": 1,`)");
    CHECK(describe_line_difference("  \"tags\": [\"x\", \"y\"],\n", "  \"tags\": [\n", 6, lf) ==
          "line breaks at line 6 (the file has `\"tags\": [\"x\", \"y\"],` where mbl writes "
          "`\"tags\": [`: one array element or object member a line)");
    CHECK(describe_line_difference("  \"n\": 16.0,\n", "  \"n\": 16,\n", 8, lf) ==
          "line 8: the file has `\"n\": 16.0,` where mbl writes `\"n\": 16,`");
    std::string long_value(100, 'v');
    CHECK(describe_line_difference("  \"n\": \"" + long_value + "\"\n", "  \"n\": 1\n", 8, lf) ==
          "line 8: the file has `\"n\": \"" + std::string(54, 'v') +
              "…` where mbl writes `\"n\": 1`");
}

TEST_CASE("the first difference of a file is found and told", "[canonical]") {
    Backlog backlog;
    backlog.name = "W";
    backlog.assets.resize(2);
    backlog.assets[0].id = "a";
    backlog.assets[1].id = "b";
    std::string canonical = to_canonical_text(backlog);
    CHECK_FALSE(difference_of(canonical));
    std::string crlf_text = in_layout(canonical, crlf);
    CHECK_FALSE(difference_of(crlf_text));
    CHECK_FALSE(difference_of("\xEF\xBB\xBF" + crlf_text));

    auto mixed = difference_of(replace(crlf_text, "\"id\": \"b\",\r\n", "\"id\": \"b\",\n"));
    REQUIRE(mixed);
    CHECK(mixed->what == "line endings: line 25 ends in LF where the file's line ending is CRLF "
                         "(its first line's)");
    auto indented =
        difference_of(replace(canonical, "      \"id\": \"b\"", "       \"id\": \"b\""));
    REQUIRE(indented);
    CHECK(indented->line == 25);
    CHECK(indented->what == "indentation at line 25 (7 spaces where mbl writes 6 spaces)");
    auto unterminated = difference_of(canonical.substr(0, canonical.size() - 1));
    REQUIRE(unterminated);
    CHECK(unterminated->what ==
          "no line break at the end of the file (line " + std::to_string(unterminated->line) + ")");
    auto trailing = difference_of(crlf_text + "\r\n\r\n");
    REQUIRE(trailing);
    CHECK(trailing->what == "blank lines or spaces after the closing brace, from line " +
                                std::to_string(trailing->line));
}
