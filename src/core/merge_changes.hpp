#pragma once
// What theirs changed from base (merge.hpp's TheirChanges), taken with base given one entity at a
// time, as it is read (entity_stream.hpp), against theirs held whole: base is never built whole
// beside theirs. Equal entities are found equal typed; only base's versions of what theirs
// changed or removed are kept.

#include "entity_stream.hpp"
#include "flat_id_map.hpp"
#include "mbl/error.hpp"
#include "mbl/model.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace mbl::detail {

// What theirs changed in the entities of one kind.
template <class Entity> struct KindChanges {
    // theirs' entities added or changed, in theirs' order, each with base's version (none when
    // added).
    std::vector<std::pair<Entity, std::optional<Entity>>> changed;
    std::vector<Entity> removed; // base's version of each entity theirs removed, in base's order
};

// The Error(check_failed) of a side with two entities of one kind with the same id (no merge by
// id is possible).
inline Error two_with_one_id(std::string_view side, std::string_view plural, std::string_view id) {
    return Error(ExitStatus::check_failed,
                 fmt::format("{} has two {} '{}'; give one of them another id, then merge again",
                             side, plural, id));
}

// KindChanges of one kind, base's entities given one at a time (none at all: no base, everything
// theirs has is added).
//
// While base holds the ids of theirs in the same order (the usual case) entities pair by
// position and no index is built. At the first one out of place, theirs is indexed by id, and
// each base entity from there on is found by its id (or removed).
template <class Entity> class KindChangesReader {
  public:
    // `theirs` must outlive the reader.
    KindChangesReader(std::string_view plural, const std::vector<Entity>& theirs)
        : plural_(plural), theirs_(theirs) {}

    void add_base(const Entity& original) {
        std::size_t position = count_++;
        if (!indexed_) {
            if (position < theirs_.size() && theirs_[position].id == original.id) {
                if (!(theirs_[position] == original)) {
                    saved_.emplace_back(position, original);
                }
                return;
            }
            index_theirs(position);
        }
        const std::size_t* found = first_.find(original.id);
        if (found == nullptr) {
            if (removed_ids_.insert(original.id).second) {
                changes_.removed.push_back(original);
            } else {
                note_base_duplicate(original.id);
            }
            return;
        }
        if (matched_[*found]) {
            note_base_duplicate(original.id);
            return;
        }
        matched_[*found] = true;
        if (!(theirs_[*found] == original)) {
            saved_.emplace_back(*found, original);
        }
    }

    // Once every base entity is given. Throws two_with_one_id when theirs, else base, has two
    // entities with one id.
    KindChanges<Entity> finish() {
        if (!indexed_ && count_ != theirs_.size()) {
            index_theirs(count_); // base is theirs cut short: the rest is added
        }
        if (!indexed_) {
            check_theirs_ids(); // else checked as indexed
        }
        if (theirs_duplicate_) {
            throw two_with_one_id("theirs", plural_, *theirs_duplicate_);
        }
        if (base_duplicate_) {
            throw two_with_one_id("base", plural_, *base_duplicate_);
        }
        std::sort(saved_.begin(), saved_.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        auto saved = saved_.begin();
        for (std::size_t i = 0; i < theirs_.size(); ++i) {
            if (indexed_ && !matched_[i]) {
                changes_.changed.emplace_back(theirs_[i], std::nullopt);
            } else if (saved != saved_.end() && saved->first == i) {
                changes_.changed.emplace_back(theirs_[i], std::move(saved->second));
                ++saved;
            }
        }
        return std::move(changes_);
    }

  private:
    // Switches to finding base's entities by id, the first `paired` having had theirs' ids.
    void index_theirs(std::size_t paired) {
        indexed_ = true;
        first_.reserve(theirs_.size());
        for (std::size_t i = 0; i < theirs_.size(); ++i) {
            if (!first_.emplace(theirs_[i].id, i).second && !theirs_duplicate_) {
                theirs_duplicate_ = theirs_[i].id;
            }
        }
        matched_.assign(theirs_.size(), false);
        std::fill_n(matched_.begin(), paired, true);
    }

    // Theirs' ids, when not indexed: checked once base is read (and its text given back).
    void check_theirs_ids() {
        FlatIdMap<bool> ids;
        ids.reserve(theirs_.size());
        for (const Entity& their : theirs_) {
            if (!ids.emplace(their.id, true).second) {
                theirs_duplicate_ = their.id;
                return;
            }
        }
    }

    void note_base_duplicate(const std::string& id) {
        if (!base_duplicate_) {
            base_duplicate_ = id;
        }
    }

    std::string_view plural_;
    const std::vector<Entity>& theirs_;
    std::optional<std::string> theirs_duplicate_;
    std::optional<std::string> base_duplicate_; // the first base entity whose id came before
    std::size_t count_ = 0;                     // base entities so far
    std::vector<std::pair<std::size_t, Entity>> saved_; // theirs' position, base's version
    KindChanges<Entity> changes_;                       // the removed ones so far
    bool indexed_ = false;
    FlatIdMap<std::size_t> first_; // theirs' id -> its position
    std::vector<bool> matched_;    // of theirs: base has its id
    std::unordered_set<std::string> removed_ids_;
};

// The three kinds' readers: base's entities go to each as they are read.
class BaseChangesReader final : public EntityReceiver {
  public:
    explicit BaseChangesReader(const Backlog& theirs)
        : workloads("workloads", theirs.workloads), assets("assets", theirs.assets),
          iterations("iterations", theirs.iterations) {}
    void receive(const Workload& workload) override { workloads.add_base(workload); }
    void receive(const Asset& asset) override { assets.add_base(asset); }
    void receive(const Iteration& iteration) override { iterations.add_base(iteration); }

    KindChangesReader<Workload> workloads;
    KindChangesReader<Asset> assets;
    KindChangesReader<Iteration> iterations;
};

} // namespace mbl::detail
