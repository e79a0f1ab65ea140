#include "reliability/large_backlog.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <mbl/save.hpp>

namespace mbl::test {
namespace {

constexpr std::size_t assets_per_workload = 100;

Asset make_asset(std::size_t number, const std::string& workload) {
    Asset asset;
    asset.id = fmt::format("asset-{:06}", number);
    asset.name = fmt::format("Server {} of the {} estate", number, workload);
    asset.kind = number % 3 == 0 ? AssetKind::database : AssetKind::vm;
    asset.workload = workload;
    asset.strategy = number % 5 == 0 ? Strategy::replatform : Strategy::rehost;
    asset.estimate = static_cast<double>(10 + number % 30);
    asset.priority = static_cast<int>(1 + number % 4);
    asset.tags = {"prod", fmt::format("rack-{}", number % 40)};
    asset.attributes = {{"cores", RawJson{fmt::format("{}", 2 << (number % 4))}},
                        {"os", RawJson{"\"Windows Server 2019\""}},
                        {"ip", RawJson{fmt::format("\"10.{}.{}.{}\"", number / 65536 % 256,
                                                   number / 256 % 256, number % 256)}}};
    asset.tasks = {Task{"Replicate", 6, false, {}}, Task{"Cut over", 4, false, {}}};
    asset.notes = "Discovered by the inventory scan; owner confirmed, maintenance window Sunday.";
    return asset;
}

} // namespace

std::string large_backlog_text(std::size_t minimum_bytes) {
    Backlog backlog;
    backlog.name = "Generated estate";
    backlog.settings.default_capacity = 400;
    std::string text = to_canonical_text(backlog);
    const std::size_t empty_size = text.size();
    std::size_t largest_asset = 0; // an upper bound of one asset's text, workload share included
    for (std::size_t number = 0; text.size() < minimum_bytes;) {
        // Add as many assets as surely fit in the gap (at least one), then measure again.
        std::size_t batch = largest_asset == 0 ? 1 : (minimum_bytes - text.size()) / largest_asset;
        for (std::size_t end = number + std::max<std::size_t>(batch, 1); number < end; ++number) {
            if (number % assets_per_workload == 0) {
                Workload workload;
                workload.id = fmt::format("workload-{:04}", number / assets_per_workload);
                workload.name = fmt::format("Workload {}", number / assets_per_workload);
                backlog.workloads.push_back(workload);
            }
            backlog.assets.push_back(make_asset(number, backlog.workloads.back().id));
        }
        text = to_canonical_text(backlog);
        if (largest_asset == 0) {
            largest_asset = 2 * (text.size() - empty_size);
        }
    }
    return text;
}

} // namespace mbl::test
