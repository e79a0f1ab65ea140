#pragma once
// The depends_on lists of a backlog's assets as asset positions, with the dependencies the
// dependency import adds, for its two checks of each new pair: is it listed already, would it
// close a cycle. Walking it looks up no id and touches no asset, where check_depends_on
// (dependency_list.hpp) looks up every id it walks past, a cache miss or two each among a
// million assets. Its answers are check_depends_on's for the same lists. Private to the core
// library (import_dependencies.cpp).

#include "huge_array.hpp"
#include "key_table.hpp"
#include "mbl/error.hpp"
#include "mbl/model.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace mbl::import_detail {

class ImportGraph {
  public:
    // The lists of `backlog`'s assets (ids that are no asset's left out: they lead nowhere).
    // Ids are taken as check_depends_on takes them: an id means the first asset holding it
    // (`ids`), and its list is the graph's, until a dependency is added to another asset with
    // that id (a backlog that repeats an id, which validate reports): then that one's.
    // `ids`: each id with the first asset holding it. `backlog` must outlive the graph and keep
    // its assets; `ids` is needed here only.
    ImportGraph(const Backlog& backlog, const KeyTable& ids);

    // Whether the list of asset `from` (as it is after the dependencies added) holds the id of
    // asset `to`.
    bool lists(std::size_t from, std::size_t to) const;

    // Adds the id of asset `to` to the list of asset `from`.
    void add(std::size_t from, std::size_t to);

    // What check_depends_on throws for the list of `from` with the id of `to` added, as an
    // error (self-dependency or cycle); nullopt when there is none.
    std::optional<Error> check(std::size_t from, std::size_t to);

  private:
    static constexpr std::uint32_t none = static_cast<std::uint32_t>(-1);
    // All the graph knows of one asset, in one 32-byte block: a step of the walk reads one.
    struct alignas(32) Node {
        std::uint32_t first_with_id = 0; // the first asset holding its id
        std::uint32_t list_of_id = 0;    // for such a first asset: the asset whose list is the id's
        std::uint32_t listed = 0;        // its backlog list: targets_[listed .. next's listed)
        std::uint32_t first_added = none; // the target of the first dependency added, or none
        std::uint32_t more_added = none;  // into added_: the second added, or none
        std::uint32_t last_added = none;  // into added_: the last added when more than one
        std::uint32_t reached = 0;        // == walk_: reached in the current walk of `check`,
        std::uint32_t came_from = none;   // from there
    };
    struct Added {
        std::uint32_t target; // the first asset with the added id
        std::uint32_t next;   // the next added to the same list, or none
    };

    // Calls `visit(target)` for each entry of the list of asset `asset`, in list order.
    template <class Visit> void for_each_listed(std::uint32_t asset, Visit&& visit) const {
        const Node& node = nodes_[asset];
        for (std::uint32_t i = node.listed; i < nodes_[asset + 1].listed; ++i) {
            visit(targets_[i]);
        }
        if (node.first_added == none) {
            return;
        }
        visit(node.first_added);
        for (std::uint32_t at = node.more_added; at != none; at = added_[at].next) {
            visit(added_[at].target);
        }
    }

    const Backlog& backlog_;
    HugeArray<Node> nodes_; // by asset, and one past the last (its `listed` ends the lists)
    std::vector<std::uint32_t> targets_; // the backlog's lists, each entry its first asset
    std::vector<Added> added_;
    std::vector<std::uint32_t> to_visit_;
    std::uint32_t walk_ = 0;
};

} // namespace mbl::import_detail
