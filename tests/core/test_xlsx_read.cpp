// The .xlsx reader (xlsx.hpp, xlsx_*.cpp) on workbooks built in the test: cell types, dates,
// sparse rows, sheet choice, and hostile workbooks.
#include "import_samples.hpp"
#include "mbl/error.hpp"
#include "mbl/xlsx.hpp"
#include "support/error_from.hpp"
#include "support/xlsx_workbook.hpp"

#include <catch2/catch.hpp>

using Catch::Matchers::Contains;
using namespace mbl;
using namespace mbl::test;
using mbl::test::import_sample;

namespace {

using Fields = std::vector<std::string>;

// General (0), a date (14), a custom date and time, #,##0 (3, as RVTools formats numbers).
const std::string styles =
    "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd hh:mm\"/></numFmts>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
    "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"164\"/><xf numFmtId=\"3\"/></cellXfs>";

WorkbookXml one_sheet(std::string rows, std::string name = "vInfo") {
    WorkbookXml workbook;
    workbook.sheets.push_back({std::move(name), std::move(rows)});
    return workbook;
}

CsvTable read(const WorkbookXml& workbook, std::string_view sheet = "vInfo",
              const XlsxLimits& limits = {}) {
    return read_xlsx_sheet(workbook_bytes(workbook), sheet, "in.xlsx", limits);
}

std::string error_of(const std::string& bytes, std::string_view sheet = "vInfo",
                     const XlsxLimits& limits = {}) {
    Error error = error_from([&] { read_xlsx_sheet(bytes, sheet, "in.xlsx", limits); });
    CHECK(error.status() == ExitStatus::input);
    return error.what();
}

std::string header_row() {
    return row_xml(1, inline_cell("A1", "VM") + inline_cell("B1", "CPUs"));
}

} // namespace

TEST_CASE("read_xlsx_sheet: each cell type as the text Excel shows", "[xlsx]") {
    WorkbookXml workbook = one_sheet(
        row_xml(1, "<c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>" +
                       inline_cell("C1", "Memory") + inline_cell("D1", "Template") +
                       inline_cell("E1", "Formula") + inline_cell("F1", "Error")) +
        row_xml(2, "<c r=\"A2\" t=\"s\"><v>2</v></c>" + number_cell("B2", "8") +
                       number_cell("C2", "12288", 3) + "<c r=\"D2\" t=\"b\"><v>1</v></c>" +
                       "<c r=\"E2\" t=\"str\"><f>A2&amp;\"x\"</f><v>web-01x</v></c>" +
                       "<c r=\"F2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>") +
        row_xml(3, inline_cell("A3", "db & <core>_x000D__x005F_x0041_") +
                       number_cell("B3", "1024.5") + number_cell("C3", "1.5E-7") +
                       "<c r=\"D3\" t=\"b\"><v>0</v></c>" +
                       "<c r=\"E3\"><f>B3*2</f><v>2049</v></c>"));
    workbook.shared_strings = {"<t>VM</t>", "<t>C_x0050_Us</t>",
                               "<r><rPr><b/></rPr><t>web</t></r><r><t xml:space=\"preserve\">-01"
                               "</t></r><rPh sb=\"0\" eb=\"1\"><t>ウェブ</t></rPh>"};
    workbook.styles = styles;
    CsvTable table = read(workbook);
    CHECK(table.header == Fields{"VM", "CPUs", "Memory", "Template", "Formula", "Error"});
    CHECK(table.header_line == 1);
    REQUIRE(table.records.size() == 2);
    CHECK(table.records[0].line == 2);
    CHECK(table.records[0].fields == Fields{"web-01", "8", "12288", "True", "web-01x", "#DIV/0!"});
    CHECK(table.records[1].fields ==
          Fields{"db & <core>\r_x0041_", "1024.5", "1.5e-07", "False", "2049", ""});
}

TEST_CASE("read_xlsx_sheet: serial numbers in date-formatted cells become dates", "[xlsx]") {
    std::string rows =
        row_xml(1, inline_cell("A1", "Created") + inline_cell("B1", "Seen")) +
        row_xml(2, number_cell("A2", "45000", 1) + number_cell("B2", "45000.5", 2)) +
        row_xml(3, number_cell("A3", "61", 1) + number_cell("B3", "45000", 2)) +
        row_xml(4, number_cell("A4", "59", 1) + number_cell("B4", "45000", 3)) +
        row_xml(5, number_cell("A5", "60", 1) + number_cell("B5", "-3", 1)) +
        row_xml(6, number_cell("A6", "4.9E-324", 1) + number_cell("B6", "1E+300", 2));
    WorkbookXml workbook = one_sheet(rows);
    workbook.styles = styles;
    CsvTable table = read(workbook);
    REQUIRE(table.records.size() == 5);
    CHECK(table.records[0].fields == Fields{"2023-03-15", "2023-03-15 12:00:00"});
    CHECK(table.records[1].fields == Fields{"1900-03-01", "2023-03-15"});
    CHECK(table.records[2].fields == Fields{"1900-02-28", "45000"}); // #,##0 is no date
    CHECK(table.records[3].fields == Fields{"60", "-3"});         // Excel's 1900-02-29; before 1900
    CHECK(table.records[4].fields == Fields{"5e-324", "1e+300"}); // no such days: numbers

    workbook.date1904 = true;
    CHECK(read(workbook).records[0].fields == Fields{"2027-03-16", "2027-03-16 12:00:00"});
}

TEST_CASE("read_xlsx_sheet: sparse rows, missing references, blank rows, header further down",
          "[xlsx]") {
    std::string rows =
        "<row r=\"2\"><c r=\"B2\" s=\"0\"/></row>" + // styled, no value: blank
        row_xml(3, inline_cell("A3", "VM") + inline_cell("B3", "Host") +
                       inline_cell("C3", "Cluster") + inline_cell("D3", "Notes")) +
        row_xml(5, inline_cell("A5", "app-01") + "<c r=\"B5\" t=\"s\"/>" + inline_cell("D5", "x")) +
        "<row><c t=\"inlineStr\"><is><t>app-02</t></is></c><c><v>7</v></c></row>" + // row 6
        "<row r=\"9\"><c r=\"C9\"><v>3</v></c><c><v>4</v></c></row>" +
        "<row r=\"10\"><c r=\"A10\" t=\"inlineStr\"><is><t>app-03</t></is></c></row>";
    CsvTable table = read(one_sheet(rows));
    CHECK(table.header == Fields{"VM", "Host", "Cluster", "Notes"});
    CHECK(table.header_line == 3);
    REQUIRE(table.records.size() == 4);
    CHECK(table.records[0].line == 5);
    CHECK(table.records[0].fields == Fields{"app-01", "", "", "x"});
    CHECK(table.records[1].line == 6);
    CHECK(table.records[1].fields == Fields{"app-02", "7", "", ""});
    CHECK(table.records[2].line == 9);
    CHECK(table.records[2].fields == Fields{"", "", "3", "4"});
    CHECK(table.records[3].fields == Fields{"app-03", "", "", ""});
}

TEST_CASE("read_xlsx_sheet: prefixed elements and Excel's extra markup", "[xlsx]") {
    WorkbookXml workbook = one_sheet("");
    std::vector<ZipEntry> entries = workbook_entries(workbook);
    for (ZipEntry& entry : entries) {
        if (entry.name == "xl/worksheets/sheet1.xml") {
            entry.data = "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/"
                         "2006/main\"><x:dimension ref=\"A1:B2\"/><x:sheetData>"
                         "<x:row r=\"1\" spans=\"1:2\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>VM"
                         "</x:t></x:is></x:c></x:row><x:row r=\"2\"><x:c r=\"A2\" t=\"inlineStr\">"
                         "<x:is><x:t>db-01</x:t></x:is></x:c></x:row></x:sheetData>"
                         "<x:pageMargins left=\"0.7\"/></x:worksheet>";
        }
    }
    CsvTable table = read_xlsx_sheet(zip_archive(entries), "vInfo", "in.xlsx");
    REQUIRE(table.records.size() == 1);
    CHECK(table.records[0].fields == Fields{"db-01"});
}

TEST_CASE("xlsx_sheet_names and choose_sheet: --sheet, the preset's sheet, a known one, the first",
          "[xlsx]") {
    WorkbookXml workbook;
    workbook.sheets = {{"Summary", ""}, {"vDisk", ""}, {"vInfo", ""}, {"vNetwork", ""}};
    std::vector<std::string> sheets = xlsx_sheet_names(workbook_bytes(workbook), "in.xlsx");
    CHECK(sheets == Fields{"Summary", "vDisk", "vInfo", "vNetwork"});

    CHECK(choose_sheet(sheets, std::string("vDisk"), "rvtools", "in.xlsx") == "vDisk");
    CHECK(choose_sheet(sheets, std::string("VNETWORK"), "", "in.xlsx") == "vNetwork");
    CHECK(choose_sheet(sheets, std::nullopt, "rvtools", "in.xlsx") == "vInfo");
    CHECK(choose_sheet(sheets, std::nullopt, "generic", "in.xlsx") == "vInfo");
    CHECK(choose_sheet({"Export", "All_Assessed_Machines"}, std::nullopt, "", "in.xlsx") ==
          "All_Assessed_Machines");
    CHECK(choose_sheet({"Sheet1", "Sheet2"}, std::nullopt, "generic", "in.xlsx") == "Sheet1");
    CHECK(preset_sheet("azure-migrate-assessment") == "All_Assessed_Machines");
    CHECK_FALSE(preset_sheet("azure-migrate"));

    Error missing = error_from([&] { choose_sheet(sheets, std::string("vHost"), "", "in.xlsx"); });
    CHECK(missing.status() == ExitStatus::input);
    CHECK_THAT(missing.what(), Contains("in.xlsx: no sheet 'vHost'; the workbook's sheets: "
                                        "'Summary', 'vDisk', 'vInfo', 'vNetwork'; choose one "
                                        "with --sheet NAME"));
    Error preset =
        error_from([&] { choose_sheet({"Sheet1"}, std::nullopt, "rvtools", "in.xlsx"); });
    CHECK_THAT(preset.what(), Contains("no sheet 'vInfo' (the rvtools preset reads it)"));
}

TEST_CASE("sniff_input_kind: a zip is a workbook whatever its name; OLE is an old or encrypted "
          "one",
          "[xlsx]") {
    CHECK(sniff_input_kind(std::string("PK\x03\x04rest", 8)) == InputKind::xlsx);
    CHECK(sniff_input_kind("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1...") == InputKind::ole_binary);
    CHECK(sniff_input_kind("VM,CPUs\n") == InputKind::csv);
    CHECK(sniff_input_kind("") == InputKind::csv);
}

TEST_CASE("read_xlsx_sheet: bad cells are named by sheet and cell", "[xlsx][hostile]") {
    WorkbookXml workbook = one_sheet(
        header_row() + row_xml(2, inline_cell("A2", "x") + "<c r=\"B2\" t=\"s\"><v>7</v></c>"));
    workbook.shared_strings = {"<t>only</t>"};
    CHECK_THAT(
        error_of(workbook_bytes(workbook)),
        Contains("in.xlsx: vInfo!B2: shared string '7' does not exist (the workbook has 1)"));
    CHECK_THAT(error_of(workbook_bytes(
                   one_sheet(header_row() + row_xml(12, number_cell("B12", "12,288"))))),
               Contains("vInfo!B12: '12,288' is not a number"));
    CHECK_THAT(
        error_of(workbook_bytes(one_sheet(header_row() + row_xml(2, number_cell("D2", "1"))))),
        Contains("vInfo!D2: a value right of the header's last column (B1)"));
    CHECK_THAT(error_of(workbook_bytes(
                   one_sheet(row_xml(1, inline_cell("A1", "VM") + inline_cell("C1", "Host"))))),
               Contains("vInfo!B1: this header cell is empty"));
    CHECK_THAT(error_of(workbook_bytes(one_sheet(header_row() + row_xml(3, "") + row_xml(2, "")))),
               Contains("vInfo!2:2: rows out of order"));
    CHECK_THAT(error_of(workbook_bytes(
                   one_sheet(row_xml(1, number_cell("B1", "1") + number_cell("A1", "2"))))),
               Contains("vInfo!A1: cells out of order"));
    CHECK_THAT(error_of(workbook_bytes(one_sheet("<row r=\"4\"/>"))),
               Contains("in.xlsx: sheet 'vInfo' has no values"));
    CHECK_THAT(error_of(workbook_bytes(one_sheet(header_row())), "vHost"),
               Contains("in.xlsx: no sheet 'vHost'; the workbook's sheets: 'vInfo'"));
}

TEST_CASE("read_xlsx_sheet: a DOCTYPE is refused, so entities never expand", "[xlsx][hostile]") {
    std::vector<ZipEntry> entries = workbook_entries(one_sheet(header_row()));
    std::string laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                         "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>";
    entries[4].data = laughs + "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol2;</t>"
                               "</is></c></row></sheetData></worksheet>";
    REQUIRE(entries[4].name == "xl/worksheets/sheet1.xml");
    CHECK_THAT(error_of(zip_archive(entries)),
               Contains("in.xlsx: xl/worksheets/sheet1.xml: has a DOCTYPE (refused"));

    entries = workbook_entries(one_sheet(header_row()));
    entries[2].data = "<!DOCTYPE workbook SYSTEM \"file:///etc/passwd\"><workbook/>";
    REQUIRE(entries[2].name == "xl/workbook.xml");
    CHECK_THAT(error_of(zip_archive(entries)), Contains("xl/workbook.xml: has a DOCTYPE"));

    entries = workbook_entries(one_sheet(header_row()));
    entries[4].data = "<worksheet><sheetData><row>";
    CHECK_THAT(error_of(zip_archive(entries)),
               Contains("xl/worksheets/sheet1.xml: malformed XML at line 1"));
}

TEST_CASE("read_xlsx_sheet: relationships outside the archive, missing parts, not a zip",
          "[xlsx][hostile]") {
    std::vector<ZipEntry> entries = workbook_entries(one_sheet(header_row()));
    REQUIRE(entries[3].name == "xl/_rels/workbook.xml.rels");
    std::string rels = entries[3].data;
    entries[3].data.replace(rels.find("worksheets/sheet1.xml"), 21, "../../etc/passwd");
    CHECK_THAT(error_of(zip_archive(entries)),
               Contains("in.xlsx: xl/_rels/workbook.xml.rels: relationship rId1 points outside "
                        "the archive ('../../etc/passwd')"));

    entries[3].data = rels;
    entries[3].data.replace(rels.find("worksheets/sheet1.xml"), 21, "worksheets/../../xl/x.xml");
    CHECK_THAT(error_of(zip_archive(entries)),
               Contains("in.xlsx: xl/x.xml: missing from the workbook"));

    entries[3].data = rels;
    entries.erase(entries.begin() + 4);
    CHECK_THAT(error_of(zip_archive(entries)),
               Contains("in.xlsx: xl/worksheets/sheet1.xml: missing from the workbook"));

    entries.erase(entries.begin() + 2);
    CHECK_THAT(error_of(zip_archive(entries)), Contains("xl/workbook.xml: missing"));

    std::string damaged = workbook_bytes(one_sheet(header_row()));
    damaged.resize(damaged.size() / 2);
    CHECK_THAT(error_of(damaged), Contains("in.xlsx: not a readable .xlsx workbook (a damaged zip "
                                           "archive"));
}

TEST_CASE("read_xlsx_sheet: zip bombs are refused by declared and by actual size",
          "[xlsx][hostile]") {
    std::string rows = header_row();
    for (int row = 2; row < 40000; ++row) {
        rows += row_xml(row, inline_cell("A" + std::to_string(row), "a"));
    }
    std::string bytes = workbook_bytes(one_sheet(rows)); // ~2.4 MB inflated, deflates ~20:1
    XlsxLimits limits;
    CHECK(read_xlsx_sheet(bytes, "vInfo", "in.xlsx", limits).records.size() == 39998);

    limits.max_part_bytes = 1 << 20;
    CHECK_THAT(error_of(bytes, "vInfo", limits),
               Contains("in.xlsx: xl/worksheets/sheet1.xml: declares"));
    CHECK_THAT(
        error_of(with_declared_size(bytes, "xl/worksheets/sheet1.xml", 1000), "vInfo", limits),
        Contains("xl/worksheets/sheet1.xml: inflates to more than"));

    limits = {};
    limits.max_compression_ratio = 5;
    CHECK_THAT(error_of(bytes, "vInfo", limits), Contains("and 5:1 compression"));

    limits = {};
    limits.max_cells = 1000;
    CHECK_THAT(error_of(bytes, "vInfo", limits), Contains("more than 1000 cells"));

    std::string lying = with_declared_size(bytes, "xl/worksheets/sheet1.xml", 3000000000u);
    CHECK_THAT(error_of(lying), Contains("declares 3000000000 bytes"));
}

TEST_CASE("read_xlsx_sheet: shared-string tables over their limits", "[xlsx][hostile]") {
    WorkbookXml workbook = one_sheet(header_row());
    workbook.shared_strings.assign(50, "<t>0123456789</t>");
    XlsxLimits limits;
    CHECK(read(workbook, "vInfo", limits).header.size() == 2);
    limits.max_shared_strings = 49;
    CHECK_THAT(error_of(workbook_bytes(workbook), "vInfo", limits),
               Contains("xl/sharedStrings.xml: more than 49 shared strings"));
    limits = {};
    limits.max_shared_string_bytes = 400;
    CHECK_THAT(error_of(workbook_bytes(workbook), "vInfo", limits),
               Contains("xl/sharedStrings.xml: shared strings of more than 400 bytes"));
}

TEST_CASE("read_xlsx_sheet: a workbook Excel saved (a real RVTools export, trimmed)", "[xlsx]") {
    std::string bytes = import_sample("rvtools-excel-3x.xlsx");
    CHECK(xlsx_sheet_names(bytes, "real.xlsx") ==
          Fields{"vInfo", "vNetwork", "vPartition", "vHost"});
    CsvTable table = read_xlsx_sheet(bytes, "vInfo", "real.xlsx");
    CHECK(table.header == Fields{"VM", "Powerstate", "Template", "CPUs", "Memory", "NICs", "Disks",
                                 "Provisioned MB", "In Use MB", "Datacenter", "Cluster", "Host",
                                 "OS according to the configuration file",
                                 "OS according to the VMware Tools"});
    REQUIRE(table.records.size() == 8); // the styled empty rows 3502-3504 left out
    CHECK(table.records.back().line == 9);
    CHECK(table.records[4].fields == Fields{"vm-05", "poweredOn", "False", "4", "24576", "1", "2",
                                            "270524", "250518", "Datacenter1", "Cluster1",
                                            "esx-03.example.com",
                                            "Microsoft Windows Server 2008 R2 (64-bit)",
                                            "Microsoft Windows Server 2008 R2 (64-bit)"});
    CsvTable host = read_xlsx_sheet(bytes, "vHost", "real.xlsx");
    CHECK(host.records[0].fields[18] == "0.5"); // VMs per Core
}

TEST_CASE("open_xlsx_sheet: the header when opened, rows one at a time, again after restart",
          "[xlsx]") {
    std::string rows = header_row();
    for (int row = 2; row <= 2001; ++row) { // more than one piece of inflated XML
        rows += row_xml(row, inline_cell("A" + std::to_string(row), "vm-" + std::to_string(row)) +
                                 "<c r=\"B" + std::to_string(row) + "\"><v>4</v></c>");
    }
    std::string bytes = workbook_bytes(one_sheet(rows));
    std::unique_ptr<TableReader> reader = open_xlsx_sheet(bytes, "vInfo", "in.xlsx");
    CHECK(reader->header() == Fields{"VM", "CPUs"});
    CHECK(reader->header_line() == 1);
    for (int pass = 0; pass < 2; ++pass) {
        CsvRecord record;
        std::size_t count = 0;
        std::size_t line = 1;
        bool in_order = true;
        while (reader->next(record)) {
            ++count;
            in_order = in_order && record.line == line + 1 &&
                       record.fields == Fields{"vm-" + std::to_string(record.line), "4"};
            line = record.line;
        }
        CHECK(count == 2000);
        CHECK(in_order);
        reader->restart();
    }
    CHECK(read(one_sheet(rows)).records.size() == 2000); // read_xlsx_sheet: the same reader
    std::string empty = workbook_bytes(one_sheet(""));
    CHECK_THAT(error_from([&] { open_xlsx_sheet(empty, "vInfo", "in.xlsx"); }).what(),
               Contains("sheet 'vInfo' has no values"));
}
