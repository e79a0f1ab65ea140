#pragma once
// Checks of a `depends_on` list (assets among assets, workloads among workloads) before it is
// stored, so an edit never leaves a dangling reference or a cycle. Private to the core library.

#include "field_values.hpp"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mbl {

// Every entity's id (file order, for suggestions) and its depends_on list by id.
struct DependencyGraph {
    std::vector<std::string_view> ids;
    std::unordered_map<std::string_view, const std::vector<std::string>*> depends_on;
};

template <class Entity> DependencyGraph dependency_graph_of(const std::vector<Entity>& entities) {
    DependencyGraph graph;
    graph.ids = ids_of(entities);
    graph.depends_on.reserve(entities.size());
    for (const Entity& entity : entities) {
        graph.depends_on.emplace(entity.id, &entity.depends_on);
    }
    return graph;
}

// Refuses `depends_on` as the new list of `self_id` (a `kind`): an id listed twice or `self_id`
// itself (Error(usage)), an unknown id (Error(input) with a suggestion), or a list that would
// close a cycle (Error(usage) naming it: `a -> b -> a`).
void check_depends_on(const DependencyGraph& graph, std::string_view kind, std::string_view self_id,
                      const std::vector<std::string>& depends_on);

} // namespace mbl
