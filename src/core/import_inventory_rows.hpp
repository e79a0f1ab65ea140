#pragma once
// An inventory import as it is planned, row by row (import_inventory.cpp), and what is made of
// it (import_inventory_apply.cpp): the report's rows, and apart from them the assets the rows
// make or change, each held once. Private to the core library.

#include "mbl/import.hpp"
#include "mbl/model.hpp"

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace mbl::import_detail {

// `slots[i]` when row i holds no asset.
inline constexpr std::size_t no_slot = std::numeric_limits<std::size_t>::max();

struct PlannedImport {
    std::vector<ImportedRow> rows; // one per record, in file order
    // Per row: its asset's index in `added` (an add row) or `changed` (an update row, or an
    // unchanged one whose asset was changed and then changed back: left empty); else no_slot.
    std::vector<std::size_t> slots;
    std::vector<Asset> added;   // the new assets, in row order
    std::vector<Asset> changed; // updated assets as they will be
    std::vector<std::string> ignored_columns;
};

// What importing the records `rows` gives into `backlog` (plan_inventory_import's rules), each
// record planned as it is read. With `keep_assets` false, `slots` are all no_slot and no asset
// is kept (a report only). `rows` and `added` are reserved from rows.expected_records().
PlannedImport plan_inventory_rows(const Backlog& backlog, TableReader& rows,
                                  const InventoryImportOptions& options, std::string_view label,
                                  bool keep_assets);

} // namespace mbl::import_detail
