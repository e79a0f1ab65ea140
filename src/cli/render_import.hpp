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
    CsvDialect dialect; // how the CSV was read (read_csv's CsvTable::dialect)
};

// `Imported FILE (PRESET, read as ','-separated UTF-8, decimal point): 3 added, 1 updated, 2
// unchanged, 1 skipped` (`Dry run, nothing written: FILE (…) would add 3, …` for a dry run), then a
// table of the added, updated and skipped rows (ACTION, LINE, ID, NAME, DETAILS: the changed
// fields, or why a row was skipped), then the columns nothing imported. Text from the file is made
// terminal-safe.
void render_inventory_import(std::ostream& out, const ImportSource& source,
                             const InventoryPlan& plan, bool color);

// {"file", "preset", "dry_run", "read_as": {"encoding", "delimiter", "decimal_mark" (`point` or
//  `comma`)}, "summary": {"added", "updated", "unchanged", "skipped"},
//  "added": [{"line", "id", "name"}], "updated": [{"line", "id", "name", "fields"}],
//  "unchanged": [{"line", "id"}], "skipped": [{"line", "id" (or null), "name", "reason"}],
//  "ignored_columns": [...]}
void render_inventory_import_json(std::ostream& out, const ImportSource& source,
                                  const InventoryPlan& plan);

// The summary line, a FROM/TO/LINE table of the added dependencies, then the unknown servers
// and the dependencies left out because they would close a cycle, one per line with its line.
void render_dependency_import(std::ostream& out, const ImportSource& source,
                              const DependencyPlan& plan, bool color);

// {"file", "preset", "dry_run", "read_as": {…as above}, "summary": {"added", "already_present",
// "duplicates",
//  "self_links", "unknown_servers", "cycles"}, "added": [{"line", "from", "to"}],
//  "unknown_servers": [{"line", "reason"}], "cycles": [{"line", "reason"}]}
void render_dependency_import_json(std::ostream& out, const ImportSource& source,
                                   const DependencyPlan& plan);

} // namespace mbl::cli
