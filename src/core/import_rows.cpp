// read_row: one record of a discovery export as the values of its server (attributes in the
// presets' units, IP addresses, the source key).
#include "field_values.hpp"
#include "import_columns.hpp"
#include "mbl/raw_json.hpp"
#include "mbl/save.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fmt/format.h>
#include <map>

namespace mbl::import_detail {
namespace {
// `True`, `1`, `yes` in any case.
bool is_true(std::string_view cell) {
    std::string value = ascii_lower(trim(cell));
    return value == "true" || value == "1" || value == "yes";
}

// A number in MiB as GB (/ 1024), to two decimals.
RawJson mib_as_gb(const RawJson& mib) {
    double gb = std::round(std::strtod(mib.text.c_str(), nullptr) / 1024 * 100) / 100;
    return RawJson{fmt::format("{}", std::isfinite(gb) ? gb + 0.0 : 0.0)};
}

void set_attribute(RawObject& into, const std::string& key, RawJson value) {
    auto existing = std::find_if(into.begin(), into.end(),
                                 [&](const auto& entry) { return entry.first == key; });
    if (existing == into.end()) {
        into.emplace_back(key, std::move(value));
    } else {
        existing->second = std::move(value); // two columns, one key: the later wins
    }
}

// Azure Migrate's per-disk columns as `disks` (one object per disk with any value, in disk
// order) and `disk_gb` (the sum of the sizes to two decimals, when any is given).
void add_disks(RawObject& attributes, const std::map<std::size_t, RawObject>& disks) {
    if (disks.empty()) {
        return;
    }
    std::string array = "[";
    double total_gb = 0;
    bool any_size = false;
    for (const auto& [number, properties] : disks) {
        array += array.size() > 1 ? ", {" : "{";
        array += fmt::format("\"name\": \"disk{}\"", number);
        for (const auto& [key, value] : properties) {
            array += fmt::format(", \"{}\": {}", key, value.text);
            if (key == "size_gb") {
                total_gb += std::strtod(value.text.c_str(), nullptr);
                any_size = true;
            }
        }
        array += "}";
    }
    array += "]";
    // 0.1 + 0.2 is 0.3, not 0.30000000000000004; a sum too large to round (or to hold) is left out
    // rather than written as `inf`, which no JSON reader reads.
    const double rounded = std::round(total_gb * 100) / 100;
    if (any_size && std::isfinite(rounded)) {
        attributes.emplace_back("disk_gb", RawJson{fmt::format("{}", rounded + 0.0)});
    }
    attributes.emplace_back("disks", *parse_raw_json(array, 3));
}

} // namespace

RawJson ips_json(const std::vector<std::string>& ips) {
    std::string array = "["; // canonical text, as parse_raw_json would give it
    for (const std::string& ip : ips) {
        array += (array.size() > 1 ? ",\n  " : "\n  ") + json_quote(ip);
    }
    return RawJson{array + "\n]"};
}

RowValues read_row(const CsvRecord& record, const std::vector<ColumnUse>& uses,
                   const std::vector<std::string>& header, std::string_view label,
                   const CsvDialect& dialect) {
    RowValues row;
    row.attributes.reserve(uses.size() +
                           4); // a column each at most, disks, disk_gb, ips, source_id
    std::map<std::size_t, RawObject> disks;
    for (const ColumnUse& use : uses) {
        std::string_view cell = record.fields[use.column];
        switch (use.target) {
        case Target::name:
            if (row.name.empty()) {
                row.name = std::string(trim(cell));
            }
            break;
        case Target::id:
            row.id_cell = std::string(trim(cell));
            break;
        case Target::rvtools_template:
            row.is_template = is_true(cell);
            break;
        case Target::ips:
            import_detail::add_ips(row.ips, cell);
            break;
        case Target::source_id:
            row.source_id = std::string(trim(cell));
            break;
        case Target::source_local_id:
            row.local_id = std::string(trim(cell));
            break;
        case Target::source_scope:
            row.source_scope = std::string(trim(cell));
            break;
        case Target::attribute:
        case Target::disk:
            if (auto value = import_detail::cell_value(cell, use.type, header[use.column], label,
                                                       record.line, dialect)) {
                if (use.unit == import_detail::Unit::mib_to_gb && use.type == CellType::number) {
                    value = mib_as_gb(*value);
                }
                set_attribute(use.target == Target::disk ? disks[use.disk] : row.attributes,
                              use.key, std::move(*value));
            }
            break;
        case Target::skip:
            break;
        }
    }
    add_disks(row.attributes, disks);
    if (!row.ips.empty()) {
        set_attribute(row.attributes, "ips", ips_json(row.ips));
    }
    if (std::string key = row.source_key(); !key.empty()) {
        set_attribute(row.attributes, "source_id", RawJson{json_quote(key)});
    }
    row.attributes.shrink_to_fit(); // a new asset keeps them: no spare capacity per asset
    return row;
}

} // namespace mbl::import_detail
