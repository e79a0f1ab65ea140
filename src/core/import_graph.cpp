// ImportGraph: the walk is check_depends_on's (dependency_list.cpp, path_back_to), step for
// step, so a cycle is named by the same path.
#include "import_graph.hpp"

#include "dependency_list.hpp"

#include <algorithm>
#include <string_view>

namespace mbl::import_detail {

ImportGraph::ImportGraph(const Backlog& backlog, const KeyTable& ids)
    : backlog_(backlog), nodes_(backlog.assets.size() + 1) {
    std::size_t listed = 0;
    for (const Asset& asset : backlog.assets) {
        listed += asset.depends_on.size();
    }
    targets_.reserve(listed);
    for (std::size_t i = 0; i < backlog.assets.size(); ++i) {
        const Asset& asset = backlog.assets[i];
        Node& node = nodes_[i];
        node = Node{};
        node.first_with_id = static_cast<std::uint32_t>(*ids.find(asset.id));
        node.list_of_id = static_cast<std::uint32_t>(i);
        node.listed = static_cast<std::uint32_t>(targets_.size());
        for (const std::string& id : asset.depends_on) {
            if (const std::size_t* target = ids.find(id)) {
                targets_.push_back(static_cast<std::uint32_t>(*target));
            }
        }
    }
    nodes_[backlog.assets.size()].listed = static_cast<std::uint32_t>(targets_.size());
}

bool ImportGraph::lists(std::size_t from, std::size_t to) const {
    const std::uint32_t wanted = nodes_[to].first_with_id;
    bool found = false;
    for_each_listed(static_cast<std::uint32_t>(from),
                    [&](std::uint32_t target) { found = found || target == wanted; });
    return found;
}

void ImportGraph::add(std::size_t from, std::size_t to) {
    Node& node = nodes_[from];
    const std::uint32_t target = nodes_[to].first_with_id;
    if (node.first_added == none) {
        node.first_added = target;
        nodes_[node.first_with_id].list_of_id = static_cast<std::uint32_t>(from); // its list now
        return;
    }
    const auto entry = static_cast<std::uint32_t>(added_.size());
    added_.push_back({target, none});
    if (node.more_added == none) {
        node.more_added = entry;
    } else {
        added_[node.last_added].next = entry;
    }
    node.last_added = entry;
}

std::optional<Error> ImportGraph::check(std::size_t from, std::size_t to) {
    const std::uint32_t self = nodes_[from].first_with_id;
    const std::uint32_t first = nodes_[to].first_with_id;
    if (self == first) {
        return self_dependency_error("asset", backlog_.assets[from].id);
    }
    ++walk_;
    auto reach = [&](std::uint32_t asset, std::uint32_t reached_from) {
        Node& node = nodes_[asset];
        if (node.reached == walk_) {
            return false;
        }
        node.reached = walk_;
        node.came_from = reached_from;
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
        for_each_listed(nodes_[current].list_of_id, [&](std::uint32_t next) {
            if (reach(next, current)) {
                to_visit_.push_back(next);
            }
        });
    }
    if (nodes_[self].reached != walk_) {
        return std::nullopt;
    }
    std::vector<std::string_view> path{backlog_.assets[self].id};
    for (std::uint32_t step = nodes_[self].came_from; step != self; step = nodes_[step].came_from) {
        path.push_back(backlog_.assets[step].id);
    }
    path.push_back(backlog_.assets[self].id);
    std::reverse(path.begin(), path.end());
    return cycle_error(path);
}

} // namespace mbl::import_detail
