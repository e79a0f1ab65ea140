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

TEST_CASE("open_csv gives the header first, then one record per call, and again after restart",
          "[csv]") {
    // Lone CRs put two records on one line; a quoted field spans lines 3 and 4.
    std::string text = "a,b\r1,2\n3,\"x\ny\"\r4\n\n5,6";
    std::unique_ptr<mbl::TableReader> reader = mbl::open_csv(text, "in.csv");
    CHECK(reader->header() == std::vector<std::string>{"a", "b"});
    CHECK(reader->header_line() == 1);
    CHECK(reader->dialect().delimiter == ',');
    using Row = std::pair<std::size_t, std::vector<std::string>>;
    std::vector<Row> expected{{1, {"1", "2"}}, {2, {"3", "x\ny"}}, {3, {"4", ""}}, {5, {"5", "6"}}};
    for (int pass = 0; pass < 2; ++pass) {
        std::vector<Row> rows;
        mbl::CsvRecord record;
        while (reader->next(record)) {
            rows.emplace_back(record.line, record.fields);
        }
        CHECK(rows == expected);
        CHECK_FALSE(reader->next(record)); // stays at the end
        reader->restart();
    }
}

TEST_CASE("open_csv refuses the header when opened, a record when it reaches it", "[csv]") {
    CHECK_THAT(mbl::test::error_from([] { mbl::open_csv("a,,c\n1,2,3\n", "in.csv"); }).what(),
               StartsWith("in.csv:1: column 2 of the header is empty"));
    std::string text = "a,b\n1,2\n3,4,5\n";
    std::unique_ptr<mbl::TableReader> reader = mbl::open_csv(text, "in.csv");
    mbl::CsvRecord record;
    REQUIRE(reader->next(record)); // the good record comes before the bad one is read
    CHECK(record.fields == std::vector<std::string>{"1", "2"});
    mbl::Error error = mbl::test::error_from([&] { reader->next(record); });
    CHECK_THAT(error.what(), StartsWith("in.csv:3: 3 fields, but the header has 2 columns"));
}

TEST_CASE("CsvTableReader gives a table's records, and read_table collects them back", "[csv]") {
    mbl::CsvTable table = read_csv("a,b\n1,2\n3,4\n", "in.csv");
    mbl::CsvTableReader reader(table);
    CHECK(reader.header() == table.header);
    mbl::CsvTable again = mbl::read_table(reader);
    CHECK(again.records.size() == 2);
    CHECK(again.records[1].line == 3);
    CHECK(again.records[1].fields == table.records[1].fields);
    mbl::CsvRecord record;
    CHECK_FALSE(reader.next(record));
    reader.restart();
    REQUIRE(reader.next(record));
    CHECK(record.fields == table.records[0].fields);
}
