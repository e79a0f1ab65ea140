#pragma once
// How the columns of a discovery export become asset fields: the presets' tables, --map, and
// reading cells. Private to the core library (import_*.cpp).

#include "mbl/import.hpp"
#include "mbl/model.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mbl::import_detail {

// How a cell is read: text as a JSON string; a number as a JSON number (refused when it is not
// one); `automatic` a number when it reads as one, else text.
enum class CellType { text, number, automatic };

// What a column feeds.
enum class Target {
    name,             // the asset's name (and, unless a column maps to `id`, its id's slug)
    id,               // the asset's id (through slug_of)
    attribute,        // attributes.<key>
    rvtools_template, // `Template`: True skips the row
    disk,             // Azure Migrate `Disk N …`: one property (`key`) of disk N
    skip,             // read nothing
};

struct ColumnUse {
    std::size_t column = 0; // index in the header
    Target target = Target::skip;
    std::string key; // attribute key, or disk property
    CellType type = CellType::text;
    std::size_t disk = 0; // Target::disk: N
};

// `text` with ASCII letters in lowercase (other bytes kept): how headers, names and `True` are
// compared, independent of the locale.
std::string ascii_lower(std::string_view text);

// The header cell as presets compare it: trimmed, a leading `*` (Azure Migrate's mark of a
// required column) dropped, ASCII lowercase.
std::string normalized_header(std::string_view header);

// What each column of `header` feeds under `preset` with `mappings` (`COLUMN=FIELD`, applied after
// the preset's own). Columns that feed nothing are left out and listed in `ignored`. Error(usage)
// for a malformed mapping or one naming a column the header does not have; Error(input)
// `<label>:<line>: …` when the preset's required column (or, for generic, a name or id mapping)
// is missing.
std::vector<ColumnUse> columns_for(ImportPreset preset, const std::vector<std::string>& header,
                                   const std::vector<std::string>& mappings, std::string_view label,
                                   std::size_t header_line, std::vector<std::string>& ignored);

// `cell` (trimmed) as canonical JSON text of `type`, numbers read by read_number_cell with the
// decimal mark of `dialect`; nullopt when the cell is empty. Error(input) `<label>:<line>: column
// '<header>': '<cell>' is not a number…` (how and why, and the dialect) for a number column.
std::optional<RawJson> cell_value(std::string_view cell, CellType type, std::string_view header,
                                  std::string_view label, std::size_t line,
                                  const CsvDialect& dialect);

} // namespace mbl::import_detail
