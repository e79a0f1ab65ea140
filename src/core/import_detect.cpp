// Which export a header row comes from: each preset's identifying columns, compared as the
// presets compare headers (header_keys: case, spaces and punctuation ignored, RVTools' sheet
// prefix removed).
#include "import_columns.hpp"
#include "mbl/error.hpp"
#include "mbl/import.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace mbl {
namespace {

// A preset is recognised when the header has, for each group, one of its keys (`|`-separated).
struct Signature {
    ImportPreset preset;
    std::array<std::string_view, 3> groups; // empty groups always match
    std::string_view shown;                 // the columns, as a person reads them
};

// Checked in this order: the first that matches wins. AWS first: its `OS.Name` is the
// template's `*OS name` once punctuation is gone.
constexpr std::array signatures{
    Signature{ImportPreset::aws_ads,
              {"externalid|ramtotalsizeinmb|cpunumberofcores|vmwarevmname", "", ""},
              "ExternalId, RAM.TotalSizeInMB, CPU.NumberOfCores or VMware.VMName"},
    Signature{ImportPreset::rvtools,
              {"vm|vmname", "powerstate|template|cpus|ipv4address", ""},
              "VM (or vInfoVMName) with Powerstate, Template or CPUs"},
    Signature{ImportPreset::azure_migrate_assessment,
              {"machine", "memorymb|azurevmreadiness|storagegb", ""},
              "Machine with Memory(MB), Azure VM readiness or Storage(GB)"},
    Signature{ImportPreset::azure_migrate,
              {"servername", "osname", "memoryinmb|cores"},
              "*Server name, *OS name and *Memory (In MB) or *Cores"},
    Signature{ImportPreset::azure_migrate_discovered,
              {"servername|machinename", "operatingsystem", "memoryinmb|memorymb|cores"},
              "Server name (or Machine name), Operating system and Memory (in MB) or Cores"},
};

bool has_any(const std::vector<std::string>& keys, std::string_view group) {
    while (!group.empty()) {
        std::size_t bar = group.find('|');
        if (std::find(keys.begin(), keys.end(), group.substr(0, bar)) != keys.end()) {
            return true;
        }
        group = bar == std::string_view::npos ? std::string_view{} : group.substr(bar + 1);
    }
    return false;
}

bool matches(const std::vector<std::string>& keys, const Signature& signature) {
    return std::all_of(
        signature.groups.begin(), signature.groups.end(),
        [&](std::string_view group) { return group.empty() || has_any(keys, group); });
}

} // namespace

std::optional<ImportPreset> detect_inventory_preset(const std::vector<std::string>& header) {
    std::vector<std::string> keys = import_detail::header_keys(header);
    for (const Signature& signature : signatures) {
        if (matches(keys, signature)) {
            return signature.preset;
        }
    }
    return std::nullopt;
}

ImportPreset detect_inventory_preset_or_throw(const std::vector<std::string>& header,
                                              std::string_view label, std::size_t header_line) {
    if (auto preset = detect_inventory_preset(header)) {
        return *preset;
    }
    if (is_dependency_export(header)) {
        throw input_error(fmt::format("{}:{}: this is Azure Migrate's dependency export, not an "
                                      "inventory; import it with 'mbl import dependencies {}'",
                                      label, header_line, label));
    }
    std::string list;
    for (const Signature& signature : signatures) {
        list += fmt::format("\n  {:<25} {}", to_string(signature.preset), signature.shown);
    }
    throw input_error(fmt::format(
        "{}:{}: the header row is not one of a preset's; name it with --preset, or use --preset "
        "generic --map 'COLUMN=name'. The presets and the columns that identify them:{}",
        label, header_line, list));
}

bool is_dependency_export(const std::vector<std::string>& header) {
    std::vector<std::string> keys = import_detail::header_keys(header);
    return has_any(keys, "sourceservername|sourceip") &&
           has_any(keys, "destinationservername|destinationip");
}

} // namespace mbl
