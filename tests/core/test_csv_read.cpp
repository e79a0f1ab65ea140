// read_csv (csv_read.cpp): RFC 4180 through libcsv, with line numbers and UTF-8 checks.
#include "import_samples.hpp"
#include "mbl/error.hpp"
#include "mbl/import.hpp"
#include "support/error_from.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using mbl::read_csv;
using mbl::test::error_from;
using mbl::test::import_sample;

namespace {

std::string error_of(std::string_view text) {
    mbl::Error error = error_from([&] { read_csv(text, "in.csv"); });
    CHECK(error.status() == mbl::ExitStatus::input);
    return error.what();
}

} // namespace

TEST_CASE("read_csv: quoted commas, doubled quotes and line breaks; lines of each record",
          "[csv]") {
    mbl::CsvTable table = read_csv("a,b,c\n"
                                   "1,\"x, y\",\"say \"\"hi\"\"\"\n"
                                   "2,\"two\nlines\",\n"
                                   "3,z,w\n",
                                   "in.csv");
    REQUIRE(table.header == std::vector<std::string>{"a", "b", "c"});
    CHECK(table.header_line == 1);
    REQUIRE(table.records.size() == 3);
    CHECK(table.records[0].line == 2);
    CHECK(table.records[0].fields == std::vector<std::string>{"1", "x, y", "say \"hi\""});
    CHECK(table.records[1].line == 3);
    CHECK(table.records[1].fields == std::vector<std::string>{"2", "two\nlines", ""});
    CHECK(table.records[2].line == 5); // after the record that spans lines 3 and 4
    CHECK(table.records[2].fields == std::vector<std::string>{"3", "z", "w"});
}

TEST_CASE("read_csv: a byte-order mark, CRLF, blank lines, no final line break", "[csv]") {
    mbl::CsvTable table =
        read_csv("\xEF\xBB\xBFname,cores\r\n\r\nweb-01,4\r\n\r\ndb-01,8", "in.csv");
    CHECK(table.header == std::vector<std::string>{"name", "cores"});
    REQUIRE(table.records.size() == 2);
    CHECK(table.records[0].line == 3);
    CHECK(table.records[0].fields == std::vector<std::string>{"web-01", "4"});
    CHECK(table.records[1].line == 5);
    CHECK(table.records[1].fields == std::vector<std::string>{"db-01", "8"});
}

TEST_CASE("read_csv: records ended by a lone CR are numbered by the line they are on", "[csv]") {
    mbl::CsvTable table = read_csv("a,b\r1,2\r3,4\n5,6\r", "in.csv");
    CHECK(table.header == std::vector<std::string>{"a", "b"});
    REQUIRE(table.records.size() == 3);
    CHECK(table.records[0].line == 1);
    CHECK(table.records[1].line == 1);
    CHECK(table.records[2].line == 2);
    CHECK(table.records[2].fields == std::vector<std::string>{"5", "6"});
}

TEST_CASE("read_csv keeps spaces around unquoted fields and pads short records", "[csv]") {
    mbl::CsvTable table = read_csv("a,b,c\n x ,\" y \"\n", "in.csv");
    REQUIRE(table.records.size() == 1);
    CHECK(table.records[0].fields == std::vector<std::string>{" x ", " y ", ""});
}

TEST_CASE("read_csv refuses malformed CSV with the file and line", "[csv]") {
    CHECK_THAT(error_of("a,b\n1,2\n3,x\"y\n"),
               StartsWith("in.csv:3: malformed CSV at column 4: a quote inside an unquoted field"));
    CHECK_THAT(error_of("a,b\n1,\"x\"y\n"), StartsWith("in.csv:2: malformed CSV at column 6"));
    CHECK_THAT(error_of("a,b\n1,2\n3,\"open\nstill open\n"),
               StartsWith("in.csv:3: a quoted field is not closed by the end of the file"));
    CHECK_THAT(error_of("a,b\n1,2,3\n"),
               StartsWith("in.csv:2: 3 fields, but the header has 2 columns"));
    CHECK_THAT(error_of("a,,c\n"), StartsWith("in.csv:1: column 2 of the header is empty"));
    CHECK_THAT(error_of(""), StartsWith("in.csv: the file is empty"));
    CHECK_THAT(error_of("\xEF\xBB\xBF\r\n\r\n"), StartsWith("in.csv: the file is empty"));
}

TEST_CASE("read_csv refuses text that is not UTF-8 at its line", "[csv]") {
    CHECK_THAT(error_of("a,b\n1,2\nZ\xFCrich,3\n"), StartsWith("in.csv:3: not UTF-8 text"));
    CHECK_THAT(error_of("a,b\n1,\"\xC3\n\xBC\"\n"), StartsWith("in.csv:2: not UTF-8 text"));
    CHECK_THAT(error_of("a,b\n1,\xED\xA0\x80\n"), StartsWith("in.csv:2: not UTF-8 text"));
}

TEST_CASE("read_csv reads the sample exports", "[csv]") {
    mbl::CsvTable azure = read_csv(import_sample("azure-migrate-servers.csv"), "servers.csv");
    CHECK(azure.header.front() == "*Server name"); // the byte-order mark is not in the name
    CHECK(azure.header.size() == 27);
    REQUIRE(azure.records.size() == 6);
    CHECK(azure.records[1].fields[0] == "CRM-WEB-01");
    CHECK(azure.records[2].fields[0] == "web \"legacy\" 02");
    CHECK(azure.records[2].fields[4] == "Red Hat Enterprise Linux 8\r\n(Ootpa)");
    CHECK(azure.records[3].line == 6);

    mbl::CsvTable rvtools = read_csv(import_sample("rvtools-vinfo.csv"), "vInfo.csv");
    CHECK(rvtools.header.front() == "VM");
    REQUIRE(rvtools.records.size() == 4);
    CHECK(rvtools.records[0].fields[24] ==
          "Owner: CRM team\nPatch window: Sun 02:00, \"critical\"");
    CHECK(rvtools.records[1].line == 4);

    CHECK_THAT(error_of(import_sample("malformed-quote.csv")),
               StartsWith("in.csv:5: malformed CSV"));
    CHECK_THAT(error_of(import_sample("not-utf8.csv")), StartsWith("in.csv:3: not UTF-8 text"));
}

// ---- How spreadsheets save CSV: encodings, delimiters, what was detected ---------------------

namespace {

// `text` (ASCII and Latin-1 letters only) as UTF-16 with a byte-order mark.
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

std::string error_of(std::string_view text, const mbl::CsvReadOptions& options) {
    mbl::Error error = error_from([&] { read_csv(text, "in.csv", options); });
    CHECK(error.status() == mbl::ExitStatus::input);
    return error.what();
}

} // namespace

TEST_CASE("read_csv detects the delimiter from the header line", "[csv]") {
    mbl::CsvTable semicolons = read_csv("VM;Memory;Note\nweb;12.288;\"a;b, c\"\n", "in.csv");
    CHECK(semicolons.dialect.delimiter == ';');
    CHECK(semicolons.dialect.decimal == mbl::DecimalMark::comma);
    CHECK_FALSE(semicolons.dialect.delimiter_forced);
    CHECK(semicolons.records[0].fields == std::vector<std::string>{"web", "12.288", "a;b, c"});

    mbl::CsvTable tabs = read_csv("VM\tMemory\tNote\nweb\t12,288\ta, b\n", "in.csv");
    CHECK(tabs.dialect.delimiter == '\t');
    CHECK(tabs.dialect.decimal == mbl::DecimalMark::point);
    CHECK(tabs.records[0].fields == std::vector<std::string>{"web", "12,288", "a, b"});

    // quoted delimiters in the header do not count: 2 ',' outside quotes against 1 ';' inside
    mbl::CsvTable quoted = read_csv("\"a;b\",c,d\n1,2,3\n", "in.csv");
    CHECK(quoted.dialect.delimiter == ',');
    CHECK(quoted.header == std::vector<std::string>{"a;b", "c", "d"});

    // one column: no delimiter at all, read as ','
    mbl::CsvTable single = read_csv("\n\nVM\nweb;01\n", "in.csv");
    CHECK(single.dialect.delimiter == ',');
    CHECK(single.records[0].fields == std::vector<std::string>{"web;01"});

    // the most frequent wins
    CHECK(read_csv("a;b;c,d\n", "in.csv").dialect.delimiter == ';');
}

TEST_CASE("read_csv refuses a tie between delimiters and takes --delimiter and sep=", "[csv]") {
    CHECK(error_of("\na;b,c\n1;2,3\n") ==
          "in.csv:2: the header line (UTF-8) has as many ',' as ';' outside quotes, so the "
          "delimiter is unclear; pass --delimiter ,");
    mbl::CsvReadOptions forced;
    forced.delimiter = ';';
    mbl::CsvTable table = read_csv("a;b,c\n1;2,3\n", "in.csv", forced);
    CHECK(table.header == std::vector<std::string>{"a", "b,c"});
    CHECK(table.dialect.delimiter_forced);

    forced.delimiter = '|';
    CHECK(read_csv("a|b;c;d\n1|2\n", "in.csv", forced).records[0].fields ==
          std::vector<std::string>{"1", "2"});

    mbl::CsvTable hinted = read_csv("sep=;\r\nVM,x;Memory\r\nweb,1;12.288\r\n", "in.csv");
    CHECK(hinted.dialect.delimiter == ';');
    CHECK(hinted.dialect.delimiter_forced);
    CHECK(hinted.header == std::vector<std::string>{"VM,x", "Memory"});
    CHECK(hinted.header_line == 2);
    CHECK(hinted.records[0].line == 3);

    forced.delimiter = '"';
    mbl::Error error = error_from([&] { read_csv("a\n", "in.csv", forced); });
    CHECK(error.status() == mbl::ExitStatus::usage);
}

TEST_CASE("read_csv errors say how the file was read", "[csv]") {
    CHECK(error_of("a;b\n1;2;3\n") ==
          "in.csv:2: 3 fields, but the header has 2 columns; quote fields that hold ';', or pass "
          "--delimiter if it is not the delimiter (read as ';'-separated UTF-8, decimal comma)");
    CHECK_THAT(error_of("a\tb\n1\tx\"y\n"),
               Contains("(read as tab-separated UTF-8, decimal point)"));
    mbl::CsvReadOptions latin;
    latin.encoding = "cp1252";
    CHECK_THAT(error_of("a,b\n1,\"x\"y\n", latin),
               Contains("(read as ','-separated Windows-1252, decimal point)"));
}

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

TEST_CASE("parse_delimiter, parse_encoding_name and describe_dialect", "[csv]") {
    CHECK(mbl::parse_delimiter(",") == ',');
    CHECK(mbl::parse_delimiter(";") == ';');
    CHECK(mbl::parse_delimiter("|") == '|');
    CHECK(mbl::parse_delimiter("tab") == '\t');
    CHECK(mbl::parse_delimiter("\\t") == '\t');
    CHECK(mbl::parse_delimiter("\t") == '\t');
    CHECK_FALSE(mbl::parse_delimiter(":"));
    CHECK_FALSE(mbl::parse_delimiter(",,"));
    CHECK_FALSE(mbl::parse_delimiter(""));

    CHECK(mbl::parse_encoding_name("cp1252") == "Windows-1252");
    CHECK(mbl::parse_encoding_name("Windows-1252") == "Windows-1252");
    CHECK(mbl::parse_encoding_name("LATIN1") == "ISO-8859-1");
    CHECK(mbl::parse_encoding_name("latin9") == "ISO-8859-15");
    CHECK(mbl::parse_encoding_name("utf8") == "UTF-8");
    CHECK_FALSE(mbl::parse_encoding_name("utf-16"));
    CHECK_FALSE(mbl::parse_encoding_name(""));

    mbl::CsvDialect dialect;
    CHECK(mbl::describe_dialect(dialect) == "','-separated UTF-8, decimal point");
    dialect.delimiter = '\t';
    dialect.encoding = "UTF-16LE";
    dialect.decimal = mbl::DecimalMark::comma;
    CHECK(mbl::describe_dialect(dialect) == "tab-separated UTF-16LE, decimal comma");
}

TEST_CASE("read_csv reads the four forms Excel saves the same sheet in alike", "[csv]") {
    mbl::CsvTable en = read_csv(import_sample("rvtools-vinfo-excel-en.csv"), "en.csv");
    CHECK(mbl::describe_dialect(en.dialect) == "','-separated UTF-8 with BOM, decimal point");
    mbl::CsvTable de = read_csv(import_sample("rvtools-vinfo-excel-de.csv"), "de.csv");
    CHECK(mbl::describe_dialect(de.dialect) == "';'-separated UTF-8 with BOM, decimal comma");
    mbl::CsvTable unicode = read_csv(import_sample("rvtools-vinfo-unicode.txt"), "u.txt");
    CHECK(mbl::describe_dialect(unicode.dialect) == "tab-separated UTF-16LE, decimal point");
    mbl::CsvReadOptions cp1252;
    cp1252.encoding = "windows-1252";
    mbl::CsvTable ansi = read_csv(import_sample("rvtools-vinfo-excel-1252.csv"), "a.csv", cp1252);
    CHECK(mbl::describe_dialect(ansi.dialect) == "','-separated Windows-1252, decimal point");

    for (const mbl::CsvTable* table : {&de, &unicode, &ansi}) {
        CHECK(table->header == en.header);
        REQUIRE(table->records.size() == en.records.size());
        for (std::size_t i = 0; i < en.records.size(); ++i) {
            CHECK(table->records[i].line == en.records[i].line);
            CHECK(table->records[i].fields[0] == en.records[i].fields[0]);   // VM
            CHECK(table->records[i].fields[12] == en.records[i].fields[12]); // Annotation
        }
    }
    CHECK(en.records[0].fields[0] == "M\xC3\xBCller-App-01");
    CHECK(en.records[0].fields[5] == "12,288");
    CHECK(de.records[0].fields[5] == "12.288");
}
