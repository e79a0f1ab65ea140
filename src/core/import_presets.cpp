// The presets' column tables: which header (as header_key compares it) feeds which field.
// Headers are the exporters' own (sources in tests/data/import/README.md): Azure Migrate's CSV
// import template, its assessment export (`All_Assessed_Machines`) and its discovered-servers
// export, AWS Application Discovery Service's import template, RVTools' vInfo sheet (4.x `MiB`
// and 3.x `MB` headers, the short names of its own CSV export such as `vInfoProvisioned`) and
// its vNetwork sheet's address columns. Every preset writes the facts a planner uses under the
// same attribute names (docs/imports.md has the table): cores, memory_mb, disk_gb,
// disk_used_gb, os, power_state, datacenter, cluster, host, ips, source_id.
#include "import_columns.hpp"

#include <array>

namespace mbl::import_detail {
namespace {

struct PresetColumn {
    std::string_view keys; // header_key spellings, separated by `|`
    Target target;
    std::string_view key;
    CellType type = CellType::text;
    Unit unit = Unit::as_is;
};

constexpr auto text = CellType::text;
constexpr auto number = CellType::number;

constexpr std::array azure_migrate_columns{
    PresetColumn{"servername", Target::name, ""},
    PresetColumn{"ipaddresses|ipaddress", Target::ips, ""},
    PresetColumn{"cores", Target::attribute, "cores", number},
    PresetColumn{"memoryinmb", Target::attribute, "memory_mb", number},
    PresetColumn{"osname", Target::attribute, "os", text},
    PresetColumn{"osversion", Target::attribute, "os_version", text},
    PresetColumn{"osarchitecture", Target::attribute, "os_architecture", text},
    PresetColumn{"servertype", Target::attribute, "server_type", text},
    PresetColumn{"cpuutilizationpercentage", Target::attribute, "cpu_utilization_percent", number},
    PresetColumn{"memoryutilizationpercentage", Target::attribute, "memory_utilization_percent",
                 number},
    PresetColumn{"networkadapters", Target::attribute, "nics", number},
    PresetColumn{"networkinthroughput", Target::attribute, "network_in_mbps", number},
    PresetColumn{"networkoutthroughput", Target::attribute, "network_out_mbps", number},
    PresetColumn{"boottype", Target::attribute, "boot_type", text},
    PresetColumn{"numberofdisks", Target::attribute, "disk_count", number},
    PresetColumn{"virtualmachinemanagerid", Target::attribute, "vmm_id", text},
    PresetColumn{"macaddress", Target::attribute, "mac_address", text},
};

// The `All_Assessed_Machines` sheet of an Azure VM assessment's export.
constexpr std::array assessment_columns{
    PresetColumn{"machine|machinename", Target::name, ""},
    PresetColumn{"machineid", Target::source_id, ""},
    PresetColumn{"vmhost", Target::attribute, "host", text},
    PresetColumn{"azurevmreadiness", Target::attribute, "azure_readiness", text},
    PresetColumn{"recommendedsize", Target::attribute, "azure_size", text},
    PresetColumn{"operatingsystem", Target::attribute, "os", text},
    PresetColumn{"boottype", Target::attribute, "boot_type", text},
    PresetColumn{"cores", Target::attribute, "cores", number},
    PresetColumn{"memorymb", Target::attribute, "memory_mb", number},
    PresetColumn{"cpuusage", Target::attribute, "cpu_utilization_percent", number},
    PresetColumn{"memoryusage", Target::attribute, "memory_utilization_percent", number},
    PresetColumn{"storagegb", Target::attribute, "disk_gb", number},
    PresetColumn{"networkadapters", Target::attribute, "nics", number},
    PresetColumn{"ipaddress|ipaddresses", Target::ips, ""},
    PresetColumn{"macaddress", Target::attribute, "mac_address", text},
    PresetColumn{"networkinmbps", Target::attribute, "network_in_mbps", number},
    PresetColumn{"networkoutmbps", Target::attribute, "network_out_mbps", number},
};

// The discovered servers' export (the portal's and Azure Migrate Export's spellings).
constexpr std::array discovered_columns{
    PresetColumn{"servername|machinename", Target::name, ""},
    PresetColumn{"serverid|machineid", Target::source_id, ""},
    PresetColumn{"operatingsystem", Target::attribute, "os", text},
    PresetColumn{"cores", Target::attribute, "cores", number},
    PresetColumn{"memoryinmb|memorymb", Target::attribute, "memory_mb", number},
    PresetColumn{"totaldisksizeingb|disksizeingb", Target::attribute, "disk_gb", number},
    PresetColumn{"totaldisks|numberofdisks|disks", Target::attribute, "disk_count", number},
    PresetColumn{"ipaddress|ipaddresses", Target::ips, ""},
    PresetColumn{"macaddress|macaddresses", Target::attribute, "mac_address", text},
    PresetColumn{"totalnetworkadapters|networkadapters", Target::attribute, "nics", number},
    PresetColumn{"boottype", Target::attribute, "boot_type", text},
    PresetColumn{"powerstatus|powerstats|powerstate", Target::attribute, "power_state", text},
    PresetColumn{"host", Target::attribute, "host", text},
};

// AWS Application Discovery Service's import template.
constexpr std::array aws_ads_columns{
    PresetColumn{"externalid", Target::source_id, ""},
    PresetColumn{"hostname|vmwarevmname", Target::name, ""},
    PresetColumn{"ipaddress", Target::ips, ""},
    PresetColumn{"macaddress", Target::attribute, "mac_address", text},
    PresetColumn{"cpunumberofcores", Target::attribute, "cores", number},
    PresetColumn{"cpunumberofprocessors", Target::attribute, "cpu_sockets", number},
    PresetColumn{"cpunumberoflogicalcores", Target::attribute, "logical_cores", number},
    PresetColumn{"cpuusagepctmax", Target::attribute, "cpu_utilization_percent", number},
    PresetColumn{"ramtotalsizeinmb", Target::attribute, "memory_mb", number},
    PresetColumn{"ramusedsizeinmbmax", Target::attribute, "memory_used_mb", number},
    PresetColumn{"osname", Target::attribute, "os", text},
    PresetColumn{"osversion", Target::attribute, "os_version", text},
    PresetColumn{"vmwaremorefid", Target::source_local_id, ""},
    PresetColumn{"vmwarevcenterid", Target::source_scope, ""},
};

// RVTools' vInfo (4.x, 3.x, and its CSV export's short names after the `vInfo` prefix) and the
// address columns of its vNetwork sheet.
constexpr std::array rvtools_columns{
    PresetColumn{"vm|vmname", Target::name, ""},
    PresetColumn{"vmuuid|uuid", Target::source_id, ""},
    PresetColumn{"vmid", Target::source_local_id, ""},
    PresetColumn{"visdkserver", Target::source_scope, ""},
    PresetColumn{"powerstate", Target::attribute, "power_state", text},
    PresetColumn{"template", Target::rvtools_template, ""},
    PresetColumn{"dnsname|guesthostname", Target::attribute, "dns_name", text},
    PresetColumn{"cpus", Target::attribute, "cores", number},
    PresetColumn{"memory", Target::attribute, "memory_mb", number},
    PresetColumn{"nics", Target::attribute, "nics", number},
    PresetColumn{"disks|numvirtualdisks", Target::attribute, "disk_count", number},
    PresetColumn{"provisionedmib|provisionedmb|provisioned", Target::attribute, "disk_gb", number,
                 Unit::mib_to_gb},
    PresetColumn{"inusemib|inusemb|inuse", Target::attribute, "disk_used_gb", number,
                 Unit::mib_to_gb},
    PresetColumn{"primaryipaddress|primaryip|ipv4address|ipv6address", Target::ips, ""},
    PresetColumn{"osaccordingtotheconfigurationfile|os", Target::attribute, "os", text},
    PresetColumn{"osaccordingtothevmwaretools|ostools", Target::attribute, "os_vmware_tools", text},
    PresetColumn{"firmware", Target::attribute, "boot_type", text},
    PresetColumn{"annotation", Target::attribute, "annotation", text},
    PresetColumn{"datacenter", Target::attribute, "datacenter", text},
    PresetColumn{"cluster", Target::attribute, "cluster", text},
    PresetColumn{"host", Target::attribute, "host", text},
};

// `disk3sizeingb` as disk 3's `size_gb` (Azure Migrate's import template).
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> azure_disk_columns{{
    {"sizeingb", "size_gb"},
    {"readthroughputmbpersecond", "read_mbps"},
    {"writethroughputmbpersecond", "write_mbps"},
    {"readopsoperationspersecond", "read_iops"},
    {"writeopsoperationspersecond", "write_iops"},
}};

std::optional<ColumnUse> azure_disk_column(std::string_view key) {
    constexpr std::string_view prefix = "disk";
    if (!key.starts_with(prefix)) {
        return std::nullopt;
    }
    std::size_t end = key.find_first_not_of("0123456789", prefix.size());
    if (end == prefix.size() || end == std::string_view::npos || end - prefix.size() > 3) {
        return std::nullopt;
    }
    std::size_t disk = std::stoul(std::string(key.substr(prefix.size(), end - prefix.size())));
    for (const auto& [suffix, property] : azure_disk_columns) {
        if (key.substr(end) == suffix && disk > 0) {
            return ColumnUse{0, Target::disk, std::string(property), number, disk, Unit::as_is};
        }
    }
    return std::nullopt;
}

bool spelled(std::string_view keys, std::string_view key) {
    while (!keys.empty()) {
        std::size_t bar = keys.find('|');
        if (keys.substr(0, bar) == key) {
            return true;
        }
        keys = bar == std::string_view::npos ? std::string_view{} : keys.substr(bar + 1);
    }
    return false;
}

template <std::size_t N>
std::optional<ColumnUse> table_use(const std::array<PresetColumn, N>& table, std::string_view key) {
    for (const PresetColumn& column : table) {
        if (spelled(column.keys, key)) {
            return ColumnUse{0, column.target, std::string(column.key), column.type,
                             0, column.unit};
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<ColumnUse> preset_use(ImportPreset preset, std::string_view key) {
    switch (preset) {
    case ImportPreset::azure_migrate:
        if (auto use = table_use(azure_migrate_columns, key)) {
            return use;
        }
        return azure_disk_column(key);
    case ImportPreset::rvtools:
        return table_use(rvtools_columns, key);
    case ImportPreset::azure_migrate_assessment:
        return table_use(assessment_columns, key);
    case ImportPreset::azure_migrate_discovered:
        return table_use(discovered_columns, key);
    case ImportPreset::aws_ads:
        return table_use(aws_ads_columns, key);
    case ImportPreset::generic:
        break;
    }
    return std::nullopt;
}

std::string_view required_header(ImportPreset preset) {
    switch (preset) {
    case ImportPreset::azure_migrate:
        return "*Server name";
    case ImportPreset::rvtools:
        return "VM";
    case ImportPreset::azure_migrate_assessment:
        return "Machine";
    case ImportPreset::azure_migrate_discovered:
        return "Server name";
    case ImportPreset::aws_ads:
        return "HostName";
    case ImportPreset::generic:
        break;
    }
    return "name";
}

} // namespace mbl::import_detail
