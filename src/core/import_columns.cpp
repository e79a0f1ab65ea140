// The presets' column tables and --map. Headers are those of the Azure Migrate import template
// (https://learn.microsoft.com/azure/migrate/tutorial-discover-import) and of RVTools' vInfo
// sheet saved as CSV; attribute keys are those bench/ and examples/ use (cores, memory_mb, os,
// disk_gb, disks, ip, …), units kept in the key where the export has its own (provisioned_mib).
#include "import_columns.hpp"

#include "field_values.hpp"
#include "mbl/error.hpp"
#include "mbl/raw_json.hpp"
#include "mbl/save.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace mbl::import_detail {
namespace {

struct PresetColumn {
    std::string_view header; // normalized_header of the export's header
    Target target;
    std::string_view key;
    CellType type;
};

constexpr std::array azure_migrate_columns{
    PresetColumn{"server name", Target::name, "", CellType::text},
    PresetColumn{"ip addresses", Target::attribute, "ip", CellType::text},
    PresetColumn{"cores", Target::attribute, "cores", CellType::number},
    PresetColumn{"memory (in mb)", Target::attribute, "memory_mb", CellType::number},
    PresetColumn{"os name", Target::attribute, "os", CellType::text},
    PresetColumn{"os version", Target::attribute, "os_version", CellType::text},
    PresetColumn{"os architecture", Target::attribute, "os_architecture", CellType::text},
    PresetColumn{"server type", Target::attribute, "server_type", CellType::text},
    PresetColumn{"cpu utilization percentage", Target::attribute, "cpu_utilization_percent",
                 CellType::number},
    PresetColumn{"memory utilization percentage", Target::attribute, "memory_utilization_percent",
                 CellType::number},
    PresetColumn{"network adapters", Target::attribute, "nics", CellType::number},
    PresetColumn{"network in throughput", Target::attribute, "network_in_mbps", CellType::number},
    PresetColumn{"network out throughput", Target::attribute, "network_out_mbps", CellType::number},
    PresetColumn{"boot type", Target::attribute, "boot_type", CellType::text},
    PresetColumn{"number of disks", Target::attribute, "disk_count", CellType::number},
    PresetColumn{"virtual machine manager id", Target::attribute, "vmm_id", CellType::text},
    PresetColumn{"mac address", Target::attribute, "mac_address", CellType::text},
};

// `Disk N <suffix>` of the Azure Migrate template, and the disk property each fills.
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> azure_disk_columns{{
    {" size (in gb)", "size_gb"},
    {" read throughput (mb per second)", "read_mbps"},
    {" write throughput (mb per second)", "write_mbps"},
    {" read ops (operations per second)", "read_iops"},
    {" write ops (operations per second)", "write_iops"},
}};

constexpr std::array rvtools_columns{
    PresetColumn{"vm", Target::name, "", CellType::text},
    PresetColumn{"powerstate", Target::attribute, "power_state", CellType::text},
    PresetColumn{"template", Target::rvtools_template, "", CellType::text},
    PresetColumn{"dns name", Target::attribute, "dns_name", CellType::text},
    PresetColumn{"cpus", Target::attribute, "cores", CellType::number},
    PresetColumn{"memory", Target::attribute, "memory_mb", CellType::number},
    PresetColumn{"nics", Target::attribute, "nics", CellType::number},
    PresetColumn{"disks", Target::attribute, "disk_count", CellType::number},
    PresetColumn{"provisioned mib", Target::attribute, "provisioned_mib", CellType::number},
    PresetColumn{"in use mib", Target::attribute, "in_use_mib", CellType::number},
    PresetColumn{"primary ip address", Target::attribute, "ip", CellType::text},
    PresetColumn{"os according to the configuration file", Target::attribute, "os", CellType::text},
    PresetColumn{"os according to the vmware tools", Target::attribute, "os_vmware_tools",
                 CellType::text},
    PresetColumn{"firmware", Target::attribute, "boot_type", CellType::text},
    PresetColumn{"annotation", Target::attribute, "annotation", CellType::text},
    PresetColumn{"datacenter", Target::attribute, "datacenter", CellType::text},
    PresetColumn{"cluster", Target::attribute, "cluster", CellType::text},
    PresetColumn{"host", Target::attribute, "host", CellType::text},
};

// `disk 3 size (in gb)` as disk 3's `size_gb`.
std::optional<ColumnUse> azure_disk_column(std::string_view header) {
    constexpr std::string_view prefix = "disk ";
    if (!header.starts_with(prefix)) {
        return std::nullopt;
    }
    std::size_t end = header.find_first_not_of("0123456789", prefix.size());
    if (end == prefix.size() || end == std::string_view::npos || end - prefix.size() > 3) {
        return std::nullopt;
    }
    std::size_t disk = std::stoul(std::string(header.substr(prefix.size(), end - prefix.size())));
    for (const auto& [suffix, key] : azure_disk_columns) {
        if (header.substr(end) == suffix && disk > 0) {
            return ColumnUse{0, Target::disk, std::string(key), CellType::number, disk};
        }
    }
    return std::nullopt;
}

template <std::size_t N>
std::optional<ColumnUse> preset_column(const std::array<PresetColumn, N>& table,
                                       std::string_view header) {
    for (const PresetColumn& column : table) {
        if (column.header == header) {
            return ColumnUse{0, column.target, std::string(column.key), column.type, 0};
        }
    }
    return std::nullopt;
}

std::optional<ColumnUse> preset_use(ImportPreset preset, std::string_view header) {
    switch (preset) {
    case ImportPreset::azure_migrate:
        if (auto use = preset_column(azure_migrate_columns, header)) {
            return use;
        }
        return azure_disk_column(header);
    case ImportPreset::rvtools:
        return preset_column(rvtools_columns, header);
    case ImportPreset::generic:
        break;
    }
    return std::nullopt;
}

// FIELD of --map COLUMN=FIELD.
ColumnUse mapped_use(std::string_view field, std::string_view mapping) {
    field = trim(field);
    if (field == "name") {
        return {0, Target::name, "", CellType::text, 0};
    }
    if (field == "id") {
        return {0, Target::id, "", CellType::text, 0};
    }
    if (field == "-") {
        return {0, Target::skip, "", CellType::text, 0};
    }
    constexpr std::string_view prefix = "attributes.";
    if (field.starts_with(prefix) && field.size() > prefix.size()) {
        check_text(field, "--map");
        return {0, Target::attribute, std::string(field.substr(prefix.size())), CellType::automatic,
                0};
    }
    throw usage_error(fmt::format("--map '{}': the field must be name, id, attributes.KEY or - "
                                  "(skip the column), e.g. --map 'Host name=name'",
                                  mapping));
}

// `number` (JSON number text) as the loader's raw capture spells it (`-0` is `0`), so that the
// saved file loads back the same; nullopt beyond a double's range (`1e400`). Short unsigned
// integers, most cells, are already canonical and skip the parse.
std::optional<RawJson> as_raw_number(std::string number) {
    if (number.size() < 16 && number.find_first_not_of("0123456789") == std::string::npos) {
        return RawJson{std::move(number)};
    }
    try {
        return parse_raw_json(number, 1);
    } catch (const Error&) {
        return std::nullopt;
    }
}

std::string_view required_header(ImportPreset preset) {
    return preset == ImportPreset::rvtools ? "VM" : "*Server name";
}

} // namespace

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return out;
}

std::string normalized_header(std::string_view header) {
    header = trim(header);
    if (header.starts_with('*')) {
        header = trim(header.substr(1));
    }
    return ascii_lower(header);
}

std::vector<ColumnUse> columns_for(ImportPreset preset, const std::vector<std::string>& header,
                                   const std::vector<std::string>& mappings, std::string_view label,
                                   std::size_t header_line, std::vector<std::string>& ignored) {
    std::vector<std::optional<ColumnUse>> uses(header.size());
    std::vector<std::string> normalized;
    for (std::size_t i = 0; i < header.size(); ++i) {
        normalized.push_back(normalized_header(header[i]));
        uses[i] = preset_use(preset, normalized[i]);
    }
    for (const std::string& mapping : mappings) {
        std::size_t equals = mapping.rfind('=');
        if (equals == std::string::npos) {
            throw usage_error(fmt::format(
                "--map '{}': expected COLUMN=FIELD, e.g. --map 'Host name=name'", mapping));
        }
        std::string column = normalized_header(mapping.substr(0, equals));
        auto found = std::find(normalized.begin(), normalized.end(), column);
        if (found == normalized.end()) {
            throw usage_error(fmt::format("--map '{}': {} has no column '{}'", mapping, label,
                                          trim(mapping.substr(0, equals))));
        }
        uses[static_cast<std::size_t>(found - normalized.begin())] =
            mapped_use(mapping.substr(equals + 1), mapping);
    }

    std::vector<ColumnUse> result;
    bool named = false;
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (!uses[i] || uses[i]->target == Target::skip) {
            ignored.push_back(header[i]);
            continue;
        }
        uses[i]->column = i;
        named = named || uses[i]->target == Target::name || uses[i]->target == Target::id;
        result.push_back(std::move(*uses[i]));
    }
    if (!named) {
        if (preset == ImportPreset::generic) {
            throw input_error(fmt::format(
                "{}:{}: the generic preset needs to know which column names the server; add "
                "--map 'COLUMN=name' (or COLUMN=id)",
                label, header_line));
        }
        throw input_error(fmt::format("{}:{}: no '{}' column, which the {} preset needs; is this "
                                      "the right --preset, or map the name column with --map "
                                      "'COLUMN=name'",
                                      label, header_line, required_header(preset),
                                      to_string(preset)));
    }
    return result;
}

std::optional<RawJson> cell_value(std::string_view cell, CellType type, std::string_view header,
                                  std::string_view label, std::size_t line,
                                  const CsvDialect& dialect) {
    cell = trim(cell);
    if (cell.empty()) {
        return std::nullopt;
    }
    if (type != CellType::text) {
        NumberReading reading = read_number_cell(cell, dialect.decimal);
        if (reading.number) {
            if (auto number = as_raw_number(std::move(*reading.number))) {
                return number;
            }
            reading.problem = "is beyond the range of a number (a double); check the cell";
        }
        if (type == CellType::number) {
            throw input_error(fmt::format("{}:{}: column '{}': '{}' {} (read as {})", label, line,
                                          trim(header), cell, reading.problem,
                                          describe_dialect(dialect)));
        }
    }
    return RawJson{json_quote(cell)};
}

} // namespace mbl::import_detail
