#pragma once
// Checks of a `depends_on` list (assets among assets, workloads among workloads) before it is
// stored, so an edit never leaves a dangling reference or a cycle. Private to the core library.

#include "field_values.hpp"
#include "flat_id_map.hpp"
#include "mbl/error.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mbl {

// The depends_on lists by id, in one flat table (flat_id_map.hpp): the cycle check looks up
// every id it walks past, and the dependency import runs it once a new dependency.
class DependencyLists {
  public:
    explicit DependencyLists(std::size_t expected = 0) : lists_(expected) {}

    // Gives `id` the list `depends_on` unless it has one (the first entity holding an id wins).
    void add(std::string_view id, const std::vector<std::string>* depends_on) {
        lists_.emplace(id, depends_on);
    }
    // Gives `id` the list `depends_on`, in place of the one it had.
    void replace(std::string_view id, const std::vector<std::string>* depends_on) {
        *lists_.emplace(id, depends_on).first = depends_on;
    }
    // The list of `id`; nullptr for an unknown id.
    const std::vector<std::string>* find(std::string_view id) const {
        const std::vector<std::string>* const* found = lists_.find(id);
        return found ? *found : nullptr;
    }
    bool contains(std::string_view id) const { return find(id) != nullptr; }

  private:
    detail::FlatIdMap<const std::vector<std::string>*> lists_;
};

// Every entity's id (file order, for suggestions) and its depends_on list by id.
struct DependencyGraph {
    std::vector<std::string_view> ids;
    DependencyLists depends_on;
};

template <class Entity> DependencyGraph dependency_graph_of(const std::vector<Entity>& entities) {
    DependencyGraph graph;
    graph.ids = ids_of(entities);
    graph.depends_on = DependencyLists(entities.size());
    for (const Entity& entity : entities) {
        graph.depends_on.add(entity.id, &entity.depends_on);
    }
    return graph;
}

// The errors check_depends_on throws for `self_id` (a `kind`) listing itself, and for a list
// that closes the cycle `path` (`self -> first -> … -> self`): for a check of its own that
// words them the same (the dependency import's, import_graph.hpp).
Error self_dependency_error(std::string_view kind, std::string_view self_id);
Error cycle_error(const std::vector<std::string_view>& path);

// Refuses `depends_on` as the new list of `self_id` (a `kind`): an id listed twice or `self_id`
// itself (Error(usage)), an unknown id (Error(input) with a suggestion), or a list that would
// close a cycle (Error(usage) naming it: `a -> b -> a`).
void check_depends_on(const DependencyGraph& graph, std::string_view kind, std::string_view self_id,
                      const std::vector<std::string>& depends_on);

} // namespace mbl
