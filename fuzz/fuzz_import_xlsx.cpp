// libFuzzer target: the .xlsx reader. Mutating a zip archive mostly breaks its checksums, so the
// input is placed inside a small valid workbook instead: the first byte picks the part the rest
// replaces (the sheet, the shared strings, the styles, workbook.xml, its relationships), or the
// rest is the whole archive. For any bytes, xlsx_sheet_names and read_xlsx_sheet either refuse
// them with mbl::Error or give a table whose records all have the header's width, on rows after
// the header's in increasing order, with no blank header cell and only UTF-8 text. Crashes, hangs,
// leaks and undefined behaviour are caught by libFuzzer and the sanitizers (MBL_FUZZ=ON).

#include "mbl/error.hpp"
#include "mbl/utf8.hpp"
#include "mbl/xlsx.hpp"
#include "support/xlsx_workbook.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

using mbl::test::WorkbookXml;

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "fuzz_import_xlsx: %s\n", what);
    std::abort();
}

std::vector<mbl::test::ZipEntry> template_entries() {
    WorkbookXml workbook;
    workbook.sheets.push_back(
        {"vInfo", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
                  "</row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\" s=\"1\"><v>45000"
                  "</v></c></row>"});
    workbook.shared_strings = {"<t>VM</t>", "<t>Created</t>", "<r><t>web</t></r><r><t>-01</t></r>"};
    workbook.styles = "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>";
    std::vector<mbl::test::ZipEntry> entries = mbl::test::workbook_entries(workbook);
    for (mbl::test::ZipEntry& entry : entries) {
        entry.deflate = false; // stored: fast to write on every input
    }
    return entries;
}

void check(const mbl::CsvTable& table) {
    for (const std::string& cell : table.header) {
        if (cell.find_first_not_of(" \t\r\n") == std::string::npos) {
            fail("a blank header cell");
        }
        if (!mbl::is_valid_utf8(cell)) {
            fail("a header cell that is not UTF-8");
        }
    }
    std::size_t line = table.header_line;
    for (const mbl::CsvRecord& record : table.records) {
        if (record.fields.size() != table.header.size()) {
            fail("a record not of the header's width");
        }
        if (record.line <= line) {
            fail("records out of order");
        }
        line = record.line;
        for (const std::string& cell : record.fields) {
            if (!mbl::is_valid_utf8(cell)) {
                fail("a cell that is not UTF-8");
            }
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    static const std::vector<mbl::test::ZipEntry> entries = template_entries();
    // The parts the first byte can replace: sheet, shared strings, styles, workbook, its rels.
    static const std::size_t replaceable[] = {4, 5, 6, 2, 3};
    const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    std::string bytes;
    std::uint8_t choice = data[0] % 6;
    if (choice == 5) {
        bytes = rest;
    } else {
        std::vector<mbl::test::ZipEntry> parts = entries;
        parts[replaceable[choice]].data = rest;
        bytes = mbl::test::zip_archive(parts);
    }
    mbl::XlsxLimits limits;
    limits.max_part_bytes = 4 << 20;
    limits.max_cells = 200'000;
    limits.max_text_bytes = 16 << 20;
    try {
        std::vector<std::string> sheets = mbl::xlsx_sheet_names(bytes, "fuzz.xlsx", limits);
        std::string sheet = mbl::choose_sheet(sheets, std::nullopt, "rvtools", "fuzz.xlsx");
        check(mbl::read_xlsx_sheet(bytes, sheet, "fuzz.xlsx", limits));
    } catch (const mbl::Error&) {
        return 0; // refused whole: fine, as long as it did not crash
    }
    return 0;
}
