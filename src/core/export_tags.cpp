// The id tags of the agile-tool exports (export.hpp, docs/agile-tools.md).

#include "mbl/export.hpp"

namespace mbl {

std::string asset_tag(std::string_view asset_id) {
    return "mbl:" + std::string(asset_id);
}

std::string task_tag(std::string_view asset_id, std::size_t position) {
    return asset_tag(asset_id) + "#" + std::to_string(position);
}

std::string workload_tag(std::string_view workload_id) {
    return "mbl-workload:" + std::string(workload_id);
}

bool is_reserved_tag(std::string_view tag) {
    return tag.starts_with("mbl:") || tag.starts_with("mbl-");
}

} // namespace mbl
