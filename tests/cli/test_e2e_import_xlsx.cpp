// mbl import inventory on .xlsx workbooks end to end: the RVTools-shaped workbook of
// tests/data/import (rvtools.xlsx, made by make_xlsx.py from rvtools-vinfo.csv) against the CSV,
// sheet choice, the bundled example, and hostile workbooks (exit 3, the backlog untouched).
#include "import_fixtures.hpp"
#include "mbl/import.hpp"
#include "support/backlog_json.hpp"
#include "support/refusal.hpp"
#include "support/temp_backlog.hpp"
#include "support/text.hpp"
#include "support/xlsx_workbook.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace mbl::test;
using nlohmann::json;

namespace {

// `bytes` written as `name` in a fresh directory that lives as long as the returned object.
struct ScratchFile {
    TempDir dir;
    std::string path;
    ScratchFile(const std::string& name, const std::string& bytes)
        : path((dir.path() / name).string()) {
        write_file(path, bytes);
    }
};

std::string vinfo_rows() {
    return row_xml(1, inline_cell("A1", "VM") + inline_cell("B1", "CPUs") +
                          inline_cell("C1", "Template")) +
           row_xml(2, inline_cell("A2", "app-01") + number_cell("B2", "4") +
                          "<c r=\"C2\" t=\"b\"><v>0</v></c>");
}

} // namespace

TEST_CASE("import inventory: the RVTools workbook gives what its CSV gives",
          "[e2e][import][xlsx]") {
    TempBacklog from_csv = crm_backlog();
    TempBacklog from_xlsx = crm_backlog();
    std::string csv_out = run_ok(from_csv, {"import", "inventory", sample("rvtools-vinfo.csv"),
                                            "--preset", "rvtools", "--workload", "crm"});
    std::string xlsx_out = run_ok(from_xlsx, {"import", "inventory", sample("rvtools.xlsx"),
                                              "--preset", "rvtools", "--workload", "crm"});
    CHECK(from_xlsx.text() == from_csv.text()); // the same assets, attributes and spelling
    CHECK(from_xlsx.text() != from_xlsx.original());
    std::vector<std::string> lines = lines_of(xlsx_out);
    REQUIRE(!lines.empty());
    CHECK(lines[0] == "Imported " + sample("rvtools.xlsx") +
                          ", sheet vInfo (rvtools): 2 added, 1 updated, 0 unchanged, 1 skipped");
    // Row numbers where the CSV has line numbers (its annotation spans lines 2-3).
    CHECK(contains(xlsx_out, "skip       4  -                   W2019-GOLD          an RVTools "
                             "template (Template = True)"));
    CHECK(contains(csv_out, "skip       5  -                   W2019-GOLD"));
    CHECK(
        contains(xlsx_out, "add        5  zurich-file-server  Zürich File Server  16 attributes"));
    CHECK(contains(xlsx_out, "Columns not imported: SRM Placeholder, Config status"));
    json file = json::parse(from_xlsx.text());
    CHECK(asset_in(file, "crm-app-01")["attributes"]["disk_gb"] == 102.4); // 104857 MiB
    CHECK(asset_in(file, "crm-app-01")["attributes"]["memory_mb"] == 16384);

    json plan = json::parse(run_ok(from_xlsx, {"import", "inventory", sample("rvtools.xlsx"),
                                               "--preset", "rvtools", "--format", "json"}));
    CHECK(plan["sheet"] == "vInfo");
    CHECK(plan["summary"]["unchanged"] == 3);
}

TEST_CASE("import inventory: --sheet, a workbook under any name, the bundled example",
          "[e2e][import][xlsx]") {
    TempBacklog backlog = crm_backlog();
    WorkbookXml workbook;
    workbook.sheets = {{"Notes", row_xml(1, inline_cell("A1", "x"))}, {"Servers", vinfo_rows()}};
    ScratchFile file("export.csv", workbook_bytes(workbook)); // a zip whatever its name says
    std::string out = run_ok(backlog, {"import", "inventory", file.path, "--preset", "generic",
                                       "--map", "VM=name", "--sheet", "Servers", "--dry-run"});
    CHECK(contains(lines_of(out)[0], "export.csv, sheet Servers (generic) would add 1"));

    require_refused(backlog,
                    {"import", "inventory", file.path, "--preset", "generic", "--map", "VM=name",
                     "--sheet", "vHost"},
                    3,
                    file.path + ": no sheet 'vHost'; the workbook's sheets: 'Notes', 'Servers'; "
                                "choose one with --sheet NAME");
    require_refused(backlog, {"import", "inventory", file.path, "--preset", "rvtools"}, 3,
                    "no sheet 'vInfo' (the rvtools preset reads it)");
    require_refused(backlog,
                    {"import", "inventory", sample("rvtools-vinfo.csv"), "--preset", "rvtools",
                     "--sheet", "vInfo"},
                    2, "is not an .xlsx workbook");

    std::string example =
        (std::filesystem::path(MBL_SOURCE_DIR) / "examples/imports/rvtools.xlsx").string();
    std::string dry =
        run_ok(backlog, {"import", "inventory", example, "--preset", "rvtools", "--dry-run"});
    CHECK(contains(lines_of(dry)[0], "sheet vInfo (rvtools) would add 4, update 0, skip 1"));
    CHECK(contains(dry, "TPL-WIN2022"));
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE("import dependencies reads the export as a workbook too", "[e2e][import][xlsx]") {
    // The dependency sample as Excel would hold it: every cell an inline string, row for line.
    mbl::CsvTable csv =
        mbl::read_csv(read_file(sample("azure-migrate-dependencies.csv")), "deps.csv");
    std::string rows;
    std::vector<std::vector<std::string>> table{csv.header};
    for (const mbl::CsvRecord& record : csv.records) {
        table.push_back(record.fields);
    }
    for (std::size_t row = 0; row < table.size(); ++row) {
        std::string cells;
        for (std::size_t column = 0; column < table[row].size(); ++column) {
            std::string reference =
                std::string(1, static_cast<char>('A' + column)) + std::to_string(row + 1);
            cells += inline_cell(reference, table[row][column]);
        }
        rows += row_xml(static_cast<int>(row + 1), cells);
    }
    WorkbookXml workbook;
    workbook.sheets = {{"Dependencies", rows}};
    ScratchFile file("dependencies.xlsx", workbook_bytes(workbook));

    TempBacklog from_csv = crm_backlog();
    TempBacklog from_xlsx = crm_backlog();
    for (const TempBacklog* backlog : {&from_csv, &from_xlsx}) {
        run_ok(*backlog, {"import", "inventory", sample("azure-migrate-servers.csv"), "--preset",
                          "azure-migrate", "--workload", "crm"});
    }
    run_ok(from_csv, {"import", "dependencies", sample("azure-migrate-dependencies.csv")});
    std::string out = run_ok(from_xlsx, {"import", "dependencies", file.path});
    CHECK(contains(lines_of(out)[0],
                   "dependencies.xlsx, sheet Dependencies (azure-migrate, recognised "
                   "from the header): 2 added"));
    CHECK(from_xlsx.text() == from_csv.text());
}

TEST_CASE("import inventory refuses hostile workbooks: exit 3, the backlog untouched",
          "[e2e][import][xlsx]") {
    TempBacklog backlog = crm_backlog();
    std::vector<std::string> args = {"import", "inventory", "", "--preset", "rvtools"};
    auto refused = [&](const std::string& name, const std::string& bytes,
                       const std::string& message) {
        ScratchFile file(name, bytes);
        args[2] = file.path;
        require_refused(backlog, args, 3, message);
    };
    WorkbookXml workbook;
    workbook.sheets = {{"vInfo", vinfo_rows()}};
    std::string good = workbook_bytes(workbook);

    refused("bomb.xlsx", with_declared_size(good, "xl/worksheets/sheet1.xml", 4000000000u),
            "xl/worksheets/sheet1.xml: declares 4000000000 bytes inflated");
    refused("liar.xlsx", with_declared_size(good, "xl/worksheets/sheet1.xml", 10),
            "xl/worksheets/sheet1.xml: inflates to more than the 10 bytes it declares");

    std::vector<ZipEntry> entries = workbook_entries(workbook);
    entries[4].data = "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                      "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&b;</t></is></c>"
                      "</row></sheetData></worksheet>";
    refused("laughs.xlsx", zip_archive(entries), "has a DOCTYPE (refused");

    entries = workbook_entries(workbook);
    std::string& rels = entries[3].data;
    rels.replace(rels.find("worksheets/sheet1.xml"), 21, "../../../etc/passwd");
    refused("escape.xlsx", zip_archive(entries),
            "points outside the archive ('../../../etc/passwd')");

    refused("old.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + std::string(504, '\0'),
            "an old binary Excel workbook (.xls) or a password-protected one");
    refused("cut.xlsx", good.substr(0, good.size() / 2), "not a readable .xlsx workbook");

    WorkbookXml text_cpus = workbook;
    workbook.sheets[0].rows += row_xml(3, inline_cell("A3", "db-01") + number_cell("B3", "x"));
    refused("cell.xlsx", workbook_bytes(workbook), "vInfo!B3: 'x' is not a number");
    // The importer's own refusals name the sheet and the row: FILE:SHEET:ROW.
    text_cpus.sheets[0].rows += row_xml(3, inline_cell("A3", "db-01") + inline_cell("B3", "many"));
    refused("text.xlsx", workbook_bytes(text_cpus),
            "text.xlsx:vInfo:3: column 'CPUs': 'many' is not a number");
}
