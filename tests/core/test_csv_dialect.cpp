// The delimiter of a CSV file (csv_dialect.cpp), through read_csv: detected from the header
// line, forced, or set by a `sep=` line; and how a dialect is described in messages.
#include "mbl/error.hpp"
#include "mbl/import.hpp"
#include "support/error_from.hpp"

#include <catch2/catch.hpp>

using Catch::Matchers::Contains;
using mbl::read_csv;
using mbl::test::error_from;

namespace {

std::string error_of(std::string_view text, const mbl::CsvReadOptions& options = {}) {
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

TEST_CASE("parse_delimiter and describe_dialect", "[csv]") {
    CHECK(mbl::parse_delimiter(",") == ',');
    CHECK(mbl::parse_delimiter(";") == ';');
    CHECK(mbl::parse_delimiter("|") == '|');
    CHECK(mbl::parse_delimiter("tab") == '\t');
    CHECK(mbl::parse_delimiter("\\t") == '\t');
    CHECK(mbl::parse_delimiter("\t") == '\t');
    CHECK_FALSE(mbl::parse_delimiter(":"));
    CHECK_FALSE(mbl::parse_delimiter(",,"));
    CHECK_FALSE(mbl::parse_delimiter(""));

    mbl::CsvDialect dialect;
    CHECK(mbl::describe_dialect(dialect) == "','-separated UTF-8, decimal point");
    dialect.delimiter = '\t';
    dialect.encoding = "UTF-16LE";
    dialect.decimal = mbl::DecimalMark::comma;
    CHECK(mbl::describe_dialect(dialect) == "tab-separated UTF-16LE, decimal comma");
}
