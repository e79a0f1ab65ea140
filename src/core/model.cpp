#include "mbl/model.hpp"

#include <algorithm>

namespace mbl {

bool is_done_for_release(const Asset& asset) {
    return asset.status == AssetStatus::replicated || asset.strategy == Strategy::retire ||
           asset.strategy == Strategy::retain;
}

std::optional<double> effective_estimate(const Asset& asset) {
    std::optional<double> sum;
    for (const Task& task : asset.tasks) {
        if (task.estimate) {
            sum = sum.value_or(0) + *task.estimate;
        }
    }
    return sum ? sum : asset.estimate;
}

namespace {
template <class Vector> auto find_by_id(Vector& items, std::string_view id) {
    auto found =
        std::find_if(items.begin(), items.end(), [&](auto& item) { return item.id == id; });
    return found == items.end() ? nullptr : &*found;
}
} // namespace

const Asset* find_asset(const Backlog& backlog, std::string_view id) {
    return find_by_id(backlog.assets, id);
}
Asset* find_asset(Backlog& backlog, std::string_view id) {
    return find_by_id(backlog.assets, id);
}
const Workload* find_workload(const Backlog& backlog, std::string_view id) {
    return find_by_id(backlog.workloads, id);
}
Workload* find_workload(Backlog& backlog, std::string_view id) {
    return find_by_id(backlog.workloads, id);
}
const Iteration* find_iteration(const Backlog& backlog, std::string_view id) {
    return find_by_id(backlog.iterations, id);
}
Iteration* find_iteration(Backlog& backlog, std::string_view id) {
    return find_by_id(backlog.iterations, id);
}

bool is_slug(std::string_view id) {
    if (id.empty() || id.size() > 64) {
        return false;
    }
    auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!lower_or_digit(id.front())) {
        return false;
    }
    return std::all_of(id.begin(), id.end(), [&](char c) {
        return lower_or_digit(c) || c == '.' || c == '_' || c == '-';
    });
}

} // namespace mbl
