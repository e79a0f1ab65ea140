// libFuzzer target: the CSV importer. The first byte picks what the rest is imported as: its two
// low bits an inventory with the azure-migrate, rvtools or generic preset (with bit 8: the
// azure-migrate-assessment, azure-migrate-discovered or aws-ads preset), or 3 a dependency
// export; bit 4 a workload for new assets; bits 16 to 128 which of read_csv's options are forced
// (read_options). The rest is the CSV, in any encoding, read a record at a time as `mbl import`
// reads it (open_csv; two passes for dependencies). For any bytes, reading and planning either
// refuse them with mbl::Error or give a plan; applied to a small backlog, the result's canonical
// text must load without error and give the same canonical text again, byte for byte: an import
// can never write a file mbl cannot read back, and never closes a dependency cycle (the small
// backlog has none: validate must not find one after the import). Crashes, hangs, leaks and
// undefined behaviour are caught by libFuzzer and the sanitizers this target is built with
// (MBL_FUZZ=ON).

#include "mbl/error.hpp"
#include "mbl/import.hpp"
#include "mbl/load.hpp"
#include "mbl/save.hpp"
#include "mbl/validate.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

namespace {

// A workload and two assets, one with a dependency, so imports update, add and link.
constexpr std::string_view small_backlog = R"({
  "format": "mbl/1",
  "name": "Fuzz",
  "workloads": [{"id": "crm", "name": "CRM"}],
  "assets": [
    {"id": "crm-sql-01", "name": "CRM-SQL-01", "kind": "database", "workload": "crm",
     "estimate": 8, "attributes": {"cores": 4}},
    {"id": "crm-web-01", "name": "CRM web", "depends_on": ["crm-sql-01"]}
  ]
})";

[[noreturn]] void fail(const char* what, const std::string& first, const std::string& second) {
    std::fprintf(stderr, "fuzz_import_csv: %s\n--- first ---\n%s\n--- second ---\n%s\n", what,
                 first.c_str(), second.c_str());
    std::abort();
}

// Bits 16 to 128 of the choice byte force what read_csv otherwise detects (the BOM, the delimiter
// and the decimal mark are detected from the bytes themselves): a code page, the delimiter
// (`;` or tab), the decimal comma.
mbl::CsvReadOptions read_options(std::uint8_t choice) {
    mbl::CsvReadOptions options;
    if ((choice & 128) != 0) {
        options.encoding = "windows-1252";
    }
    if ((choice & 16) != 0) {
        options.decimal = mbl::DecimalMark::comma;
    }
    if ((choice & 32) != 0) {
        options.delimiter = (choice & 64) != 0 ? '\t' : ';';
    }
    return options;
}

void import_into(mbl::Backlog& backlog, std::uint8_t choice, std::string_view bytes) {
    // Read a record at a time, as `mbl import` reads: the dependencies in two passes.
    std::unique_ptr<mbl::TableReader> rows = mbl::open_csv(bytes, "fuzz.csv", read_options(choice));
    const std::vector<std::string>& header = rows->header();
    if (choice % 4 == 3) {
        mbl::apply_dependency_plan(backlog,
                                   mbl::plan_dependency_import(backlog, *rows, "fuzz.csv"));
        return;
    }
    mbl::InventoryImportOptions options;
    constexpr mbl::ImportPreset more[] = {mbl::ImportPreset::azure_migrate_assessment,
                                          mbl::ImportPreset::azure_migrate_discovered,
                                          mbl::ImportPreset::aws_ads};
    options.preset =
        (choice & 8) != 0 ? more[choice % 4] : static_cast<mbl::ImportPreset>(choice % 4);
    options.workload = (choice & 4) != 0 ? std::optional<std::string>("crm") : std::nullopt;
    if (options.preset == mbl::ImportPreset::generic && !header.empty()) {
        options.mappings = {header.front() + "=name"};
        if (header.size() > 1) {
            options.mappings.push_back(header.back() + "=attributes.x");
        }
    }
    mbl::apply_inventory_plan(backlog,
                              mbl::plan_inventory_import(backlog, *rows, options, "fuzz.csv"));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    static const mbl::Backlog start = mbl::load_backlog_or_throw(small_backlog, "small");
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    mbl::Backlog backlog = start;
    try {
        import_into(backlog, data[0], bytes);
    } catch (const mbl::Error&) {
        return 0; // refused whole: fine, as long as it did not crash
    }
    const std::string canonical = mbl::to_canonical_text(backlog);
    std::string again;
    try {
        again = mbl::to_canonical_text(mbl::load_backlog_or_throw(canonical, "imported"));
    } catch (const mbl::Error& error) {
        fail("the canonical text of an imported backlog does not load", canonical, error.what());
    }
    if (again != canonical) {
        fail("canonical text -> load -> canonical text is not identical", canonical, again);
    }
    for (const mbl::Problem& problem : mbl::validate_backlog(backlog)) {
        if (problem.code == "dependency-cycle") {
            fail("the import closed a dependency cycle", canonical, problem.message);
        }
    }
    return 0;
}
