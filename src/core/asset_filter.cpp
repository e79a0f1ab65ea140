// `asset list` criteria (edit.hpp, filter_assets and for_each_matching_asset).

#include "entity_stream.hpp"
#include "field_values.hpp"
#include "mbl/edit.hpp"
#include "mbl/error.hpp"

#include <algorithm>
#include <unordered_set>

namespace mbl {

namespace {

// The asset ids an iteration holds: committed, and completed once closed.
std::unordered_set<std::string_view> assets_of(const Iteration& iteration) {
    std::unordered_set<std::string_view> ids(iteration.committed.begin(),
                                             iteration.committed.end());
    if (iteration.completed) {
        ids.insert(iteration.completed->begin(), iteration.completed->end());
    }
    return ids;
}

// Every criterion of `filter` but the iteration, which needs the iterations.
bool matches_own_fields(const Asset& asset, const AssetFilter& filter) {
    return (!filter.status || asset.status == *filter.status) &&
           (!filter.kind || asset.kind == *filter.kind) &&
           (!filter.workload || asset.workload == *filter.workload) &&
           (!filter.tag ||
            std::find(asset.tags.begin(), asset.tags.end(), *filter.tag) != asset.tags.end()) &&
           (!filter.strategy || asset.strategy == *filter.strategy);
}

// The matching assets, given on as the loader reads them one by one; the workloads kept (they
// are few) to check the filter's workload once the whole file is read, as filter_assets does.
class MatchingAssets final : public detail::EntityReceiver {
  public:
    MatchingAssets(const AssetFilter& filter, const std::function<void(const Asset&)>& visit)
        : filter_(filter), visit_(visit) {}
    void receive(const Workload& workload) override {
        if (filter_.workload) {
            workloads_.workloads.push_back(workload);
        }
    }
    void receive(const Asset& asset) override {
        if (matches_own_fields(asset, filter_)) {
            visit_(asset);
        }
    }
    void receive(const Iteration&) override {}

    void check_workload() const {
        if (filter_.workload) {
            require_workload(workloads_, *filter_.workload);
        }
    }

  private:
    const AssetFilter& filter_;
    const std::function<void(const Asset&)>& visit_;
    Backlog workloads_; // the workloads only
};

} // namespace

std::vector<const Asset*> filter_assets(const Backlog& backlog, const AssetFilter& filter) {
    if (filter.workload) {
        require_workload(backlog, *filter.workload);
    }
    std::optional<std::unordered_set<std::string_view>> in_iteration;
    if (filter.iteration) {
        const Iteration* iteration = find_iteration(backlog, *filter.iteration);
        if (!iteration) {
            throw unknown_id_error("iteration", *filter.iteration, ids_of(backlog.iterations));
        }
        in_iteration = assets_of(*iteration);
    }
    std::vector<const Asset*> matching;
    for (const Asset& asset : backlog.assets) {
        if (matches_own_fields(asset, filter) &&
            (!in_iteration || in_iteration->contains(asset.id))) {
            matching.push_back(&asset);
        }
    }
    return matching;
}

void for_each_matching_asset(ReleasableText& text, const AssetFilter& filter,
                             std::string_view label,
                             const std::function<void(const Asset&)>& visit) {
    if (filter.iteration) {
        throw Error(ExitStatus::internal, "internal error: for_each_matching_asset cannot filter "
                                          "by iteration; use filter_assets (please report this "
                                          "bug)");
    }
    MatchingAssets matching(filter, visit);
    detail::stream_backlog_or_throw(text, matching, label);
    matching.check_workload();
}

} // namespace mbl
