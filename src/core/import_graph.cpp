// ImportGraph: the walk is check_depends_on's (dependency_list.cpp, path_back_to), step for
// step, so a cycle is named by the same path.
#include "import_graph.hpp"

#include "dependency_list.hpp"

#include <algorithm>
#include <string_view>

namespace mbl::import_detail {

ImportGraph::ImportGraph(const Backlog& backlog, const KeyTable& ids)
    : backlog_(backlog), first_with_id_(backlog.assets.size()), list_of_id_(backlog.assets.size()),
      first_added_(backlog.assets.size(), none), last_added_(backlog.assets.size(), none),
      reached_(backlog.assets.size(), 0), came_from_(backlog.assets.size(), none) {
    const std::size_t count = backlog.assets.size();
    std::size_t listed = 0;
    for (std::size_t i = 0; i < count; ++i) {
        first_with_id_[i] = static_cast<std::uint32_t>(*ids.find(backlog.assets[i].id));
        list_of_id_[i] = static_cast<std::uint32_t>(i);
        listed += backlog.assets[i].depends_on.size();
    }
    offsets_.reserve(count + 1);
    targets_.reserve(listed);
    offsets_.push_back(0);
    for (const Asset& asset : backlog.assets) {
        for (const std::string& id : asset.depends_on) {
            if (const std::size_t* target = ids.find(id)) {
                targets_.push_back(static_cast<std::uint32_t>(*target));
            }
        }
        offsets_.push_back(static_cast<std::uint32_t>(targets_.size()));
    }
}

bool ImportGraph::lists(std::size_t from, std::size_t to) const {
    const std::uint32_t wanted = first_with_id_[to];
    bool found = false;
    for_each_listed(static_cast<std::uint32_t>(from),
                    [&](std::uint32_t target) { found = found || target == wanted; });
    return found;
}

void ImportGraph::add(std::size_t from, std::size_t to) {
    const auto entry = static_cast<std::uint32_t>(added_.size());
    added_.push_back({first_with_id_[to], none});
    if (first_added_[from] == none) {
        first_added_[from] = entry;
        list_of_id_[first_with_id_[from]] = static_cast<std::uint32_t>(from); // its list now
    } else {
        added_[last_added_[from]].next = entry;
    }
    last_added_[from] = entry;
}

std::optional<Error> ImportGraph::check(std::size_t from, std::size_t to) {
    const std::uint32_t self = first_with_id_[from];
    const std::uint32_t first = first_with_id_[to];
    if (self == first) {
        return self_dependency_error("asset", backlog_.assets[from].id);
    }
    ++walk_;
    auto reach = [&](std::uint32_t asset, std::uint32_t reached_from) {
        if (reached_[asset] == walk_) {
            return false;
        }
        reached_[asset] = walk_;
        came_from_[asset] = reached_from;
        return true;
    };
    reach(first, self);
    to_visit_.assign(1, first);
    while (!to_visit_.empty()) {
        const std::uint32_t current = to_visit_.back();
        to_visit_.pop_back();
        if (current == self) {
            continue;
        }
        for_each_listed(list_of_id_[current], [&](std::uint32_t next) {
            if (reach(next, current)) {
                to_visit_.push_back(next);
            }
        });
    }
    if (reached_[self] != walk_) {
        return std::nullopt;
    }
    std::vector<std::string_view> path{backlog_.assets[self].id};
    for (std::uint32_t step = came_from_[self]; step != self; step = came_from_[step]) {
        path.push_back(backlog_.assets[step].id);
    }
    path.push_back(backlog_.assets[self].id);
    std::reverse(path.begin(), path.end());
    return cycle_error(path);
}

} // namespace mbl::import_detail
