#pragma once
// What `mbl import inventory` and `mbl import dependencies` print: a summary line, a table of
// the rows that change something (or are skipped), and the same as JSON for scripts.

#include "mbl/import.hpp"

#include <ostream>
#include <string>

namespace mbl::cli {

// Where an import's plan came from and whether it was written.
struct ImportSource {
    std::string file;   // the CSV as the user named it
    std::string preset; // `azure-migrate`, …
    bool dry_run = false;
    bool detected = false; // the preset was recognised from the header, not given
    std::string sheet;     // the workbook's sheet that was read; empty for a CSV
    CsvDialect dialect;    // how a CSV was read (read_csv's CsvTable::dialect)
};

// `Imported FILE (PRESET[, recognised from the header][, read as ','-separated UTF-8, decimal
// point]): 3 added, 1 updated, 2 unchanged, 1 skipped` (`Dry run, nothing written: FILE (…) would
// add 3, …` for a dry run; `FILE, sheet vInfo` and no "read as" for a workbook), then a table of
// the added, updated and skipped rows (ACTION, LINE, ID, NAME, DETAILS: the changed fields, or why
// a row was skipped), then the columns nothing imported. Text from the file is made
// terminal-safe.
void render_inventory_import(std::ostream& out, const ImportSource& source,
                             const InventoryReport& plan, bool color);

// {"file", "sheet" (null for a CSV), "preset", "preset_detected", "dry_run", "read_as" (null for
//  a workbook): {"encoding", "delimiter", "decimal_mark" (`point` or `comma`)},
//  "summary": {"added", "updated", "unchanged", "skipped"},
//  "added": [{"line", "id", "name"}], "updated": [{"line", "id", "name", "fields"}],
//  "unchanged": [{"line", "id"}], "skipped": [{"line", "id" (or null), "name", "reason"}],
//  "ignored_columns": [...]}
void render_inventory_import_json(std::ostream& out, const ImportSource& source,
                                  const InventoryReport& plan);

// The summary line, an ASSET/DEPENDS ON/ROWS/LINE table of the added dependencies, the assets
// whose dependency_ports changed, then the unknown servers grouped (side, name or IP, rows, first
// line) and the dependencies left out because they would close a cycle, with their line.
void render_dependency_import(std::ostream& out, const ImportSource& source,
                              const DependencyPlan& plan, bool color);

// {"file", "sheet", "preset", "preset_detected", "dry_run", "read_as", "summary": {"added",
// "already_present",
//  "duplicates", "self_links", "matched_by_ip", "unknown_servers", "cycles", "ports_updated"},
//  "added": [{"line", "from", "to", "rows"}], "ports": [{"asset", "dependency_ports"}],
//  "unknown_servers": [{"side", "name" (or null), "ip" (or null), "rows", "line"}],
//  "cycles": [{"line", "reason"}]}
void render_dependency_import_json(std::ostream& out, const ImportSource& source,
                                   const DependencyPlan& plan);

} // namespace mbl::cli
