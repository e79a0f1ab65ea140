// Which column feeds what: the header compared with the preset's table (import_presets.cpp),
// --map over it, and reading a cell.
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
    if (field == "ips") {
        return {0, Target::ips, "", CellType::text, 0};
    }
    if (field == "source_id") {
        return {0, Target::source_id, "", CellType::text, 0};
    }
    constexpr std::string_view prefix = "attributes.";
    if (field.starts_with(prefix) && field.size() > prefix.size()) {
        check_text(field, "--map");
        return {0, Target::attribute, std::string(field.substr(prefix.size())), CellType::automatic,
                0};
    }
    throw usage_error(
        fmt::format("--map '{}': the field must be name, id, source_id, ips, attributes.KEY or - "
                    "(skip the column), e.g. --map 'Host name=name'",
                    mapping));
}

// RVTools' sheet names, as header_key spells them: its own CSV export puts one before every
// header (`vInfoVMName`, `vNetworkIPv4Address`).
constexpr std::array<std::string_view, 13> sheet_prefixes{
    "vinfo",    "vnetwork",  "vdisk",  "vpartition", "vcpu", "vmemory", "vhost",
    "vcluster", "vsnapshot", "vtools", "vdatastore", "vnic", "vswitch"};

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

} // namespace

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return out;
}

std::string header_key(std::string_view header) {
    std::string key;
    key.reserve(header.size());
    for (char c : header) {
        if (c >= 'A' && c <= 'Z') {
            key += static_cast<char>(c - 'A' + 'a');
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                   static_cast<unsigned char>(c) >= 0x80) {
            key += c;
        }
    }
    return key;
}

std::vector<std::string> header_keys(const std::vector<std::string>& header) {
    std::vector<std::string> keys;
    keys.reserve(header.size());
    for (const std::string& cell : header) {
        keys.push_back(header_key(cell));
    }
    for (std::string_view prefix : sheet_prefixes) {
        bool every =
            std::any_of(keys.begin(), keys.end(), [](const auto& k) { return !k.empty(); });
        for (const std::string& key : keys) {
            every =
                every && (key.empty() || (key.size() > prefix.size() && key.starts_with(prefix)));
        }
        if (every) {
            for (std::string& key : keys) {
                key.erase(0, std::min(key.size(), prefix.size()));
            }
            break;
        }
    }
    return keys;
}

void add_ips(std::vector<std::string>& ips, std::string_view text) {
    constexpr std::string_view separators = ";, \t\r\n[]\"'";
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t start = text.find_first_not_of(separators, at);
        if (start == std::string_view::npos) {
            break;
        }
        std::size_t end = std::min(text.find_first_of(separators, start), text.size());
        std::string_view word = text.substr(start, end - start);
        at = end;
        if (word.find_first_of(".:") == std::string_view::npos) {
            continue;
        }
        std::string ip = ascii_lower(word);
        if (std::find(ips.begin(), ips.end(), ip) == ips.end()) {
            ips.push_back(std::move(ip));
        }
    }
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
    std::vector<std::string> keys = header_keys(header);
    for (std::size_t i = 0; i < header.size(); ++i) {
        normalized.push_back(normalized_header(header[i]));
        uses[i] = preset_use(preset, keys[i]);
    }
    for (const std::string& mapping : mappings) {
        std::size_t equals = mapping.rfind('=');
        if (equals == std::string::npos) {
            throw usage_error(fmt::format(
                "--map '{}': expected COLUMN=FIELD, e.g. --map 'Host name=name'", mapping));
        }
        std::string column = normalized_header(mapping.substr(0, equals));
        auto found = std::find(normalized.begin(), normalized.end(), column);
        if (found == normalized.end()) { // `Memory(MB)` found by `memory (mb)`
            std::string key = header_key(column);
            auto by_key = std::find(keys.begin(), keys.end(), key);
            found = key.empty() || by_key == keys.end()
                        ? normalized.end()
                        : normalized.begin() + (by_key - keys.begin());
        }
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
