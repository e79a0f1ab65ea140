#include "dependency_list.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <unordered_map>
#include <unordered_set>

namespace mbl {

namespace {

// The path `self_id -> first -> … -> self_id` when `self_id` is reachable from one of
// `firsts` (its new depends_on list), else empty. One search over the whole graph.
std::vector<std::string_view> path_back_to(const DependencyGraph& graph, std::string_view self_id,
                                           const std::vector<std::string>& firsts) {
    std::unordered_map<std::string_view, std::string_view> reached_from;
    std::vector<std::string_view> to_visit;
    for (const std::string& first : firsts) {
        reached_from.emplace(first, self_id);
        to_visit.push_back(first);
    }
    while (!to_visit.empty()) {
        std::string_view current = to_visit.back();
        to_visit.pop_back();
        const std::vector<std::string>* edges = graph.depends_on.find(current);
        if (current == self_id || edges == nullptr) {
            continue;
        }
        for (const std::string& next : *edges) {
            if (reached_from.emplace(next, current).second) {
                to_visit.push_back(next);
            }
        }
    }
    if (!reached_from.contains(self_id)) {
        return {};
    }
    std::vector<std::string_view> path{self_id};
    for (std::string_view step = reached_from.at(self_id); step != self_id;
         step = reached_from.at(step)) {
        path.push_back(step);
    }
    path.push_back(self_id);
    std::reverse(path.begin(), path.end());
    return path;
}

// Cycles longer than this are named by their first and last few members, as validate does
// (validate_cycles.cpp): a 100,000-long chain must not make a 100,000-id message.
constexpr std::size_t shown_at_each_end = 4;
constexpr std::size_t longest_named_in_full = 2 * shown_at_each_end + 2;

// `a -> b -> c -> a`, or `a -> b -> c -> d -> ... -> w -> x -> y -> a` for a long cycle.
std::string name_cycle(const std::vector<std::string_view>& path) {
    if (path.size() <= longest_named_in_full + 1) {
        return fmt::format("{}", fmt::join(path, " -> "));
    }
    std::vector<std::string_view> first(path.begin(), path.begin() + shown_at_each_end);
    std::vector<std::string_view> last(path.end() - shown_at_each_end - 1, path.end());
    return fmt::format("{} -> ... ({} more) -> {}", fmt::join(first, " -> "),
                       path.size() - 2 * shown_at_each_end - 1, fmt::join(last, " -> "));
}

} // namespace

Error self_dependency_error(std::string_view kind, std::string_view self_id) {
    return usage_error(fmt::format("{} '{}' cannot depend on itself", kind, self_id));
}

Error cycle_error(const std::vector<std::string_view>& path) {
    return usage_error(
        fmt::format("depends_on '{}' would make a cycle: {}", path[1], name_cycle(path)));
}

void check_depends_on(const DependencyGraph& graph, std::string_view kind, std::string_view self_id,
                      const std::vector<std::string>& depends_on) {
    std::unordered_set<std::string_view> listed;
    for (const std::string& id : depends_on) {
        if (id == self_id) {
            throw self_dependency_error(kind, self_id);
        }
        if (!listed.insert(id).second) {
            throw usage_error(fmt::format("depends_on lists '{}' twice", id));
        }
        if (!graph.depends_on.contains(id)) {
            throw unknown_id_error(kind, id, graph.ids);
        }
    }
    auto cycle = path_back_to(graph, self_id, depends_on);
    if (!cycle.empty()) {
        throw cycle_error(cycle);
    }
}

} // namespace mbl
