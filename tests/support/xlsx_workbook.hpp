#pragma once
// .xlsx workbooks built in memory for the tests of the workbook reader and `mbl import`: the
// parts as text, zipped by libzip (the library the reader uses, here as a writer), and the
// hostile variants (a lying size, a part outside the archive, …) made from them.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mbl::test {

// One entry of a zip archive.
struct ZipEntry {
    std::string name;
    std::string data;
    bool deflate = true; // else stored
};

// The archive holding `entries` in order. Throws std::runtime_error when libzip fails.
std::string zip_archive(const std::vector<ZipEntry>& entries);

// `archive` with the inflated size that entry `name` declares (in its local header and the
// central directory) set to `size`: a zip bomb that lies. Throws when `name` is not there.
std::string with_declared_size(std::string archive, std::string_view name, std::uint32_t size);

// A sheet: its name and the content of its <sheetData> (rows of cells, as XML).
struct SheetXml {
    std::string name;
    std::string rows;
};

// What a workbook holds beyond its sheets.
struct WorkbookXml {
    std::vector<SheetXml> sheets;
    std::vector<std::string> shared_strings; // each an <si> element's content (`<t>x</t>`)
    std::string styles;                      // styles.xml's content; empty: no styles part
    bool date1904 = false;
};

// The parts of a workbook as Excel lays them out: [Content_Types].xml, _rels/.rels,
// xl/workbook.xml, xl/_rels/workbook.xml.rels, xl/worksheets/sheetN.xml, and
// xl/sharedStrings.xml and xl/styles.xml when given.
std::vector<ZipEntry> workbook_entries(const WorkbookXml& workbook);

// zip_archive(workbook_entries(workbook)).
std::string workbook_bytes(const WorkbookXml& workbook);

// `<c r="REF" t="inlineStr"><is><t>TEXT</t></is></c>` with TEXT escaped.
std::string inline_cell(std::string_view reference, std::string_view text);
// `<c r="REF" s="STYLE"><v>VALUE</v></c>` (no s when `style` is negative).
std::string number_cell(std::string_view reference, std::string_view value, int style = -1);
// `<row r="N">CELLS</row>`.
std::string row_xml(int number, std::string_view cells);

} // namespace mbl::test
