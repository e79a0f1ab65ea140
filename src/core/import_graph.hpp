#pragma once
// The depends_on lists of a backlog's assets as asset positions, with the dependencies the
// dependency import adds, for its two checks of each new pair: is it listed already, would it
// close a cycle. Walking it looks up no id and touches no asset, where check_depends_on
// (dependency_list.hpp) looks up every id it walks past, a cache miss or two each among a
// million assets. Its answers are check_depends_on's for the same lists. Private to the core
// library (import_dependencies.cpp).

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
    struct Added {
        std::uint32_t target; // the first asset with the added id
        std::uint32_t next;   // the next added to the same list, or none
    };

    // Calls `visit(target)` for each entry of the list of asset `asset`, in list order.
    template <class Visit> void for_each_listed(std::uint32_t asset, Visit&& visit) const {
        for (std::uint32_t i = offsets_[asset]; i < offsets_[asset + 1]; ++i) {
            visit(targets_[i]);
        }
        for (std::uint32_t at = first_added_[asset]; at != none; at = added_[at].next) {
            visit(added_[at].target);
        }
    }

    const Backlog& backlog_;
    std::vector<std::uint32_t> first_with_id_; // asset -> the first asset holding its id
    std::vector<std::uint32_t> list_of_id_;    // such a first asset -> the asset whose list is
                                               // the id's
    std::vector<std::uint32_t> offsets_;       // the backlog's lists: targets_[offsets_[a]..]
    std::vector<std::uint32_t> targets_;
    std::vector<std::uint32_t> first_added_; // by asset: into added_, or none
    std::vector<std::uint32_t> last_added_;
    std::vector<Added> added_;
    // The walk of `check`: reached_[a] == walk_ when asset a is reached in the current walk,
    // from came_from_[a].
    std::vector<std::uint32_t> reached_;
    std::vector<std::uint32_t> came_from_;
    std::vector<std::uint32_t> to_visit_;
    std::uint32_t walk_ = 0;
};

} // namespace mbl::import_detail
