// The encodings of a CSV file (text_encoding.cpp), through read_csv: UTF-16 by its byte-order
// mark, single-byte code pages with --encoding, and the refusals that name the line.
#include "mbl/error.hpp"
#include "mbl/import.hpp"
#include "support/error_from.hpp"

#include <catch2/catch.hpp>

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using mbl::read_csv;
using mbl::test::error_from;

namespace {

// `text` as UTF-16 bytes (each char16_t one code unit) after a byte-order mark.
std::string utf16(std::u16string_view text, bool big_endian) {
    std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
    for (char16_t unit : text) {
        char high = static_cast<char>(unit >> 8);
        char low = static_cast<char>(unit & 0xFF);
        out += big_endian ? high : low;
        out += big_endian ? low : high;
    }
    return out;
}

std::string error_of(std::string_view text, const mbl::CsvReadOptions& options = {}) {
    mbl::Error error = error_from([&] { read_csv(text, "in.csv", options); });
    CHECK(error.status() == mbl::ExitStatus::input);
    return error.what();
}

} // namespace

TEST_CASE("read_csv reads UTF-16 with a byte-order mark, little and big endian", "[csv]") {
    for (bool big_endian : {false, true}) {
        std::string text = utf16(u"VM\tMemory\r\nM\u00FCller\t12,288\r\n", big_endian);
        mbl::CsvTable table = read_csv(text, "in.csv");
        CHECK(table.dialect.encoding == (big_endian ? "UTF-16BE" : "UTF-16LE"));
        CHECK(table.dialect.delimiter == '\t');
        CHECK(table.records[0].fields == std::vector<std::string>{"M\xC3\xBCller", "12,288"});
        CHECK(table.records[0].line == 2);
    }
    // a surrogate pair is one character outside the BMP (U+1F680, 4 bytes of UTF-8)
    CHECK(read_csv(utf16(u"a\n\U0001F680\n", false), "in.csv").records[0].fields[0] ==
          "\xF0\x9F\x9A\x80");
    // a character of 3 UTF-8 bytes (U+20AC)
    CHECK(read_csv(utf16(u"a\n\u20AC\n", true), "in.csv").records[0].fields[0] == "\xE2\x82\xAC");
}

TEST_CASE("read_csv refuses broken UTF-16 at its line", "[csv]") {
    std::string lone_high = utf16(u"a\nb\n", false);
    lone_high += "\x3D\xD8"
                 "x\x00"; // U+D83D, then 'x'
    CHECK_THAT(error_of(lone_high),
               StartsWith("in.csv:3: a lone UTF-16 surrogate (0xD83D) in this UTF-16LE file"));
    std::string lone_low = utf16(u"a\n", true) + std::string("\xDC\x00", 2);
    CHECK_THAT(error_of(lone_low), StartsWith("in.csv:2: a lone UTF-16 surrogate (0xDC00)"));
    std::string high_at_end = utf16(u"a\n", false) + "\x3D\xD8";
    CHECK_THAT(error_of(high_at_end), StartsWith("in.csv:2: a lone UTF-16 surrogate"));
    CHECK_THAT(error_of(utf16(u"a\nb", false) + "x"),
               StartsWith("in.csv:2: the UTF-16LE file ends in the middle of a character"));
    CHECK_THAT(error_of(std::string("a\0,\0b\0\n\0", 8)),
               StartsWith("in.csv:1: the header line holds NUL bytes: this looks like UTF-16"));
}

TEST_CASE("read_csv reads a single-byte code page with --encoding", "[csv]") {
    mbl::CsvReadOptions options;
    options.encoding = "windows-1252";
    mbl::CsvTable table = read_csv("VM,Note\nM\xFCller,\x80 5 \x96 Caf\xE9\n", "in.csv", options);
    CHECK(table.dialect.encoding == "Windows-1252");
    CHECK(table.records[0].fields ==
          std::vector<std::string>{"M\xC3\xBCller", "\xE2\x82\xAC 5 \xE2\x80\x93 Caf\xC3\xA9"});

    options.encoding = "latin1";
    CHECK(read_csv("a\n\xFC\n", "in.csv", options).records[0].fields[0] == "\xC3\xBC");
    CHECK(read_csv("a\n\xFC\n", "in.csv", options).dialect.encoding == "ISO-8859-1");

    options.encoding = "CP1252";
    CHECK_THAT(error_of("a\nb\n\x81\n", options),
               StartsWith("in.csv:3: byte 0x81 is not a character in Windows-1252"));
}

TEST_CASE("read_csv refuses --encoding on a file that is UTF-8 or UTF-16", "[csv]") {
    mbl::CsvReadOptions options;
    options.encoding = "windows-1252";
    CHECK(error_of("a\nM\xC3\xBCller\n", options) ==
          "in.csv:2: --encoding Windows-1252, but the file is valid UTF-8 with non-ASCII text on "
          "this line (reading it as Windows-1252 would garble it); leave out --encoding");
    CHECK_THAT(error_of("\xEF\xBB\xBF"
                        "a\n",
                        options),
               Contains("starts with a UTF-8 byte-order mark: it is UTF-8; leave out --encoding"));
    CHECK_THAT(error_of(utf16(u"a\n", false), options),
               Contains("starts with a UTF-16LE byte-order mark"));
    // ASCII is the same in every code page: accepted
    CHECK(read_csv("a,b\n1,2\n", "in.csv", options).records.size() == 1);

    options.encoding = "ebcdic";
    mbl::Error unknown = error_from([&] { read_csv("a\n", "in.csv", options); });
    CHECK(unknown.status() == mbl::ExitStatus::usage);
    CHECK_THAT(unknown.what(), Contains("windows-1252 (cp1252), iso-8859-1 (latin1)"));
}

TEST_CASE("read_csv says how to read text that is not UTF-8", "[csv]") {
    CHECK(error_of("a,b\n1,2\nZ\xFCrich,3\n") ==
          "in.csv:3: not UTF-8 text (no byte-order mark, so read as UTF-8); if it was saved by "
          "Excel as 'CSV (Comma delimited)', pass --encoding windows-1252 (or the file's code "
          "page), or save it as 'CSV UTF-8 (Comma delimited)'");
}

TEST_CASE("parse_encoding_name and accepted_encoding_names", "[csv]") {
    CHECK(mbl::parse_encoding_name("cp1252") == "Windows-1252");
    CHECK(mbl::parse_encoding_name("Windows-1252") == "Windows-1252");
    CHECK(mbl::parse_encoding_name("LATIN1") == "ISO-8859-1");
    CHECK(mbl::parse_encoding_name("latin9") == "ISO-8859-15");
    CHECK(mbl::parse_encoding_name("utf8") == "UTF-8");
    CHECK_FALSE(mbl::parse_encoding_name("utf-16"));
    CHECK_FALSE(mbl::parse_encoding_name(""));

    CHECK(mbl::accepted_encoding_names().starts_with("windows-1252 (cp1252)"));
}
