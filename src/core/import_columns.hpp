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
    name,             // the asset's name (and, unless a column maps to `id`, its id's slug); the
                      // first non-empty of several name columns wins
    id,               // the asset's id (through slug_of)
    attribute,        // attributes.<key>
    rvtools_template, // `Template`: True (or 1, yes) skips the row
    disk,             // Azure Migrate `Disk N …`: one property (`key`) of disk N
    ips,              // one or more IP addresses, gathered into attributes.ips (a JSON array)
    source_id,        // the export's stable key of the server (RVTools `VM UUID`, `ExternalId`)
    source_local_id,  // a key unique within a scope only (RVTools `VM ID`, `VMware.MoRefId`)
    source_scope,     // that scope (RVTools `VI SDK Server`, `VMware.VCenterId`)
    skip,             // read nothing
};

// How a number column's unit becomes the attribute's.
enum class Unit {
    as_is,
    mib_to_gb, // MiB (RVTools' `MiB`, and its 3.x `MB`, which are MiB too) to GB: / 1024, two
               // decimals (GB meaning GiB, as Azure Migrate's `GB` does)
};

struct ColumnUse {
    std::size_t column = 0; // index in the header
    Target target = Target::skip;
    std::string key; // attribute key, or disk property
    CellType type = CellType::text;
    std::size_t disk = 0; // Target::disk: N
    Unit unit = Unit::as_is;
};

// `header` as presets compare it: ASCII letters and digits only, in lowercase (`*Memory (In MB)`
// is `memoryinmb`, `CPU.NumberOfCores` is `cpunumberofcores`); other bytes (non-ASCII) kept.
std::string header_key(std::string_view header);

// header_key of each cell of `header`, without a sheet-name prefix (`vinfo`, `vnetwork`, …) when
// every non-empty cell starts with the same one (RVTools' own CSV export: `vInfoVMName`).
std::vector<std::string> header_keys(const std::vector<std::string>& header);

// The addresses in `text` (separated by `;`, `,` or white space, in brackets or quotes or not),
// in lowercase, appended to `ips` unless already there. A word with neither `.` nor `:` (`N/A`,
// `-`) is not an address.
void add_ips(std::vector<std::string>& ips, std::string_view text);

// What the column whose header_key is `key` feeds under `preset`; nullopt for none.
std::optional<ColumnUse> preset_use(ImportPreset preset, std::string_view key);

// The header a person knows the preset's name column by (for messages).
std::string_view required_header(ImportPreset preset);

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

// `ips` as the canonical text of a JSON array of strings.
RawJson ips_json(const std::vector<std::string>& ips);

// What one record says about its server.
struct RowValues {
    std::string name;
    std::string id_cell;
    bool is_template = false;
    RawObject attributes;
    std::vector<std::string> ips;
    std::string source_id;    // Target::source_id
    std::string local_id;     // Target::source_local_id
    std::string source_scope; // Target::source_scope

    // The row's stable key: the source id, else the local id within its scope (`scope/local`).
    std::string source_key() const {
        if (!source_id.empty() || local_id.empty()) {
            return source_id;
        }
        return source_scope.empty() ? local_id : source_scope + "/" + local_id;
    }
};

// The values `record` gives the columns of `uses` (from columns_for over `header`): numbers
// converted to the attribute's unit, Azure Migrate's per-disk columns as `disks` and `disk_gb`,
// the addresses as `ips` (a JSON array), the source key as `source_id`. Error(input) as
// cell_value for a cell a number column cannot read.
RowValues read_row(const CsvRecord& record, const std::vector<ColumnUse>& uses,
                   const std::vector<std::string>& header, std::string_view label,
                   const CsvDialect& dialect);

// `cell` (trimmed) as canonical JSON text of `type`, numbers read by read_number_cell with the
// decimal mark of `dialect`; nullopt when the cell is empty. Error(input) `<label>:<line>: column
// '<header>': '<cell>' is not a number…` (how and why, and the dialect) for a number column.
std::optional<RawJson> cell_value(std::string_view cell, CellType type, std::string_view header,
                                  std::string_view label, std::size_t line,
                                  const CsvDialect& dialect);

} // namespace mbl::import_detail
